"""The launch and interception figures of single nights as the per-night table reads them:
each figure's scope, class and place in its article, and how one article's figures for one
night, weapon and scope become one count (a total, else the sum of its parts by class).
"""
from __future__ import annotations

import re

import pandas as pd

from ..extraction import places
from ..records.weapon_models import class_in_text, class_words

_DAY = r"\d{4}-\d{2}-\d{2}"
RECORD_GROUP = {"missiles": "missiles", "drones": "drone"}

# Russia's places and occupied Crimea: other theatres than Ukraine's air defence
RUSSIA_PLACES = set(places.RUSSIA) | {"Crimea"}
_RUSSIAN_SOURCE = re.compile(r"\bRussia|\bRussian\b|\bMoscow\b|\bKremlin\b|\bSobyanin\b|"
                             r"\bGladkov\b|\bAksyonov\b|\bRazvozhayev\b")
_OVER_RUSSIA = re.compile(r"\bover\s+(?:the\s+)?(?:Russia|Russian|occupied\s+Crimea|Crimea|"
                          + "|".join(sorted(RUSSIA_PLACES - {"Russia"})) + r")\b")
_IMPACT = re.compile(r"\s+(?:[\w\-/]+\s+){0,4}?(?:missiles?|drones?|rockets?|Shaheds?|Kalibrs?|"
                     r"Iskanders?)\s+(?:[\w\-]+\s+)?(?:hit|hits|struck|slammed)\b", re.I)


def _impact(text: str, start, end) -> bool:
    """Say whether the launch figure at text[start:end] counts weapons that struck targets
    ("a Kinzhal missile hit an energy facility", "seven missiles and 34 drones struck 14
    sites"): impacts, not the night's launches."""
    if pd.isna(start) or pd.isna(end):
        return False
    return _IMPACT.match(text, int(end)) is not None
# the words that name a class, not a model: a count so named is the class's total
GENERIC_CLASS_WORDS = {"ballistic", "cruise", "aeroballistic", "aero-ballistic", "guided"}
# "17 cruise missiles of the X-101 type": the model named after the noun
_TYPE_AFTER = re.compile(r"\s+of\s+the\s+(\S+)\s+(?:type|variant|class)\b", re.I)
_HEAD = re.compile(r"\b(?:missiles?|drones?|UAVs?|rockets?)\b", re.I)


def _scope(location, source, quote: str) -> str:
    """Give whose air defence and where a figure is about (the rules are in `nights`'s docstring)."""
    if location in RUSSIA_PLACES or _OVER_RUSSIA.search(quote or "") or (
            isinstance(source, str) and _RUSSIAN_SOURCE.search(source)):
        return "russia"
    if location == "Ukraine":
        return "national"
    return "unknown" if not isinstance(location, str) or not location else "regional"


_PART_OF = re.compile(r"\s*(?:of|out of)\s+(?:the\s+)?(?:\d|(?:two|three|four|five|six|seven|"
                      r"eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|"
                      r"seventy|eighty|ninety|a hundred|hundreds)\b)", re.I)


def part_of_next(text: str, end: int) -> bool:
    """Say whether a number is given as part of the count after it (`one of four`, `two of
    the seven`)."""
    return _PART_OF.match(text, end) is not None


def _class_of(text: str, end: int) -> tuple[str | None, str | None]:
    """Give the class the words right after a number name and the class words themselves
    (`18 Russian ballistic missiles`: ballistic missile, "ballistic"; `16 Kalibr cruise
    missiles`: cruise missile, "kalibr cruise"), or (None, None) for a plain count (`71
    missiles`)."""
    after = text[end:end + 60]
    head = _HEAD.search(after)
    words = after[:head.start()] if head else " ".join(after.split()[:2])
    cls = class_in_text(words)
    if not cls:
        return None, None
    label = class_words(words)
    model = _TYPE_AFTER.match(after, head.end()) if head else None
    if model is not None and class_words(model.group(1)):
        label = class_words(model.group(1)) + label
    return cls, " ".join(label) or cls


