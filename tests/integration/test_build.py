"""The notebooks and the one-command build: parameters, no typed figures, reproducibility."""
from __future__ import annotations

import json
import re
import shutil
import signal
import time

from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.presentation.build import notebook_paths
from tests.helpers import SHARED_CORPUS, needs_shared, run_cli, run_signalled

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
    # each article's page, linked from the index (and compared below with the others)
    assert 'href="articles/extra.html"' in index
    assert 'id="fact-' in (first / "articles" / "extra.html").read_text(encoding="utf-8")
    for path in sorted(first.rglob("*")):
        if path.is_file():
            twin = second / path.relative_to(first)
            assert path.read_bytes() == twin.read_bytes(), f"{path.name} differs between builds"
    facts = (first / "data" / "facts.csv").read_text(encoding="utf-8")
    assert "extra" in facts
    manifest = json.loads((first / "data" / "manifest.json").read_text())
    assert set(manifest["articles"]) == {"000_26531b05a6b6a6d3", "001_eaf12c99b1d5aeae", "extra"}
    # every table a notebook shows is written whole and linked from the index
    nights = pd.read_parquet(first / "data" / "nights.parquet")
    assert "extra" in set(nights["article_id"]) and "2026-02-04" in set(nights["night"])
    for name in ("nights", "territory", "claim_checks", "agreement", "outages_by_winter"):
        assert f'href="data/{name}.csv"' in index and (first / "data" / f"{name}.parquet").exists()


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_failed_build_leaves_the_previous_report_whole(tmp_path, seeds_dir):
    from analysis.presentation.build import build
    reports, processed = tmp_path / "reports", tmp_path / "processed"
    assert build(seeds_dir, processed=processed, reports=reports, notebooks=NOTEBOOKS[-1:]) == 0
    before = _tree(reports), _tree(processed)
    broken = tmp_path / "notebooks" / "01_broken.ipynb"
    broken.parent.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise RuntimeError('boom')")])
    nb.metadata["kernelspec"] = {"name": "airwar", "display_name": "Air war (project)", "language": "python"}
    nbformat.write(nb, broken)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(" date 2026-02-05 Other\n\nRussia launched 9 drones.\n", encoding="utf-8")
    assert build(other, processed=processed, reports=reports,
                 notebooks=[NOTEBOOKS[-1], broken]) == 1
    assert (_tree(reports), _tree(processed)) == before
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []


def test_a_corpus_s_report_folder_is_named_by_its_folder_and_path(tmp_path):
    from analysis.presentation.build import corpus_folder, corpus_label
    one, two = tmp_path / "a" / "articles", tmp_path / "b" / "articles"
    names = {corpus_folder(one), corpus_folder(two), corpus_folder(one, tmp_path / "f.csv"),
             corpus_folder(one, tmp_path / "g" / "f.csv")}
    assert len(names) == 4 and all(re.fullmatch(r"articles(-f)?-[0-9a-f]{8}", n) for n in names)
    assert corpus_folder(one) == corpus_folder(tmp_path / "a" / "x" / ".." / "articles")
    assert corpus_label(one) == f"articles ({one})" != corpus_label(two)
    assert corpus_label(config.ROOT / "data" / "other") == "other (data/other)"
    assert corpus_label(one, tmp_path / "f.csv") == f"articles ({one}), facts of {tmp_path / 'f.csv'}"


@pytest.mark.slow
def test_two_corpora_of_one_folder_name_never_share_a_report(tmp_path, monkeypatch, seeds_dir):
    from analysis.presentation import build as builder
    reports = tmp_path / "reports"
    monkeypatch.setattr(config, "REPORTS", reports)           # the default folders
    monkeypatch.setattr(config, "PROCESSED", tmp_path / "processed")
    corpora = []
    for parent, drones in (("a", 20), ("b", 30)):
        folder = tmp_path / parent / "articles"
        folder.mkdir(parents=True)
        (folder / "night.txt").write_text(f" date 2026-02-04 Drones\n\nRussia launched {drones} "
                                          f"drones at Odesa overnight.\n", encoding="utf-8")
        corpora.append((folder, drones))
    one = NOTEBOOKS[:1]
    assert builder.build(corpora[0][0], reports=reports, notebooks=one) == 0
    first = _tree(reports)
    assert builder.build(corpora[1][0], reports=reports, notebooks=one) == 0
    assert {k: v for k, v in _tree(reports).items() if k in first} == first     # left whole
    folders = sorted(p for p in reports.iterdir())
    assert [p.name for p in folders] == sorted(builder.corpus_folder(f) for f, _ in corpora)
    for folder, drones in corpora:
        report = reports / builder.corpus_folder(folder)
        facts = pd.read_parquet(report / "data" / "facts.parquet")
        assert list(facts["value"]) == [drones]                  # its own tables, beside it
        title = f"Air war workbook: articles ({folder})"
        index = (report / "index.html").read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in index and f"<h1>{title}</h1>" in index
        page = (report / f"{one[0].stem}.html").read_text(encoding="utf-8")
        assert f"<title>Corpus and facts · articles ({folder})</title>" in page
        assert f"{title}: index</a>" in page
        assert f"Drones · {title}</title>" in (report / "articles" / "night.html").read_text()
    # the default corpus keeps reports/ itself, and its titles
    both = _tree(reports)
    assert builder.build(seeds_dir, reports=reports, notebooks=one) == 0
    assert {k: v for k, v in _tree(reports).items() if k in both} == both
    assert (tmp_path / "processed" / "facts.parquet").exists()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "<title>Air war workbook</title>" in index
    assert "<title>Corpus and facts</title>" in (reports / f"{one[0].stem}.html").read_text()


