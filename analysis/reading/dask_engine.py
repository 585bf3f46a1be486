"""The Dask engine: a per-batch function run over a corpus on a cluster, into Parquet parts.

`run_batches(work, paths, out)` is the engine of `python -m analysis extract --engine dask`
(`extraction.corpus.extract_with_dask` gives it the extractor's per-batch work). The client
lists and parses the articles, in batches of `batches.BATCH_SIZE`, and sends each batch
straight to a worker (the scheduler only handles task keys), where it goes through the same
per-batch work as the local engine, and comes back as a part of its own. A few batches per worker are in flight at a time and each part is
written as soon as it is back, so the client's memory does not grow with the corpus. The
workers need the `analysis` package and its requirements, not the articles: no shared file
system is assumed. Each batch becomes one part file, `part-00000.parquet`, `part-00001.parquet`, …,
in article order, so reading the folder (pandas.read_parquet, DuckDB
`read_parquet('out/*.parquet')`, Spark `spark.read.parquet`) gives the rows of the local
engine in the same order, with the schema of the facts table.

The parts are written to a hidden folder beside `out` and renamed into place at the end: a
failed run leaves the previous output as it was. An existing `out` is replaced only when it
holds nothing but part files, so a mistyped `--out` cannot delete other data.

Dask is an optional extra: `scripts/setup.sh dask` installs it, pinned (constraints.txt).
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence


from .articles import Article, ArticleError, find_article_files, parse_article
from .batches import BATCH_SIZE, BatchWork, default_workers

INSTALL_HINT = "scripts/setup.sh dask"      # the dask extra, pinned by constraints.txt
PART = re.compile(r"^part-\d+\.parquet$")
IN_FLIGHT_PER_THREAD = 2     # batches queued per worker thread; bounds the client's memory
# The stages a batch runs through: client and workers must hold the same source.
BATCH_STAGES = ("reading", "extraction")


class DaskMissingError(ImportError):
    """Dask is not installed; the message says how to install it."""


class DaskEngineError(RuntimeError):
    """The Dask cluster cannot extract: unreachable, without workers, or running other code."""


@dataclass
class DaskRun:
    """What a Dask extraction did: facts written, articles read, files skipped, workers used."""

    facts: int
    articles: int
    errors: list[ArticleError]
    workers: int


def _import_distributed():
    try:
        import distributed
    except ImportError as err:
        raise DaskMissingError(
            f"the Dask engine needs the dask extra, which is not installed ({err}); "
            f"install it with: {INSTALL_HINT}") from None
    return distributed


def code_fingerprint() -> str:
    """Give a hash of the source of the stages a batch runs through, to check the workers run
    the same code."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for stage in BATCH_STAGES:
        for path in sorted((package / stage).glob("*.py")):
            name = f"{stage}/{path.name}"
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _check_workers(client) -> None:
    """Raise RuntimeError unless every worker imports this package, at the same source."""

    def probe():                 # sent by value: it must run where `analysis` is missing too
        try:
            from analysis.reading.dask_engine import code_fingerprint as fingerprint
        except ImportError as err:
            return f"cannot import the analysis package: {err}"
        return fingerprint()

    want = code_fingerprint()
    found = client.run(probe)
    if not found:
        raise DaskEngineError("the Dask cluster has no workers")
    wrong = {worker: got for worker, got in found.items() if got != want}
    if wrong:
        worker, got = sorted(wrong.items())[0]
        reason = got if got.startswith("cannot") else "it runs a different version of the code"
        raise DaskEngineError(
            f"Dask worker {worker} cannot extract: {reason}. Start the workers from this "
            f"project's environment and source (e.g. `dask worker ADDRESS` run in the project "
            f"folder with its .venv), then try again ({len(wrong)} of {len(found)} workers affected)")


