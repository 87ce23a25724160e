"""Add one briefing file to an existing briefing database, all or nothing.

The database is copied aside (in the same folder), the briefing is written into
the copy in one transaction, the copy is checked, and only then is it moved over
the original with an atomic rename. A failure at any point — a bad file, a full
disk, the process being killed — leaves the original byte for byte as it was.
A copy left behind by a killed import is removed by the next import.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .briefing_file import BriefingFileError, Problem, load_briefing_file
from .build import write_briefing
from .schema import ADDED_COLUMNS, FTS_TABLE, SCHEMA_VERSION, TABLES, VERSIONS_CREATE_SQL, VERSIONS_TABLE
from .store import StoreError, database_uri, open_store

__all__ = ["ImportResult", "import_briefing", "remove_briefing", "upgrade_schema", "TEMP_SUFFIX"]

TEMP_SUFFIX = ".importing"
_DELETE_ORDER = ("links", "derived_values", "checks", "indicators", "achievements", "limitations", "directives",
                 "enterprises", "sectors")


@dataclass(frozen=True)
class ImportResult:
    briefing_id: str
    replaced: bool
    counts: dict[str, int]


def _remove_stale_copies(target: Path) -> None:
    for stale in target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"):
        try:
            stale.unlink()
        except OSError:
            pass


def import_briefing(source: Path, target: Path, replace: bool = False) -> ImportResult:
    """Validate ``source`` and add its briefing to the database ``target``.

    Raises :class:`BriefingFileError` (every problem of the file), :class:`StoreError`
    (the database cannot be used) or :class:`OSError` (it cannot be written).
    """
    source, target = Path(source), Path(target)
    document = load_briefing_file(source)
    # The same checks as opening it in the viewer: it must be a briefing database we can read.
    with open_store(target) as store:
        existing = {b.id for b in store.briefing_summaries()}
    briefing_id = document.briefing["id"]
    if briefing_id in existing and not replace:
        raise BriefingFileError([Problem(str(source), None, None, "briefing.id",
                                         f"briefing {briefing_id!r} is already in {target}; "
                                         "use --replace to replace it")])
    _remove_stale_copies(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(target, tmp)
        for suffix in ("-wal", "-journal"):
            # A database with pending WAL content must be read through SQLite, not copied raw.
            if Path(str(target) + suffix).exists():
                _backup(target, tmp)
                break
        db = sqlite_utils.Database(tmp)
        try:
            with db.conn:
                upgrade_schema(db)
                position = remove_briefing(db, briefing_id)
                counts = write_briefing(db, document, position, origin="imported")
            problems = db.execute("PRAGMA quick_check").fetchall()
            if problems != [("ok",)]:
                raise StoreError(target, "the updated copy failed its integrity check; nothing was changed")
        finally:
            db.close()
        os.chmod(tmp, os.stat(target).st_mode & 0o777)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ImportResult(briefing_id, briefing_id in existing, counts)


def remove_briefing(db: sqlite_utils.Database, briefing_id: str) -> int:
    """Delete a briefing and everything of it (inside the caller's transaction).

    Returns the position it held in the list of briefings, or the next free one when it was not there,
    so a replaced briefing keeps its place.
    """
    row = db.execute("SELECT position FROM briefings WHERE id = ?", [briefing_id]).fetchone()
    if row is None:
        return db.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM briefings").fetchone()[0]
    for table in _DELETE_ORDER:
        db.execute(f"DELETE FROM [{table}] WHERE briefing_id = ?", [briefing_id])
    db.execute(f"DELETE FROM {FTS_TABLE} WHERE briefing_id = ?", [briefing_id])
    db.execute(VERSIONS_CREATE_SQL)
    db.execute(f"DELETE FROM {VERSIONS_TABLE} WHERE briefing_id = ?", [briefing_id])
    db.execute("DELETE FROM briefings WHERE id = ?", [briefing_id])
    return row[0]


def upgrade_schema(db: sqlite_utils.Database) -> None:
    """Add the columns a database from an older schema version lacks (in the copy, inside the import's
    transaction), so a briefing with those fields can be written into it."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    for (table, column), added in ADDED_COLUMNS.items():
        if added > version and column not in db[table].columns_dict:
            sql_type = {str: "TEXT", int: "INTEGER", float: "REAL"}[TABLES[table][column]]
            db.execute(f"ALTER TABLE [{table}] ADD COLUMN [{column}] {sql_type}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _backup(source: Path, destination: Path) -> None:
    src = sqlite3.connect(database_uri(source), uri=True)
    dst = sqlite3.connect(destination)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


# Keep the schema names used here in step with the schema module.
assert set(_DELETE_ORDER) | {"briefings"} == set(TABLES), "importer's delete list is out of date"
