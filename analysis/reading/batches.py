"""The local engine: a per-batch function run over a corpus in batches, on several processes.

The work is any function from a batch of `Article` values to a frame (the extractor's
`batch_facts`); the engine only splits, distributes and gathers, in article order.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing import connection
from contextlib import closing
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pandas as pd

from .articles import Article, ArticleError, find_article_files, parse_article
from .progress import Progress

BatchWork = Callable[[Sequence[Article]], pd.DataFrame]

PROGRESS_MIN_ARTICLES = 200     # below this a corpus is read faster than a bar can draw
# Articles per task. Fixed rather than derived from the number of workers: each batch is one
# chunk of the string columns and Parquet pages follow chunks, so any --workers writes the
# same bytes.
BATCH_SIZE = 64


def default_workers() -> int:
    """Give the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _file_batch(work: BatchWork, files: Sequence[Path], keep_going: bool
                ) -> tuple[pd.DataFrame, int, list[tuple]]:
    """Give work() of a batch of article files, how many articles were read, and the
    unreadable files as (path, reason, line); without `keep_going` reading stops at the first."""
    articles, failed = [], []
    for path in files:
        try:
            articles.append(parse_article(path))
        except ArticleError as err:
            # sent back as fields: an ArticleError does not survive pickling
            failed.append((err.path, err.reason, err.line))
            if not keep_going:
                return work([]), len(articles), failed
    return work(articles), len(articles), failed


_shared: tuple[BatchWork | None, Sequence[Article]] = (None, ())


def _share(work: BatchWork, articles: Sequence[Article]) -> None:
    """Keep `articles` in a worker process; where processes fork they are inherited, not sent."""
    global _shared
    _shared = (work, articles)


def _shared_batch(start: int, stop: int) -> pd.DataFrame:
    work, articles = _shared
    return work(articles[start:stop])


def _worker_start(initializer: Callable | None, initargs: tuple) -> None:
    """Start a worker: Ctrl-C is the parent's to handle, SIGTERM ends it at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)


def _serve(tasks, results, initializer: Callable | None, initargs: tuple) -> None:
    """Run in a worker: compute each task of `tasks` until a None, sending (index, ok,
    value) down its own pipe `results`; an exception, or a result that cannot be sent, is
    sent as an error, not raised."""
    _worker_start(initializer, initargs)
    while (item := tasks.get()) is not None:
        index, (work, *args) = item
        try:
            outcome = (index, True, work(*args))
        except Exception as err:                   # the caller raises it, in task order
            outcome = (index, False, err)
        try:
            results.send(outcome)
        except Exception as err:                   # it could not be pickled
            results.send((index, False, WorkerDied(f"a result could not be sent: {err!r}")))
    results.close()


class WorkerDied(RuntimeError):
    """A worker process ended without finishing its task (killed, out of memory)."""


def _pooled(work: Callable, tasks: Sequence[tuple], workers: int,
            initializer: Callable | None = None, initargs: tuple = ()) -> Iterator:
    """Give work(*task) for each task, in task order, computed by `workers` processes; an
    error in a task is raised at that task's place.

    However the caller stops (an error, Ctrl-C, SIGTERM, or it stops reading), the workers
    are killed at once and the queued tasks dropped. Each worker sends its results down a
    pipe of its own, which only it can write to, so a worker that dies, even halfway through
    a result, ends the run with WorkerDied; the caller never takes a lock a worker holds
    (multiprocessing.Pool's terminate does, and hangs when a worker died holding it)."""
    ctx = multiprocessing.get_context()
    task_queue = ctx.Queue()
    procs, readers = [], []
    for _ in range(min(workers, len(tasks))):
        reader, writer = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_serve, args=(task_queue, writer, initializer, initargs),
                           daemon=True)
        proc.start()
        writer.close()             # the worker's alone: its death closes the pipe
        procs.append(proc)
        readers.append(reader)
    try:
        for index, task in enumerate(tasks):
            task_queue.put((index, (work, *task)))
        for _ in procs:
            task_queue.put(None)
        done: dict[int, tuple] = {}
        open_readers = list(readers)
        for index in range(len(tasks)):
            while index not in done:
                if not open_readers:
                    raise WorkerDied("the workers ended before their work was done")
                for ready in connection.wait(open_readers):
                    try:
                        got, ok, value = ready.recv()
                    except (EOFError, OSError):
                        open_readers.remove(ready)      # its worker ended, or died mid-result
                        if any(proc.exitcode not in (None, 0) for proc in procs):
                            raise WorkerDied("a worker process ended before its work was done")
                        continue
                    done[got] = (ok, value)
            ok, value = done.pop(index)
            if not ok:
                raise value
            yield value
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
        for proc in procs:
            proc.join()
        for reader in readers:
            reader.close()
        task_queue.cancel_join_thread()
        task_queue.close()


def progress_bar(total: int, progress: bool | None) -> Progress:
    """Give the progress of extracting `total` articles, shown from PROGRESS_MIN_ARTICLES on
    unless `progress` says otherwise: a bar on a terminal, one line at its end elsewhere."""
    show = progress if progress is not None else total >= PROGRESS_MIN_ARTICLES
    return Progress(total, "extracting", "article", show)


def map_articles(work: BatchWork, articles: Sequence[Article], workers: int = 1,
                 progress: bool | None = None) -> list[pd.DataFrame]:
    """Give work() of each batch of `articles`, in article order, using `workers` processes."""
    spans = [(i, min(i + BATCH_SIZE, len(articles))) for i in range(0, len(articles), BATCH_SIZE)]
    if workers > 1 and len(spans) > 1:
        parts = _pooled(_shared_batch, spans, workers, _share, (work, articles))
    else:
        parts = (work(articles[start:stop]) for start, stop in spans)
    frames = []
    with closing(parts), progress_bar(len(articles), progress) as bar:
        for (start, stop), frame in zip(spans, parts):
            frames.append(frame)
            bar.update(stop - start)
    return frames


def map_files(work: BatchWork, paths: Iterable[Path | str], workers: int = 1,
              keep_going: bool = False, progress: bool | None = None
              ) -> tuple[list[pd.DataFrame], int, list[ArticleError]]:
    """Give work() of each batch of the article files under `paths`, the number of articles
    read, and the files that could not be read.

    Each process reads its own batches of files, so the articles are never all in memory.
    Without `keep_going` the first unreadable file, in article order, raises its
    ArticleError; with it every good article goes through `work` and the bad ones are listed.
    """
    files = find_article_files(paths)
    tasks = [(work, files[i:i + BATCH_SIZE], keep_going) for i in range(0, len(files), BATCH_SIZE)]
    if workers > 1 and len(tasks) > 1:
        parts = _pooled(_file_batch, tasks, workers)
    else:
        parts = (_file_batch(*task) for task in tasks)
    frames, errors, n_read = [], [], 0
    with closing(parts), progress_bar(len(files), progress) as bar:
        for frame, read, failed in parts:
            errors += [ArticleError(path, reason, line) for path, reason, line in failed]
            if errors and not keep_going:
                raise errors[0]
            frames.append(frame)
            n_read += read
            bar.update(read + len(failed))
    return frames, n_read, errors
