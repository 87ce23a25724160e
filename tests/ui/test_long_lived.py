"""The loaded briefing is set apart from the cycle collector (ui/long_lived.py): full collections, which walked
every record of a large database (~30 ms each, inside the "Over time" chart's 100 ms), skip it; and nothing set
apart leaks: cyclic garbage among it is collected at the next load."""

from __future__ import annotations

import gc
import weakref

from briefing_app.ui.long_lived import settle


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_the_loaded_briefing_is_not_walked_by_later_collections(qtbot, open_window, review_db):
    window = open_window(review_db)
    records = [*window.state.snapshot.indicators, *window.state.snapshot.achievements]
    assert records

    def set_apart() -> bool:
        tracked = {id(o) for o in gc.get_objects()}  # the generations a collection walks (frozen ones are not)
        return not any(id(r) in tracked for r in records)

    qtbot.waitUntil(set_apart, timeout=2000)


def test_garbage_set_apart_is_collected_at_the_next_settle():
    node = _Node()
    gone = weakref.ref(node)
    settle()
    del node
    gc.collect()
    assert gone() is not None  # frozen: a full collection does not look at it
    settle()
    assert gone() is None


def test_nothing_is_set_apart_while_the_collector_is_off():
    gc.unfreeze()
    gc.disable()
    try:
        settle()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()
