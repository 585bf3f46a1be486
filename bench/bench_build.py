"""Benchmark the build: `python -m analysis build` against running `jupyter nbconvert --execute
--to html` on each notebook one after another, and the nbval run, in the same session.

    .venv/bin/python -m bench.bench_build [--articles DIR]
    .venv/bin/python -m bench.bench_build --articles bench/out/corpus-10000 --build-only

The second form times only the build of another corpus (the nbconvert and nbval runs always
use the default corpus, so they are skipped there).

Prints a table; targets: build under 20 s and at least twice as fast as sequential
nbconvert; nbval under 60 s.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import config
from analysis.presentation.build import notebook_paths

ROOT = config.ROOT

BIN = Path(sys.executable).parent


def timed(cmd: list[str], **kw) -> float:
    return run_timed(cmd, **kw)[0]


def run_timed(cmd: list[str], **kw) -> tuple[float, str]:
    """Run `cmd`; give its seconds and what it printed to stderr (exit on failure)."""
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return elapsed, done.stderr


def _breakdown(stderr: str) -> None:
    """Print the build's own account of where its time went (`build --timings`)."""
    print("where the build's time went (its own clock; the notebooks run side by side, so "
          "theirs add up to more than the stage's):")
    for line in stderr.splitlines():
        if line.startswith("time "):
            print("  " + line[len("time "):])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=config.ARTICLES)
    parser.add_argument("--build-only", action="store_true",
                        help="time only the build (for a large corpus)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build, said = run_timed([sys.executable, "-m", "analysis", "build", "--timings",
                                 "--articles", str(args.articles), "--reports", str(tmp / "reports"),
                                 "--processed", str(tmp / "processed")], cwd=ROOT)
        if args.build_only:
            _machine(args)
            print(f"{'python -m analysis build (tables+notebooks+HTML)':<44}{build:>9.1f}")
            _breakdown(said)
            return
        started = time.perf_counter()
        for nb in notebook_paths():
            timed([str(BIN / "jupyter"), "nbconvert", "--execute", "--to", "html",
                   "--output-dir", str(tmp / "nbconvert"), str(nb)], cwd=ROOT)
        sequential = time.perf_counter() - started
        nbval = timed([sys.executable, "-m", "pytest", "-q", "-n", "2", "notebooks"], cwd=ROOT)
    _machine(args)
    print(f"{'step':<44}{'seconds':>9}  target")
    print(f"{'python -m analysis build (tables+notebooks+HTML)':<44}{build:>9.1f}  < 20 s")
    print(f"{'nbconvert --execute --to html, one by one':<44}{sequential:>9.1f}")
    print(f"{'speed-up of the build over nbconvert':<44}{sequential / build:>8.1f}x  >= 2x")
    print(f"{'pytest --nbval notebooks (2 workers)':<44}{nbval:>9.1f}  < 60 s")
    _breakdown(said)


def _machine(args) -> None:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}")
    print(f"notebooks: {len(notebook_paths())}, corpus: {args.articles}")


if __name__ == "__main__":
    main()