def test_a_second_build_into_the_same_folders_stops_at_once(tmp_path, seeds_dir):
    from analysis.presentation import staging
    reports = tmp_path / "reports"
    with staging.locked([reports]):
        done = run_cli("build", "--articles", seeds_dir, "--reports", reports,
                       "--processed", tmp_path / "processed")
    assert done.returncode == 1
    assert "another build is writing here" in done.stderr and "Traceback" not in done.stderr
    assert not reports.exists()


def test_a_build_lock_leaves_no_file_behind(tmp_path):
    import tempfile
    from analysis.presentation import staging
    reports = tmp_path / "reports"
    lock_files = lambda: set(Path(tempfile.gettempdir()).glob("airwar-build-*.lock"))  # noqa: E731
    before = lock_files()
    with staging.locked([reports, tmp_path / "processed"]):
        assert len(lock_files() - before) == 2
    assert lock_files() - before == set()
    with staging.locked([reports]):            # taken again after its file went
        assert len(lock_files() - before) == 1
    assert lock_files() - before == set()



@pytest.mark.slow
@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_the_build_promptly_and_keeps_the_previous_report(tmp_path, seeds_dir,
                                                                        sig, status):
    reports, processed = tmp_path / "reports", tmp_path / "processed"
    args = ["build", "--articles", seeds_dir, "--reports", reports, "--processed", processed]
    timed = run_cli(*args, "--timings")
    assert timed.returncode == 0
    # where the time went: each stage, and each notebook's kernel start, cells and page
    lines = [line for line in timed.stderr.splitlines() if line.startswith("time ")]
    assert [line.split(":")[0] for line in lines if "notebook " in line] == [
        f"time notebook {p.name}" for p in sorted(notebook_paths())]
    assert {"time read and extract", "time tables", "time index"} <= {
        line.split(":")[0] for line in lines}
    before = _tree(reports), _tree(processed)
    temporary = tmp_path / "tmp"                          # this build's own temporary folder
    temporary.mkdir()
    started = time.monotonic()
    done, left = run_signalled(args, sig, 3.0, tmpdir=temporary)   # while the notebooks run
    assert done.returncode == status, done.stderr[-2000:]
    assert time.monotonic() - started < 15
    assert left == []                                     # no kernel outlives the build
    assert (_tree(reports), _tree(processed)) == before
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []
    assert list(temporary.glob("airwar-kernel-*")) == []


@pytest.mark.slow
@needs_shared
def test_build_runs_every_notebook_on_a_gold_facts_file(tmp_path):
    corpus, gold = SHARED_CORPUS / "wide", SHARED_CORPUS / "wide_gold.csv"
    reports = tmp_path / "reports"
    done = run_cli("build", "--articles", corpus, "--facts", gold, "--reports", reports)
    assert done.returncode == 0, done.stderr[-2000:]
    manifest = json.loads((reports / "data" / "manifest.json").read_text())
    assert manifest["facts_file"]["name"] == "wide_gold.csv"
    facts = pd.read_parquet(reports / "data" / "facts.parquet")
    assert len(facts) == (pd.read_csv(gold)["required"] != "no").sum()
    for path in NOTEBOOKS:
        page = (reports / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "read from the facts file wide\\_gold.csv" in page or \
            "read from the facts file wide_gold.csv" in page, path.name


def test_a_bad_facts_file_stops_the_build_naming_its_line(tmp_path, seeds_dir):
    bad = tmp_path / "facts.csv"
    bad.write_text("article_id,metric,unit,value\n001_eaf12c99b1d5aeae,launched,missiles,71\n"
                   "001_eaf12c99b1d5aeae,fired,missiles,71\n", encoding="utf-8")
    reports = tmp_path / "reports"
    done = run_cli("build", "--articles", seeds_dir, "--facts", bad, "--reports", reports)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{bad}, line 3: metric 'fired' is not one of" in done.stderr
    assert not list(reports.rglob("*.html")) and not list(reports.rglob("*.csv"))
