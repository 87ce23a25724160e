"""Use an installed Briefing Viewer as a new user would, from an empty folder with a fresh home.

Run with the Python of the environment the app is installed in (``.ci/run`` does, after installing
the wheel into a new virtual environment); ``--command`` points at another ``briefing-app`` (a bundle).
Exits non-zero, naming what is missing or what went wrong, at the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fail(message: str) -> None:
    print(f"install smoke: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--command", help="the briefing-app to run (default: the one beside this Python)")
    args = parser.parse_args()
    command = args.command or shutil.which("briefing-app", path=str(Path(sys.executable).parent))
    if not command:
        fail(f"no briefing-app command beside {sys.executable}")
    work = Path(tempfile.mkdtemp(prefix="briefing-smoke-"))
    home = work / "home"
    data = home / ".local" / "share"
    home.mkdir(parents=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "XDG_DATA_HOME": str(data),
           "XDG_CONFIG_HOME": str(home / ".config"), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}

    def run(*argv: str, expect: int = 0) -> subprocess.CompletedProcess:
        done = subprocess.run([command, *argv], cwd=work, env=env, capture_output=True, text=True, timeout=120)
        if done.returncode != expect:
            fail(f"'briefing-app {' '.join(argv)}' exited {done.returncode} (expected {expect}):\n"
                 f"{done.stdout}{done.stderr}")
        return done

    if not args.command:
        # Every shipped file is where this install keeps it (names the missing one otherwise).
        check = subprocess.run([sys.executable, "-c", "from briefing_app import paths; "
                                "print(paths.layout()); [print(p) for p in paths.missing_resources()]"],
                               cwd=work, env=env, capture_output=True, text=True)
        lines = check.stdout.split("\n")
        if check.returncode != 0:
            fail(f"cannot import the installed package: {check.stderr}")
        if lines[0] != "installed":
            fail(f"the package is imported from a {lines[0]}, not from the installed wheel")
        missing = [line for line in lines[1:] if line]
        if missing:
            fail("missing from the install: " + ", ".join(missing))

    version = run("--version").stdout.strip()
    if not version.startswith("briefing-app ") or version.endswith("unknown"):
        fail(f"--version printed {version!r}")
    exported = json.loads(run("export", "--format", "json", "--briefing", "mic-2017-h1").stdout)
    if exported["briefing"]["id"] != "mic-2017-h1" or len(exported["indicators"]) < 50:
        fail("export did not give the bundled 2017 review")
    newest = json.loads(run("export", "--format", "json").stdout)["briefing"]["id"]
    if newest != "mic-2019-h1":
        fail(f"export without --briefing gave {newest}, not the newest bundled briefing")
    found = run("search", "dien thoai").stdout
    if "điện thoại" not in found:
        fail(f"search 'dien thoai' did not find 'điện thoại': {found[:200]!r}")
    printed = run("print", "-o", "summary.pdf").stdout
    pdf = work / "summary.pdf"
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF") or "pages" not in printed:
        fail(f"print wrote no PDF: {printed!r}")
    library = data / "briefing-app" / "briefings.db"
    if not library.is_file():
        fail(f"the user's library was not created at {library}")
    source = work / "mine"
    source.mkdir()
    (source / "article.txt").write_text("Doanh thu đạt 12,5 tỷ đồng trong quý.\n", encoding="utf-8")
    (source / "mine.yaml").write_text(textwrap.dedent("""\
        format: briefing/1
        briefing:
          id: smoke-test
          organisation: {vi: "Đơn vị thử"}
          title: {vi: "Báo cáo thử"}
          period: {vi: "Quý I"}
          source: {title: "Bài thử", article: article.txt}
        sectors:
          - {id: chung, vi: "Chung"}
        indicators:
          - key: doanh-thu
            sector: chung
            label: {vi: "Doanh thu"}
            value: "12,5"
            unit: {vi: "tỷ đồng"}
            source: "Doanh thu đạt 12,5 tỷ đồng trong quý."
        """), encoding="utf-8")
    imported = run("import", str(source / "mine.yaml")).stdout
    if str(library) not in imported:
        fail(f"import did not add to the user's library: {imported!r}")
    found = json.loads(run("search", "doanh thu", "--briefing", "smoke-test", "--json").stdout)
    if not found:
        fail("the imported briefing is not searchable in the library")
    # The spreadsheet writer is a dependency of the install, not of the checkout.
    run("export", "--format", "xlsx", "--briefing", "mic-2017-h1", "-o", "briefing.xlsx")
    if not (work / "briefing.xlsx").read_bytes().startswith(b"PK"):
        fail("export --format xlsx wrote no workbook")
    # An article drafted into a briefing file that validates and imports as it is.
    (source / "review.article.txt").write_text(
        "Bộ TT&TT sơ kết 6 tháng đầu năm 2026\n\nDoanh thu dịch vụ bưu chính ước đạt 27.100 tỷ đồng, tăng 5,1% "
        "so với cùng kỳ năm 2025.\n", encoding="utf-8")
    run("draft", str(source / "review.article.txt"), "--id", "smoke-draft")
    drafted = source / "review.article.draft.yaml"
    if "27.100" not in drafted.read_text(encoding="utf-8"):
        fail("draft did not draft the article's figure")
    run("validate", str(drafted))
    run("import", str(drafted))
    print(f"install smoke: ok ({version}; export json/xlsx, search, print, draft, validate, import into {library})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
