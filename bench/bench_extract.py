"""Benchmark fact extraction on generated corpora against quantulum3 and a bare regex pass.

    .venv/bin/python -m bench.bench_extract [--sizes 1000 10000] [--sample 200] [--seed 0]
    .venv/bin/python -m bench.bench_extract --profile [--profile-articles 1000]

For each size N it generates (or reuses) a corpus of N synthetic articles in
bench/out/corpus-N/ (bench/make_corpus.py) and times, each in a fresh process:
- ours: `extract_files`, what `python -m analysis extract` runs (read, extract, build and
  validate the facts table), with one process and with all cores (`default_workers()`);
- quantulum3: `quantulum3.parser.parse` of each article, a general-purpose quantity
  parser, on the first --sample articles only (it is slow); its time per article is
  extrapolated to N and marked `est.`. Its one-off load time is left out. The row is
  skipped, with the reason, when quantulum3 is not installed
  (the `bench` extra: `scripts/setup.sh bench`);
- regex: reading the files and one regular expression that only finds numerals (digits
  and number words): a floor for any extractor that reads every article.
Times are wall-clock after imports. Peak RSS is the largest resident set of the main
process, and of one pool worker where there are workers (getrusage; pages a forked worker
shares with its parent count in both). The table, the machine and the ratios are printed
and written to bench/out/bench_extract.txt.

--profile runs single-process extraction of the first --profile-articles articles under
pyinstrument (cProfile when pyinstrument is not installed) and prints the functions with
the most own time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "bench" / "out"
REPORT = OUT / "bench_extract.txt"

NUMERALS = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|dozens?)\b", re.I)


# ---- children: each measurement runs in its own process ---------------------------------

def _rss_mb() -> tuple[float, float]:
    """Give the peak RSS (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def _files(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(folder.glob("*.txt"))
    return files[:limit] if limit else files


def child_ours(folder: Path, workers: int) -> dict:
    from analysis.extraction.corpus import extract_files
    files = _files(folder, None)
    started = time.perf_counter()
    facts, n_articles, errors = extract_files([folder], workers=workers, progress=False)
    seconds = time.perf_counter() - started
    assert not errors
    return {"seconds": seconds, "articles": n_articles, "facts": len(facts),
            "bytes": sum(p.stat().st_size for p in files)}


def child_regex(folder: Path) -> dict:
    files = _files(folder, None)
    started = time.perf_counter()
    found = 0
    for path in files:
        found += len(NUMERALS.findall(path.read_bytes().decode("utf-8")))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(files), "facts": found,
            "bytes": sum(p.stat().st_size for p in files)}


def child_quantulum(folder: Path, limit: int) -> dict:
    import warnings
    warnings.filterwarnings("ignore")          # "classifier dependencies not installed"
    started = time.perf_counter()
    from quantulum3 import parser
    parser.parse("Russia launched 12 drones.")   # loads its unit tables: left out below
    load = time.perf_counter() - started
    files = _files(folder, limit)
    texts = [p.read_bytes().decode("utf-8") for p in files]
    started = time.perf_counter()
    found = sum(len(parser.parse(text)) for text in texts)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(files), "facts": found, "load": load,
            "bytes": sum(p.stat().st_size for p in files)}


