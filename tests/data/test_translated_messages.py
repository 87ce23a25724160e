"""What the data layer says is wrong, in the reader's language (issue #16.3): a database that cannot be
opened, a briefing file that cannot be read. The data layer raises a message key and its values
(``StoreError.message``, ``Problem.message``); the window says them in its language, the command line
in ``--lang`` or the environment's ``LC_ALL``/``LC_MESSAGES``/``LANG``. No Qt here."""

from __future__ import annotations

import sqlite3

import pytest

from briefing_app.cli import main
from briefing_app.data.briefing_file import MAX_FILE_BYTES, BriefingFileError, load_briefing_file
from briefing_app.data.schema import SCHEMA_VERSION
from briefing_app.data.store import StoreBusy, StoreError, open_store
from briefing_app.i18n import Message, environment_language
from briefing_fixtures import SMALL_YAML, make_bad_database, write_briefing

#: case → (Vietnamese, English) of what is wrong, as said after "FILE: ".
DATABASE_CASES = {
    "missing": ("không tìm thấy tệp", "file not found"),
    "folder": ("là một thư mục, không phải tệp cơ sở dữ liệu", "is a folder, not a database file"),
    "empty": ("là tệp rỗng (0 byte)", "is empty (0 bytes)"),
    "random": ("không phải cơ sở dữ liệu SQLite", "is not an SQLite database"),
    "foreign": ("là cơ sở dữ liệu SQLite, nhưng không phải cơ sở dữ liệu báo cáo",
                "is an SQLite database, but not a briefing database"),
    "newer": (f"do phiên bản Briefing Viewer mới hơn tạo ra (lược đồ 7; phiên bản này đọc được đến lược đồ "
              f"{SCHEMA_VERSION})",
              f"was made by a newer version of Briefing Viewer (schema 7; this version reads up to {SCHEMA_VERSION})"),
    "missing_table": ("bị hỏng: thiếu bảng 'directives'", "is damaged: table 'directives' is missing"),
}


@pytest.mark.parametrize("case", DATABASE_CASES)
def test_a_database_that_cannot_be_opened_is_described_in_both_languages(tmp_path, small_db, case):
    path, _ = make_bad_database(tmp_path, small_db, case)
    with pytest.raises(StoreError) as caught:
        open_store(path)
    vi, en = DATABASE_CASES[case]
    assert caught.value.describe("vi") == f"{path}: {vi}"
    assert caught.value.describe("en") == f"{path}: {en}"
    assert str(caught.value) == f"{path}: {en}"  # the log's English


def test_a_damaged_database_says_damaged_in_both_languages(tmp_path, small_db):
    path, _ = make_bad_database(tmp_path, small_db, "damaged")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert caught.value.reason("vi").startswith(("bị hỏng", "không phải cơ sở dữ liệu báo cáo đọc được"))
    assert caught.value.reason("en").startswith(("is damaged", "is not a readable briefing database"))


def test_a_locked_database_says_so_in_both_languages(tmp_path, small_db):
    writer = sqlite3.connect(small_db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = DELETE")
    writer.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreBusy) as caught:
            open_store(small_db, timeout=0.01)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert caught.value.reason("vi") == "đang bị chương trình khác khóa (bận)"
    assert caught.value.reason("en") == "is locked by another program (busy)"


def _problem(path) -> tuple[str, str]:
    with pytest.raises(BriefingFileError) as caught:
        load_briefing_file(path)
    return caught.value.text("vi"), caught.value.text("en")


def test_briefing_file_problems_with_the_whole_file_in_both_languages(tmp_path):
    missing = tmp_path / "missing.yaml"
    assert _problem(missing) == (f"{missing}: không tìm thấy tệp", f"{missing}: file not found")
    assert _problem(tmp_path) == (f"{tmp_path}: là một thư mục, không phải tệp",
                                  f"{tmp_path}: is a folder, not a file")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    assert _problem(big) == (
        f"{big}: có 5.242.881 byte; tệp báo cáo chỉ được tối đa 5.242.880 byte (5 MB)",
        f"{big}: is 5,242,881 bytes; a briefing file may be at most 5,242,880 bytes (5 MB)")
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"format: 1\nname: caf\xe9\n")
    assert _problem(latin1) == (f"{latin1}: không phải văn bản UTF-8 (dòng 2, cột 10: byte 0xe9)",
                                f"{latin1}: is not UTF-8 text (line 2, column 10: byte 0xe9)")
    list_file = tmp_path / "list.yaml"
    list_file.write_text("- a\n- b\n", encoding="utf-8")
    assert _problem(list_file) == (
        f"{list_file}:1:1: cần một tài liệu báo cáo (một ánh xạ), nhưng gặp một danh sách",
        f"{list_file}:1:1: expected a briefing document (a mapping), got a list")