def figures(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Give the launch and interception figures of single nights, with scope and class."""
    # a part counts as its place's own figure when it names another place than its whole
    # ("47 missiles, 20 of them in the area of the capital"), never inside the whole's row;
    # a vague order of magnitude ("dozens of drones") is no count to rate
    place_of = dict(zip(facts["fact_id"], facts["location"]))
    whole_place = facts["part_of"].map(place_of)
    own_place = facts["part_of"].isna() | (facts["location"].notna() & (
        facts["location"].astype(object) != whole_place.astype(object)))
    texts = dict(zip(articles["article_id"], articles["text"]))
    # "a Kinzhal missile hit an energy facility" reports an impact, not a night's launches
    impact = pd.Series([m == "launched" and _impact(texts.get(a, ""), st, e)
                        for a, m, st, e in zip(facts["article_id"], facts["metric"],
                                               facts["start"], facts["end"])],
                       index=facts.index, dtype=bool)
    keep = facts[facts["metric"].isin(["launched", "intercepted"]) & own_place & ~impact
                 & (facts["qualifier"] != "order_of_magnitude")
                 & facts["unit"].isin(list(RECORD_GROUP))
                 & facts["period"].str.fullmatch(_DAY).fillna(False).astype(bool)]
    keep = keep.sort_values(["article_id", "start"], kind="stable")
    out = pd.DataFrame({
        "night": keep["period"].astype(str), "weapon": keep["unit"].astype(str),
        "article_id": keep["article_id"].astype(str), "metric": keep["metric"].astype(str),
        "value": keep["value"].astype(float), "qualifier": keep["qualifier"].astype(str),
        "low": keep["low"].astype(float), "high": keep["high"].astype(float),
        "place": keep["location"].astype(object).where(keep["location"].notna(), None),
        "source": keep["source"].astype(object).where(keep["source"].notna(), None),
        "quote": keep["quote"].astype(str),
    })
    out["scope"] = [_scope(p, s, q) for p, s, q in zip(out["place"], out["source"], out["quote"])]
    named = [_class_of(texts.get(a, ""), e) for a, e in zip(keep["article_id"], keep["end"])]
    out["cls"] = [n[0] for n in named]
    out["label"] = [n[1] for n in named]
    # "39 out of 40 drones" shot down is the night's interception count, not a part of it
    heads = {a: (t.find("\n") % (len(t) + 1) if isinstance(t, str) else 0)
             for a, t in texts.items()}
    out["headline"] = [st < heads.get(a, 0) for a, st in zip(keep["article_id"], keep["start"])]
    out["part"] = [m == "launched" and part_of_next(texts.get(a, ""), e)
                   for a, e, m in zip(keep["article_id"], keep["end"], keep["metric"])]
    return out.reset_index(drop=True)


def combined(figures: list[dict]) -> dict:
    """Give one metric's count for one article, night, weapon and scope from its figures (in
    text order): its total, else the sum of its parts by class; the headline's only when the
    body gives none. A figure given as part of
    the next (`one of four`) counts only when it is the metric's only figure (`28 out of
    31 drones` were shot down: 28 is the interception count)."""
    # the body's figures over the headline's, which repeats them in fewer words ("Russia
    # fires 650 drones" over "more than 650 drones" and the air force's 635)
    figures = [f for f in figures if not f["headline"]] or figures
    figures = [f for f in figures if not f["part"]] or figures
    totals = [f for f in figures if f["cls"] is None]
    classed = [f["value"] for f in figures if f["cls"] is not None]
    if totals and classed and max(f["value"] for f in totals) < max(classed):
        # smaller than a class's own count: a part, not the total
        totals, figures = [], [f for f in figures if f["cls"] is not None]
    if totals:
        exact = [f for f in totals if f["qualifier"] == "exact"] or totals
        # the largest: a smaller count beside a total is part of it ("one of the missiles")
        one = max(exact, key=lambda f: f["value"])      # the first of equals
        return {"value": one["value"], "low": one["low"], "high": one["high"], "classes": None,
                "summed": False, "quotes": [one["quote"]]}
    # the same words given twice (headline and body): one figure, the largest
    by_label: dict[str, dict] = {}
    for f in figures:
        if f["label"] not in by_label or f["value"] > by_label[f["label"]]["value"]:
            by_label[f["label"]] = f
    parts = _class_totals(sorted(by_label.values(), key=figures.index))
    return {"value": sum(f["value"] for f in parts), "low": sum(f["low"] for f in parts),
            "high": sum(f["high"] for f in parts),
            "classes": "|".join(sorted({f["cls"] for f in parts})), "summed": len(parts) > 1,
            "quotes": [f["quote"] for f in parts]}


def _class_totals(parts: list[dict]) -> list[dict]:
    """Give the figures to sum, one label each: within a class, a count named by the class
    alone ("18 cruise missiles") is the class's total over the models it is made of ("13 of
    the X-101 missiles and five of the Kalibr missiles") when it is not smaller than their
    sum; the models are summed otherwise."""
    out: list[dict] = []
    for cls in dict.fromkeys(f["cls"] for f in parts):
        group = [f for f in parts if f["cls"] == cls]
        generic = [f for f in group if set(f["label"].split()) <= GENERIC_CLASS_WORDS]
        models = [f for f in group if f not in generic]
        if generic and models:
            whole = max(generic, key=lambda f: f["value"])
            group = [whole] if whole["value"] >= sum(f["value"] for f in models) else models
        out += group
    return sorted(out, key=parts.index)
