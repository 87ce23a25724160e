"""Small briefing files written in code, shared by the tests."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Tiêu đề thử nghiệm về điện thoại

Hội nghị được tổ chức trực tuyến tại 12 điểm cầu trên cả nước.
Mạng lưới có 1.000 điểm, trong đó có 600 bưu cục, 300 đại lý.
Doanh thu viễn thông ước đạt 213.355 tỷ đồng, bằng 47,41% so với kế hoạch năm 2017.
Tổng truy vấn là 72.736.956.416 truy vấn, tăng 13% so với cùng kỳ năm trước.
Bán kính phục vụ bình quân đạt 2,93 km/điểm.
Sim rác vẫn còn tồn tại.
1. Hạn chế SIM rác và đẩy mạnh dịch vụ 4G.
2. Đảm bảo an toàn thông tin mạng.
"""

SMALL_YAML = """\
format: briefing/1
briefing:
  id: test-2017
  organisation: {vi: "Bộ Thử nghiệm", en: "Ministry of Tests"}
  title: {vi: "Hội nghị thử", en: "Test meeting"}
  period: {vi: "6 tháng đầu năm 2017", en: "First half of 2017", start: "2017-01-01", end: "2017-06-30"}
  meeting:
    date: "2017-07-14"
    place: {vi: "Hà Nội", en: "Hanoi"}
    connected_sites: "12"
    source: "Hội nghị được tổ chức trực tuyến tại 12 điểm cầu trên cả nước."
  source:
    title: "Tiêu đề thử nghiệm về điện thoại"
    published_at: "2017-07-14T13:06"
    authors: ["Xuân Lộc"]
    article: article.txt
sectors:
  - {id: postal, vi: "Bưu chính", en: "Postal"}
  - {id: telecom, vi: "Viễn thông", en: "Telecommunications"}
enterprises:
  - {id: vnpt, name: {vi: "Tập đoàn VNPT", en: "VNPT Group"}, short: "VNPT"}
indicators:
  - key: postal.points
    sector: postal
    label: {vi: "Điểm phục vụ", en: "Service points"}
    value: "1.000"
    unit: {vi: "điểm", en: "points"}
    source: "Mạng lưới có 1.000 điểm, trong đó có 600 bưu cục, 300 đại lý."
  - key: postal.offices
    sector: postal
    label: {vi: "Bưu cục", en: "Post offices"}
    value: "600"
    unit: {vi: "điểm", en: "points"}
    parent: postal.points
    source: "Mạng lưới có 1.000 điểm, trong đó có 600 bưu cục, 300 đại lý."
  - key: postal.agents
    sector: postal
    label: {vi: "Đại lý", en: "Agents"}
    value: "300"
    unit: {vi: "điểm", en: "points"}
    parent: postal.points
    source: "Mạng lưới có 1.000 điểm, trong đó có 600 bưu cục, 300 đại lý."
  - key: postal.radius
    sector: postal
    label: {vi: "Bán kính phục vụ bình quân", en: "Average service radius"}
    value: "2,93"
    unit: {vi: "km/điểm", en: "km per point"}
    source: "Bán kính phục vụ bình quân đạt 2,93 km/điểm."
  - key: telecom.revenue
    sector: telecom
    label: {vi: "Doanh thu viễn thông", en: "Telecom revenue"}
    value: "213.355"
    unit: {vi: "tỷ đồng", en: "billion VND"}
    qualifier: "ước đạt"
    plan_pct: "47,41"
    plan: {vi: "kế hoạch năm 2017", en: "2017 plan"}
    enterprise: vnpt
    metric: revenue
    source: "Doanh thu viễn thông ước đạt 213.355 tỷ đồng, bằng 47,41% so với kế hoạch năm 2017."
  - key: telecom.dns
    sector: telecom
    label: {vi: "Truy vấn tên miền", en: "Domain name queries"}
    value: "72.736.956.416"
    unit: {vi: "truy vấn", en: "queries"}
    change_pct: "13"
    source: "Tổng truy vấn là 72.736.956.416 truy vấn, tăng 13% so với cùng kỳ năm trước."
achievements:
  - key: a1
    sector: telecom
    title: {vi: "Doanh thu viễn thông tăng", en: "Telecom revenue grew"}
    source: "Doanh thu viễn thông ước đạt 213.355 tỷ đồng, bằng 47,41% so với kế hoạch năm 2017."
limitations:
  - key: l1
    sector: telecom
    title: {vi: "Sim rác còn tồn tại", en: "Junk SIMs remain"}
    source: "Sim rác vẫn còn tồn tại."
directives:
  - number: 1
    key: d01
    sector: telecom
    title: {vi: "Hạn chế SIM rác", en: "Curb junk SIMs"}
    source: "1. Hạn chế SIM rác và đẩy mạnh dịch vụ 4G."
  - number: 2
    key: d02
    sector: telecom
    title: {vi: "An toàn thông tin", en: "Information security"}
    source: "2. Đảm bảo an toàn thông tin mạng."
links:
  - {from: "limitation:l1", to: "directive:d01", relation: addressed_by}
  - {from: "indicator:telecom.revenue", to: "achievement:a1", relation: cited_by}
"""


