"""A measure over time for the window: its series read from the open database, kept until the database changes.

Both the Indicators tab's "Over time" chart and the Trends tab ask this, never the store directly: the
session replaces its store on every reload, so the store is taken from the state each time. They share one
:class:`OverTime` per state (:meth:`OverTime.shared`), so a series read for one is not read again for the other.
"""

from __future__ import annotations

import weakref
from typing import NamedTuple

from ...data.charts import ChartSpec, series_chart
from ...data.measures import shipped_measures
from ...data.series import Series, UnknownMeasure, build_series
from ...data.store import StoreError
from ...logs import logger
from ..state import ViewerState

__all__ = ["OverTime", "OverTimeChart"]

_SHARED: weakref.WeakKeyDictionary[ViewerState, OverTime] = weakref.WeakKeyDictionary()


class OverTimeChart(NamedTuple):
    """What the "Over time" chart shows: a spec, or the key of the text that says why there is none."""

    spec: ChartSpec | None
    empty_key: str


class OverTime:
    """Series per measure from the state's open database, read once per database version."""

    def __init__(self, state: ViewerState):
        # Weakly: the shared source is kept for as long as its state lives, not the other way round.
        self._state = weakref.ref(state)
        self._cache: dict[str, Series | None] = {}
        self._charts: dict[str, OverTimeChart] = {}
        self._all: list[Series] | None = None
        self._periods: dict[str, tuple[str, str | None, str | None, str | None]] | None = None
        state.store_changed.connect(self.clear)

    @property
    def state(self) -> ViewerState:
        state = self._state()
        if state is None:  # pragma: no cover - the views that ask hold their state
            raise RuntimeError("the viewer state is gone")
        return state

    @classmethod
    def shared(cls, state: ViewerState) -> OverTime:
        """The one source of series for ``state``'s views (made on first use, kept as long as the state)."""
        source = _SHARED.get(state)
        if source is None:
            source = _SHARED[state] = cls(state)
        return source

    def clear(self) -> None:
        """Forget what was read (the database was read again or another one opened)."""
        self._cache.clear()
        self._charts.clear()
        self._all = None
        self._periods = None

    def is_read(self, measure_id: str) -> bool:
        """Whether the measure's series is at hand (asking for it reads nothing)."""
        return measure_id in self._cache

    def keep(self, measure_id: str, series: Series | None) -> None:
        """Take the measure's series as read from the open database elsewhere (the Trends tab builds them in a
        worker thread): asking for it reads nothing more until the database changes."""
        self._cache[measure_id] = series

    def series(self, measure_id: str) -> Series | None:
        """The measure's series across every briefing; None for an id the catalogue lacks.
        Raises :class:`StoreError` when the database cannot be read just now (then nothing is kept)."""
        if measure_id not in self._cache:
            store = self.state.store
            if store is None:
                return None
            try:
                if self._periods is None:  # every series places its figures in their briefings' periods
                    self._periods = store.briefing_periods()
                self._cache[measure_id] = build_series(store, measure_id, periods=self._periods)
            except UnknownMeasure:
                self._cache[measure_id] = None
        return self._cache[measure_id]

    def chart(self, measure_id: str | None) -> OverTimeChart:
        """The "Over time" chart of ``measure_id``: none (and why) without a measure or with fewer than two points."""
        if not measure_id:
            return OverTimeChart(None, "series.no_measure")
        if measure_id not in self._charts:
            chart = self._chart(measure_id)
            if chart.empty_key != "series.unreadable":  # read again next time
                self._charts[measure_id] = chart
            return chart
        return self._charts[measure_id]

    def _chart(self, measure_id: str) -> OverTimeChart:
        try:
            series = self.series(measure_id)
        except StoreError as exc:
            logger.warning("cannot read the series of %s: %s", measure_id, exc)
            return OverTimeChart(None, "series.unreadable")
        if series is None:
            return OverTimeChart(None, "series.no_measure")
        if len(series.points) < 2:
            return OverTimeChart(None, "series.one_point")
        return OverTimeChart(series_chart(series), "series.one_point")

    def candidates(self) -> list[str]:
        """The catalogue's measures that some figure of the database names, in catalogue order: only these can
        have points (one query; no series is built). Raises :class:`StoreError` when the database cannot be read."""
        store = self.state.store
        if store is None:
            return []
        named = store.named_measures()
        return [measure_id for measure_id in shipped_measures() if measure_id in named]

    def trends(self) -> list[Series]:
        """Every measure of the catalogue with two or more points in the database, in catalogue order.
        Reads every series not yet read (the Trends tab reads them a few at a time instead)."""
        if self._all is None:
            found = []
            for measure_id in self.candidates():
                series = self.series(measure_id)
                if series is not None and len(series.points) >= 2:
                    found.append(series)
            self._all = found
        return list(self._all)
