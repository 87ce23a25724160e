"""The standalone bundle against the virtual environment: size on disk and start-up.

    python benchmarks/bundle_start.py [--bundle dist/briefing-app] [--build] [--runs 5] [--json FILE]

Runs the same commands from the bundle and from this environment's ``briefing-app`` script, each
in a minimal environment (``PATH=/usr/bin:/bin``, a temporary home and data folder, Qt offscreen),
and prints the median wall time of each:

* ``briefing-app --version`` (the Python start-up and argparse: no Qt);
* ``briefing-app print -o x.pdf`` (Qt, fonts, the library, 13 pages);
* the window: process start → ``opened ...`` in the log (the briefing is read; the window is
  shown right after), taken from the log line's time stamp.

Each variant runs every command once first, not counted, so the user's library exists and the
disk cache is warm for both. The package is byte-compiled first, as ``pip install`` does.
``--build`` builds the bundle into a temporary folder first (and reports how long that took).
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

from build_bundle import APP_NAME, build, folder_size  # noqa: E402


def minimal_env(work: Path) -> dict[str, str]:
    """What a user's shell would give, less everything of this environment's."""
    (work / "home").mkdir(parents=True, exist_ok=True)
    (work / "data").mkdir(exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(work / "home"), "XDG_DATA_HOME": str(work / "data"),
            "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}  # TZ: the log's time stamps are read back as UTC


def time_command(program: Path, args: list[str], env: dict[str, str], cwd: Path) -> float:
    """Wall seconds of one run; fails loudly if the command fails."""
    start = time.perf_counter()
    done = subprocess.run([str(program), *args], env=env, cwd=cwd, capture_output=True, timeout=300, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{program} {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return seconds


def time_window(program: Path, env: dict[str, str], cwd: Path, timeout: float = 60) -> float:
    """Seconds from process start to the log's ``opened`` line (its own time stamp), then end the process."""
    log = Path(env["XDG_DATA_HOME"]) / "briefing-app" / "briefing-app.log"
    seen = log.read_text(encoding="utf-8").count(" opened ") if log.exists() else 0
    started = time.time()
    process = subprocess.Popen([str(program)], env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = [line for line in log.read_text(encoding="utf-8").splitlines() if " opened " in line] \
                if log.exists() else []
            if len(lines) > seen:
                stamp = datetime.strptime(lines[seen][:23], "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=UTC).timestamp()
                return stamp - started
            if process.poll() is not None:
                raise SystemExit(f"{program}: the window exited with status {process.returncode} before opening")
            time.sleep(0.005)
        raise SystemExit(f"{program}: no 'opened' in {log} after {timeout} s")
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(program: Path, runs: int, work: Path) -> dict[str, float]:
    """Median seconds of each command for one variant (a warm-up run of each first, not counted)."""
    env = minimal_env(work)
    cwd = work / "cwd"
    cwd.mkdir(exist_ok=True)
    commands = {"--version": ["--version"], "print -o x.pdf": ["print", "-o", "x.pdf"]}
    results = {}
    for name, args in commands.items():
        time_command(program, args, env, cwd)
        results[name] = statistics.median(time_command(program, args, env, cwd) for _ in range(runs))
    time_window(program, env, cwd)
    results["window → 'opened' in log"] = statistics.median(time_window(program, env, cwd) for _ in range(runs))
    return results


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table; the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / APP_NAME, help="the bundle's folder")
    parser.add_argument("--build", action="store_true", help="build the bundle into a temporary folder first")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    venv_program = Path(sys.executable).parent / APP_NAME
    if not venv_program.is_file():
        parser.error(f"{venv_program} not found: install the project in this environment (pip install -e .)")
    compileall.compile_dir(ROOT / "briefing_app", quiet=1)
    with tempfile.TemporaryDirectory(prefix="briefing-bundle-bench-") as scratch:
        work = Path(scratch)
        build_seconds = None
        bundle = args.bundle
        if args.build:
            start = time.perf_counter()
            bundle = build(work / "dist")
            build_seconds = time.perf_counter() - start
        program = bundle / APP_NAME
        if not program.is_file():
            parser.error(f"{program} not found: build it with python packaging/build_bundle.py, or pass --build")
        bundle_times = measure(program, args.runs, work / "bundle")
        venv_times = measure(venv_program, args.runs, work / "venv")
        size_mb = folder_size(bundle) / 1e6
    print(f"bundle: {bundle} ({size_mb:.1f} MB on disk)" +
          (f", built in {build_seconds:.0f} s" if build_seconds is not None else ""))
    print(f"venv:   {venv_program}")
    print(f"median of {args.runs} runs, minimal environment, Qt offscreen\n")
    print(f"{'command':<28}{'bundle ms':>12}{'venv ms':>12}{'bundle/venv':>14}")
    for name, seconds in bundle_times.items():
        print(f"{name:<28}{seconds * 1000:>12.0f}{venv_times[name] * 1000:>12.0f}{seconds / venv_times[name]:>14.2f}")
    if args.json:
        args.json.write_text(json.dumps({"bundle": str(bundle), "size_mb": round(size_mb, 1),
                                         "build_s": build_seconds, "runs": args.runs,
                                         "bundle_s": bundle_times, "venv_s": venv_times}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
