"""Where a build's time goes: each stage's seconds and, for each notebook, its kernel's start,
its cells and its HTML page, printed one line each when the build is asked for them."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import NamedTuple


class NotebookRun(NamedTuple):
    """One notebook's run: its name, seconds in all, the error that stopped it (None when
    every cell ran), and the seconds of its kernel's start, of its cells and of its page."""

    name: str
    seconds: float
    error: str | None
    kernel: float = 0.0
    cells: float = 0.0
    page: float = 0.0


@dataclass
class Timings:
    """The seconds of a build's stages in the order they ran, and its notebooks' runs."""

    stages: dict[str, float] = field(default_factory=dict)
    notebooks: list[NotebookRun] = field(default_factory=list)
    _mark: float = field(default_factory=time.perf_counter)

    def stage(self, name: str) -> None:
        """Record the seconds since the last stage ended as stage `name`."""
        now = time.perf_counter()
        self.stages[name] = self.stages.get(name, 0.0) + now - self._mark
        self._mark = now

    def lines(self) -> list[str]:
        """Give the breakdown as lines: the stages, then each notebook's parts."""
        out = [f"time {name}: {seconds:.2f} s" for name, seconds in self.stages.items()]
        for run in sorted(self.notebooks, key=lambda r: r.name):
            out.append(f"time notebook {run.name}: {run.seconds:.2f} s (kernel start "
                       f"{run.kernel:.2f} s, cells {run.cells:.2f} s, page {run.page:.2f} s)")
        return out

    def report(self) -> None:
        """Print the breakdown to stderr."""
        for line in self.lines():
            print(line, file=sys.stderr)
