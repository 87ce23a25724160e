"""Read a briefing database, read-only, with the standard ``sqlite3`` module.

The viewer's start-up path goes through here, so nothing heavy is imported:
no sqlite-utils, no numpy. A database is opened through a ``file:`` URI with
``mode=ro``, so reading can never write, a missing file is never created, and a
path containing ``#``, ``?``, ``%`` or spaces works.
"""

from __future__ import annotations

import json
import operator
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..i18n import Message, render
from .damage import describe_damage, first_damage
from .numbers import NumberFormatError, parse_number, to_decimal
from .periods import period_end
from .records import (
    Briefing,
    BriefingSummary,
    Check,
    CitedSource,
    DerivedValue,
    Enterprise,
    Indicator,
    Item,
    Link,
    MeasuredFigure,
    Sector,
)
from .schema import (
    ADDED_COLUMNS,
    ADDED_TABLES,
    APPLICATION_ID,
    ITEM_SECTIONS,
    NUMBER_FIELDS,
    SCHEMA_VERSION,
    SERIES_SELECT_SQL,
    TABLES,
    number_text,
    number_texts,
)

__all__ = ["choose_briefing", "BriefingStore", "StoreError", "StoreBusy", "open_store", "database_uri",
           "file_fingerprint", "file_kind", "file_kind_message"]

_SQLITE_HEADER = b"SQLite format 3\x00"
#: Databases up to this size get a full integrity check (PRAGMA quick_check) when opened.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
_TYPES = {str: ("TEXT",), int: ("INTEGER",), float: ("REAL", "FLOAT")}


class StoreError(Exception):
    """A database cannot be opened or read: which file (``path``) and what is wrong with it.

    ``message`` says the problem in any language (``message.text(lang)``; a catalogue key and its values,
    see :class:`~briefing_app.i18n.Message`); ``problem`` and ``str()`` are the English, for logs.
    :meth:`describe` is the whole line in the reader's language.
    """

    def __init__(self, path: Path | str, problem: str | Message):
        self.path = Path(path)
        self.message = problem
        # One line, whatever SQLite said (its integrity report spans lines).
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{path}: {self.problem}")

    def reason(self, lang: str) -> str:
        """What is wrong, in ``lang`` (the words after the file name), on one line."""
        return " ".join(render(self.message, lang).split())

    def describe(self, lang: str) -> str:
        """``FILE: what is wrong``, in ``lang``."""
        return f"{self.path}: {self.reason(lang)}"


class StoreBusy(StoreError):
    """Another program holds a lock on the database; try again shortly."""


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _reading(method):
    """Damaged content (a bad JSON list, a broken reference) is a StoreError that names the file."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            raise StoreError(self.path, Message("problem.damaged", detail=f"{type(exc).__name__}: {exc}")) from None
    return wrapper


def file_kind_message(mode: int) -> Message:
    """What a file that is not a regular file is ("a FIFO"), from its ``st_mode``, in any language."""
    for test, kind in ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "char"), (stat.S_ISBLK, "block"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder"), (stat.S_ISLNK, "link")):
        if test(mode):
            return Message(f"file_kind.{kind}")
    return Message("file_kind.other")


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in English words ("a FIFO"), from its ``st_mode``."""
    return file_kind_message(mode).text("en")


