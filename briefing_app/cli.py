"""The ``briefing-app`` command line. With no subcommand it opens the desktop window.

Imports are deferred to the subcommand that needs them, so opening the window
never pays for sqlite-utils and printing help never pays for Qt.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from .data.store import BriefingStore

__all__ = ["main"]

SUBCOMMANDS = ("build-db", "import", "validate", "schema", "draft", "export", "search", "series", "compare", "print",
               "desktop", "gui")


def _fail(message: str, code: int = 1) -> int:
    from .logs import logger

    logger.error("%s", message)
    print(f"briefing-app: error: {message}", file=sys.stderr)
    return code


#: The language of the command's messages: ``--lang``, else the environment's (see :func:`_choose_language`).
_lang = "en"


def _choose_language(args: argparse.Namespace | None) -> str:
    """``--lang`` when given, else ``LC_ALL``/``LC_MESSAGES``/``LANG`` (``vi_VN.UTF-8`` → Vietnamese)."""
    from .i18n import environment_language

    return getattr(args, "lang", None) or environment_language()


def _said(exc: BaseException) -> str:
    """A data-layer error in the command's language: a :class:`StoreError` says its file and problem
    (``describe``); other errors are English."""
    describe = getattr(exc, "describe", None)
    return describe(_lang) if callable(describe) else str(exc)


def _counted(key: str, n: int, lang: str = "en") -> str:
    """``1 problem`` / ``200,000 problems``: a count from the text catalogue (the command line's English
    unless ``lang`` says otherwise)."""
    from .i18n import tr_n

    return tr_n(key, n, lang)


def _write_failed(path: Path | str, exc: OSError) -> int:
    """A file the command could not write, or refuses to (:class:`OutputError`): one line saying why."""
    from .data.atomic import OutputError, describe_write_error

    if isinstance(exc, OutputError):  # its reason already says that nothing was written
        return _fail(describe_write_error(path, exc, _lang))
    from .i18n import tr

    return _fail(tr("cli.not_written", _lang, problem=describe_write_error(path, exc, _lang)))


def _fail_with_problems(exc, unchanged: Path) -> int:
    """Every problem of the briefing files on its own line, then the summary, in the command's language."""
    from .i18n import tr

    for problem in exc.problems:
        print(problem.text(_lang), file=sys.stderr)
    return _fail(tr("cli.problems_found", _lang, found=_counted("count.problems", exc.count, _lang), path=unchanged))


def _database(chosen: Path | None, writing: bool = False) -> Path:
    """The database a command works on: ``--db``, else ``$BRIEFING_DB``, else the user's library.

    The library is created from the bundled data.db, or receives what a newer version of the app
    ships, first. When it cannot be (a read-only home folder), reading commands read the bundled
    data.db instead, saying so; ``writing`` commands fail with the reason (:class:`_Stop`).
    """
    import os

    if chosen is not None:
        return chosen
    if os.environ.get("BRIEFING_DB"):
        return Path(os.environ["BRIEFING_DB"])
    from .data.library import describe_update, prepare_user_library
    from .data.store import StoreError
    from .logs import logger
    from .paths import bundled_database, library_path

    try:
        update = prepare_user_library()
    except (StoreError, OSError) as exc:
        reason = _said(exc) if isinstance(exc, StoreError) else \
            f"{library_path()}: cannot write ({exc.strerror or exc})"
        if writing:
            raise _Stop(f"{reason}; give a database with --db") from None
        logger.warning("library unavailable, reading the bundled briefings: %s", reason)
        print(f"briefing-app: warning: {reason}; reading the bundled briefings instead", file=sys.stderr)
        return bundled_database()
    for line in describe_update(update):
        logger.info("%s", line)
    if update.added or update.replaced or update.kept or update.problems:
        # An upgrade changed (or could not change) what the user has: say so. A first start is quiet.
        for line in describe_update(update):
            print(f"briefing-app: {line}", file=sys.stderr)
    return update.path


#: How long a reading command waits while another program holds the database (seconds).
READ_WAIT_S = 10.0
_FIRST_TRY_S = 0.25