#: A briefing cited by reference: no article beside it; each item names its article (``cited``).
CITED_YAML = """\
format: briefing/1
briefing:
  id: cited-2019
  organisation: {vi: "Bộ Thử nghiệm", en: "Ministry of Tests"}
  title: {vi: "Sơ kết thử 2019", en: "Test review 2019"}
  period: {vi: "6 tháng đầu năm 2019", en: "First half of 2019", start: "2019-01-01", end: "2019-06-30"}
  meeting:
    date: "2019-07-05"
    connected_sites: "66"
    cited: portal
    locator: "66 điểm cầu"
  sources:
    - key: portal
      title: "Bài tường thuật hội nghị sơ kết"
      publisher: {vi: "Cổng thông tin thử", en: "Test portal"}
      url: "https://example.org/so-ket-2019.html"
      published_at: "2019-07-06"
    - key: news
      title: "Thuê bao di động cuối tháng 6"
      publisher: {vi: "Báo thử", en: "Test news"}
      url: "http://example.com/thue-bao?id=7"
      note: {vi: "Theo số liệu của Bộ", en: "From the ministry's figures"}
sectors:
  - {id: telecom, vi: "Viễn thông", en: "Telecommunications"}
indicators:
  - key: telecom.mobile
    sector: telecom
    label: {vi: "Thuê bao di động", en: "Mobile subscribers"}
    value: "134,5"
    unit: {vi: "triệu thuê bao", en: "million subscribers"}
    as_of: "2019-06-30"
    same_period_pct: "112,3"
    compared_with: {vi: "cùng kỳ năm 2018", en: "same period of 2018"}
    cited: news
    locator: "134,5 triệu thuê bao"
  - key: telecom.budget
    sector: telecom
    label: {vi: "Nộp ngân sách", en: "Budget payments"}
    value: "50.000"
    unit: {vi: "tỷ đồng", en: "billion VND"}
    qualifier: "gần"
    change_pct: "4"
    cited: portal
achievements:
  - key: a1
    sector: telecom
    title: {vi: "Thuê bao di động tăng", en: "Mobile subscribers grew"}
    cited: news
directives:
  - number: 1
    key: d01
    sector: telecom
    title: {vi: "Chuẩn hoá thông tin thuê bao", en: "Clean up subscriber records"}
    cited: portal
    locator: "thông tin thuê bao"
"""


