"""An import writes in one transaction on the database itself (issue #13, cases 1, 2 and 8).

Another program's committed rows are kept, in rollback-journal and WAL mode alike; a failure, a
full disk or a killed process leaves the database's content as it was, with no file left beside it;
imports into one database run one after the other and never report a briefing that is not there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.data import importer
from briefing_app.data.importer import import_briefing
from briefing_app.data.store import StoreBusy, open_store
from briefing_fixtures import KILLED_IMPORT, ROOT, SMALL_YAML, write_briefing

MODES = ("delete", "wal")


def files(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def content(db: Path) -> str:
    """The database's logical content: every table's rows and the schema, as SQL."""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def quick_check(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()


def ids_and_titles(db: Path) -> dict[str, str]:
    with open_store(db) as store:
        return {b.id: b.title_vi for b in store.briefings()}


def briefing_file(folder: Path, briefing_id: str, title: str = "Hội nghị thử") -> Path:
    text = SMALL_YAML.replace("id: test-2017", f"id: {briefing_id}")
    text = text.replace('title: {vi: "Hội nghị thử"', f'title: {{vi: "{title}"')
    return write_briefing(folder / briefing_id / title.replace(" ", "-"), text, name=f"{briefing_id}.yaml")


@pytest.fixture(params=MODES)
def target(request, tmp_path, small_db) -> Path:
    """A briefing database alone in its folder, in rollback-journal ("delete") or WAL mode."""
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "briefings.db"
    shutil.copy(small_db, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {request.param}")
    conn.close()
    return path


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``briefing-app ARGS`` in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "briefing_app", *args], capture_output=True, text=True, env=env,
                          **kwargs)


# ----------------------------------------------------------------- case 1: WAL, other writers

OTHER_WRITER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # its commits stay in the -wal file
    conn.execute("UPDATE briefings SET title_en = 'changed by another program'")
    print("committed", flush=True)
    sys.stdin.readline()  # keeps its connection open while the import runs
    conn.execute("UPDATE briefings SET title_en = title_en || ', twice' WHERE id = 'test-2017'")
    print(conn.execute("SELECT COUNT(*) FROM briefings").fetchone()[0], flush=True)
""")


