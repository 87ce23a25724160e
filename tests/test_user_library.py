"""The command line and the window work on the user's library; the bundled data.db is never written."""

from __future__ import annotations

import hashlib

import pytest

from briefing_app import paths
from briefing_app.cli import main
from briefing_app.data.store import open_store
from briefing_fixtures import SMALL_YAML, write_briefing


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def bundled_digest(bundled_db):
    before = digest(bundled_db)
    yield before
    assert digest(bundled_db) == before, "the bundled data.db was written"


def test_the_library_lives_in_the_users_data_folder(user_data_home):
    assert paths.library_path() == user_data_home / "briefing-app" / "briefings.db"
    assert paths.default_database() == paths.library_path()


def test_briefing_db_environment_variable_still_chooses(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "x.db"))
    assert paths.default_database() == tmp_path / "x.db"


def test_import_without_db_adds_to_the_library_not_the_bundled_file(tmp_path, capsys, bundled_digest):
    source = write_briefing(tmp_path / "src")
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    library = paths.library_path()
    assert f"Added briefing 'test-2017' in {library}" in out
    with open_store(library) as store:
        # newest period first; the test briefing shares the 2017 review's period and comes after it
        assert [b.id for b in store.briefing_summaries()] == [
            "mic-2019-h1", "mic-2018-h1", "mic-2017-fy", "mic-2017-h1", "test-2017", "mic-2016-fy"]
    # Reading commands see it too.
    assert main(["search", "dien thoai", "--briefing", "test-2017", "--json"]) == 0
    assert '"briefing": "test-2017"' in capsys.readouterr().out


def test_reading_commands_create_the_library_quietly(tmp_path, capsys, bundled_digest):
    assert main(["export", "--format", "csv", "--section", "directives", "--briefing", "mic-2017-h1",
                 "-o", str(tmp_path / "d.csv")]) == 0
    assert capsys.readouterr().err == ""
    assert paths.library_path().is_file()
    import csv

    rows = list(csv.reader((tmp_path / "d.csv").open(encoding="utf-8-sig")))
    assert len(rows) == 1 + 16  # the header and the 16 tasks of the bundled briefing


def test_an_unwritable_data_folder_reads_the_bundled_briefings_and_refuses_import(
        tmp_path, capsys, monkeypatch, bundled_digest):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["search", "dien thoai"]) == 0
    captured = capsys.readouterr()
    assert "reading the bundled briefings instead" in captured.err and captured.out
    source = write_briefing(tmp_path / "src")
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "give a database with --db" in err


def test_build_db_without_output_rebuilds_the_checkouts_data_db_only(tmp_path, capsys, monkeypatch, bundled_digest):
    monkeypatch.setattr(paths, "layout", lambda: "installed")
    assert main(["build-db"]) == 2
    err = capsys.readouterr().err
    assert "-o" in err and "never written" in err


def test_version_comes_from_the_package_metadata(capsys):
    from importlib.metadata import version

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"briefing-app {version('briefing-app')}"


def test_the_window_opens_the_library_and_says_where(qtbot, tmp_path, bundled_digest):
    window = start_window(qtbot, tmp_path)
    assert window.database_status.text() == "Your library: briefings.db (read-only)"
    assert window.database_status.toolTip() == str(paths.library_path())
    assert paths.library_path().is_file()
    window.open_database(write_db(tmp_path))
    assert window.database_status.text().startswith("other.db in ")
    assert window.database_status.toolTip() == str(tmp_path / "other.db")


def write_db(tmp_path):
    from briefing_app.data.build import build_database

    target = tmp_path / "other.db"
    build_database([write_briefing(tmp_path / "o", SMALL_YAML)], target)
    return target


def start_window(qtbot, tmp_path, lang="en"):
    from PySide6.QtCore import QSettings

    from briefing_app.ui.app import create_window, open_startup_database

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(None, lang, settings)
    qtbot.addWidget(window)
    open_startup_database(window)
    return window


def test_the_window_says_when_a_new_version_brought_briefings_in(qtbot, tmp_path, bundled_db):
    import sqlite3

    start_window(qtbot, tmp_path).close()
    # As if the library came from an older version: its copy of the bundled briefing is revision 0.
    conn = sqlite3.connect(paths.library_path())
    with conn:
        conn.execute("UPDATE briefing_versions SET revision = 0")
    conn.close()
    window = start_window(qtbot, tmp_path)
    assert window.statusBar().currentMessage() == "Your library received 5 new or corrected briefings from this version"
    assert window.database_status.text() == "Your library: briefings.db (read-only)"
    # The next start has nothing to say.
    assert start_window(qtbot, tmp_path).statusBar().currentMessage() == ""


def test_an_unusable_library_shows_the_bundled_briefings_and_says_why(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    window = start_window(qtbot, tmp_path, lang="vi")
    assert window.statusBar().currentMessage().startswith("Không dùng được thư viện của bạn (")
    assert window.database_status.text() == "Dữ liệu kèm ứng dụng: data.db (chỉ đọc)"
    assert window.state.snapshot is not None
