"""Find damaged values in a briefing database's rows before they become records (Qt-free).

A database edited by hand, or not made by us, may hold a word where a number belongs
(``value_text = 'abc'``, ``depth = 'deep'``) or a figure that is its own total. Views would
then crash, or silently leave rows out (five printed pages vanished for one looping
``parent_id``). The store asks :func:`first_damage` before it reads a table's rows: one query,
run inside SQLite, that looks at every value's type, the figures' number texts, and the
references between rows. It costs a few milliseconds per 10,000 rows, and returns the first
damaged value in words: ``damaged value in indicators, row 7 (column value_text: 'abc')``.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable
from typing import Any

from .schema import NULLABLE, TABLES, number_texts

__all__ = ["first_damage", "describe_damage"]

_STORAGE = {int: ("integer",), str: ("text",), float: ("real", "integer")}
#: What a number text may hold, as a GLOB: digits, separators and a sign, and at least one digit.
#: (The store parses each one as it builds the records; this catches a word where a number belongs.)
_NOT_A_NUMBER = "({c} GLOB '*[^0-9.,+-]*' OR {c} NOT GLOB '*[0-9]*')"
#: Where rows must point at rows of the same briefing: (table, column) -> (target table, what it is).
_REFERENCES = {
    ("indicators", "sector_id"): "sectors",
    ("indicators", "enterprise_id"): "enterprises",
    ("achievements", "sector_id"): "sectors",
    ("limitations", "sector_id"): "sectors",
    ("directives", "sector_id"): "sectors",
    ("derived_values", "indicator_id"): "indicators",
    ("checks", "indicator_id"): "indicators",
}
_SHOWN_CHARS = 40


def describe_damage(table: str, row: int, column: str, value: Any, note: str = "") -> str:
    """The one wording of a damaged value: ``damaged value in <table>, row <n> (column <c>: <value>)``."""
    shown = repr(value)
    if len(shown) > _SHOWN_CHARS:
        shown = shown[:_SHOWN_CHARS - 1] + "…"
    return f"damaged value in {table}, row {row} (column {column}: {shown}{note})"


def _conditions(table: str, columns: Iterable[str]) -> list[tuple[str, str, str]]:
    """(column, SQL condition that is true for a damaged row, note) for ``table``'s rows aliased ``t``."""
    out: list[tuple[str, str, str]] = []
    nullable = NULLABLE.get(table, set())
    for column in columns:
        kind = TABLES[table][column]
        allowed = _STORAGE[kind] + (("null",) if column in nullable else ())
        quoted = ", ".join(f"'{name}'" for name in allowed)
        out.append((column, f"typeof(t.[{column}]) NOT IN ({quoted})", ""))
    for column in number_texts(table):
        if column in columns:
            out.append((column, _NOT_A_NUMBER.format(c=f"t.[{column}]"), ""))
    for (source, column), target in _REFERENCES.items():
        if source == table and column in columns:
            out.append((column, f"t.[{column}] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM [{target}] x "
                                f"WHERE x.id = t.[{column}] AND x.briefing_id = t.briefing_id)",
                        f", which is not a row of {target} in this briefing"))
    if table == "indicators":
        # A total's parts sit one level deeper than it: that rules out a figure being its own total,
        # and any longer loop, with one look-up per figure.
        out += [
            ("parent_id", "t.parent_id = t.id", ", which is the row itself"),
            ("parent_id", "t.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM indicators p "
                          "WHERE p.id = t.parent_id AND p.briefing_id = t.briefing_id)",
             ", which is not a figure in this briefing"),
            ("depth", "t.parent_id IS NULL AND t.depth != 0", ", but the figure is not part of a total"),
            ("depth", "t.parent_id IS NOT NULL AND t.depth IS NOT "
                      "(SELECT p.depth + 1 FROM indicators p WHERE p.id = t.parent_id)",
             ", not one deeper than its total's"),
        ]
    return out


@functools.lru_cache(maxsize=64)
def _query(table: str, columns: tuple[str, ...], by_briefing: bool) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    conditions = tuple(_conditions(table, columns))
    where = " OR ".join(f"({condition})" for _c, condition, _note in conditions)
    if by_briefing:
        where = f"t.[{'id' if table == 'briefings' else 'briefing_id'}] = ? AND ({where})"
    return f"SELECT t.rowid FROM [{table}] t WHERE {where} LIMIT 1", conditions


def first_damage(conn: sqlite3.Connection, table: str, briefing_id: str | None = None,
                 absent: Iterable[str] = ()) -> str | None:
    """The first damaged value among ``table``'s rows (of one briefing, if given), in words; None if none.

    ``absent`` names columns an older schema lacks (they are not checked).
    """
    missing = set(absent)
    columns = tuple(c for c in TABLES[table] if c not in missing)
    sql, conditions = _query(table, columns, briefing_id is not None)
    row = conn.execute(sql, (briefing_id,) if briefing_id is not None else ()).fetchone()
    if row is None:
        return None
    rowid = row[0]
    # Which value: asked again of that row alone, one condition at a time (the one query that found
    # it stays small, which matters as it is compiled on every start).
    for column, condition, note in conditions:
        if conn.execute(f"SELECT 1 FROM [{table}] t WHERE t.rowid = ? AND ({condition})", (rowid,)).fetchone():
            value = conn.execute(f"SELECT [{column}] FROM [{table}] WHERE rowid = ?", (rowid,)).fetchone()[0]
            return describe_damage(table, rowid, column, value, note)
    return describe_damage(table, rowid, "?", None)  # not reached: the row matched one of them
