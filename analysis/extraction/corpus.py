"""A corpus through the extractor: the validated facts table, and the three tables at once."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

import pandas as pd

from ..reading import batches, schemas
from ..reading.articles import Article, ArticleError, articles_frame
from ..reading.sentences import sentences_frame
from ..reading.fact_table import FactColumns
from ..reading.tables import (MANIFEST, Corpus, corpus_manifest, facts_file_entry, read_articles,
                              read_tables)
from .corrections import facts_from_file
from .extractor import extract_article

if TYPE_CHECKING:
    from ..reading.dask_engine import DaskRun


def batch_facts(articles: Sequence[Article]) -> pd.DataFrame:
    """Give the facts table of a batch of articles, not yet validated."""
    facts = FactColumns()
    for article in articles:
        extract_article(article, facts)
    return facts.frame()


def validated_batch_facts(articles: Sequence[Article]) -> pd.DataFrame:
    """Give the validated facts table of one batch (the Dask engine's per-batch work)."""
    return schemas.FACTS.validate(batch_facts(articles))


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Give the validated facts table of per-batch tables, in their order."""
    frame = pd.concat(frames, ignore_index=True) if frames else FactColumns().frame()
    return schemas.FACTS.validate(frame)


def extract_facts(articles: Sequence[Article], workers: int = 1,
                  progress: bool | None = None) -> pd.DataFrame:
    """Give the validated facts table of `articles`, in article order, using `workers` processes."""
    return _joined(batches.map_articles(batch_facts, articles, workers, progress))


def extract_files(paths: Iterable[Path | str], workers: int = 1, keep_going: bool = False,
                  progress: bool | None = None) -> tuple[pd.DataFrame, int, list[ArticleError]]:
    """Give the validated facts table of the article files under `paths`, the number of
    articles read, and the files that could not be read (see `batches.map_files`)."""
    frames, n_read, errors = batches.map_files(batch_facts, paths, workers, keep_going, progress)
    return _joined(frames), n_read, errors


def load_corpus(paths: Iterable[Path | str], keep_going: bool = False, workers: int = 1,
                progress: bool | None = None, facts_file: Path | str | None = None) -> Corpus:
    """Give the articles, sentences and facts tables of the articles under `paths`; the
    facts are extracted, or read from `facts_file` (see `corrections`) when one is given."""
    articles, errors = read_articles(paths, keep_going=keep_going)
    if facts_file is not None:
        frames = articles_frame(articles), sentences_frame(articles)
        return Corpus(*frames, facts=facts_from_file(facts_file, *frames), errors=errors,
                      facts_file=facts_file_entry(facts_file))
    # facts first: worker processes fork before the other tables exist
    facts = extract_facts(articles, workers=workers, progress=progress)
    return Corpus(articles=articles_frame(articles), sentences=sentences_frame(articles),
                  facts=facts, errors=errors)


def code_fingerprint() -> str:
    """Give a hash of the source of the stages that make the tables (reading and extraction):
    tables another version of them built are extracted afresh, not reused."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*(root / "reading").glob("*.py"), *(root / "extraction").glob("*.py")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def tables_manifest(articles: Path | str) -> dict:
    """Give the manifest the tables of `articles` are written with: the articles' hashes and
    the fingerprint of the code that made the tables."""
    return {**corpus_manifest([articles]), "code": code_fingerprint()}


def cached_corpus(articles: Path | str, processed: Path | str | None = None,
                  workers: int = 1) -> Corpus:
    """Give the corpus tables: read from `processed` when they were built from exactly these
    articles, otherwise extracted afresh."""
    if processed is not None:
        folder = Path(processed)
        try:
            stored = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            # the facts may come from a file the build was given (build --facts)
            if stored.get("articles") == corpus_manifest([articles])["articles"] and \
                    stored.get("code") == code_fingerprint():       # not tables of older code
                corpus = read_tables(folder)
                # tables an older version wrote, with other columns, are extracted afresh
                if list(corpus.facts.columns) == schemas.FACT_COLUMNS:
                    return corpus
        except (OSError, ValueError):
            pass
    return load_corpus([articles], workers=workers)


def extract_with_dask(paths: Iterable[Path | str], out: Path | str, **options) -> "DaskRun":
    """Extract the articles under `paths` on a Dask cluster into a folder of Parquet parts
    (`out`), one validated facts table per batch; `options` are those of
    `dask_engine.run_batches` (scheduler, keep_going, batch_size, workers)."""
    from ..reading import dask_engine
    return dask_engine.run_batches(validated_batch_facts, paths, out, **options)
