"""The log file: which database was opened, every error, and crashes (faulthandler)."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path

__all__ = ["LEVELS", "log_dir", "setup_logging", "logger"]

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
logger = logging.getLogger("briefing_app")
_fault_file = None


def log_dir() -> Path:
    """The user's data folder for Briefing Viewer (``$BRIEFING_LOG_DIR`` overrides it)."""
    if os.environ.get("BRIEFING_LOG_DIR"):
        return Path(os.environ["BRIEFING_LOG_DIR"])
    from .paths import user_data_dir

    return user_data_dir()


MAX_LOG_BYTES = 1_000_000
KEEP_LOGS = 3


def _rotate(path: Path) -> None:
    """briefing-app.log → .1 → .2 → .3 once it passes MAX_LOG_BYTES."""
    try:
        if path.stat().st_size < MAX_LOG_BYTES:
            return
    except OSError:
        return
    for n in range(KEEP_LOGS - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def _warn_unwritable(folder: Path, exc: BaseException | None) -> None:
    """The one line that says the log is off, and why."""
    reason = "cannot write"
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if isinstance(exc, IsADirectoryError) and exc.filename and Path(exc.filename).parent == folder:
            reason = f"{Path(exc.filename).name}: {reason}"
    elif exc is not None:
        reason = str(exc)
    print(f"briefing-app: warning: cannot write the log in {folder} ({reason}); carrying on without a log",
          file=sys.stderr)


def _remove_handlers() -> None:
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def _log_off() -> None:
    """No log from now on; a NullHandler keeps Python's last-resort handler from printing every warning."""
    _remove_handlers()
    logger.addHandler(logging.NullHandler())


class _LogFile(logging.FileHandler):
    """The log file; when writing fails later (a full disk), it says so once and the log stops.

    logging's own handleError prints "--- Logging error ---" and a traceback for every message.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        _warn_unwritable(Path(self.baseFilename).parent, sys.exc_info()[1])
        _log_off()


def setup_logging(level: str = "INFO") -> Path | None:
    """Log to ``briefing-app.log`` in :func:`log_dir` (rotated), and let faulthandler write there too.

    Returns the log file, or None when it cannot be written: then one warning goes to stderr, the
    app carries on without a log (its messages and dialogs still say what goes wrong), and crashes
    are reported on stderr.
    """
    global _fault_file
    logger.setLevel(getattr(logging, level.upper(), logging.INFO))
    _remove_handlers()
    path = log_dir() / "briefing-app.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        # A plain FileHandler: logging.handlers (for RotatingFileHandler) imports socket and pickle,
        # which the viewer's start-up should not pay for; the log is rotated here instead.
        # Opened now (not delayed to the first message), so a log that cannot be written is known here.
        handler: logging.Handler = _LogFile(path, encoding="utf-8")
    except OSError as exc:
        _warn_unwritable(path.parent, exc)
        _log_off()
        faulthandler.enable()
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    try:
        if _fault_file is None or _fault_file.closed:
            _fault_file = open(path.with_name("briefing-app-crash.log"), "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(file=_fault_file, all_threads=True)
    except OSError:
        faulthandler.enable()
    return path
