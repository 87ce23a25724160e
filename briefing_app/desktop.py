"""Desktop integration on Linux: put the menu entry and the icon into the user's XDG folders, or take them out.

Qt-free. The entry is the bundled ``briefing-app.desktop`` with ``Exec=`` and ``TryExec=``
pointing at the installed command by absolute path (a menu does not search the terminal's
``PATH``) and a marker key, so that uninstalling removes only what we wrote.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .data.atomic import OutputError, write_bytes_atomically, write_text_atomically
from .paths import resource

__all__ = ["APP_ID", "MARKER_KEY", "DesktopError", "Installed", "Removed", "data_home", "entry_path",
           "icon_path", "find_command", "quote_exec_arg", "render_entry", "install", "uninstall"]

#: The file names of the entry and the icon, and the icon's name in ``Icon=``.
APP_ID = "briefing-app"
#: Written into the installed entry; uninstall removes only an entry that carries it (or our Name).
MARKER_KEY = "X-Briefing-App"

_GROUP = "[Desktop Entry]"
# Characters that force an Exec argument into double quotes, and those that must be escaped
# inside them (Desktop Entry Specification 1.5, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set("\"`$\\")
# The program of an Exec value (quoted or not) and the arguments after it.
_EXEC_PROGRAM = re.compile(r'("(?:[^"\\]|\\.)*"|\S+)\s*(.*)$')
# Seconds to wait for a cache-refreshing tool before giving up on it.
_TIMEOUT = 30


class DesktopError(Exception):
    """Installing or uninstalling failed; ``str()`` is the one-line message for the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(f"{path}: {message}" if path is not None else message)
        self.path = path


@dataclass(frozen=True)
class Installed:
    """What :func:`install` wrote."""

    entry: Path
    icon: Path
    command: Path


@dataclass(frozen=True)
class Removed:
    """What :func:`uninstall` removed, and what it found but left alone because it was not ours."""

    removed: tuple[Path, ...]
    not_ours: tuple[Path, ...]


