"""Search benchmark: ranked top-50 queries and keystroke-to-results-painted, with targets.

    python benchmarks/make_scale_db.py -o /tmp/scale.db          # 100,000 indicators + 100,000 items
    python benchmarks/search_bench.py --db /tmp/scale.db [--json results.json] [--quick] [--strict]

Measures, over a fixed set of queries with and without tone marks:

* ``search()`` (what the CLI and the viewer call) over all briefings, and within
  one briefing (the viewer searches the briefing it shows), p50/p95;
* the floor: the product's own statements on the FTS table for that query
  (recorded from SQLite's trace as ``search()`` ran them, parameters expanded)
  replayed bare with ``sqlite3`` — the same SQL, none of the Python around it
  (query parsing, titles, snippets, highlights). Product and floor runs
  alternate, so both see the same machine; the ratio product/floor is what
  ``search()`` adds to the SQL it cannot avoid;
* keystroke → results painted through :class:`SearchController` offscreen: the
  time from the last key of a query to the list's rows painted (the briefing
  shown's results; the other briefings' come from a worker thread and are
  timed too, as "all results") — once with the debounce set to 0 (the work the
  keystroke causes) and once with the shipped debounce (what a user waits). The
  last key comes after a pause, as keys typed by hand do: the shipped debounce
  holds back only keys that come in a quick run (``SearchController.DEBOUNCE_MS``).

Prints a table (value, target, pass/miss) and writes JSON with ``--json``.
Not a unit test: timings depend on the machine. ``--quick`` runs a few queries
once (for the smoke test); ``--strict`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing_app.data import search as search_module  # noqa: E402
from briefing_app.data.schema import FTS_TABLE  # noqa: E402
from briefing_app.data.store import open_store  # noqa: E402

SEARCH_TARGET_MS = 35.0
KEYSTROKE_TARGET_MS = 80.0

QUERIES = [
    "dien thoai", "điện thoại", "ĐIỆN THOẠI", "thue bao", "thuê bao", "thue bao di dong", "thuê bao di động 4G",
    "doanh thu", "doanh thu vien thong", "doanh thu dịch vụ viễn thông", "Đà Nẵng", "da nang", "Hà Nội", "ha noi",
    "Thành phố Hồ Chí Minh", "sim rac", "SIM rác", "tin nhan rac", "tin nhắn rác", "an toan thong tin",
    "an toàn thông tin mạng", "bao chi", "báo chí", "co quan bao chi", "xuat ban", "xuất bản phẩm", "buu chinh",
    "bưu chính công ích", "truyen hinh so", "truyền hình số mặt đất", "ho ngheo", "hộ nghèo", "chinh phu dien tu",
    "chính phủ điện tử", "dich vu cong truc tuyen", "dịch vụ công trực tuyến mức độ 3", "tan cong mang",
    "tấn công mạng", "chuyen doi ma vung", "chuyển mạng giữ nguyên số", "nguon nhan luc", "đào tạo nguồn nhân lực",
    "phan mem", "phần mềm", "4G", "BTS", "thue b", "vien th", "da n", "dien tho", "ke hoach nam", "kế hoạch năm",
    "tăng so với cùng kỳ", "viễn thông", "213.355", "213355",
]
QUICK_QUERIES = ["dien thoai", "điện thoại", "thue b", "Đà Nẵng", "an toan thong tin", "213.355", "4G", "vien th"]


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 100 samples is the 95th smallest)."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def timed(function, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        out.append((time.perf_counter() - started) * 1000)
    return out


def fts_statements(store, query: str, briefing: str | None) -> list[str]:
    """The statements on the FTS table that ``search()`` runs for ``query``, as SQLite ran them.

    From the connection's trace (SQL with its parameters expanded), top-level statements only
    (FTS5's own nested ones are part of what they cost) and only those on the index: the
    rest reads titles and texts for the snippets, which the floor leaves out.
    """
    conn = store.connection()
    traced: list[str] = []
    conn.set_trace_callback(traced.append)
    try:
        search_module.search(store, query, briefing)
    finally:
        conn.set_trace_callback(None)
    return [sql for sql in traced if not sql.startswith("--") and f"FROM {FTS_TABLE} " in sql]


def replay(conn, statements: list[str]) -> None:
    for sql in statements:
        conn.execute(sql).fetchall()


def uncached_search(store, query: str) -> None:
    search_module._ARTICLES.clear()
    search_module.search(store, query)


def interleaved(product, floor, repeat: int) -> tuple[list[float], list[float]]:
    """``repeat`` timings of each, alternating, so a busy moment of the machine falls on both."""
    out_product, out_floor = [], []
    for _ in range(repeat):
        out_product += timed(product, 1)
        out_floor += timed(floor, 1)
    return out_product, out_floor


def bench_queries(db: Path, queries: list[str], repeat: int, briefing: str | None) -> dict:
    with open_store(db) as store:
        conn = store.connection()
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("briefings", "indicators", "achievements", "limitations", "directives", "enterprises",
                            FTS_TABLE)}
        briefings = [r[0] for r in conn.execute("SELECT id FROM briefings ORDER BY position")]
        one = briefing or briefings[len(briefings) // 2]
        # Warm the page cache and the per-store briefing ranges: we measure steady typing, not a cold start.
        cold_started = time.perf_counter()
        search_module.search(store, "dien thoai", one)
        cold_ms = (time.perf_counter() - cold_started) * 1000
        for query in queries:
            search_module.search(store, query)
        rows: dict[str, list[float]] = {"search_all": [], "search_one": [], "floor_all": [], "floor_one": [],
                                        "search_all_uncached": []}
        per_query = []
        for query in queries:
            all_sql, one_sql = fts_statements(store, query, None), fts_statements(store, query, one)
            entry = {"query": query, "results_all": len(search_module.search(store, query)),
                     "results_one": len(search_module.search(store, query, one)),
                     "statements_all": len(all_sql), "statements_one": len(one_sql)}
            samples: dict[str, list[float]] = {}
            samples["search_all"], samples["floor_all"] = interleaved(
                lambda q=query: search_module.search(store, q), lambda s=all_sql: replay(conn, s), repeat)
            samples["search_one"], samples["floor_one"] = interleaved(
                lambda q=query: search_module.search(store, q, one), lambda s=one_sql: replay(conn, s), repeat)
            # The articles kept for paragraph results help the next keystroke; without them (a first search):
            samples["search_all_uncached"] = timed(lambda q=query: uncached_search(store, q), repeat)
            for name, values in samples.items():
                rows[name].extend(values)
                entry[name + "_ms"] = round(statistics.median(values), 3)
            per_query.append(entry)
    return {"counts": counts, "briefing": one, "samples": rows, "per_query": per_query, "cold_first_search_ms": cold_ms}


def bench_keystrokes(db: Path, queries: list[str], debounce_ms: int | None, complete: bool = False) -> list[float]:
    """Last keystroke of each query → the results list painted, through the real controller offscreen.

    ``complete``: until the other briefings' results (from the worker thread) are painted too.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from briefing_app.ui.main_window import MainWindow
    from briefing_app.ui.search_panel import SearchController, SearchResultDelegate
    from briefing_app.ui.state import ViewerState

    app = QApplication.instance() or QApplication([])
    # Wait up to the given milliseconds for events: the loop sleeps instead of spinning.
    wait_flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    painted: list[float] = []

    class TimedDelegate(SearchResultDelegate):
        def paint(self, painter, option, index):  # noqa: ANN001
            super().paint(painter, option, index)
            painted.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ViewerState("vi"), settings)
        followed: list[bool] = []
        window.start_followed.connect(lambda: followed.append(True))
        window.resize(1280, 800)
        window.show()
        if not window.open_database(db):
            raise SystemExit(f"cannot open {db}")
        controller = getattr(window, "search_controller", None) or SearchController(window)
        controller.view.setItemDelegate(TimedDelegate(controller.view))
        if debounce_ms is not None:
            controller.debounce_ms = debounce_ms
        shown: list[float] = []
        signal = controller.results_completed if complete else controller.results_shown
        signal.connect(lambda _n: shown.append(time.perf_counter()))
        controller.focus_field()
        # The start-up work that follows the first tab's charts (start_followed, then the hidden tabs and
        # pyqtgraph), then half a second of idle, as after opening: a keystroke is not measured
        # against that start-up work (typing within the first second after start can wait for it).
        settle_until = time.perf_counter() + 10
        while not (followed and "pyqtgraph" in sys.modules) and time.perf_counter() < settle_until:
            app.processEvents(wait_flags, 20)  # the last of that work imports pyqtgraph
        idle_until = time.perf_counter() + 0.5
        while time.perf_counter() < idle_until:
            app.processEvents()
            time.sleep(0.005)
        out = []
        for query in queries:
            controller.clear()
            controller.field.blockSignals(True)
            controller.field.setText(query[:-1])
            controller.field.blockSignals(False)
            app.processEvents()
            shown.clear()
            painted.clear()
            started = time.perf_counter()
            # A key event carrying the character (QTest's keyClick only knows ASCII: "ỳ" would abort).
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(controller.field, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                                   Qt.KeyboardModifier.NoModifier, query[-1]))
            deadline = started + 5
            while not shown and time.perf_counter() < deadline:
                app.processEvents(wait_flags, 20)
            if not shown:
                raise SystemExit(f"no results shown for {query!r}")
            # (Once complete, the rows added may all lie below the visible ones: no row is painted then.)
            while not complete and time.perf_counter() < deadline and controller.model.result_count() and (
                    not painted or painted[-1] < shown[-1]):
                app.processEvents(wait_flags, 20)
            app.processEvents()  # the rest of the same paint
            end = painted[-1] if painted and painted[-1] >= shown[-1] else shown[-1]
            out.append((end - started) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    return out


def ratios(product: list[float], floor: list[float]) -> dict:
    """Product over floor at the median and at p95 (each percentile of its own samples)."""
    f50, f95 = percentile(floor, 50), percentile(floor, 95)
    return {"p50_ms": round(percentile(product, 50) / f50, 2) if f50 else None,
            "p95_ms": round(percentile(product, 95) / f95, 2) if f95 else None, "max_ms": None, "n": len(product),
            "ratio": True}


def summarize(samples: list[float]) -> dict:
    return {"p50_ms": round(percentile(samples, 50), 3), "p95_ms": round(percentile(samples, 95), 3),
            "max_ms": round(max(samples), 3) if samples else None, "n": len(samples)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/scale.db"),
                        help="database to search (make one with make_scale_db.py)")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--quick", action="store_true", help="a few queries, once each (smoke test)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query (default 5)")
    parser.add_argument("--briefing", help="briefing for the one-briefing rows (default: the middle one)")
    parser.add_argument("--no-gui", action="store_true", help="skip the keystroke measurement")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database (make one: python benchmarks/make_scale_db.py -o {args.db})")
    queries = QUICK_QUERIES if args.quick else QUERIES
    repeat = 1 if args.quick else max(1, args.repeat)

    data = bench_queries(args.db, queries, repeat, args.briefing)
    shipped_debounce = None
    keystrokes: dict[str, list[float]] = {}
    if not args.no_gui:
        from briefing_app.ui.search_panel import SearchController

        shipped_debounce = SearchController.DEBOUNCE_MS
        keystrokes["work"] = bench_keystrokes(args.db, queries, 0)
        keystrokes["debounced"] = bench_keystrokes(args.db, queries, None)
        keystrokes["complete"] = bench_keystrokes(args.db, queries, None, complete=True)

    s = data["samples"]
    rows = [
        ("search(), all briefings, top 50", summarize(s["search_all"]), SEARCH_TARGET_MS),
        ("floor: its FTS statements replayed bare", summarize(s["floor_all"]), None),
        ("  ratio search()/floor (p50, p95)", ratios(s["search_all"], s["floor_all"]), None),
        ("  search(), all briefings, no article kept", summarize(s["search_all_uncached"]), None),
        (f"search(), one briefing ({data['briefing']})", summarize(s["search_one"]), SEARCH_TARGET_MS),
        ("floor: its FTS statements replayed bare", summarize(s["floor_one"]), None),
        ("  ratio search()/floor (p50, p95)", ratios(s["search_one"], s["floor_one"]), None),
    ]
    if keystrokes:
        rows.append(("keystroke → results painted (debounce 0)", summarize(keystrokes["work"]), KEYSTROKE_TARGET_MS))
        rows.append((f"keystroke → results painted (debounce {shipped_debounce} ms)",
                     summarize(keystrokes["debounced"]), KEYSTROKE_TARGET_MS))
        rows.append(("  … all briefings' results painted (worker thread)", summarize(keystrokes["complete"]), None))

    counts = data["counts"]
    items = sum(counts[t] for t in ("indicators", "achievements", "limitations", "directives", "enterprises"))
    print(f"Database {args.db}: {counts['briefings']} briefings, {items:,} items "
          f"({counts['indicators']:,} indicators), {counts[FTS_TABLE]:,} index rows; "
          f"{len(queries)} queries × {repeat}.")
    print(f"First search after opening (cold, builds the briefing ranges): {data['cold_first_search_ms']:.1f} ms.")
    header = f"{'measure':50} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'target':>8}  result"
    print(header)
    print("-" * len(header))
    report_rows = []
    missed = False
    for name, stats, target in rows:
        verdict = "" if target is None else ("pass" if stats["p95_ms"] <= target else "MISS")
        missed |= verdict == "MISS"
        target_text = "" if target is None else f"≤{target:g}"
        if stats.get("ratio"):
            print(f"{name:50} {stats['p50_ms'] or 0:7.2f}× {stats['p95_ms'] or 0:7.2f}×")
            report_rows.append({"measure": name, **stats, "target_p95_ms": None, "result": "info"})
            continue
        print(f"{name:50} {stats['p50_ms']:8.1f} {stats['p95_ms']:8.1f} {stats['max_ms']:8.1f} "
              f"{target_text:>8}  {verdict}")
        report_rows.append({"measure": name, **stats, "target_p95_ms": target, "result": verdict or "info"})
    slowest = sorted(data["per_query"], key=lambda e: -e["search_all_ms"])[:5]
    print("Slowest queries (all briefings, median ms): "
          + ", ".join(f"{e['query']!r} {e['search_all_ms']:.1f} (floor {e['floor_all_ms']:.1f})" for e in slowest))

    if args.json:
        args.json.write_text(json.dumps({
            "database": str(args.db), "counts": counts, "items": items, "queries": len(queries), "repeat": repeat,
            "debounce_ms": shipped_debounce, "cold_first_search_ms": round(data["cold_first_search_ms"], 3),
            "rows": report_rows, "per_query": data["per_query"],
            "keystroke_ms": {k: [round(v, 3) for v in vs] for k, vs in keystrokes.items()},
        }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
