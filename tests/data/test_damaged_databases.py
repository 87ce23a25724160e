"""Damaged databases, fuzzed: each ends in a clear StoreError (or reads), never another exception or a write."""

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import StoreError, open_store


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**9), st.binary(min_size=1, max_size=64)), min_size=1, max_size=8),
       st.one_of(st.none(), st.integers(0, 10**9)))
def test_damaged_bytes_end_in_a_clear_error(tmp_path, small_db, damage, cut):
    data = bytearray(small_db.read_bytes())
    for offset, junk in damage:
        offset %= len(data)
        data[offset:offset + len(junk)] = junk
    if cut is not None:
        data = data[: cut % len(data)]
    path = tmp_path / "fuzzed.db"
    path.write_bytes(bytes(data))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        with open_store(path) as store:
            for summary in store.briefing_summaries():
                load_snapshot(store, summary.id)
    except StoreError as exc:
        assert str(path) in str(exc)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("fuzzed")) == ["fuzzed.db"]
