"""What the tests share: the labelled corpus beside the project, crafted article files, and
the command line run as a user runs it."""
from __future__ import annotations

import subprocess
import sys
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
