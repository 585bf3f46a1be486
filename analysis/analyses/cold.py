"""Temperatures and outages: the figures the cold-and-heat analysis pairs, and heating and
power outages across the winters of the corpus.

A winter runs from October to April and is named by its two years (`2025-26`); a figure
outside those months belongs to no winter. Parts of a whole (`part_of`) are left out.
"""
from __future__ import annotations

import pandas as pd

OUTAGE_METRICS = ("without_heating", "without_power")
MIN_POINTS = 3      # fewer figures than this make no chart: the notebook says so in words

_COLS = ["article_id", "location", "period", "source", "value", "qualifier", "low", "high",
         "unit", "quote"]


def temperatures(facts: pd.DataFrame) -> pd.DataFrame:
    """Give every temperature with its city, day and article."""
    out = facts[facts["metric"] == "temperature"][_COLS]
    return out.sort_values(["period", "location", "article_id"]).reset_index(drop=True)


def heating_outages(facts: pd.DataFrame) -> pd.DataFrame:
    """Give every count of buildings, homes, subscribers, families or people without heating."""
    out = facts[facts["metric"] == "without_heating"][_COLS]
    return out.sort_values(["period", "location", "unit", "article_id"]).reset_index(drop=True)


def pair(temps: pd.DataFrame, outages: pd.DataFrame) -> pd.DataFrame:
    """Give each outage figure beside the lowest temperature its article gives for the same
    city and day; outages without such a temperature are left out."""
    coldest = (temps.groupby(["article_id", "location", "period"], as_index=False)["value"].min()
               .rename(columns={"value": "temperature"}))
    merged = outages.merge(coldest, on=["article_id", "location", "period"], how="inner")
    merged["source"] = merged["article_id"] + " · " + merged["source"].fillna("unattributed")
    out = merged.rename(columns={"location": "city", "value": "outage"})
    return out[["city", "period", "article_id", "source", "unit", "outage", "qualifier", "low",
                "high", "temperature"]].sort_values(["unit", "city", "article_id"]).reset_index(drop=True)


def caveat(points: pd.DataFrame) -> str:
    """Give an honest statement of what the paired points can and cannot show."""
    if points.empty:
        return ("No article gives both a temperature and a heating-outage count for the same city "
                "and day, so nothing can be paired.")
    per_unit = points.groupby("unit").size()
    days = points["period"].nunique()
    return (
        f"There are {len(points)} paired figures from {points['article_id'].nunique()} articles, "
        f"covering {points['city'].nunique()} cities and {days} day{'s' if days != 1 else ''}, in "
        f"{len(per_unit)} different units; no unit has more than {per_unit.max()} points. "
        "That is far too few to estimate how outages depend on temperature, and the figures "
        "would not show it anyway: outages follow where the strikes landed, the counts measure "
        "different things, and several are bounds rather than counts. Read the chart as a record "
        "of what each source said about the same cold night, not as a relationship.")


def winter_of(period) -> str | None:
    """Give the winter a day or month falls in (`2026-01` is winter 2025-26), or None."""
    if not isinstance(period, str) or len(period) < 7:
        return None
    year, month = int(period[:4]), int(period[5:7])
    if month >= 10:
        return f"{year}-{str(year + 1)[2:]}"
    if month <= 4:
        return f"{year - 1}-{str(year)[2:]}"
    return None


def outages(facts: pd.DataFrame) -> pd.DataFrame:
    """Give every heating and power outage figure with its city, day, winter and unit."""
    keep = facts[facts["metric"].isin(OUTAGE_METRICS) & facts["part_of"].isna()]
    out = pd.DataFrame({
        "winter": pd.array([winter_of(p) for p in keep["period"].astype(object)], dtype="string"),
        "day": pd.to_datetime(keep["period"].astype(object), format="mixed", errors="coerce"),
        "city": keep["location"], "metric": keep["metric"], "unit": keep["unit"],
        "value": keep["value"], "qualifier": keep["qualifier"], "low": keep["low"],
        "high": keep["high"], "article_id": keep["article_id"], "source": keep["source"],
        "quote": keep["quote"]})
    return out.sort_values(["day", "city", "metric", "unit", "article_id"]).reset_index(drop=True)


def by_winter(outage_figures: pd.DataFrame) -> pd.DataFrame:
    """Give per winter, city, metric and unit: how many figures and articles, over how many
    days, and the largest figure with its day."""
    known = outage_figures.assign(winter=outage_figures["winter"].fillna("outside winter"),
                                  city=outage_figures["city"].fillna("(no place)"))
    if known.empty:
        return pd.DataFrame(columns=["winter", "city", "metric", "unit", "figures", "articles",
                                     "days", "largest", "largest_on"])
    largest = known.sort_values("value", ascending=False, kind="stable").drop_duplicates(
        ["winter", "city", "metric", "unit"]).set_index(["winter", "city", "metric", "unit"])
    out = known.groupby(["winter", "city", "metric", "unit"]).agg(
        figures=("value", "size"), articles=("article_id", "nunique"), days=("day", "nunique"))
    out["largest"] = largest["value"]
    out["largest_on"] = largest["day"].dt.strftime("%Y-%m-%d")
    return out.reset_index().sort_values(["winter", "city", "metric", "unit"]).reset_index(drop=True)


def too_few(n: int, what: str) -> str | None:
    """Give the sentence a notebook shows instead of a chart of `n` figures, or None when
    there are enough to draw."""
    if n >= MIN_POINTS:
        return None
    if n == 0:
        return f"No {what} in this corpus: there is nothing to chart."
    return (f"Only {n} {what}{'' if n == 1 else 's'} in this corpus: too few to chart; the "
            f"table above lists {'it' if n == 1 else 'them'}.")
