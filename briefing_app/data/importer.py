"""Add one briefing file to an existing briefing database, all or nothing.

The file and the database are checked first, writing nothing. Then the briefing is written inside one
``BEGIN IMMEDIATE`` transaction on the database itself (:func:`write_in_one_transaction`), which is
checked with ``PRAGMA quick_check`` before it commits. SQLite's own journal makes that all or nothing,
in rollback-journal and WAL mode alike, and keeps what other programs committed meanwhile: a bad file,
a full disk or an error rolls the transaction back; a killed process leaves a journal that SQLite rolls
back the next time the database is opened for writing (:func:`recover_interrupted_write`).

``BEGIN IMMEDIATE`` takes SQLite's write lock, so two imports (or an import and the library update)
into one database run one after the other: the second waits, saying so once, up to a stated limit.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from ..i18n import Message
from .briefing_file import BriefingFileError, Problem, load_briefing_file
from .build import create_table, write_briefing
from .schema import (
    ADDED_COLUMNS,
    ADDED_TABLES,
    FTS_TABLE,
    INDEXES,
    SCHEMA_VERSION,
    SERIES_INDEX_SQL,
    TABLES,
    VERSIONS_CREATE_SQL,
    VERSIONS_TABLE,
)
from .store import StoreBusy, StoreError, database_uri, open_store

__all__ = ["ImportResult", "import_briefing", "remove_briefing", "upgrade_schema", "write_in_one_transaction",
           "recover_interrupted_write", "WRITE_WAIT_S"]

#: How long a write waits for another program's write lock before giving up (seconds).
WRITE_WAIT_S = 30.0
#: The first, quiet attempt: a lock held longer than this gets the "waiting" note.
_FIRST_TRY_S = 0.25
_DELETE_ORDER = ("links", "derived_values", "checks", "indicators", "achievements", "limitations", "directives",
                 "enterprises", "sectors", "cited_sources")

T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    briefing_id: str
    replaced: bool
    counts: dict[str, int]


def import_briefing(source: Path, target: Path, replace: bool = False, *, wait: float | None = None,
                    on_wait: Callable[[], None] | None = None) -> ImportResult:
    """Validate ``source`` and add its briefing to the database ``target``, all or nothing.

    While another program writes to ``target``, the import waits up to ``wait`` seconds (default
    :data:`WRITE_WAIT_S`), calling ``on_wait`` once when it starts waiting. Raises
    :class:`BriefingFileError` (every problem of the file, or the briefing is there and ``replace`` is
    false), :class:`StoreBusy` (still locked after ``wait``), :class:`StoreError` (the database cannot be
    used or written) or :class:`OSError`; in every case the database's content is as it was.
    """
    source, target = Path(source), Path(target)
    wait = WRITE_WAIT_S if wait is None else wait
    on_wait = _once(on_wait)
    document = load_briefing_file(source)
    briefing_id = document.briefing["id"]
    recover_interrupted_write(target, wait=wait, on_wait=on_wait)
    # The same checks as opening it in the viewer: it must be a briefing database this version can read.
    if briefing_id in _briefing_ids(target, wait, on_wait) and not replace:
        raise _already_there(source, target, briefing_id)

    def write(db: sqlite_utils.Database) -> ImportResult:
        # Checked again under the write lock: another import may have added it since.
        there = db.execute("SELECT 1 FROM briefings WHERE id = ?", [briefing_id]).fetchone() is not None
        if there and not replace:
            raise _already_there(source, target, briefing_id)
        upgrade_schema(db)
        position = remove_briefing(db, briefing_id)
        counts = write_briefing(db, document, position, origin="imported")
        return ImportResult(briefing_id, there, counts)

    result = write_in_one_transaction(target, write, wait=wait, on_wait=on_wait)
    _confirm_present(target, briefing_id, wait)
    return result


def _once(callback: Callable[[], None] | None) -> Callable[[], None] | None:
    """``callback``, called at most once however many steps have to wait."""
    if callback is None:
        return None
    called = False

    def call() -> None:
        nonlocal called
        if not called:
            called = True
            callback()
    return call


def _briefing_ids(target: Path, wait: float, on_wait: Callable[[], None] | None) -> set[str]:
    """The briefings in ``target``, read through the viewer's checks; a quick try, then a stated wait."""
    started = time.monotonic()
    try:
        with open_store(target, timeout=min(_FIRST_TRY_S, wait)) as store:
            return {b.id for b in store.briefing_summaries()}
    except StoreBusy:
        if on_wait is not None:
            on_wait()
    remaining = wait - (time.monotonic() - started)
    try:
        if remaining > 0:
            with open_store(target, timeout=remaining) as store:
                return {b.id for b in store.briefing_summaries()}
    except StoreBusy:
        pass
    raise _still_busy(target, wait)


def _already_there(source: Path, target: Path, briefing_id: str) -> BriefingFileError:
    return BriefingFileError([Problem(str(source), None, None, "briefing.id",
                                      Message("field_problem.already_in", briefing=repr(briefing_id),
                                              target=str(target)))])


def _confirm_present(target: Path, briefing_id: str, wait: float) -> None:
    """Success is reported only for a briefing that a fresh reader finds in the committed database."""
    try:
        conn = sqlite3.connect(database_uri(target), uri=True, timeout=wait)
        try:
            found = conn.execute("SELECT 1 FROM briefings WHERE id = ?", [briefing_id]).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(target, Message("problem.not_read_back", reason=str(exc))) from None
    if found is None:
        raise StoreError(target, Message("problem.gone_after_import", briefing=repr(briefing_id)))