def file_fingerprint(path: Path | str) -> tuple | None:
    """What changes when the database changes on disk: the file's identity, size and
    modification time, and those of its write-ahead log. None when the file is missing."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError:
        return None
    try:
        wal = path.with_name(path.name + "-wal").stat()
        wal_state = (wal.st_ino, wal.st_size, wal.st_mtime_ns)
    except OSError:
        wal_state = None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, wal_state)


def database_uri(path: Path | str, immutable: bool = False) -> str:
    """A read-only ``file:`` URI for ``path`` (special characters percent-encoded)."""
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def open_store(path: Path | str, timeout: float = 5.0) -> BriefingStore:
    """Open and check a briefing database; raise :class:`StoreError` saying what is wrong.

    ``timeout`` is how long a read waits for another program's lock before
    :class:`StoreBusy` is raised; the viewer passes a few milliseconds and retries
    later so that its window never freezes.

    A writer killed mid-transaction leaves its journal beside the database, and no read-only
    connection can open it until SQLite rolls that back ("attempt to write a readonly database").
    Then the rollback is done first — SQLite's own recovery, which puts the database back exactly as
    it was before the interrupted write — so the window and every command read it as usual.
    """
    path = Path(path)
    try:
        return BriefingStore(path, timeout=timeout)
    except StoreBusy:
        raise
    except StoreError:
        if not Path(f"{path}-journal").is_file():
            raise
        from .importer import recover_interrupted_write  # rare: only after a killed writer

        recover_interrupted_write(path, wait=timeout)
        return BriefingStore(path, timeout=timeout)


class BriefingStore:
    """Read-only access to one briefing database."""

    def __init__(self, path: Path, timeout: float = 5.0):
        self.path = path
        #: Columns an older schema version lacks; they read as NULL.
        self._absent: set[tuple[str, str]] = set()
        #: Tables an older schema lacks (``schema.ADDED_TABLES``): read as empty.
        self._absent_tables: set[str] = set()
        #: Read as a fixed file (SQLite's ``immutable``): its folder cannot be written, so SQLite
        #: cannot keep the shared-memory file a WAL database needs. Changes are not followed.
        self.immutable = False
        #: Immutable, and a non-empty ``-wal`` beside it holds changes that cannot be read.
        self.unread_wal = False
        #: See :meth:`_indicator_reader`.
        self._indicator_plan: tuple[str, tuple[str, ...], Any, tuple[tuple[int, int, int], ...]] | None = None
        self._check_file()
        try:
            self._conn = sqlite3.connect(database_uri(path), uri=True, check_same_thread=False, timeout=timeout)
        except sqlite3.Error as exc:
            raise StoreError(path, Message("problem.cannot_open", reason=str(exc))) from None
        self._conn.row_factory = sqlite3.Row
        try:
            try:
                self._check_schema()
            except sqlite3.OperationalError as exc:
                if not self._cannot_share_memory(exc):
                    raise
                self._conn.close()
                self._conn = sqlite3.connect(database_uri(path, immutable=True), uri=True,
                                             check_same_thread=False, timeout=timeout)
                self._conn.row_factory = sqlite3.Row
                self.immutable = True
                try:
                    self.unread_wal = os.stat(f"{path}-wal").st_size > 0
                except OSError:
                    pass
                self._check_schema()
        except UnicodeDecodeError as exc:
            self.close()
            raise StoreError(path, Message("problem.not_utf8", reason=exc.reason)) from None
        except sqlite3.DatabaseError as exc:
            self.close()
            if _is_busy(exc):
                raise StoreBusy(path, Message("problem.locked")) from None
            raise StoreError(path, Message("problem.not_readable_db", reason=str(exc))) from None
        except StoreError:
            self.close()
            raise

    # ------------------------------------------------------------ checks
    def _cannot_share_memory(self, exc: sqlite3.Error) -> bool:
        """Whether ``exc`` is SQLite failing to create or write the ``-shm`` file of a WAL database
        whose folder cannot be written.

        As root on a read-only file system SQLite says "unable to open database file"; as a user
        without write permission, "attempt to write a readonly database" (SQLITE_READONLY_*). Either
        way nobody can write beside the file without changing the folder, so reading it as
        immutable shows exactly what is there.
        """
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(exc).lower()
        if primary not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) and \
                "unable to open" not in text and "readonly" not in text:
            return False
        return not os.access(self.path.absolute().parent, os.W_OK)

    def _check_file(self) -> None:
        path = self.path
        # The type is checked before anything is opened: opening a FIFO waits for a writer forever,
        # and a device (/dev/zero) never ends.
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise StoreError(path, Message("problem.not_found")) from None
        except OSError as exc:
            raise StoreError(path, Message("problem.unreadable", reason=exc.strerror or str(exc))) from None
        if stat.S_ISDIR(st.st_mode):
            raise StoreError(path, Message("problem.folder"))
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(path, Message("problem.not_regular", kind=file_kind_message(st.st_mode)))
        for suffix in ("-wal", "-shm", "-journal"):
            # SQLite opens these beside the database; one that is a FIFO would block it the same way.
            try:
                side = os.stat(f"{path}{suffix}")
            except OSError:
                continue
            if not stat.S_ISREG(side.st_mode):
                raise StoreError(path, Message("problem.side_file", name=f"{path.name}{suffix}",
                                                       kind=file_kind_message(side.st_mode)))
        try:
            # O_NONBLOCK: should the file become a FIFO between the stat and here, the open returns at once.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise StoreError(path, Message("problem.unreadable", reason=exc.strerror or str(exc))) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise StoreError(path, Message("problem.not_regular", kind=file_kind_message(st.st_mode)))
            header = os.read(fd, 100)
        except OSError as exc:
            raise StoreError(path, Message("problem.unreadable", reason=exc.strerror or str(exc))) from None
        finally:
            os.close(fd)
        if not header:
            raise StoreError(path, Message("problem.empty"))
        if not header.startswith(_SQLITE_HEADER):
            raise StoreError(path, Message("problem.not_sqlite"))
        if len(header) < 100:
            raise StoreError(path, Message("problem.truncated"))
        self._size = st.st_size

    def _check_schema(self) -> None:
        path = self.path
        app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise StoreError(path, Message("problem.foreign_sqlite"))
        if version > SCHEMA_VERSION:
            raise StoreError(path, Message("problem.newer_schema", version=version, supported=SCHEMA_VERSION))
        if version < 1:
            raise StoreError(path, Message("problem.no_schema_version"))
        # Damaged pages: quick_check reads every page once — a few ms for a briefing database,
        # half a second for a 280 MB one. Above QUICK_CHECK_MAX_BYTES a damaged page is reported
        # when a read reaches it ("database disk image is malformed" → StoreError) instead.
        if self._size <= QUICK_CHECK_MAX_BYTES:
            verdict = self._conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if verdict != "ok":
                raise StoreError(path, Message("problem.integrity", verdict=verdict))
        kinds = {row["name"]: row["type"] for row in
                 self._conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')")}
        for table, columns in TABLES.items():
            if table not in kinds and ADDED_TABLES.get(table, 0) > version:
                self._absent_tables.add(table)
                continue
            if table not in kinds:
                raise StoreError(path, Message("problem.table_missing", table=table))
            if kinds[table] != "table":
                raise StoreError(path, Message("problem.not_a_table", table=table, kind=kinds[table]))
            declared = {row["name"]: (row["type"] or "").upper()
                        for row in self._conn.execute(f"PRAGMA table_info([{table}])")}
            for column, kind in columns.items():
                if column not in declared and ADDED_COLUMNS.get((table, column), 0) > version:
                    self._absent.add((table, column))
                    continue
                if column not in declared:
                    raise StoreError(path, Message("problem.column_missing", column=f"{table}.{column}"))
                if declared[column] not in _TYPES[kind]:
                    raise StoreError(path, Message("problem.column_type", column=f"{table}.{column}",
                                                          declared=declared[column] or "untyped",
                                                          expected=_TYPES[kind][0]))

    def connection(self) -> sqlite3.Connection:
        """The read-only connection, for data-layer modules with their own queries (search)."""
        return self._conn

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def read_transaction(self) -> Iterator[None]:
        """Read several tables as one consistent state, even while another program commits."""
        try:
            self._conn.execute("BEGIN")
        except sqlite3.Error as exc:
            if _is_busy(exc):
                raise StoreBusy(self.path, Message("problem.locked")) from None
            raise StoreError(self.path, Message("problem.read_failed", reason=str(exc))) from None
        try:
            yield
        finally:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                pass

    def __enter__(self) -> BriefingStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _rows(self, sql: str, params: tuple = ()) -> Iterator[sqlite3.Row]:
        with self._reading_errors():
            # A loop, not ``yield from``: a read abandoned half-way (a damaged row) would otherwise close
            # the cursor when the generator is collected, perhaps after the connection, and raise there.
            for row in self._conn.execute(sql, params):  # noqa: UP028 - see above
                yield row

    def _tuples(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        """Like :meth:`_rows`, as plain tuples (read by position; faster to build and to index)."""
        with self._reading_errors():
            cursor = self._conn.cursor()
            cursor.row_factory = None
            for row in cursor.execute(sql, params):  # noqa: UP028 - as in _rows
                yield row

    @contextmanager
    def _reading_errors(self) -> Iterator[None]:
        """SQLite's and the decoder's errors while reading, as a StoreError (or StoreBusy) naming the file."""
        try:
            yield
        except UnicodeDecodeError as exc:
            raise StoreError(self.path, Message("problem.not_utf8", reason=exc.reason)) from None
        except sqlite3.Error as exc:
            if _is_busy(exc):
                raise StoreBusy(self.path, Message("problem.locked")) from None
            raise StoreError(self.path, Message("problem.read_failed", reason=str(exc))) from None

    def _check_rows(self, table: str, briefing_id: str | None) -> None:
        """Refuse the read if a row of ``table`` (of the briefing) holds a damaged value: a wrong type,
        a word where a number belongs, a reference to nothing or to itself."""
        with self._reading_errors():
            problem = first_damage(self._conn, table, briefing_id,
                                   absent={c for t, c in self._absent if t == table})
        if problem is not None:
            raise StoreError(self.path, Message("problem.damaged", detail=problem))

    # ------------------------------------------------------------ reads
    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: changes when another connection commits."""
        return next(self._rows("PRAGMA data_version"))[0]

    def briefing_summaries(self) -> list[BriefingSummary]:
        """Every briefing's id, title and period, newest period first — without reading the articles."""
        rows = self._rows("SELECT id, position, title_vi, title_en, period_vi, period_en, period_start, period_end "
                          "FROM briefings ORDER BY position, id")
        return [BriefingSummary(*row[:6]) for row in newest_first(list(rows))]

    @_reading
    def briefings(self) -> list[Briefing]:
        """Every briefing in full, newest period first (as :meth:`briefing_summaries`)."""
        self._check_rows("briefings", None)
        return [self._briefing(row) for row in newest_first(list(self._rows(
            "SELECT * FROM briefings ORDER BY position, id")))]

    @_reading
    def briefing(self, briefing_id: str) -> Briefing:
        self._check_rows("briefings", briefing_id)
        for row in self._rows("SELECT * FROM briefings WHERE id = ?", (briefing_id,)):
            return self._briefing(row)
        raise StoreError(self.path, Message("problem.no_briefing", briefing=briefing_id))

    @staticmethod
    def _briefing(row: sqlite3.Row) -> Briefing:
        data = dict(row)
        data["attendees"] = tuple(json.loads(data["attendees"] or "[]"))
        data["source_authors"] = tuple(json.loads(data["source_authors"] or "[]"))
        return Briefing(**data)

    def sectors(self, briefing_id: str) -> list[Sector]:
        self._check_rows("sectors", briefing_id)
        return [Sector(r["id"], r["key"], r["position"], r["name_vi"], r["name_en"]) for r in
                self._rows("SELECT * FROM sectors WHERE briefing_id = ? ORDER BY position", (briefing_id,))]

    def enterprises(self, briefing_id: str) -> list[Enterprise]:
        self._check_rows("enterprises", briefing_id)
        return [Enterprise(r["id"], r["key"], r["position"], r["name_vi"], r["name_en"], r["short_name"]) for r in
                self._rows("SELECT * FROM enterprises WHERE briefing_id = ? ORDER BY position", (briefing_id,))]

    @_reading
    def indicators(self, briefing_id: str) -> list[Indicator]:
        self._check_rows("indicators", briefing_id)
        select, columns, fields, numbers = self._indicator_reader()
        record = Indicator._make
        out = []
        # Plain tuples read by position: named look-ups in a ``sqlite3.Row`` scan its columns, and on
        # 100,000 rows of 33 columns that was most of the read.
        for row in self._tuples(f"SELECT {select} FROM indicators WHERE briefing_id = ? ORDER BY position",
                                (briefing_id,)):
            values = list(fields(row))
            try:
                for field, real, text in numbers:
                    if row[text] is not None:
                        values[field] = parse_number(row[text], "vi")
                    elif row[real] is not None:
                        values[field] = to_decimal(row[real])
            except NumberFormatError:
                # Rare, so the column is found again here rather than tracked on every row.
                for _field, _real, text in numbers:
                    if row[text] is not None:
                        self._number("indicators", row[0], columns[text], row[text])
                raise
            out.append(record(values))
        return out

    @_reading
    def named_measures(self) -> set[str]:
        """The measure ids at least one figure names, across all briefings; none in a database older than schema 3.
        One query over the measure index: which series can have points at all, without building any."""
        if ("indicators", "measure") in self._absent:
            return set()
        return {row[0] for row in self._tuples("SELECT DISTINCT measure FROM indicators WHERE measure IS NOT NULL")}

    @_reading
    def measured_figures(self, measure: str) -> list[MeasuredFigure]:
        """Every figure that names ``measure``, across all briefings, in briefing and source order; none in a
        database older than schema 3 (it has no measures). One indexed query of the few columns a series
        needs: reading whole rows (sentences and all) took half the time of ``series`` on 200 briefings."""
        if ("indicators", "measure") in self._absent:
            return []
        out = []
        # Each stated number is parsed from its text (a damaged one is refused by ``_number``); the whole-briefing
        # damage check is left out: on 200 briefings it would read every figure to show a handful.
        with self._reading_errors():  # fetched at once: a generator's step per row cost a fifth of the read
            cursor = self._conn.cursor()
            cursor.row_factory = None
            rows = cursor.execute(SERIES_SELECT_SQL, (measure,)).fetchall()

        def number(rowid: int, column: str, real: float | None, text: str | None) -> Decimal | None:
            if text is not None:
                return self._number("indicators", rowid, column, text)
            return to_decimal(real) if real is not None else None

        for row in rows:
            out.append(MeasuredFigure(row[1], row[2], number(row[0], "value_text", row[3], row[4]), row[4], row[5],
                                      row[6], row[7], number(row[0], "change_pct_text", row[8], row[9]), row[10],
                                      number(row[0], "same_period_pct_text", row[11], row[12]), row[13]))
        return out

    @_reading
    def briefing_periods(self) -> dict[str, tuple[str, str | None, str | None, str | None]]:
        """{briefing id: (period_vi, period_en, period_start, period_end)} for every briefing (no article text)."""
        self._check_rows("briefings", None)
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in self._tuples(
            "SELECT id, period_vi, period_en, period_start, period_end FROM briefings ORDER BY position")}

    def _indicator_reader(self) -> tuple[str, tuple[str, ...], Any, tuple[tuple[int, int, int], ...]]:
        """How indicator rows become records, worked out once per store from ``schema.TABLES``.

        Returns the SELECT list (every column but ``briefing_id``, in the table's order; ``NULL`` for one
        an older schema lacks), those column names, a getter that picks the record's fields out of a row
        by position, and for each stated number (its place in the record, its REAL column, its text column).
        A column the record does not hold is read and left out, so a new column only needs the record to
        grow a field to be shown.
        """
        if self._indicator_plan is None:
            columns = tuple(c for c in TABLES["indicators"] if c != "briefing_id")
            select = ", ".join(f"NULL AS [{c}]" if ("indicators", c) in self._absent else f"[{c}]"
                               for c in columns)
            at = {c: i for i, c in enumerate(columns)}
            fields = Indicator._fields
            getter = operator.itemgetter(*(at[f] for f in fields))
            numbers = tuple((fields.index(n), at[n], at[number_text(n)])
                            for n in NUMBER_FIELDS["indicators"] if n in fields)
            self._indicator_plan = (select, columns, getter, numbers)
        return self._indicator_plan

    def items(self, section: str, briefing_id: str) -> list[Item]:
        """Achievements, limitations or directives of a briefing, in the source's order."""
        if section not in ITEM_SECTIONS:
            raise ValueError(f"not an item section: {section}")
        self._check_rows(section, briefing_id)
        return [self._item(section, r) for r in
                self._rows(f"SELECT * FROM {section} WHERE briefing_id = ? ORDER BY position", (briefing_id,))]

    @staticmethod
    def _item(section: str, r: sqlite3.Row) -> Item:
        cited = r["cited"] if "cited" in r.keys() else None  # a Row answers keys(), not "in"
        locator = r["locator"] if "locator" in r.keys() else None
        return Item(section, r["id"], r["key"], r["position"], r["sector_id"], r["title_vi"], r["title_en"],
                    r["source_text"], r["source_offset"], r["number"] if section == "directives" else None,
                    cited, locator)

    @_reading
    def cited_sources(self, briefing_id: str) -> list[CitedSource]:
        """The articles a briefing cited by reference names, in the file's order (none for a briefing that
        holds its article, or in a database older than schema 4)."""
        if "cited_sources" in self._absent_tables:
            return []
        self._check_rows("cited_sources", briefing_id)
        return [CitedSource(r["key"], r["position"], r["title"], r["publisher_vi"], r["publisher_en"], r["url"],
                            r["published_at"], r["note_vi"], r["note_en"]) for r in
                self._rows("SELECT * FROM cited_sources WHERE briefing_id = ? ORDER BY position", (briefing_id,))]

    @_reading
    def links(self, briefing_id: str) -> list[Link]:
        self._check_rows("links", briefing_id)
        return [Link(r["from_section"], r["from_id"], r["to_section"], r["to_id"], r["relation"]) for r in
                self._rows("SELECT * FROM links WHERE briefing_id = ? ORDER BY id", (briefing_id,))]

    @_reading
    def derived_values(self, briefing_id: str) -> list[DerivedValue]:
        self._check_rows("derived_values", briefing_id)
        return [DerivedValue(r["id"], r["indicator_id"], r["kind"], to_decimal(r["value"]), r["unit_vi"], r["unit_en"],
                             r["formula"], r["label_vi"], r["label_en"]) for r in
                self._rows("SELECT * FROM derived_values WHERE briefing_id = ? ORDER BY id", (briefing_id,))]

    @_reading
    def checks(self, briefing_id: str) -> list[Check]:
        self._check_rows("checks", briefing_id)
        out = []
        for r in self._rows("SELECT * FROM checks WHERE briefing_id = ? ORDER BY id", (briefing_id,)):
            items = tuple((ref.split(":")[0], int(ref.split(":")[1])) for ref in json.loads(r["items"] or "[]"))
            out.append(Check(r["id"], r["key"], r["kind"], r["status"], r["indicator_id"], r["what_vi"], r["what_en"],
                             r["expected"], r["stated"], items))
        return out

    def table_rows(self, table: str, briefing_id: str | None = None) -> list[dict[str, Any]]:
        """Every column of a table's rows as plain dicts (for export)."""
        if table not in TABLES:
            raise ValueError(f"unknown table: {table}")
        if table in self._absent_tables:
            return []
        self._check_rows(table, briefing_id)
        if briefing_id is None:
            rows = [dict(r) for r in self._rows(f"SELECT rowid AS [__row], * FROM [{table}] ORDER BY rowid")]
        else:
            column = "id" if table == "briefings" else "briefing_id"
            rows = [dict(r) for r in self._rows(
                f"SELECT rowid AS [__row], * FROM [{table}] WHERE {column} = ? ORDER BY rowid", (briefing_id,))]
        texts = number_texts(table)
        for row in rows:
            rowid = row.pop("__row")
            for name in texts:
                if row.get(name) is not None:
                    self._number(table, rowid, name, row[name])
        return rows

    def _number(self, table: str, rowid: int, column: str, text: str) -> Decimal:
        """A stated number text parsed; one that does not parse is a damaged value."""
        try:
            return parse_number(text, "vi")
        except NumberFormatError:
            damage = describe_damage(table, rowid, column, text)
            raise StoreError(self.path, Message("problem.damaged", detail=damage)) from None


