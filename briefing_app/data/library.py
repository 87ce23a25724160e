"""The user's library: their own briefing database, made from the bundled data.db and kept up to date.

An installed app must never write into its own package, so the window and every command work on the
user's library (``briefings.db`` in the user's data folder; see :mod:`briefing_app.paths`). It is
copied from the bundled ``data.db`` the first time it is needed. A later version of the app may ship
new or corrected briefings; on the next start :func:`prepare_library` brings them in:

- a bundled briefing the library lacks is added;
- one the library received from an earlier bundle is replaced when the bundled one is newer: a
  higher ``revision`` (the briefing file's ``briefing.revision``), or the same revision with
  different content (a correction made without raising it);
- a briefing the user imported — their own, or their own version of a bundled one — is never touched.

Each briefing's origin, revision and content fingerprint are in the ``briefing_versions`` table. The
check that finds nothing to do reads two small tables with :mod:`sqlite3` and imports nothing else,
so it costs the window's start-up about a millisecond; writing happens inside one ``BEGIN IMMEDIATE``
transaction on the library itself, so a failure or a killed process leaves it as it was.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Message
from .atomic import NEW_FILE_MODE, temporary_beside
from .schema import VERSIONS_CREATE_SQL, VERSIONS_TABLE
from .store import StoreError, database_uri

#: How long bringing in a newer bundle waits for another program that is writing to the library (seconds).
_WRITE_WAIT_S = 10.0

__all__ = ["LibraryUpdate", "prepare_library", "prepare_user_library", "describe_update", "briefing_versions"]


@dataclass(frozen=True)
class LibraryUpdate:
    """What :func:`prepare_library` did."""

    path: Path
    created: bool = False
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    #: Bundled briefings with a newer revision that were left alone because the user's own version is there.
    kept: tuple[str, ...] = ()
    #: Bundled briefings that could not be brought in (e.g. a briefing file missing from the install).
    problems: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.created or bool(self.added or self.replaced)


@dataclass(frozen=True)
class _Version:
    revision: int
    sha: str
    origin: str
    file_name: str


def briefing_versions(conn: sqlite3.Connection) -> dict[str, _Version]:
    """Each briefing's recorded origin and revision (empty for a database made before they were recorded)."""
    try:
        rows = conn.execute(f"SELECT briefing_id, revision, content_sha256, origin, file_name FROM {VERSIONS_TABLE}")
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return {}
        raise
    return {row[0]: _Version(int(row[1]), str(row[2]), str(row[3]), str(row[4])) for row in rows}


def prepare_library(library: Path, bundled_db: Path, bundled_briefings: Path) -> LibraryUpdate:
    """Create the user's library from ``bundled_db`` if it does not exist, else bring in what a newer bundle ships.

    ``bundled_briefings`` is the folder of the briefing files ``bundled_db`` was built from (updates
    are written from them). Raises :class:`StoreError` naming the file when the bundled database or
    the library cannot be read, and :class:`OSError` when the library cannot be written.
    """
    library, bundled_db = Path(library), Path(bundled_db)
    if not bundled_db.is_file():
        raise StoreError(bundled_db, Message("problem.bundled_missing"))
    if not library.exists():
        if _create(library, bundled_db):
            return LibraryUpdate(library, created=True)
    return _update(library, bundled_db, Path(bundled_briefings))


def _create(library: Path, bundled_db: Path) -> bool:
    """Copy the bundled database into place as the library; False if another process made it first."""
    library.parent.mkdir(parents=True, exist_ok=True)
    with temporary_beside(library, ".creating") as tmp:
        source = sqlite3.connect(database_uri(bundled_db), uri=True)
        try:
            copy = sqlite3.connect(tmp)
            try:
                source.backup(copy)
                copy.execute(VERSIONS_CREATE_SQL)
                copy.execute(f"UPDATE {VERSIONS_TABLE} SET origin = 'bundled'")
                copy.commit()
                if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise StoreError(library, Message("problem.library_integrity"))
            finally:
                copy.close()
        except sqlite3.DatabaseError as exc:
            raise StoreError(bundled_db, Message("problem.cannot_copy", reason=str(exc))) from None
        finally:
            source.close()
        os.chmod(tmp, NEW_FILE_MODE)
        try:
            # A hard link never replaces a library another process created meanwhile.
            os.link(tmp, library)
        except FileExistsError:
            return False
        except OSError:
            if library.exists():
                return False
            os.replace(tmp, library)
        return True