@contextmanager
def _reading_store(path: Path) -> Iterator[BriefingStore]:
    """``open_store`` for a command that reads: a quick try; while another program holds the database,
    a note (once) and a wait of up to :data:`READ_WAIT_S`, then :class:`StoreBusy` saying so."""
    import time

    from .data.store import StoreBusy, open_store
    from .i18n import Message

    still_busy = StoreBusy(path, Message("problem.still_busy", seconds=f"{READ_WAIT_S:g}"))
    started = time.monotonic()
    try:
        store = open_store(path, timeout=min(_FIRST_TRY_S, READ_WAIT_S))
    except StoreBusy:
        store = None
    if store is None:
        print(f"briefing-app: another program is writing to {path}; waiting (up to {READ_WAIT_S:g} s)…",
              file=sys.stderr, flush=True)
        remaining = READ_WAIT_S - (time.monotonic() - started)
        if remaining <= 0:
            raise still_busy from None
        try:
            store = open_store(path, timeout=remaining)
        except StoreBusy:
            raise still_busy from None
    # Reads after the opening wait as long, without another note.
    store.connection().execute(f"PRAGMA busy_timeout = {int(READ_WAIT_S * 1000)}")
    try:
        yield store
    except StoreBusy:
        raise still_busy from None
    finally:
        store.close()


class _Stop(Exception):
    """A command cannot go on; the message says why (printed as one line, exit status 1)."""


def _gui_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing-app",
        description="Briefing Viewer. Without a subcommand, opens the desktop window on DATABASE "
                    "(default: your library, made from the bundled briefings). Subcommands: "
                    + ", ".join(SUBCOMMANDS[:-1]) +
                    " (see 'briefing-app SUBCOMMAND --help').",
    )
    parser.add_argument("database", nargs="?", type=Path,
                        help="a briefing database (.db) to open, an article (.txt) to draft a briefing from and "
                             "review in the window, or a draft a review saved (.yaml) to go on reviewing")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language (default: the system's)")
    parser.add_argument("--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR"),
                        help="how much to write to the log file (any subcommand accepts it too)")
    return parser