def newest_first(rows: list[sqlite3.Row]) -> list[sqlite3.Row]:
    """Briefing rows (with ``period_start``, ``period_end``) in the order every list of briefings shows:
    the latest period end first (:func:`.periods.period_end`, so ``2017-H1`` sorts as 30 June); briefings
    ending together, or without a period, keep the order given (the database's); those without any
    period date last."""
    def end(row: sqlite3.Row) -> str:
        return period_end(row["period_end"]) or period_end(row["period_start"]) or ""

    return sorted(rows, key=end, reverse=True)  # stable: equal ends keep their order


def choose_briefing(store: BriefingStore, requested: str | None = None, keep: str | None = None) -> str:
    """Which briefing of ``store`` to read: the one ``requested`` (which must be there), else the one
    shown before (``keep``) while it is still there, else the newest by period (the first of
    :meth:`BriefingStore.briefing_summaries`).

    Raises :class:`StoreError` when the database holds no briefing or not the one requested (naming those it has).
    """
    ids = [b.id for b in store.briefing_summaries()]
    if not ids:
        raise StoreError(store.path, Message("problem.holds_no_briefing"))
    if requested is not None:
        if requested not in ids:
            raise StoreError(store.path, Message("problem.no_briefing_of", briefing=requested, ids=", ".join(ids)))
        return requested
    return keep if keep in ids else ids[0]

