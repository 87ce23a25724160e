"""Where the bundled resources and database live (one helper, so they can move)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "resources_dir", "resource", "default_database"]


def project_root() -> Path:
    """The folder holding ``briefing_app/``, ``resources/`` and ``data.db``."""
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def resource(*parts: str) -> Path:
    """A file under ``resources/``."""
    return resources_dir().joinpath(*parts)


def default_database() -> Path:
    """The database opened when none is named: ``$BRIEFING_DB``, else the bundled ``data.db``."""
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env)
    return project_root() / "data.db"
