"""Export a briefing database as JSON or CSV. Export only reads; it never changes a database.

Files are written with :mod:`briefing_app.data.atomic`, the app's one atomic write.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .numbers import NumberFormatError, parse_number
from .schema import NUMBER_FIELDS, TABLES, number_text
from .store import BriefingStore, choose_briefing

__all__ = ["EXPORT_SECTIONS", "export_json", "export_csv", "spreadsheet_safe"]

#: Sections ``export --format csv --section`` accepts.
EXPORT_SECTIONS = ("briefings", "sectors", "indicators", "achievements", "limitations", "directives",
                   "enterprises", "links", "derived_values", "checks", "cited_sources")

# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _clean(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Numbers as the source stated them: exact, integers without a trailing ``.0``."""
    out = dict(row)
    for name in NUMBER_FIELDS.get(table, ()):
        text = row.get(number_text(name))
        if name in out and text is not None:
            try:
                number = parse_number(text, "vi")
            except NumberFormatError:
                continue
            out[name] = int(number) if number == number.to_integral_value() else float(number)
    for name in ("attendees", "source_authors", "items"):
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out


def export_json(store: BriefingStore, briefing_id: str | None = None) -> dict[str, Any]:
    """One briefing as a JSON-ready object: the briefing and every section with every field."""
    bid = choose_briefing(store, briefing_id)
    sections = {name: [_clean(name, r) for r in store.table_rows(name, bid)] for name in TABLES}
    results: dict[int, list[dict[str, Any]]] = {}
    for row in sections["indicators"]:
        if row.get("enterprise_id") is not None:
            results.setdefault(row["enterprise_id"], []).append(row)
    enterprises = [{**e, "results": results.get(e["id"], [])} for e in sections["enterprises"]]
    return {
        "briefing": sections["briefings"][0],
        "sectors": sections["sectors"],
        "indicators": sections["indicators"],
        "achievements": sections["achievements"],
        "limitations": sections["limitations"],
        "directives": sections["directives"],
        "enterprises": enterprises,
        "links": sections["links"],
        "derived_values": sections["derived_values"],
        "checks": sections["checks"],
        # the articles a briefing cited by reference names (its items' ``cited`` keys point here)
        "cited_sources": sections["cited_sources"],
    }


def export_csv(store: BriefingStore, section: str, briefing_id: str | None = None) -> str:
    """One section as CSV text (every column); write it with a BOM so spreadsheets read UTF-8.

    Text cells that a spreadsheet would run as a formula are neutralised (:func:`spreadsheet_safe`).
    """
    if section not in EXPORT_SECTIONS:
        raise ValueError(f"unknown section {section!r}; choose one of {', '.join(EXPORT_SECTIONS)}")
    bid = choose_briefing(store, briefing_id)
    rows = store.table_rows(section, bid)
    names = _names(store, section, bid)
    fieldnames: list[str] = []
    for column in TABLES[section]:
        fieldnames.append(column)
        fieldnames += _NAMED.get(column, {}).keys()
    if section == "enterprises":
        fieldnames += ["figures_vi", "figures_en"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        cleaned = _clean(section, row)
        for column, added in _NAMED.items():
            if column in cleaned:
                for name, (table, field) in added.items():
                    cleaned[name] = names.get(table, {}).get(cleaned[column], {}).get(field)
        if section == "enterprises":
            for lang in ("vi", "en"):
                cleaned[f"figures_{lang}"] = "; ".join(names["figures"].get(cleaned["id"], {}).get(lang, []))
        for name in ("attendees", "source_authors", "items"):
            if isinstance(cleaned.get(name), list):
                cleaned[name] = "; ".join(map(str, cleaned[name]))
        writer.writerow({name: spreadsheet_safe(value) for name, value in cleaned.items()})
    return buffer.getvalue()


#: Id columns of the CSV sections → the columns added beside them, naming what the id points at
#: (a spreadsheet has no join): new column → (table, field of that table's row).
_NAMED: dict[str, dict[str, tuple[str, str]]] = {
    "sector_id": {"sector_vi": ("sectors", "name_vi"), "sector_en": ("sectors", "name_en")},
    "enterprise_id": {"enterprise_vi": ("enterprises", "name_vi"), "enterprise_en": ("enterprises", "name_en")},
    "parent_id": {"parent_key": ("indicators", "key")},
    "indicator_id": {"indicator_key": ("indicators", "key")},
}


def _names(store: BriefingStore, section: str, bid: str) -> dict[str, Any]:
    """Rows by id of the tables the section's ids point at, and for enterprises their figures worded."""
    from .wording import figure_text

    wanted = {table for column, added in _NAMED.items() if column in TABLES[section] for table, _ in added.values()}
    out: dict[str, Any] = {table: {row["id"]: row for row in store.table_rows(table, bid)} for table in wanted}
    if section == "enterprises":
        figures: dict[int, dict[str, list[str]]] = {}
        for indicator in sorted(store.indicators(bid), key=lambda i: i.position):
            if indicator.enterprise_id is not None:
                worded = figures.setdefault(indicator.enterprise_id, {"vi": [], "en": []})
                for lang in ("vi", "en"):
                    worded[lang].append(f"{indicator.label(lang)}: {figure_text(indicator, lang)}".rstrip(": "))
        out["figures"] = figures
    return out


def _is_number(text: str) -> bool:
    for lang in ("vi", "en"):
        try:
            parse_number(text, lang)
        except NumberFormatError:
            continue
        return True
    return False


def spreadsheet_safe(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet shows but never runs: text that would start a formula
    (``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading ``'``, as OWASP advises.
    Numbers, and text that is a plain number (``-9``, ``-2,1``), stay as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value
