"""Checks of the claims an article makes about its own numbers.

- conversions: a figure restated in another unit (`-17 degrees Celsius (1.4 degrees
  Fahrenheit)`, `481 square kilometres (186 square miles)`) must convert within rounding;
- ratio words (`almost twice as much`, `nearly half`) must fit the two figures they compare:
  the figure of the sentence's period (or the latest) against the one before it, same
  article, metric, unit and place;
- parts cannot exceed their whole: intercepted at most launched, for the same weapon,
  place and night, within an article and across articles (using the qualifier bounds).
Each check gives `pass` or `fail` with the quote it rests on.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..extraction import periods

KM2_PER_MI2 = 2.589988110336
COLUMNS = ["check", "article_id", "claim", "expected", "result", "quote"]

_RATIO = re.compile(
    r"\b(?P<hedge>almost|nearly|about|roughly|around|more than|over|just over|well over|"
    r"less than|under|some)?\s*(?P<word>twice|double|three times|four times|five times|half|"
    r"a third|a quarter|(?P<n>\d+(?:\.\d+)?) times)\s+(?:as (?:much|many|large|big)|more|the|"
    r"that of|what)", re.I)
_FACTORS = {"twice": 2.0, "double": 2.0, "three times": 3.0, "four times": 4.0,
            "five times": 5.0, "half": 0.5, "a third": 1 / 3, "a quarter": 0.25}


def _ratio_range(hedge: str | None, factor: float) -> tuple[float, float]:
    hedge = (hedge or "").lower()
    if hedge in ("almost", "nearly"):
        return 0.9 * factor, factor
    if hedge in ("more than", "over", "just over", "well over"):
        return factor, math.inf
    if hedge in ("less than", "under"):
        return 0.0, factor
    return 0.9 * factor, 1.1 * factor


def conversions(facts: pd.DataFrame) -> pd.DataFrame:
    """Give a check per figure restated in another unit."""
    rows = []
    for f in facts.dropna(subset=["stated_value"]).itertuples():
        if f.stated_unit == "degF":
            expected = f.value * 9 / 5 + 32
            ok = abs(expected - f.stated_value) <= 0.15
            text = f"{f.value:g} °C is {expected:.1f} °F"
        elif f.stated_unit == "mi2":
            expected = f.value / KM2_PER_MI2
            ok = abs(expected - f.stated_value) <= max(1.0, 0.01 * expected)
            text = f"{f.value:g} km² is {expected:.1f} sq mi"
        else:
            continue
        rows.append({"check": "conversion", "article_id": f.article_id,
                     "claim": f"{f.value:g} {f.unit} = {f.stated_value:g} {f.stated_unit}",
                     "expected": text, "result": "pass" if ok else "fail", "quote": f.quote})
    return pd.DataFrame(rows, columns=COLUMNS)


def ratio_words(sentences: pd.DataFrame, facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give a check per ratio phrase (`almost twice as much`) that two figures can test."""
    rows = []
    published = dict(zip(articles["article_id"], articles["published"].dt.date))
    exact = facts[facts["qualifier"].isin(["exact", "approx"]) & facts["period"].notna()]
    by_article = dict(tuple(exact.groupby("article_id", observed=True, sort=False)))
    phrased = sentences[[_RATIO.search(text) is not None for text in sentences["text"]]]
    for s in phrased.itertuples():
        for match in _RATIO.finditer(s.text):
            word = match.group("word").lower()
            factor = float(match.group("n")) if match.group("n") else _FACTORS[word]
            low, high = _ratio_range(match.group("hedge"), factor)
            own = by_article.get(s.article_id, exact.iloc[:0])
            # the metric the article gives for at least two periods
            series = (own.groupby(["metric", "unit", "location"])["period"].nunique()
                      .loc[lambda n: n >= 2])
            if series.empty:
                continue
            metric, unit, location = series.index[0]
            figures = (own[(own["metric"] == metric) & (own["unit"] == unit)
                           & (own["location"] == location)]
                       .sort_values("start").drop_duplicates("period").set_index("period")["value"]
                       .sort_index())
            named = [p.value for p in periods.find_periods(s.text, published[s.article_id])
                     if p.kind == "month" and p.value in figures.index]
            current = named[0] if named else figures.index[-1]
            before = [p for p in figures.index if p < current]
            if not before:
                continue
            previous = before[-1]
            ratio = figures[current] / figures[previous]
            ok = low <= ratio <= high
            rows.append({"check": "ratio words", "article_id": s.article_id,
                         "claim": match.group(0).strip(),
                         "expected": (f"{metric} {current}: {figures[current]:g} {unit} / "
                                      f"{previous}: {figures[previous]:g} = {ratio:.2f}, "
                                      f"words allow {low:.2f} to {high:.2f}"),
                         "result": "pass" if ok else "fail", "quote": s.text})
    return pd.DataFrame(rows, columns=COLUMNS)


def parts_within_whole(facts: pd.DataFrame) -> pd.DataFrame:
    """Give a check per intercepted figure against each launched figure of the same night;
    orders of magnitude ("hundreds of drones and missiles") are no whole to check against."""
    key = ["unit", "location", "period"]
    inter = facts[facts["metric"] == "intercepted"].dropna(subset=["period"])
    launch = facts[(facts["metric"] == "launched")
                   & (facts["qualifier"] != "order_of_magnitude")].dropna(subset=["period"])
    rows = []
    pairs = inter.merge(launch, on=key, suffixes=("_part", "_whole"))
    pairs = pairs.sort_values(["period", "unit", "article_id_part", "start_part",
                               "article_id_whole", "start_whole"])
    for p in pairs.drop_duplicates(["fact_id_part", "article_id_whole", "value_whole"]).itertuples():
        ok = p.low_part <= p.high_whole
        scope = "same article" if p.article_id_part == p.article_id_whole else \
            f"against {p.article_id_whole}"
        rows.append({"check": "part within whole", "article_id": p.article_id_part,
                     "claim": (f"intercepted {p.number_text_part} {p.unit} ≤ launched "
                               f"{(p.qualifier_text_whole + ' ') if isinstance(p.qualifier_text_whole, str) else ''}"
                               f"{p.number_text_whole} ({p.location}, {p.period})"),
                     "expected": scope, "result": "pass" if ok else "fail",
                     "quote": p.quote_part})
    return pd.DataFrame(rows, columns=COLUMNS)


def all_checks(articles: pd.DataFrame, sentences: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Give every claim check of a corpus."""
    return pd.concat([conversions(facts), ratio_words(sentences, facts, articles),
                      parts_within_whole(facts)], ignore_index=True)
