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
           "language_name", "has_text", "Message", "render", "environment_language"]

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
    "status.file_problem": ("{name}: {problem}", "{name}: {problem}"),
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
    "dialog.open_failed.kept": ("Vẫn đang hiển thị cơ sở dữ liệu trước đó: {name}",
                                "Still showing the previous database: {name}"),
    "dialog.open_failed.instead": ("Thay vào đó đang hiển thị — {name}", "Showing instead — {name}"),
    # what is wrong with a database file: the text after "FILE: " (data/store.py, data/library.py, data/importer.py)
    # Why a file could not be written (data.atomic.describe_write_problem); the path is said beside it.
    "write.is_folder": ("là một thư mục, không phải tên tệp", "is a folder, not a file name"),
    "write.not_a_folder": ("{folder} không phải là thư mục", "{folder} is not a folder"),
    "write.no_folder": ("thư mục {folder} không tồn tại", "folder {folder} does not exist"),
    "write.permission": ("không có quyền ghi (không ghi được vào {folder})",
                         "permission denied (cannot write in {folder})"),
    "write.read_only_fs": ("{folder} nằm trên hệ thống tệp chỉ đọc", "{folder} is on a read-only file system"),
    "write.no_space": ("thiết bị đã hết chỗ trống", "no space left on the device"),
    "write.failed": ("không ghi được ({reason})", "cannot write ({reason})"),
    "write.not_regular": ("không phải tệp thông thường; không có gì được ghi",
                          "is not a regular file; nothing was written"),
    "write.same_as_input": ("chính là tệp đầu vào {source}; không có gì được ghi",
                            "is the same file as the input {source}; nothing was written"),
    "write.is_database": ("là một cơ sở dữ liệu; hãy chọn tên khác", "is a database; choose another name"),
    "write.read_only_file": ("là tệp chỉ đọc; không có gì được ghi", "is read-only; nothing was written"),
    "write.open_elsewhere": ("đang mở trong một chương trình khác (cơ sở dữ liệu ở chế độ WAL); hãy đóng nó rồi "
                             "thử lại; không có gì bị thay đổi",
                             "is open in another program (a database in WAL mode); close it and try again; "
                             "nothing was changed"),
    "write.busy": ("đang bận: một chương trình khác đang ghi vào nó; hãy thử lại khi xong; không có gì bị thay đổi",
                   "is busy: another program is writing to it; try again when it is done; nothing was changed"),
    "problem.not_found": ("không tìm thấy tệp", "file not found"),
    "problem.unreadable": ("không đọc được ({reason})", "cannot be read ({reason})"),
    "problem.folder": ("là một thư mục, không phải tệp cơ sở dữ liệu", "is a folder, not a database file"),
    "problem.not_regular": ("không phải tệp thông thường ({kind})", "is not a regular file ({kind})"),
    "problem.side_file": ("không đọc được: {name} không phải tệp thông thường ({kind})",
                          "cannot be read: {name} is not a regular file ({kind})"),
    "problem.empty": ("là tệp rỗng (0 byte)", "is empty (0 bytes)"),
    "problem.not_sqlite": ("không phải cơ sở dữ liệu SQLite", "is not an SQLite database"),
    "problem.truncated": ("bị cắt cụt (ngắn hơn phần đầu của một tệp SQLite)",
                          "is truncated (shorter than an SQLite header)"),
    "problem.foreign_sqlite": ("là cơ sở dữ liệu SQLite, nhưng không phải cơ sở dữ liệu báo cáo",
                               "is an SQLite database, but not a briefing database"),
    "problem.newer_schema": ("do phiên bản Briefing Viewer mới hơn tạo ra (lược đồ {version}; "
                             "phiên bản này đọc được đến lược đồ {supported})",
                             "was made by a newer version of Briefing Viewer (schema {version}; "
                             "this version reads up to {supported})"),
    "problem.no_schema_version": ("không có số phiên bản lược đồ; tệp không do Briefing Viewer tạo ra",
                                  "has no schema version; it was not made by Briefing Viewer"),
    "problem.integrity": ("bị hỏng: không qua được kiểm tra toàn vẹn ({verdict})",
                          "is damaged: the integrity check failed ({verdict})"),
    "problem.table_missing": ("bị hỏng: thiếu bảng '{table}'", "is damaged: table '{table}' is missing"),
    "problem.not_a_table": ("bị hỏng: '{table}' là {kind}, không phải bảng",
                            "is damaged: '{table}' is a {kind}, not a table"),
    "problem.column_missing": ("bị hỏng: thiếu cột {column}", "is damaged: column {column} is missing"),
    "problem.column_type": ("bị hỏng: cột {column} có kiểu {declared}, cần {expected}",
                            "is damaged: column {column} is {declared}, expected {expected}"),
    "problem.damaged": ("bị hỏng: {detail}", "is damaged: {detail}"),
    "problem.not_utf8": ("bị hỏng: chứa văn bản không phải UTF-8 ({reason})",
                         "is damaged: it holds text that is not UTF-8 ({reason})"),
    "problem.cannot_open": ("không mở được: {reason}", "cannot be opened: {reason}"),
    "problem.not_readable_db": ("không phải cơ sở dữ liệu báo cáo đọc được ({reason})",
                                "is not a readable briefing database ({reason})"),
    "problem.read_failed": ("không đọc được ({reason})", "cannot be read ({reason})"),
    "problem.locked": ("đang bị chương trình khác khóa (bận)", "is locked by another program (busy)"),
    "problem.still_busy": ("vẫn bận sau {seconds} giây (chương trình khác đang ghi)",
                           "still busy after {seconds} s (another program is writing)"),
    "problem.no_briefing": ("không có báo cáo '{briefing}'", "has no briefing '{briefing}'"),
    "problem.no_briefing_of": ("không có báo cáo '{briefing}' (chỉ có: {ids})",
                               "has no briefing '{briefing}' (it has: {ids})"),
    "problem.holds_no_briefing": ("không chứa báo cáo nào", "holds no briefing"),
    "problem.bundled_missing": ("không tìm thấy tệp (bản cài đặt này thiếu dữ liệu báo cáo kèm ứng dụng)",
                                "file not found (the bundled briefings are missing from this install)"),
    "problem.not_a_library": ("không phải thư viện báo cáo đọc được ({reason})",
                              "is not a readable briefing library ({reason})"),
    "problem.cannot_write_open": ("không mở được để ghi ({reason})", "cannot be opened for writing ({reason})"),
    "problem.cannot_write": ("không ghi được ({reason})", "cannot be written ({reason})"),
    "problem.cannot_copy": ("không sao chép được vào thư viện ({reason})",
                            "cannot be copied into the library ({reason})"),
    "problem.library_integrity": ("thư viện mới không qua được kiểm tra toàn vẹn; thư viện chưa được tạo",
                                  "the new library failed its integrity check; it was not created"),
    "problem.not_read_back": ("không đọc lại được sau khi nhập ({reason})",
                              "cannot be read back after the import ({reason})"),
    "problem.gone_after_import": ("không còn báo cáo {briefing} sau khi nhập (một chương trình khác đã xóa nó)",
                                  "briefing {briefing} is not there after the import (another program removed it)"),
    "problem.integrity_after_change": ("không qua được kiểm tra toàn vẹn sau khi thay đổi ({verdict})",
                                       "failed its integrity check after the change ({verdict})"),
    "file_kind.fifo": ("một FIFO", "a FIFO"),
    "file_kind.char": ("một thiết bị ký tự", "a character device"),
    "file_kind.block": ("một thiết bị khối", "a block device"),
    "file_kind.socket": ("một socket", "a socket"),
    "file_kind.folder": ("một thư mục", "a folder"),
    "file_kind.link": ("một liên kết tượng trưng", "a symbolic link"),
    "file_kind.other": ("không phải tệp thông thường", "not a regular file"),
    # what is wrong with a briefing file as a whole (data/briefing_file.py)
    "file_problem.not_found": ("không tìm thấy tệp", "file not found"),
    "file_problem.folder": ("là một thư mục, không phải tệp", "is a folder, not a file"),
    "file_problem.special": ("không phải tệp thông thường (FIFO, thiết bị hoặc socket); "
                             "hãy đưa {what} dưới dạng tệp văn bản",
                             "is not a regular file (a FIFO, a device or a socket); give the {what} as a text file"),
    "file_problem.too_large": ("có {size} byte; {what} chỉ được tối đa {limit} byte ({mb} MB)",
                               "is {size} bytes; {what} may be at most {limit} bytes ({mb} MB)"),
    "file_problem.too_large_text": ("có {size} byte; tệp báo cáo chỉ được tối đa {limit} byte",
                                    "is {size} bytes; a briefing file may be at most {limit} bytes"),
    "file_problem.unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "file_problem.not_utf8": ("không phải văn bản UTF-8 (dòng {line}, cột {column}: byte 0x{byte})",
                              "is not UTF-8 text (line {line}, column {column}: byte 0x{byte})"),
    "file_problem.yaml": ("không phải YAML hợp lệ: {detail}", "is not valid YAML: {detail}"),
    "file_problem.yaml_at": ("lỗi cú pháp YAML: {detail}", "{detail}"),
    "file_problem.not_yaml": ("không phải YAML hợp lệ", "is not valid YAML"),
    "file_problem.in_file": ("{file}: {problem}", "{file}: {problem}"),
    "file_problem.not_mapping": ("cần một tài liệu báo cáo (một ánh xạ), nhưng gặp {found}",
                                 "expected a briefing document (a mapping), got {found}"),
    "file_problem.duplicate_id": ("trùng mã báo cáo '{briefing}' (đã có trong {other})",
                                  "duplicate briefing id '{briefing}' (also in {other})"),
    # What is wrong with one field or value of a briefing file (data/briefing_file.py, data/source_match.py,
    # data/sentence_percents.py), said after "FILE:LINE:COLUMN: FIELD: ". Field names, YAML keys, ids and the
    # file's own text are values, written as the file writes them (quoted as Python quotes them).
    "field_problem.not_in_source": ("“{text}” không có trong câu nguồn",
                                    "'{text}' does not appear in the source sentence"),
    "field_problem.not_in_meeting_source": ("{text} không có trong câu nguồn về cuộc họp",
                                            "{text} does not appear in the meeting's source sentence"),
    "field_problem.missing": ("bị thiếu", "is missing"),
    "field_problem.empty": ("bị để trống", "is empty"),
    "field_problem.unknown_field": ("trường này không có trong định dạng (xem docs/briefing-file.md)",
                                    "unknown field (see docs/briefing-file.md)"),
    "field_problem.wrong_format": ("phải là {expected}, nhưng gặp {found}", "must be {expected}, got {found}"),
    "field_problem.wrong_type": ("cần {expected}, nhưng gặp {found}", "expected {expected}, got {found}"),
    "field_problem.not_mapping": ("cần một ánh xạ (khóa: giá trị), nhưng gặp {found}",
                                  "expected a mapping (key: value), got {found}"),
    "field_problem.not_list": ("cần một danh sách, nhưng gặp {found}", "expected a list, got {found}"),
    "field_problem.not_text_list": ("cần một danh sách văn bản", "expected a list of texts"),
    "field_problem.too_long": ("dài {length} ký tự; chỉ được tối đa {limit} ký tự (xem docs/briefing-file.md)",
                               "is {length} characters long; at most {limit} are allowed (see docs/briefing-file.md)"),
    "field_problem.not_vi_number": ('{value} không phải số viết kiểu Việt Nam (ví dụ "72.736.956.416", "2,93")',
                                    '{value} is not a number in Vietnamese notation (e.g. "72.736.956.416", "2,93")'),
    "field_problem.bad_id": ("{value} chỉ được gồm chữ thường, chữ số, '_', '.' hoặc '-'",
                             "{value} must be lowercase letters, digits, '_', '.' or '-'"),
    "field_problem.duplicate_id": ("trùng mã {value}", "duplicate id {value}"),
    "field_problem.not_one_of": ("{value} không thuộc danh sách: {choices}", "{value} is not one of {choices}"),
    "field_problem.not_date": ("{value} không phải ngày dạng YYYY-MM-DD", "{value} is not a YYYY-MM-DD date"),
    "field_problem.not_datetime": ("{value} không có dạng YYYY-MM-DD[THH:MM]", "{value} is not YYYY-MM-DD[THH:MM]"),
    "field_problem.not_period": ("{value} không phải ngày hoặc kỳ (2017-06-30, 2017-06, 2017-H1, 2017)",
                                 "{value} is not a date or period (2017-06-30, 2017-06, 2017-H1, 2017)"),
    "field_problem.not_url": ("{value} không phải địa chỉ web; hãy ghi địa chỉ http:// hoặc https:// của bài viết",
                              "{value} is not a web address; give the article's http:// or https:// address"),
    "field_problem.bad_revision": ("phải là số nguyên từ 1 trở lên (tăng lên khi đính chính một báo cáo đã công bố), "
                                   "nhưng gặp {found}",
                                   "must be a whole number from 1 up (raise it when you correct a published briefing), "
                                   "got {found}"),
    "field_problem.source_and_sources": ("một báo cáo chứa bài viết của nó (briefing.source) hoặc dẫn các bài viết "
                                         "theo tham chiếu (briefing.sources), không được cả hai",
                                         "a briefing holds either its article (briefing.source) or the articles it "
                                         "cites by reference (briefing.sources), not both"),
    "field_problem.no_source": ("bị thiếu (hãy đặt bài viết cạnh tệp này, hoặc dẫn các bài viết theo tham chiếu "
                                "trong briefing.sources)",
                                "is missing (give the article beside this file, or cite articles by reference in "
                                "briefing.sources)"),
    "field_problem.no_sources": ("không nêu bài viết nào; hãy dẫn ít nhất một", "lists no article; cite at least one"),
    "field_problem.not_beside": ("phải là tên một tệp nằm cạnh tệp báo cáo",
                                 "must be a file name beside the briefing file"),
    "field_problem.holds_article": ("báo cáo này chứa bài viết của nó (briefing.source); {what} có {name} — hãy ghi "
                                    "đúng câu của nó vào 'source', hoặc dẫn mọi bài viết theo tham chiếu "
                                    "(briefing.sources)",
                                    "this briefing holds its article (briefing.source); {what} has a {name} — give "
                                    "its exact sentence in 'source' instead, or cite every article by reference "
                                    "(briefing.sources)"),
    "field_problem.cites_sources": ("báo cáo này dẫn nguồn theo tham chiếu (briefing.sources); {what} có câu "
                                    "'source' — hãy dùng 'cited:'",
                                    "this briefing cites its sources by reference (briefing.sources); {what} has a "
                                    "'source' sentence — use 'cited:' instead"),
    "field_problem.unknown_cited": ("không có bài viết được dẫn {value} (briefing.sources có: {known})",
                                    "unknown cited article {value} (briefing.sources has: {known})"),
    "field_problem.none": ("không có", "none"),
    "field_problem.long_locator": ("dài {words} từ; chỉ dẫn vị trí (locator) tối đa {limit} từ, đủ để tìm số liệu "
                                   "trong bài viết, không bao giờ là một câu chép lại",
                                   "is {words} words long; a locator is at most {limit} words to find the figure in "
                                   "the article, never a copied sentence"),
    "field_problem.what.figure": ("số liệu {item}", "figure {item}"),
    "field_problem.what.achievement": ("kết quả {item}", "achievement {item}"),
    "field_problem.what.limitation": ("hạn chế {item}", "limitation {item}"),
    "field_problem.what.directive": ("nhiệm vụ {item}", "directive {item}"),
    "field_problem.what.meeting": ("cuộc họp", "the meeting"),
    "field_problem.not_word_for_word": ("không tìm thấy nguyên văn trong bài viết: {detail}",
                                        "is not found word for word in the article: {detail}"),
    "field_problem.unknown_sector": ("không có lĩnh vực {value} (trong sectors)", "unknown sector {value}"),
    "field_problem.unknown_enterprise": ("không có doanh nghiệp {value} (trong enterprises)",
                                         "unknown enterprise {value}"),
    "field_problem.unknown_indicator": ("không có chỉ số {value}", "unknown indicator {value}"),
    "field_problem.own_part": ("một chỉ số không thể là phần của chính nó", "an indicator cannot be its own part"),
    "field_problem.cycle": ("các phần tạo thành vòng lặp", "parts form a cycle"),
    "field_problem.set_without": ("đã đặt nhưng {name} thì chưa", "is set but {name} is not"),
    "field_problem.needs_value": ("một chỉ số cần có giá trị hoặc ít nhất một phép so sánh",
                                  "an indicator needs a value or at least one comparison"),
    "field_problem.below_value": ("nhỏ hơn value", "is smaller than value"),
    "field_problem.out_of_order": ("các nhiệm vụ phải đánh số theo thứ tự; cần {expected}, nhưng gặp {found}",
                                   "directives must be numbered in order; expected {expected}, got {found}"),
    "field_problem.not_reference": ("cần section:key (ví dụ limitation:sim_junk), nhưng gặp {found}",
                                    "expected section:key (e.g. limitation:sim_junk), got {found}"),
    "field_problem.unknown_section": ("không có phần {value} (dùng {choices})",
                                      "unknown section {value} (use {choices})"),
    "field_problem.no_such_item": ("không có {section} nào có khóa {value}", "no {section} with key {value}"),
    "field_problem.not_references": ("cần một danh sách tham chiếu section:key",
                                     "expected a list of section:key references"),
    "field_problem.not_measure_id": ("{value} không phải mã thước đo (các từ viết thường nối bằng dấu chấm)",
                                     "{value} is not a measure id (lowercase words joined by dots)"),
    "field_problem.measures_unreadable": ("không kiểm tra được: {reason}", "cannot be checked: {reason}"),
    "field_problem.unknown_measure": ("không có thước đo {value} (xem resources/measures.yaml)",
                                      "unknown measure {value} (see resources/measures.yaml)"),
    "field_problem.unknown_measure_close": ("không có thước đo {value}; có phải là {close}?",
                                            "unknown measure {value}; did you mean {close}?"),
    "field_problem.unit_mismatch": ("đơn vị {unit} không đổi được sang {measure_unit}, đơn vị của thước đo {measure} "
                                    "(chúng đếm những thứ khác nhau)",
                                    "the unit {unit} does not convert to {measure_unit}, the unit of measure {measure} "
                                    "(they count different things)"),
    "field_problem.already_in": ("báo cáo {briefing} đã có trong {target}; dùng --replace để thay thế",
                                 "briefing {briefing} is already in {target}; use --replace to replace it"),
    # what a wrong value is, after "expected …, got"
    "field_problem.kind.text": ("văn bản", "text"),
    "field_problem.kind.text_or_pair": ("văn bản hoặc {vi: …, en: …}", "text or {vi: …, en: …}"),
    "field_problem.kind.whole_number": ("một số nguyên từ 1", "a whole number from 1"),
    "field_problem.kind.quoted_number": ('một số viết dạng văn bản trong dấu nháy, ví dụ "213.355"',
                                         'a number written as quoted text, e.g. "213.355"'),
    "field_problem.found.bool": ("{value} (YAML đọc yes/no/on/off/NO không có dấu nháy thành true hoặc false; "
                                 "hãy đặt trong dấu nháy)",
                                 "{value} (YAML reads unquoted yes/no/on/off/NO as true or false; quote it)"),
    "field_problem.found.int": ("số {value} (YAML đọc 1:30 thành 90 và 010 thành 8; hãy đặt số trong dấu nháy)",
                                "the number {value} (YAML reads 1:30 as 90 and 010 as 8; quote numbers)"),
    "field_problem.found.float": ("số {value} (hãy đặt số trong dấu nháy, viết kiểu Việt Nam)",
                                  "the number {value} (quote numbers, in Vietnamese notation)"),
    "field_problem.found.list": ("một danh sách", "a list"),
    "field_problem.found.mapping": ("một ánh xạ", "a mapping"),
    "field_problem.found.nothing": ("giá trị trống", "nothing"),
    # what YAML may not hold in a briefing file (said at the place it stands)
    "field_problem.alias": ("không được dùng bí danh (*tên)", "aliases (*name) are not allowed"),
    "field_problem.anchor": ("không được dùng neo (&tên)", "anchors (&name) are not allowed"),
    "field_problem.tag": ("không được dùng thẻ ({tag})", "tags ({tag}) are not allowed"),
    "field_problem.merge_key": ("không được dùng khóa gộp (<<)", "merge keys (<<) are not allowed"),
    "field_problem.too_deep": ("lồng sâu quá {levels} cấp", "nesting deeper than {levels} levels"),
    "field_problem.unreadable_value": ("không đọc được giá trị này: {reason}", "cannot read this value: {reason}"),
    "field_problem.key_not_text": ("khóa phải là văn bản, nhưng gặp {found}", "keys must be text, got {found}"),
    "field_problem.duplicate_key": ("trùng khóa {name}", "duplicate key {name}"),
    "field_problem.long_number": ("không được dùng số dài {length} ký tự; nếu là văn bản, hãy đặt trong dấu nháy",
                                  "a number {length} characters long is not allowed; quote it if it is text"),
    "field_problem.surrogate": ("chứa nửa cặp thay thế (surrogate) đơn lẻ {escape}, không phải văn bản; hãy xóa nó",
                                "contains a lone surrogate {escape}, which is not text; remove it"),
    "field_problem.control": ("chứa ký tự điều khiển U+{code}, tệp báo cáo không chứa được ký tự này; hãy xóa nó",
                              "contains the control character U+{code}, which a briefing file cannot hold; remove it"),
    "field_problem.not_unicode": ("{escape} không phải ký tự Unicode; hãy xóa nó",
                                  "{escape} is not a Unicode character; remove it"),
    # where a source passage stops matching its article, and the likely cause (data/source_match.py)
    "field_problem.match.none": ("ngay cả phần đầu của nó ({start}) cũng không có trong bài viết",
                                 "not even its start ({start}) occurs in the article"),
    "field_problem.match.partial": ("{matched} ký tự đầu khớp đến {where}; tại đó câu nguồn có {source}, "
                                    "còn bài viết có {article}",
                                    "the first {matched} characters match up to {where}, where the source has "
                                    "{source} and the article has {article}"),
    "field_problem.match.article_end": ("chỗ hết bài", "the end of the article"),
    "field_problem.match.with_cause": ("{text}; nguyên nhân có thể: {cause}", "{text}; likely cause: {cause}"),
    "field_problem.cause.nbsp_in_source": ("câu nguồn có dấu cách không ngắt (U+00A0) ở chỗ bài viết có {other}",
                                           "a non-breaking space (U+00A0) in the source where the article has {other}"),
    "field_problem.cause.nbsp_in_article": ("bài viết có dấu cách không ngắt (U+00A0) ở chỗ câu nguồn có {other}",
                                            "the article has a non-breaking space (U+00A0) where the source has "
                                            "{other}"),
    "field_problem.cause.quote": ("khác dấu nháy: câu nguồn có {source} (U+{source_code}), bài viết có {article} "
                                  "(U+{article_code})",
                                  "a different quote or apostrophe: the source has {source} (U+{source_code}), "
                                  "the article {article} (U+{article_code})"),
    "field_problem.cause.nfd_source": ("chuẩn hóa Unicode: câu nguồn có chữ tách dấu (NFD, chữ cái theo sau là dấu "
                                       "kết hợp); hãy lưu ở dạng NFC (dựng sẵn)",
                                       "Unicode normalisation: the source has decomposed letters (NFD, a letter "
                                       "followed by a combining accent); save it as NFC (composed)"),
    "field_problem.cause.nfd_article": ("chuẩn hóa Unicode: bài viết có chữ tách dấu (NFD, chữ cái theo sau là dấu "
                                        "kết hợp); hãy lưu ở dạng NFC (dựng sẵn)",
                                        "Unicode normalisation: the article has decomposed letters (NFD, a letter "
                                        "followed by a combining accent); save it as NFC (composed)"),
    "field_problem.cause.space": ("khoảng trắng: thừa hoặc thiếu một dấu cách (hãy chép đoạn văn giữ đúng dấu cách "
                                  "và xuống dòng của bài viết)",
                                  "whitespace: an extra or missing space (copy the passage with the article's spaces "
                                  "and line breaks exactly)"),
    "field_problem.cause.line_break": ("khoảng trắng: thừa hoặc thiếu một dấu xuống dòng (hãy chép đoạn văn giữ đúng "
                                       "dấu cách và xuống dòng của bài viết)",
                                       "whitespace: an extra or missing line break (copy the passage with the "
                                       "article's spaces and line breaks exactly)"),
    "field_problem.cause.spaces": ("khoảng trắng: dấu cách hoặc xuống dòng khác với bài viết",
                                   "whitespace: spaces or line breaks differ from the article's"),
    "field_problem.cause.spelling": ("khác chính tả: câu nguồn ghi {source}, bài viết ghi {article} (y/i, như "
                                     "tỉ/tỷ, kĩ/kỹ, quí/quý); hãy chép đúng chính tả của bài viết",
                                     "a spelling variant: the source writes {source}, the article {article} (y/i, as "
                                     "in tỉ/tỷ, kĩ/kỹ, quí/quý); copy the article's spelling"),
    "field_problem.cause.accent": ("khác dấu thanh hoặc dấu phụ: câu nguồn ghi {source}, bài viết ghi {article}",
                                   "a different accent or tone mark: the source writes {source}, the article "
                                   "{article}"),
    # a comparison percentage checked against its source sentence (data/sentence_percents.py)
    "field_problem.percent.says": ("câu nguồn ghi {phrases}", "the sentence says {phrases}"),
    "field_problem.percent.says_none": ("câu nguồn không nêu tỷ lệ phần trăm nào", "the sentence states no percentage"),
    "field_problem.percent.not_in_sentence": ("{text} không có trong câu nguồn dưới dạng phần trăm; {says}",
                                              "{text} does not appear as a percentage in the source sentence; {says}"),
    "field_problem.percent.fall_but": ("{text} là mức giảm, nhưng câu nguồn ghi {phrase}; hãy viết {fix}",
                                       "{text} is a fall, but the sentence says {phrase}; write {fix}"),
    "field_problem.percent.rise_but": ("{text} là mức tăng, nhưng câu nguồn ghi {phrase}; hãy viết {fix}",
                                       "{text} is a rise, but the sentence says {phrase}; write {fix}"),
    "field_problem.percent.fall_unsaid": ("{text} là mức giảm, nhưng câu nguồn không ghi 'giảm {number}%'; {says}",
                                          "{text} is a fall, but the sentence does not say 'giảm {number}%'; {says}"),
    "field_problem.percent.negative_plan": ("{text}: tỷ lệ so với kế hoạch không bao giờ âm",
                                            "{text}: a percentage of plan is never negative"),
    "field_problem.percent.negative_same_period": ("{text}: tỷ lệ so với cùng kỳ không bao giờ âm",
                                                   "{text}: a percentage of the same period is never negative"),
    "field_problem.percent.change_not_plan": ("{text}: {says}, là mức thay đổi (change_pct), không phải tỷ lệ so với "
                                              "kế hoạch",
                                              "{text}: {says}, a change (change_pct), not a percentage of plan"),
    "field_problem.percent.change_not_same_period": ("{text}: {says}, là mức thay đổi (change_pct), không phải tỷ lệ "
                                                     "so với cùng kỳ",
                                                     "{text}: {says}, a change (change_pct), not a percentage of the "
                                                     "same period"),
    "field_problem.percent.qualifier_missing": ("bị thiếu: câu nguồn ghi {phrase}, và mức độ là một phần của số liệu "
                                                "(hãy đặt {field}: {qualifier})",
                                                "is missing: the sentence says {phrase}, and the qualifier is part of "
                                                "the fact (set {field}: {qualifier})"),
    "field_problem.percent.qualifier_differs": ("{qualifier} không phải điều câu nguồn ghi: {phrase}",
                                                "{qualifier} is not what the sentence says: {phrase}"),
    "field_problem.percent.qualifier_absent": ("{qualifier} không phải điều câu nguồn ghi: {phrase} (câu không có "
                                               "mức độ; hãy bỏ {field})",
                                               "{qualifier} is not what the sentence says: {phrase} (no qualifier; "
                                               "remove {field})"),
    # the command line's summary of a failure
    "cli.problems_found": ("tìm thấy {found}; {path} không bị thay đổi", "{found} found; {path} was not changed"),
    "cli.problems_in_files": ("{found} ở {failed} trong số {files}", "{found} in {failed} of {files}"),
    "cli.nothing_changed": ("{problem}; không có gì bị thay đổi", "{problem}; nothing was changed"),
    "cli.not_written": ("{problem}; không có tệp nào được ghi", "{problem}; no file was written"),
    "file_what.briefing": ("tệp báo cáo", "briefing file"),
    "file_what.article": ("bài viết", "article"),
    "file_what.a_briefing": ("tệp báo cáo", "a briefing file"),
    "file_what.a_article": ("bài viết", "an article"),
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
    "chart.show_table_short": ("Bảng", "Table"),
    "chart.reset_short": ("Đặt lại", "Reset"),
    "chart.export": ("Xuất", "Export"),
    "chart.export_png": ("Xuất ảnh PNG…", "Export as PNG…"),
    "chart.export_pdf": ("Xuất PDF…", "Export as PDF…"),
    "chart.print": ("In biểu đồ…", "Print Chart…"),
    "chart.export_svg": ("Xuất ảnh SVG…", "Export as SVG…"),
    "chart.export_failed": ("Không xuất được biểu đồ", "Cannot Export Chart"),
    "chart.table": ("Bảng số liệu của biểu đồ", "Chart data table"),
    "chart.table_named": ("Bảng số liệu của biểu đồ: {title}", "Chart data table: {title}"),
    "chart.show_table_named": ("Xem dạng bảng: {title}", "Show as table: {title}"),
    "chart.reset_named": ("Đặt lại thu phóng: {title}", "Reset zoom: {title}"),
    "chart.export_named": ("Xuất biểu đồ: {title}", "Export chart: {title}"),
    "chart.a11y.bars": ("Biểu đồ thanh ngang gồm {items}, đơn vị {unit}. Lớn nhất: {largest}.",
                        "Horizontal bar chart of {items}, in {unit}. Largest: {largest}."),
    "chart.a11y.series_names": ("Các dãy số: {names}.", "Series: {names}."),
    "chart.a11y.series": ("Biểu đồ theo thời gian gồm {points}, từ {first} đến {last}, đơn vị {unit}. "
                          "Mới nhất: {latest}.",
                          "Chart over time of {points}, from {first} to {last}, in {unit}. Latest: {latest}."),
    "chart.a11y.table_hint": ("Nút “Xem dạng bảng” liệt kê mọi giá trị.", "“Show as table” lists every value."),
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
    "report.series.more_points": ("… và {n} giá trị khác (xem bảng trong cửa sổ)",
                                  "… and {n} more values (see the table in the window)"),
    "report.target": ("{value} kế hoạch", "{value} of plan"),
    "report.not_stated": ("không nêu", "not stated"),
    "report.page": ("Trang {page}/{pages}", "Page {page} of {pages}"),
    "report.printed": ("In ngày {date}", "Printed {date}"),
    # the digest is the database file's SHA-256 (first 8 hex digits), named for what it tells a reader
    "report.data": ("Dữ liệu: {name} · Mã dữ liệu: {digest}", "Data: {name} · Data fingerprint: {digest}"),
    "report.fingerprint_note": ("Mã dữ liệu ở chân mỗi trang xác định chính xác dữ liệu đã in: hai bản in có "
                                "cùng mã dữ liệu cho thấy cùng một dữ liệu.",
                                "The data fingerprint at the foot of each page identifies exactly which data was "
                                "printed: two packs with the same fingerprint show the same data."),
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
    "search.other_briefings_spoken": ("Kết quả từ các báo cáo khác: {n}", "Results from the other briefings: {n}"),
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
    "qualifier.xap_xi": ("xấp xỉ", "approximately"),
    "qualifier.uoc_dat": ("ước đạt", "estimated"),
    "qualifier.uoc_tinh": ("ước tính", "estimated"),
    "qualifier.uoc_khoang": ("ước khoảng", "estimated about"),
    "qualifier.uoc_dat_hon": ("ước đạt hơn", "estimated over"),
    "qualifier.uoc_dat_gan": ("ước đạt gần", "estimated nearly"),
    "qualifier.uoc_dat_khoang": ("ước đạt khoảng", "estimated about"),
    "qualifier.uoc_tinh_hon": ("ước tính hơn", "estimated over"),
    "qualifier.uoc_tinh_gan": ("ước tính gần", "estimated nearly"),
    "qualifier.uoc_tinh_khoang": ("ước tính khoảng", "estimated about"),
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
    "print.includes_comparison": ("Bản in gồm cả phần so sánh đang hiển thị (kỳ so sánh: {briefing}).",
                                  "The printout includes the comparison on screen (compared with: {briefing})."),
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
    "trends.reading": ("Các thước đo có từ hai số liệu trở lên — đang đọc {done}/{total} thước đo…",
                       "Measures with two or more points — reading {done} of {total} measures…"),
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
    "compare.silent.directives": ("{quiet} không nêu nhiệm vụ nào nên không thể nói nhiệm vụ nào tiếp tục, mới hay "
                                  "không còn; dưới đây là các nhiệm vụ của {other}.",
                                  "{quiet} lists no directives, so none can be said to continue, be new or be "
                                  "dropped; those below are {other}'s."),
    "compare.silent.limitations": ("{quiet} không nêu hạn chế nào nên không thể nói hạn chế nào tiếp tục, mới hay "
                                   "không còn; dưới đây là các hạn chế của {other}.",
                                   "{quiet} lists no limitations, so none can be said to continue, be new or be "
                                   "dropped; those below are {other}'s."),
    "compare.neither.directives": ("Cả hai báo cáo đều không nêu nhiệm vụ nào.", "Neither briefing lists directives."),
    "compare.neither.limitations": ("Cả hai báo cáo đều không nêu hạn chế nào.", "Neither briefing lists limitations."),
    "compare.window.items": ("Danh sách so sánh", "Items compared"),
    "compare.window.needs_two": ("Cần ít nhất hai báo cáo trong cơ sở dữ liệu để so sánh",
                                 "Comparing needs at least two briefings in the database"),
    # spreadsheet export (File → Export Table…; export --format xlsx): sheet names, column headers, facts
    "action.export_table": ("Xuất &bảng…", "Export &Table…"),
    "table_export.title": ("Xuất bảng", "Export Table"),
    "table_export.filter.xlsx": ("Bảng tính Excel (*.xlsx)", "Excel workbook (*.xlsx)"),
    "table_export.filter.csv": ("CSV, phân cách bằng dấu phẩy (*.csv)", "CSV, comma-separated (*.csv)"),
    "table_export.no_table": ("Thẻ {tab} không có bảng để xuất", "The {tab} tab has no table to export"),
    "table_export.tip": ("Ghi bảng của thẻ {tab} như đang hiển thị (lọc và sắp xếp) ra tệp XLSX hoặc CSV",
                         "Write the {tab} tab's table as shown (filtered and sorted) to an XLSX or CSV file"),
    "table_export.failed.title": ("Không ghi được bảng", "Cannot Write the Table"),
    "sheet.indicators": ("Chỉ số", "Indicators"),
    "sheet.enterprises": ("Doanh nghiệp", "Enterprises"),
    "sheet.achievements": ("Kết quả", "Achievements"),
    "sheet.limitations": ("Hạn chế", "Limitations"),
    "sheet.directives": ("Nhiệm vụ", "Directives"),
    "sheet.meeting": ("Cuộc họp", "Meeting"),
    "sheet.cited_sources": ("Nguồn trích dẫn", "Cited sources"),
    "sheet.col.sector": ("Lĩnh vực", "Sector"),
    "sheet.col.indicator": ("Chỉ số", "Indicator"),
    "sheet.col.enterprise": ("Doanh nghiệp", "Enterprise"),
    "sheet.col.short_name": ("Tên viết tắt", "Short name"),
    "sheet.col.part_of": ("Thuộc chỉ số", "Part of"),
    "sheet.col.value": ("Giá trị", "Value"),
    "sheet.col.value_max": ("Giá trị đến", "Value up to"),
    "sheet.col.stated": ("Nguyên văn", "As stated"),
    "sheet.col.unit": ("Đơn vị", "Unit"),
    "sheet.col.qualifier": ("Mức độ", "Qualifier"),
    "sheet.col.plan_pct": ("% kế hoạch", "% of plan"),
    "sheet.col.plan_qualifier": ("Mức độ (% kế hoạch)", "Qualifier (% of plan)"),
    "sheet.col.change_pct": ("Thay đổi (%)", "Change (%)"),
    "sheet.col.change_qualifier": ("Mức độ (thay đổi)", "Qualifier (change)"),
    "sheet.col.same_period_pct": ("% so với cùng kỳ", "% of same period"),
    "sheet.col.compared_with": ("So với", "Compared with"),
    "sheet.col.as_of": ("Tính đến", "As of"),
    "sheet.col.measure": ("Thước đo", "Measure"),
    "sheet.col.number": ("STT", "No."),
    "sheet.col.title": ("Nội dung", "Title"),
    "sheet.col.source_text": ("Nguyên văn trong nguồn", "Source passage"),
    "sheet.col.fact": ("Mục", "Fact"),
    "sheet.col.text": ("Chi tiết", "Details"),
    "sheet.col.key": ("Mã", "Key"),
    "sheet.col.publisher": ("Nơi đăng", "Publisher"),
    "sheet.col.published": ("Ngày đăng", "Published"),
    "sheet.col.url": ("Địa chỉ", "Address"),
    "sheet.col.note": ("Ghi chú", "Note"),
    "sheet.fact.title": ("Báo cáo", "Briefing"),
    "sheet.fact.organisation": ("Cơ quan", "Organisation"),
    "sheet.fact.period": ("Kỳ báo cáo", "Period"),
    # reviewing a briefing drafted from an article (File ▸ New Briefing from Article…)
    "action.new_from_article": ("Báo cáo mới từ &bài viết…", "&New Briefing from Article…"),
    "action.open_draft": ("Mở bản &nháp để duyệt tiếp…", "Open &Draft for Review…"),
    "review.title": ("Duyệt bản nháp báo cáo", "Review Drafted Briefing"),
    "review.menu": ("&Duyệt", "&Review"),
    "review.action.save": ("&Lưu tệp báo cáo", "&Save Briefing File"),
    "review.action.save_as": ("Lưu &thành…", "Save &As…"),
    "review.action.close": ("Đón&g", "&Close"),
    "review.action.accept": ("&Nhận", "&Accept"),
    "review.action.reject": ("&Bỏ", "&Reject"),
    "review.action.pending": ("Để &chờ duyệt", "Set &Pending"),
    "review.action.edit": ("&Sửa…", "&Edit…"),
    "review.action.add_figure": ("&Thêm số liệu từ đoạn chọn", "Add &Figure from Selection"),
    "review.article": ("Bài viết", "Article"),
    "review.figures.name": ("Số liệu đã trích", "Drafted figures"),
    "review.items.name": ("Kết quả, hạn chế, nhiệm vụ đã trích", "Drafted achievements, limitations, directives"),
    "review.col.status": ("Trạng thái", "Status"),
    "review.col.value": ("Giá trị (như bài viết)", "Value (as written)"),
    "review.col.comparisons": ("So sánh", "Comparisons"),
    "review.col.checks": ("Cần kiểm tra", "To check"),
    "review.col.kind": ("Loại", "Kind"),
    "review.col.title": ("Tiêu đề", "Title"),
    "review.status.pending": ("Chờ duyệt", "Pending"),
    "review.status.accepted": ("Đã nhận", "Accepted"),
    "review.status.rejected": ("Đã bỏ", "Rejected"),
    "review.kind.achievements": ("Kết quả", "Achievement"),
    "review.kind.limitations": ("Hạn chế", "Limitation"),
    "review.kind.directives": ("Nhiệm vụ", "Directive"),
    "review.cmp.plan": ("{pct}% kế hoạch", "{pct}% of plan"),
    "review.cmp.up": ("tăng {pct}%", "up {pct}%"),
    "review.cmp.down": ("giảm {pct}%", "down {pct}%"),
    "review.cmp.same_period": ("{pct}% cùng kỳ", "{pct}% of the same period"),
    "review.cmp.compared_with": ("so với {what}", "compared with {what}"),
    "review.legend": ("Chú giải màu đánh dấu", "Highlight legend"),
    "review.legend.pending": ("chờ duyệt", "pending"),
    "review.legend.unsure": ("cần kiểm tra", "to check"),
    "review.legend.accepted": ("đã nhận", "accepted"),
    "review.legend.rejected": ("đã bỏ", "rejected"),
    "review.legend.current": ("đang chọn", "current"),
    "review.legend.tip": ("Số liệu được đánh dấu theo trạng thái; câu nguồn của số liệu đang chọn tô xanh nhạt",
                          "Figures are marked by their status; the current figure's source sentence is tinted blue"),
    "review.field.label": ("&Tên chỉ số:", "&Label:"),
    "review.field.title": ("&Tiêu đề:", "&Title:"),
    "review.field.value": ("&Giá trị:", "&Value:"),
    "review.field.value_max": ("Giá trị tối đa (khoảng):", "Value up to (range):"),
    "review.field.unit": ("Đơn &vị:", "&Unit:"),
    "review.field.qualifier": ("&Mức độ:", "&Qualifier:"),
    "review.field.plan_pct": ("% &kế hoạch:", "% of &plan:"),
    "review.field.change_pct": ("% tăng (−) giảm:", "% &change (− down):"),
    "review.field.same_period_pct": ("% cùng kỳ:", "% of same period:"),
    "review.field.compared_with": ("So sánh với:", "Compared with:"),
    "review.field.sector": ("&Lĩnh vực:", "&Sector:"),
    "review.field.measure": ("Mã thước đ&o:", "&Measure (id):"),
    "review.no_qualifier": ("(không có)", "(none)"),
    "review.form.empty": ("Chưa chọn mục nào", "No item chosen"),
    "review.form.figure": ("Số liệu đang chọn", "Current figure"),
    "review.form.item": ("Mục đang chọn", "Current item"),
    "review.form.checks": ("Cần kiểm tra (ghi chú của công cụ):\n{checks}", "To check (the tool's notes):\n{checks}"),
    "review.apply": ("Áp dụng và nhận", "Apply and Accept"),
    "review.apply.tip": ("Ghi các thay đổi vào mục này và đánh dấu đã nhận (Enter)",
                         "Write the changes to this item and accept it (Enter)"),
    "review.revert": ("Hoàn tác", "Revert"),
    "review.error.number": ("{field}: “{text}” không phải số viết kiểu Việt Nam (ví dụ 72.736.956.416 hoặc 2,93)",
                            "{field}: “{text}” is not a number in Vietnamese notation (e.g. 72.736.956.416 or 2,93)"),
    "review.error.qualifier": ("{field}: chọn một mức độ trong danh sách", "{field}: choose a qualifier from the list"),
    "review.error.sector": ("{field}: chọn một lĩnh vực trong danh sách", "{field}: choose a sector from the list"),
    "review.error.measure": ("{field}: “{text}” không phải mã thước đo trong resources/measures.yaml",
                             "{field}: “{text}” is not a measure id of resources/measures.yaml"),
    "review.error.measure_unit": ("{field}: đơn vị của số liệu không quy đổi được sang đơn vị của thước đo “{text}”",
                                  "{field}: the figure's unit does not convert to the unit of measure “{text}”"),
    "review.error.required": ("{field}: không được để trống", "{field}: may not be empty"),
    "review.error.unknown": ("{field}: không sửa được ở đây", "{field}: cannot be edited here"),
    "review.counts": ("Số liệu: {fa} nhận · {fr} bỏ · {fp} chờ  |  Mục: {ia} nhận · {ir} bỏ · {ip} chờ",
                      "Figures: {fa} accepted · {fr} rejected · {fp} pending  |  "
                      "Items: {ia} accepted · {ir} rejected · {ip} pending"),
    "review.save_note": ("Khi lưu: mục đã bỏ không được ghi; mục đã nhận ghi như đang thấy; mục chờ duyệt ghi kèm "
                         "ghi chú “# check:”. Chưa có gì vào cơ sở dữ liệu cho đến khi bạn nhập tệp "
                         "(briefing-app import).",
                         "On saving: rejected items are left out; accepted ones are written as shown; pending ones "
                         "keep their “# check:” notes. Nothing enters a database until you import the file "
                         "(briefing-app import)."),
    "review.save.title": ("Lưu tệp báo cáo", "Save Briefing File"),
    "review.save.filter": ("Tệp báo cáo YAML (*.yaml *.yml)", "Briefing file, YAML (*.yaml *.yml)"),
    "review.saved.valid": ("Đã lưu {name}: hợp lệ, có thể nhập (briefing-app import)",
                           "Saved {name}: valid, ready to import (briefing-app import)"),
    "review.saved.article_copied": ("đã chép bài viết {name} vào cùng thư mục", "copied the article {name} beside it"),
    "review.saved.article_differs": ("{name} trong thư mục đó khác bài viết này: câu nguồn được đối chiếu với tệp đó",
                                     "the {name} in that folder differs from this article: sources are checked "
                                     "against that file"),
    "review.save_failed.title": ("Không lưu được tệp báo cáo", "Cannot Save the Briefing File"),
    "review.save_failed.kept": ("Không mất gì: bản duyệt vẫn mở. Hãy chọn nơi lưu khác (Lưu thành…).",
                                "Nothing was lost: the review stays open. Choose another place (Save As…)."),
    "review.unsaved.title": ("Chưa lưu bản duyệt", "Unsaved Review"),
    "review.unsaved.text": ("Lưu tệp báo cáo trước khi đóng?", "Save the briefing file before closing?"),
    "review.msg.applied": ("Đã sửa và nhận mục này", "Changed and accepted this item"),
    "review.msg.select_first": ("Chọn đoạn chứa số liệu trong bài viết trước",
                                "First select the text of the figure in the article"),
    "review.msg.added": ("Đã thêm số liệu “{label}”: kiểm tra các trường",
                         "Added the figure “{label}”: check its fields"),
    "review.open.title": ("Chọn bài viết", "Choose an Article"),
    "review.open.filter": ("Bài viết, văn bản UTF-8 (*.txt)", "Article, UTF-8 text (*.txt)"),
    "review.open_failed.title": ("Không đọc được bài viết", "Cannot Read the Article"),
    # going on with a review saved half-way (File ▸ Open Draft for Review…, `briefing-app FILE.yaml`)
    "review.reopen.title": ("Chọn bản nháp báo cáo đã lưu", "Choose a Saved Draft"),
    "review.reopen_failed.title": ("Không mở lại được bản duyệt", "Cannot Reopen the Review"),
    "review.reopen_failed.kept": ("Tệp không bị thay đổi.", "The file was not changed."),
    "review.msg.reopened": ("Đã mở lại {name}: duyệt tiếp từ chỗ đã lưu; Ctrl+S lưu vào chính tệp này",
                            "Reopened {name}: go on where it was saved; Ctrl+S saves to this file"),
    "reopen.not_a_draft": ("không phải bản nháp từ một bài viết: briefing.source.article không nêu tên bài viết",
                           "is not a draft of an article: briefing.source.article names no article"),
    "reopen.article_not_beside": ("phải là tên một tệp nằm cùng thư mục với tệp báo cáo",
                                  "must be a file name beside the briefing file"),
    "reopen.article_unreadable": ("không đọc được bài viết đi kèm {article}: {problem}",
                                  "cannot read its article {article}: {problem}"),
    "reopen.not_a_list": ("cần một danh sách các mục", "expected a list of items"),
    "reopen.not_text": ("cần một đoạn văn bản", "expected text"),
    "reopen.no_source": ("mục này không có câu nguồn (source) nên không tìm được trong bài viết",
                         "the item has no source sentence, so it cannot be found in the article"),
    "reopen.not_in_article": ("câu nguồn này không có trong bài viết {article}: bài viết đã thay đổi từ khi lưu",
                              "this source is not in the article {article}: the article changed since the file "
                              "was saved"),
    "reopen.not_from_review": ("không phải tệp do bản duyệt lưu (briefing-app draft hoặc cửa sổ duyệt); "
                               "lưu lại sẽ làm mất những gì bản duyệt không ghi",
                               "was not saved by a review (briefing-app draft or the review window); saving it "
                               "again would lose what a review does not write"),
    "reopen.not_kept": ("tệp đã được sửa ngoài cửa sổ duyệt: bản duyệt sẽ ghi dòng này thành “{line}”, "
                        "nên lưu lại sẽ làm mất phần đã sửa",
                        "the file was changed outside the review: the review would write this line as "
                        "'{line}', so saving it would lose that change"),
}


