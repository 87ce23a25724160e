"""Build a briefing database from validated briefing files, with sqlite-utils.

The database is written to a temporary file beside the target and moved into
place only when complete, so a failed or interrupted build never leaves a
half-written ``data.db``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from ..i18n import Message
from .atomic import check_output, write_atomically
from .briefing_file import BriefingDocument, BriefingFileError, Problem, load_briefing_file
from .derive import check_sums, derive_values
from .folding import fold, number_variants
from .schema import (
    APPLICATION_ID,
    FTS_CREATE_SQL,
    FTS_TABLE,
    INDEXES,
    NULLABLE,
    NUMBER_FIELDS,
    SCHEMA_VERSION,
    SERIES_INDEX_SQL,
    TABLES,
    VERSIONS_CREATE_SQL,
    VERSIONS_TABLE,
)

__all__ = ["BuildResult", "build_database", "create_schema", "create_table", "write_briefing", "default_sources",
           "load_all", "content_sha256"]


@dataclass(frozen=True)
class BuildResult:
    path: Path
    briefings: int
    counts: dict[str, int]


def default_sources(resources: Path) -> list[Path]:
    """The briefing files shipped under ``resources/briefings`` in name order."""
    folder = resources / "briefings"
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


def load_all(sources: Iterable[Path]) -> list[BriefingDocument]:
    """Load every file, reporting the problems of all of them together."""
    documents, problems = [], []
    seen: dict[str, Path] = {}
    for source in sources:
        try:
            document = load_briefing_file(source)
        except BriefingFileError as exc:
            problems.extend(exc.problems)
            continue
        bid = document.briefing["id"]
        if bid in seen:
            problems.append(Problem(str(source), None, None, "briefing.id",
                                    Message("file_problem.duplicate_id", briefing=bid, other=str(seen[bid]))))
            continue
        seen[bid] = source
        documents.append(document)
    if problems:
        raise BriefingFileError(problems)
    return documents


#: Tables whose rows are named by a key unique within their briefing.
_KEYED = ("sectors", "enterprises", "indicators", "achievements", "limitations", "directives", "cited_sources")


def create_table(db: sqlite_utils.Database, table: str) -> None:
    """Create one table of :data:`schema.TABLES` with its indexes (for a new database, or a table an older
    schema lacks, see ``importer.upgrade_schema``)."""
    columns = TABLES[table]
    nullable = NULLABLE[table]
    pk = next(iter(columns))
    db.table(table).create(columns, pk=pk, not_null={c for c in columns if c not in nullable and c != pk})
    for name, index_columns in INDEXES:
        if name == table:
            db.table(table).create_index(index_columns)
    if table in _KEYED:
        db.table(table).create_index(["briefing_id", "key"], unique=True)


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and the full-text index in an empty database."""
    for table in TABLES:
        create_table(db, table)
    db.execute(FTS_CREATE_SQL)
    db.execute(SERIES_INDEX_SQL)
    db.execute(VERSIONS_CREATE_SQL)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    row = db.execute(f"SELECT COALESCE(MAX(id), 0) FROM [{table}]").fetchone()
    return row[0] + 1


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


_PARAGRAPH = re.compile(r"[^\n]+")


def content_sha256(document: BriefingDocument) -> str:
    """A fingerprint of what the briefing says: its file and its article, byte for byte."""
    import hashlib

    digest = hashlib.sha256(document.path.read_bytes())
    digest.update(b"\0")
    digest.update(document.article_text.encode("utf-8"))
    return digest.hexdigest()


