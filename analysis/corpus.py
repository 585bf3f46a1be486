"""Load a corpus of articles into the three tables: articles, sentences, facts."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from . import schemas
from .articles import Article, ArticleError, articles_frame, find_article_files, parse_article
from .extract import extract_article

PROGRESS_MIN_ARTICLES = 200     # below this a corpus is read faster than a bar can draw
# Articles per task. Fixed rather than derived from the number of workers: each batch is one
# chunk of the string columns and Parquet pages follow chunks, so any --workers writes the
# same bytes.
BATCH_SIZE = 64
FLOAT_COLUMNS = ("value", "low", "high", "stated_value")
INT_COLUMNS = ("start", "end")


@dataclass
class Corpus:
    """The tables of one corpus, and the files that could not be read."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    facts: pd.DataFrame
    errors: list[ArticleError] = field(default_factory=list)


def read_articles(paths: Iterable[Path | str], keep_going: bool = False
                  ) -> tuple[list[Article], list[ArticleError]]:
    """Give the parsed articles under `paths` and the files that failed.

    Without `keep_going` the first bad file raises its ArticleError; with it every good
    article is returned and the bad ones are listed.
    """
    files = find_article_files(paths)
    good, bad = [], []
    for path in files:
        try:
            good.append(parse_article(path))
        except ArticleError as err:
            if not keep_going:
                raise
            bad.append(err)
    return good, bad


def default_workers() -> int:
    """Give the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _strings(values: list) -> pd.api.extensions.ExtensionArray:
    """Give `values` as an array of the tables' string dtype, None as missing."""
    dtype = pd.StringDtype()
    if dtype.storage == "pyarrow":
        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            pass        # a value that is not a str: converted below as astype("string") does
    return pd.array(values, dtype=dtype)


def rows_frame(rows: Sequence[dict]) -> pd.DataFrame:
    """Give the facts table of fact rows, with the schema's dtypes, not yet validated."""
    columns = {}
    for name in schemas.FACT_COLUMNS:
        values = [row.get(name) for row in rows]
        if name in FLOAT_COLUMNS:
            columns[name] = np.array(values, dtype="float64")
        elif name in INT_COLUMNS:
            columns[name] = np.array(values, dtype="int64")
        else:
            columns[name] = _strings(values)
    return pd.DataFrame(columns, copy=False)


def facts_frame(rows: Sequence[dict]) -> pd.DataFrame:
    """Give the validated `facts` table built from fact rows."""
    return schemas.FACTS.validate(rows_frame(rows))


def batch_facts(articles: Sequence[Article]) -> pd.DataFrame:
    """Give the facts table of a batch of articles, not yet validated."""
    rows: list[dict] = []
    for article in articles:
        rows.extend(extract_article(article))
    return rows_frame(rows)


def _file_batch_facts(files: Sequence[Path], keep_going: bool
                      ) -> tuple[pd.DataFrame, int, list[tuple]]:
    """Give the facts of a batch of article files, how many articles were read, and the
    unreadable files as (path, reason, line); without `keep_going` reading stops at the first."""
    articles, failed = [], []
    for path in files:
        try:
            articles.append(parse_article(path))
        except ArticleError as err:
            # sent back as fields: an ArticleError does not survive pickling
            failed.append((err.path, err.reason, err.line))
            if not keep_going:
                return batch_facts([]), len(articles), failed
    return batch_facts(articles), len(articles), failed


_shared: Sequence[Article] = ()


def _share(articles: Sequence[Article]) -> None:
    """Keep `articles` in a worker process; where processes fork they are inherited, not sent."""
    global _shared
    _shared = articles


def _shared_batch_facts(start: int, stop: int) -> pd.DataFrame:
    return batch_facts(_shared[start:stop])


def _pooled(work: Callable, tasks: Sequence[tuple], workers: int,
            initializer: Callable | None = None, initargs: tuple = ()) -> Iterator:
    """Give work(*task) for each task, in task order, computed by `workers` processes."""
    pool = ProcessPoolExecutor(max_workers=min(workers, len(tasks)), initializer=initializer,
                               initargs=initargs)
    try:
        futures = [pool.submit(work, *task) for task in tasks]
        for future in futures:
            yield future.result()
    finally:
        # on an error the queued batches are dropped rather than extracted
        pool.shutdown(cancel_futures=True)


