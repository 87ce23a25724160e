"""``briefing-app desktop install|uninstall``: the menu entry and the icon in a temporary XDG data folder."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app import desktop
from briefing_app.cli import main
from briefing_app.paths import resource

ENTRY = Path("applications") / "briefing-app.desktop"
ICON = Path("icons") / "hicolor" / "scalable" / "apps" / "briefing-app.svg"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def read_entry(path: Path) -> dict[str, str]:
    """The ``[Desktop Entry]`` group's keys, values with the string escapes undone."""
    values, group = {}, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = unescape_string(value)
    return values


def unescape_string(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(value[i + 1], value[i + 1]))
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """An (already unescaped) Exec value split into arguments as the Desktop Entry spec reads it."""
    args, i = [], 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        arg = []
        if value[i] == '"':
            i += 1
            while value[i] != '"':
                if value[i] == "\\" and value[i + 1] in '"`$\\':
                    i += 1
                arg.append(value[i])
                i += 1
            i += 1
        else:
            while i < len(value) and value[i] != " ":
                arg.append(value[i])
                i += 1
        args.append("".join(arg).replace("%%", "%"))
    return args


def validate(path: Path) -> str:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, timeout=60)
    return (result.stdout + result.stderr).strip() or ("" if result.returncode == 0 else f"exit {result.returncode}")


def test_desktop_module_imports_no_qt():
    code = "import sys, briefing_app.desktop; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert not [m for m in out.split() if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))]


def test_the_template_validates_without_a_word():
    assert validate(resource("briefing-app.desktop")) == ""


def test_install_writes_the_entry_and_the_icon(xdg, capsys):
    assert main(["desktop", "install"]) == 0
    entry, icon = xdg / ENTRY, xdg / ICON
    out = capsys.readouterr().out
    assert str(entry) in out and str(icon) in out

    values = read_entry(entry)
    program, *rest = split_exec(values["Exec"])
    assert Path(program).is_absolute()
    assert Path(program) == desktop.find_command()
    assert os.access(program, os.X_OK) and Path(program).is_file()
    assert rest == ["%f"]
    assert values["TryExec"] == program
    assert values["Icon"] == "briefing-app"
    assert values[desktop.MARKER_KEY] == "true"
    assert values["Name"] == read_entry(resource("briefing-app.desktop"))["Name"]
    assert icon.read_bytes() == resource("icons", "briefing-app.svg").read_bytes()
    assert validate(entry) == ""


def test_install_twice_replaces_and_leaves_no_temporary_files(xdg):
    assert main(["desktop", "install"]) == 0
    assert main(["desktop", "install"]) == 0
    leftovers = [p for p in xdg.rglob("*") if p.name.endswith(".part")]
    assert leftovers == []


