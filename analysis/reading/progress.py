"""Progress where a person waits, silence in logs: a bar on a terminal, one line per stage
elsewhere.

A stage shown on a terminal (stderr a tty) draws a tqdm bar that it removes when it ends;
shown anywhere else (a log file, a pipe, CI) it writes one line when it ends, with what it
did and how long it took, and never a carriage return. A stage not shown writes nothing.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO


def is_terminal(stream: TextIO) -> bool:
    """Give whether `stream` is a terminal (a closed or odd stream is not)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """How far a stage of `total` units has got: a bar on a terminal, else one line at its end
    (`desc: N units in S s`), nothing when not `show`n. `write` puts a line above the bar."""

    def __init__(self, total: int, desc: str, unit: str, show: bool, stream: TextIO | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.total, self.desc, self.unit, self.done = total, desc, unit, 0
        self.bar = None
        self.line = False
        if show and is_terminal(self.stream):
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=desc, unit=unit, leave=False, file=self.stream)
        elif show:
            self.line = True
        self.started = time.perf_counter()

    def update(self, n: int = 1) -> None:
        """Count `n` more units done."""
        self.done += n
        if self.bar is not None:
            self.bar.update(n)

    def write(self, text: str) -> None:
        """Write a line of `text`, above the bar if there is one."""
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def close(self, finished: bool = True) -> None:
        """End the stage: remove the bar, or write its line if it `finished`."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif self.line and finished:
            self.line = False
            units = self.unit if self.done == 1 else self.unit + "s"
            print(f"{self.desc}: {self.done:,} {units} in {time.perf_counter() - self.started:.1f} s",
                  file=self.stream, flush=True)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(finished=kind is None)