def _progress_bar(total: int, progress: bool | None):
    from tqdm import tqdm
    show = progress if progress is not None else total >= PROGRESS_MIN_ARTICLES
    return tqdm(total=total, unit="article", desc="extracting", leave=False, disable=not show)


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Give the validated facts table of per-batch tables, in their order."""
    frame = pd.concat(frames, ignore_index=True) if frames else rows_frame([])
    return schemas.FACTS.validate(frame)


def extract_facts(articles: Sequence[Article], workers: int = 1,
                  progress: bool | None = None) -> pd.DataFrame:
    """Give the validated facts table of `articles`, in article order, using `workers` processes."""
    spans = [(i, min(i + BATCH_SIZE, len(articles))) for i in range(0, len(articles), BATCH_SIZE)]
    if workers > 1 and len(spans) > 1:
        parts = _pooled(_shared_batch_facts, spans, workers, _share, (articles,))
    else:
        parts = (batch_facts(articles[start:stop]) for start, stop in spans)
    frames = []
    with closing(parts), _progress_bar(len(articles), progress) as bar:
        for (start, stop), frame in zip(spans, parts):
            frames.append(frame)
            bar.update(stop - start)
    return _joined(frames)


def extract_files(paths: Iterable[Path | str], workers: int = 1, keep_going: bool = False,
                  progress: bool | None = None) -> tuple[pd.DataFrame, int, list[ArticleError]]:
    """Give the validated facts table of the article files under `paths`, the number of
    articles read, and the files that could not be read.

    Each process reads its own batches of files, so the articles are never all in memory.
    Without `keep_going` the first unreadable file, in article order, raises its
    ArticleError; with it every good article is extracted and the bad ones are listed.
    """
    files = find_article_files(paths)
    tasks = [(files[i:i + BATCH_SIZE], keep_going) for i in range(0, len(files), BATCH_SIZE)]
    if workers > 1 and len(tasks) > 1:
        parts = _pooled(_file_batch_facts, tasks, workers)
    else:
        parts = (_file_batch_facts(*task) for task in tasks)
    frames, errors, n_read = [], [], 0
    with closing(parts), _progress_bar(len(files), progress) as bar:
        for frame, read, failed in parts:
            errors += [ArticleError(path, reason, line) for path, reason, line in failed]
            if errors and not keep_going:
                raise errors[0]
            frames.append(frame)
            n_read += read
            bar.update(read + len(failed))
    return _joined(frames), n_read, errors


def load_corpus(paths: Iterable[Path | str], keep_going: bool = False, workers: int = 1,
                progress: bool | None = None) -> Corpus:
    """Give the articles, sentences and facts tables of the articles under `paths`."""
    from .articles import sentences_frame
    articles, errors = read_articles(paths, keep_going=keep_going)
    # facts first: worker processes fork before the other tables exist
    facts = extract_facts(articles, workers=workers, progress=progress)
    return Corpus(articles=articles_frame(articles), sentences=sentences_frame(articles),
                  facts=facts, errors=errors)


TABLES = ("articles", "sentences", "facts")
MANIFEST = "manifest.json"


def corpus_manifest(paths: Iterable[Path | str]) -> dict:
    """Give the article ids and content hashes of the files under `paths`."""
    import hashlib
    files = find_article_files(paths)
    return {"articles": {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}}


def write_tables(corpus: Corpus, folder: Path | str, manifest: dict | None = None) -> list[Path]:
    """Write the three tables to `folder` as CSV and Parquet, and the manifest; give the paths."""
    import json
    from .io import write_table, write_text
    folder = Path(folder)
    written = []
    for name in TABLES:
        frame = getattr(corpus, name)
        written.append(write_table(frame, folder / f"{name}.parquet"))
        written.append(write_table(frame, folder / f"{name}.csv"))
    if manifest is not None:
        written.append(write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                  folder / MANIFEST))
    return written


def _cast(frame: pd.DataFrame) -> pd.DataFrame:
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]) or frame[column].dtype == object:
            frame[column] = frame[column].astype("string")
        elif pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].astype("datetime64[ns]")
    return frame


def read_tables(folder: Path | str, validate: bool = False) -> Corpus:
    """Give the tables written by `write_tables` (validated when written; again on request)."""
    folder = Path(folder)
    frames = {name: _cast(pd.read_parquet(folder / f"{name}.parquet")) for name in TABLES}
    if validate:
        for name, schema in (("articles", schemas.ARTICLES), ("sentences", schemas.SENTENCES),
                             ("facts", schemas.FACTS)):
            frames[name] = schema.validate(frames[name])
    return Corpus(**frames)


def cached_corpus(articles: Path | str, processed: Path | str | None = None,
                  workers: int = 1) -> Corpus:
    """Give the corpus tables: read from `processed` when they were built from exactly these
    articles, otherwise extracted afresh."""
    import json
    if processed is not None:
        folder = Path(processed)
        try:
            stored = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            if stored == corpus_manifest([articles]):
                return read_tables(folder)
        except (OSError, ValueError):
            pass
    return load_corpus([articles], workers=workers)
