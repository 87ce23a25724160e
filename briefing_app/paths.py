"""Where things live: the bundled resources and data.db, the user's library, the user's data folder.

One module knows the three layouts the app runs from:

- **checkout** — a source tree (``pip install -e .``): ``resources/`` and ``data.db`` sit beside
  ``briefing_app/`` at the top of the repository, as the project lays them out;
- **installed** — a wheel (``pip install``, ``pipx install``): the build maps them into the
  package, as ``briefing_app/resources/`` and ``briefing_app/data.db`` (``pyproject.toml``,
  ``[tool.hatch.build.targets.wheel.force-include]``);
- **bundle** — a PyInstaller folder: the same places under the bundle's package folder
  (``packaging/briefing-app.spec`` collects them there).

Resources are found through the package's own location, as ``importlib.resources.files`` finds
them; for a package on the file system (all three layouts) that is the package's folder, which is
read here without importing ``importlib.resources`` (12 ms, on the window's start-up path). A
package imported from a zip file goes through ``importlib.resources`` and ``as_file``.

The bundled ``data.db`` is never written: reading commands and the window use the user's library
(``briefings.db`` in :func:`user_data_dir`), made from it the first time it is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = [
    "LIBRARY_NAME",
    "layout",
    "package_dir",
    "project_root",
    "resources_dir",
    "resource",
    "bundled_database",
    "bundled_briefings_dir",
    "measures_path",
    "user_data_dir",
    "library_path",
    "default_database",
    "MissingResource",
    "SHIPPED",
    "missing_resources",
]

#: The user's library: every briefing they have, bundled and imported.
LIBRARY_NAME = "briefings.db"
_extracted: list = []  # keeps as_file() contexts of a zip-imported package alive


class MissingResource(FileNotFoundError):
    """A file the app ships with is not where this layout keeps it (a broken install)."""


def package_dir() -> Path:
    """The folder of the ``briefing_app`` package (what ``importlib.resources.files`` gives)."""
    here = Path(__file__).resolve().parent
    if here.is_dir():
        return here
    # Imported from a zip file: only importlib.resources can reach the files; extract the package once.
    from contextlib import ExitStack
    from importlib.resources import as_file, files

    stack = ExitStack()
    _extracted.append(stack)
    return Path(stack.enter_context(as_file(files("briefing_app"))))


def _checkout_root() -> Path | None:
    root = package_dir().parent
    if (root / "pyproject.toml").is_file() and (root / "resources").is_dir():
        return root
    return None


def layout() -> str:
    """``"bundle"``, ``"installed"`` or ``"checkout"``: which of the three the app runs from."""
    if getattr(sys, "frozen", False):
        return "bundle"
    if (package_dir() / "resources").is_dir():
        return "installed"
    return "checkout" if _checkout_root() is not None else "installed"


def project_root() -> Path:
    """The folder holding ``resources/`` and ``data.db``: the repository in a checkout, the package installed."""
    if layout() == "checkout":
        root = _checkout_root()
        assert root is not None
        return root
    return package_dir()


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (icons, fonts, briefings, the desktop entry)."""
    return project_root() / "resources"


def resource(*parts: str) -> Path:
    """A file under ``resources/`` (the path may not exist: callers that need it use :func:`require`)."""
    return resources_dir().joinpath(*parts)


def require(*parts: str) -> Path:
    """A file under ``resources/`` that must exist; :class:`MissingResource` names it and the layout if not."""
    path = resource(*parts)
    if not path.exists():
        raise MissingResource(f"{path}: missing from this {layout()} of Briefing Viewer (a broken install?)")
    return path


def bundled_database() -> Path:
    """The ``data.db`` the app ships with. Read-only: it seeds and updates the user's library."""
    return project_root() / "data.db"


def bundled_briefings_dir() -> Path:
    """The briefing files ``data.db`` is built from."""
    return resources_dir() / "briefings"


def measures_path() -> Path:
    """The measure catalogue (``resources/measures.yaml``): what each figure of a series counts."""
    return resources_dir() / "measures.yaml"


def user_data_dir() -> Path:
    """The user's data folder for Briefing Viewer: Qt's ``AppDataLocation`` for this app.

    ``$XDG_DATA_HOME/briefing-app`` (``~/.local/share/briefing-app``) on Linux,
    ``~/Library/Application Support/briefing-app`` on macOS, ``%LOCALAPPDATA%\\briefing-app`` on Windows.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "briefing-app"


def library_path() -> Path:
    """The user's library, ``briefings.db`` in :func:`user_data_dir` (it may not exist yet)."""
    return user_data_dir() / LIBRARY_NAME


def default_database() -> Path:
    """The database used when none is named: ``$BRIEFING_DB``, else the user's library."""
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env)
    return library_path()


#: What every layout must carry, under resources/ (the briefing files are added from data.db's list).
SHIPPED: tuple[tuple[str, ...], ...] = (
    ("briefing-app.desktop",), ("measures.yaml",),
    ("icons", "briefing-app.svg"), ("icons", "open.svg"), ("icons", "reload.svg"),
    ("icons", "search.svg"), ("icons", "print.svg"),
    ("fonts", "DejaVuSans.ttf"), ("fonts", "DejaVuSans-Bold.ttf"), ("fonts", "DejaVuSans-Oblique.ttf"),
    ("fonts", "DejaVuSans-BoldOblique.ttf"), ("fonts", "LICENSE-DejaVu.txt"),
    ("translations", "qtbase_vi.qm"),
)


def missing_resources() -> list[Path]:
    """Every shipped file this layout lacks (empty for a complete install): the check an install must pass.

    Besides :data:`SHIPPED`, that is the bundled data.db and each briefing file (and its article) it was
    built from, which the user's library is updated from.
    """
    import sqlite3

    missing = [resource(*parts) for parts in SHIPPED if not resource(*parts).is_file()]
    database = bundled_database()
    if not database.is_file():
        return [*missing, database]
    conn = sqlite3.connect(database.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        names = [row[0] for row in conn.execute("SELECT file_name FROM briefing_versions")]
    finally:
        conn.close()
    for name in names:
        path = bundled_briefings_dir() / name
        if not path.is_file():
            missing.append(path)
            continue
        import yaml

        article = ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("briefing") or {}).get("source", {})
        article_name = article.get("article") if isinstance(article, dict) else None
        if article_name and not (path.parent / article_name).is_file():
            missing.append(path.parent / article_name)
    return missing
