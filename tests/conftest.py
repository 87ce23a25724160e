"""Shared fixtures: small briefing files and databases built in code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The log file of the code under test goes to a temporary folder, not the user's data folder.
os.environ.setdefault("BRIEFING_LOG_DIR", __import__("tempfile").mkdtemp(prefix="briefing-logs-"))

from briefing_fixtures import ROOT, write_briefing  # noqa: E402


@pytest.fixture(autouse=True)
def user_data_home(tmp_path_factory, monkeypatch) -> Path:
    """Each test has its own user data folder (the user's library lives there), never the real one."""
    folder = tmp_path_factory.mktemp("xdg-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    # The command line speaks the environment's language (LC_ALL, LC_MESSAGES, LANG): tests read English
    # unless they ask for Vietnamese.
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return folder


@pytest.fixture
def small_briefing(tmp_path: Path) -> Path:
    return write_briefing(tmp_path / "src")


@pytest.fixture
def small_db(tmp_path: Path, small_briefing: Path) -> Path:
    from briefing_app.data.build import build_database

    target = tmp_path / "small.db"
    build_database([small_briefing], target)
    return target


@pytest.fixture(scope="session")
def bundled_db() -> Path:
    return ROOT / "data.db"


@pytest.fixture(scope="session")
def review_db(tmp_path_factory) -> Path:
    """The shipped data.db holding only the 2017 review, the briefing with its article and every section.

    The window and the commands open the newest briefing by period (the 2019 review, cited by reference);
    tests of what a reader does with the 2017 review use this copy, named ``data.db`` like the shipped one.
    """
    import shutil
    import sqlite3

    import sqlite_utils

    from briefing_app.data.importer import remove_briefing

    target = tmp_path_factory.mktemp("review") / "data.db"
    shutil.copy(ROOT / "data.db", target)
    db = sqlite_utils.Database(sqlite3.connect(target, isolation_level=None))
    ids = [row[0] for row in db.execute("SELECT id FROM briefings WHERE id != 'mic-2017-h1'")]
    db.execute("BEGIN IMMEDIATE")
    for briefing_id in ids:
        remove_briefing(db, briefing_id)
    db.execute("COMMIT")
    db.execute("VACUUM")
    db.close()
    return target


@pytest.fixture
def read_only_folder(tmp_path):
    """Make a read-only folder holding the given files: ``make({"a.db": path_or_bytes, ...})``.

    Tests may run as root, whom chmod does not stop, so as root the folder is a small tmpfs
    remounted read-only; otherwise it is chmod 0o500. Skips where neither is possible.
    """
    import os
    import shutil
    import subprocess

    mounted = []

    def make(files: dict) -> Path:
        folder = tmp_path / f"read-only-{len(mounted)}"
        folder.mkdir()
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        if as_root and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                                      capture_output=True).returncode != 0:
            pytest.skip("cannot mount a read-only file system here")
        if as_root:
            mounted.append(folder)
        for name, content in files.items():
            if isinstance(content, (bytes, bytearray)):
                (folder / name).write_bytes(content)
            else:
                shutil.copy(content, folder / name)
        if as_root:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o500)
        return folder

    yield make
    for folder in mounted:
        subprocess.run(["umount", str(folder)], capture_output=True)
