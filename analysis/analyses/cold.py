"""Temperatures and heating outages: the figures the cold-and-heat analysis pairs."""
from __future__ import annotations

import pandas as pd

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
