"""Checks of the claims an article makes about its own numbers.

- conversions: a figure restated in another unit (`-17 degrees Celsius (1.4 degrees
  Fahrenheit)`, `481 square kilometres (186 square miles)`) must convert within the
  rounding the text uses (`-13C (9F)` passes: -13 ± 0.5 °C is 8.1 to 9.9 °F, and 9 stands for
  8.5 to 9.5);
- ratio words (`almost twice as much`, `three times more than`) must fit the two figures
  they compare: the figures before and after the words in their sentence when it holds
  both, else the figure of the sentence's period (or the latest) against the one before it,
  of the series given nearest to the sentence; a fraction of a stock (`half the city's
  buildings`) compares nothing and is not checked;
- parts cannot exceed their whole: intercepted at most launched for the same night,
  weapon and scope, each side an article's own count (its total, else its parts summed,
  as `nights` combines them), within an article and across articles, by the ranges their
  qualifiers allow; orders of magnitude are no whole to check against.
Each check gives `pass` or `fail` with the quote it rests on, and a `note` on a failure
saying whether an extraction error may explain it.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..extraction import periods
from .nights import article_nights

KM2_PER_MI2 = 2.589988110336
COLUMNS = ["check", "article_id", "claim", "expected", "result", "quote", "note"]

_RATIO = re.compile(
    r"\b(?P<hedge>almost|nearly|about|roughly|around|more than|over|just over|well over|"
    r"less than|under|some)?\s*(?P<word>twice|double|three times|four times|five times|half|"
    r"a third|a quarter|(?P<n>\d+(?:\.\d+)?) times)\s+(?:as (?:much|many|large|big)|more|"
    r"(?<!half )(?<!third )(?<!quarter )the|that of|what)", re.I)
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


def _half_step(value: float) -> float:
    """Give half the last digit's step of a figure as written (`9` 0.5, `8.6` 0.05)."""
    text = f"{abs(value):.6g}"
    return 0.5 * 10 ** -(len(text.split(".")[1]) if "." in text else 0)


def conversions(facts: pd.DataFrame) -> pd.DataFrame:
    """Give a check per figure restated in another unit: it passes when some value the
    figure's own rounding allows converts into the range the restated figure's allows."""
    rows = []
    for f in facts.dropna(subset=["stated_value"]).itertuples():
        if f.stated_unit == "degF":
            convert, text = (lambda v: v * 9 / 5 + 32), "°F"
        elif f.stated_unit == "mi2":
            convert, text = (lambda v: v / KM2_PER_MI2), "sq mi"
        else:
            continue
        step, stated_step = _half_step(f.value), _half_step(f.stated_value)
        low, high = sorted((convert(f.value - step), convert(f.value + step)))
        ok = low <= f.stated_value + stated_step and f.stated_value - stated_step <= high
        rows.append({"check": "conversion", "article_id": f.article_id,
                     "claim": f"{f.value:g} {f.unit} = {f.stated_value:g} {f.stated_unit}",
                     "expected": (f"{f.value:g} {f.unit} is {convert(f.value):.1f} {text} "
                                  f"({low:.1f} to {high:.1f} as rounded)"),
                     "result": "pass" if ok else "fail", "quote": f.quote,
                     "note": "" if ok else "both figures are read from one bracket: a "
                     "misread number would show in the quote"})
    return pd.DataFrame(rows, columns=COLUMNS)


def _in_sentence_pair(own: pd.DataFrame, sentence_id: str, start: int, end: int):
    """Give the figures the words compare in their own sentence: the last figure before
    them and the first after them in its unit (`over 6,000 sq km - almost three times more
    than ... about 2,300 sq km`), or None when the sentence holds no such pair."""
    here = own[own["sentence_id"] == sentence_id].sort_values("start")
    before = here[here["end"] <= start]
    if before.empty:
        return None
    first = before.iloc[-1]
    after = here[(here["start"] >= end) & (here["unit"] == first["unit"])]
    return (first, after.iloc[0]) if len(after) else None


def _series_pair(own: pd.DataFrame, text: str, sentence_start: int, published):
    """Give the figures of the series the words speak of when their sentence holds no pair:
    of the series given for two periods or more, the one stated nearest to the sentence; its
    figure for the period the sentence names (else its latest) against the one before."""
    dated = own[own["period"].notna()]
    counts = dated.groupby(["metric", "unit", "location"])["period"].nunique()
    best = None
    for key in counts[counts >= 2].index:
        figures = dated[(dated["metric"] == key[0]) & (dated["unit"] == key[1])
                        & (dated["location"] == key[2])]
        distance = (figures["start"] - sentence_start).abs().min()
        if best is None or distance < best[0]:
            best = (distance, figures)
    if best is None:
        return None
    figures = best[1].sort_values("start").drop_duplicates("period").set_index("period").sort_index()
    named = [p.value for p in periods.find_periods(text, published)
             if p.kind == "month" and p.value in figures.index]
    current = named[0] if named else figures.index[-1]
    before = [p for p in figures.index if p < current]
    if not before:
        return None
    return figures.loc[current].rename(current), figures.loc[before[-1]].rename(before[-1])


