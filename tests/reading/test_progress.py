"""Progress where a person waits, silence in logs: a bar on a terminal, one line per stage in a
file or a pipe, for `extract` and `build` as a user runs them."""
from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from analysis import config
from analysis.reading.progress import Progress
from bench.make_corpus import make_corpus
from tests.helpers import run_cli


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_stage_in_a_log_is_one_line_at_its_end():
    log = io.StringIO()
    with Progress(3, "extracting", "article", True, log) as stage:
        for _ in range(3):
            stage.update()
        assert log.getvalue() == ""                          # nothing while it runs
    assert re.fullmatch(r"extracting: 3 articles in \d+\.\d s\n", log.getvalue())


def test_a_stage_not_shown_or_not_finished_writes_nothing():
    log = io.StringIO()
    with Progress(3, "extracting", "article", False, log) as stage:
        stage.update(3)
    with pytest.raises(KeyboardInterrupt), Progress(3, "extracting", "article", True, log) as stage:
        stage.update()
        raise KeyboardInterrupt
    assert log.getvalue() == ""


def test_a_stage_on_a_terminal_draws_a_bar_and_writes_lines_above_it():
    terminal = Terminal()
    with Progress(2, "notebooks", "notebook", True, terminal) as stage:
        stage.write("notebook 01.ipynb: 1.0 s ok")
        stage.update(2)
    assert "\r" in terminal.getvalue() and "notebooks" in terminal.getvalue()
    assert "notebook 01.ipynb: 1.0 s ok\n" in terminal.getvalue()


def _on_a_terminal(*args: str, timeout: float = 300) -> str:
    """Run `python -m analysis ARGS` with stderr on a pseudo-terminal; give what it wrote there."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))   # 100 columns
    proc = subprocess.Popen([sys.executable, "-m", "analysis", *map(str, args)], cwd=config.ROOT,
                            stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:                                      # the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=timeout) == 0, b"".join(chunks)[-2000:]
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A corpus large enough for progress to show by default."""
    folder = tmp_path_factory.mktemp("progress")
    make_corpus(210, folder, seed=3)
    return folder


def test_extract_in_a_log_writes_a_line_per_stage_and_no_carriage_return(corpus, tmp_path):
    done = run_cli("extract", corpus, "--out", tmp_path / "facts.csv", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2, lines
    assert re.fullmatch(r"extracting: 210 articles in \d+\.\d s", lines[0])
    assert lines[1].startswith("wrote ") and "from 210 articles" in lines[1]
    quiet = run_cli("extract", corpus, "--out", tmp_path / "facts.csv", "--no-progress")
    assert quiet.stderr.splitlines() == [l for l in quiet.stderr.splitlines() if l.startswith("wrote ")]


def test_extract_on_a_terminal_draws_a_bar(corpus, tmp_path):
    shown = _on_a_terminal("extract", corpus, "--out", tmp_path / "facts.csv", "--workers", "2")
    # a bar redraws its line (a carriage return not ending a line, which the terminal adds)
    assert re.search(r"\r(?!\n)", shown) and re.search(r"extracting: +\d+%", shown), shown[-500:]
    assert "extracting: 210 articles in" not in shown          # the bar, not the log's line


@pytest.mark.slow
def test_build_on_a_terminal_draws_a_bar_over_the_notebooks_and_a_log_gets_lines(tmp_path, seeds_dir):
    args = ["build", "--articles", seeds_dir, "--reports", tmp_path / "reports",
            "--processed", tmp_path / "processed"]
    shown = _on_a_terminal(*args)
    assert re.search(r"\r(?!\n)", shown) and re.search(r"notebooks: +\d+%", shown), shown[-500:]
    logged = run_cli(*args)
    assert logged.returncode == 0 and "\r" not in logged.stderr
    lines = logged.stderr.splitlines()
    notebooks = sorted(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert sorted(l.split(":")[0] for l in lines if l.startswith("notebook ")) == \
        sorted(f"notebook {p.name}" for p in notebooks)
    assert [l.split(":")[0] for l in lines if not l.startswith("notebook ")] == ["tables", "report"]
