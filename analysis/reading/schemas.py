"""Pandera schemas for the three tables: articles, sentences, facts."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .vocabulary import METRIC_UNITS, METRICS, QUALIFIERS, UNITS

_str = dict(dtype="string")
_METRIC_UNIT = [f"{metric}/{unit}" for metric, units in METRIC_UNITS.items() for unit in units]


def _unit_fits_metric(df: pd.DataFrame) -> pd.Series:
    """Give, per row, whether the row's metric allows its unit."""
    pairs = df["metric"].astype("string") + "/" + df["unit"].astype("string")
    return pairs.isin(_METRIC_UNIT).fillna(False).astype(bool)


ARTICLES = pa.DataFrameSchema(
    {
        "article_id": pa.Column(unique=True, **_str),
        "published": pa.Column("datetime64[ns]"),
        "headline": pa.Column(**_str),
        "dateline": pa.Column(nullable=True, **_str),
        "body": pa.Column(**_str),
        "text": pa.Column(**_str),
        "n_words": pa.Column("int64", pa.Check.ge(0)),
        "n_chars": pa.Column("int64", pa.Check.ge(0)),
        "sha256": pa.Column(checks=pa.Check.str_matches(r"^[0-9a-f]{64}$"), **_str),
        "path": pa.Column(**_str),
    },
    strict=True,
    ordered=True,
    name="articles",
)

SENTENCES = pa.DataFrameSchema(
    {
        "sentence_id": pa.Column(unique=True, **_str),
        "article_id": pa.Column(**_str),
        "index": pa.Column("int64", pa.Check.ge(0)),
        "section": pa.Column(checks=pa.Check.isin(["headline", "body"]), **_str),
        "start": pa.Column("int64", pa.Check.ge(0)),
        "end": pa.Column("int64", pa.Check.ge(0)),
        "text": pa.Column(**_str),
    },
    checks=pa.Check(lambda df: df["end"] > df["start"], error="empty sentence span"),
    strict=True,
    ordered=True,
    name="sentences",
)

FACTS = pa.DataFrameSchema(
    {
        "fact_id": pa.Column(unique=True, **_str),
        "article_id": pa.Column(**_str),
        "metric": pa.Column(checks=pa.Check.isin(METRICS), **_str),
        "unit": pa.Column(checks=pa.Check.isin(UNITS), **_str),
        "value": pa.Column("float64"),
        "qualifier": pa.Column(checks=pa.Check.isin(QUALIFIERS), **_str),
        "low": pa.Column("float64", nullable=True),
        "high": pa.Column("float64", nullable=True),
        "location": pa.Column(nullable=True, **_str),
        "period": pa.Column(nullable=True, checks=pa.Check.str_matches(r"^\d{4}-\d{2}(-\d{2})?$"),
                            **_str),
        "source": pa.Column(nullable=True, **_str),
        "sentence_id": pa.Column(**_str),
        "start": pa.Column("int64", pa.Check.ge(0)),
        "end": pa.Column("int64", pa.Check.ge(0)),
        "number_text": pa.Column(**_str),
        "qualifier_text": pa.Column(nullable=True, **_str),
        "cue": pa.Column(nullable=True, **_str),
        "stated_value": pa.Column("float64", nullable=True),
        "stated_unit": pa.Column(nullable=True, **_str),
        "part_of": pa.Column(nullable=True, **_str),
        "quote": pa.Column(**_str),
    },
    checks=[
        pa.Check(lambda df: df["end"] > df["start"], error="empty number span"),
        pa.Check(lambda df: ~(df["low"] > df["high"]).fillna(False), error="low above high"),
        pa.Check(_unit_fits_metric, error="unit not allowed for metric"),
    ],
    strict=True,
    ordered=True,
    name="facts",
)

FACT_COLUMNS = list(FACTS.columns)