def write_briefing(folder: Path, yaml_text: str = SMALL_YAML, article: str = ARTICLE, name: str = "test.yaml") -> Path:
    """Write a briefing file and its article into ``folder``; return the briefing file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / name
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return path


#: Every kind of bad database the viewer and the command line must refuse plainly.
BAD_DATABASE_CASES = ["missing", "folder", "empty", "random", "text", "truncated", "damaged",
                      "foreign", "newer", "missing_table", "view"]


def make_bad_database(tmp_path, small_db, case):
    """Write one bad database case under tmp_path/cases; return its path and the expected message (a regex)."""
    data = small_db.read_bytes()
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    if case == "missing":
        return folder / "a#b?c" / "missing.db", "file not found"
    if case == "folder":
        (folder / "a folder.db").mkdir()
        return folder / "a folder.db", "is a folder"
    path = folder / f"{case}.db"
    if case == "empty":
        path.write_bytes(b"")
        return path, "is empty"
    if case == "random":
        path.write_bytes(os.urandom(8192))
        return path, "is not an SQLite database"
    if case == "text":
        path.write_text("Bộ TT&TT sơ kết công tác 6 tháng\n", encoding="utf-8")
        return path, "is not an SQLite database"
    if case == "truncated":
        path.write_bytes(data[:4096])
        return path, "not a readable briefing database"
    if case == "damaged":
        damaged = bytearray(data)
        page = int.from_bytes(damaged[16:18], "big")
        for offset in range(page * 3, len(damaged), page * 4):
            damaged[offset:offset + 16] = b"\xff" * 16
        path.write_bytes(bytes(damaged))
        return path, "damaged|malformed|not a readable"
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    if case == "foreign":
        conn.execute("PRAGMA application_id = 1234")
        expected = "not a briefing database"
    elif case == "newer":
        conn.execute("PRAGMA user_version = 7")
        expected = "newer version"
    elif case == "missing_table":
        conn.execute("DROP TABLE directives")
        expected = "table 'directives' is missing"
    elif case == "view":
        conn.execute("DROP TABLE links")
        conn.execute("CREATE VIEW links AS SELECT * FROM checks")
        expected = "'links' is a view"
    conn.commit()
    conn.close()
    return path, expected



class FifoUnblocker:
    """A hang guard for tests that hand a FIFO to the code under test.

    Opening a FIFO for reading waits for a writer. Until ``after`` seconds have passed this
    thread, as that writer, keeps checking whether anybody is waiting to read and, once the time
    is up, releases them (opens the FIFO for writing and closes it), so that code which wrongly
    opens the FIFO fails its test (too slow, or the wrong message) instead of hanging the suite.
    ``released`` says whether anybody was waiting.
    """

    def __init__(self, fifo, after: float = 3.0):
        import threading

        self.fifo = str(fifo)
        self.after = after
        self.released = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import errno
        import time

        deadline = time.monotonic() + self.after
        while not self._stop.wait(0.05):
            if time.monotonic() < deadline:
                continue
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:
                if exc.errno in (errno.ENXIO, errno.ENOENT):  # nobody is reading (or it is gone): fine
                    continue
                raise
            self.released = True
            os.close(fd)

    def __enter__(self) -> FifoUnblocker:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


#: the small briefing's English title, before the change :func:`wal_database_files` leaves in the -wal
WAL_ORIGINAL_TITLE = "Test meeting"
#: which of the files beside the database are present
WAL_VARIANTS = {"no side files": (), "wal and shm": ("-wal", "-shm"), "wal only": ("-wal",), "shm only": ("-shm",)}


def wal_database_files(small_db: Path, work: Path, variant: str) -> dict[str, Path]:
    """A WAL database whose last commit (English title → "changed") is still in its -wal file,
    as a copy taken while the writer was running: {name: file} for ``read_only_folder``."""
    work.mkdir()
    db = work / "wal.db"
    shutil.copy(small_db, db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE briefings SET title_en = 'changed'")
    files = {"wal.db": work / "copy.db"}
    shutil.copy(db, files["wal.db"])
    for suffix in WAL_VARIANTS[variant]:
        files["wal.db" + suffix] = work / f"copy.db{suffix}"
        shutil.copy(f"{db}{suffix}", files["wal.db" + suffix])
    writer.close()
    return files


def wal_expected_title(variant: str) -> str:
    # The -wal's commit can be read only with its -shm; without one the database file is all there is.
    return "changed" if variant == "wal and shm" else WAL_ORIGINAL_TITLE


#: 1,000,000 characters without a space: the worst case for line breaking (a 1 MB title froze the window).
LONG_TEXT = ("Tiêuđềrấtdài" * 90_000)[:1_000_000]
#: (table, column) set to :data:`LONG_TEXT` in the first row by :func:`long_text_database`.
LONG_FIELDS = [("briefings", "title_vi"), ("briefings", "title_en"), ("indicators", "label_vi"),
               ("indicators", "label_en"), ("indicators", "source_text"), ("achievements", "title_vi"),
               ("achievements", "title_en"), ("achievements", "source_text"), ("directives", "title_en"),
               ("sectors", "name_en"), ("enterprises", "name_en")]


def long_text_database(small_db: Path, path: Path) -> Path:
    """A copy of ``small_db`` whose first briefing title, figure, achievement, directive, sector and
    enterprise have 1 MB titles, names and source passages (as any program may write them)."""
    shutil.copy(small_db, path)
    conn = sqlite3.connect(path)
    for table, column in LONG_FIELDS:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT min(rowid) FROM {table})",
                     (LONG_TEXT,))
    conn.commit()
    conn.close()
    return path


#: Damaged values written into figure 1 (the total "1.000 điểm" with two parts) of the small database:
#: what the UPDATE sets, and the message the store must give.
DAMAGED_VALUES = {
    "word for a number": ("value_text = 'abc'", "damaged value in indicators, row 1 (column value_text: 'abc')"),
    "word for a depth": ("depth = 'deep'", "damaged value in indicators, row 1 (column depth: 'deep')"),
    "its own total": ("parent_id = id",
                      "damaged value in indicators, row 1 (column parent_id: 1, which is the row itself)"),
}


def damaged_copy(small_db: Path, path: Path, damage: str) -> Path:
    """A copy of ``small_db`` at ``path`` with one of :data:`DAMAGED_VALUES` written into figure 1."""
    import shutil

    shutil.copy(small_db, path)
    conn = sqlite3.connect(path)
    conn.execute(f"UPDATE indicators SET {DAMAGED_VALUES[damage][0]} WHERE id = 1")
    conn.commit()
    conn.close()
    return path


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def measured_briefing(folder: Path, briefing_id: str, period: tuple[str, str, str], figures: list[dict],
             directives: list[tuple[str, str]] = (), limitations: list[tuple[str, str]] = ()) -> Path:
    """A briefing file whose figures name measures (each: key, sentence, and any of label (default: the key),
    measure, value, unit, qualifier, as_of, change_pct, change_qualifier, same_period_pct, compared_with,
    sector), with its directives and limitations as (sector, title) — each title is also its sentence in the
    article. ``period`` is (Vietnamese name, start, end). Returns the file's path."""
    name, start, end = period
    lines = ["format: briefing/1", "briefing:", f"  id: {briefing_id}", '  organisation: {vi: "Bộ Thử nghiệm"}',
             f"  title: {{vi: {_q('Báo cáo ' + name)}, en: {_q('Review ' + name)}}}",
             f"  period: {{vi: {_q(name)}, en: {_q(name)}, start: {_q(start)}, end: {_q(end)}}}",
             "  source:", f"    title: {_q('Báo cáo ' + name)}", "    article: article.txt",
             "sectors:", '  - {id: telecom, vi: "Viễn thông", en: "Telecommunications"}',
             '  - {id: postal, vi: "Bưu chính", en: "Postal"}', "indicators:"]
    sentences = []
    for figure in figures:
        lines += [f"  - key: {figure['key']}", f"    sector: {figure.get('sector', 'telecom')}",
                  f"    label: {{vi: {_q(figure.get('label', figure['key']))}}}"]
        for field in ("measure", "value", "qualifier", "as_of", "change_pct", "change_qualifier", "same_period_pct"):
            if figure.get(field) is not None:
                lines.append(f"    {field}: {_q(figure[field])}")
        if figure.get("unit") is not None:
            lines.append(f"    unit: {{vi: {_q(figure['unit'])}}}")
        if figure.get("compared_with") is not None:
            lines.append(f"    compared_with: {{vi: {_q(figure['compared_with'])}}}")
        lines.append(f"    source: {_q(figure['sentence'])}")
        sentences.append(figure["sentence"])
    for section, entries in (("limitations", limitations), ("directives", directives)):
        if not entries:
            continue
        lines.append(f"{section}:")
        for n, (sector, title) in enumerate(entries, start=1):
            sentence = f"{n}. {title}." if section == "directives" else f"{title}."
            lines += [f"  - key: {section[0]}{n}", f"    sector: {sector}", f"    title: {{vi: {_q(title)}}}",
                      f"    source: {_q(sentence)}"]
            if section == "directives":
                lines.append(f"    number: {n}")
            sentences.append(sentence)
    article = "Báo cáo " + name + "\n\n" + "\n".join(sentences) + "\n"
    return write_briefing(folder / briefing_id, "\n".join(lines) + "\n", article, name=f"{briefing_id}.yaml")