def write_briefing(db: sqlite_utils.Database, document: BriefingDocument, position: int,
                   origin: str = "built") -> dict[str, int]:
    """Insert one validated briefing (all its tables, its search rows, its version); return row counts.

    ``origin`` is recorded beside its revision (see :data:`schema.ORIGINS`).
    """
    b = document.briefing
    bid = b["id"]
    db.execute(VERSIONS_CREATE_SQL)
    db.execute(f"INSERT OR REPLACE INTO {VERSIONS_TABLE} (briefing_id, revision, content_sha256, origin, file_name) "
               "VALUES (?, ?, ?, ?, ?)", [bid, b.get("revision", 1), content_sha256(document), origin,
                                          document.path.name])
    db.table("briefings").insert({
        **{k: b.get(k) for k in TABLES["briefings"] if k in b},
        "id": bid,
        "position": position,
        "file_name": document.path.name,
        "attendees": json.dumps(b.get("attendees") or [], ensure_ascii=False),
        "source_authors": json.dumps(b.get("source_authors") or [], ensure_ascii=False),
        "article_text": document.article_text,
    })
    ids: dict[str, dict[str, int]] = {}

    def insert(table: str, rows: list[dict[str, Any]]) -> None:
        start = _next_id(db, table)
        ids[table] = {}
        records = []
        for offset, row in enumerate(rows):
            record = {"id": start + offset, "briefing_id": bid, "position": offset + 1, **row}
            ids[table][row["key"]] = record["id"]
            records.append(record)
        if records:
            db.table(table).insert_all(records)

    insert("cited_sources", [dict(source) for source in document.cited_sources])
    insert("sectors", [{"key": s["key"], "name_vi": s["name_vi"], "name_en": s["name_en"]} for s in document.sectors])
    insert("enterprises", [dict(e) for e in document.enterprises])

    depth: dict[str, int] = {}
    parents = {row["key"]: row["parent"] for row in document.indicators}

    def depth_of(key: str) -> int:
        if key not in depth:
            parent = parents.get(key)
            depth[key] = 0 if parent is None else depth_of(parent) + 1
        return depth[key]

    indicator_rows = []
    for row in document.indicators:
        # The validator names its rows' fields after the columns, so every column it filled is copied
        # (a new column in schema.TABLES needs no change here); numbers go in as REAL beside their text.
        record = {k: row[k] for k in TABLES["indicators"] if k in row}
        for name in NUMBER_FIELDS["indicators"]:
            record[name] = _num(row[name])
        record["sector_id"] = ids["sectors"][row["sector"]]
        record["enterprise_id"] = ids["enterprises"].get(row["enterprise"]) if row["enterprise"] else None
        record["depth"] = depth_of(row["key"])
        indicator_rows.append(record)
    insert("indicators", indicator_rows)
    # Parents may come after their parts in the file, so link them once all ids exist.
    for row in document.indicators:
        if row["parent"]:
            db.table("indicators").update(ids["indicators"][row["key"]],
                                          {"parent_id": ids["indicators"][row["parent"]]})

    for section in ("achievements", "limitations", "directives"):
        rows = []
        for row in getattr(document, section):
            record = {k: v for k, v in row.items() if k != "sector"}
            record["sector_id"] = ids["sectors"][row["sector"]]
            rows.append(record)
        insert(section, rows)

    link_rows = [{"briefing_id": bid, "from_section": link["from"][0], "from_id": ids[link["from"][0]][link["from"][1]],
                  "to_section": link["to"][0], "to_id": ids[link["to"][0]][link["to"][1]],
                  "relation": link["relation"]} for link in document.links]
    if link_rows:
        start = _next_id(db, "links")
        db.table("links").insert_all([{"id": start + i, **r} for i, r in enumerate(link_rows)])

    derived = derive_values(document.indicators)
    if derived:
        start = _next_id(db, "derived_values")
        db.table("derived_values").insert_all([{
            "id": start + i, "briefing_id": bid, "indicator_id": ids["indicators"][d.indicator_key],
            "kind": d.kind, "value": float(d.value), "unit_vi": d.unit_vi, "unit_en": d.unit_en,
            "formula": d.formula, "label_vi": d.label_vi, "label_en": d.label_en,
        } for i, d in enumerate(derived)])

    check_rows = []
    for check in check_sums(document.indicators):
        check_rows.append({
            "briefing_id": bid, "key": f"sum.{check.indicator_key}", "kind": "sum_of_parts", "status": check.status,
            "indicator_id": ids["indicators"][check.indicator_key], "what_vi": check.what_vi, "what_en": check.what_en,
            "expected": check.expected, "stated": check.stated,
            "items": json.dumps([f"indicators:{ids['indicators'][k]}"
                                 for k in (check.indicator_key, *check.part_keys)]),
        })
    for stated_check in document.checks:
        items = stated_check["items"]
        first = next((ids[s][k] for s, k in items if s == "indicators"), None)
        check_rows.append({
            "briefing_id": bid, "key": stated_check["key"], "kind": "stated", "status": "mismatch",
            "indicator_id": first, "what_vi": stated_check["what_vi"], "what_en": stated_check["what_en"],
            "expected": stated_check["expected"], "stated": stated_check["stated"],
            "items": json.dumps([f"{s}:{ids[s][k]}" for s, k in items]),
        })
    if check_rows:
        start = _next_id(db, "checks")
        db.table("checks").insert_all([{"id": start + i, **r} for i, r in enumerate(check_rows)])

    _index_for_search(db, document, ids)
    return {table: len(ids.get(table, {})) for table in
            ("indicators", "achievements", "limitations", "directives", "enterprises")}