def _require_linux() -> None:
    if not sys.platform.startswith("linux"):
        raise DesktopError(f"'desktop install' and 'desktop uninstall' are Linux-only (this is {sys.platform})")


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or relative (as the XDG spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def entry_path(home: Path | None = None) -> Path:
    """Where the installed ``.desktop`` file goes."""
    return (home or data_home()) / "applications" / f"{APP_ID}.desktop"


def icon_path(home: Path | None = None) -> Path:
    """Where the installed icon goes (the hicolor theme, which every icon theme falls back to)."""
    return (home or data_home()) / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_command() -> Path | None:
    """The absolute path of the ``briefing-app`` command the menu entry should run, or None.

    A PyInstaller bundle is its own command, so it comes first: installing from a bundle must
    point at that bundle even when another copy is on ``PATH``. Then ``PATH``, then the console
    script beside the running interpreter (a virtual environment that is not activated).
    """
    if getattr(sys, "frozen", False):
        return Path(os.path.abspath(sys.executable))
    found = shutil.which(APP_ID)
    if found:
        return Path(os.path.abspath(found))
    beside = Path(sys.executable).parent / APP_ID
    if _is_executable(beside):
        return Path(os.path.abspath(beside))
    return None


def _escape_string(value: str) -> str:
    """A value of type string in a desktop file: backslash and control characters escaped."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def quote_exec_arg(arg: str) -> str:
    """One ``Exec=`` argument as it is written in the file.

    Quoted in double quotes when it holds a reserved character, with ``"`` `` ` `` ``$`` ``\\``
    escaped inside; ``%`` doubled (a literal percent, not a field code); then the string escapes
    of the whole value applied on top, which is why a backslash ends up as four.
    """
    text = arg.replace("%", "%%")
    if any(ch in _RESERVED for ch in arg):
        text = '"' + "".join("\\" + ch if ch in _ESCAPED_IN_QUOTES else ch for ch in text) + '"'
    return _escape_string(text)


def render_entry(template: str, command: Path) -> str:
    """The installed entry: the template with ``Exec``/``TryExec`` on ``command``, our ``Icon`` and the marker.

    ``Exec`` keeps the template's arguments (``%f``); only the program is replaced, in action
    groups too. ``TryExec`` follows ``Exec``; the marker ends the ``[Desktop Entry]`` group.
    Raises ValueError when the template has no ``[Desktop Entry]`` group.
    """
    ours = {"TryExec": f"TryExec={_escape_string(str(command))}", "Icon": f"Icon={APP_ID}",
            MARKER_KEY: f"{MARKER_KEY}=true"}
    out: list[str] = []
    group, main_end = "", -1
    for line in template.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            group = stripped
        elif "=" in stripped and not stripped.startswith("#"):
            key, value = (part.strip() for part in stripped.split("=", 1))
            if group == _GROUP and key in ("TryExec", MARKER_KEY):
                continue  # written by us below
            if group == _GROUP and key == "Icon":
                line = ours.pop("Icon")
            elif key == "Exec":
                match = _EXEC_PROGRAM.match(value)
                line = f"Exec={quote_exec_arg(str(command))} {match.group(2) if match else ''}".rstrip()
                if group == _GROUP:
                    out.append(line)
                    line = ours.pop("TryExec")
        out.append(line)
        if group == _GROUP and stripped:
            main_end = len(out)
    if main_end < 0:
        raise ValueError(f"the template has no {_GROUP} group")
    out[main_end:main_end] = list(ours.values())
    return "\n".join(out) + "\n"


def _main_group_values(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    group = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            group = stripped
        elif group == _GROUP and "=" in stripped and not stripped.startswith("#"):
            key, value = stripped.split("=", 1)
            values.setdefault(key.strip(), value.strip())
    return values


def _is_our_entry(text: str) -> bool:
    values = _main_group_values(text)
    if values.get(MARKER_KEY) == "true":
        return True
    try:
        our_name = _main_group_values(resource(f"{APP_ID}.desktop").read_text(encoding="utf-8")).get("Name")
    except OSError:
        our_name = None
    return our_name is not None and values.get("Name") == our_name


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _write_problem(exc: OSError, path: Path) -> DesktopError:
    """A refused output (a read-only entry, a FIFO) says why; any other failure is "cannot write"."""
    if isinstance(exc, OutputError):
        return DesktopError(str(exc.strerror), path)
    return DesktopError(f"cannot write ({_reason(exc)})", path)


def _ensure_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)


def _refresh_caches(home: Path) -> None:
    """Ask the desktop to reread the menu and the icon theme; never fail for it."""
    for args in (["update-desktop-database", "-q", str(home / "applications")],
                 ["gtk-update-icon-cache", "-q", "-f", "-t", str(home / "icons" / "hicolor")]):
        if shutil.which(args[0]) is None or not Path(args[-1]).is_dir():
            continue
        try:
            subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            pass


def install(home: Path | None = None, command: Path | None = None) -> Installed:
    """Install the menu entry and the icon under ``home`` (default: :func:`data_home`).

    The icon is written first, so the menu never shows an entry whose icon is missing; if
    the entry then cannot be written, an icon this call added is taken away again. Each file
    is written atomically. Raises :class:`DesktopError` with a one-line message.
    """
    _require_linux()
    home = home or data_home()
    command = command or find_command()
    if command is None:
        raise DesktopError(f"cannot find the installed {APP_ID} command (not on PATH, not beside "
                           f"{sys.executable}); install the package first")
    template_path, source_icon = resource(f"{APP_ID}.desktop"), resource("icons", f"{APP_ID}.svg")
    try:
        entry_text = render_entry(template_path.read_text(encoding="utf-8"), command)
    except OSError as exc:
        raise DesktopError(f"cannot read ({_reason(exc)})", template_path) from exc
    except ValueError as exc:  # not UTF-8, or no [Desktop Entry] group
        raise DesktopError(f"not a usable desktop entry template ({exc})", template_path) from exc
    try:
        icon_bytes = source_icon.read_bytes()
    except OSError as exc:
        raise DesktopError(f"cannot read ({_reason(exc)})", source_icon) from exc

    entry, icon = entry_path(home), icon_path(home)
    icon_existed = icon.exists()
    try:
        _ensure_folder(icon.parent)
        write_bytes_atomically(icon, icon_bytes)
    except OSError as exc:
        raise _write_problem(exc, icon) from exc
    try:
        _ensure_folder(entry.parent)
        write_text_atomically(entry, entry_text)
    except OSError as exc:
        if not icon_existed:
            icon.unlink(missing_ok=True)
        raise _write_problem(exc, entry) from exc
    _refresh_caches(home)
    return Installed(entry=entry, icon=icon, command=command)


def uninstall(home: Path | None = None) -> Removed:
    """Remove the entry and the icon that :func:`install` wrote under ``home``; nothing else.

    The entry is removed only if it is ours (it carries the marker key or our Name); the icon
    if it is byte-identical to ours or came with our entry. Missing files are not an error.
    """
    _require_linux()
    home = home or data_home()
    entry, icon = entry_path(home), icon_path(home)
    removed: list[Path] = []
    not_ours: list[Path] = []

    entry_ours = False
    if entry.is_file():
        try:
            entry_ours = _is_our_entry(entry.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            raise DesktopError(f"cannot read ({_reason(exc)})", entry) from exc
        (removed if entry_ours else not_ours).append(entry)
    elif entry.exists() or entry.is_symlink():
        not_ours.append(entry)

    if icon.is_file():
        try:
            same = icon.read_bytes() == resource("icons", f"{APP_ID}.svg").read_bytes()
        except OSError:
            same = False
        (removed if same or entry_ours else not_ours).append(icon)
    elif icon.exists() or icon.is_symlink():
        not_ours.append(icon)

    for path in removed:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise DesktopError(f"cannot remove ({_reason(exc)})", path) from exc
    if removed:
        _refresh_caches(home)
    return Removed(removed=tuple(removed), not_ours=tuple(not_ours))
