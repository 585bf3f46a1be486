"""The three tables of a corpus: built from rows, written, read back, and fingerprinted.

`Corpus` holds the `articles`, `sentences` and `facts` frames (`schemas` validates each);
`write_tables` writes them as CSV and Parquet with a manifest of the articles' hashes, which
lets a later run reuse them (`read_tables`) only for exactly the same articles.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from . import schemas
from .articles import Article, ArticleError, find_article_files, parse_article
from .atomic import write_table, write_text

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
    names = tuple(schemas.FACT_COLUMNS)
    if rows and all(tuple(row) == names for row in rows):
        by_name = dict(zip(names, map(list, zip(*(row.values() for row in rows)))))
    else:                                  # rows with columns missing or in another order
        by_name = {name: [row.get(name) for row in rows] for name in names}
    columns = {}
    for name in names:
        values = by_name[name]
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


TABLES = ("articles", "sentences", "facts")
MANIFEST = "manifest.json"


def corpus_manifest(paths: Iterable[Path | str]) -> dict:
    """Give the article ids and content hashes of the files under `paths`; a file that
    cannot be read (skipped by --keep-going) is listed with no hash."""
    hashes: dict[str, str | None] = {}
    for path in find_article_files(paths):
        try:
            hashes[path.stem] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            hashes[path.stem] = None
    return {"articles": hashes}


def write_tables(corpus: Corpus, folder: Path | str, manifest: dict | None = None) -> list[Path]:
    """Write the three tables to `folder` as CSV and Parquet, and the manifest; give the paths."""
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