PLURALS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "review.to_check": (("{n} cần kiểm tra",), ("{n} to check", "{n} to check")),
    "review.tab.figures": (("Số liệu ({n})",), ("Figure ({n})", "Figures ({n})")),
    "review.tab.items": (("Kết quả, hạn chế, nhiệm vụ ({n})",),
                         ("Achievement, limitation, directive ({n})", "Achievements, limitations, directives ({n})")),
    "review.saved.problems": (("Đã lưu {name} nhưng còn {n} lỗi, đánh dấu ⚠ ở các mục: sửa trước khi nhập",),
                              ("Saved {name} with {n} problem, marked ⚠ on its item: fix it before importing",
                               "Saved {name} with {n} problems, marked ⚠ on their items: fix them before importing")),
    "review.problems.summary": (("Kiểm tra tệp đã lưu: {n} lỗi; các mục có lỗi được đánh dấu ⚠",),
                                ("The saved file has {n} problem; its item is marked ⚠",
                                 "The saved file has {n} problems; their items are marked ⚠")),
    "status.library_updated": (("Thư viện của bạn vừa nhận {n} báo cáo mới hoặc đã đính chính từ phiên bản này",),
        ("Your library received {n} new or corrected briefing from this version",
                                "Your library received {n} new or corrected briefings from this version")),
    "text.shortened": (("(đã rút gọn: {n} ký tự)",),
        ("(text shortened: {n} character)", "(text shortened: {n} characters)")),
    "status.copied": (("Đã sao chép {n} dòng",),
        ("Copied {n} row", "Copied {n} rows")),
    "count.indicators": (("{n} chỉ số",),
        ("{n} indicator", "{n} indicators")),
    "chart.a11y.items": (("{n} mục",),
        ("{n} item", "{n} items")),
    "chart.a11y.periods": (("{n} kỳ",),
        ("{n} period", "{n} periods")),
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
    "table_export.saved": (("Đã lưu {name} ({n} dòng)",),
        ("Saved {name} ({n} row)", "Saved {name} ({n} rows)")),
    "search.count": (("{n} kết quả · ↓ chọn · Enter mở · Esc đóng",),
        ("{n} result · ↓ select · Enter open · Esc close",
                     "{n} results · ↓ select · Enter open · Esc close")),
    # the command line's counts, in --lang or the environment's language
    "count.problems": (("{n} lỗi",), ("{n} problem", "{n} problems")),
    "file_problem.more": (("… và {n} lỗi khác",), ("… and {n} more problem", "… and {n} more problems")),
    "count.files": (("{n} tệp",), ("{n} file", "{n} files")),
    "count.briefing_files": (("{n} tệp báo cáo",), ("{n} briefing file", "{n} briefing files")),
    "count.pages": (("{n} trang",), ("{n} page", "{n} pages")),
    # comparing two briefings
    "count.compare.not_comparable": (("{n} số liệu không so sánh được",),
                                     ("{n} figure not comparable", "{n} figures not comparable")),
    "count.compare.continued": (("{n} tiếp tục",), ("{n} continued", "{n} continued")),
    "count.compare.new": (("{n} mới",), ("{n} new", "{n} new")),
    "count.compare.dropped": (("{n} không còn",), ("{n} dropped", "{n} dropped")),
    "count.compare.listed_in": (("Nêu trong {period}: {n}",), ("Listed in {period}: {n}", "Listed in {period}: {n}")),
}


