"""The briefing database's schema: tables, columns, version and application id.

Kept as plain data so the builder (sqlite-utils) creates exactly what the
reader (sqlite3) later checks. ``docs/data-model.md`` explains every column.
"""

from __future__ import annotations

from decimal import Decimal

from ..i18n import QUALIFIER_KEYS, tr

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "ADDED_COLUMNS",
    "ADDED_TABLES",
    "CITED_COLUMNS",
    "TABLES",
    "NULLABLE",
    "NUMBER_FIELDS",
    "number_text",
    "number_texts",
    "ITEM_SECTIONS",
    "SECTIONS",
    "QUALIFIERS",
    "QUALIFIER_TOLERANCE",
    "FTS_TABLE",
    "FTS_CREATE_SQL",
    "INDEXES",
    "SERIES_COLUMNS",
    "SERIES_INDEX_SQL",
    "SERIES_SELECT_SQL",
    "VERSIONS_TABLE",
    "VERSIONS_CREATE_SQL",
    "ORIGINS",
]

#: ``PRAGMA application_id``: "BRF1" — tells a briefing database from any other SQLite file.
APPLICATION_ID = 0x42524631
#: ``PRAGMA user_version``: bumped whenever a table or column changes meaning.
#: 2 added ``indicators.plan_qualifier``; a version-1 database is read as if it were NULL.
#: 3 added ``indicators.measure`` (the id in ``resources/measures.yaml``); older databases read it as NULL.
#: 4 added briefings cited by reference: the ``cited_sources`` table, ``cited``/``locator`` on figures and
#: items, ``meeting_cited``/``meeting_locator`` on briefings.
SCHEMA_VERSION = 4
#: Where a cited item comes from: the key of its article in ``cited_sources`` and a few words to find it.
CITED_COLUMNS = ("cited", "locator")
#: Columns added after version 1: (table, column) -> the version that added them. A database
#: older than that is still read (the column reads as NULL) and is upgraded by ``import``.
ADDED_COLUMNS: dict[tuple[str, str], int] = {
    ("indicators", "plan_qualifier"): 2,
    ("indicators", "measure"): 3,
    **{(table, column): 4 for table in ("indicators", "achievements", "limitations", "directives")
       for column in CITED_COLUMNS},
    ("briefings", "meeting_cited"): 4,
    ("briefings", "meeting_locator"): 4,
}
#: Tables added after version 1 -> the version that added them. A database older than that is read as if
#: the table were empty, and ``import`` creates it (``importer.upgrade_schema``).
ADDED_TABLES: dict[str, int] = {"cited_sources": 4}

#: Sections of content that have their own table of prose items.
ITEM_SECTIONS = ("achievements", "limitations", "directives")
#: Every section an item can belong to (for links, search, checks).
SECTIONS = ("indicators", "enterprises") + ITEM_SECTIONS

#: Qualifiers as the source writes them, with their English reading (both worded in briefing_app/i18n.py).
QUALIFIERS = {word: tr(key, "en") for word, key in QUALIFIER_KEYS.items()}

#: How far each qualifier lets the true value lie from the written one, as (below, above) fractions of it: the
#: one statement of what a qualifier means, read by series tolerances and by the parts-and-total checks
#: (derive.py). tests/data/test_schema.py keeps it covering every qualifier.
QUALIFIER_TOLERANCE: dict[str, tuple[Decimal, Decimal]] = {
    "khoảng": (Decimal("0.05"), Decimal("0.05")),
    "vào khoảng": (Decimal("0.05"), Decimal("0.05")),
    "xấp xỉ": (Decimal("0.05"), Decimal("0.05")),
    "gần": (Decimal("0.05"), Decimal(0)),
    "hơn": (Decimal(0), Decimal("0.05")),
    "trên": (Decimal(0), Decimal("0.05")),
    "ước đạt": (Decimal("0.02"), Decimal("0.02")),
    "ước tính": (Decimal("0.02"), Decimal("0.02")),
}
# An approximate estimate ("ước đạt hơn") allows both widenings.
QUALIFIER_TOLERANCE.update({
    f"{estimate} {word}": (QUALIFIER_TOLERANCE[estimate][0] + QUALIFIER_TOLERANCE[word][0],
                           QUALIFIER_TOLERANCE[estimate][1] + QUALIFIER_TOLERANCE[word][1])
    for estimate in ("ước đạt", "ước tính") for word in ("hơn", "gần", "khoảng")})
QUALIFIER_TOLERANCE["ước khoảng"] = QUALIFIER_TOLERANCE["ước tính khoảng"]