def _batches(files: Sequence[Path], size: int, keep_going: bool,
             errors: list[ArticleError]) -> Iterator[list[Article]]:
    """Give the parsed articles of `files`, `size` at a time; bad files raise or go to `errors`."""
    for start in range(0, len(files), size):
        batch = []
        for path in files[start:start + size]:
            try:
                batch.append(parse_article(path))
            except ArticleError as err:
                if not keep_going:
                    raise
                errors.append(err)
        yield batch


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: --out must be a folder for the dask engine (it writes one "
                         f"Parquet part per batch), and this is a file")
    if out.is_dir():
        other = [p.name for p in out.iterdir() if not PART.match(p.name)]
        if other:
            raise ValueError(f"{out}: folder holds files other than part-*.parquet "
                             f"({', '.join(sorted(other)[:3])}); it is not replaced. Choose a "
                             f"new folder for --out")


def _replace(tmp: Path, out: Path) -> None:
    """Move the finished folder `tmp` to `out`, removing the previous output."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(out, old)
    try:
        os.replace(tmp, out)
    except BaseException:
        if old is not None:
            os.replace(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _client(distributed, scheduler: str | None, workers: int | None):
    """Give (client, cluster or None): connected to `scheduler`, else to a new local cluster."""
    if scheduler:
        try:
            return distributed.Client(scheduler), None
        except OSError as err:      # refused or timed out (distributed.comm.timeouts.connect)
            raise DaskEngineError(f"cannot reach the Dask scheduler at {scheduler}: "
                                  f"{' '.join(str(err).split())}") from None
    # No dashboard, and the scheduler's HTTP server on a free port: the default, 8787, is
    # often held by another cluster, which gives a warning. silence_logs: a failed run closes
    # the workers mid-batch, which they log as a warning.
    cluster = distributed.LocalCluster(
        n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR)
    try:
        return distributed.Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


def run_batches(work: BatchWork, paths: Iterable[Path | str], out: Path | str,
                scheduler: str | None = None, keep_going: bool = False,
                batch_size: int = BATCH_SIZE, workers: int | None = None) -> DaskRun:
    """Run `work` over the articles under `paths`, a batch at a time, on a Dask cluster, and
    write each batch's frame to the folder `out`; give the numbers of rows and articles, the
    skipped files and the number of workers.

    `scheduler` is the address of a running scheduler (`tcp://host:8786`); without it a
    local cluster of `workers` processes (default: all cores), one thread each, is started
    and stopped. Without `keep_going` the first unreadable article raises its ArticleError
    and nothing is written; with it the bad files are skipped and listed in the result.
    A scheduler that cannot be reached, or workers that cannot extract, raise DaskEngineError.
    """
    distributed = _import_distributed()
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if batch_size < 1:
        raise ValueError(f"batch size must be 1 or more, not {batch_size}")
    if workers is not None and workers < 1:
        raise ValueError(f"number of workers must be 1 or more, not {workers}")
    out = Path(out)
    _check_out(out)
    files = find_article_files(paths)
    n_batches = (len(files) + batch_size - 1) // batch_size
    width = max(5, len(str(n_batches - 1)))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.mkdir()
    errors: list[ArticleError] = []
    n_articles = n_facts = 0
    run = uuid.uuid4().hex[:8]
    try:
        client, cluster = _client(distributed, scheduler, workers)
        try:
            _check_workers(client)
            threads = client.nthreads()
            window = max(1, IN_FLIGHT_PER_THREAD * sum(threads.values()))
            pending = distributed.as_completed()
            part_of: dict = {}
            batches = enumerate(_batches(files, batch_size, keep_going, errors))

            def submit_next() -> bool:
                nonlocal n_articles
                for index, batch in batches:
                    n_articles += len(batch)
                    # the articles go straight to a worker; the scheduler sees only keys
                    [data] = client.scatter([batch], hash=False)
                    future = client.submit(work, data, key=f"extract-{run}-{index}")
                    part_of[future.key] = (index, data)
                    pending.add(future)
                    return True
                return False

            while pending.count() < window and submit_next():
                pass
            for future in pending:
                frame = future.result()
                index, data = part_of.pop(future.key)
                frame.to_parquet(tmp / f"part-{index:0{width}d}.parquet", index=False)
                n_facts += len(frame)
                future.release()
                data.release()
                submit_next()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        if not n_articles:
            raise ArticleError(", ".join(map(str, paths)), "no readable articles",
                               skipped=errors)
        _replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return DaskRun(facts=n_facts, articles=n_articles, errors=errors, workers=len(threads))
