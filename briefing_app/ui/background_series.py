"""Building measures' series off the GUI thread, newest request only (the Trends tab's table).

A measure's series across every briefing takes tens of milliseconds on a large database (~40 ms each on 200
briefings: its figures read, converted, implied values worked out, conflicts found), and the Trends tab lists
every measure some figure names. Built on the GUI thread, even one measure between two events, each held the
event loop that long: the window stalled ~90 ms at a time while the table filled.

Here one worker thread (a :class:`QThreadPool` of one) with its own read-only store (SQLite connections are not
shared between threads) builds them in the order asked and hands over each as it is done. Each :meth:`start`
makes the request before it stale: its measures not yet built are not built, and should one still arrive,
:attr:`BackgroundSeries.built` carries its generation so the receiver can tell (:meth:`is_current`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal

from ..data.measures import shipped_measures
from ..data.series import UnknownMeasure, build_series
from ..data.store import StoreError
from .background_reader import BackgroundReader

__all__ = ["BackgroundSeries"]


class BackgroundSeries(BackgroundReader):
    """Runs :func:`briefing_app.data.series.build_series` in a worker thread, newest request only.

    Signals (delivered on the GUI thread): ``built(generation, measure_id, series)`` for each measure asked, in
    the order asked (the :class:`~briefing_app.data.series.Series`, or None for an id the catalogue lacks), and
    ``failed(generation, error)`` (the :class:`StoreError`, for the receiver to say in the window's language),
    after which that request builds nothing more.

    Call :meth:`stop` before the owner goes (its window closes): the worker then emits nothing more.
    """

    built = Signal(int, str, object)
    failed = Signal(int, object)

    # ------------------------------------------------------------ GUI thread
    def start(self, path: Path, epoch: int, measure_ids: list[str]) -> int:
        """Build the series of ``measure_ids`` from the database at ``path``; returns the request's generation.
        ``epoch`` names the database as opened: a new epoch (a reload, another file) opens a new store."""
        generation = self.cancel()
        self._run_in_worker(partial(self._run, generation, Path(path), epoch, list(measure_ids)))
        return generation

    def prepare(self) -> None:
        """Read the measure catalogue now, in the worker (~50 ms the first time), so the first request and the
        window's first look at it do not wait."""
        self._run_in_worker(partial(self._run, self._generation, None, 0, []))

    def stop(self) -> None:
        """Cancel, wait for the worker (at most the measure it is building), close its store. Idempotent; a
        later :meth:`start` opens a store again."""
        self.cancel()
        self._wait_and_close()

    # ------------------------------------------------------------ worker thread
    def _run(self, generation: int, path: Path | None, epoch: int, measure_ids: list[str]) -> None:
        if path is None:
            shipped_measures()
            return
        try:
            if not self.is_current(generation):
                return  # a newer request came while this one waited
            store = self._store_for(path, epoch)
            periods = store.briefing_periods()  # every series places its figures in their briefings' periods
            for measure_id in measure_ids:
                if not self.is_current(generation):
                    return
                try:
                    series = build_series(store, measure_id, periods=periods)
                except UnknownMeasure:
                    series = None
                if self.is_current(generation) and not self._emit("built", generation, measure_id, series):
                    return
        except StoreError as exc:
            if self.is_current(generation):
                self._emit("failed", generation, exc)

    def _emit(self, signal: str, *args: object) -> bool:
        """Emit ``signal``; False when this object is gone (its owner deleted without :meth:`stop`): nobody is
        left to tell."""
        try:
            getattr(self, signal).emit(*args)
        except RuntimeError:  # pragma: no cover - PySide's "C++ object already deleted"
            return False
        return True