_ITEM_COLUMNS = {
    "id": int,
    "briefing_id": str,
    "key": str,
    "position": int,
    "sector_id": int,
    "title_vi": str,
    "title_en": str,
    "source_text": str,
    "source_offset": int,
    "cited": str,  # schema 4: the cited article's key (a briefing cited by reference), else NULL
    "locator": str,  # schema 4: a few words to find the item in that article
}

#: table -> {column: python type}; the first column is the primary key.
TABLES: dict[str, dict[str, type]] = {
    "briefings": {
        "id": str,
        "position": int,
        "file_name": str,
        "organisation_vi": str,
        "organisation_en": str,
        "title_vi": str,
        "title_en": str,
        "period_vi": str,
        "period_en": str,
        "period_start": str,
        "period_end": str,
        "meeting_date": str,
        "meeting_place_vi": str,
        "meeting_place_en": str,
        "meeting_kind_vi": str,
        "meeting_kind_en": str,
        "chaired_by": str,
        "attendees": str,  # JSON list of strings
        "connected_sites": int,
        "meeting_source_text": str,
        "meeting_cited": str,  # schema 4
        "meeting_locator": str,  # schema 4
        "source_title": str,
        "source_publisher_vi": str,
        "source_publisher_en": str,
        "source_published_at": str,
        "source_authors": str,  # JSON list of strings
        "article_text": str,
    },
    "sectors": {
        "id": int,
        "briefing_id": str,
        "key": str,
        "position": int,
        "name_vi": str,
        "name_en": str,
    },
    "enterprises": {
        "id": int,
        "briefing_id": str,
        "key": str,
        "position": int,
        "name_vi": str,
        "name_en": str,
        "short_name": str,
    },
    "indicators": {
        "id": int,
        "briefing_id": str,
        "key": str,
        "position": int,
        "sector_id": int,
        "enterprise_id": int,
        "metric": str,
        "measure": str,
        "label_vi": str,
        "label_en": str,
        "value": float,
        "value_text": str,
        "value_max": float,
        "value_max_text": str,
        "unit_vi": str,
        "unit_en": str,
        "qualifier": str,
        "as_of": str,
        "parent_id": int,
        "depth": int,
        "plan_pct": float,
        "plan_pct_text": str,
        "plan_qualifier": str,
        "plan_vi": str,
        "plan_en": str,
        "change_pct": float,
        "change_pct_text": str,
        "change_qualifier": str,
        "same_period_pct": float,
        "same_period_pct_text": str,
        "compared_with_vi": str,
        "compared_with_en": str,
        "source_text": str,
        "source_offset": int,
        "cited": str,  # schema 4
        "locator": str,  # schema 4
    },
    "achievements": dict(_ITEM_COLUMNS),
    "limitations": dict(_ITEM_COLUMNS),
    "directives": {**_ITEM_COLUMNS, "number": int},
    "links": {
        "id": int,
        "briefing_id": str,
        "from_section": str,
        "from_id": int,
        "to_section": str,
        "to_id": int,
        "relation": str,
    },
    "derived_values": {
        "id": int,
        "briefing_id": str,
        "indicator_id": int,
        "kind": str,
        "value": float,
        "unit_vi": str,
        "unit_en": str,
        "formula": str,
        "label_vi": str,
        "label_en": str,
    },
    # schema 4: the articles a briefing cited by reference names (its ``article_text`` is then empty)
    "cited_sources": {
        "id": int,
        "briefing_id": str,
        "key": str,
        "position": int,
        "title": str,
        "publisher_vi": str,
        "publisher_en": str,
        "url": str,
        "published_at": str,
        "note_vi": str,
        "note_en": str,
    },
    "checks": {
        "id": int,
        "briefing_id": str,
        "key": str,
        "kind": str,
        "status": str,
        "indicator_id": int,
        "what_vi": str,
        "what_en": str,
        "expected": str,
        "stated": str,
        "items": str,  # JSON list of "section:id"
    },
}

#: Numbers the source states, by table. Each is stored twice: as REAL ``<name>`` (for SQL: sorting,
#: sums) and as TEXT ``<name>_text`` exactly as written in Vietnamese notation ("213.355"), from which
#: every reader takes the exact Decimal. The briefing file uses the same names (``value: "213.355"``).
#: The validator, the builder, the store, the damage check and export all go by this one list, so a
#: new stated number is two columns in ``TABLES`` (and ``NULLABLE``) plus its name here.
NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "indicators": ("value", "value_max", "plan_pct", "change_pct", "same_period_pct"),
}


def number_text(name: str) -> str:
    """The column holding number ``name`` as the source wrote it: ``value`` → ``value_text``."""
    return f"{name}_text"