def test_uninstall_removes_both_and_nothing_else(xdg, capsys):
    others = [xdg / "applications" / "other.desktop", xdg / ICON.parent / "other.svg"]
    for path in others:
        path.parent.mkdir(parents=True)
        path.write_text("someone else's\n")
    assert main(["desktop", "install"]) == 0
    capsys.readouterr()

    assert main(["desktop", "uninstall"]) == 0
    out = capsys.readouterr().out
    assert f"Removed {xdg / ENTRY}" in out and f"Removed {xdg / ICON}" in out
    assert not (xdg / ENTRY).exists() and not (xdg / ICON).exists()
    assert all(path.read_text() == "someone else's\n" for path in others)

    assert main(["desktop", "uninstall"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_uninstall_with_nothing_installed_is_not_an_error(xdg, capsys):
    assert main(["desktop", "uninstall"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out
    assert not xdg.exists()


def test_uninstall_leaves_files_it_did_not_write(xdg, capsys):
    entry, icon = xdg / ENTRY, xdg / ICON
    for path, text in ((entry, "[Desktop Entry]\nType=Application\nName=Another app\nExec=other\n"),
                       (icon, "<svg xmlns='http://www.w3.org/2000/svg'/>\n")):
        path.parent.mkdir(parents=True)
        path.write_text(text)
    assert main(["desktop", "uninstall"]) == 0
    out = capsys.readouterr().out
    assert entry.exists() and icon.exists()
    assert f"Left {entry} alone" in out and f"Left {icon} alone" in out


def test_uninstall_recognises_an_entry_by_our_name_without_the_marker(xdg):
    entry = xdg / ENTRY
    entry.parent.mkdir(parents=True)
    entry.write_text(resource("briefing-app.desktop").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["desktop", "uninstall"]) == 0
    assert not entry.exists()


def test_install_where_a_parent_is_a_file_fails_in_one_line(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, where a folder should be\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "share"))
    assert main(["desktop", "install"]) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith(f"briefing-app: error: {blocker / 'share'}")
    assert ": cannot write (" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_install_takes_back_the_icon_when_the_entry_cannot_be_written(xdg, capsys):
    xdg.mkdir()
    (xdg / "applications").write_text("a file, where a folder should be\n")
    assert main(["desktop", "install"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"briefing-app: error: {xdg / ENTRY}: cannot write (")
    assert not (xdg / ICON).exists()
    assert not [p for p in xdg.rglob("*") if p.is_file() and p.name != "applications"]


def test_install_in_a_read_only_folder_writes_nothing(read_only_folder, monkeypatch, capsys):
    folder = read_only_folder({})
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    assert main(["desktop", "install"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and ": cannot write (" in lines[0]
    assert list(folder.iterdir()) == []


def test_on_other_platforms_it_says_linux_only(xdg, monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "win32")
    for action in ("install", "uninstall"):
        assert main(["desktop", action]) == 1
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and "Linux-only" in lines[0]
    assert not xdg.exists()


def test_failing_cache_tools_do_not_fail_the_install(xdg, tmp_path, monkeypatch):
    command = desktop.find_command()
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for name in ("update-desktop-database", "gtk-update-icon-cache"):
        tool = fake_bin / name
        tool.write_text("#!/bin/sh\necho broken >&2\nexit 3\n")
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '')}")
    assert desktop.install(command=command).entry == xdg / ENTRY
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # and missing tools neither
    assert desktop.install(command=command).icon == xdg / ICON
    assert desktop.uninstall().removed == (xdg / ENTRY, xdg / ICON)


def test_data_home_ignores_an_empty_or_relative_xdg_data_home(monkeypatch):
    default = Path.home() / ".local" / "share"
    for value in ("", "relative/share"):
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert desktop.data_home() == default
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop.data_home() == default


def test_a_frozen_bundle_points_at_itself(monkeypatch, tmp_path):
    bundle = tmp_path / "Briefing Viewer" / "briefing-app"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle))
    assert desktop.find_command() == bundle


def test_without_any_command_install_says_so(xdg, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "nowhere" / "python3"))
    assert main(["desktop", "install"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "cannot find the installed briefing-app command" in lines[0]
    assert not xdg.exists()


def test_the_console_script_beside_the_interpreter_is_found(tmp_path, monkeypatch):
    script = tmp_path / "venv" / "bin" / "briefing-app"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(script.parent / "python"))
    assert desktop.find_command() == script


@pytest.mark.parametrize("path", [
    "/usr/bin/briefing-app",
    "/opt/Briefing Viewer/briefing-app",
    "/home/an/$HOME/50%/briefing-app",
    '/tmp/a"b`c\\d/briefing-app',
    "/tmp/(x);y&z|#~*?<>'/briefing-app",
])
def test_exec_quoting_reads_back_as_the_same_path(tmp_path, path):
    text = desktop.render_entry(resource("briefing-app.desktop").read_text(encoding="utf-8"), Path(path))
    installed = tmp_path / "briefing-app.desktop"
    installed.write_text(text, encoding="utf-8")
    values = read_entry(installed)
    assert split_exec(values["Exec"]) == [path, "%f"]
    assert values["TryExec"] == path
    if path == "/usr/bin/briefing-app":
        assert "Exec=/usr/bin/briefing-app %f" in text  # no quotes where none are needed
    assert validate(installed) == ""


def test_install_writes_through_a_linked_entry(xdg, tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "briefing-app.desktop").write_text("[Desktop Entry]\nName=old\n")
    (xdg / ENTRY).parent.mkdir(parents=True)
    (xdg / ENTRY).symlink_to(dotfiles / "briefing-app.desktop")
    assert main(["desktop", "install"]) == 0
    assert (xdg / ENTRY).is_symlink()
    assert read_entry(dotfiles / "briefing-app.desktop")[desktop.MARKER_KEY] == "true"


def test_install_over_a_read_only_entry_says_so_and_adds_no_icon(xdg, capsys):
    entry = xdg / ENTRY
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=mine\n")
    entry.chmod(0o444)
    assert main(["desktop", "install"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [f"briefing-app: error: {entry}: is read-only; nothing was written"]
    assert entry.read_text() == "[Desktop Entry]\nName=mine\n"
    assert not (xdg / ICON).exists()
