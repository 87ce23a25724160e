"""How much of a curated briefing ``briefing-app draft`` finds by itself (issue #18).

    python benchmarks/draft_quality.py [--json results.json]

On resources/briefings/mic-2017-h1.article.txt against the curated mic-2017-h1.yaml:

* found: the share of curated figures drafted with the same value, value_max, unit, qualifier and
  comparisons (plan_pct, plan_qualifier, change_pct, change_qualifier, same_period_pct); target ≥ 95 %;
* noise: the share of drafted figures that are not in the curated file and are not figures at all
  (their number is none of the numbers the curated figures of that sentence state); target ≤ 10 %;
* measures: of the figures the draft names a measure for (``# guess:``), the share whose curated figure names
  the same measure (precision; target 100 %: a wrong measure joins different things in one series), and of
  the curated figures that name a measure, the share drafted with it (recall);
* the same measure guess run over the other curated briefings (2016, 2017 year, 2018, 2019: no article
  beside them), on each indicator's own source sentence, label, unit and total: precision and recall;
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
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing_app.data.briefing_file import load_briefing_file  # noqa: E402
from briefing_app.data.draft import DraftFigure, draft_briefing  # noqa: E402
from briefing_app.data.draft.measure_guess import guess_measures  # noqa: E402

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
    paired: dict[str, dict] = {}  # drafted figure id → the curated row it was matched to
    for row in curated:
        want = _curated_fields(row)
        offset = row["source_offset"]
        span = (offset, offset + len(row["source_text"]))
        near = [f for f in drafted if f.sentence[0] < span[1] and span[0] < f.sentence[1] and f.id not in used]
        exact = next((f for f in near if _drafted_fields(f) == want), None)
        if exact is not None:
            used.add(exact.id)
            paired[exact.id] = row
            found += 1
            continue
        # The closest drafted figure of the sentence: the one that agrees on most fields.
        best = max(near, key=lambda f: sum(_drafted_fields(f)[k] == want[k] for k in FIELDS), default=None)
        if best is None:
            misses.append({"key": row["key"], "what": "not drafted", "differs": {}})
            continue
        paired.setdefault(best.id, row)
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
            "misses": misses, "noise_items": noise, "measures": _measure_scores(curated, drafted, paired)}


def _measure_scores(curated: list[dict], drafted: list, paired: dict[str, dict]) -> dict:
    """Precision and recall of the drafted figures' measures against the curated figures they were matched to
    (a measure on a drafted figure no curated figure matches is wrong)."""
    guessed = [f for f in drafted if f.measure]
    right = [f for f in guessed if f.id in paired and paired[f.id]["measure"] == f.measure]
    wrong = [{"key": f.key, "guessed": f.measure, "curated": paired[f.id]["measure"] if f.id in paired else None,
              "words": f.measure_hint} for f in guessed if f not in right]
    got = {paired[f.id]["key"] for f in right}
    missed = [{"key": r["key"], "measure": r["measure"]} for r in curated if r["measure"] and r["key"] not in got]
    wanted = sum(1 for r in curated if r["measure"])
    return {"guessed": len(guessed), "right": len(right), "wanted": wanted,
            "precision": len(right) / len(guessed) if guessed else 1.0,
            "recall": len(right) / wanted if wanted else 1.0, "wrong": wrong, "missed": missed}


def sentence_measures(yaml_path: Path) -> dict:
    """The measure guess over a curated briefing without its article: each indicator drafted from its own words
    of the article (its source sentence, or the few words of its ``locator`` in a briefing cited by reference),
    value, unit, as_of, total and enterprise, compared with the measure it names. The curated label is left out:
    it is ours, often the measure's very name."""
    document = load_briefing_file(yaml_path)
    rows = [{**row, "source_text": row["source_text"] or row["locator"] or ""} for row in document.indicators]
    sources: dict[str, int] = {}
    parts: list[str] = []
    for row in rows:
        if row["source_text"] not in sources:
            sources[row["source_text"]] = sum(len(p) + 2 for p in parts)
            parts.append(row["source_text"])
    text = "\n\n".join(parts)
    figures, by_key = [], {}
    for index, row in enumerate(rows):
        start = sources[row["source_text"]]
        sentence = (start, start + len(row["source_text"]))
        value = row["value_text"]
        at = _find_number(text, value, sentence) if value else -1
        spans = {"value": (at, at + len(value))} if at >= 0 else {}
        figure = DraftFigure(id=f"figure:{index}", key=row["key"], span=spans.get("value", sentence),
                             sentence=sentence, sector=row["sector"], label="",
                             value=value if at >= 0 else None, unit=row["unit_vi"], as_of=row["as_of"],
                             enterprise=row["enterprise"], metric=row["metric"], field_spans=spans)
        by_key[row["key"]] = figure.id
        figures.append((row, figure))
    drafted = [replace(f, parent=by_key.get(row["parent"])) for row, f in figures]
    year = document.briefing["period_start"][:4] if document.briefing.get("period_start") else None
    names = [n for e in document.enterprises for n in (e["name_vi"], e["short_name"]) if n]
    guessed = guess_measures(text, drafted, names, year)
    paired = {f.id: row for (row, _), f in zip(figures, guessed)}
    return {"briefing": yaml_path.name, **_measure_scores(rows, guessed, paired)}


def _find_number(text: str, number: str, span: tuple[int, int]) -> int:
    for m in re.finditer(re.escape(number), text[span[0]:span[1]]):
        at = span[0] + m.start()
        if not (at > 0 and (text[at - 1].isdigit() or text[at - 1] in ".,") and text[at - 2:at - 1].isdigit()) \
                and not (text[at + len(number):at + len(number) + 1].isdigit()):
            return at
    return -1


def timing(article: str, runs: int = 5) -> dict:
    """Median seconds to draft ``article`` (first run included: the rules compile their patterns once)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        draft_briefing(article, "draft")
        times.append(time.perf_counter() - started)
    return {"bytes": len(article.encode("utf-8")), "median_s": statistics.median(times), "max_s": max(times)}


def _print_measures(name: str, scores: dict) -> None:
    ok = scores["precision"] == 1.0
    print(f"measures, {name}: {scores['right']} of {scores['guessed']} guesses right (precision "
          f"{scores['precision']:.0%}; target 100 %) — {'pass' if ok else 'MISS'}; {scores['right']} of "
          f"{scores['wanted']} curated measures found (recall {scores['recall']:.0%})")
    for item in scores["wrong"]:
        print(f"  wrong {item['key']}: guessed {item['guessed']} from '{item['words']}', curated {item['curated']}")
    for item in scores["missed"]:
        print(f"  not guessed {item['key']}: {item['measure']}")


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
    _print_measures(result["briefing"] + " (drafted)", result["measures"])
    result["sentence_measures"] = [sentence_measures(path) for path in sorted(BRIEFINGS.glob("mic-*.yaml"))
                                   if path.name != "mic-2017-h1.yaml"]
    for other in result["sentence_measures"]:
        _print_measures(other["briefing"] + " (its sentences)", other)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
