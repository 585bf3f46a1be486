"""Where the sources agree: the same figure reported by more than one article or source.

A part of a whole (`including a 16-year-old girl`, `two of the seven injured`: the facts'
`part_of`) is no report of the figure and is left out, as is a territory figure that is no
month's gain (a week, a span of months, the area held: `territory_gains.span_of`).
"""
from __future__ import annotations

import pandas as pd

from .territory_gains import spans

GROUP = ["metric", "unit", "location", "period"]


def reports(facts: pd.DataFrame) -> pd.DataFrame:
    """Give one row per (figure, article, source): repeats inside an article collapse."""
    cols = GROUP + ["article_id", "source", "value", "qualifier", "low", "high"]
    frame = facts.copy()
    frame["source"] = frame["source"].fillna("(unattributed)")
    frame = frame.dropna(subset=["location", "period"])
    frame = frame.sort_values(["article_id", "start"])
    frame = frame.drop_duplicates(GROUP + ["article_id", "value", "qualifier"], keep="first")
    return frame[cols + ["number_text", "qualifier_text", "quote"]].reset_index(drop=True)


def _figure(row) -> str:
    written = f"{row.qualifier_text} {row.value:g}" if isinstance(row.qualifier_text, str) \
        else f"{row.value:g}"
    return f"{written} {row.unit} ({row.article_id}, {row.source})"


def comparable(facts: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give the facts that report a figure of their own: no part of a whole, and (with the
    `articles` their spans are read from) no territory figure other than a month's gain."""
    out = facts[facts["part_of"].isna()]
    if articles is not None:
        span = spans(out, articles).reindex(out.index)
        out = out[(out["metric"] != "territory_seized") | (span == "month").fillna(False)]
    return out


def agreement(facts: pd.DataFrame, include_vague: bool = False,
              articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give, for every figure reported by more than one article or source, the figures side
    by side, the interval they jointly allow and whether they agree.

    Figures agree when their ranges (`low`..`high`, from the qualifier) overlap: `more than
    60` and `71` agree; two exact figures that differ do not. Parts of a whole are left out,
    and, given the `articles`, territory figures that are no month's gain; orders of
    magnitude (`thousands`) too unless `include_vague`.
    """
    facts = comparable(facts, articles)
    if not include_vague:
        facts = facts[facts["qualifier"] != "order_of_magnitude"]
    rep = reports(facts)
    columns = GROUP + ["n_articles", "n_reports", "figures", "joint_low", "joint_high", "agree"]
    rep["reporter"] = rep["article_id"].astype(str) + "\x1f" + rep["source"].astype(str)
    rep = rep[rep.groupby(GROUP, sort=False)["reporter"].transform("nunique") >= 2]
    if rep.empty:
        return pd.DataFrame(columns=columns).astype({"agree": bool})
    rep = rep.assign(figure=[_figure(r) for r in rep.itertuples()])
    out = rep.groupby(GROUP, sort=True).agg(
        n_articles=("article_id", "nunique"), n_reports=("value", "size"),
        figures=("figure", "; ".join), low=("low", "max"), high=("high", "min")).reset_index()
    agree = out["low"] <= out["high"]
    out["joint_low"] = out["low"].where(agree)
    out["joint_high"] = out["high"].where(agree)
    out["agree"] = agree.astype(bool)
    out = out[columns].astype({key: str for key in GROUP})
    return out.astype({"agree": bool}).reset_index(drop=True)