def number_texts(table: str) -> tuple[str, ...]:
    """The columns of ``table`` holding numbers as written ("213.355", "47,41"); none for most tables."""
    return tuple(number_text(name) for name in NUMBER_FIELDS.get(table, ()))


#: Columns that may be NULL (everything else is NOT NULL).
NULLABLE = {
    "briefings": {"organisation_en", "title_en", "period_en", "period_start", "period_end",
                  "meeting_date", "meeting_place_vi", "meeting_place_en", "meeting_kind_vi",
                  "meeting_kind_en", "chaired_by", "connected_sites", "meeting_source_text",
                  "source_publisher_vi", "source_publisher_en", "source_published_at",
                  "meeting_cited", "meeting_locator"},
    "sectors": {"name_en"},
    "enterprises": {"name_en", "short_name"},
    "indicators": {"enterprise_id", "metric", "measure", "label_en", "value", "value_text", "value_max",
                   "value_max_text", "unit_vi", "unit_en", "qualifier", "as_of", "parent_id",
                   "plan_pct", "plan_pct_text", "plan_qualifier", "plan_vi", "plan_en", "change_pct",
                   "change_pct_text", "change_qualifier", "same_period_pct",
                   "same_period_pct_text", "compared_with_vi", "compared_with_en",
                   "cited", "locator"},
    "achievements": {"title_en", "cited", "locator"},
    "limitations": {"title_en", "cited", "locator"},
    "directives": {"title_en", "cited", "locator"},
    "cited_sources": {"publisher_en", "published_at", "note_vi", "note_en"},
    "links": set(),
    "derived_values": {"unit_vi", "unit_en"},
    "checks": {"indicator_id", "what_en"},
}

INDEXES = [
    ("sectors", ["briefing_id", "position"]),
    ("enterprises", ["briefing_id", "position"]),
    ("indicators", ["briefing_id", "position"]),
    ("indicators", ["parent_id"]),
    ("achievements", ["briefing_id", "position"]),
    ("limitations", ["briefing_id", "position"]),
    ("directives", ["briefing_id", "position"]),
    ("links", ["briefing_id", "from_section", "from_id"]),
    ("links", ["briefing_id", "to_section", "to_id"]),
    ("derived_values", ["indicator_id"]),
    ("checks", ["briefing_id"]),
    ("cited_sources", ["briefing_id", "position"]),
]

#: What a series reads of each figure that names a measure (``BriefingStore.measured_figures``), in order.
SERIES_COLUMNS = ("briefing_id", "key", "value", "value_text", "unit_vi", "qualifier", "as_of", "change_pct",
                  "change_pct_text", "change_qualifier", "same_period_pct", "same_period_pct_text",
                  "compared_with_vi")
#: A series reads one measure across every briefing. Its figures lie one or a few per briefing, so reading
#: them from the table touched a page per row (4,200 rows on 200 briefings: 14 ms of SQL); this index holds
#: every column the series reads, in the order it reads them, and only figures that name a measure (7 ms).
#: Not part of the schema version: a database without it reads the same, only slower; every import
#: creates it when missing.
SERIES_INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS idx_indicators_series ON indicators (measure, briefing_id, position, "
    + ", ".join(SERIES_COLUMNS[1:]) + ") WHERE measure IS NOT NULL"
)
#: The read that index answers alone (rowid names a damaged value).
SERIES_SELECT_SQL = (f"SELECT rowid, {', '.join(SERIES_COLUMNS)} FROM indicators WHERE measure = ? "
                     "ORDER BY briefing_id, position")

#: Full-text index over folded text (see :mod:`briefing_app.data.folding`).
FTS_TABLE = "search_index"
FTS_CREATE_SQL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "section UNINDEXED, item_id UNINDEXED, briefing_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)

#: Where each briefing in a database came from, and which revision of its file it is. Kept beside the
#: content tables (not in ``TABLES``) so databases made before it existed still open: a database
#: without it gets it from the first write. ``origin`` is one of :data:`ORIGINS`.
VERSIONS_TABLE = "briefing_versions"
VERSIONS_CREATE_SQL = (
    f"CREATE TABLE IF NOT EXISTS {VERSIONS_TABLE} ("
    "briefing_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, content_sha256 TEXT NOT NULL, "
    "origin TEXT NOT NULL, file_name TEXT NOT NULL)"
)
#: ``built``: by ``build-db``; ``bundled``: copied into the user's library from the app's data.db;
#: ``imported``: by ``import`` (the user's own, never replaced by an update of the app).
ORIGINS = ("built", "bundled", "imported")
