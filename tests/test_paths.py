"""Where resources live in a checkout and in an installed package, and naming what an install lacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from briefing_app import paths
from briefing_fixtures import ROOT


def test_a_checkout_finds_the_repository_layout():
    assert paths.layout() == "checkout"
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.bundled_database() == ROOT / "data.db"
    assert paths.missing_resources() == []


def installed_copy(tmp_path: Path) -> Path:
    """The package laid out as the wheel installs it: resources/ and data.db inside the package."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "briefing_app", site / "briefing_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", site / "briefing_app" / "resources")
    shutil.copy(ROOT / "data.db", site / "briefing_app" / "data.db")
    return site


def ask(site: Path, code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", f"from briefing_app import paths; {code}"], cwd=site,
                          capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin",
                                                                           "PYTHONPATH": str(site)})
    return done.stdout.splitlines()


def test_an_installed_package_finds_its_own_copies(tmp_path):
    site = installed_copy(tmp_path)
    package = site / "briefing_app"
    assert ask(site, "print(paths.layout()); print(paths.resources_dir()); print(paths.bundled_database()); "
                     "print(paths.missing_resources())") == [
        "installed", str(package / "resources"), str(package / "data.db"), "[]"]


def test_a_missing_resource_is_named(tmp_path):
    site = installed_copy(tmp_path)
    package = site / "briefing_app"
    (package / "resources" / "icons" / "print.svg").unlink()
    (package / "resources" / "briefings" / "mic-2017-h1.article.txt").unlink()
    assert ask(site, "[print(p) for p in paths.missing_resources()]") == [
        str(package / "resources" / "icons" / "print.svg"),
        str(package / "resources" / "briefings" / "mic-2017-h1.article.txt")]
    (package / "data.db").unlink()
    assert ask(site, "[print(p) for p in paths.missing_resources()]")[-1] == str(package / "data.db")
