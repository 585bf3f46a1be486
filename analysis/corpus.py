"""Load a corpus of articles into the three tables: articles, sentences, facts."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .articles import Article, ArticleError, articles_frame, find_article_files, parse_article
from .extract import extract_article

PROGRESS_MIN_ARTICLES = 200     # below this a corpus is read faster than a bar can draw
BATCH_SIZE = 64


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


def _extract_batch(batch: Sequence[Article]) -> list[dict]:
    rows: list[dict] = []
    for article in batch:
        rows.extend(extract_article(article))
    return rows


def default_workers() -> int:
    """Give the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def extract_rows(articles: Sequence[Article], workers: int = 1, progress: bool | None = None
                 ) -> list[dict]:
    """Give the fact rows of `articles`, in article order, using `workers` processes."""
    batches = [articles[i:i + BATCH_SIZE] for i in range(0, len(articles), BATCH_SIZE)]
    show = progress if progress is not None else len(articles) >= PROGRESS_MIN_ARTICLES
    bar = None
    if show:
        from tqdm import tqdm
        bar = tqdm(total=len(articles), unit="article", desc="extracting", leave=False)
    rows: list[dict] = []
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            rows.extend(_extract_batch(batch))
            if bar is not None:
                bar.update(len(batch))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for batch, batch_rows in zip(batches, pool.map(_extract_batch, batches)):
                rows.extend(batch_rows)
                if bar is not None:
                    bar.update(len(batch))
    if bar is not None:
        bar.close()
    return rows


def facts_frame(rows: list[dict]) -> pd.DataFrame:
    """Give the validated `facts` table built from fact rows."""
    from . import schemas
    frame = pd.DataFrame(rows, columns=schemas.FACT_COLUMNS)
    floats = ["value", "low", "high", "stated_value"]
    ints = ["start", "end"]
    strings = [c for c in schemas.FACT_COLUMNS if c not in floats + ints]
    frame[floats] = frame[floats].astype("float64")
    frame[ints] = frame[ints].astype("int64")
    frame = frame.astype({c: "string" for c in strings})
    frame = frame.replace({np.inf: np.inf})
    return schemas.FACTS.validate(frame)


def extract_facts(articles: Sequence[Article], workers: int = 1,
                  progress: bool | None = None) -> pd.DataFrame:
    """Give the validated facts table of `articles`."""
    return facts_frame(extract_rows(articles, workers=workers, progress=progress))


def load_corpus(paths: Iterable[Path | str], keep_going: bool = False, workers: int = 1,
                progress: bool | None = None) -> Corpus:
    """Give the articles, sentences and facts tables of the articles under `paths`."""
    from .articles import sentences_frame
    articles, errors = read_articles(paths, keep_going=keep_going)
    return Corpus(
        articles=articles_frame(articles),
        sentences=sentences_frame(articles),
        facts=extract_facts(articles, workers=workers, progress=progress),
        errors=errors,
    )


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
        from . import schemas
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
