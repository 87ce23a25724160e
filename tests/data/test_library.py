"""The user's library: made from the bundled data.db, brought up to date by a newer app, the user's own kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from briefing_app.data.build import build_database
from briefing_app.data.importer import import_briefing
from briefing_app.data.library import describe_update, prepare_library
from briefing_app.data.store import StoreError, open_store
from briefing_fixtures import SMALL_YAML, write_briefing


def briefing_yaml(briefing_id: str, revision: int = 1, title: str = "Hội nghị thử") -> str:
    text = SMALL_YAML.replace("  id: test-2017\n", f"  id: {briefing_id}\n  revision: {revision}\n")
    return text.replace('title: {vi: "Hội nghị thử"', f'title: {{vi: "{title}"')


class Release:
    """One version of the app: its bundled briefing files and the data.db built from them."""

    def __init__(self, root: Path, name: str, briefings: dict[str, tuple[int, str]]):
        self.folder = root / name / "briefings"
        sources = [write_briefing(self.folder, briefing_yaml(bid, rev, title), name=f"{bid}.yaml")
                   for bid, (rev, title) in briefings.items()]
        self.db = root / name / "data.db"
        build_database(sources, self.db)

    def prepare(self, library: Path):
        return prepare_library(library, self.db, self.folder)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(library: Path) -> dict[str, tuple[str, int, str]]:
    """briefing id -> (title, revision, origin), read as the viewer reads."""
    with open_store(library) as store:
        titles = {b.id: b.title("vi") for b in store.briefing_summaries()}
    conn = sqlite3.connect(library)
    try:
        versions = {row[0]: (row[1], row[2]) for row in
                    conn.execute("SELECT briefing_id, revision, origin FROM briefing_versions")}
    finally:
        conn.close()
    return {bid: (title, *versions[bid]) for bid, title in titles.items()}


@pytest.fixture
def library(tmp_path) -> Path:
    return tmp_path / "home" / "briefing-app" / "briefings.db"


def test_first_use_copies_the_bundled_briefings_and_never_writes_them(tmp_path, library):
    release = Release(tmp_path, "v1", {"mic-a": (1, "Báo cáo A")})
    before = digest(release.db)
    update = release.prepare(library)
    assert update.created and update.changed
    assert contents(library) == {"mic-a": ("Báo cáo A", 1, "bundled")}
    assert digest(release.db) == before
    assert sorted(p.name for p in library.parent.iterdir()) == ["briefings.db"]  # no temporary copy left


def test_a_second_start_changes_nothing(tmp_path, library):
    release = Release(tmp_path, "v1", {"mic-a": (1, "Báo cáo A")})
    release.prepare(library)
    before = digest(library)
    update = release.prepare(library)
    assert not update.changed and describe_update(update) == []
    assert digest(library) == before


def test_upgrade_adds_new_briefings_replaces_corrected_ones_and_keeps_the_users(tmp_path, library):
    old = Release(tmp_path, "v1", {"mic-a": (1, "Báo cáo A"), "mic-b": (1, "Báo cáo B")})
    old.prepare(library)
    # The user imports a briefing of their own, and their own version of bundled mic-b.
    own = write_briefing(tmp_path / "mine", briefing_yaml("my-notes", 1, "Ghi chép của tôi"), name="mine.yaml")
    import_briefing(own, library)
    mine_b = write_briefing(tmp_path / "mine-b", briefing_yaml("mic-b", 1, "B của tôi"), name="b.yaml")
    import_briefing(mine_b, library, replace=True)

    new = Release(tmp_path, "v2", {"mic-a": (2, "Báo cáo A (đính chính)"), "mic-b": (2, "Báo cáo B mới"),
                                   "mic-c": (1, "Báo cáo C")})
    update = new.prepare(library)
    assert update.added == ("mic-c",)
    assert update.replaced == ("mic-a",)
    assert update.kept == ("mic-b",)
    assert contents(library) == {
        "mic-a": ("Báo cáo A (đính chính)", 2, "bundled"),
        "mic-b": ("B của tôi", 1, "imported"),
        "my-notes": ("Ghi chép của tôi", 1, "imported"),
        "mic-c": ("Báo cáo C", 1, "bundled"),
    }
    with open_store(library) as store:
        # A replaced briefing keeps its place in the list; a new one comes last.
        assert [b.id for b in store.briefing_summaries()] == ["mic-a", "mic-b", "my-notes", "mic-c"]
    # Once up to date, the next start has nothing to do.
    assert not new.prepare(library).changed


def test_same_revision_with_corrected_content_is_replaced_but_an_older_app_never_downgrades(tmp_path, library):
    Release(tmp_path, "v2", {"mic-a": (2, "Mới")}).prepare(library)
    assert not Release(tmp_path, "v1", {"mic-a": (1, "Cũ")}).prepare(library).changed
    assert contents(library)["mic-a"] == ("Mới", 2, "bundled")
    update = Release(tmp_path, "v2b", {"mic-a": (2, "Mới, sửa lỗi chính tả")}).prepare(library)
    assert update.replaced == ("mic-a",)
    assert contents(library)["mic-a"][0] == "Mới, sửa lỗi chính tả"


def test_an_update_that_fails_leaves_the_library_as_it_was(tmp_path, library, monkeypatch):
    Release(tmp_path, "v1", {"mic-a": (1, "A")}).prepare(library)
    before = digest(library)
    new = Release(tmp_path, "v2", {"mic-a": (2, "A2"), "mic-c": (1, "C")})
    import briefing_app.data.build as build

    real = build.write_briefing
    calls = []

    def fail_on_second(db, document, position, origin="built"):
        calls.append(document.briefing["id"])
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(db, document, position, origin)

    monkeypatch.setattr(build, "write_briefing", fail_on_second)
    with pytest.raises(OSError):
        new.prepare(library)
    assert digest(library) == before
    monkeypatch.setattr(build, "write_briefing", real)
    assert new.prepare(library).changed


def test_bundled_files_out_of_step_with_data_db_are_reported_not_written(tmp_path, library):
    Release(tmp_path, "v1", {"mic-a": (1, "A")}).prepare(library)
    new = Release(tmp_path, "v2", {"mic-a": (2, "A2")})
    (new.folder / "mic-a.yaml").write_text(briefing_yaml("mic-a", 2, "edited after the build"), encoding="utf-8")
    before = digest(library)
    update = new.prepare(library)
    assert not update.changed
    assert update.problems and "differs from the bundled data.db" in update.problems[0]
    assert digest(library) == before


def test_missing_bundled_database_is_a_clear_error(tmp_path, library):
    with pytest.raises(StoreError, match="bundled briefings are missing"):
        prepare_library(library, tmp_path / "nope" / "data.db", tmp_path)
    assert not library.exists()


def test_a_library_that_is_not_a_database_is_named(tmp_path, library):
    release = Release(tmp_path, "v1", {"mic-a": (1, "A")})
    library.parent.mkdir(parents=True)
    library.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError) as caught:
        release.prepare(library)
    assert caught.value.path == library
    assert library.read_bytes() == b"not a database at all" * 100


def test_a_library_from_an_older_schema_is_upgraded_with_the_update(tmp_path, library):
    from briefing_app.data.schema import SCHEMA_VERSION

    Release(tmp_path, "v1", {"mic-a": (1, "A")}).prepare(library)
    conn = sqlite3.connect(library)
    conn.execute("ALTER TABLE indicators DROP COLUMN plan_qualifier")  # as the first versions made it
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    update = Release(tmp_path, "v2", {"mic-a": (2, "A2")}).prepare(library)
    assert update.replaced == ("mic-a",)
    conn = sqlite3.connect(library)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert contents(library)["mic-a"] == ("A2", 2, "bundled")