def _commands_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="briefing-app")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build-db", help="validate briefing files and build a database",
                           description="Validate briefing files (YAML) and build a briefing database. "
                                       "The database is written beside the target and swapped in when complete.")
    build.add_argument("sources", nargs="*", type=Path,
                       help="briefing files (default: every file in resources/briefings/)")
    build.add_argument("-o", "--output", type=Path,
                       help="database to write (required when installed; in a source checkout, default: its data.db)")

    importing = sub.add_parser("import", help="add a briefing file to a database, all or nothing",
                               description="Validate a briefing file (as build-db does) and add its briefing to a "
                                           "database. The database is changed only if everything succeeds.")
    importing.add_argument("file", type=Path, help="the briefing file (YAML)")
    importing.add_argument("--db", type=Path, help="database to add to (default: your library)")
    importing.add_argument("--replace", action="store_true",
                           help="replace a briefing with the same id (otherwise that is an error)")

    validating = sub.add_parser("validate", help="check briefing files as import does, writing nothing",
                                description="Check briefing files (YAML) with the same checks as build-db and "
                                            "import, without writing anything. Every problem is listed as "
                                            "file:line:column: field: message; the exit status is 1 if any.")
    validating.add_argument("files", nargs="+", type=Path, metavar="FILE", help="briefing files (YAML)")

    schema = sub.add_parser("schema", help="print the JSON Schema of the briefing file format, for YAML editors",
                            description="Print the JSON Schema (draft 2020-12) of briefing files, for an editor's "
                                        "completion and checks: save it and put '# yaml-language-server: "
                                        "$schema=briefing.schema.json' at the top of a briefing file. The editor's "
                                        "checks are a help; 'briefing-app validate' also checks every source "
                                        "against its article.")
    schema.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    drafting = sub.add_parser("draft", help="draft a briefing file from an article, for a person to check",
                              description="Read a Vietnamese article (UTF-8 text) and draft a briefing file: every "
                                          "stated figure with its unit, qualifier and comparisons, the meeting, the "
                                          "numbered directives, candidate achievements and limitations. Fields the "
                                          "rules are unsure of carry a '# check:' comment, guessed sectors a "
                                          "'# guess:'. Keep the draft beside the article: it names the article by "
                                          "its file name, and 'briefing-app validate' reads it from there.")
    drafting.add_argument("article", type=Path, help="the article, a UTF-8 text file")
    drafting.add_argument("-o", "--output", type=Path,
                          help="the briefing file to write ('-' for standard output; default: ARTICLE's name with "
                               ".draft.yaml, beside it)")
    drafting.add_argument("--id", help="the briefing's id (default: from the article's file name)")

    export = sub.add_parser("export", help="print or write a briefing's data as JSON, CSV or XLSX",
                            description="Export a briefing. Reads the database read-only; never changes it. "
                                        "XLSX writes every section, one sheet each, with names, numbers as "
                                        "numbers and the sheet names and headers in --lang.")
    export.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    export.add_argument("--section", help="for CSV: the section to write (e.g. indicators)")
    export.add_argument("--lang", choices=("vi", "en"),
                        help="language of the messages and, for XLSX, of the sheet names, headers and names "
                             "(default: messages follow LC_ALL, LC_MESSAGES or LANG; sheets are Vietnamese)")
    export.add_argument("--db", type=Path, help="database to read (default: your library)")
    export.add_argument("--briefing", help="briefing id (default: the newest by period)")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    search = sub.add_parser("search", help="search a briefing database, tone marks optional",
                            description="Full-text search: 'dien thoai' finds 'điện thoại'; the last word "
                                        "matches as a prefix; 213355 finds 213.355. Reads the database read-only.")
    search.add_argument("query", help="words to find (quote them as one argument)")
    search.add_argument("--json", action="store_true", help="print a JSON list of results")
    search.add_argument("--db", type=Path, help="database to read (default: your library)")
    search.add_argument("--briefing", help="search one briefing only (default: all)")
    search.add_argument("--limit", type=int, default=50, help="at most this many results (default: 50)")

    series = sub.add_parser("series", help="one measure over time: stated and implied values, and conflicts",
                            description="Every value of MEASURE (an id of resources/measures.yaml) in the "
                                        "database, in the measure's unit and ordered by period end; values the "
                                        "briefings' comparisons imply; and where stated and implied values "
                                        "disagree beyond what their precision and qualifiers allow. Reads the "
                                        "database read-only.")
    series.add_argument("measure", help="the measure's id, e.g. telecom.subscribers.mobile")
    series.add_argument("--db", type=Path, help="database to read (default: your library)")
    series.add_argument("--json", action="store_true", help="print the series as JSON")

    compare = sub.add_parser("compare", help="two briefings side by side: figures, directives, limitations",
                             description="Compare briefing A with briefing B: each measure's values with the change "
                                         "computed (B against A) and the change the newer briefing states; figures "
                                         "that look alike but measure different things, or amounts over periods of "
                                         "different length, marked not comparable; and the directives and "
                                         "limitations that continue, are new or were dropped. Reads the database "
                                         "read-only.")
    compare.add_argument("a", help="briefing id A")
    compare.add_argument("b", help="briefing id B")
    compare.add_argument("--db", type=Path, help="database to read (default: your library)")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")

    printing = sub.add_parser("print", help="write the briefing pack (summary) as a PDF, without a display",
                              description="Lay out the briefing pack and write it as a PDF. The PDF is written "
                                          "beside the target, checked, and moved into place; nothing is left "
                                          "behind when the file cannot be written.")
    printing.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    printing.add_argument("--sections", help="comma-separated: overview,indicators,achievements,limitations,"
                                             "directives,enterprises,sources (default: all)")
    printing.add_argument("--lang", choices=("vi", "en"),
                          help="language of the pack and of the messages (default: vi for the pack, "
                               "the environment's LANG for the messages)")
    printing.add_argument("--page-size", choices=("A4", "A3", "Letter"), default="A4")
    printing.add_argument("--orientation", choices=("portrait", "landscape"), default="portrait")
    printing.add_argument("--db", type=Path, help="database to read (default: your library)")
    printing.add_argument("--briefing", help="briefing id (default: the newest by period)")
    printing.add_argument("--compare-with", metavar="ID",
                          help="add a section comparing the briefing with briefing ID (figures, directives)")

    desktop = sub.add_parser("desktop", help="add Briefing Viewer to the desktop's menu, or remove it (Linux)",
                             description="Install or uninstall the menu entry (.desktop file) and the icon in "
                                         "your XDG data folder ($XDG_DATA_HOME, default ~/.local/share). "
                                         "The entry runs this installation's briefing-app command. "
                                         "Uninstall removes only the files install wrote.")
    desktop.add_argument("action", choices=("install", "uninstall"))

    for command in (build, importing, validating, search, series, compare):
        command.add_argument("--lang", choices=("vi", "en"),
                             help="language of the messages (default: the environment's LC_ALL, LC_MESSAGES or LANG)")

    gui = sub.add_parser("gui", help="open the desktop window")
    gui.add_argument("database", nargs="?", type=Path)
    gui.add_argument("--lang", choices=("vi", "en"))
    return parser


