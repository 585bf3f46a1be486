"""The articles beside the Air Force record: cross-checks and where a night stands."""
from __future__ import annotations

import pandas as pd

from ..records import airforce
from .interceptions import wilson

# the articles' units and the record's groups
WEAPON_GROUP = {"missiles": "missiles", "drones": "drone"}


def article_counts(facts: pd.DataFrame) -> pd.DataFrame:
    """Give nationwide launched/intercepted figures per night, article and weapon."""
    keep = facts[facts["metric"].isin(["launched", "intercepted"])
                 & (facts["location"] == "Ukraine")
                 & facts["period"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)
                 & (facts["qualifier"] != "order_of_magnitude")]
    keep = keep.sort_values(["article_id", "start"]).drop_duplicates(
        ["article_id", "period", "unit", "metric"])
    out = keep[["period", "article_id", "unit", "metric", "value", "qualifier", "low", "high",
                "number_text", "qualifier_text"]].rename(columns={"period": "night",
                                                                  "unit": "weapon"})
    out["night"] = pd.to_datetime(out["night"])
    return out.reset_index(drop=True)


def crosscheck(facts: pd.DataFrame, attacks: pd.DataFrame, command: str = "national") -> pd.DataFrame:
    """Give, for every night both the articles and the record cover, each article figure
    beside the record's count for the same weapon group, and whether they agree.

    `intercepted` is compared with the record's `destroyed` (the Air Force's own word) and,
    for reference, with destroyed + not_reach_goal. A figure agrees when the record's count
    lies within the range its qualifier allows.
    """
    counts = article_counts(facts)
    nights = airforce.nightly(attacks, command)
    record = nights[nights["weapon_class"].isin(list(WEAPON_GROUP.values()))]
    counts["weapon_class"] = counts["weapon"].map(WEAPON_GROUP)
    merged = counts.merge(record, on=["night", "weapon_class"], how="inner")
    if merged.empty:
        return pd.DataFrame(columns=["night", "weapon", "metric", "article_id", "article",
                                     "record", "record_destroyed_or_not_reached", "agree"])
    record_value = merged["launched"].where(merged["metric"] == "launched", merged["destroyed"])
    out = pd.DataFrame({
        "night": merged["night"].dt.strftime("%Y-%m-%d"),
        "weapon": merged["weapon"],
        "metric": merged["metric"],
        "article_id": merged["article_id"],
        "article": [f"{q + ' ' if isinstance(q, str) else ''}{v:g}"
                    for q, v in zip(merged["qualifier_text"], merged["value"])],
        "record": record_value.astype("float64"),
        "record_destroyed_or_not_reached": merged["destroyed_or_not_reached"].astype("float64")
        .where(merged["metric"] == "intercepted"),
    })
    out["agree"] = (merged["low"] <= record_value.astype("float64")) & (
        record_value.astype("float64") <= merged["high"])
    return out.sort_values(["night", "weapon", "metric", "article_id"]).reset_index(drop=True)


def largest(nightly: pd.DataFrame, group: str = "all", n: int = 5) -> pd.DataFrame:
    """Give the `n` nights with the most weapons launched in `group`."""
    sub = nightly[nightly["weapon_class"] == group]
    return sub.sort_values(["launched", "night"], ascending=[False, True]).head(n).reset_index(drop=True)


def standing(nightly: pd.DataFrame, night) -> pd.DataFrame:
    """Give where `night` ranks among all nights with launches, by size and by rate, per
    weapon group; a group with nothing launched that night has no row."""
    rows = []
    for group in ("drone", "missiles", "all"):
        sub = nightly[nightly["weapon_class"] == group]
        this = sub[sub["night"] == pd.Timestamp(night)]
        if this.empty or not this["launched"].iloc[0] > 0:
            continue
        with_launch = nightly[(nightly["weapon_class"] == group) & (nightly["launched"] > 0)]
        rows.append({
            "group": group,
            "launched": int(this["launched"].iloc[0]),
            "destroyed": int(this["destroyed"].iloc[0]),
            "destroyed_rate": float(this["destroyed_rate"].iloc[0]),
            "nights_with_launches": len(with_launch),
            "size_percentile": airforce.percentile_rank(with_launch, night, "launched", group),
            "rate_percentile": airforce.percentile_rank(with_launch, night, "destroyed_rate", group),
        })
    return pd.DataFrame(rows)


def class_rates(nightly: pd.DataFrame, night) -> pd.DataFrame:
    """Give the destroyed rate per weapon class over the whole record and on `night`, each
    with its 95% Wilson interval (`record_low`, `record_high`, `night_low`, `night_high`)."""
    classes = [c for c in airforce.CLASSES if c != "other"]
    sub = nightly[nightly["weapon_class"].isin(classes)]
    total = sub.groupby("weapon_class")[["launched", "destroyed"]].sum()
    this = sub[sub["night"] == pd.Timestamp(night)].set_index("weapon_class")[["launched", "destroyed"]]
    out = pd.DataFrame({
        "record_launched": total["launched"].astype("float64"),
        "record_destroyed": total["destroyed"].astype("float64"),
        "night_launched": this["launched"].astype("float64"),
        "night_destroyed": this["destroyed"].astype("float64"),
    })
    out = out[out["night_launched"] > 0]
    for scope in ("record", "night"):
        destroyed, launched = out[f"{scope}_destroyed"], out[f"{scope}_launched"]
        out[f"{scope}_rate"] = destroyed / launched
        bounds = [wilson(d, n) for d, n in zip(destroyed, launched)]
        out[f"{scope}_low"] = [low for low, _ in bounds]
        out[f"{scope}_high"] = [high for _, high in bounds]
    out = out[[f"{scope}_{c}" for scope in ("record", "night")
               for c in ("launched", "destroyed", "rate", "low", "high")]].reset_index()
    order = {c: i for i, c in enumerate(airforce.CLASSES)}
    return out.sort_values("weapon_class", key=lambda s: s.map(order)).reset_index(drop=True)
