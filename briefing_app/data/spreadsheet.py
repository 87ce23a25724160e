"""A briefing as spreadsheet tables: one sheet per section, with names (never numeric ids) and typed cells.

What a reader takes away to Excel or LibreOffice: figures with their sector, enterprise and measure named,
the enterprises with their figures, the achievements, limitations and directives with their sectors, the
meeting's facts and any cited articles. Numbers are :class:`~decimal.Decimal` cells (written as numbers, with
the decimals the source stated), qualifiers sit in their own columns, and the value as the source wrote it
stays beside the number. The same :class:`Sheet` is written as CSV (:func:`sheet_csv`) or, with XlsxWriter,
as XLSX (:func:`workbook_bytes`); the window hands in the rows its table shows, in its order.

XlsxWriter is imported inside :func:`workbook_bytes` only: nothing else of the app pays for it. Qt-free.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

from ..i18n import tr
from .export import spreadsheet_safe
from .numbers import format_number
from .records import Enterprise, Indicator, Item
from .snapshot import Snapshot
from .wording import date_text, meeting_facts, qualifier_word

__all__ = ["Cell", "Sheet", "SHEET_KEYS", "COLUMN_KEYS", "indicator_sheet", "enterprise_sheet", "item_sheet",
           "meeting_sheet", "cited_sources_sheet", "briefing_sheets", "text_sheet", "sheet_csv", "workbook_bytes",
           "sheet_name", "number_format", "column_widths", "XLSX_TEXT_LIMIT"]

#: A cell: text, a number (a Decimal keeps the stated decimals; an int is a count), or empty.
Cell = str | Decimal | int | None

#: Sheets of a whole export, in workbook order; each is named by ``sheet.<key>`` in the text catalogue.
SHEET_KEYS = ("indicators", "enterprises", "achievements", "limitations", "directives", "meeting", "cited_sources")

#: Every column a section sheet can have; each is headed by ``sheet.col.<key>`` in the text catalogue.
COLUMN_KEYS = ("sector", "indicator", "enterprise", "short_name", "part_of", "value", "value_max", "stated", "unit",
               "qualifier", "plan_pct", "plan_qualifier", "change_pct", "change_qualifier", "same_period_pct",
               "compared_with", "as_of", "measure", "number", "title", "source_text", "fact", "text", "key",
               "publisher", "published", "url", "note")

#: The most characters an Excel cell holds; longer text is cut there (with "…"), never left to the reader to fail.
XLSX_TEXT_LIMIT = 32767
#: Sheet names: Excel allows 31 characters and none of these.
_SHEET_NAME_LIMIT = 31
_SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
#: Column widths in characters: at least a short number, at most what a screen shows without scrolling.
_MIN_WIDTH, _MAX_WIDTH = 6, 60


class Sheet(NamedTuple):
    """One table: its section key, its name in the workbook, its column headers and its rows of cells."""

    key: str
    name: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def sheet_name(text: str) -> str:
    """``text`` as Excel accepts a sheet name: no ``[]:*?/\\``, not blank, at most 31 characters."""
    cleaned = " ".join(text.translate(_SHEET_NAME_FORBIDDEN).split()).strip("'") or "Sheet"
    return cleaned[:_SHEET_NAME_LIMIT]


def _headers(lang: str, *keys: str) -> tuple[str, ...]:
    return tuple(tr(f"sheet.col.{key}", lang) for key in keys)


# ---------------------------------------------------------------- figures

_FIGURE_COLUMNS = ("value", "value_max", "stated", "unit", "qualifier", "plan_pct", "plan_qualifier", "change_pct",
                   "change_qualifier", "same_period_pct", "compared_with", "as_of")


def _figure_cells(indicator: Indicator, lang: str) -> tuple[Cell, ...]:
    """The cells of :data:`_FIGURE_COLUMNS`: numbers as stated, each qualifier in its own column."""
    compared = indicator.compared_with_en if lang == "en" and indicator.compared_with_en else indicator.compared_with_vi
    return (indicator.value, indicator.value_max, indicator.value_text or "", indicator.unit(lang),
            qualifier_word(indicator.qualifier, lang), indicator.plan_pct,
            qualifier_word(indicator.plan_qualifier, lang), indicator.change_pct,
            qualifier_word(indicator.change_qualifier, lang), indicator.same_period_pct,
            compared or "", date_text(indicator.as_of, lang))


def _measure_names(lang: str) -> dict[str, str]:
    """Measure id → its name in ``lang`` (empty when the shipped catalogue cannot be read: the id is shown)."""
    from .measures import MeasureCatalogueError, shipped_measures

    try:
        return {key: measure.name(lang) for key, measure in shipped_measures().items()}
    except (MeasureCatalogueError, OSError):
        return {}


def indicator_sheet(snapshot: Snapshot, lang: str, indicators: Sequence[Indicator] | None = None) -> Sheet:
    """The figures (default: all, each total followed by its parts) with sector, enterprise, total and measure
    named; ``indicators`` gives the rows and their order (what a table shows)."""
    rows = snapshot.indicators_in_tree_order() if indicators is None else list(indicators)
    measures = _measure_names(lang) if any(i.measure for i in rows) else {}
    out: list[tuple[Cell, ...]] = []
    for indicator in rows:
        sector = snapshot.sector(indicator.sector_id)
        enterprise = snapshot.enterprise(indicator.enterprise_id)
        parent = snapshot.indicator(indicator.parent_id)
        measure = measures.get(indicator.measure, indicator.measure or "") if indicator.measure else ""
        out.append((sector.name(lang) if sector else "", indicator.label(lang),
                    enterprise.name(lang) if enterprise else "", parent.label(lang) if parent else "",
                    *_figure_cells(indicator, lang), measure))
    headers = _headers(lang, "sector", "indicator", "enterprise", "part_of", *_FIGURE_COLUMNS, "measure")
    return Sheet("indicators", sheet_name(tr("sheet.indicators", lang)), headers, out)


def enterprise_sheet(snapshot: Snapshot, lang: str, enterprises: Sequence[Enterprise] | None = None) -> Sheet:
    """One row per enterprise figure (an enterprise without figures: one row with its name only), enterprises
    in ``enterprises``' order (default: the source's), each one's figures in the source's order."""
    chosen = sorted(snapshot.enterprises, key=lambda e: e.position) if enterprises is None else list(enterprises)
    out: list[tuple[Cell, ...]] = []
    blank: tuple[Cell, ...] = ("",) * (len(_FIGURE_COLUMNS) + 1)
    for enterprise in chosen:
        head: tuple[Cell, ...] = (enterprise.name(lang), enterprise.short_name or "")
        results = sorted(snapshot.enterprise_results(enterprise.id), key=lambda r: r.position)
        if not results:
            out.append(head + blank)
        for result in results:
            out.append(head + (result.label(lang), *_figure_cells(result, lang)))
    headers = _headers(lang, "enterprise", "short_name", "indicator", *_FIGURE_COLUMNS)
    return Sheet("enterprises", sheet_name(tr("sheet.enterprises", lang)), headers, out)


# ---------------------------------------------------------------- items

def item_sheet(snapshot: Snapshot, section: str, lang: str, items: Sequence[Item] | None = None) -> Sheet:
    """Achievements, limitations or directives (``section``) with their sector named and the source's passage;
    ``items`` gives the rows and their order (default: grouped by sector as the tab shows them; directives by
    number)."""
    if items is None:
        if section == "directives":
            items = sorted(snapshot.directives, key=lambda i: (i.number is None, i.number or 0, i.position))
        else:
            items = [item for _sector, group in snapshot.items_by_sector(section) for item in group]
    numbered = section == "directives"
    out: list[tuple[Cell, ...]] = []
    for item in items:
        sector = snapshot.sector(item.sector_id)
        cells: tuple[Cell, ...] = (sector.name(lang) if sector else "", item.title(lang), item.source_text)
        out.append(((item.number,) if numbered else ()) + cells)
    keys = (("number",) if numbered else ()) + ("sector", "title", "source_text")
    return Sheet(section, sheet_name(tr(f"sheet.{section}", lang)), _headers(lang, *keys), out)


def meeting_sheet(snapshot: Snapshot, lang: str) -> Sheet:
    """The briefing and its meeting as (fact, text) rows: title, organisation, period, then the meeting's facts."""
    briefing = snapshot.briefing
    rows: list[tuple[Cell, ...]] = [(tr("sheet.fact.title", lang), briefing.title(lang)),
                                    (tr("sheet.fact.organisation", lang), briefing.organisation(lang)),
                                    (tr("sheet.fact.period", lang), briefing.period(lang))]
    for name, text in meeting_facts(briefing, lang):
        # the number of connected sites is a count a reader may add up: a number cell
        count = briefing.connected_sites if name == "sites" else None
        rows.append((tr(f"overview.{name}", lang), text if count is None else count))
    return Sheet("meeting", sheet_name(tr("sheet.meeting", lang)), _headers(lang, "fact", "text"), rows)