def _build_db(args: argparse.Namespace) -> int:
    from .data.atomic import OutputError
    from .data.briefing_file import BriefingFileError
    from .data.build import build_database, default_sources
    from .paths import bundled_briefings_dir, bundled_database, layout

    if args.output is None and layout() != "checkout":
        return _fail("give the database to write with -o (the bundled data.db of an installed app is never "
                     "written; to add a briefing to your library, use 'briefing-app import FILE')", 2)
    sources = args.sources or default_sources(bundled_briefings_dir().parent)
    output = args.output or bundled_database()
    if output.is_dir():
        return _fail(f"{output}: is a folder; give a database file name")
    if not output.parent.is_dir() and str(output.parent):
        return _fail(f"{output}: folder {output.parent} does not exist")
    try:
        result = build_database(sources, output)
    except BriefingFileError as exc:
        return _fail_with_problems(exc, output)
    except OutputError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{output}: cannot write ({exc.strerror or exc}); nothing was changed")
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    print(f"Built {result.path} from {_counted('count.briefing_files', result.briefings)}: {counts}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .data import importer
    from .data.briefing_file import BriefingFileError
    from .data.importer import import_briefing
    from .data.store import StoreError

    try:
        target = _database(args.db, writing=True)
    except _Stop as exc:
        return _fail(str(exc))

    def say_waiting() -> None:
        print(f"briefing-app: another program is writing to {target}; waiting (up to {importer.WRITE_WAIT_S:g} s)…",
              file=sys.stderr, flush=True)
    try:
        result = import_briefing(args.file, target, replace=args.replace, on_wait=say_waiting)
    except BriefingFileError as exc:
        return _fail_with_problems(exc, target)
    except StoreError as exc:
        from .i18n import tr

        return _fail(tr("cli.nothing_changed", _lang, problem=_said(exc)))
    except OSError as exc:
        return _fail(f"{target}: cannot write ({exc.strerror or exc}); nothing was changed")
    verb = "Replaced" if result.replaced else "Added"
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    print(f"{verb} briefing {result.briefing_id!r} in {target}: {counts}.")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .data.briefing_file import BriefingFileError, Problem, load_briefing_file
    from .i18n import Message, tr

    problems: list[Problem] = []
    failed = 0
    seen: dict[str, Path] = {}
    for path in args.files:
        try:
            document = load_briefing_file(path)
        except BriefingFileError as exc:
            problems.extend(exc.problems)
            failed += 1
            continue
        # Files that are built together must not share a briefing id (build-db refuses that too).
        bid = document.briefing["id"]
        if bid in seen:
            problems.append(Problem(str(path), None, None, "briefing.id",
                                    Message("file_problem.duplicate_id", briefing=bid, other=str(seen[bid]))))
            failed += 1
            continue
        seen[bid] = path
        counts = {"indicators": len(document.indicators), "achievements": len(document.achievements),
                  "limitations": len(document.limitations), "directives": len(document.directives),
                  "enterprises": len(document.enterprises)}
        print(f"{path}: valid — " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    if not problems:
        return 0
    for problem in problems:
        print(problem.text(_lang), file=sys.stderr)
    found = _counted("count.problems", BriefingFileError(problems).count, _lang)
    return _fail(tr("cli.problems_in_files", _lang, found=found, failed=failed,
                    files=_counted("count.files", len(args.files), _lang)))


def _schema(args: argparse.Namespace) -> int:
    import json

    from .data.atomic import write_text_atomically
    from .data.briefing_format import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        try:
            write_text_atomically(args.output, text)
        except OSError as exc:  # OutputError too: a refused output
            return _write_failed(args.output, exc)
        return 0
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _draft(args: argparse.Namespace) -> int:
    from .data.draft_file import DraftFileError, default_draft_path, write_draft

    output = args.output or default_draft_path(args.article)
    try:
        written = write_draft(args.article, None if str(output) == "-" else output, args.id)
    except DraftFileError as exc:
        return _fail(str(exc))
    except OSError as exc:  # OutputError too: a refused output
        return _write_failed(output, exc)
    if written.path is None:
        sys.stdout.buffer.write(written.text.encode("utf-8"))
        sys.stdout.flush()
    else:
        print(f"Wrote {written.path}: {written.summary}.")
    for note in written.notes:
        print(f"briefing-app: {note}", file=sys.stderr)
    return 0


def _chosen_briefing(store: BriefingStore, requested: str | None) -> str:
    """``store.choose_briefing`` for a command with ``--briefing``: when the database holds several and
    none was asked for, say on stderr which one is used (the newest by period) and how to choose."""
    from .data.store import choose_briefing

    chosen = choose_briefing(store, requested)
    summaries = store.briefing_summaries()
    if requested is None and len(summaries) > 1:
        period = next(b for b in summaries if b.id == chosen).period("en")
        if period[1:2].islower():  # "First half of 2019" reads "first half of 2019" mid-sentence, "H1 2019" stays
            period = period[0].lower() + period[1:]
        print(f"briefing-app: several briefings; using the newest, {chosen} ({period}); choose one with --briefing",
              file=sys.stderr)
    return chosen


def _export(args: argparse.Namespace) -> int:
    import json

    from .data.atomic import OutputError, check_output, database_files, write_text_atomically
    from .data.export import export_csv, export_json
    from .data.store import StoreError

    path = _database(args.db)
    if args.format == "csv" and not args.section:
        return _fail("--format csv needs --section (e.g. --section indicators)", 2)
    if args.format == "xlsx":
        return _export_xlsx(args, path)
    inputs = database_files(path)
    if args.output:
        try:
            check_output(args.output, inputs)  # before reading, so a refused output is what is said
        except OutputError as exc:
            return _fail(str(exc))
        except OSError:
            pass  # a missing or unusable folder: said when the file is written, as before
    try:
        with _reading_store(path) as store:
            briefing = _chosen_briefing(store, args.briefing)
            if args.format == "json":
                text = json.dumps(export_json(store, briefing), ensure_ascii=False, indent=2) + "\n"
            else:
                text = export_csv(store, args.section, briefing)
    except StoreError as exc:
        return _fail(_said(exc))
    except ValueError as exc:
        return _fail(str(exc), 2)
    bom = "\ufeff" if args.format == "csv" else ""
    if args.output:
        try:
            write_text_atomically(args.output, bom + text, inputs=inputs)
        except OSError as exc:  # OutputError too: a refused output
            return _write_failed(args.output, exc)
        return 0
    if bom:
        sys.stdout.buffer.write((bom + text).encode("utf-8"))
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _export_xlsx(args: argparse.Namespace, path: Path) -> int:
    """``export --format xlsx -o FILE``: every section of one briefing, one sheet each, written atomically."""
    from .data.atomic import OutputError, check_output, database_files, write_atomically
    from .data.snapshot import load_snapshot
    from .data.spreadsheet import briefing_sheets, workbook_bytes
    from .data.store import StoreError

    if not args.output:
        return _fail("--format xlsx needs a file to write: -o FILE.xlsx", 2)
    inputs = database_files(path)
    try:
        check_output(args.output, inputs)  # before reading, so a refused output is what is said
    except OutputError as exc:
        return _fail(str(exc))
    except OSError:
        pass  # a missing or unusable folder: said when the file is written
    try:
        with _reading_store(path) as store:
            snapshot = load_snapshot(store, _chosen_briefing(store, args.briefing))
    except StoreError as exc:
        return _fail(_said(exc))
    except ValueError as exc:
        return _fail(str(exc), 2)
    sheets_lang = args.lang or "vi"  # like the printed pack: Vietnamese unless asked
    data = workbook_bytes(briefing_sheets(snapshot, sheets_lang), sheets_lang, snapshot.briefing.title(sheets_lang))
    try:
        write_atomically(args.output, data, inputs=inputs)
    except OSError as exc:  # OutputError too: a refused output
        return _write_failed(args.output, exc)
    return 0


def _search(args: argparse.Namespace) -> int:
    from .data.search import search
    from .data.store import StoreError

    path = _database(args.db)
    if args.limit < 1:
        return _fail("--limit must be at least 1", 2)
    try:
        with _reading_store(path) as store:
            results = search(store, args.query, args.briefing, args.limit)
    except StoreError as exc:
        return _fail(_said(exc))
    if args.json:
        import json

        text = json.dumps([{"section": r.section, "id": r.item_id, "briefing": r.briefing_id, "title": r.title,
                            "snippet": r.snippet, "highlights": [list(span) for span in r.highlights]}
                           for r in results], ensure_ascii=False, indent=2) + "\n"
    else:
        from .data.text import shown

        # One result per line, tab-separated: text from the database must not break the columns,
        # nor reorder them on a terminal (bidi controls are shown as marks, as in the window).
        def cell(text: str) -> str:
            return shown(" ".join(text.split()))

        text = "".join(f"{r.section}\t{cell(r.briefing_id)}\t{cell(r.title)}\t{cell(r.snippet)}\n"
                       for r in results)
        if not results:
            print("briefing-app: no results", file=sys.stderr)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _print(args: argparse.Namespace) -> int:
    import os

    from .data.atomic import OutputError, check_output, database_files
    from .data.measures import MeasureCatalogueError
    from .data.snapshot import load_snapshot
    from .data.store import StoreError
    from .report.options import SECTIONS, ReportOptions, parse_sections

    try:
        sections = parse_sections(args.sections) if args.sections else SECTIONS
        options = ReportOptions(sections=sections, lang=args.lang or "vi", page_size=args.page_size,
                                orientation=args.orientation)
    except ValueError as exc:
        return _fail(str(exc), 2)
    path = _database(args.db)
    inputs = database_files(path)
    try:
        check_output(args.output, inputs)  # before the painting, which takes a while
    except OutputError as exc:
        return _fail(str(exc))
    except OSError:
        pass  # a missing or unusable folder: said when the file is written, as before
    try:
        with _reading_store(path) as store:
            snapshot = load_snapshot(store, _chosen_briefing(store, args.briefing))
            if args.compare_with is not None:
                from .data.compare import compare_briefings

                options = options.with_changes(
                    compare_with=compare_briefings(store, snapshot.briefing.id, args.compare_with))
    except (StoreError, MeasureCatalogueError) as exc:
        return _fail(_said(exc))
    # Printing needs fonts, not a screen: without a display, Qt's offscreen platform does the work.
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from .report import PackInfo, ReportError, write_pdf

    app = QGuiApplication.instance() or QGuiApplication(["briefing-app"])  # noqa: F841 - kept alive while painting
    try:
        rendered = write_pdf(args.output, snapshot, options, PackInfo.for_database(path), inputs=inputs)
    except OSError as exc:
        return _write_failed(args.output, exc)
    except ReportError as exc:
        return _fail(f"{args.output}: {exc} (no file was written)")
    print(f"Wrote {args.output} ({_counted('count.pages', rendered.pages)}).")
    return 0


def _desktop(args: argparse.Namespace) -> int:
    from .desktop import DesktopError, data_home, install, uninstall

    try:
        if args.action == "install":
            installed = install()
        else:
            result = uninstall()
    except DesktopError as exc:
        return _fail(str(exc))
    if args.action == "install":
        print(f"Wrote {installed.icon}")
        print(f"Wrote {installed.entry} (runs {installed.command})")
        return 0
    for path in result.removed:
        print(f"Removed {path}")
    for path in result.not_ours:
        print(f"Left {path} alone: briefing-app did not write it")
    if not result.removed and not result.not_ours:
        print(f"Nothing to remove: no Briefing Viewer menu entry or icon in {data_home()}")
    return 0


def _gui(args: argparse.Namespace) -> int:
    return _open_window(args.database, args.lang, getattr(args, "version", False))


def _window_command(argv: list[str]) -> tuple[Path | None, str | None, bool] | None:
    """The window's own command line, ``[FILE] [--lang vi|en] [--version]``, read by hand: (file, lang,
    version). Building argparse's parser cost ~3 ms of CPU before the first paint, 2 % of the start-up
    (argparse itself comes with PySide6 anyway). None for anything else (help, a mistake, ``--``), which
    argparse then reads and answers as it always has."""
    database: Path | None = None
    lang: str | None = None
    version = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--version":
            version = True
        elif arg == "--lang" and rest and rest[0] in ("vi", "en"):
            lang = rest.pop(0)
        elif arg in ("--lang=vi", "--lang=en"):
            lang = arg.split("=", 1)[1]
        elif arg.startswith("-") or database is not None:
            return None
        else:
            database = Path(arg)
    return database, lang, version


def _open_window(database: Path | None, lang: str | None, version: bool) -> int:
    if version:
        from . import version as app_version

        print(f"briefing-app {app_version()}")
        return 0
    # Until the window's first paint (ui.app.launch turns it back on), Python's cycle collector
    # stays off: start-up allocates ~100,000 long-lived objects (PySide6 alone most of them) and
    # collecting over and over as they arrive cost ~5 ms and freed nothing.
    gc.disable()
    from .ui.app import run

    database, review = _window_inputs(database)
    return run(database, lang=lang, review=review)


def _window_inputs(path: Path | None) -> tuple[Path | None, Path | None]:
    """``briefing-app FILE``: (database, file to review). A ``.txt`` file is an article to draft and review, a
    ``.yaml``/``.yml`` file a draft saved by a review, to go on with."""
    if path is not None and path.suffix.lower() in (".txt", ".yaml", ".yml"):
        return None, path
    return path, None


def _take_log_level(argv: list[str]) -> tuple[str, list[str]]:
    """``--log-level LEVEL`` may come anywhere; it is taken out before the subcommand is parsed."""
    level, rest, i = "INFO", [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--log-level" and i + 1 < len(argv):
            level, i = argv[i + 1].upper(), i + 2
            continue
        if arg.startswith("--log-level="):
            level = arg.split("=", 1)[1].upper()
        else:
            rest.append(arg)
        i += 1
    return level, rest


def _print_result(as_json: object | None, table: Callable[[], str]) -> int:
    """Write a command's result to standard output as UTF-8: ``as_json`` when given (``--json``), else the
    plain table."""
    if as_json is not None:
        import json

        text = json.dumps(as_json, ensure_ascii=False, indent=2) + "\n"
    else:
        text = table() + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _series(args: argparse.Namespace) -> int:
    from .data.measures import MeasureCatalogueError
    from .data.series import UnknownMeasure, build_series, series_json, series_table
    from .data.store import StoreError

    path = _database(args.db)
    try:
        with _reading_store(path) as store:
            series = build_series(store, args.measure)
    except UnknownMeasure as exc:
        return _fail(str(exc) if exc.close else f"{exc}; see resources/measures.yaml for the measures")
    except (StoreError, MeasureCatalogueError) as exc:
        return _fail(_said(exc))
    return _print_result(series_json(series) if args.json else None, lambda: series_table(series))


def _compare(args: argparse.Namespace) -> int:
    from .data.compare import compare_briefings, comparison_json, comparison_table
    from .data.measures import MeasureCatalogueError
    from .data.store import StoreError

    path = _database(args.db)
    try:
        with _reading_store(path) as store:
            comparison = compare_briefings(store, args.a, args.b)
    except (StoreError, MeasureCatalogueError) as exc:
        return _fail(_said(exc))
    return _print_result(comparison_json(comparison) if args.json else None, lambda: comparison_table(comparison))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    from .logs import LEVELS, logger, setup_logging

    level, argv = _take_log_level(list(sys.argv[1:] if argv is None else argv))
    if level not in LEVELS:
        return _fail(f"--log-level must be one of {', '.join(LEVELS)}", 2)
    setup_logging(level)
    logger.debug("command line: %s", argv)
    global _lang
    window = None if argv and argv[0] in SUBCOMMANDS else _window_command(argv)
    if window is not None:
        _lang = window[1] or _choose_language(None)
        return _open_window(*window)
    if argv and argv[0] in SUBCOMMANDS:
        args = _commands_parser().parse_args(argv)
    else:
        args = _gui_parser().parse_args(argv)
        args.command = "gui"
    _lang = _choose_language(args)
    handlers = {"build-db": _build_db, "import": _import, "validate": _validate, "schema": _schema, "draft": _draft,
                "export": _export,
                "search": _search, "series": _series, "compare": _compare, "print": _print, "desktop": _desktop,
                "gui": _gui}
    return handlers[args.command](args)
