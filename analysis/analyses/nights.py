"""Every night the corpus reports: launched and intercepted per article and weapon, with the
range a qualifier allows, the rate and its Wilson interval over that range, beside the Air
Force record for the same night and classes, and why they differ when they do.

How an article's figures for one night become one launched and one intercepted count:
- only figures of Ukraine's air defence count: a figure located in Russia or occupied
  Crimea, or given by a Russian official (`drones downed over the Belgorod region`), is
  `scope` "russia"; one located in a city or region is "regional"; one with no place
  "unknown". Only "national" rows are compared with the national record;
- a figure that names a class (`18 ballistic`, `7 Kalibr cruise missiles`, `60 Shahed`) is
  a part; one that does not (`71 missiles`) is a total; one followed by `of` (`one of four
  cruise missiles`) is part of the count after it and is left out. A total is used when the
  article gives one (the largest exact one, else the largest); otherwise its parts are
  summed, the same words once at their largest figure (a headline repeats the body), and
  the row is marked `summed`;
- left out of the counts: a part of a whole in the same place (`20 of them` of 47 in one
  place; a part named in another place is that place's own row), a vague order of
  magnitude (`dozens of drones`) and weapons that struck targets (`seven missiles struck
  14 sites`: impacts, not launches); the headline's figures yield to the body's, which
  they repeat in fewer words; `39 out of 40 drones` shot down is the interception count;
- within a class, a count named by the class alone (`18 cruise missiles`) is the total of
  the models it is made of (`13 of the X-101 and five of the Kalibr missiles`);
- a qualifier gives a range (`nearly 300` is 270 to 300): the rate is a range too, and its
  Wilson interval runs from the lower bound at the smallest ratio to the upper bound at
  the largest. An intercepted count above every launch count the range allows is a
  conflict, shown as one and never drawn as a rate.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..records import airforce
from .interceptions import wilson
from .night_figures import RECORD_GROUP, combined, figures

COLUMNS = ["night", "weapon", "article_id", "scope", "place", "classes", "summed",
           "launched", "launched_low", "launched_high",
           "intercepted", "intercepted_low", "intercepted_high",
           "rate", "rate_low", "rate_high", "conflict",
           "record_launched", "record_destroyed", "record_destroyed_or_not_reached",
           "agree", "reason", "source", "quotes"]


def _rates(launched, launch_low, launch_high, intercepted, int_low, int_high) -> tuple:
    """Give (rate, low, high, conflict): the point rate and the Wilson interval over the
    range the two counts allow, or a conflict when intercepted exceeds every launch count."""
    if any(pd.isna(v) for v in (launched, intercepted)) or not launch_high or launch_high <= 0:
        return math.nan, math.nan, math.nan, False
    if int_low > launch_high:
        return math.nan, math.nan, math.nan, True
    rate = intercepted / launched if 0 < launched and intercepted <= launched else math.nan
    lowest_n = launch_high if math.isfinite(launch_high) else max(launched, int_low)
    low = wilson(int_low, lowest_n)[0]
    top_n = max(launch_low, 1.0)
    top_x = min(int_high if math.isfinite(int_high) else top_n, top_n)
    high = wilson(top_x, top_n)[1]
    if math.isnan(rate) and launch_low <= intercepted <= launch_high:
        rate = 1.0
    return rate, low, high, False


def article_nights(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give one row per night, weapon, article and scope: the launched and intercepted
    counts with their ranges and the rate with its interval (columns of COLUMNS up to
    `conflict`, and `source`, `quotes`)."""
    groups: dict[tuple, list[dict]] = {}
    for figure in figures(facts, articles).to_dict("records"):
        for name in ("cls", "label", "place", "source"):     # missing as None, never NaN
            figure[name] = figure[name] if isinstance(figure[name], str) else None
        key = (figure["night"], figure["weapon"], figure["article_id"], figure["scope"])
        groups.setdefault(key, []).append(figure)
    rows = []
    for (night, weapon, article, scope), group in sorted(groups.items()):
        row = {"night": night, "weapon": weapon, "article_id": article, "scope": scope,
               "place": "; ".join(dict.fromkeys(f["place"] for f in group if f["place"])) or None,
               "source": "; ".join(dict.fromkeys(f["source"] for f in group if f["source"])) or None}
        quotes, classes, summed = [], None, False
        for metric in ("launched", "intercepted"):
            sub = [f for f in group if f["metric"] == metric]
            if not sub:
                row.update({metric: math.nan, f"{metric}_low": math.nan, f"{metric}_high": math.nan})
                continue
            got = combined(sub)
            row.update({metric: got["value"], f"{metric}_low": got["low"], f"{metric}_high": got["high"]})
            quotes += got["quotes"]
            summed = summed or got["summed"]
            if metric == "launched" or math.isnan(row["launched"]):
                classes = got["classes"]        # the launch count's, else the interceptions' classes
        row.update({"classes": classes, "summed": summed,
                    "quotes": " | ".join(dict.fromkeys(quotes))})
        row["rate"], row["rate_low"], row["rate_high"], row["conflict"] = _rates(
            row["launched"], row["launched_low"], row["launched_high"],
            row["intercepted"], row["intercepted_low"], row["intercepted_high"])
        rows.append(row)
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if not c.startswith(("record_", "agree",
                                                                             "reason"))])
    return out.astype({"summed": bool, "conflict": bool})


