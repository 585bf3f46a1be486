"""What the tests share: the labelled corpus beside the project, crafted article files, and
the command line run as a user runs it."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import config

SHARED_CORPUS = config.SHARED_CORPUS
needs_shared = pytest.mark.skipif(
    not (SHARED_CORPUS / "dev_gold.csv").exists(),
    reason=f"the labelled corpus is not at {SHARED_CORPUS} (it sits beside the project in CI)",
)


def write_article(folder: Path, name: str, text: str | bytes) -> Path:
    """Write one article file and give its path."""
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m analysis ARGS` and give the finished process."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or config.ROOT, timeout=600)


def run_signalled(args: list[str], sig: int, after: float, tmpdir: Path | None = None
                  ) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run `python -m analysis ARGS` in a session of its own (with `tmpdir` as its temporary
    folder, if given), send `sig` to its process group `after` seconds in (as a terminal's
    Ctrl-C does), and give the finished process and the ids of the processes of that group
    still running."""
    env = {**os.environ, "TMPDIR": str(tmpdir)} if tmpdir is not None else None
    proc = subprocess.Popen([sys.executable, "-m", "analysis", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=config.ROOT, env=env)
    time.sleep(after)
    os.killpg(proc.pid, sig)
    out, err = proc.communicate(timeout=60)
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True).stdout.split()
    return subprocess.CompletedProcess(args, proc.returncode, out, err), left


def chart_inputs() -> dict[str, tuple]:
    """Each chart function of analysis.presentation.plots with the data its notebook draws it
    from: the default corpus and the Air Force record."""
    from analysis.analyses import cold, interceptions, nights, record_check, territory_gains
    from analysis.extraction import corpus
    from analysis.records import airforce, territory

    loaded = corpus.load_corpus([config.ARTICLES])
    facts = loaded.facts
    attacks, _ = airforce.load_attacks_with_issues()
    nightly = airforce.nightly(attacks)
    every = nights.nights_table(facts, loaded.articles, attacks)
    checked = sorted(set(record_check.crosscheck(facts, attacks)["night"]))
    night = checked[-1] if checked else str(nightly["night"].max().date())   # as notebook 02
    gains = territory_gains.article_series(facts, loaded.articles)
    points = cold.pair(cold.temperatures(facts), cold.heating_outages(facts))
    return {
        "interception_chart": (interceptions.interceptions(facts),),
        "cold_chart": (points,),
        "territory_series": (territory.load_territory(), gains),
        "nights_timeline": (nightly, nights.marked_nights(every)),
        "outages_timeline": (cold.outages(facts), cold.temperatures(facts)),
        "rate_over_time": (nightly, record_check.largest(nightly, "all", n=5)),
        "size_distribution": (nightly, night),
        "class_rates": (record_check.class_rates(nightly, night),),
    }
