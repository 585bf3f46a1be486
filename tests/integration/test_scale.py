"""Scale: the synthetic corpus generator, every engine (one process, several, Dask) giving
the same facts table, row for row, as a single process, and the notebooks on a corpus too
large to print."""
from __future__ import annotations

import math
import os
import shutil
import re
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.reading import schemas
from analysis.reading.articles import ArticleError, parse_article
from analysis.config import ROOT
from analysis.extraction.corpus import extract_facts, extract_files
from analysis.reading.batches import BATCH_SIZE
from analysis.reading.dask_engine import INSTALL_HINT
from analysis.reading.tables import read_articles
from bench.make_corpus import MAX_BYTES, MIN_BYTES, make_corpus
from tests.helpers import run_cli, write_article

N_ARTICLES = 300
CLI_ARTICLES = 2 * BATCH_SIZE + 2        # three batches: enough for two workers to share
DASK_MISSING = "the dask extra is not installed: scripts/setup.sh dask"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A generated corpus of N_ARTICLES articles."""
    folder = tmp_path_factory.mktemp("synthetic")
    make_corpus(N_ARTICLES, folder, seed=7)
    return folder


@pytest.fixture(scope="module")
def reference(synthetic):
    """The facts table of the generated corpus, extracted in this one process."""
    articles, errors = read_articles([synthetic])
    assert not errors
    return extract_facts(articles, workers=1, progress=False)


# the generator

def test_generator_is_deterministic(tmp_path):
    first = make_corpus(25, tmp_path / "a", seed=3)
    again = make_corpus(25, tmp_path / "b", seed=3)
    other = make_corpus(25, tmp_path / "c", seed=4)
    assert [p.name for p in first] == [p.name for p in again] == [p.name for p in other]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert all(a.read_bytes() != c.read_bytes() for a, c in zip(first, other))
    # article i does not depend on N: a small corpus is the start of a larger one
    prefix = make_corpus(10, tmp_path / "d", seed=3)
    assert [p.read_bytes() for p in prefix] == [p.read_bytes() for p in first[:10]]
    # writing a smaller corpus over a larger one leaves no stale articles
    make_corpus(5, tmp_path / "a", seed=3)
    assert len(list((tmp_path / "a").glob("*.txt"))) == 5


def test_generated_articles_are_valid_and_sized_like_real_ones(synthetic):
    paths = sorted(synthetic.glob("*.txt"))
    assert len(paths) == N_ARTICLES
    for path in paths:
        article = parse_article(path)
        assert MIN_BYTES <= path.stat().st_size <= MAX_BYTES, path
        assert article.headline and article.body


def test_generated_corpus_exercises_every_rule(reference):
    assert set(reference["metric"]) == set(schemas.METRICS)
    assert set(reference["qualifier"]) >= {"exact", "more_than", "at_least", "less_than",
                                           "at_most", "approx", "order_of_magnitude"}
    assert set(reference["location"].dropna()) >= {"Ukraine", "Kyiv", "Kharkiv", "Odesa",
                                                   "Zaporizhzhia", "Dnipro", "Lviv", "Sumy"}
    assert reference["article_id"].nunique() == N_ARTICLES
    assert reference["period"].notna().mean() > 0.9
    assert reference["source"].notna().mean() > 0.5


# local engines

def test_workers_give_the_single_process_table(synthetic, reference):
    articles, _ = read_articles([synthetic])
    parallel = extract_facts(articles, workers=2, progress=False)
    pd.testing.assert_frame_equal(parallel, reference)


def test_cli_workers_give_the_same_file(synthetic, reference, tmp_path):
    subset = tmp_path / "subset"
    subset.mkdir()
    for path in sorted(synthetic.glob("*.txt"))[:CLI_ARTICLES]:
        shutil.copy(path, subset / path.name)
    outs = {}
    for workers in (1, 2):
        outs[workers] = tmp_path / f"facts-{workers}.parquet"
        done = run_cli("extract", subset, "--out", outs[workers], "--workers", workers,
                       "--no-progress")
        assert done.returncode == 0, done.stderr
    assert outs[1].read_bytes() == outs[2].read_bytes()
    table = pd.read_parquet(outs[2])
    expected = reference[reference["article_id"].isin({p.stem for p in subset.glob("*.txt")})]
    assert table["article_id"].nunique() == CLI_ARTICLES
    pd.testing.assert_frame_equal(table, expected.reset_index(drop=True))


def test_files_read_by_the_workers_give_the_same_table(synthetic, reference, tmp_path):
    facts, n_articles, errors = extract_files([synthetic], workers=2, progress=False)
    assert (n_articles, errors) == (N_ARTICLES, [])
    pd.testing.assert_frame_equal(facts, reference)
    # bad files in two batches: the first in article order stops the run ...
    subset = tmp_path / "subset"
    subset.mkdir()
    good = sorted(synthetic.glob("*.txt"))[:CLI_ARTICLES]
    for path in good:
        shutil.copy(path, subset / path.name)
    write_article(subset, "synthetic_000070x.txt", b"no header\n")       # in the second batch
    write_article(subset, "synthetic_000001x.txt", b" date 2026-13-01 Headline\n\nBody.")
    with pytest.raises(ArticleError, match=r"synthetic_000001x\.txt:1: impossible date"):
        extract_files([subset], workers=2, progress=False)
    # ... and with keep_going both are listed, in order, and every good article extracted
    facts, n_articles, errors = extract_files([subset], workers=2, keep_going=True,
                                              progress=False)
    assert n_articles == CLI_ARTICLES
    assert [(Path(e.path).name, e.line) for e in errors] == [("synthetic_000001x.txt", 1),
                                                            ("synthetic_000070x.txt", 1)]
    expected = reference[reference["article_id"].isin({p.stem for p in good})]
    pd.testing.assert_frame_equal(facts, expected.reset_index(drop=True))


# the Dask engine

def test_missing_dask_says_how_to_install(monkeypatch, tmp_path, seeds_dir):
    from analysis.extraction.corpus import extract_with_dask
    from analysis.reading.dask_engine import DaskMissingError
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DaskMissingError, match=re.escape(INSTALL_HINT)):
        extract_with_dask([seeds_dir], tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason=DASK_MISSING)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


@pytest.mark.slow
def test_dask_engine_gives_the_single_process_table(synthetic, reference, cluster, tmp_path):
    from analysis.extraction.corpus import extract_with_dask
    out = tmp_path / "facts_parquet"
    run = extract_with_dask([synthetic], out, scheduler=cluster.scheduler_address)
    assert (run.facts, run.articles, run.errors, run.workers) == (len(reference), N_ARTICLES, [], 2)
    parts = sorted(out.iterdir())
    assert [p.name for p in parts] == [f"part-{i:05d}.parquet"
                                       for i in range(math.ceil(N_ARTICLES / BATCH_SIZE))]
    # the parts, concatenated in name order, are the single-process table row for row
    joined = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(joined, reference)
    # and so is the folder read as one dataset
    pd.testing.assert_frame_equal(pd.read_parquet(out), reference)


@pytest.mark.slow
def test_dask_engine_failed_run_keeps_previous_output(cluster, tmp_path, seeds_dir):
    from analysis.extraction.corpus import extract_with_dask
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "facts_parquet"
    n = extract_with_dask([corpus], out, scheduler=cluster.scheduler_address, batch_size=1).facts
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert n > 0 and len(before) == len(list(corpus.glob("*.txt")))
    write_article(corpus, "zzz_bad.txt", b"no header\n")
    with pytest.raises(ArticleError, match="malformed header"):
        extract_with_dask([corpus], out, scheduler=cluster.scheduler_address, batch_size=1)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "facts_parquet"]
    # with keep_going the bad file is skipped and the output replaced
    run = extract_with_dask([corpus], out, scheduler=cluster.scheduler_address,
                            keep_going=True, batch_size=1)
    assert run.facts == n and [Path(e.path).name for e in run.errors] == ["zzz_bad.txt"]
    assert len(list(out.iterdir())) == len(before) + 1    # the bad file's batch: an empty part
    assert len(pd.read_parquet(out)) == n


def test_dask_engine_never_replaces_other_data(tmp_path, seeds_dir):
    from analysis.extraction.corpus import extract_with_dask
    pytest.importorskip("distributed", reason=DASK_MISSING)
    other = tmp_path / "data"
    other.mkdir()
    (other / "notes.txt").write_text("keep me\n")
    with pytest.raises(ValueError, match="other than part-"):
        extract_with_dask([seeds_dir], other)
    (tmp_path / "facts.parquet").write_text("a file\n")
    with pytest.raises(ValueError, match="is a file"):
        extract_with_dask([seeds_dir], tmp_path / "facts.parquet")
    assert (other / "notes.txt").read_text() == "keep me\n"


@pytest.mark.slow
def test_dask_engine_from_the_command_line(cluster, tmp_path, seeds_dir):
    out = tmp_path / "facts_parquet"
    done = run_cli("extract", seeds_dir, "--engine", "dask", "--scheduler",
                   cluster.scheduler_address, "--out", out)
    assert done.returncode == 0, done.stderr
    articles, _ = read_articles([seeds_dir])
    pd.testing.assert_frame_equal(pd.read_parquet(out), extract_facts(articles, progress=False))


def test_dask_engine_refuses_workers_without_the_same_code():
    pytest.importorskip("distributed", reason=DASK_MISSING)
    from analysis.reading.dask_engine import _check_workers, code_fingerprint

    class Client:
        def __init__(self, answers):
            self.answers = answers

        def run(self, probe):
            assert probe() == code_fingerprint()      # the probe, run here, finds this code
            return self.answers

    _check_workers(Client({"tcp://a:1": code_fingerprint()}))
    with pytest.raises(RuntimeError, match="cannot import the analysis package"):
        _check_workers(Client({"tcp://a:1": code_fingerprint(),
                               "tcp://b:1": "cannot import the analysis package: no module"}))
    with pytest.raises(RuntimeError, match="different version of the code"):
        _check_workers(Client({"tcp://a:1": "0" * 64}))
    with pytest.raises(RuntimeError, match="no workers"):
        _check_workers(Client({}))


def _dask_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "extract", "--engine", "dask", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, **(env or {})})


def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_dask_cli_without_dask_gives_one_line_error(monkeypatch, capsys, tmp_path, seeds_dir):
    monkeypatch.setitem(sys.modules, "distributed", None)
    status = cli.main(["extract", str(seeds_dir), "--engine", "dask", "--out",
                       str(tmp_path / "out")])
    assert status == 1
    assert INSTALL_HINT in _one_line_error(capsys.readouterr().err)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_dask_cli_unreachable_scheduler_gives_one_line_error(tmp_path, seeds_dir):
    pytest.importorskip("distributed", reason=DASK_MISSING)
    with socket.socket() as sock:            # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    done = _dask_cli(str(seeds_dir), "--scheduler", address, "--out", str(tmp_path / "out"),
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert done.returncode == 1
    assert f"cannot reach the Dask scheduler at {address}" in _one_line_error(done.stderr)
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_dask_cli_keep_going_exits_1_when_articles_were_skipped(cluster, tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    write_article(corpus, "zzz_bad.txt", b"no header\n")
    out = tmp_path / "facts_parquet"
    done = _dask_cli(str(corpus), "--scheduler", cluster.scheduler_address, "--keep-going",
                     "--out", str(out))
    assert done.returncode == 1, done.stderr
    assert "zzz_bad.txt:1: malformed header" in done.stderr
    articles, _ = read_articles([seeds_dir])
    pd.testing.assert_frame_equal(pd.read_parquet(out), extract_facts(articles, progress=False))
    # with nothing skipped the same run succeeds
    (corpus / "zzz_bad.txt").unlink()
    done = _dask_cli(str(corpus), "--scheduler", cluster.scheduler_address, "--keep-going",
                     "--out", str(out))
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_dask_cli_workers_size_the_local_cluster(tmp_path, seeds_dir):
    pytest.importorskip("distributed", reason=DASK_MISSING)
    done = _dask_cli(str(seeds_dir), "--workers", "1", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "on 1 Dask worker(s)" in done.stderr
    # a running cluster has its own workers: asking for a number is an error
    done = _dask_cli(str(seeds_dir), "--scheduler", "tcp://127.0.0.1:1", "--workers", "2",
                     "--out", str(tmp_path / "other"))
    assert done.returncode == 1 and "--workers" in _one_line_error(done.stderr)


@pytest.mark.slow
def test_dask_cli_local_cluster_adds_nothing_to_the_error(synthetic, tmp_path):
    pytest.importorskip("distributed", reason=DASK_MISSING)
    subset = tmp_path / "subset"
    subset.mkdir()
    for path in sorted(synthetic.glob("*.txt"))[:CLI_ARTICLES]:
        shutil.copy(path, subset / path.name)
    # in the third batch: read when the first is back and the second runs on the one worker,
    # so the local cluster is closed mid-batch
    write_article(subset, "synthetic_000129x.txt", b"no header\n")
    out = tmp_path / "facts_parquet"
    with socket.socket() as sock:            # 8787, the HTTP port of Dask, held by another cluster
        try:
            sock.bind(("127.0.0.1", 8787))
            sock.listen()
        except OSError:
            pass                             # already held
        done = _dask_cli(str(subset), "--workers", "1", "--out", str(out))
    assert done.returncode == 1
    assert "synthetic_000129x.txt:1: malformed header" in _one_line_error(done.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["subset"]


def test_scheduler_without_the_dask_engine_is_an_error(capsys, tmp_path, seeds_dir):
    out = tmp_path / "facts.parquet"
    status = cli.main(["extract", str(seeds_dir), "--scheduler", "tcp://127.0.0.1:1",
                       "--out", str(out)])
    assert status == 1
    assert "--engine dask" in _one_line_error(capsys.readouterr().err)
    assert not out.exists()


# the notebooks on a large corpus

SCREENFUL = 40          # lines of text, or rows of a table, that fit on one screen


def _output_lines(output) -> int:
    """Give the lines (or table rows) a notebook cell output shows at once."""
    if output.get("output_type") == "stream":
        return output["text"].count("\n")
    data = output.get("data", {})
    if "text/html" in data:
        return data["text/html"].count("<tr")
    return data.get("text/plain", "").count("\n")


def _table_rows(output) -> tuple[int, int] | None:
    """Give (rows of the table, rows its page carries) of an interactive table's output."""
    import json
    data = output.get("data", {})
    total = re.search(r"\[([\d,]+) rows x", data.get("text/plain", ""))
    carried = re.search(r"let dt_args = (\{.*?\});\n", data.get("text/html", ""), re.DOTALL)
    if not (total and carried):
        return None
    return int(total.group(1).replace(",", "")), len(json.loads(json.loads(carried.group(1))["data_json"]))


