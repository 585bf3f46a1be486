"""Interception ratios with honest uncertainty.

The interval is the Wilson score interval: it stays inside [0, 1], keeps close to its
nominal 95% coverage for the counts seen here (tens to hundreds of weapons, rates near
the edges), and has a closed form anyone can recompute. The Jeffreys interval (the
equal-tailed Beta(x+1/2, n-x+1/2) interval) is given beside it as a check. Both treat each
weapon as an independent trial, which a coordinated salvo is not: read them as the
uncertainty of a rate, not of the night.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.special import betaincinv

Z95 = 1.959963984540054


def _valid(successes: float, trials: float) -> bool:
    """Say whether successes out of trials is a proportion: a text can report more weapons
    intercepted than launched, and no interval is drawn for that."""
    return 0 < trials < math.inf and 0 <= successes <= trials


def wilson(successes: float, trials: float, z: float = Z95) -> tuple[float, float]:
    """Give the Wilson score interval for successes out of trials."""
    if not _valid(successes, trials):
        return (math.nan, math.nan)
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    # at the edges the bound is the edge itself (the float sum falls a hair short of it)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return (min(low, p), max(high, p))


def jeffreys(successes: float, trials: float, level: float = 0.95) -> tuple[float, float]:
    """Give the equal-tailed Jeffreys interval for successes out of trials."""
    if not _valid(successes, trials):
        return (math.nan, math.nan)
    a, b = successes + 0.5, trials - successes + 0.5
    tail = (1 - level) / 2
    low = 0.0 if successes == 0 else float(betaincinv(a, b, tail))
    high = 1.0 if successes == trials else float(betaincinv(a, b, 1 - tail))
    return (low, high)


def with_intervals(frame: pd.DataFrame, successes: str = "intercepted",
                   trials: str = "launched") -> pd.DataFrame:
    """Give `frame` with rate, Wilson and Jeffreys 95% bounds added."""
    out = frame.copy()
    out["rate"] = out[successes] / out[trials]
    w = [wilson(s, n) for s, n in zip(out[successes], out[trials])]
    j = [jeffreys(s, n) for s, n in zip(out[successes], out[trials])]
    out["wilson_low"], out["wilson_high"] = zip(*w) if w else ([], [])
    out["jeffreys_low"], out["jeffreys_high"] = zip(*j) if j else ([], [])
    return out


def interceptions(facts: pd.DataFrame) -> pd.DataFrame:
    """Give intercepted over launched per night, article and weapon, and all weapons combined.

    Uses exact nationwide (`Ukraine`) figures reported by one article for the same night;
    "all" adds missiles and drones when the article gives both pairs.
    """
    keep = facts[(facts["metric"].isin(["launched", "intercepted"]))
                 & (facts["location"] == "Ukraine") & (facts["qualifier"] == "exact")
                 & facts["period"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)]
    if keep.empty:
        return with_intervals(pd.DataFrame(columns=["night", "article_id", "source", "weapon",
                                                    "intercepted", "launched"]).astype(
            {"intercepted": float, "launched": float}))
    # one figure per article, night, weapon and metric: the first stated
    first = keep.sort_values("start").groupby(
        ["period", "article_id", "unit", "metric"], as_index=False).first()
    wide = first.pivot_table(index=["period", "article_id", "unit"], columns="metric",
                             values="value", aggfunc="first").reset_index()
    wide = wide.dropna(subset=[c for c in ("launched", "intercepted") if c in wide])
    if not {"launched", "intercepted"} <= set(wide.columns) or wide.empty:
        return interceptions(keep.iloc[0:0])
    sources = first.groupby(["period", "article_id"])["source"].agg(
        lambda s: "; ".join(sorted(set(s.dropna())))).rename("source")
    wide = wide.rename(columns={"period": "night", "unit": "weapon"})
    both = wide.groupby(["night", "article_id"]).filter(lambda g: set(g["weapon"]) >= {"missiles", "drones"})
    total = both.groupby(["night", "article_id"], as_index=False)[["intercepted", "launched"]].sum()
    total["weapon"] = "all"
    out = pd.concat([wide, total], ignore_index=True)
    out = out.join(sources, on=["night", "article_id"])
    order = {"missiles": 0, "drones": 1, "all": 2}
    out = out.sort_values(["night", "article_id", "weapon"], key=lambda s: s.map(order)
                          if s.name == "weapon" else s).reset_index(drop=True)
    out = out[["night", "article_id", "source", "weapon", "intercepted", "launched"]]
    return with_intervals(out)


def launch_sensitivity(facts: pd.DataFrame, ratios: pd.DataFrame) -> pd.DataFrame:
    """Give each ratio recomputed with every other article's launch figure for that night.

    A bounded figure (`more than 60`) gives the range of rates it allows: intercepted over
    its high bound to intercepted over its low bound. Orders of magnitude ("hundreds of drones
    and missiles") are not counts to divide by and are left out.
    """
    launches = facts[(facts["metric"] == "launched") & (facts["location"] == "Ukraine")
                     & (facts["qualifier"] != "order_of_magnitude")]
    launches = launches.sort_values(["article_id", "start"])[
        ["period", "unit", "article_id", "qualifier_text", "number_text", "low", "high"]]
    pairs = (ratios.loc[ratios["weapon"] != "all", ["night", "weapon", "intercepted", "article_id"]]
             .reset_index(drop=True).reset_index()
             .merge(launches.astype({"period": object, "unit": object}),
                    left_on=["night", "weapon"], right_on=["period", "unit"],
                    suffixes=("", "_launch"))
             .sort_values("index", kind="stable"))
    low = pairs["low"].where(np.isfinite(pairs["low"]))
    low = np.maximum(low, pairs["intercepted"]).where(low.notna())
    high = pairs["high"]
    written = pairs["qualifier_text"].fillna("").astype(str)
    written = (written + np.where(written == "", "", " ")).str.cat(pairs["number_text"].astype(str))
    out = pd.DataFrame({
        "night": pairs["night"], "weapon": pairs["weapon"], "intercepted": pairs["intercepted"],
        "intercepted_from": pairs["article_id"], "launched_from": pairs["article_id_launch"],
        "launched_as_written": written, "launched_low": low, "launched_high": high,
        "rate_low": (pairs["intercepted"] / high).where(np.isfinite(high) & (high != 0), 0.0),
        "rate_high": pairs["intercepted"] / low.where(low != 0),
    })
    return out.reset_index(drop=True)