def _by_night(record: pd.DataFrame) -> dict[pd.Timestamp, dict[str, tuple[float, float, float]]]:
    """Give the record's (launched, destroyed, destroyed or not reached) per night and group."""
    out: dict = {}
    values = record[["launched", "destroyed", "destroyed_or_not_reached"]].astype("float64")
    for night, group, counts in zip(record["night"], record["weapon_class"],
                                    values.itertuples(index=False, name=None)):
        out.setdefault(night, {})[group] = counts
    return out


def _record_for(by_night: dict, night: str, weapon: str, classes: str | None) -> dict | None:
    """Give the record's launched, destroyed and destroyed-or-not-reached for a night and
    the classes a row counts (its weapon's group when it names none); None without a report.
    `by_night` is `_by_night` of the record."""
    groups = by_night.get(pd.Timestamp(night))
    if groups is None:
        return None
    wanted = classes.split("|") if isinstance(classes, str) and weapon == "missiles" \
        else [RECORD_GROUP[weapon]]
    counts = [groups[g] for g in wanted if g in groups]
    names = ("launched", "destroyed", "destroyed_or_not_reached")
    # a count the record lacks for one of the classes leaves the sum unknown, not smaller
    return {name: float(np.sum([c[i] for c in counts])) if counts else 0.0
            for i, name in enumerate(names)}


def _judge(row: dict, rec: dict | None) -> tuple[object, str]:
    """Give whether a row agrees with the record and the reason a reader can check."""
    if row["scope"] == "russia":
        return None, "a figure of Russia's air defence or over Russia: not compared"
    if row["scope"] == "regional":
        return None, f"a figure for {row['place']}: not compared with the national record"
    if row["scope"] == "unknown":
        return None, "no place given: cannot tell whether it is national"
    if rec is None:
        return None, "no Air Force report for this night in the record"
    what = f" ({row['classes'].replace('|', ', ')})" if isinstance(row["classes"], str) else ""
    checks, reasons = [], []
    if not pd.isna(row["launched"]):
        ok = row["launched_low"] <= rec["launched"] <= row["launched_high"]
        checks.append(ok)
        if not ok:
            reasons.append(f"launched {row['launched']:g}{what}, the record {rec['launched']:g}")
    if not pd.isna(row["intercepted"]) and pd.isna(rec["destroyed"]):
        reasons.append("the record gives no destroyed count for this night")
    elif not pd.isna(row["intercepted"]):
        in_range = lambda v: row["intercepted_low"] <= v <= row["intercepted_high"]
        ok = in_range(rec["destroyed"]) or in_range(rec["destroyed_or_not_reached"])
        checks.append(ok)
        if not ok:
            reasons.append(f"intercepted {row['intercepted']:g}{what}, the record destroyed "
                           f"{rec['destroyed']:g} ({rec['destroyed_or_not_reached']:g} with those "
                           "lost to electronic warfare)")
        elif not in_range(rec["destroyed"]):
            reasons.append("intercepted matches destroyed plus lost to electronic warfare")
    if row["conflict"]:
        reasons.insert(0, "the article gives more intercepted than launched")
    agree = all(checks) if checks else None
    if agree and not reasons:
        reasons.append("within the range the article's figures allow" if row["launched_low"] !=
                       row["launched_high"] else "the same counts")
    return agree, "; ".join(reasons)


