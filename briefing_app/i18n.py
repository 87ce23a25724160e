"""Every text the app shows, in Vietnamese and English: one Qt-free catalogue for data, report and window.

One table keeps the two languages side by side, so a missing translation is a test failure
(tests/test_i18n.py), and the language can switch at run time: widgets re-read their texts in
``retranslate()``, the report and the data layer's wording ask :func:`tr` for the language they print in.

A text that counts something is a plural: :data:`PLURALS` holds one form per plural category of each
language (Vietnamese has one form, English "one" and "other"), and :func:`tr_n` picks the form for ``n``
and writes ``n`` in the language's number format (``1.234`` / ``1,234``). :func:`tr` does the same when it
is given ``n`` for a plural key, so ``tr("status.copied", lang, n=3)`` reads "Copied 3 rows".

Qt-free and cheap to import: the window imports it before its first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from .data.numbers import format_number

__all__ = ["tr", "tr_n", "tr_pair", "STRINGS", "PLURALS", "LANGUAGES", "PLURAL_RULES", "QUALIFIER_KEYS",
           "language_name", "has_text"]

#: The interface languages, in the order the language menu lists them.
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
    "briefing.selector": ("Kỳ báo cáo:", "Period:"),
    "briefing.selector.name": ("Chọn báo cáo", "Choose briefing"),
    "status.database": ("{name} ở {folder} (chỉ đọc)", "{name} in {folder} (read-only)"),
    "status.library": ("Thư viện của bạn: {name} (chỉ đọc)", "Your library: {name} (read-only)"),
    "status.library_unavailable": ("Không dùng được thư viện của bạn ({problem}); đang xem dữ liệu kèm ứng dụng",
                                   "Your library cannot be used ({problem}); showing the bundled briefings"),
    "status.bundled": ("Dữ liệu kèm ứng dụng: {name} (chỉ đọc)", "Bundled with the app: {name} (read-only)"),
    "status.loaded": ("Tải lúc {time}", "Loaded at {time}"),
    "status.refreshed": ("Cập nhật lúc {time}", "Refreshed at {time}"),
    "status.fixed": ("thư mục chỉ đọc: đọc như tệp cố định, không tự tải lại khi tệp thay đổi",
                     "read-only folder: read as a fixed file; live reload is off"),
    "status.fixed_wal": ("thư mục chỉ đọc: đọc như tệp cố định, không tự tải lại; "
                         "các thay đổi còn trong tệp -wal không hiển thị được",
                         "read-only folder: read as a fixed file; live reload is off; "
                         "changes still in its -wal file cannot be shown"),
    "status.busy": ("Cơ sở dữ liệu đang bận (chương trình khác đang ghi) — đang thử lại…",
                    "The database is busy (another program is writing) — retrying…"),
    "status.kept": ("⚠ {problem} — vẫn hiển thị dữ liệu tải lúc {time}; sẽ tự tải lại khi tệp dùng được",
                    "⚠ {problem} — still showing the data loaded at {time}; "
                    "it reloads by itself when the file is usable"),
    "status.none": ("Chưa mở cơ sở dữ liệu", "No database open"),
    "status.nothing_to_copy": ("Chưa chọn gì để sao chép", "Nothing selected to copy"),
    "error.title": ("Đã xảy ra lỗi", "Something Went Wrong"),
    "error.carry_on": ("Lỗi đã được ghi vào nhật ký. Ứng dụng vẫn tiếp tục chạy; dữ liệu không bị thay đổi.",
                       "The error was written to the log. The application carries on; no data was changed."),
    "error.copy": ("Sao chép chi tiết", "Copy Details"),
    "dialog.open.title": ("Mở cơ sở dữ liệu báo cáo", "Open Briefing Database"),
    "dialog.open.filter": ("Cơ sở dữ liệu báo cáo (*.db *.sqlite *.sqlite3);;Mọi tệp (*)",
                           "Briefing databases (*.db *.sqlite *.sqlite3);;All files (*)"),
    "dialog.open_failed.title": ("Không mở được cơ sở dữ liệu", "Cannot Open Database"),
    "dialog.open_failed.kept": ("Vẫn giữ cơ sở dữ liệu đang mở: {name}", "The open database is kept: {name}"),
    "dialog.shortcuts.title": ("Phím tắt", "Keyboard Shortcuts"),
    "dialog.about.text": ("Briefing Viewer {version}\nĐọc, kiểm tra và in báo cáo — hoạt động ngoại tuyến.",
                          "Briefing Viewer {version}\nRead, check and print briefings — offline."),
    "empty.indicators": ("Báo cáo này không có số liệu nào.", "This briefing lists no figures."),
    "empty.achievements": ("Báo cáo này không có kết quả nào.", "This briefing lists no achievements."),
    "empty.limitations": ("Báo cáo này không có hạn chế nào.", "This briefing lists no limitations."),
    "empty.directives": ("Báo cáo này không có nhiệm vụ nào.", "This briefing lists no directives."),
    "empty.enterprises": ("Báo cáo này không có số liệu doanh nghiệp nào.",
                          "This briefing lists no enterprises."),
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
    # charts
    "chart.show_table": ("Xem dạng bảng", "Show as table"),
    "chart.reset": ("Đặt lại thu phóng", "Reset zoom"),
    "chart.export": ("Xuất", "Export"),
    "chart.export_png": ("Xuất ảnh PNG…", "Export as PNG…"),
    "chart.export_pdf": ("Xuất PDF…", "Export as PDF…"),
    "chart.print": ("In biểu đồ…", "Print Chart…"),
    "chart.export_svg": ("Xuất ảnh SVG…", "Export as SVG…"),
    "chart.export_failed": ("Không xuất được biểu đồ", "Cannot Export Chart"),
    "chart.table": ("Bảng số liệu của biểu đồ", "Chart data table"),
    "chart.category": ("Mục", "Item"),
    "chart.derived_note": ("* Giá trị suy ra, không có trong nguồn", "* Derived value, not stated in the source"),
    "chart.empty": ("Không có số liệu để vẽ biểu đồ.", "Nothing to chart."),
    "chart.none": ("Chọn một lĩnh vực hoặc một chỉ số có thành phần để xem biểu đồ.",
                   "Choose a sector, or an indicator with parts, to see a chart."),
    "charts.heading": ("Biểu đồ", "Charts"),
    # source
    "source.article": ("Bài viết gốc", "Original article"),
    "source.original_note": ("Nguồn luôn hiển thị nguyên văn tiếng Việt.",
                             "The source is always shown in the original Vietnamese."),
    # briefings cited by reference: the article is named (title, publisher, date, address), its text not held
    "citation.line": ("Nguồn: {title} — {publisher}, {date}, {url}", "Source: {title} — {publisher}, {date}, {url}"),
    "citation.no_date": ("không ghi ngày", "date not stated"),
    "citation.not_held": ("Câu gốc không được lưu trong ứng dụng; xem bài viết tại địa chỉ trên.",
                          "The source sentence is not held in the app; see the article at the address above."),
    "citation.locator": ("Tìm trong bài: “{locator}”", "To find it in the article: “{locator}”"),
    "citation.note": ("Ghi chú: {note}", "Note: {note}"),
    "citation.no_source_tab": ("Câu gốc không được lưu trong ứng dụng: bản tin này chỉ trích dẫn bài viết theo "
                               "địa chỉ (xem thẻ Nguồn).",
                               "The source sentence is not held in the app: this briefing cites its articles by "
                               "address only (see the Source tab)."),
    "source.cited_heading": ("Các bài viết được trích dẫn", "Cited articles"),
    "source.cited_note": ("Bản tin này trích dẫn các bài viết theo địa chỉ; nội dung bài viết không được lưu trong "
                          "ứng dụng.",
                          "This briefing cites its articles by address; their text is not held in the app."),
    # printing: the briefing pack (briefing_app/report) and its dialogs (ui/print_controller.py)
    "report.pack": ("Tài liệu tóm tắt", "Briefing pack"),
    "report.contents": ("Mục lục", "Contents"),
    "report.section.overview": ("Tổng quan", "Overview"),
    "report.section.indicators": ("Số liệu theo lĩnh vực", "Figures by sector"),
    "report.section.achievements": ("Kết quả đạt được", "Achievements"),
    "report.section.limitations": ("Hạn chế", "Limitations"),
    "report.section.directives": ("Nhiệm vụ", "Directives"),
    "report.section.enterprises": ("Doanh nghiệp", "Enterprises"),
    "report.section.sources": ("Nguồn số liệu", "Sources"),
    "report.checklist": ("Nhiệm vụ — danh sách kiểm tra", "Directives — checklist"),
    "report.sector": ("Lĩnh vực: {name}", "Sector: {name}"),
    "report.charts": ("Biểu đồ", "Charts"),
    "report.chart_sources": ("Câu nguồn của các số liệu trong biểu đồ", "Where the chart's figures come from"),
    "report.col.figure": ("Số liệu", "Figure"),
    "report.col.comparisons": ("So sánh, ghi chú", "Comparisons, notes"),
    "report.col.result": ("Kết quả", "Result"),
    "report.derived": ("(suy ra)", "(derived)"),
    "report.unit": ("Đơn vị: {unit}", "Unit: {unit}"),
    "report.target": ("{value} kế hoạch", "{value} of plan"),
    "report.not_stated": ("không nêu", "not stated"),
    "report.page": ("Trang {page}/{pages}", "Page {page} of {pages}"),
    "report.printed": ("In ngày {date}", "Printed {date}"),
    "report.data": ("Dữ liệu: {name} · sha256 {digest}", "Data: {name} · sha256 {digest}"),
    "report.refs_note": ("Số trong ngoặc vuông, như [1], chỉ câu nguồn liệt kê ở mục “Nguồn số liệu”. "
                         "Giá trị “(suy ra)” không có trong nguồn mà được tính từ số liệu nguồn nêu.",
                         "Numbers in brackets, such as [1], point to the source sentences listed under “Sources”. "
                         "Values marked “(derived)” are not stated in the source; "
                         "they are computed from stated figures."),
    "report.derived_note": ("Giá trị “(suy ra)” không có trong nguồn mà được tính từ số liệu nguồn nêu.",
                            "Values marked “(derived)” are not stated in the source; "
                            "they are computed from stated figures."),
    "report.figures": ("Số liệu: {labels}", "Figures: {labels}"),
    "report.article": ("Bài viết gốc: {title}", "Original article: {title}"),
    "report.passage": ("Nguyên văn", "Source text (Vietnamese)"),
    "report.continued": ("(tiếp)", "(continued)"),
    "report.nothing": ("Báo cáo không có mục nào trong phần này.", "The briefing has nothing in this section."),
    "action.print_preview": ("&Xem trước khi in…", "Print Pre&view…"),
    "action.export_pdf": ("&Xuất PDF…", "&Export PDF…"),
    "print.dialog.title": ("Tùy chọn in", "Print Options"),
    "print.sections": ("Các phần", "Sections"),
    "print.current_only": ("Chỉ thẻ đang xem ({tab})", "Only the current tab ({tab})"),
    "print.language": ("&Ngôn ngữ:", "&Language:"),
    "print.page_size": ("&Khổ giấy:", "&Page size:"),
    "print.orientation": ("&Hướng giấy:", "&Orientation:"),
    "print.portrait": ("Dọc", "Portrait"),
    "print.landscape": ("Ngang", "Landscape"),
    "print.export.title": ("Xuất PDF", "Export PDF"),
    "print.export.filter": ("Tệp PDF (*.pdf)", "PDF files (*.pdf)"),
    "print.failed.title": ("Không ghi được PDF", "Cannot Write PDF"),
    "print.print_failed.title": ("Không in được", "Cannot Print"),
    "print.no_data": ("Chưa mở cơ sở dữ liệu nào để in.", "No database is open to print."),
    # search
    "search.placeholder": ("Tìm kiếm (Ctrl+F)", "Search (Ctrl+F)"),
    "search.scope": ("Tìm trong:", "Search in:"),
    "search.scope.current": ("Báo cáo này", "This briefing"),
    "search.scope.all": ("Mọi báo cáo", "All briefings"),
    "search.field": ("Tìm kiếm trong báo cáo", "Search the briefing"),
    "search.results": ("Kết quả tìm kiếm", "Search results"),
    "search.no_results": ("Không tìm thấy “{query}”.", "Nothing found for “{query}”."),
    "search.other_briefings": ("Các báo cáo khác ({n})", "Other briefings ({n})"),
    "search.searching_others": ("Đang tìm trong các báo cáo khác…", "Searching the other briefings…"),
    "search.hint": ("Gõ từ cần tìm, có dấu hoặc không dấu, ví dụ: dien thoai, 213.355",
                    "Type words to find, with or without tone marks, e.g. dien thoai, 213.355"),
    # shortcuts dialog
    "shortcut.switch_tabs": ("Chuyển thẻ 1–{n}", "Switch to tab 1–{n}"),
    "shortcut.open": ("Mở cơ sở dữ liệu", "Open a database"),
    "shortcut.reload": ("Tải lại dữ liệu", "Reload the data"),
    "shortcut.search": ("Tìm kiếm", "Search"),
    "shortcut.print": ("In bản tóm tắt", "Print a summary"),
    "shortcut.preview": ("Xem trước khi in", "Print preview"),
    "shortcut.export_pdf": ("Xuất PDF", "Export PDF"),
    "shortcut.copy": ("Sao chép các dòng đã chọn", "Copy the selected rows"),
    "shortcut.quit": ("Thoát", "Quit"),
    "shortcut.help": ("Danh sách phím tắt", "This list of shortcuts"),
    # qualifiers as the source writes them (the Vietnamese text is the source's word; see QUALIFIER_KEYS)
    "qualifier.hon": ("hơn", "over"),
    "qualifier.tren": ("trên", "over"),
    "qualifier.gan": ("gần", "nearly"),
    "qualifier.khoang": ("khoảng", "about"),
    "qualifier.vao_khoang": ("vào khoảng", "about"),
    "qualifier.uoc_dat": ("ước đạt", "estimated"),
    "qualifier.uoc_tinh": ("ước tính", "estimated"),
    # how a figure's comparisons read (briefing_app/data/wording.py); {basis} and {plan} come from the data
    "wording.annual_plan": ("kế hoạch năm", "the annual plan"),
    "wording.same_period": ("cùng kỳ năm trước", "the same period last year"),
    "wording.of_plan": ("bằng {pct} {plan}", "{pct} of {plan}"),
    "wording.rise": ("tăng {amount} so với {basis}", "up {amount} on {basis}"),
    "wording.fall": ("giảm {amount} so với {basis}", "down {amount} on {basis}"),
    "wording.of_basis": ("bằng {pct} so với {basis}", "{pct} of {basis}"),
    "wording.of_last_year": ("{pct} cùng kỳ", "{pct} of last year"),
    # dates and periods (briefing_app/data/wording.py::date_text)
    "date.day": ("{day:02d}/{month:02d}/{year}", "{day} {month_name} {year}"),
    "date.month": ("tháng {month}/{year}", "{month_name} {year}"),
    "date.year": ("năm {year}", "{year}"),
    "date.first_half": ("6 tháng đầu năm {year}", "first half of {year}"),
    "date.second_half": ("6 tháng cuối năm {year}", "second half of {year}"),
    "date.quarter": ("quý {quarter}/{year}", "Q{quarter} {year}"),
    "month.1": ("tháng 1", "Jan"),
    "month.2": ("tháng 2", "Feb"),
    "month.3": ("tháng 3", "Mar"),
    "month.4": ("tháng 4", "Apr"),
    "month.5": ("tháng 5", "May"),
    "month.6": ("tháng 6", "Jun"),
    "month.7": ("tháng 7", "Jul"),
    "month.8": ("tháng 8", "Aug"),
    "month.9": ("tháng 9", "Sep"),
    "month.10": ("tháng 10", "Oct"),
    "month.11": ("tháng 11", "Nov"),
    "month.12": ("tháng 12", "Dec"),
    # the charts' own texts (briefing_app/data/charts.py); axis words (briefing_app/ui/charts/axis.py)
    "chart.series.stated": ("Số liệu nêu trong nguồn", "As stated"),
    "chart.series.stated_short": ("Nguồn nêu", "Stated"),
    "chart.series.derived": ("Suy ra", "Derived"),
    "chart.this_period": ("Kỳ này (nguồn nêu)", "This period (stated)"),
    "chart.plan.title": ("Tiến độ so với kế hoạch năm", "Progress against the annual plan"),
    "chart.plan.unit": ("% kế hoạch", "% of plan"),
    "chart.enterprises.title": ("Doanh thu và lợi nhuận của doanh nghiệp", "Enterprise revenue and profit"),
    "chart.enterprises_plan.title": ("Doanh nghiệp: tiến độ so với kế hoạch năm",
                                     "Enterprises: progress against the annual plan"),
    "axis.billions": ("tỷ", "bn"),
    "axis.millions": ("tr", "M"),
    # comparing two briefings (data/compare.py, the printed pack's comparison section)
    "compare.note.only_a": ("chỉ có trong {briefing}", "only in {briefing}"),
    "compare.note.only_b": ("chỉ có trong {briefing}", "only in {briefing}"),
    "compare.note.not_stated": ("không so sánh được: một bên không nêu giá trị",
                                "not comparable: a value is not stated"),
    "compare.note.unit": ("không so sánh được: đơn vị không quy đổi được", "not comparable: the units do not convert"),
    "compare.note.period_length": ("không so sánh được: lượng tính trong các kỳ dài ngắn khác nhau ({a} và {b})",
                                   "not comparable: amounts over periods of different length ({a} vs {b})"),
    "compare.note.different_measures": (
        "không so sánh được: trông giống “{other}” của {briefing} nhưng đo một chỉ tiêu khác ({other_measure})",
        "not comparable: looks like {briefing}'s “{other}” but measures a different thing ({other_measure})"),
    "compare.note.no_measure": (
        "không so sánh được: trông giống “{other}” của {briefing} nhưng chưa ghi chỉ tiêu, có thể đo hai thứ khác nhau",
        "not comparable: looks like {briefing}'s “{other}”, but no measure is named, so they may count different "
        "things"),
    "compare.note.disagree": ("số liệu không khớp mức thay đổi được nêu: {stated}% cho thấy kỳ trước khoảng {implied}",
                              "the figures do not fit the stated change: {stated}% implies {implied} for the earlier "
                              "period"),
    "report.section.comparison": ("So sánh với {briefing}", "Compared with {briefing}"),
    "report.compare.intro": ("Kỳ trước: {older}. Kỳ sau: {newer}. “Thay đổi” được tính từ hai số liệu; “được nêu” "
                             "là mức thay đổi báo cáo kỳ sau nêu so với kỳ trước.",
                             "Earlier: {older}. Later: {newer}. “Change” is worked out from the two figures; "
                             "“stated” is the change the later briefing states against the earlier period."),
    "report.compare.col.measure": ("Chỉ tiêu", "Measure"),
    "report.compare.col.older": ("Kỳ trước", "Earlier"),
    "report.compare.col.newer": ("Kỳ sau", "Later"),
    "report.compare.col.change": ("Thay đổi", "Change"),
    "report.compare.col.stated": ("Được nêu", "Stated"),
    "report.compare.col.note": ("Ghi chú", "Note"),
    "report.compare.figures": ("Số liệu", "Figures"),
    "report.compare.directives": ("Nhiệm vụ", "Directives"),
    "report.compare.limitations": ("Hạn chế", "Limitations"),
    "report.compare.score": ("độ giống {score}", "similarity {score}"),
    # a measure over time (issue #15 §3): the Indicators tab's "Over time" chart and the Trends tab
    "series.title": ("Theo thời gian: {name}", "Over time: {name}"),
    "series.stated": ("Nguồn nêu", "Stated"),
    "series.implied": ("Suy ra từ so sánh", "Implied by a comparison"),
    "series.stated_text": ("{value} ({briefing})", "{value} ({briefing})"),
    "series.implied_text": ("{value}, suy ra từ {briefing}: {formula}", "{value}, implied by {briefing}: {formula}"),
    "series.conflict_note": ("⚠ Mâu thuẫn ({period}): {stated_by} nêu {stated}, {implied_by} suy ra {implied}"
                             " — chênh {difference}%",
                             "⚠ Conflict ({period}): {stated_by} states {stated}, {implied_by} implies {implied}"
                             " — {difference}% apart"),
    "series.period": ("Kỳ", "Period"),
    "series.no_measure": ("Chỉ số này chưa gắn với thước đo nào nên không theo dõi được theo thời gian.",
                          "This figure has no measure, so it cannot be followed over time."),
    "series.one_point": ("Mới có một số liệu của thước đo này; cần từ hai kỳ trở lên để vẽ theo thời gian.",
                         "Only one point so far; a measure needs two or more to be shown over time."),
    "series.none_selected": ("Chọn một chỉ số để xem theo thời gian.", "Select a figure to see it over time."),
    "series.unreadable": ("Lúc này không đọc được số liệu các kỳ; sẽ thử lại khi dữ liệu được tải lại.",
                          "The series cannot be read just now; it is read again when the data reloads."),
    "kind.stock": ("mức tại một thời điểm", "stock (a level at a date)"),
    "kind.flow": ("lượng trong một kỳ", "flow (an amount over a period)"),
    "tab.trends": ("Xu hướng", "Trends"),
    "trends.table": ("Các thước đo có từ hai số liệu trở lên", "Measures with two or more points"),
    "trends.col.measure": ("Thước đo", "Measure"),
    "trends.col.unit": ("Đơn vị", "Unit"),
    "trends.col.kind": ("Loại", "Kind"),
    "trends.col.points": ("Số điểm", "Points"),
    "trends.col.first": ("Kỳ đầu", "First period"),
    "trends.col.last": ("Kỳ cuối", "Last period"),
    "trends.col.last_value": ("Giá trị cuối", "Last value"),
    "trends.col.conflicts": ("Mâu thuẫn", "Conflicts"),
    "trends.empty": ("Chưa có thước đo nào có từ hai số liệu trở lên trong cơ sở dữ liệu này.",
                     "No measure has two or more points in this database yet."),
    "trends.choose": ("Chọn một thước đo để xem theo thời gian.", "Choose a measure to see it over time."),
    # comparing two briefings in the window (View ▸ Compare with…)
    "action.compare_with": ("&So sánh với…", "&Compare with…"),
    "action.stop_comparing": ("&Thôi so sánh", "S&top comparing"),
    "compare.window.heading": ("So sánh {older} (kỳ trước) với {newer} (kỳ sau). “Thay đổi” được tính từ hai số "
                               "liệu; “Được nêu” là mức thay đổi kỳ sau tự nêu.",
                               "Comparing {older} (earlier) with {newer} (later). “Change” is computed from the two "
                               "figures; “Stated” is the change the later briefing states."),
    "compare.window.items_heading": ("So sánh {older} (kỳ trước) với {newer} (kỳ sau)",
                                     "Comparing {older} (earlier) with {newer} (later)"),
    "compare.window.table": ("Bảng so sánh số liệu", "Figures compared"),
    "compare.window.items": ("Danh sách so sánh", "Items compared"),
    "compare.window.needs_two": ("Cần ít nhất hai báo cáo trong cơ sở dữ liệu để so sánh",
                                 "Comparing needs at least two briefings in the database"),
}


PLURALS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "status.library_updated": (("Thư viện của bạn vừa nhận {n} báo cáo mới hoặc đã đính chính từ phiên bản này",),
        ("Your library received {n} new or corrected briefing from this version",
                                "Your library received {n} new or corrected briefings from this version")),
    "text.shortened": (("(đã rút gọn: {n} ký tự)",),
        ("(text shortened: {n} character)", "(text shortened: {n} characters)")),
    "status.copied": (("Đã sao chép {n} dòng",),
        ("Copied {n} row", "Copied {n} rows")),
    "count.indicators": (("{n} chỉ số",),
        ("{n} indicator", "{n} indicators")),
    "count.achievements": (("{n} kết quả",),
        ("{n} achievement", "{n} achievements")),
    "count.limitations": (("{n} hạn chế",),
        ("{n} limitation", "{n} limitations")),
    "count.directives": (("{n} nhiệm vụ",),
        ("{n} directive", "{n} directives")),
    "count.enterprises": (("{n} doanh nghiệp",),
        ("{n} enterprise", "{n} enterprises")),
    "count.discrepancies": (("{n} số liệu chưa khớp",),
        ("{n} discrepancy", "{n} discrepancies")),
    "print.saved": (("Đã lưu {name} ({n} trang)",),
        ("Saved {name} ({n} page)", "Saved {name} ({n} pages)")),
    "search.count": (("{n} kết quả · ↓ chọn · Enter mở · Esc đóng",),
        ("{n} result · ↓ select · Enter open · Esc close",
                     "{n} results · ↓ select · Enter open · Esc close")),
    # the command line's counts (its messages are English; the Vietnamese is there for a --lang to come)
    "count.problems": (("{n} lỗi",), ("{n} problem", "{n} problems")),
    "count.files": (("{n} tệp",), ("{n} file", "{n} files")),
    "count.briefing_files": (("{n} tệp báo cáo",), ("{n} briefing file", "{n} briefing files")),
    "count.pages": (("{n} trang",), ("{n} page", "{n} pages")),
    # comparing two briefings
    "count.compare.not_comparable": (("{n} số liệu không so sánh được",),
                                     ("{n} figure not comparable", "{n} figures not comparable")),
    "count.compare.continued": (("{n} tiếp tục",), ("{n} continued", "{n} continued")),
    "count.compare.new": (("{n} mới",), ("{n} new", "{n} new")),
    "count.compare.dropped": (("{n} không còn",), ("{n} dropped", "{n} dropped")),
}


#: The qualifiers a briefing file may write before a figure (``ước đạt 213.355``), each with its text's key.
#: The validator and the sentence parser take the words from here (through ``data.schema.QUALIFIERS``).
QUALIFIER_KEYS: dict[str, str] = {
    "hơn": "qualifier.hon",
    "trên": "qualifier.tren",
    "gần": "qualifier.gan",
    "khoảng": "qualifier.khoang",
    "vào khoảng": "qualifier.vao_khoang",
    "ước đạt": "qualifier.uoc_dat",
    "ước tính": "qualifier.uoc_tinh",
}


def _one_form(n: int) -> int:
    return 0


def _one_other(n: int) -> int:
    return 0 if abs(n) == 1 else 1


#: Which of a plural's forms each language uses for ``n`` (CLDR's cardinal rules for whole numbers):
#: Vietnamese has one form; English "one" for 1 and "other" for every other number.
PLURAL_RULES: dict[str, Callable[[int], int]] = {"vi": _one_form, "en": _one_other}


def _column(lang: str) -> int:
    # An unknown language reads Vietnamese, the source's own language.
    return 1 if lang == "en" else 0


def has_text(key: str) -> bool:
    """Whether the catalogue has a text (plain or plural) for ``key``."""
    return key in STRINGS or key in PLURALS


def tr(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    For a plural key ``values`` must hold the count ``n``: the call is :func:`tr_n`'s.
    """
    if key in PLURALS:
        if "n" not in values:
            raise KeyError(f"{key!r} is a plural text: give its count as n=")
        n = values.pop("n")
        if not isinstance(n, int):
            raise TypeError(f"{key!r} counts whole things: n must be an int, not {type(n).__name__}")
        return tr_n(key, n, lang, **values)
    text = STRINGS[key][_column(lang)]
    return text.format(**values) if values else text


def tr_n(key: str, n: int, lang: str, **values: object) -> str:
    """The plural text for ``key`` counting ``n`` in ``lang``: the form the language uses for ``n``,
    with ``{n}`` in the language's number format (``1.234`` / ``1,234``) and the other placeholders
    filled from ``values``."""
    forms = PLURALS[key][_column(lang)]
    rule = PLURAL_RULES.get(lang, _one_form)
    return forms[rule(n)].format(n=format_number(n, lang), **values)


def tr_pair(key: str, **values: object) -> tuple[str, str]:
    """The text for ``key`` in Vietnamese and in English, for records that carry both (chart specs)."""
    return tr(key, "vi", **values), tr(key, "en", **values)


def language_name(lang: str) -> str:
    """The language's own name for itself ("Tiếng Việt", "English"), as the language menu lists it."""
    return tr(f"lang.{lang}", lang)
