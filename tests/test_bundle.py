"""The standalone bundle (packaging/build_bundle.py) works on its own, as a user would run it.

Built once for the module into a temporary folder, then run from another folder with a minimal
environment (``PATH=/usr/bin:/bin``, a temporary home and data folder, Qt offscreen): no virtual
environment's Python can help it. Slow (a PyInstaller build): select with ``-m bundle``, skipped
when PyInstaller is not installed (``pip install -e ".[bundle]"``).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_fixtures import ROOT, write_briefing

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle smoke runs on Linux"),
]
pytest.importorskip("PyInstaller", reason='PyInstaller is not installed: pip install -e ".[bundle]"')

BUILD_TIMEOUT = 1800  # seconds; about 25 s on a 2-core machine, far more on a cold, slow disk


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle's folder (``<dist>/briefing-app``), built once for this module."""
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py"), "--dist", str(dist)],
                           capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "MB" in built.stdout and str(dist / "briefing-app") in built.stdout
    return dist / "briefing-app"


@dataclass
class User:
    """A user with nothing of ours: an empty home and data folder, another working folder."""

    home: Path
    data: Path
    cwd: Path

    @property
    def env(self) -> dict[str, str]:
        return {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "XDG_DATA_HOME": str(self.data),
                "QT_QPA_PLATFORM": "offscreen"}

    @property
    def log(self) -> Path:
        return self.data / "briefing-app" / "briefing-app.log"


@pytest.fixture
def user(tmp_path: Path) -> User:
    made = User(tmp_path / "home", tmp_path / "data", tmp_path / "elsewhere")
    for folder in (made.home, made.data, made.cwd):
        folder.mkdir()
    return made


def run(bundle: Path, user: User, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / "briefing-app"), *args], cwd=user.cwd, env={**user.env, **env},
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


def test_version_comes_from_the_bundled_metadata(bundle, user):
    done = run(bundle, user, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "briefing-app 0.2.0\n"


def test_print_writes_the_whole_pack(bundle, user):
    from pypdf import PdfReader

    done = run(bundle, user, "print", "--briefing", "mic-2017-h1", "-o", "x.pdf")
    assert done.returncode == 0, done.stderr
    assert "(12 pages)" in done.stdout  # no near-empty last page (issue #16)
    assert len(PdfReader(user.cwd / "x.pdf").pages) == 12


def test_export_json_reads_the_library_made_from_the_bundled_data(bundle, user):
    before = hashlib.sha256((bundle / "_internal" / "briefing_app" / "data.db").read_bytes()).hexdigest()
    done = run(bundle, user, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["briefing"]["id"] == "mic-2019-h1"  # the newest by period
    assert (user.data / "briefing-app" / "briefings.db").is_file()
    after = hashlib.sha256((bundle / "_internal" / "briefing_app" / "data.db").read_bytes()).hexdigest()
    assert after == before, "the bundled data.db must never be written"


def test_export_xlsx_finds_its_writer_in_the_bundle(bundle, user):
    from openpyxl import load_workbook

    done = run(bundle, user, "export", "--format", "xlsx", "--briefing", "mic-2017-h1", "-o", "x.xlsx")
    assert done.returncode == 0, done.stderr
    assert load_workbook(user.cwd / "x.xlsx").sheetnames[:2] == ["Chỉ số", "Doanh nghiệp"]


def test_search_finds_vietnamese_without_tone_marks(bundle, user):
    done = run(bundle, user, "search", "dien thoai", "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert results and any("điện thoại" in (r["title"] + r["snippet"]).lower() for r in results)


def test_import_adds_a_briefing_to_the_users_library(bundle, user, tmp_path):
    briefing = write_briefing(tmp_path / "src")
    done = run(bundle, user, "import", str(briefing))
    assert done.returncode == 0, done.stderr
    assert "Added briefing 'test-2017'" in done.stdout
    assert str(user.data / "briefing-app" / "briefings.db") in done.stdout
    found = json.loads(run(bundle, user, "search", "sim rac", "--json").stdout)
    assert "test-2017" in {r["briefing"] for r in found}


def test_desktop_entry_runs_the_bundle_and_carries_its_icon(bundle, user):
    done = run(bundle, user, "desktop", "install")
    assert done.returncode == 0, done.stderr
    entry = (user.data / "applications" / "briefing-app.desktop").read_text(encoding="utf-8")
    assert f"Exec={bundle / 'briefing-app'}" in entry.replace("\\s", " ")
    icon = user.data / "icons" / "hicolor" / "scalable" / "apps" / "briefing-app.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "briefing-app.svg").read_bytes()


def test_window_opens_offscreen_and_stays_up(bundle, user):
    """The app has no quit-after-start switch: start it, see the log say so, and end it ourselves."""
    process = subprocess.Popen([str(bundle / "briefing-app")], cwd=user.cwd, env=user.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        start = time.monotonic()
        while time.monotonic() - start < 60 and " opened " not in _read(user.log) and process.poll() is None:
            time.sleep(0.1)
        time.sleep(max(0.0, 5 - (time.monotonic() - start)))
        alive = process.poll() is None
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert alive, f"the window exited with status {process.returncode}: {err}"
    assert "briefing-app/briefings.db (briefing mic-2019-h1)" in _read(user.log)  # the newest by period
    assert "Traceback" not in err


def test_xcb_plugin_loads_its_libraries(bundle, user):
    """Without a display xcb cannot start, but it must get as far as connecting (its libraries load)."""
    done = run(bundle, user, "--version", QT_QPA_PLATFORM="xcb")  # --version needs no Qt: the window does
    assert done.returncode == 0
    window = subprocess.run([str(bundle / "briefing-app")], cwd=user.cwd,
                            env={**user.env, "QT_QPA_PLATFORM": "xcb", "QT_DEBUG_PLUGINS": "1"},
                            capture_output=True, text=True, timeout=60, check=False)
    assert window.returncode != 0
    assert "could not connect to display" in window.stderr
    assert "cannot open shared object file" not in window.stderr


def test_bundle_carries_what_the_app_needs_and_not_more(bundle):
    internal = bundle / "_internal"
    package = internal / "briefing_app"
    assert (package / "data.db").is_file()
    assert (package / "resources" / "icons" / "briefing-app.svg").is_file()
    assert (package / "resources" / "briefings" / "mic-2017-h1.yaml").is_file()
    assert (internal / "briefing_app-0.2.0.dist-info" / "METADATA").is_file()
    plugins = {str(p.relative_to(internal / "PySide6" / "Qt" / "plugins"))
               for p in (internal / "PySide6" / "Qt" / "plugins").rglob("*.so")}
    assert plugins == {
        "platforms/libqoffscreen.so", "platforms/libqxcb.so",
        "iconengines/libqsvgicon.so", "imageformats/libqsvg.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "printsupport/libcupsprintersupport.so", "platformthemes/libqxdgdesktopportal.so",
    }
    names = {p.name for p in internal.rglob("*")}
    for needed in ("QtSvg.abi3.so", "QtPrintSupport.abi3.so", "libQt6Svg.so.6", "libQt6PrintSupport.so.6"):
        assert needed in names
    for unused in ("QtQml.abi3.so", "QtQuick.abi3.so", "libQt6Qml.so.6", "libQt6Quick.so.6",
                   "libQt6WaylandClient.so.6", "QtNetwork.abi3.so", "_tkinter.cpython-311-x86_64-linux-gnu.so"):
        assert unused not in names
    assert not (internal / "PySide6" / "Qt" / "translations").exists()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
