"""Display helpers for the notebooks: their one opening call (which also sets the charts'
theme, see `style`), the tables they show (every one through `table` or `screen`,
interactive: see `interactive`), prose from the data."""
from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd

from .. import config
from ..extraction.corpus import cached_corpus
from ..reading.tables import Corpus
from .interactive import Table, marked_quotes  # noqa: F401 (marked_quotes: for the notebooks)

SCREEN_ROWS = 20                # rows of a data frame shown as it is (not through `screen`)


def open_notebook(articles: Path | str, processed: Path | str | None = None) -> Corpus:
    """Set the notebook's display up and give the corpus tables of the articles in
    `articles`: those the build wrote to `processed` when they come from exactly these
    articles, else extracted afresh. A running build points its kernels at the tables it is
    staging (config.TABLES_ENV), which are read instead of `processed`. Says in a line
    which facts table the notebook runs on, after the script of its interactive tables."""
    from IPython.display import display

    from . import interactive
    setup()
    corpus = cached_corpus(articles, os.environ.get(config.TABLES_ENV) or processed)
    display(interactive.init())
    display(md(facts_origin(corpus, Path(articles).name)))
    return corpus


def facts_origin(corpus: Corpus, folder: str) -> str:
    """Give a line saying which facts table `corpus` holds: extracted, or a file's."""
    n = f"{len(corpus.facts):,} facts about {len(corpus.articles):,} articles"
    if corpus.facts_file is None:
        return f"*Facts table: {n}, extracted from the articles in {esc(folder)}.*"
    return (f"*Facts table: {n}, read from the facts file {esc(corpus.facts_file['name'])} "
            f"(sha256 {corpus.facts_file['sha256'][:12]}), not extracted.*")


def table(frame: pd.DataFrame, name: str, shown: pd.DataFrame | None = None) -> Table:
    """Give `shown` (by default `frame`) as an interactive table named `name` (see `screen`);
    in a build, also write the whole of `frame` (its index as columns) as `<name>.csv` and
    `<name>.parquet` beside the corpus tables, for the report to link."""
    folder = os.environ.get(config.TABLES_ENV)
    if folder:
        from ..reading.atomic import write_table
        whole = frame if _plain_index(frame) else frame.reset_index()
        for suffix in (".parquet", ".csv"):
            write_table(whole, Path(folder) / f"{name}{suffix}")
    return screen(frame if shown is None else shown, name)


def _plain_index(frame: pd.DataFrame) -> bool:
    return isinstance(frame.index, pd.RangeIndex) and frame.index.name is None


def setup() -> None:
    """Set pandas display options so no table runs past a screen, and the charts' one theme
    and palette (`style.apply`); gives nothing."""
    from . import style
    style.apply()
    pd.set_option("display.max_rows", SCREEN_ROWS)
    pd.set_option("display.min_rows", 10)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.width", 120)
    pd.set_option("display.precision", 3)


def screen(frame: pd.DataFrame, name: str = "table") -> Table:
    """Give `frame` as an interactive table: every row, searchable, sortable, filterable by
    column and downloadable as CSV (the rows shown, as `<name>-rows.csv`)."""
    return Table(frame, name)


def md(text: str):
    """Give `text` as Markdown for display."""
    from IPython.display import Markdown
    return Markdown(text)


def esc(value) -> str:
    """Give `value` as text safe to put in Markdown or HTML: nothing in it is markup."""
    text = html.escape(str(value), quote=False)
    for char in "\\`*_{}[]()#+!|<>~":
        text = text.replace(char, "\\" + char)
    return text


def counted(n: int, noun: str) -> str:
    """Give `n` and its noun, plural unless one: "1 night", "2,345 nights"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def pct(x: float, digits: int = 0) -> str:
    """Give a share as a percentage."""
    return f"{100 * x:.{digits}f}%"


def bullets(lines, empty: str, limit: int = 10):
    """Give Markdown bullets for at most `limit` lines, saying how many more there are."""
    lines = list(lines)
    if not lines:
        return md(empty)
    shown = [f"- {line}" for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"- … and {len(lines) - limit:,} more (see the table above)")
    return md("\n".join(shown))