def test_import_into_a_wal_database_keeps_what_another_program_committed(tmp_path, small_db):
    """The issue's recipe: a WAL database, a second process that committed and keeps its connection
    open, then ``briefing-app import``: before, "Added" and then a malformed database."""
    db = tmp_path / "w.db"
    shutil.copy(small_db, db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode = wal").fetchone()[0] == "wal"
    conn.close()
    other = subprocess.Popen([sys.executable, "-c", OTHER_WRITER, str(db)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "committed"
        assert Path(f"{db}-wal").stat().st_size > 0
        result = run_cli("import", str(briefing_file(tmp_path, "test-2018")), "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Added briefing 'test-2018'")
        # The other program goes on with its open connection, and sees the import.
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "2"
    finally:
        other.kill()
        other.wait()
    assert quick_check(db) == "ok"
    with open_store(db) as store:
        titles = {b.id: b.title_en for b in store.briefings()}
        assert len(store.indicators("test-2018")) == 6
    assert titles == {"test-2017": "changed by another program, twice", "test-2018": "Test meeting"}


def test_import_keeps_the_journal_mode_and_leaves_no_file_behind(tmp_path, target):
    mode = sqlite3.connect(target).execute("PRAGMA journal_mode").fetchone()[0]
    assert main(["import", str(briefing_file(tmp_path, "test-2018")), "--db", str(target)]) == 0
    assert sqlite3.connect(target).execute("PRAGMA journal_mode").fetchone()[0] == mode
    assert quick_check(target) == "ok"
    assert set(ids_and_titles(target)) == {"test-2017", "test-2018"}
    left = {p.name for p in target.parent.iterdir()}
    # WAL's -wal and -shm belong to the database while it is in WAL mode; nothing else may be there.
    assert left <= {"briefings.db", "briefings.db-wal", "briefings.db-shm"} and "briefings.db-journal" not in left


# ----------------------------------------------------------------- failures: all or nothing

def test_failure_part_way_changes_nothing_in_either_mode(tmp_path, target, monkeypatch, capsys):
    """Half the briefing is written, then the disk is full: one line, the content as it was, no file beside it
    (byte for byte in rollback-journal mode, where SQLite restores every page)."""
    from briefing_app.data.build import write_briefing as real_write

    before_files, before = files(target.parent), content(target)

    def disk_full(db, *args, **kwargs):
        real_write(db, *args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing_app.data.importer.write_briefing", disk_full)
    assert main(["import", str(briefing_file(tmp_path, "test-2018")), "--db", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"briefing-app: error: {target}: cannot write (No space left on device); nothing was changed"]
    assert content(target) == before and quick_check(target) == "ok"
    if "briefings.db-wal" in before_files:
        # WAL: the rolled-back frames stay in the -wal file, unused; the database's content is as it was.
        assert set(files(target.parent)) == set(before_files)
    else:
        assert files(target.parent) == before_files


def test_a_really_full_disk_is_one_line_and_leaves_no_journal(tmp_path, small_db, capsys):
    """A small file system with 8 KB free: SQLite's "database or disk is full", as one line; the database
    byte for byte as it was and no -journal beside it."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        pytest.skip("mounting a small file system needs root")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a file system here")
    try:
        db = folder / "briefings.db"
        shutil.copy(small_db, db)
        filler = folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        os.truncate(filler, max(0, filler.stat().st_size - 8192))
        before = files(folder)
        source = briefing_file(tmp_path, "test-2018")
        assert main(["import", str(source), "--db", str(db)]) == 1
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith(f"briefing-app: error: {db}: cannot ")
        assert "full" in err[0] and err[0].endswith("nothing was changed")
        assert files(folder) == before
        filler.unlink()
        assert main(["import", str(source), "--db", str(db)]) == 0  # with room, the same import works
        assert sorted(p.name for p in folder.iterdir()) == ["briefings.db"]
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


#: An import killed (SIGKILL) after writing the briefing, before its commit.

def test_killed_import_leaves_the_content_as_it_was(tmp_path, target):
    """SIGKILL after the briefing is written, before the commit. SQLite rolls the transaction back the
    next time the database is opened for writing; the next import does that, and then works."""
    before_bytes, before = files(target.parent)["briefings.db"], content(target)
    source = briefing_file(tmp_path, "test-2018")
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(source), str(target)], capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.returncode == -9, killed.stderr
    wal = target.with_name("briefings.db-wal").exists()
    if not wal:
        assert target.with_name("briefings.db-journal").exists()  # the killed process could not clean up
    # Any connection that may write rolls the journal back (reading commands too: test_cli_busy.py).
    assert content(target) == before and quick_check(target) == "ok"
    if not wal:
        assert files(target.parent) == {"briefings.db": before_bytes}  # byte for byte, journal gone
    result = run_cli("import", str(source), "--db", str(target))
    assert result.returncode == 0 and result.stdout.startswith("Added briefing 'test-2018'"), result.stderr
    assert set(ids_and_titles(target)) == {"test-2017", "test-2018"}
    assert "briefings.db-journal" not in {p.name for p in target.parent.iterdir()}


def test_killed_import_is_recovered_by_the_next_import(tmp_path, target):
    source = briefing_file(tmp_path, "test-2018")
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(source), str(target)], capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.returncode == -9
    result = run_cli("import", str(source), "--db", str(target))
    assert result.returncode == 0 and result.stdout.startswith("Added briefing 'test-2018'"), result.stderr
    assert quick_check(target) == "ok" and set(ids_and_titles(target)) == {"test-2017", "test-2018"}
    assert "briefings.db-journal" not in {p.name for p in target.parent.iterdir()}


# ----------------------------------------------------------------- case 2: one writer at a time

def hold_write_lock(db: Path) -> sqlite3.Connection:
    """Another program's open write transaction (BEGIN IMMEDIATE, one row changed, not committed)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE briefings SET title_en = 'written by the other program'")
    return conn


def test_an_import_waits_for_another_writer_saying_so_once_and_keeps_its_rows(tmp_path, target):
    holder = hold_write_lock(target)
    source = briefing_file(tmp_path, "test-2018")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "briefing_app", "import", str(source), "--db", str(target)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        note = process.stderr.readline()
        assert note == f"briefing-app: another program is writing to {target}; waiting (up to 30 s)…\n"
        time.sleep(0.3)
        assert process.poll() is None  # still waiting
        holder.execute("COMMIT")
        out, err = process.communicate(timeout=30)
    finally:
        holder.close()
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and err == "" and out.startswith("Added briefing 'test-2018'")
    with open_store(target) as store:
        assert {b.id: b.title_en for b in store.briefings()} == {"test-2017": "written by the other program",
                                                                 "test-2018": "Test meeting"}
    assert quick_check(target) == "ok"


def test_an_import_gives_up_after_the_stated_time_and_changes_nothing(tmp_path, target, monkeypatch, capsys):
    holder = hold_write_lock(target)
    try:
        before = content(target)  # what is committed: the holder's change is not
        monkeypatch.setattr(importer, "WRITE_WAIT_S", 0.6)
        started = time.monotonic()
        assert main(["import", str(briefing_file(tmp_path, "test-2018")), "--db", str(target)]) == 1
        assert 0.5 < time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert capsys.readouterr().err.splitlines() == [
        f"briefing-app: another program is writing to {target}; waiting (up to 0.6 s)…",
        f"briefing-app: error: {target}: still busy after 0.6 s (another program is writing); nothing was changed",
    ]
    assert content(target) == before


def test_the_busy_limit_is_a_keyword(tmp_path, target):
    holder = hold_write_lock(target)
    notes = []
    try:
        with pytest.raises(StoreBusy, match=r"still busy after 0\.3 s \(another program is writing\)"):
            import_briefing(briefing_file(tmp_path, "test-2018"), target, wait=0.3, on_wait=lambda: notes.append(1))
    finally:
        holder.close()
    assert notes == [1]


def concurrent_cli(*commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Run the commands at the same moment (each in its own process) and wait for all."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [subprocess.Popen([sys.executable, "-m", "briefing_app", *command], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env) for command in commands]
    results = []
    for command, process in zip(commands, processes):
        out, err = process.communicate(timeout=90)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def assert_busy_or_fine(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert result.stderr.splitlines()[-1].endswith("(another program is writing); nothing was changed"), \
            result.stderr


def test_two_imports_at_once_both_land(tmp_path, small_db):
    """Two ``briefing-app import`` into one database, ten times, each a different briefing: both are there,
    or the one that lost says it was busy; never "Added" for a briefing that is missing."""
    sources = [briefing_file(tmp_path, "test-2018"), briefing_file(tmp_path, "test-2019")]
    for round_ in range(10):
        db = tmp_path / f"round-{round_}" / "briefings.db"
        db.parent.mkdir()
        shutil.copy(small_db, db)
        if round_ % 2:
            sqlite3.connect(db).execute("PRAGMA journal_mode = wal").fetchone()
        results = concurrent_cli(*(["import", str(s), "--db", str(db)] for s in sources))
        present = set(ids_and_titles(db))
        for briefing_id, result in zip(("test-2018", "test-2019"), results):
            assert_busy_or_fine(result)
            if result.returncode == 0:
                assert result.stdout.startswith(f"Added briefing '{briefing_id}'")
                assert briefing_id in present, f"round {round_}: said Added, but {briefing_id} is missing"
        assert quick_check(db) == "ok"
        assert {p.name for p in db.parent.iterdir()} <= {"briefings.db", "briefings.db-wal", "briefings.db-shm"}


def test_two_replaces_at_once_leave_one_whole_briefing(tmp_path, small_db):
    """``--replace`` of one briefing twice at once: the one that wrote last is there, whole, once."""
    titles = ("Bản A", "Bản B")
    sources = [briefing_file(tmp_path, "test-2018", title) for title in titles]
    for round_ in range(10):
        db = tmp_path / f"round-{round_}" / "briefings.db"
        db.parent.mkdir()
        shutil.copy(small_db, db)
        results = concurrent_cli(*(["import", str(s), "--db", str(db), "--replace"] for s in sources))
        for result in results:
            assert_busy_or_fine(result)
        verbs = sorted(r.stdout.split()[0] for r in results if r.returncode == 0)
        assert verbs in (["Added", "Replaced"], ["Added"]), verbs
        with open_store(db) as store:
            assert [b.id for b in store.briefings()] == ["test-2017", "test-2018"]
            assert len(store.indicators("test-2018")) == 6  # once, not twice
            rows = store.connection().execute(
                "SELECT COUNT(*) FROM search_index WHERE briefing_id = 'test-2018' AND section = 'indicators'"
            ).fetchone()[0]
            title = {b.id: b.title_vi for b in store.briefings()}["test-2018"]
        assert rows == 6
        # The briefing there is the one whose import said "Replaced" (the later one), or the only one.
        last = [t for t, r in zip(titles, results) if r.returncode == 0 and r.stdout.startswith("Replaced")]
        assert title == (last[0] if last else next(t for t, r in zip(titles, results) if r.returncode == 0))


def test_an_import_and_a_replace_at_once_never_both_add(tmp_path, small_db):
    """Without --replace, the second of two imports of one briefing is refused, even when both checked
    before either wrote: the check is made again under the write lock."""
    plain, replacing = briefing_file(tmp_path, "test-2018", "Bản A"), briefing_file(tmp_path, "test-2018", "Bản B")
    for round_ in range(10):
        db = tmp_path / f"round-{round_}" / "briefings.db"
        db.parent.mkdir()
        shutil.copy(small_db, db)
        a, b = concurrent_cli(["import", str(plain), "--db", str(db)],
                              ["import", str(replacing), "--db", str(db), "--replace"])
        assert_busy_or_fine(b)
        title = ids_and_titles(db)["test-2018"]
        if a.returncode == 0:  # the plain import came first; the replace followed it
            assert a.stdout.startswith("Added") and b.stdout.startswith("Replaced") and title == "Bản B"
        else:
            assert "is already in" in a.stderr and "--replace" in a.stderr and "Traceback" not in a.stderr
            assert b.stdout.startswith("Added") and title == "Bản B"


def test_the_check_under_the_lock_refuses_a_briefing_added_meanwhile(tmp_path, target, monkeypatch):
    """Deterministically: another import adds the briefing between this one's check and its write."""
    from briefing_app.data.briefing_file import BriefingFileError

    source = briefing_file(tmp_path, "test-2018")
    real_ids = importer._briefing_ids

    def check_then_other_import(*args, **kwargs):
        ids = real_ids(*args, **kwargs)
        monkeypatch.setattr(importer, "_briefing_ids", real_ids)  # the other import checks as usual
        import_briefing(briefing_file(tmp_path / "other", "test-2018", "Của người khác"), target)
        return ids

    monkeypatch.setattr(importer, "_briefing_ids", check_then_other_import)
    with pytest.raises(BriefingFileError, match="is already in"):
        import_briefing(source, target)
    assert ids_and_titles(target)["test-2018"] == "Của người khác"


def test_success_is_reported_only_for_a_briefing_that_is_there(tmp_path, target, monkeypatch, capsys):
    """Another program removes the briefing right after the commit: the import does not say "Added"."""
    real_write = importer.write_in_one_transaction

    def write_then_other_removes(path, write, **kwargs):
        result = real_write(path, write, **kwargs)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("DELETE FROM briefings WHERE id = 'test-2018'")
        conn.close()
        return result

    monkeypatch.setattr(importer, "write_in_one_transaction", write_then_other_removes)
    assert main(["import", str(briefing_file(tmp_path, "test-2018")), "--db", str(target)]) == 1
    out, err = capsys.readouterr()
    assert "Added" not in out
    assert err.splitlines()[-1].startswith(f"briefing-app: error: {target}: briefing 'test-2018' is not there after")