#: The qualifiers a briefing file may write before a figure (``ước đạt 213.355``), each with its text's key.
#: The validator and the sentence parser take the words from here (through ``data.schema.QUALIFIERS``).
QUALIFIER_KEYS: dict[str, str] = {
    "hơn": "qualifier.hon",
    "trên": "qualifier.tren",
    "gần": "qualifier.gan",
    "khoảng": "qualifier.khoang",
    "vào khoảng": "qualifier.vao_khoang",
    "xấp xỉ": "qualifier.xap_xi",
    "ước đạt": "qualifier.uoc_dat",
    "ước tính": "qualifier.uoc_tinh",
    # An estimate that is itself approximate keeps both words ("ước đạt hơn 1 triệu tỷ đồng"): dropping either
    # would change the fact.
    "ước khoảng": "qualifier.uoc_khoang",
    "ước đạt hơn": "qualifier.uoc_dat_hon",
    "ước đạt gần": "qualifier.uoc_dat_gan",
    "ước đạt khoảng": "qualifier.uoc_dat_khoang",
    "ước tính hơn": "qualifier.uoc_tinh_hon",
    "ước tính gần": "qualifier.uoc_tinh_gan",
    "ước tính khoảng": "qualifier.uoc_tinh_khoang",
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


class Message:
    """A text to be said later, in whichever language the reader has: a catalogue key and its values.

    The data layer raises and returns these (inside ``StoreError``, briefing-file ``Problem``) instead of
    finished sentences, so the window says them in its language and the command line in ``--lang``/``LANG``.
    A value may itself be a :class:`Message`; it is said in the same language. ``str()`` is the English.
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object):
        self.key = key
        self.values = values

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        # n stays a number: a plural text picks its form by it (and writes it in the language's format).
        return tr(self.key, lang, **{name: value if name == "n" else _said(value, lang)
                                     for name, value in self.values.items()})

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)


def _said(value: object, lang: str) -> object:
    """A message's value as ``lang`` writes it: a message in that language, a whole number in its format."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, lang)
    return value


def render(text: str | Message, lang: str) -> str:
    """``text`` in ``lang``: a :class:`Message` said in that language, a plain string as it is."""
    return text.text(lang) if isinstance(text, Message) else text


def environment_language(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as POSIX orders them):
    Vietnamese for ``vi…``, English otherwise. The command line speaks it unless ``--lang`` says otherwise."""
    import os

    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def language_name(lang: str) -> str:
    """The language's own name for itself ("Tiếng Việt", "English"), as the language menu lists it."""
    return tr(f"lang.{lang}", lang)
