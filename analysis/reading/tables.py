"""The three tables of a corpus: written, read back, and fingerprinted.

`Corpus` holds the `articles`, `sentences` and `facts` frames (`schemas` validates each);
`write_tables` writes them as CSV and Parquet with a manifest of the articles' hashes, which
lets a later run reuse them (`read_tables`) only for exactly the same articles.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import schemas
from .articles import Article, ArticleError, find_article_files, parse_article
from .atomic import write_table, write_text


@dataclass
class Corpus:
    """The tables of one corpus, the files that could not be read, and where the facts
    come from: None when extracted from the articles, else the facts file given (its name
    and content hash, as the manifest records it)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    facts: pd.DataFrame
    errors: list[ArticleError] = field(default_factory=list)
    facts_file: dict | None = None


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


def facts_file_entry(path: Path | str) -> dict:
    """Give the manifest's record of a facts file: its name and content hash."""
    path = Path(path)
    return {"name": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def write_tables(corpus: Corpus, folder: Path | str, manifest: dict | None = None) -> list[Path]:
    """Write the three tables to `folder` as CSV and Parquet, and the manifest (with the
    corpus's facts file, if any); give the paths."""
    folder = Path(folder)
    written = []
    for name in TABLES:
        frame = getattr(corpus, name)
        written.append(write_table(frame, folder / f"{name}.parquet"))
        written.append(write_table(frame, folder / f"{name}.csv"))
    if manifest is not None:
        if corpus.facts_file is not None:
            manifest = {**manifest, "facts_file": corpus.facts_file}
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
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    return Corpus(**frames, facts_file=manifest.get("facts_file"))