def cited_sources_sheet(snapshot: Snapshot, lang: str) -> Sheet:
    """The articles a briefing cited by reference names (no rows when it holds its own article)."""
    rows: list[tuple[Cell, ...]] = [
        (source.key, source.title, source.publisher(lang), date_text(source.published_at, lang), source.url,
         source.note(lang))
        for source in sorted(snapshot.cited_sources, key=lambda s: s.position)]
    headers = _headers(lang, "key", "title", "publisher", "published", "url", "note")
    return Sheet("cited_sources", sheet_name(tr("sheet.cited_sources", lang)), headers, rows)


def briefing_sheets(snapshot: Snapshot, lang: str) -> list[Sheet]:
    """Every section of a briefing, one sheet each in :data:`SHEET_KEYS` order; cited sources only if any."""
    sheets = [indicator_sheet(snapshot, lang), enterprise_sheet(snapshot, lang)]
    sheets += [item_sheet(snapshot, section, lang) for section in ("achievements", "limitations", "directives")]
    sheets.append(meeting_sheet(snapshot, lang))
    if snapshot.cited_sources:
        sheets.append(cited_sources_sheet(snapshot, lang))
    return sheets


def text_sheet(key: str, name: str, headers: Iterable[str], rows: Iterable[Iterable[Cell]]) -> Sheet:
    """Any table as a sheet (a view's cells as it shows them, when no section sheet fits)."""
    return Sheet(key, sheet_name(name), tuple(headers), [tuple(row) for row in rows])