#: Three periods for a series of briefings: (id, title vi, title en, period vi, period en, start, end).
SERIES = [
    ("test-2017-h1", "Hội nghị sơ kết 6 tháng đầu năm 2017", "Mid-year review 2017",
     "6 tháng đầu năm 2017", "First half of 2017", "2017-01-01", "2017-06-30"),
    ("test-2018-h1", "Hội nghị sơ kết 6 tháng đầu năm 2018", "Mid-year review 2018",
     "6 tháng đầu năm 2018", "First half of 2018", "2018-01-01", "2018-06-30"),
    ("test-2017-fy", "Hội nghị tổng kết năm 2017", "Year review 2017",
     "Năm 2017", "The year 2017", "2017-01-01", "2017-12-31"),
]


def series_yaml(briefing_id: str, title_vi: str, title_en: str, period_vi: str, period_en: str,
                start: str, end: str, yaml_text: str = SMALL_YAML) -> str:
    """``yaml_text`` (the small briefing) as another briefing: its id, titles and period replaced."""
    return (yaml_text
            .replace("id: test-2017", f"id: {briefing_id}")
            .replace('title: {vi: "Hội nghị thử", en: "Test meeting"}',
                     f'title: {{vi: "{title_vi}", en: "{title_en}"}}')
            .replace('period: {vi: "6 tháng đầu năm 2017", en: "First half of 2017", start: "2017-01-01", '
                     'end: "2017-06-30"}',
                     f'period: {{vi: "{period_vi}", en: "{period_en}", start: "{start}", end: "{end}"}}'))