def test_a_yaml_syntax_error_is_named_in_vietnamese_around_yaml_s_own_words(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("briefing: [\n", encoding="utf-8")
    vi, en = _problem(bad)
    detail = "while parsing a flow node did not find expected node content"
    assert en == f"{bad}:2:1: {detail}"
    assert vi == f"{bad}:2:1: lỗi cú pháp YAML: {detail}"


def test_a_message_says_nested_messages_and_numbers_in_its_language():
    message = Message("problem.not_regular", kind=Message("file_kind.fifo"))
    assert message.text("vi") == "không phải tệp thông thường (một FIFO)"
    assert str(message) == "is not a regular file (a FIFO)"
    assert Message("file_problem.more", n=199_900).text("vi") == "… và 199.900 lỗi khác"
    assert Message("file_problem.more", n=199_900).text("en") == "… and 199,900 more problems"


@pytest.mark.parametrize(("environ", "lang"), [
    ({"LANG": "vi_VN.UTF-8"}, "vi"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "en"), ({}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN"}, "vi"), ({"LANG": "vi_VN", "LC_ALL": "C"}, "en"),
])
def test_the_environment_chooses_the_command_line_s_language(environ, lang):
    assert environment_language(environ) == lang


def test_the_command_line_says_database_problems_in_lang_or_the_environment_s(tmp_path, small_db, capsys,
                                                                               monkeypatch):
    path, _ = make_bad_database(tmp_path, small_db, "foreign")
    assert main(["export", "--db", str(path), "--lang", "vi"]) == 1
    assert capsys.readouterr().err == (f"briefing-app: error: {path}: là cơ sở dữ liệu SQLite, "
                                       "nhưng không phải cơ sở dữ liệu báo cáo\n")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert main(["search", "x", "--db", str(path)]) == 1
    assert "không phải cơ sở dữ liệu báo cáo" in capsys.readouterr().err
    assert main(["print", "-o", str(tmp_path / "x.pdf"), "--db", str(path), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (f"briefing-app: error: {path}: is an SQLite database, "
                                       "but not a briefing database\n")
    # The XLSX export reads the database on its own path: it says the problem in the same language.
    assert main(["export", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--db", str(path)]) == 1
    assert "không phải cơ sở dữ liệu báo cáo" in capsys.readouterr().err


def test_the_command_line_says_briefing_file_problems_in_its_language(tmp_path, capsys, monkeypatch):
    missing = tmp_path / "missing.yaml"
    assert main(["validate", str(missing), "--lang", "vi"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{missing}: không tìm thấy tệp", "briefing-app: error: 1 lỗi ở 1 trong số 1 tệp"]
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    target = tmp_path / "library.db"
    assert main(["import", str(missing), "--db", str(target)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{missing}: không tìm thấy tệp", f"briefing-app: error: tìm thấy 1 lỗi; {target} không bị thay đổi"]
    assert main(["validate", str(missing), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{missing}: file not found", "briefing-app: error: 1 problem in 1 of 1 file"]


def test_the_command_line_says_why_it_could_not_write_in_its_language(tmp_path, small_db, capsys):
    out = tmp_path / "no-such-folder" / "x.csv"
    assert main(["export", "--db", str(small_db), "--section", "indicators", "-o", str(out), "--lang", "vi"]) == 1
    assert capsys.readouterr().err == (f"briefing-app: error: {out}: thư mục {out.parent} không tồn tại; "
                                       "không có tệp nào được ghi\n")
    assert main(["export", "--db", str(small_db), "--section", "indicators", "-o", str(out), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (f"briefing-app: error: {out}: folder {out.parent} does not exist; "
                                       "no file was written\n")
    assert not out.parent.exists()


def _at(text: str, needle: str, occurrence: int = 1) -> str:
    """``LINE:COLUMN`` of the ``occurrence``-th ``needle`` in ``text`` (as the validator counts, from 1)."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return f"{text.count(chr(10), 0, index) + 1}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


#: case → (the broken briefing file, where its one problem is (a text there, or the text and which time it
#: occurs), the problem in Vietnamese, in English).
#: Field names, YAML keys, ids and the file's own text stay as the file writes them in both languages.
FIELD_CASES = {
    "format": (SMALL_YAML.replace("format: briefing/1", "format: briefing/2"), "briefing/2",
               "format: phải là 'briefing/1', nhưng gặp 'briefing/2'",
               "format: must be 'briefing/1', got 'briefing/2'"),
    "missing": (SMALL_YAML.replace('  title: {vi: "Hội nghị thử", en: "Test meeting"}\n', ""), "id: test-2017",
                "briefing.title: bị thiếu", "briefing.title: is missing"),
    "number": (SMALL_YAML.replace('plan_pct: "47,41"', 'plan_pct: "47.41"'), '"47.41"',
               "indicators[4].plan_pct: '47.41' không phải số viết kiểu Việt Nam (ví dụ \"72.736.956.416\", \"2,93\")",
               "indicators[4].plan_pct: '47.41' is not a number in Vietnamese notation "
               "(e.g. \"72.736.956.416\", \"2,93\")"),
    "sector": (SMALL_YAML.replace("sector: postal", "sector: posts", 1), "posts",
               "indicators[0].sector: không có lĩnh vực 'posts' (trong sectors)",
               "indicators[0].sector: unknown sector 'posts'"),
    "unit": (SMALL_YAML.replace("metric: revenue", "metric: revenue\n    measure: telecom.subscribers.mobile"),
             "telecom.subscribers.mobile",
             "indicators[4].measure: đơn vị 'tỷ đồng' không đổi được sang 'triệu thuê bao', đơn vị của thước đo "
             "'telecom.subscribers.mobile' (chúng đếm những thứ khác nhau)",
             "indicators[4].measure: the unit 'tỷ đồng' does not convert to 'triệu thuê bao', the unit of measure "
             "'telecom.subscribers.mobile' (they count different things)"),
    "duplicate_key": (SMALL_YAML.replace('    value: "2,93"\n', '    value: "2,93"\n    value: "2,93"\n'),
                      ('value: "2,93"', 2),
                      "trùng khóa 'value'", "duplicate key 'value'"),
}


def test_the_command_line_says_field_problems_in_its_language(tmp_path, capsys):
    """`briefing-app validate --lang vi` says what is wrong with each field in Vietnamese, `--lang en` in the
    English it always said; the file, place and field name are the same in both."""
    paths, expected = [], {"vi": [], "en": []}
    for case, (text, needle, vi, en) in FIELD_CASES.items():
        needle, occurrence = needle if isinstance(needle, tuple) else (needle, 1)
        path = write_briefing(tmp_path / case, text)
        paths.append(str(path))
        where = f"{path}:{_at(text, needle, occurrence)}"
        expected["vi"].append(f"{where}: {vi}")
        expected["en"].append(f"{where}: {en}")
    assert main(["validate", *paths, "--lang", "vi"]) == 1
    assert capsys.readouterr().err.splitlines() == [*expected["vi"], "briefing-app: error: 6 lỗi ở 6 trong số 6 tệp"]
    assert main(["validate", *paths, "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [*expected["en"],
                                                    "briefing-app: error: 6 problems in 6 of 6 files"]


def test_a_field_problem_quotes_the_file_as_written_and_counts_in_the_reader_s_numbers(tmp_path):
    long_title = "x" * 5000
    path = write_briefing(tmp_path, SMALL_YAML.replace('"Sim rác còn tồn tại"', f'"{long_title}"'))
    vi, en = _problem(path)
    assert vi.endswith("limitations[0].title.vi: dài 5.000 ký tự; chỉ được tối đa 500 ký tự "
                       "(xem docs/briefing-file.md)")
    assert en.endswith("limitations[0].title.vi: is 5,000 characters long; at most 500 are allowed "
                       "(see docs/briefing-file.md)")
    # a number of the wrong type is the file's own value: written as YAML read it, not regrouped
    path = write_briefing(tmp_path, SMALL_YAML.replace("  - number: 2", "  - number: 20000"))
    vi, en = _problem(path)
    assert vi.endswith("directives[1].number: các nhiệm vụ phải đánh số theo thứ tự; cần 2, nhưng gặp 20000")
    assert en.endswith("directives[1].number: directives must be numbered in order; expected 2, got 20000")