@pytest.mark.slow
def test_notebooks_on_a_large_corpus_show_a_screenful_per_cell_and_every_row(synthetic, tmp_path):
    import nbformat
    from analysis.presentation import interactive
    from analysis.presentation.build import execute_notebook, notebook_paths
    from analysis.extraction.corpus import load_corpus
    from analysis.reading.tables import corpus_manifest, write_tables
    corpus = load_corpus([synthetic], workers=2, progress=False)
    write_tables(corpus, tmp_path / "data", corpus_manifest([synthetic]))
    params = {"ARTICLES": str(synthetic), "PROCESSED": str(tmp_path / "data")}
    paged = []
    for path in notebook_paths():
        executed = tmp_path / path.name
        run = execute_notebook(path, params, tmp_path / f"{path.stem}.html", executed)
        name, error = run.name, run.error
        assert error is None, f"{name}: {error}"
        for cell in nbformat.read(executed, as_version=4).cells:
            for output in cell.get("outputs", []):
                assert _output_lines(output) <= SCREENFUL, (name, cell.source[:80])
                rows = _table_rows(output)
                if rows:
                    assert rows[1] == min(rows[0], interactive.MAX_ROWS), (name, cell.source[:80])
                    paged += [rows[0]] if rows[0] > interactive.PAGE_LENGTH else []
    assert len(facts := corpus.facts) in paged, "the facts table should hold every fact"
    assert len(facts) > 10 * interactive.PAGE_LENGTH