def write_in_one_transaction(path: Path, write: Callable[[sqlite_utils.Database], T], *, wait: float = WRITE_WAIT_S,
                             on_wait: Callable[[], None] | None = None) -> T:
    """Run ``write(db)`` inside one ``BEGIN IMMEDIATE`` transaction on the database ``path`` itself.

    The changes commit only if ``write`` returns and ``PRAGMA quick_check`` passes; any exception rolls
    them back. sqlite-utils nests its own writes as savepoints inside the open transaction. The
    database is never created. When another program holds the write lock, ``on_wait`` is called once
    and the lock is awaited up to ``wait`` seconds in all. Raises :class:`StoreBusy` ("still busy after
    N s"), :class:`StoreError` (SQLite refused: full disk, read-only file, not a database) or whatever
    ``write`` raised.
    """
    path = Path(path)
    try:
        conn = sqlite3.connect(_writable_uri(path), uri=True, isolation_level=None, timeout=min(_FIRST_TRY_S, wait))
    except sqlite3.Error as exc:
        raise StoreError(path, Message("problem.cannot_write_open", reason=str(exc))) from None
    db = sqlite_utils.Database(conn)
    try:
        try:
            _begin_immediate(conn, path, wait, on_wait)
            try:
                result = write(db)
                verdict = db.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise StoreError(path, Message("problem.integrity_after_change", verdict=verdict))
                conn.execute("COMMIT")
            except BaseException:
                # A full disk may already have ended the transaction; ROLLBACK then has nothing to do.
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # closing the connection rolls back; the first error is the one to report
                raise
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise _still_busy(path, wait) from None
            raise StoreError(path, Message("problem.cannot_write", reason=str(exc))) from None
    finally:
        conn.close()
    return result


def recover_interrupted_write(path: Path, *, wait: float = WRITE_WAIT_S,
                              on_wait: Callable[[], None] | None = None) -> None:
    """Let SQLite roll back the journal a killed writer left beside ``path`` (a "hot journal").

    Until that is done, no read-only connection can open the database ("attempt to write a readonly
    database"). Opening it for writing and reading one value is SQLite's documented recovery; it puts
    the database back as it was before the interrupted transaction. Does nothing when there is no such
    journal; problems of the database itself are left for the caller's own checks to report.
    """
    path = Path(path)
    if not Path(f"{path}-journal").is_file():
        return
    try:
        conn = sqlite3.connect(_writable_uri(path), uri=True, isolation_level=None, timeout=min(_FIRST_TRY_S, wait))
    except sqlite3.Error:
        return
    try:
        # Taking a shared lock to read is where SQLite finds and rolls back a hot journal.
        _waiting(conn, path, wait, on_wait, "SELECT COUNT(*) FROM sqlite_master")
    except sqlite3.DatabaseError:
        pass
    finally:
        conn.close()


def _begin_immediate(conn: sqlite3.Connection, path: Path, wait: float, on_wait: Callable[[], None] | None) -> None:
    _waiting(conn, path, wait, on_wait, "BEGIN IMMEDIATE")
    # COMMIT may still have to wait for readers to finish (rollback-journal mode): the same limit.
    conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")


def _waiting(conn: sqlite3.Connection, path: Path, wait: float, on_wait: Callable[[], None] | None,
             statement: str) -> None:
    """Run ``statement`` (a BEGIN); a first short try, then — saying so — SQLite's busy wait up to ``wait`` s."""
    started = time.monotonic()
    for attempt in ("first", "waiting"):
        if attempt == "waiting":
            if on_wait is not None:
                on_wait()
            remaining = wait - (time.monotonic() - started)
            if remaining <= 0:
                break
            conn.execute(f"PRAGMA busy_timeout = {int(remaining * 1000)}")
        try:
            conn.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
    raise _still_busy(path, wait)


def _still_busy(path: Path, wait: float) -> StoreBusy:
    return StoreBusy(path, f"still busy after {wait:g} s (another program is writing)")


def _is_busy(exc: sqlite3.Error) -> bool:
    # Extended codes (SQLITE_BUSY_SNAPSHOT, …) keep the primary code in the low byte.
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in str(exc)


def _writable_uri(path: Path) -> str:
    # mode=rw: a database that vanished is an error, never silently created empty.
    return path.absolute().as_uri() + "?mode=rw"


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
    """Add the tables, columns and indexes a database from an older schema version (or an older version of
    the app) lacks, inside the caller's transaction, so a briefing with those fields can be written into it."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        for table, added in ADDED_TABLES.items():
            if added > version and not db[table].exists():
                create_table(db, table)
        for (table, column), added in ADDED_COLUMNS.items():
            if added > version and column not in db[table].columns_dict:
                sql_type = {str: "TEXT", int: "INTEGER", float: "REAL"}[TABLES[table][column]]
                db.execute(f"ALTER TABLE [{table}] ADD COLUMN [{column}] {sql_type}")
        for table, columns in INDEXES:  # an index on an added column
            db.table(table).create_index(columns, if_not_exists=True)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(SERIES_INDEX_SQL)  # not versioned: databases made before it existed get it here


# Keep the schema names used here in step with the schema module.
assert set(_DELETE_ORDER) | {"briefings"} == set(TABLES), "importer's delete list is out of date"
