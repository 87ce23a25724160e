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


def setup_logging(level: str = "INFO") -> Path | None:
    """Log to ``briefing-app.log`` in :func:`log_dir` (rotated), and let faulthandler write there too.

    Returns the log file, or None when the folder cannot be written (logging then goes to stderr only).
    """
    global _fault_file
    logger.setLevel(getattr(logging, level.upper(), logging.INFO))
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    path = log_dir() / "briefing-app.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        # A plain FileHandler: logging.handlers (for RotatingFileHandler) imports socket and pickle,
        # which the viewer's start-up should not pay for; the log is rotated here instead.
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler, path = logging.StreamHandler(sys.stderr), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    if path is not None:
        try:
            if _fault_file is None or _fault_file.closed:
                _fault_file = open(path.with_name("briefing-app-crash.log"), "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=_fault_file, all_threads=True)
        except OSError:
            faulthandler.enable()
    return path