def run_child(*args: str) -> dict:
    """Run this script as a child measurement; give its result."""
    done = subprocess.run([sys.executable, "-m", "bench.bench_extract", "--child", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"measurement failed: {' '.join(args)}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- the parent: corpora, table, ratios ---------------------------------------------------

def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from analysis.reading.batches import default_workers
    return (f"machine: {os.cpu_count()} cores ({default_workers()} usable), {cpu}, "
            f"Python {platform.python_version()} ({platform.system()} {platform.release()})")


def quantulum_version() -> str | None:
    try:
        from importlib.metadata import version
        return version("quantulum3")
    except Exception:
        return None


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def corpus(n: int, seed: int) -> Path:
    from bench.make_corpus import make_corpus
    folder = OUT / (f"corpus-{n}" if seed == 0 else f"corpus-{n}-seed{seed}")
    print(f"generating corpus of {n:,} articles in {folder.relative_to(ROOT)} ...",
          file=sys.stderr, flush=True)
    make_corpus(n, folder, seed=seed)
    return folder


def fmt_rss(row: dict) -> str:
    if row.get("workers", 1) > 1 and row.get("rss_children"):
        return f"{row['rss']:.0f} + {row['workers']}x{row['rss_children']:.0f}"
    return f"{row['rss']:.0f}"


def table(rows: list[dict]) -> list[str]:
    head = (f"{'engine':<22}{'N':>7}{'procs':>6}{'wall s':>10}{'MB/s':>8}{'articles/s':>12}"
            f"{'ms/article':>12}{'found':>9}  {'peak RSS MB':<16}")
    lines = [head, "-" * len(head)]
    for r in rows:
        per_article = r["seconds"] / r["articles"]
        n = r["n"]
        wall = per_article * n if r.get("estimated") else r["seconds"]
        mark = " est." if r.get("estimated") else ""
        wall_text = f"{wall:>10.1f}" if wall >= 1 else f"{wall:>10.3f}"
        found = r["facts"] if not r.get("estimated") else round(r["facts"] / r["articles"] * n)
        lines.append(
            f"{r['engine']:<22}{n:>7,}{r.get('workers', 1):>6}{wall_text}"
            f"{r['bytes'] / r['seconds'] / 1e6:>8.2f}{r['articles'] / r['seconds']:>12.1f}"
            f"{per_article * 1000:>12.2f}{found:>9,}  {fmt_rss(r):<16}{mark}")
    return lines


def ratios(rows: list[dict], sizes: list[int], cores: int) -> list[str]:
    def rate(engine: str, n: int, workers: int = 1) -> float | None:
        for r in rows:
            if r["engine"] == engine and r["n"] == n and r.get("workers", 1) == workers:
                return r["articles"] / r["seconds"]
        return None

    lines = []
    for n in sizes:
        one, allc, q, rx = (rate("ours", n), rate("ours", n, cores), rate("quantulum3", n),
                            rate("regex (numerals only)", n))
        if one and allc and cores > 1:
            lines.append(f"N={n:,}: {cores} processes are {allc / one:.2f}x one process")
        if one and q:
            lines.append(f"N={n:,}: ours (1 process) is {one / q:.1f}x the throughput of "
                         f"quantulum3 (1 process)" + (f"; {allc / q:.1f}x with {cores} processes"
                                                      if allc and cores > 1 else ""))
        if one and rx:
            lines.append(f"N={n:,}: the bare numeral regex is {rx / one:.0f}x the throughput "
                         f"of ours (1 process)")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for workers in sorted({1, cores}):
            a, b = rate("ours", small, workers), rate("ours", large, workers)
            if a and b:
                lines.append(f"time per article at N={large:,} / at N={small:,}, {workers} "
                             f"process{'es' if workers > 1 else ''}: {a / b:.2f}")
    return lines


def bench(sizes: list[int], sample: int, seed: int) -> None:
    from analysis.reading.batches import default_workers
    cores = default_workers()
    out: list[str] = [machine(), f"load average at start: {load()}"]
    qv = quantulum_version()
    rows: list[dict] = []
    notes: list[str] = []
    q = None
    for n in sizes:
        folder = corpus(n, seed)
        mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        out.append(f"corpus N={n:,}: {folder.relative_to(ROOT)}, {mb:.1f} MB, seed {seed}")
        for workers in sorted({1, cores}):
            print(f"  ours, N={n:,}, {workers} process(es) ...", file=sys.stderr, flush=True)
            rows.append({"engine": "ours", "n": n, "workers": workers,
                         **run_child("ours", folder, workers)})
        if qv:
            if q is None:     # article i is the same in every corpus: one sample serves all
                print(f"  quantulum3, first {min(sample, n)} articles ...", file=sys.stderr,
                      flush=True)
                q = run_child("quantulum3", folder, min(sample, n))
                notes.append(f"quantulum3 {qv} (without its classifier extra): timed once on "
                             f"the first {q['articles']} articles ({q['seconds']:.1f} s), "
                             f"extrapolated per article to each N (est.); its one-off load "
                             f"({q['load']:.1f} s) is not counted")
            rows.append({"engine": "quantulum3", "n": n, "estimated": q["articles"] < n, **q})
        print(f"  regex, N={n:,} ...", file=sys.stderr, flush=True)
        rows.append({"engine": "regex (numerals only)", "n": n, **run_child("regex", folder, 0)})
    if not qv:
        notes.append("quantulum3 is not installed: its rows are skipped "
                     "(install the bench extra: scripts/setup.sh bench)")
    out += ["", *table(rows), "", *notes,
            "wall s: parse + extract + validate the facts table, in a fresh process after "
            "imports; found: facts (ours), quantities (quantulum3), numerals (regex)",
            "peak RSS: main process, + workers x one worker's peak", "",
            *ratios(rows, sizes, cores), f"load average at end: {load()}"]
    text = "\n".join(out) + "\n"
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(f"(written to {REPORT.relative_to(ROOT)})", file=sys.stderr)


def _file_group(path: str) -> str:
    """Give the project file, or the kind of code, a profiled function belongs to."""
    if "analysis/" in path and "site-packages" not in path:
        return "analysis/" + Path(path).name
    if path.startswith(("<built-in>", "~")):
        return "C built-ins called from Python (re, str, list ...)"
    if path.startswith("<"):
        return "generated code (dataclass __init__ ...)"
    return "libraries (pandas, pandera, numpy ...)"


def profile(n: int, seed: int, top: int = 15) -> None:
    from analysis.extraction.corpus import extract_facts
    from analysis.reading.tables import read_articles
    folder = corpus(n, seed)
    articles, _ = read_articles([folder])
    extract_facts(articles[:5], progress=False)          # lazy set-up out of the profile
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    started = time.perf_counter()
    own: dict[tuple[str, str], float] = {}
    if Profiler is not None:
        profiler = Profiler(interval=0.0005)
        profiler.start()
        extract_facts(articles, workers=1, progress=False)
        session = profiler.stop()
        tool = "pyinstrument (sampling, 0.5 ms)"
        stack = [session.root_frame()]
        while stack:
            frame = stack.pop()
            stack.extend(frame.children)
            if frame.is_synthetic:
                continue
            where = f"{frame.file_path_short}:{frame.line_no}"
            key = (frame.function or "?", where)
            own[key] = own.get(key, 0.0) + frame.total_self_time
    else:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        prof.runcall(extract_facts, articles, workers=1, progress=False)
        tool = "cProfile (pyinstrument is not installed)"
        for (file, line, func), (_, _, tottime, _, _) in pstats.Stats(prof).stats.items():
            path = os.path.relpath(file, ROOT) if file.startswith(str(ROOT)) else file
            where = f"{path}:{line}"
            own[(func, where)] = own.get((func, where), 0.0) + tottime
    total = time.perf_counter() - started
    accounted = sum(own.values())
    print(f"{machine()}\nprofile of extract_facts, 1 process, {len(articles):,} articles, "
          f"{tool}: {total:.1f} s wall under the profiler\n")
    print(f"{'own s':>7} {'share':>6}  function")
    for (func, where), seconds in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{seconds:>7.2f} {seconds / accounted:>6.1%}  {func}  ({where})")
    by_file: dict[str, float] = {}
    for (_, where), seconds in own.items():
        name = _file_group(where.rsplit(":", 1)[0])
        by_file[name] = by_file.get(name, 0.0) + seconds
    print(f"\n{'own s':>7} {'share':>6}  file")
    for name, seconds in sorted(by_file.items(), key=lambda kv: -kv[1])[:10]:
        print(f"{seconds:>7.2f} {seconds / accounted:>6.1%}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], metavar="N",
                        help="corpus sizes (default: 1000 10000)")
    parser.add_argument("--sample", type=int, default=200,
                        help="articles given to quantulum3 (default: 200)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    parser.add_argument("--profile", action="store_true",
                        help="profile single-process extraction instead of benchmarking")
    parser.add_argument("--profile-articles", type=int, default=1000, metavar="N")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder, *rest = args.child
        folder = Path(folder)
        if kind == "ours":
            result = child_ours(folder, int(rest[0]))
        elif kind == "regex":
            result = child_regex(folder)
        else:
            result = child_quantulum(folder, int(rest[0]))
        result["rss"], result["rss_children"] = _rss_mb()
        print(json.dumps(result))
    elif args.profile:
        profile(args.profile_articles, args.seed)
    else:
        bench(sorted(set(args.sizes)), args.sample, args.seed)


if __name__ == "__main__":
    main()
