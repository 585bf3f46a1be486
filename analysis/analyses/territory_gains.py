"""Territorial gains as the articles report them, month by month, and beside a series."""
from __future__ import annotations

import numpy as np
import pandas as pd


def article_series(facts: pd.DataFrame) -> pd.DataFrame:
    """Give the articles' monthly nationwide gains: one row per month and article, with the
    change on the previous calendar month (from any article) and its ratio."""
    keep = facts[(facts["metric"] == "territory_seized") & (facts["location"] == "Ukraine")
                 & facts["period"].str.fullmatch(r"\d{4}-\d{2}").fillna(False)]
    keep = keep.sort_values(["article_id", "start"]).drop_duplicates(["period", "article_id"])
    out = pd.DataFrame({
        "month": keep["period"].astype("string"),
        "km2": keep["value"].astype("float64"),
        "qualifier": keep["qualifier"],
        "article_id": keep["article_id"],
        "source": keep["source"],
    }).sort_values(["month", "article_id"]).reset_index(drop=True)
    first = out.drop_duplicates("month").set_index("month")["km2"]
    previous = [(pd.Period(m, "M") - 1).strftime("%Y-%m") for m in out["month"]]
    before = pd.Series([first.get(p, np.nan) for p in previous], index=out.index, dtype="float64")
    out["change"] = out["km2"] - before
    out["change_ratio"] = out["km2"] / before
    return out


def compare(gains: pd.DataFrame, monthly_series: pd.DataFrame) -> pd.DataFrame:
    """Give each article figure beside the series' figure for its month; they agree when equal
    (within 10% for an approximate figure)."""
    merged = gains.merge(monthly_series[["month", "km2", "analysis", "source_title"]],
                         on="month", how="inner", suffixes=("_article", "_series"))
    tolerance = np.where(merged["qualifier"] == "approx", 0.1 * merged["km2_series"].abs(), 0.5)
    merged["difference"] = merged["km2_article"] - merged["km2_series"]
    merged["agree"] = merged["difference"].abs() <= tolerance
    return merged[["month", "article_id", "km2_article", "km2_series", "difference", "agree",
                   "analysis", "source_title"]]