def nights_table(facts: pd.DataFrame, articles: pd.DataFrame, attacks: pd.DataFrame,
                 command: str = "national") -> pd.DataFrame:
    """Give `article_nights` beside the Air Force record (columns of COLUMNS): the record's
    counts for the night and classes, whether they agree, and why not."""
    rows = article_nights(facts, articles)
    by_night = _by_night(airforce.nightly(attacks, command))
    out = []
    for row in rows.to_dict("records"):
        rec = _record_for(by_night, row["night"], row["weapon"], row["classes"]) \
            if row["scope"] == "national" else None
        row["record_launched"] = rec["launched"] if rec else math.nan
        row["record_destroyed"] = rec["destroyed"] if rec else math.nan
        row["record_destroyed_or_not_reached"] = rec["destroyed_or_not_reached"] if rec else math.nan
        row["agree"], row["reason"] = _judge(row, rec)
        out.append(row)
    frame = pd.DataFrame(out, columns=COLUMNS)
    frame["agree"] = frame["agree"].astype("boolean")
    return frame.astype({"summed": bool, "conflict": bool}).reset_index(drop=True)


def yearly(nights: pd.DataFrame, attacks: pd.DataFrame, command: str = "national") -> pd.DataFrame:
    """Give per year and weapon: the corpus's national nights and articles, their median
    rate, how many agree with the record, and the record's own nights, launches and rate."""
    national = nights[nights["scope"] == "national"].assign(
        year=lambda f: f["night"].str[:4].astype(int))
    record = airforce.nightly(attacks, command)
    record = record[record["weapon_class"].isin(list(RECORD_GROUP.values()))].assign(
        year=lambda f: f["night"].dt.year,
        weapon=lambda f: f["weapon_class"].map({v: k for k, v in RECORD_GROUP.items()}))
    rec = record.groupby(["year", "weapon"]).agg(
        record_nights=("launched", lambda s: int((s.astype("float64") > 0).sum())),
        record_launched=("launched", lambda s: float(s.astype("float64").sum())),
        record_destroyed=("destroyed", lambda s: float(s.astype("float64").sum())))
    rec["record_rate"] = (rec["record_destroyed"] / rec["record_launched"].where(
        rec["record_launched"] > 0)).astype("float64")
    ours = national.groupby(["year", "weapon"]).agg(
        nights=("night", "nunique"), articles=("article_id", "nunique"),
        median_rate=("rate", "median"),
        agree=("agree", lambda s: int(s.fillna(False).sum())),
        compared=("agree", lambda s: int(s.notna().sum()))).astype(
        {"agree": "float64", "compared": "float64"})
    out = ours.join(rec, how="outer").reset_index()
    for c in ("nights", "articles", "agree", "compared", "record_nights"):
        out[c] = out[c].fillna(0).astype("int64")
    for c in ("median_rate", "record_launched", "record_destroyed", "record_rate"):
        out[c] = out[c].astype("float64")
    return out.sort_values(["year", "weapon"]).reset_index(drop=True)


def marked_nights(nights: pd.DataFrame) -> pd.DataFrame:
    """Give the corpus's national nights as timestamps, one per night and weapon, with the
    number of articles reporting each (for marking on the record's series)."""
    national = nights[nights["scope"] == "national"]
    out = national.groupby(["night", "weapon"]).agg(articles=("article_id", "nunique")).reset_index()
    out["night"] = pd.to_datetime(out["night"])
    return out


def summary_line(nights: pd.DataFrame) -> str | None:
    """Give the corpus's latest national night as a sentence of its rates, or None."""
    national = nights[(nights["scope"] == "national") & nights["rate"].notna()]
    if national.empty:
        return None
    night = national["night"].max()
    parts = [f"{r.rate:.1%} of {r.launched:g} {r.weapon}" for r in
             national[national["night"] == night].drop_duplicates("weapon").itertuples()]
    return f"{night}: " + " and ".join(parts) + " intercepted"


KEY = ["night", "weapon", "article_id", "scope"]


def compare(ours: pd.DataFrame, theirs: pd.DataFrame) -> pd.DataFrame:
    """Give every row (by night, weapon, article and scope) of two nights tables, such as
    those of the extracted and of the gold facts, with both counts and whether they are
    the same (`same`: both tables have the row, with equal launched and intercepted)."""
    merged = ours[KEY + ["launched", "intercepted"]].merge(
        theirs[KEY + ["launched", "intercepted"]], on=KEY, how="outer",
        suffixes=("", "_other"), indicator="present")
    same = merged["present"] == "both"
    for c in ("launched", "intercepted"):
        same &= (merged[c] == merged[f"{c}_other"]) | (merged[c].isna() & merged[f"{c}_other"].isna())
    merged["same"] = same
    merged["present"] = merged["present"].map({"both": "both", "left_only": "first only",
                                               "right_only": "second only"}).astype("string")
    return merged.sort_values(KEY).reset_index(drop=True)
