"""Where the sources agree: the same figure reported by more than one article or source."""
from __future__ import annotations

import math

import pandas as pd

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


def agreement(facts: pd.DataFrame, include_vague: bool = False) -> pd.DataFrame:
    """Give, for every figure reported by more than one article or source, the figures side
    by side, the interval they jointly allow and whether they agree.

    Figures agree when their ranges (`low`..`high`, from the qualifier) overlap: `more than
    60` and `71` agree; two exact figures that differ do not. Orders of magnitude
    (`thousands`) are left out unless `include_vague`.
    """
    if not include_vague:
        facts = facts[facts["qualifier"] != "order_of_magnitude"]
    rep = reports(facts)
    rows = []
    for key, group in rep.groupby(GROUP, sort=True):
        reporters = group[["article_id", "source"]].drop_duplicates()
        if len(reporters) < 2:
            continue
        low, high = group["low"].max(), group["high"].min()
        agree = bool(low <= high)
        rows.append({
            **dict(zip(GROUP, key)),
            "n_articles": group["article_id"].nunique(),
            "n_reports": len(group),
            "figures": "; ".join(_figure(r) for r in group.itertuples()),
            "joint_low": low if agree else math.nan,
            "joint_high": high if agree else math.nan,
            "agree": agree,
        })
    out = pd.DataFrame(rows, columns=GROUP + ["n_articles", "n_reports", "figures", "joint_low",
                                              "joint_high", "agree"])
    return out.astype({"agree": bool}).reset_index(drop=True)
