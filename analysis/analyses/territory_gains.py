"""Territorial gains as the articles report them, each by what its figure covers, and beside
the series of its own analysis.

A territory figure covers a `span` read from its sentence: a `month` (`481 km2 in January`),
a `week`, a `day` or a `daily average` (`14.5 km2 per day`), a `months` span or `year`
(`over the past year`, `from October 2024 to September 2025`), a `total` held or taken since
a start (`since February 2022`, `occupies 107,956 km2`), or a gain of `Ukraine`'s forces or a
net `loss` (`reclaimed`, `lost 37 km2 on balance`). Only nationwide `month` figures enter the
monthly series: a span is never filed under one of its months and a total never becomes a
gain. Each figure is checked against the series of the analysis it cites (AFP-ISW,
DeepState, ...), named in its sentence, its source, or its article when that cites one
analysis only.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

COLUMNS = ["month", "km2", "analysis", "article_id", "span", "qualifier", "location", "source",
           "quote"]
ANALYSES = {"DeepState": re.compile(r"\bDeep ?State\b", re.I),
            "AFP-ISW": re.compile(r"\bISW\b|Institute for the Study of War|\bAFP(?:['’]s)? analy[sz]|"
                                  r"\banaly[sz]\w* (?:by|from|of) AFP\b"),
            "BlackBirdGroup (net)": re.compile(r"\bBlack ?Bird\b", re.I)}
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# (span, where it is read: the clause before the number, the words after it, or both, pattern);
# the first that matches wins
_SPANS = (
    ("ukraine", "before", re.compile(
        r"\bUkrain\w*\s+(?:forces|troops|army|defen[cs]e forces)?[^.;]{0,40}\b(?:reclaimed|regained|"
        r"retook|returned|liberated|gained|gains|achieved|push\w*)\b|\b(?:Defen[cs]e Forces|Ukrainians)\b"
        r"[^.;]{0,30}\b(?:reclaimed|regained|returned|liberated)\b", re.I)),
    ("loss", "before", re.compile(r"\b(?:lost|losing)\b[^.;]{0,30}$|\bon balance\b|\bnet loss\b", re.I)),
    ("daily average", "after", re.compile(r"^[^.;,]{0,30}\b(?:per|a) day\b", re.I)),
    ("average", "before", re.compile(r"\baverage of\b[^.;]{0,20}$", re.I)),
    ("average", "after", re.compile(r"^[^.;,]{0,30}\b(?:per|a) month\b", re.I)),
    ("year", "before", re.compile(r"\b(?:past|last) (?:year|12 months|twelve months)\b|\bwhole of \d{4}\b|"
                                  r"\bsince the (?:beginning|start) of \d{4}\b|\bsince January 1\b|"
                                  r"\b(?:this|last) year\b|\bin \d{4}\b(?! *\()", re.I)),
    ("year", "after", re.compile(r"^[^.;,]{0,40}\b(?:over|in) the whole of \d{4}\b|"
                                 r"^[^.;,]{0,20}\b(?:this|last|over the past) year\b", re.I)),
    ("total", "before", re.compile(
        r"\bin total\b|\btotal (?:of|area|Russian gains)\b|\boccup(?:y|ies)\b|"
        r"(?<!taking )(?<!took )(?<!take )\bcontrol(?:s|led)?\b(?![^.;]{0,40}\bby\b)|"
        r"\bunder (?:Russian )?control\b|\bheld\b|\bholds\b|\bsince (?:the (?:Russian |full-scale )?"
        r"invasion|hostilities|the start of the (?:full-scale )?(?:war|invasion)|Feb(?:ruary|\.)? 24|"
        r"2014|2022)\b", re.I)),
    ("total", "after", re.compile(
        r"^[^.;]{0,60}\bsince (?:the (?:Russian |full-scale )?invasion|hostilities|the start of the "
        r"(?:full-scale )?(?:war|invasion)|Feb(?:ruary|\.)? 24|February 2022|2014|2022)\b", re.I)),
    ("months", "both", re.compile(
        r"\bfrom (?P<a>" + _MONTHS + r")(?: \d{1,2})?,? (?:\d{4} )?to (?P<b>" + _MONTHS + r")|"
        r"\bbetween (?P<c>" + _MONTHS + r") \d{4} and (?P<d>" + _MONTHS + r")", re.I)),
    ("months", "before", re.compile(r"\bsince " + _MONTHS + r" \d{4}\b[^.;()]{0,40}$|"
                                    r"\bover the (?:past|last) \w+ months\b", re.I)),
    ("week", "both", re.compile(r"\b(?:week|seven days)\b", re.I)),
    ("days", "both", re.compile(r"\bbetween " + _MONTHS + r" \d{1,2} and \d{1,2}\b|"
                                r"\btowards the end of\b", re.I)),
    ("day", "before", re.compile(r"\b(?:yesterday|past 24 hours|overnight|on (?:Monday|Tuesday|"
                                 r"Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I)),
)
# a clause ends at these; a full stop only before a capital (not "Feb. 24")
_CLAUSE = re.compile(r"[;:(—–]|\.\s+(?=[A-Z])|,\s(?=(?:and|but|while|whereas)\b)")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])|\n")


def _same_month(match: re.Match) -> bool:
    """Say whether a `from X to Y` span names one month twice ("from July 1 to July 30"),
    which FACTS.md files under that month."""
    pairs = [(match.groupdict().get(x), match.groupdict().get(y)) for x, y in (("a", "b"), ("c", "d"))]
    return any(a and b and a[:3].lower() == b[:3].lower() for a, b in pairs)


def span_of(text: str, start: int, end: int, period) -> str:
    """Give what a territory figure at `text[start:end]` covers (see the module's docstring),
    from the words of its clause before it and the words after it in its sentence."""
    window = max(0, start - 400)             # a sentence's words before the number, no more
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, start)]
    before = text[ends[-1] if ends else window:start]
    cuts = [m.end() for m in _CLAUSE.finditer(before)]
    clause = before[cuts[-1]:] if cuts else before
    stop = _SENTENCE_END.search(text, end)
    after = text[end:min(stop.start() if stop else len(text), end + 80)]
    for span, where, pattern in _SPANS:
        for part in ((clause,) if where == "before" else (after,) if where == "after"
                     else (clause, after)):
            match = pattern.search(part)
            if match and not (span == "months" and _same_month(match)):
                return span
    if isinstance(period, str) and re.fullmatch(r"\d{4}-\d{2}", period):
        return "month"
    return "day" if isinstance(period, str) else "months"


def analysis_of(quote: str, source, article_text: str) -> str | None:
    """Give the analysis a figure cites: named in its sentence or source, else the only one
    its article names."""
    for text in (quote, source if isinstance(source, str) else ""):
        for name, pattern in ANALYSES.items():
            if pattern.search(text):
                return name
    named = [name for name, pattern in ANALYSES.items() if pattern.search(article_text)]
    return named[0] if len(named) == 1 else None


def spans(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Give the span of each territory figure of `facts` (indexed as they are)."""
    keep = facts[facts["metric"] == "territory_seized"]
    texts = dict(zip(articles["article_id"], articles["text"]))
    return pd.Series([span_of(texts[a], s, e, p) if a in texts else "unknown"
                      for a, s, e, p in zip(keep["article_id"], keep["start"], keep["end"],
                                            keep["period"].astype(object))],
                     index=keep.index, dtype="string")


def figures(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give every territory figure with its span and analysis (columns of COLUMNS; `month`
    is the period, empty unless it is a month)."""
    keep = facts[facts["metric"] == "territory_seized"].sort_values(["article_id", "start"])
    texts = dict(zip(articles["article_id"], articles["text"]))
    names = [analysis_of(q, s, texts.get(a, "")) for q, s, a in
             zip(keep["quote"], keep["source"], keep["article_id"])]
    period = keep["period"].astype(object)
    month = period.where(period.str.fullmatch(r"\d{4}-\d{2}").fillna(False).astype(bool), None)
    out = pd.DataFrame({
        "month": month.astype("string"), "km2": keep["value"].astype("float64"),
        "analysis": pd.array(names, dtype="string"), "article_id": keep["article_id"],
        "span": spans(keep, articles), "qualifier": keep["qualifier"],
        "location": keep["location"], "source": keep["source"], "quote": keep["quote"]})
    return out.reset_index(drop=True)


def article_series(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give the articles' monthly nationwide gains: one row per month and article (its first
    figure for the month), with the change on the previous calendar month given by an
    article citing the same analysis, and its ratio."""
    every = figures(facts, articles)
    out = every[(every["span"] == "month") & (every["location"] == "Ukraine")
                & every["month"].notna()]
    out = out.drop_duplicates(["month", "article_id"]).sort_values(["month", "article_id"])
    out = out.reset_index(drop=True)
    key = out["analysis"].fillna("")
    first = {(a, m): v for a, m, v in zip(key, out["month"], out["km2"])}
    previous = [first.get((a, (pd.Period(m, "M") - 1).strftime("%Y-%m")), np.nan)
                for a, m in zip(key, out["month"])]
    before = pd.Series(previous, index=out.index, dtype="float64")
    out["change"] = out["km2"] - before
    out["change_ratio"] = out["km2"] / before
    return out


def compare(gains: pd.DataFrame, monthly: pd.DataFrame) -> pd.DataFrame:
    """Give each article figure beside the figure for its month in the series of the analysis
    it cites; they agree when equal (within 10% for an approximate figure). A figure citing
    no analysis, or one with no series, is listed with the series figure empty."""
    merged = gains.merge(monthly[["month", "km2", "analysis", "source_title"]],
                         on=["month", "analysis"], how="left", suffixes=("_article", "_series"))
    tolerance = np.where(merged["qualifier"] == "approx", 0.1 * merged["km2_series"].abs(), 0.5)
    merged["difference"] = merged["km2_article"] - merged["km2_series"]
    merged["agree"] = (merged["difference"].abs() <= tolerance).astype("boolean").mask(
        merged["km2_series"].isna())
    return merged[["month", "analysis", "article_id", "km2_article", "km2_series", "difference",
                   "agree", "source_title"]]


def territory_table(facts: pd.DataFrame, articles: pd.DataFrame, monthly: pd.DataFrame) -> pd.DataFrame:
    """Give every territory figure (columns of COLUMNS) with the series figure of its
    analysis for its month where it is a month's gain, and whether they agree."""
    every = figures(facts, articles)
    series = monthly[["month", "analysis", "km2"]].rename(columns={"km2": "series_km2"})
    out = every.merge(series.astype({"month": "string", "analysis": "string"}),
                      on=["month", "analysis"], how="left")
    # a nationwide month's gain only: a region's figure is no match for the country's series
    out["series_km2"] = out["series_km2"].where((out["span"] == "month")
                                                & (out["location"] == "Ukraine")).astype("float64")
    tolerance = np.where(out["qualifier"] == "approx", 0.1 * out["series_km2"].abs(), 0.5)
    out["agree"] = ((out["km2"] - out["series_km2"]).abs() <= tolerance).astype("boolean").mask(
        out["series_km2"].isna())
    return out
