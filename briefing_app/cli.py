"""The ``briefing-app`` command line. With no subcommand it opens the desktop window.

Imports are deferred to the subcommand that needs them, so opening the window
never pays for sqlite-utils and printing help never pays for Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["main"]

SUBCOMMANDS = ("build-db", "export", "gui")


def _fail(message: str, code: int = 1) -> int:
    print(f"briefing-app: error: {message}", file=sys.stderr)
    return code


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-app",
        description="Briefing Viewer. Without a subcommand, opens the desktop window on DATABASE "
                    "(default: the bundled data.db). Subcommands: " + ", ".join(SUBCOMMANDS[:-1]) +
                    " (see 'briefing-app SUBCOMMAND --help').",
    )
    parser.add_argument("database", nargs="?", type=Path, help="a briefing database (.db) to open")
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language (default: the system's)")
    return parser


def _commands_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-app")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build-db", help="validate briefing files and build a database",
                           description="Validate briefing files (YAML) and build a briefing database. "
                                       "The database is written beside the target and swapped in when complete.")
    build.add_argument("sources", nargs="*", type=Path,
                       help="briefing files (default: every file in resources/briefings/)")
    build.add_argument("-o", "--output", type=Path, help="database to write (default: the bundled data.db)")

    export = sub.add_parser("export", help="print or write a briefing's data as JSON or CSV",
                            description="Export a briefing. Reads the database read-only; never changes it.")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--section", help="for CSV: the section to write (e.g. indicators)")
    export.add_argument("--db", type=Path, help="database to read (default: the bundled data.db)")
    export.add_argument("--briefing", help="briefing id (default: the first in the database)")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    gui = sub.add_parser("gui", help="open the desktop window")
    gui.add_argument("database", nargs="?", type=Path)
    gui.add_argument("--lang", choices=("vi", "en"))
    return parser


def _build_db(args: argparse.Namespace) -> int:
    from .data.briefing_file import BriefingFileError
    from .data.build import build_database, default_sources
    from .paths import default_database, resources_dir

    sources = args.sources or default_sources(resources_dir())
    output = args.output or default_database()
    if output.is_dir():
        return _fail(f"{output}: is a folder; give a database file name")
    if not output.parent.is_dir() and str(output.parent):
        return _fail(f"{output}: folder {output.parent} does not exist")
    try:
        result = build_database(sources, output)
    except BriefingFileError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return _fail(f"{len(exc.problems)} problem(s) found; {output} was not changed")
    except OSError as exc:
        return _fail(f"{output}: cannot write ({exc.strerror or exc}); nothing was changed")
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    print(f"Built {result.path} from {result.briefings} briefing file(s): {counts}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .data.export import export_csv, export_json, write_text_atomically
    from .data.store import StoreError, open_store
    from .paths import default_database

    path = args.db or default_database()
    if args.format == "csv" and not args.section:
        return _fail("--format csv needs --section (e.g. --section indicators)", 2)
    try:
        with open_store(path) as store:
            if args.format == "json":
                text = json.dumps(export_json(store, args.briefing), ensure_ascii=False, indent=2) + "\n"
            else:
                text = export_csv(store, args.section, args.briefing)
    except StoreError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(str(exc), 2)
    bom = "\ufeff" if args.format == "csv" else ""
    if args.output:
        try:
            write_text_atomically(args.output, bom + text)
        except OSError as exc:
            return _fail(f"{args.output}: cannot write ({getattr(exc, 'strerror', None) or exc}); no file was written")
        return 0
    if bom:
        sys.stdout.buffer.write((bom + text).encode("utf-8"))
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _gui(args: argparse.Namespace) -> int:
    from .ui.app import run

    return run(args.database, lang=args.lang)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        args = _commands_parser().parse_args(argv)
    else:
        args = _gui_parser().parse_args(argv)
        args.command = "gui"
    handlers = {"build-db": _build_db, "export": _export, "gui": _gui}
    return handlers[args.command](args)