def without_sections(yaml_text: str, *sections: str) -> str:
    """``yaml_text`` without the listed top-level lists (``directives``, ``enterprises``…) and the links
    and fields that name their entries."""
    out: list[str] = []
    skipping = False
    for line in yaml_text.splitlines(keepends=True):
        top = line[:1] not in (" ", "") and line.rstrip().endswith(":")
        if top:
            skipping = line.rstrip().rstrip(":") in sections or line.startswith("links:")
        if not skipping:
            out.append(line)
    text = "".join(out)
    if "enterprises" in sections:
        text = text.replace("    enterprise: vnpt\n", "")
    return text


def series_database(folder: Path, target: Path, entries=SERIES, yaml_text: str = SMALL_YAML) -> Path:
    """A database of several briefings (one per entry of :data:`SERIES`), written in the listed order."""
    from briefing_app.data.build import build_database

    files = [write_briefing(folder / entry[0], series_yaml(*entry, yaml_text=yaml_text), name=f"{entry[0]}.yaml")
             for entry in entries]
    build_database(files, target)
    return target


#: A program (``python -c KILLED_IMPORT BRIEFING_FILE DATABASE``) that imports a briefing and is killed
#: (SIGKILL) after writing it, before the commit: what a power cut or ``kill -9`` leaves behind.
KILLED_IMPORT = textwrap.dedent("""
    import os, signal, sys
    import briefing_app.data.importer as importer
    real = importer.write_briefing
    def write_then_die(db, *args, **kwargs):
        db.execute("PRAGMA cache_size = 2")  # pages reach the database file before the commit
        real(db, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    importer.write_briefing = write_then_die
    importer.import_briefing(sys.argv[1], sys.argv[2])
""")

