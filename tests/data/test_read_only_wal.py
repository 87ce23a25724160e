"""A WAL database in a folder that cannot be written (issue #13, case 14).

SQLite needs a ``-shm`` file beside a WAL database. Where it cannot create or write one, the
store reads the file as immutable — and says so (``immutable``, ``unread_wal``) so the window
can note that live reload is off — instead of refusing it with "attempt to write a readonly
database". Nothing in the folder changes.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from briefing_app.data.store import open_store
from briefing_fixtures import WAL_VARIANTS as VARIANTS
from briefing_fixtures import wal_database_files
from briefing_fixtures import wal_expected_title as expected


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("variant", VARIANTS)
def test_read_only_folder(tmp_path, small_db, read_only_folder, variant):
    folder = read_only_folder(wal_database_files(small_db, tmp_path / "work", variant))
    before = folder_state(folder)
    with open_store(folder / "wal.db") as store:
        assert store.briefings()[0].title_en == expected(variant)
        assert store.unread_wal == (variant == "wal only")
        if variant in ("no side files", "wal only"):
            assert store.immutable
    assert folder_state(folder) == before


READ_AS_ANOTHER_USER = """
import sys
from briefing_app.data.store import open_store
with open_store(sys.argv[1]) as store:
    print(store.briefings()[0].title_en, store.immutable, store.unread_wal)
"""


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_user_without_write_permission(tmp_path, small_db, variant):
    """What the issue saw: a user who may read the folder but not write it (root may write anywhere,
    so as root this reads as the unprivileged user ``nobody``)."""
    if os.geteuid() != 0:
        pytest.skip("runs as root, reading as another user (without root, test_read_only_folder covers it)")
    if not shutil.which("setpriv"):
        pytest.skip("needs setpriv")
    files = wal_database_files(small_db, tmp_path / "work", variant)
    folder = Path(tempfile.mkdtemp(prefix="briefing-read-only-"))
    try:
        for name, source in files.items():
            shutil.copy(source, folder / name)
            (folder / name).chmod(0o644)
        folder.chmod(0o555)
        before = folder_state(folder)
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                                 "-c", READ_AS_ANOTHER_USER, str(folder / "wal.db")],
                                capture_output=True, text=True, timeout=60)
        if "ModuleNotFoundError" in result.stderr or "Permission denied" in result.stderr:
            pytest.skip(f"the other user cannot run this checkout: {result.stderr.strip().splitlines()[-1]}")
        assert result.returncode == 0, result.stderr
        title, immutable, unread_wal = result.stdout.rsplit(" ", 2)
        assert title == expected(variant)
        assert unread_wal.strip() == str(variant == "wal only")
        assert immutable == str(variant != "wal and shm")
        assert folder_state(folder) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
