"""Build Briefing Viewer's standalone one-folder bundle with PyInstaller.

    python packaging/build_bundle.py [--dist DIR] [--work DIR]

Writes ``DIR/briefing-app/`` (default: ``dist/`` at the top of the repository), whose
``briefing-app`` runs without Python installed, then prints the bundle's path, its size on disk
and how long the build took. Exits with status 2 and says so when PyInstaller is not installed
(``pip install -e ".[bundle]"``), and with status 1 when a Qt plugin in the bundle needs a
library that neither the bundle nor this machine has: PyInstaller copies a plugin's libraries
from the build machine, so a library missing here is missing from the bundle (xcb, the X11
plugin, needs libxcb-icccm4 and libxcb-keysyms1, which a desktop has and a server may not).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["ROOT", "SPEC", "APP_NAME", "build", "folder_size", "unresolved_libraries", "main"]

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "briefing-app.spec"
APP_NAME = "briefing-app"


def folder_size(folder: Path) -> int:
    """Bytes the files under ``folder`` hold (symbolic links not followed, each counted once)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def build(dist: Path, work: Path | None = None) -> Path:
    """Run PyInstaller on the spec; return the bundle's folder (``dist/briefing-app``).

    Raises ``subprocess.CalledProcessError`` when PyInstaller fails (its output went to the terminal).
    """
    dist = dist.resolve()
    with tempfile.TemporaryDirectory(prefix="briefing-bundle-build-") as scratch:
        workpath = (work or Path(scratch)).resolve()
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
             "--distpath", str(dist), "--workpath", str(workpath), str(SPEC)],
            check=True, cwd=ROOT,
        )
    return dist / APP_NAME


def unresolved_libraries(bundle: Path) -> dict[str, list[str]]:
    """Qt plugins of ``bundle`` that cannot load, each with the libraries it needs and nothing provides.

    Linux only (``ldd``); an empty dict elsewhere. Libraries are looked up as the bundle's
    launcher does: in the bundle's ``_internal`` folder first, then the system's.
    """
    ldd = shutil.which("ldd")
    if ldd is None or not sys.platform.startswith("linux"):
        return {}
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: dict[str, list[str]] = {}
    for plugin in sorted((internal / "PySide6" / "Qt" / "plugins").rglob("*.so")):
        out = subprocess.run([ldd, str(plugin)], env=env, capture_output=True, text=True, check=False).stdout
        names = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if names:
            missing[str(plugin.relative_to(internal))] = names
    return missing


def main(argv: list[str] | None = None) -> int:
    """Build the bundle and report it; the process exit status."""
    parser = argparse.ArgumentParser(description="Build the standalone one-folder bundle of Briefing Viewer.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="folder to write the bundle into (default: dist/ in the repository)")
    parser.add_argument("--work", type=Path,
                        help="PyInstaller's work folder, kept for inspection (default: a temporary folder)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print(f"build_bundle: error: PyInstaller is not installed in {sys.prefix}; "
              'install it with: pip install -e ".[bundle]"', file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        bundle = build(args.dist, args.work)
    except subprocess.CalledProcessError as exc:
        print(f"build_bundle: error: PyInstaller failed (exit status {exc.returncode}); see its output above",
              file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    missing = unresolved_libraries(bundle)
    if missing:
        for plugin, names in missing.items():
            print(f"build_bundle: error: {plugin} needs {', '.join(names)}, not on this machine", file=sys.stderr)
        print("build_bundle: error: install those libraries (Debian/Ubuntu: apt-get install libxcb-icccm4 "
              "libxcb-keysyms1 for xcb) and build again; the bundle would not open a window", file=sys.stderr)
        return 1
    size_mb = folder_size(bundle) / 1e6
    print(f"Built {bundle} ({size_mb:.1f} MB) in {seconds:.0f} s; run {bundle / APP_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
