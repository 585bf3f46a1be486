"""Scale: the synthetic corpus generator, and every engine (one process, several, Dask)
giving the same facts table, row for row, as a single process."""
from __future__ import annotations

import math
import shutil
import sys

import pandas as pd
import pytest

from analysis import schemas
from analysis.articles import ArticleError, parse_article
from analysis.corpus import BATCH_SIZE, extract_facts, read_articles
from bench.make_corpus import MAX_BYTES, MIN_BYTES, make_corpus
from tests.conftest import run_cli, write_article

N_ARTICLES = 300
CLI_ARTICLES = 2 * BATCH_SIZE + 2        # three batches: enough for two workers to share
DASK_MISSING = "the dask extra is not installed: pip install -r requirements-dask.txt"


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


# the Dask engine

def test_missing_dask_says_how_to_install(monkeypatch, tmp_path, seeds_dir):
    from analysis.distributed import DaskMissingError, extract_with_dask
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DaskMissingError, match=r"pip install -r requirements-dask\.txt"):
        extract_with_dask([seeds_dir], tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason=DASK_MISSING)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_dask_engine_gives_the_single_process_table(synthetic, reference, cluster, tmp_path):
    from analysis.distributed import extract_with_dask
    out = tmp_path / "facts_parquet"
    n = extract_with_dask([synthetic], out, scheduler=cluster.scheduler_address)
    assert n == len(reference)
    parts = sorted(out.iterdir())
    assert [p.name for p in parts] == [f"part-{i:05d}.parquet"
                                       for i in range(math.ceil(N_ARTICLES / BATCH_SIZE))]
    # the parts, concatenated in name order, are the single-process table row for row
    joined = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(joined, reference)
    # and so is the folder read as one dataset
    pd.testing.assert_frame_equal(pd.read_parquet(out), reference)


def test_dask_engine_failed_run_keeps_previous_output(cluster, tmp_path, seeds_dir):
    from analysis.distributed import extract_with_dask
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "facts_parquet"
    n = extract_with_dask([corpus], out, scheduler=cluster.scheduler_address, batch_size=1)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert n > 0 and len(before) == len(list(corpus.glob("*.txt")))
    write_article(corpus, "zzz_bad.txt", b"no header\n")
    with pytest.raises(ArticleError, match="malformed header"):
        extract_with_dask([corpus], out, scheduler=cluster.scheduler_address, batch_size=1)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "facts_parquet"]
    # with keep_going the bad file is skipped and the output replaced
    n_again = extract_with_dask([corpus], out, scheduler=cluster.scheduler_address,
                                keep_going=True, batch_size=1)
    assert n_again == n
    assert len(list(out.iterdir())) == len(before) + 1    # the bad file's batch: an empty part
    assert len(pd.read_parquet(out)) == n


def test_dask_engine_never_replaces_other_data(tmp_path, seeds_dir):
    from analysis.distributed import extract_with_dask
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


def test_dask_engine_from_the_command_line(cluster, tmp_path, seeds_dir):
    out = tmp_path / "facts_parquet"
    done = run_cli("extract", seeds_dir, "--engine", "dask", "--scheduler",
                   cluster.scheduler_address, "--out", out)
    assert done.returncode == 0, done.stderr
    articles, _ = read_articles([seeds_dir])
    pd.testing.assert_frame_equal(pd.read_parquet(out), extract_facts(articles, progress=False))


def test_dask_engine_refuses_workers_without_the_same_code():
    pytest.importorskip("distributed", reason=DASK_MISSING)
    from analysis.distributed import _check_workers, code_fingerprint

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
