"""The facts table while it is built: one typed row per fact, held as columns.

An article dense with numbers gives a fact every few dozen characters, so the rows are
kept as columns (the numbers in typed arrays, the strings as shared references) rather
than one object per fact, and two columns are derived only when the frame is built: the
`fact_id` from its parts, the `quote` from its span of the article's text (a long sentence
gives each number its own window of it). `FactColumns.frame()` gives the table with the
schema's dtypes, not yet validated.
"""
from __future__ import annotations

from array import array
from typing import Iterable, Iterator, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from . import schemas

FLOAT_COLUMNS = ("value", "low", "high", "stated_value")
INT_COLUMNS = ("start", "end")
_NAN = float("nan")


class FactRow(NamedTuple):
    """One fact: the columns of schemas.FACTS but `fact_id` (see `fact_id`) and `quote`,
    given by the span of the article's text it is cut from."""

    article_id: str
    metric: str
    unit: str
    value: float
    qualifier: str
    low: float
    high: float
    location: str | None
    period: str | None
    source: str | None
    sentence_id: str
    start: int
    end: int
    number_text: str
    qualifier_text: str | None
    cue: str | None
    stated_value: float | None
    stated_unit: str | None
    part_of: str | None         # the fact id of the count this one is part of
    quote_start: int
    quote_end: int


assert ("fact_id",) + FactRow._fields[:-2] + ("quote",) == tuple(schemas.FACT_COLUMNS), \
    "FactRow must follow schemas.FACTS"
INT_FIELDS = INT_COLUMNS + ("quote_start", "quote_end")


def fact_id(article_id: str, start: int, metric: str) -> str:
    """Give the id of the fact of `metric` read from the number at `start` of an article."""
    return f"{article_id}:{start}:{metric}"


def quote(text: str, start: int, end: int) -> str:
    """Give the quote of `text[start:end]`: its words, each space run as one space."""
    return " ".join(text[start:end].split())


def _strings(values: Iterable, size: int) -> pd.api.extensions.ExtensionArray:
    """Give the `size` strings of `values` as an array of the tables' string dtype, None as
    missing."""
    dtype = pd.StringDtype()
    if dtype.storage == "pyarrow":
        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string(), size=size))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            if not isinstance(values, list):
                raise
            # a value that is not a str: converted below as astype("string") does
    return pd.array(list(values), dtype=dtype)


class FactColumns:
    """Fact rows of one or more articles, appended in order and held as columns, with the
    texts their quotes are cut from."""

    __slots__ = ("columns", "texts", "text_of", "_pending")
    FLUSH = 4096     # rows kept as tuples before they are moved into the columns

    def __init__(self) -> None:
        self.columns: tuple[list | array, ...] = tuple(
            array("d") if name in FLOAT_COLUMNS else array("q") if name in INT_FIELDS else []
            for name in FactRow._fields)
        self.texts: list[str] = []
        self.text_of = array("q")          # per row: its text's index in `texts`
        self._pending: list[FactRow] = []

    def __len__(self) -> int:
        return len(self.text_of)

    def extend(self, rows: list[FactRow], text: str) -> None:
        """Append `rows`, read from `text`; a missing number is stored as NaN."""
        if not rows:
            return
        if not self.texts or self.texts[-1] is not text:
            self.texts.append(text)
        self.text_of.extend([len(self.texts) - 1] * len(rows))
        self._pending += rows
        if len(self._pending) >= self.FLUSH:
            self._flush()

    def _flush(self) -> None:
        """Move the pending rows into the columns."""
        for name, column, values in zip(FactRow._fields, self.columns, zip(*self._pending)):
            if name in FLOAT_COLUMNS:
                column.extend([_NAN if v is None else v for v in values])
            else:
                column.extend(values)
        self._pending = []

    def column(self, name: str) -> list | array:
        """Give the column `name` of every row appended so far (a list of the values, or an
        array of the numbers), to read or to change in place."""
        self._flush()
        return self.columns[FactRow._fields.index(name)]

    def _column(self, name: str) -> list | array:
        return self.columns[FactRow._fields.index(name)]

    def _ids(self) -> Iterator[str]:
        """Give each row's id; a number read as one metric for several places ("eight each
        over the Voronezh and Saratov regions") numbers its later facts (`...:2`)."""
        seen: dict[str, int] = {}
        for one in map(fact_id, self._column("article_id"), self._column("start"),
                       self._column("metric")):
            seen[one] = seen.get(one, 0) + 1
            yield one if seen[one] == 1 else f"{one}:{seen[one]}"

    def _quotes(self) -> Iterator[str]:
        """Give each row's quote; the rows of one sentence, which follow each other, share one."""
        last_key: tuple | None = None
        last = ""
        for key in zip(self.text_of, self._column("quote_start"), self._column("quote_end")):
            if key != last_key:
                last_key, last = key, quote(self.texts[key[0]], key[1], key[2])
            yield last

    def __iter__(self) -> Iterator[dict]:
        """Give each fact as a dict of the FACTS columns."""
        self._flush()
        names = FactRow._fields[:-2]
        for one_id, values, one_quote in zip(self._ids(), zip(*self.columns), self._quotes()):
            yield {"fact_id": one_id, **dict(zip(names, values)), "quote": one_quote}

    def frame(self) -> pd.DataFrame:
        """Give the facts table of the rows, with the schema's dtypes, not yet validated."""
        self._flush()
        size = len(self)
        columns = {"fact_id": _strings(list(self._ids()), size)}
        for name, values in zip(FactRow._fields[:-2], self.columns):
            if name in FLOAT_COLUMNS:
                columns[name] = np.array(values, dtype="float64")
            elif name in INT_COLUMNS:
                columns[name] = np.array(values, dtype="int64")
            else:
                columns[name] = _strings(values, size)
        columns["quote"] = _strings(self._quotes(), size)
        return pd.DataFrame(columns, copy=False)


def facts_frame(facts: FactColumns) -> pd.DataFrame:
    """Give the validated `facts` table of `facts`."""
    return schemas.FACTS.validate(facts.frame())
