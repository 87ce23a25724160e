"""How much of a curated briefing ``briefing-app draft`` finds by itself (issue #18).

    python benchmarks/draft_quality.py [--json results.json]

On resources/briefings/mic-2017-h1.article.txt against the curated mic-2017-h1.yaml:

* found: the share of curated figures drafted with the same value, value_max, unit, qualifier and
  comparisons (plan_pct, plan_qualifier, change_pct, change_qualifier, same_period_pct); target ≥ 95 %;
* noise: the share of drafted figures that are not in the curated file and are not figures at all
  (their number is none of the numbers the curated figures of that sentence state); target ≤ 10 %;
* the time to draft a 30 kB article (the article itself, ~32 kB; median of 5 runs); target ≤ 1 s.

Misses are listed, each with what differs. Units are compared ignoring case ("Sim"/"SIM").
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing_app.data.briefing_file import load_briefing_file  # noqa: E402
from briefing_app.data.draft import draft_briefing  # noqa: E402

BRIEFINGS = ROOT / "resources" / "briefings"
FIELDS = ("value", "value_max", "unit", "qualifier", "plan_pct", "plan_qualifier", "change_pct", "change_qualifier",
          "same_period_pct")
_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")


def _curated_fields(row: dict) -> dict[str, str | None]:
    return {"value": row["value_text"], "value_max": row["value_max_text"],
            "unit": (row["unit_vi"] or "").lower() or None, "qualifier": row["qualifier"],
            "plan_pct": row["plan_pct_text"], "plan_qualifier": row["plan_qualifier"],
            "change_pct": row["change_pct_text"], "change_qualifier": row["change_qualifier"],
            "same_period_pct": row["same_period_pct_text"]}


def _drafted_fields(figure) -> dict[str, str | None]:
    return {name: (getattr(figure, name) or "").lower() or None if name == "unit" else getattr(figure, name)
            for name in FIELDS}


def measure(yaml_path: Path) -> dict:
    """Found and noise shares, with the misses, for one curated briefing beside its article."""
    document = load_briefing_file(yaml_path)
    article = document.article_text
    draft = draft_briefing(article, "draft", document.article_path.name if document.article_path else "article.txt")
    curated = document.indicators
    drafted = list(draft.figures)
    used: set[str] = set()
    found, misses = 0, []
    for row in curated:
        want = _curated_fields(row)
        offset = row["source_offset"]
        span = (offset, offset + len(row["source_text"]))
        near = [f for f in drafted if f.sentence[0] < span[1] and span[0] < f.sentence[1] and f.id not in used]
        exact = next((f for f in near if _drafted_fields(f) == want), None)
        if exact is not None:
            used.add(exact.id)
            found += 1
            continue
        # The closest drafted figure of the sentence: the one that agrees on most fields.
        best = max(near, key=lambda f: sum(_drafted_fields(f)[k] == want[k] for k in FIELDS), default=None)
        if best is None:
            misses.append({"key": row["key"], "what": "not drafted", "differs": {}})
            continue
        got = _drafted_fields(best)
        misses.append({"key": row["key"], "what": f"drafted as {best.key}",
                       "differs": {k: {"curated": want[k], "drafted": got[k]} for k in FIELDS if got[k] != want[k]}})
    # Noise: a drafted figure whose number none of the curated figures of its sentence states.
    stated: dict[tuple[int, int], set[str]] = {}
    for row in curated:
        offset = row["source_offset"]
        numbers = {row[f"{name}_text"] for name in ("value", "value_max", "plan_pct", "change_pct", "same_period_pct")
                   if row[f"{name}_text"]}
        stated.setdefault((offset, offset + len(row["source_text"])), set()).update(n.lstrip("-") for n in numbers)
    noise = []
    for figure in drafted:
        number = figure.value or figure.plan_pct or (figure.change_pct or "").lstrip("-") or figure.same_period_pct
        in_curated = any(s < figure.sentence[1] and figure.sentence[0] < e and number in numbers
                         for (s, e), numbers in stated.items())
        if not in_curated:
            noise.append({"key": figure.key, "number": number,
                          "sentence": article[figure.sentence[0]:figure.sentence[1]][:100]})
    return {"briefing": yaml_path.name, "curated": len(curated), "found": found,
            "found_share": found / len(curated) if curated else 1.0, "drafted": len(drafted),
            "noise": len(noise), "noise_share": len(noise) / len(drafted) if drafted else 0.0,
            "misses": misses, "noise_items": noise}


def timing(article: str, runs: int = 5) -> dict:
    """Median seconds to draft ``article`` (first run included: the rules compile their patterns once)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        draft_briefing(article, "draft")
        times.append(time.perf_counter() - started)
    return {"bytes": len(article.encode("utf-8")), "median_s": statistics.median(times), "max_s": max(times)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    result = measure(BRIEFINGS / "mic-2017-h1.yaml")
    article = (BRIEFINGS / "mic-2017-h1.article.txt").read_text(encoding="utf-8")
    result["timing"] = timing(article)
    found_ok = result["found_share"] >= 0.95
    noise_ok = result["noise_share"] <= 0.10
    time_ok = result["timing"]["median_s"] <= 1.0
    print(f"{result['briefing']}: {result['found']} of {result['curated']} curated figures found exactly "
          f"({result['found_share']:.1%}; target ≥ 95 %) — {'pass' if found_ok else 'MISS'}")
    print(f"noise: {result['noise']} of {result['drafted']} drafted figures are not curated figures "
          f"({result['noise_share']:.1%}; target ≤ 10 %) — {'pass' if noise_ok else 'MISS'}")
    t = result["timing"]
    print(f"time to draft {t['bytes']:,} bytes: median {t['median_s'] * 1000:.0f} ms, max {t['max_s'] * 1000:.0f} ms "
          f"(target ≤ 1 s) — {'pass' if time_ok else 'MISS'}")
    for miss in result["misses"]:
        differs = "; ".join(f"{k}: curated {v['curated']!r}, drafted {v['drafted']!r}"
                            for k, v in miss["differs"].items())
        print(f"  miss {miss['key']}: {miss['what']}{' — ' + differs if differs else ''}")
    for item in result["noise_items"]:
        print(f"  noise {item['key']} ({item['number']}): {item['sentence']}…")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