def ratio_words(sentences: pd.DataFrame, facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give a check per ratio phrase (`almost twice as much`) that two figures can test: the
    ratio the two figures' ranges allow must meet the range the words allow."""
    rows = []
    published = dict(zip(articles["article_id"], articles["published"].dt.date))
    usable = facts[facts["qualifier"] != "order_of_magnitude"]
    by_article = dict(tuple(usable.groupby("article_id", observed=True, sort=False)))
    phrased = sentences[[_RATIO.search(text) is not None for text in sentences["text"]]]
    for s in phrased.itertuples():
        own = by_article.get(s.article_id, usable.iloc[:0])
        for match in _RATIO.finditer(s.text):
            word = match.group("word").lower()
            factor = float(match.group("n")) if match.group("n") else _FACTORS[word]
            low, high = _ratio_range(match.group("hedge"), factor)
            pair = _in_sentence_pair(own, s.sentence_id, s.start + match.start(), s.start + match.end()) \
                or _series_pair(own, s.text, s.start, published[s.article_id])
            if pair is None:
                continue
            this, other = pair
            ratio = this["value"] / other["value"]
            r_low = this["low"] / other["high"] if other["high"] > 0 else math.inf
            r_high = this["high"] / other["low"] if other["low"] > 0 else math.inf
            ok = r_low <= high and low <= r_high
            label = lambda f: f" {f.name}" if isinstance(f.name, str) and f.name[:1].isdigit() else ""
            rows.append({"check": "ratio words", "article_id": s.article_id,
                         "claim": match.group(0).strip(),
                         "expected": (f"{this['metric']}{label(this)}: {this['value']:g} {this['unit']} / "
                                      f"{label(other).strip() or 'the other'}: {other['value']:g} = "
                                      f"{ratio:.2f}"
                                      + (f" ({r_low:.2f} to {r_high:.2f} as qualified)"
                                         if r_low != r_high else "")
                                      + f", words allow {low:.2f} to {high:.2f}"),
                         "result": "pass" if ok else "fail", "quote": s.text,
                         "note": "" if ok else "the figures compared are the nearest the "
                         "extractor found: a misread figure or period may explain it"})
    return pd.DataFrame(rows, columns=COLUMNS)


def _count_text(value: float, low: float, high: float) -> str:
    return f"{value:g}" if low == high else f"{value:g} ({low:g} to {high:g})"


def parts_within_whole(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give a check per article's intercepted count against each launch count for the same
    night, weapon and scope: its own article's first, then every other article's."""
    counts = article_nights(facts[facts["qualifier"] != "order_of_magnitude"], articles)
    inter = counts[counts["intercepted"].notna()]
    launch = counts[counts["launched"].notna()]
    # the same place too: a city's interceptions are no part of another city's launches
    pairs = inter.merge(launch, on=["night", "weapon", "scope", "place"], suffixes=("", "_whole"))
    pairs = pairs.assign(own=pairs["article_id"] == pairs["article_id_whole"]).sort_values(
        ["night", "weapon", "article_id", "own", "article_id_whole"], ascending=[True, True, True, False, True])
    rows = []
    for p in pairs.itertuples():
        ok = p.intercepted_low <= p.launched_high_whole
        where = p.place or p.scope
        summed = " (classes summed)" if p.summed_whole else ""
        note = ""
        if not ok:
            note = ("one article's figures: the text's own, unless a figure's weapon, class or "
                    "night was misread (see the quotes)" if p.own else
                    "two articles' figures: they may count different windows of the night, or "
                    "one was misread")
        rows.append({"check": "part within whole", "article_id": p.article_id,
                     "claim": (f"intercepted {_count_text(p.intercepted, p.intercepted_low, p.intercepted_high)} "
                               f"{p.weapon} ≤ launched "
                               f"{_count_text(p.launched_whole, p.launched_low_whole, p.launched_high_whole)}"
                               f"{summed} ({where}, {p.night})"),
                     "expected": "same article" if p.own else f"against {p.article_id_whole}",
                     "result": "pass" if ok else "fail", "quote": p.quotes, "note": note})
    return pd.DataFrame(rows, columns=COLUMNS)


def all_checks(articles: pd.DataFrame, sentences: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Give every claim check of a corpus."""
    return pd.concat([conversions(facts), ratio_words(sentences, facts, articles),
                      parts_within_whole(facts, articles)], ignore_index=True)
