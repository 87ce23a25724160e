"""Every interface text, in Vietnamese and English.

One catalogue keeps the two languages side by side, so a missing translation is
a test failure (tests/ui/test_strings.py), and the language can switch at run
time without a restart: widgets re-read their texts in ``retranslate()``.
"""

from __future__ import annotations

__all__ = ["tr", "STRINGS", "LANGUAGES", "language_name"]

LANGUAGES = ("vi", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # application and window
    "app.name": ("Briefing Viewer", "Briefing Viewer"),
    "app.tagline": ("Đọc nhanh báo cáo trước cuộc họp", "Know the report before the meeting"),
    "menu.file": ("&Tệp", "&File"),
    "menu.edit": ("&Sửa", "&Edit"),
    "menu.view": ("&Xem", "&View"),
    "menu.help": ("Trợ &giúp", "&Help"),
    "menu.recent": ("Mở &gần đây", "Open &Recent"),
    "menu.language": ("&Ngôn ngữ", "&Language"),
    "action.open": ("&Mở cơ sở dữ liệu…", "&Open Database…"),
    "action.reload": ("&Tải lại", "&Reload"),
    "action.search": ("&Tìm kiếm", "&Search"),
    "action.print": ("&In…", "&Print…"),
    "action.quit": ("&Thoát", "&Quit"),
    "action.copy": ("&Sao chép", "&Copy"),
    "action.shortcuts": ("&Phím tắt", "&Keyboard Shortcuts"),
    "action.about": ("&Giới thiệu", "&About"),
    "action.clear_recent": ("Xóa danh sách", "Clear List"),
    "action.show_in_source": ("Xem trong &nguồn", "Show in &Source"),
    "lang.vi": ("Tiếng Việt", "Tiếng Việt"),
    "lang.en": ("English", "English"),
    "toolbar.main": ("Thanh công cụ", "Toolbar"),
    "briefing.selector": ("Báo cáo:", "Briefing:"),
    "briefing.selector.name": ("Chọn báo cáo", "Choose briefing"),
    "status.database": ("{name} (chỉ đọc)", "{name} (read-only)"),
    "status.loaded": ("Tải lúc {time}", "Loaded at {time}"),
    "status.none": ("Chưa mở cơ sở dữ liệu", "No database open"),
    "status.copied": ("Đã sao chép {n} dòng", "Copied {n} row(s)"),
    "status.nothing_to_copy": ("Chưa chọn gì để sao chép", "Nothing selected to copy"),
    "status.not_yet": ("{what} sẽ có trong phiên bản sau", "{what} is coming in a later version"),
    "dialog.open.title": ("Mở cơ sở dữ liệu báo cáo", "Open Briefing Database"),
    "dialog.open.filter": ("Cơ sở dữ liệu báo cáo (*.db *.sqlite *.sqlite3);;Mọi tệp (*)",
                           "Briefing databases (*.db *.sqlite *.sqlite3);;All files (*)"),
    "dialog.open_failed.title": ("Không mở được cơ sở dữ liệu", "Cannot Open Database"),
    "dialog.open_failed.kept": ("Vẫn giữ cơ sở dữ liệu đang mở: {name}", "The open database is kept: {name}"),
    "dialog.shortcuts.title": ("Phím tắt", "Keyboard Shortcuts"),
    "dialog.about.text": ("Briefing Viewer {version}\nĐọc, kiểm tra và in báo cáo — hoạt động ngoại tuyến.",
                          "Briefing Viewer {version}\nRead, check and print briefings — offline."),
    "empty.no_database": ("Chưa mở cơ sở dữ liệu nào. Chọn Tệp → Mở… (Ctrl+O).",
                          "No database is open. Choose File → Open… (Ctrl+O)."),
    # tabs
    "tab.overview": ("Tổng quan", "Overview"),
    "tab.indicators": ("Chỉ số", "Indicators"),
    "tab.achievements": ("Kết quả", "Achievements"),
    "tab.limitations": ("Hạn chế", "Limitations"),
    "tab.directives": ("Nhiệm vụ", "Directives"),
    "tab.enterprises": ("Doanh nghiệp", "Enterprises"),
    "tab.source": ("Nguồn", "Source"),
    # overview
    "overview.meeting": ("Hội nghị", "The meeting"),
    "overview.what": ("Nội dung", "What"),
    "overview.when": ("Thời gian", "When"),
    "overview.where": ("Địa điểm", "Where"),
    "overview.chaired_by": ("Chủ trì", "Chaired by"),
    "overview.attendees": ("Tham dự", "Attended by"),
    "overview.sites": ("Điểm cầu trực tuyến", "Connected sites"),
    "overview.period": ("Kỳ báo cáo", "Period"),
    "overview.source": ("Nguồn", "Source"),
    "overview.authors": ("Tác giả", "Authors"),
    "overview.published": ("Đăng lúc", "Published"),
    "overview.headlines": ("Số liệu chính", "Headline figures"),
    "overview.counts": ("Nội dung báo cáo", "In this briefing"),
    "overview.discrepancies": ("Số liệu chưa khớp trong nguồn", "Discrepancies in the source"),
    "overview.no_discrepancies": ("Không phát hiện số liệu chưa khớp.", "No discrepancies found."),
    "count.indicators": ("{n} chỉ số", "{n} indicators"),
    "count.achievements": ("{n} kết quả", "{n} achievements"),
    "count.limitations": ("{n} hạn chế", "{n} limitations"),
    "count.directives": ("{n} nhiệm vụ", "{n} directives"),
    "count.enterprises": ("{n} doanh nghiệp", "{n} enterprises"),
    "count.discrepancies": ("{n} số liệu chưa khớp", "{n} discrepancies"),
    "check.expected": ("Cộng lại / kỳ vọng: {value}", "Adds up to / expected: {value}"),
    "check.stated": ("Nguồn nêu: {value}", "Source states: {value}"),
    # indicators
    "indicators.sectors": ("Lĩnh vực", "Sectors"),
    "indicators.all_sectors": ("Tất cả lĩnh vực", "All sectors"),
    "indicators.filter": ("Lọc chỉ số…", "Filter indicators…"),
    "indicators.table": ("Bảng chỉ số", "Indicator table"),
    "indicators.detail": ("Chi tiết chỉ số", "Indicator details"),
    "indicators.none_selected": ("Chọn một chỉ số để xem câu nguồn và số liệu liên quan.",
                                 "Select an indicator to see its source sentence and related figures."),
    "col.label": ("Chỉ số", "Indicator"),
    "col.value": ("Giá trị", "Value"),
    "col.unit": ("Đơn vị", "Unit"),
    "col.qualifier": ("Mức độ", "Qualifier"),
    "col.plan": ("% kế hoạch", "% of plan"),
    "col.change": ("Thay đổi", "Change"),
    "col.as_of": ("Tính đến", "As of"),
    "col.sector": ("Lĩnh vực", "Sector"),
    "col.number": ("STT", "No."),
    "col.title": ("Nội dung", "Title"),
    "col.enterprise": ("Doanh nghiệp", "Enterprise"),
    "detail.source": ("Câu nguồn", "Source sentence"),
    "detail.figure": ("Số liệu", "Figure"),
    "detail.comparisons": ("So sánh", "Comparisons"),
    "detail.derived": ("Giá trị suy ra (không có trong nguồn)", "Derived values (not stated in the source)"),
    "detail.formula": ("Công thức: {formula}", "Formula: {formula}"),
    "detail.discrepancies": ("Số liệu chưa khớp", "Discrepancies"),
    "detail.related": ("Liên quan", "Related"),
    "detail.parts": ("Thành phần", "Parts"),
    "detail.part_of": ("Thuộc tổng", "Part of"),
    "detail.no_related": ("Không có mục liên quan.", "No related items."),
    # items
    "items.list": ("Danh sách", "List"),
    "items.reading": ("Nội dung chi tiết", "Reading pane"),
    "items.none_selected": ("Chọn một mục để đọc đoạn nguồn.", "Select an item to read its source passage."),
    "items.filter": ("Lọc…", "Filter…"),
    "relation.addressed_by": ("Được giải quyết bởi", "Addressed by"),
    "relation.addresses": ("Giải quyết", "Addresses"),
    "relation.cited_by": ("Được nêu trong", "Cited by"),
    "relation.cites": ("Nêu số liệu", "Cites"),
    "relation.related": ("Liên quan", "Related"),
    "section.indicators": ("Chỉ số", "Indicator"),
    "section.achievements": ("Kết quả", "Achievement"),
    "section.limitations": ("Hạn chế", "Limitation"),
    "section.directives": ("Nhiệm vụ", "Directive"),
    "section.enterprises": ("Doanh nghiệp", "Enterprise"),
    "section.source": ("Nguồn", "Source"),
    # enterprises
    "enterprises.table": ("Kết quả doanh nghiệp", "Enterprise results"),
    "metric.revenue": ("Doanh thu", "Revenue"),
    "metric.profit": ("Lợi nhuận", "Profit"),
    "metric.budget": ("Nộp ngân sách", "Budget contribution"),
    "metric.subscribers": ("Thuê bao", "Subscribers"),
    "metric.subscribers_domestic": ("Thuê bao trong nước", "Domestic subscribers"),
    "metric.subscribers_abroad": ("Thuê bao nước ngoài", "Subscribers abroad"),
    "enterprises.plan": ("{pct} KH", "{pct} of plan"),
    "enterprises.not_stated": ("—", "—"),
    "enterprises.none_selected": ("Chọn một doanh nghiệp để xem kết quả và câu nguồn.",
                                  "Select an enterprise to see its results and source sentences."),
    "enterprises.no_results": ("Nguồn không nêu số liệu nào của doanh nghiệp này.",
                               "The source states no figures for this enterprise."),
    "enterprises.detail": ("Chi tiết doanh nghiệp", "Enterprise details"),
    "enterprises.also": ("Cũng nêu: {what}", "Also stated: {what}"),
    # source
    "source.article": ("Bài viết gốc", "Original article"),
    "source.original_note": ("Nguồn luôn hiển thị nguyên văn tiếng Việt.",
                             "The source is always shown in the original Vietnamese."),
    # shortcuts dialog
    "shortcut.tabs": ("Chuyển thẻ 1–7", "Switch to tab 1–7"),
    "shortcut.open": ("Mở cơ sở dữ liệu", "Open a database"),
    "shortcut.reload": ("Tải lại dữ liệu", "Reload the data"),
    "shortcut.search": ("Tìm kiếm", "Search"),
    "shortcut.print": ("In bản tóm tắt", "Print a summary"),
    "shortcut.copy": ("Sao chép các dòng đã chọn", "Copy the selected rows"),
    "shortcut.quit": ("Thoát", "Quit"),
    "shortcut.help": ("Danh sách phím tắt", "This list of shortcuts"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    vi, en = STRINGS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    return tr(f"lang.{lang}", lang)
