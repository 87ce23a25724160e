"""Importing a briefing: validated like build-db, all or nothing, every problem reported.

WAL databases, killed imports, full disks and imports at once: test_import_safety.py."""

import hashlib
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.cli import main
from briefing_app.data.briefing_file import BriefingFileError
from briefing_app.data.importer import import_briefing
from briefing_app.data.store import StoreError, open_store
from briefing_fixtures import SMALL_YAML, write_briefing


def state_of(folder):
    """Every file in the folder with a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def target(tmp_path, small_db):
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "briefings.db"
    shutil.copy(small_db, path)
    return path


def second_briefing(tmp_path, **replacements):
    text = SMALL_YAML.replace("id: test-2017", "id: test-2018")
    for old, new in replacements.items():
        text = text.replace(old, new)
    return write_briefing(tmp_path / "second", text, name="second.yaml")


def test_import_adds_a_briefing_with_its_search_rows(tmp_path, target):
    result = import_briefing(second_briefing(tmp_path), target)
    assert result.briefing_id == "test-2018" and not result.replaced
    with open_store(target) as store:
        assert [b.id for b in store.briefings()] == ["test-2017", "test-2018"]
        assert len(store.indicators("test-2018")) == 6
        rows = store.connection().execute(
            "SELECT COUNT(*) FROM search_index WHERE briefing_id = 'test-2018'").fetchone()[0]
        assert rows > 6
    assert sorted(p.name for p in target.parent.iterdir()) == ["briefings.db"]  # no copy, no journal left


def test_same_id_needs_replace_and_leaves_the_database_untouched(tmp_path, target, capsys):
    before = state_of(target.parent)
    path = write_briefing(tmp_path / "again", name="again.yaml")
    assert main(["import", str(path), "--db", str(target)]) == 1
    err = capsys.readouterr().err
    assert "briefing 'test-2017' is already in" in err and "--replace" in err and "Traceback" not in err
    assert state_of(target.parent) == before


def test_replace_swaps_the_briefing(tmp_path, target):
    yaml = SMALL_YAML.replace('title: {vi: "Hội nghị thử"', 'title: {vi: "Hội nghị mới"')
    path = write_briefing(tmp_path / "again", yaml, name="again.yaml")
    assert main(["import", str(path), "--db", str(target), "--replace"]) == 0
    with open_store(target) as store:
        [briefing] = store.briefings()
        assert briefing.title_vi == "Hội nghị mới"
        assert len(store.indicators("test-2017")) == 6
        assert store.connection().execute(
            "SELECT COUNT(DISTINCT item_id) FROM search_index WHERE section = 'indicators'").fetchone()[0] == 6


def test_every_problem_is_listed_with_file_line_and_column(tmp_path, target, capsys):
    before = state_of(target.parent)
    bad = second_briefing(tmp_path, **{'value: "600"': "value: 1:30", 'en: "Postal"': "en: NO",
                                       'label: {vi: "Bưu cục", en: "Post offices"}': "",
                                       "key: postal.agents": "key: postal.offices"})
    assert main(["import", str(bad), "--db", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any(":" in line and "second.yaml:" in line and "YAML reads 1:30 as 90" in line for line in err)
    assert any("sectors[0].en" in line and "NO as true or false" in line for line in err)
    assert any("indicators[1].label: is missing" in line for line in err)
    assert any("duplicate id 'postal.offices'" in line for line in err)
    assert err[-1].endswith("was not changed")
    assert state_of(target.parent) == before


def test_failure_part_way_leaves_nothing_changed(tmp_path, target, monkeypatch):
    """Half the briefing is written when the failure comes: the transaction is rolled back, and in
    rollback-journal mode SQLite puts every page back, so the folder is byte for byte as it was."""
    from briefing_app.data.build import write_briefing as real_write

    before = state_of(target.parent)

    def explode(db, *args, **kwargs):
        real_write(db, *args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing_app.data.importer.write_briefing", explode)
    with pytest.raises(OSError):
        import_briefing(second_briefing(tmp_path), target)
    assert state_of(target.parent) == before


def test_import_into_something_that_is_not_a_briefing_database(tmp_path):
    target = tmp_path / "notes.db"
    target.write_text("hello")
    with pytest.raises(StoreError, match="is not an SQLite database"):
        import_briefing(second_briefing(tmp_path), target)
    assert target.read_text() == "hello"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(max_size=400),
    st.sampled_from(SMALL_YAML.splitlines()).flatmap(
        lambda line: st.just(SMALL_YAML.replace(line, line[: len(line) // 2], 1))),
    st.integers(0, len(SMALL_YAML)).map(lambda n: SMALL_YAML[:n]),
))
def test_fuzzed_briefing_files_end_in_a_clear_error(tmp_path, target, text):
    before = state_of(target.parent)
    folder = tmp_path / "fuzz"
    path = write_briefing(folder, text.replace("id: test-2017", "id: fuzz"), name="fuzz.yaml")
    try:
        result = import_briefing(path, target)
    except BriefingFileError as exc:
        assert exc.problems and all(p.file for p in exc.problems)
        assert state_of(target.parent) == before
    else:
        # A cut that still leaves a valid file (the id itself may be cut short) is imported whole.
        with open_store(target) as store:
            assert result.briefing_id in {b.id for b in store.briefings()}
        # Put the database back for the next example.
        shutil.copy(tmp_path / "small.db", target)
