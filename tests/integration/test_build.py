"""The notebooks and the one-command build: parameters, no typed figures, reproducibility."""
from __future__ import annotations

import json
import re
import shutil

import nbformat
import pytest

from analysis.presentation.build import notebook_paths
from tests.helpers import run_cli

NOTEBOOKS = notebook_paths()


def test_notebooks_exist_in_reading_order():
    names = [p.stem for p in NOTEBOOKS]
    assert names == sorted(names) and len(names) >= 5


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_first_and_executed_in_order(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert "ARTICLES" in code[0].source
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_figure_typed_in_prose(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            prose = re.sub(r"`[^`]*`", "", cell.source)       # column and file names may hold digits
            assert not re.search(r"\d", prose), cell.source[:80]


@pytest.mark.slow
def test_build_reruns_on_another_corpus_reproducibly(tmp_path, seeds_dir):
    corpus = tmp_path / "my_articles"
    corpus.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    (corpus / "extra.txt").write_text(
        " date 2026-02-04 Drones over Odesa\n\nRussia launched 20 drones at Odesa overnight, "
        "and air defences shot down 18 of them, the air force said.\n", encoding="utf-8")
    reports = tmp_path / "reports"
    first = tmp_path / "first"
    for run in ("first", "second"):
        done = run_cli("build", "--articles", corpus, "--reports", reports)
        assert done.returncode == 0, done.stderr[-2000:]
        if run == "first":
            shutil.copytree(reports, first)
    second = reports
    index = (first / "index.html").read_text(encoding="utf-8")
    assert "extra" in index and all(f"{p.stem}.html" in index for p in NOTEBOOKS)
    for path in sorted(first.rglob("*")):
        if path.is_file():
            twin = second / path.relative_to(first)
            assert path.read_bytes() == twin.read_bytes(), f"{path.name} differs between builds"
    facts = (first / "data" / "facts.csv").read_text(encoding="utf-8")
    assert "extra" in facts
    manifest = json.loads((first / "data" / "manifest.json").read_text())
    assert set(manifest["articles"]) == {"000_26531b05a6b6a6d3", "001_eaf12c99b1d5aeae", "extra"}