def _plan(bundled: dict[str, _Version], present: set[str], mine: dict[str, _Version]
          ) -> tuple[list[str], list[str], list[str]]:
    added, replaced, kept = [], [], []
    for bid, version in bundled.items():
        if bid not in present:
            added.append(bid)
            continue
        own = mine.get(bid)
        if own is None:
            continue  # a briefing from before origins were recorded: the user's, left alone
        newer = version.revision > own.revision or (version.revision == own.revision and version.sha != own.sha)
        if not newer:
            continue
        if own.origin == "imported":
            kept.append(bid)
        else:
            replaced.append(bid)
    return added, replaced, kept


def _update(library: Path, bundled_db: Path, bundled_briefings: Path) -> LibraryUpdate:
    try:
        source = sqlite3.connect(database_uri(bundled_db), uri=True)
        try:
            bundled = briefing_versions(source)
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(bundled_db, Message("problem.read_failed", reason=str(exc))) from None
    try:
        conn = sqlite3.connect(database_uri(library), uri=True, timeout=5)
        try:
            present = {row[0] for row in conn.execute("SELECT id FROM briefings")}
            mine = briefing_versions(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(library, Message("problem.not_a_library", reason=str(exc))) from None
    added, replaced, kept = _plan(bundled, present, mine)
    if not (added or replaced):
        return LibraryUpdate(library, kept=tuple(kept))
    return _write(library, bundled, bundled_briefings, added, replaced, kept)


def _write(library: Path, bundled: dict[str, _Version], folder: Path, added: list[str], replaced: list[str],
           kept: list[str]) -> LibraryUpdate:
    # Only now: the YAML reader and sqlite-utils are not needed when there is nothing to bring in.
    import sqlite_utils

    from .briefing_file import BriefingFileError, load_briefing_file
    from .build import content_sha256, write_briefing
    from .importer import remove_briefing, upgrade_schema, write_in_one_transaction

    documents, problems = {}, []
    for bid in added + replaced:
        path = folder / bundled[bid].file_name
        try:
            document = load_briefing_file(path)
        except BriefingFileError as exc:
            problems.append(f"{path}: cannot be read ({exc.problems[0]})")
            continue
        if document.briefing["id"] != bid or content_sha256(document) != bundled[bid].sha:
            problems.append(f"{path}: differs from the bundled data.db (rebuild it with 'briefing-app build-db')")
            continue
        documents[bid] = document
    if not documents:
        return LibraryUpdate(library, kept=tuple(kept), problems=tuple(problems))

    def write(db: sqlite_utils.Database) -> None:
        upgrade_schema(db)  # a library made by an older version lacks newer columns
        for bid, document in documents.items():
            position = remove_briefing(db, bid)
            write_briefing(db, document, position, origin="bundled")

    try:
        write_in_one_transaction(library, write, wait=_WRITE_WAIT_S)
    except StoreError as exc:
        # The same kind (StoreBusy stays StoreBusy), saying what was not done.
        raise type(exc)(library, f"{exc.problem}; the library was not updated") from None
    return LibraryUpdate(library, added=tuple(b for b in added if b in documents),
                         replaced=tuple(b for b in replaced if b in documents), kept=tuple(kept),
                         problems=tuple(problems))


def prepare_user_library() -> LibraryUpdate:
    """:func:`prepare_library` for this user's library and this install's bundled briefings."""
    from .. import paths

    return prepare_library(paths.library_path(), paths.bundled_database(), paths.bundled_briefings_dir())


def describe_update(update: LibraryUpdate) -> list[str]:
    """What an update did, in sentences for the log and the command line (empty when nothing happened)."""
    lines = []
    if update.created:
        lines.append(f"created your library {update.path} from the bundled briefings")
    if update.added:
        lines.append(f"added to your library from this version of the app: {', '.join(update.added)}")
    if update.replaced:
        lines.append(f"updated in your library to this version's revision: {', '.join(update.replaced)}")
    if update.kept:
        lines.append(f"kept your own version of: {', '.join(update.kept)} (this version of the app ships a newer one)")
    lines.extend(update.problems)
    return lines
