"""The benchmarks still run (tiny sizes, one pass). Timings are not judged here: CI machines vary."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from briefing_fixtures import ROOT

BENCHMARKS = ROOT / "benchmarks"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_make_scale_db_and_search_bench_run(tmp_path):
    db = tmp_path / "scale.db"
    made = run(str(BENCHMARKS / "make_scale_db.py"), "-o", str(db),
               "--briefings", "3", "--indicators", "60", "--items", "45")
    assert made.returncode == 0, made.stderr
    assert "60 indicators" in made.stdout

    from briefing_app.data.search import search
    from briefing_app.data.store import open_store

    with open_store(db) as store:
        assert len(store.briefings()) == 3
        # The generated text is Vietnamese with tone marks and đ, found without them.
        assert search(store, "dien thoai") and search(store, "da nang") == search(store, "Đà Nẵng")

    out = tmp_path / "bench.json"
    bench = run(str(BENCHMARKS / "search_bench.py"), "--db", str(db), "--quick", "--json", str(out))
    assert bench.returncode == 0, bench.stderr
    assert "p95 ms" in bench.stdout and "target" in bench.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    measures = [row["measure"] for row in report["rows"]]
    assert any(m.startswith("search(), all briefings") for m in measures)
    assert any(m.startswith("keystroke → results painted") for m in measures)
    for row in report["rows"]:
        assert row["result"] in ("pass", "MISS", "info")
        assert row["p95_ms"] >= 0


def test_the_whole_benchmark_runs_at_tiny_scale(tmp_path):
    out = tmp_path / "results.json"
    result = run(str(BENCHMARKS / "run.py"), "--quick", "--scale-db", str(tmp_path / "tiny.db"), "--json", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    figures = {row["figure"]: row for row in report["rows"]}
    for name in ("start ratio to empty-window floor (data.db)", "open the scale database",
                 "search p95 (ranked top 50)", "keystroke → results painted p95",
                 "live reload: other process commits → table and chart", "resident memory at first paint",
                 "first paint → charts visible (data.db)", "start → charts interactive (data.db)"):
        assert name in figures and figures[name]["value"] is not None and figures[name]["result"] in ("pass", "miss")
    assert any(name.startswith("full summary PDF") for name in figures)
    assert any(name.startswith("Over time chart after selecting a row") for name in figures)
    # The spread over the runs is printed beside the medians.
    assert any(name.startswith("  runs: ratio ") for name in figures)
    assert report["machine"]["cpus"] >= 1