# ---------------------------------------------------------------- writing

def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number_format(value: Decimal | int) -> str:
    """The XLSX number format for ``value``: grouped thousands and exactly the stated decimals (``2,93`` →
    ``#,##0.00``). In a format code ``,`` and ``.`` mean "the reader's grouping and decimal separators", so a
    Vietnamese Excel shows ``72.736.956.416`` and ``2,93``, an English one ``72,736,956,416`` and ``2.93``."""
    decimals = _decimals(value) if isinstance(value, Decimal) else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _shown(cell: Cell, lang: str) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal | int):
        return format_number(cell, lang)
    return cell


def column_widths(sheet: Sheet, lang: str) -> list[int]:
    """Each column's width in characters: its longest line (header or cell, numbers as ``lang`` shows them),
    between a short number's width and :data:`_MAX_WIDTH` (longer text wraps)."""
    widths = [len(h) for h in sheet.headers]
    for row in sheet.rows:
        for column, cell in enumerate(row):
            longest = max((len(line) for line in _shown(cell, lang).split("\n")), default=0)
            if longest > widths[column]:
                widths[column] = longest
    return [min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH) for width in widths]


def _csv_cell(cell: Cell) -> object:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        # Plain digits and a point, as every spreadsheet and script reads them; the stated text is beside it.
        return format(cell, "f")
    return spreadsheet_safe(cell)


def sheet_csv(sheet: Sheet) -> str:
    """The sheet as CSV text (write it with a BOM so spreadsheets read UTF-8). Text a spreadsheet would run as
    a formula is neutralised (:func:`~briefing_app.data.export.spreadsheet_safe`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(h) for h in sheet.headers])
    for row in sheet.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue()


def _cut(text: str) -> str:
    return text if len(text) <= XLSX_TEXT_LIMIT else text[:XLSX_TEXT_LIMIT - 1] + "…"


def workbook_bytes(sheets: Sequence[Sheet], lang: str, title: str = "") -> bytes:
    """An XLSX workbook of ``sheets``: a bold header row frozen above the rows, with filter buttons; columns
    fitted to their contents; numbers as numbers with their stated decimals (:func:`number_format`); text always
    as text — a cell starting with ``=`` is never a formula, a URL never a link, digits never a number."""
    import xlsxwriter  # only here: the window and every other command start without it

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    if title:
        workbook.set_properties({"title": title})
    header_format = workbook.add_format({"bold": True, "valign": "top", "bottom": 1})
    text_format = workbook.add_format({"valign": "top"})
    wrapped_format = workbook.add_format({"valign": "top", "text_wrap": True})
    number_formats: dict[str, object] = {}
    used: set[str] = set()
    for sheet in sheets:
        name = sheet.name
        n = 2
        while name.casefold() in used:  # Excel compares sheet names without case
            suffix = f" ({n})"
            name, n = sheet.name[:_SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
        used.add(name.casefold())
        worksheet = workbook.add_worksheet(name)
        widths = column_widths(sheet, lang)
        for column, width in enumerate(widths):
            worksheet.set_column(column, column, width)
            worksheet.write_string(0, column, _cut(sheet.headers[column]), header_format)
        for r, row in enumerate(sheet.rows, start=1):
            for column, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, Decimal | int) and not isinstance(cell, bool):
                    code = number_format(cell)
                    if code not in number_formats:
                        number_formats[code] = workbook.add_format({"num_format": code, "valign": "top"})
                    worksheet.write_number(r, column, float(cell), number_formats[code])
                else:
                    text = _cut(str(cell))
                    long = len(text) > widths[column] or "\n" in text
                    worksheet.write_string(r, column, text, wrapped_format if long else text_format)
        worksheet.freeze_panes(1, 0)
        if sheet.rows:
            worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.headers) - 1)
    workbook.close()
    return buffer.getvalue()

