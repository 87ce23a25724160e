"""The window over a WAL database in a read-only folder (issue #13, case 14): it opens, and the
status bar says it is read as a fixed file with live reload off."""

import pytest

from briefing_fixtures import WAL_VARIANTS as VARIANTS
from briefing_fixtures import wal_database_files
from briefing_fixtures import wal_expected_title as expected


@pytest.mark.parametrize("variant", VARIANTS)
def test_status_says_live_reload_is_off(qtbot, open_window, tmp_path, small_db, read_only_folder, variant):
    folder = read_only_folder(wal_database_files(small_db, tmp_path / "work", variant))
    window = open_window(folder / "wal.db", lang="en")
    assert window.state.snapshot.briefing.title_en == expected(variant)
    status = window.loaded_status.text()
    if window.session.store.immutable:
        assert status.startswith("Loaded at ")
        assert "read-only folder: read as a fixed file; live reload is off" in status
        assert window.session.watcher.path is None
        assert ("changes still in its -wal file cannot be shown" in status) == (variant == "wal only")
    else:
        assert "live reload is off" not in status and window.session.watcher.path == folder / "wal.db"
    if variant in ("no side files", "wal only"):
        assert window.session.store.immutable
    # F5 reads it again, and says the same.
    window.reload()
    assert window.loaded_status.text().startswith("Refreshed at ")
    assert ("live reload is off" in window.loaded_status.text()) == window.session.store.immutable