def search_text(*parts: str | None) -> str:
    """The folded form of ``parts`` as indexed, with separator-free copies of grouped numbers."""
    text = " ".join(p for p in parts if p)
    variants = number_variants(text)
    return fold(text + (" " + variants if variants else ""))


def _index_for_search(db: sqlite_utils.Database, document: BriefingDocument, ids: dict[str, dict[str, int]]) -> None:
    bid = document.briefing["id"]
    rows: list[tuple[str, int, str, str, str]] = []
    for row in document.indicators:
        rows.append(("indicators", ids["indicators"][row["key"]], bid,
                     search_text(row["label_vi"], row["label_en"]),
                     search_text(row["source_text"], row["value_text"], row["unit_vi"], row["unit_en"])))
    for section in ("achievements", "limitations", "directives"):
        for row in getattr(document, section):
            rows.append((section, ids[section][row["key"]], bid,
                         search_text(row["title_vi"], row["title_en"]), search_text(row["source_text"])))
    for row in document.enterprises:
        rows.append(("enterprises", ids["enterprises"][row["key"]], bid,
                     search_text(row["name_vi"], row["name_en"], row.get("short_name")), ""))
    for match in _PARAGRAPH.finditer(document.article_text):
        if match.group(0).strip():
            rows.append(("source", match.start(), bid, "", search_text(match.group(0))))
    db.conn.executemany(f"INSERT INTO {FTS_TABLE} (section, item_id, briefing_id, title, body) VALUES (?, ?, ?, ?, ?)",
                        rows)


def build_database(sources: Iterable[Path], target: Path) -> BuildResult:
    """Validate ``sources`` and build the briefing database at ``target``, replacing it atomically.

    Written with :func:`~briefing_app.data.atomic.write_atomically`: refused (OutputError, nothing
    written) when ``target`` is a briefing file or article being built from, or not a regular
    file; an existing database is replaced only under its exclusive lock.
    """
    sources = list(sources)
    target = Path(target)
    check_output(target, sources, database=True)  # before the validation, which takes a while
    documents = load_all(sources)
    inputs = [*sources, *(d.article_path for d in documents if d.article_path is not None)]
    counts: dict[str, int] = {}

    def build(tmp: Path) -> None:
        db = sqlite_utils.Database(tmp)
        try:
            with db.conn:
                create_schema(db)
                for position, document in enumerate(documents, start=1):
                    for table, n in write_briefing(db, document, position).items():
                        counts[table] = counts.get(table, 0) + n
            db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            db.conn.commit()
            db.execute("VACUUM")
        finally:
            db.close()

    write_atomically(target, build, inputs, database=True, suffix=".building")
    return BuildResult(target, len(documents), counts)
