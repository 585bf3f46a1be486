"""Time loading and classifying the Air Force attack record against a plain pandas.read_csv.

Run from the project root: `.venv/bin/python -m bench.bench_airforce [--repeat N]`.
It prints the first call in this process (this includes lazy imports), and the best and
median of N timed calls. The baseline is `pandas.read_csv` of the same file, timed in the
same run. It exits with status 1 if the best load time is 1 s or more.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings

import pandas as pd

from analysis import config
from analysis.records import airforce

TARGET_SECONDS = 1.0


def timed(func, repeat: int) -> list[float]:
    """Return the wall times, in seconds, of `repeat` calls of `func`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def load_and_classify():
    """Load, validate, classify and sum per night; return the national nightly table."""
    attacks, _ = airforce.load_attacks_with_issues(config.AIRFORCE_ATTACKS)
    return airforce.nightly(attacks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    path = config.AIRFORCE_ATTACKS

    warnings.simplefilter("ignore", airforce.DataQualityWarning)
    start = time.perf_counter()
    attacks, issues = airforce.load_attacks_with_issues(path)
    first = time.perf_counter() - start

    baseline = timed(lambda: pd.read_csv(path), args.repeat)
    loader = timed(lambda: airforce.load_attacks_with_issues(path), args.repeat)
    full = timed(load_and_classify, args.repeat)

    print(f"file: {path.relative_to(config.ROOT)} ({path.stat().st_size / 1e6:.2f} MB, "
          f"{len(attacks)} valid rows, {len(issues)} issues)")
    print(f"first call (with lazy imports)         {first:7.3f} s")
    rows = [("pandas.read_csv (baseline)", baseline),
            ("load_attacks (read+parse+classify+validate)", loader),
            ("load_attacks + nightly", full)]
    print(f"{'':44s} {'best':>8s} {'median':>8s} {'x baseline':>11s}")
    base = min(baseline)
    for name, times in rows:
        best, median = min(times), statistics.median(times)
        print(f"{name:44s} {best:7.3f}s {median:7.3f}s {best / base:10.1f}x")
    best = min(loader)
    ok = best < TARGET_SECONDS
    print(f"target: load < {TARGET_SECONDS:.0f} s (best of {args.repeat}) -> {'ok' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
