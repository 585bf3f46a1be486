"""Who said each figure, read across sentences: the attribution a paragraph gives its
unattributed figures, a sentence that attributes the report around it ("This was announced
by ..."), the body's source for a headline figure, a breakdown's whole, and the analyst
whose data a territory figure rests on. Each takes the rows `extractor` made."""
from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

from ..reading.fact_table import FactColumns, FactRow
from . import language, places
from .memory import ArticleMemory
from .readings import Reading
from .sources import source_for

# what an analyst is called when the text names it beside: "a Ukrainian group of military
# analysts", "the US-based think tank"
_ANALYSTS_DESCRIBED = re.compile(r"\banalysts?\b|\bthink[- ]tank\b|\bmonitor\b|\bwar experts?\b",
                                 re.I)
_NIGHTLY = ("launched", "intercepted")        # the Air Force's counts of the night
_NATIONAL = (places.COUNTRY, "Russia")        # the wholes a breakdown by place divides
_RUSSIAN = frozenset({"Russia", *places.RUSSIA})


def whole_source(made: list[Reading], last_rows: list[FactRow], own_reading: bool,
                 listed: bool = False, named: frozenset[str] = frozenset()) -> str:
    """Give the source of the whole that the figures `made` break down, else "": the last
    sentence's figure of the same metric and unit when they are a breakdown (`own_reading`
    False); for the night's weapons, also a larger national count that a list of counts
    (`listed`), or a count shot down, divides by places on its side (`named`: Russia's
    regions for a count Russia's or a Russian body's): "149 drones, according to the
    ministry. Fifty-seven were shot down over Bryansk, 28 over the Black Sea ..."."""
    first = made[0]
    russian = not named.isdisjoint(_RUSSIAN)
    return next((r.source for r in last_rows if r.source and (r.metric, r.unit) == (first.metric, first.unit)
                 and (not own_reading or (listed or first.metric == "intercepted") and
                      first.value < r.value and r.location in _NATIONAL
                      and r.metric in _NIGHTLY and russian == (r.location == "Russia" or
                                                               "Russia" in r.source))), "")


def paragraph_sourced(paragraph: list[tuple[int, list[FactRow]]],
                       memory: ArticleMemory) -> list[FactRow]:
    """Give the rows of one paragraph's sentences with numbers, those whose sentence names
    no source taking the attribution of the nearest of those sentences before them that has
    one, else the nearest after them (a quote's speaker named at its end: `"... 20 dead and
    59 wounded," he said.`). A sentence without numbers attributes nothing: read so, the
    labelled corpora lose more sources than they gain."""
    rows = [row for _, found in paragraph for row in found]
    if not any(row.source is None for row in rows):
        return rows
    spans, text = memory.spans, memory.article.text
    known: dict[int, str | None] = {i: found[0].source for i, found in paragraph if found}

    def attribution(i: int) -> str | None:
        if i not in known:
            _, start, end = spans[i]
            known[i] = source_for(text[start:end], lambda: memory.last_person(i), None)
        return known[i]

    order = [i for i, _ in paragraph]
    out: list[FactRow] = []
    for pos, (i, found) in enumerate(paragraph):
        if found and found[0].source is None:
            src = next((attribution(j) for j in reversed(order[:pos]) if attribution(j)), None) \
                or next((attribution(j) for j in order[pos + 1:] if attribution(j)), None)
            if src:
                found = [row._replace(source=src) if row.source is None else row for row in found]
        out += found
    return out


def headline_from_body(facts: FactColumns, first: int, headline_end: int) -> None:
    """Give each headline figure, in place, the source of the body's first attributed figure
    of the same metric, unit and value, and the place and period of the first one worded
    alike (the same qualifier too): a headline repeats its story in fewer words
    ("Ukraine says it shot down 39 drones" over the story of 39 drones shot down over Kyiv)."""
    if headline_end <= first:
        return
    metric, unit, value = facts.column("metric"), facts.column("unit"), facts.column("value")
    source, location = facts.column("source"), facts.column("location")
    qualifier, period = facts.column("qualifier"), facts.column("period")
    same_figure: dict[tuple, int] = {}
    same_words: dict[tuple, int] = {}
    for i in range(headline_end, len(metric)):
        if source[i]:
            same_figure.setdefault((metric[i], unit[i], value[i]), i)
        same_words.setdefault((metric[i], unit[i], value[i], qualifier[i]), i)
    for i in range(first, headline_end):
        j = same_words.get((metric[i], unit[i], value[i], qualifier[i]))
        if j is not None:
            location[i], period[i] = location[j], period[j]
        j = same_figure.get((metric[i], unit[i], value[i]))
        if j is not None:        # the body's attribution over the headline's "Ukraine says"
            source[i] = source[j]


class Cover(NamedTuple):
    """A sentence that attributes the report it stands in ("This was announced by ...")."""

    start: int                  # where it starts
    previous: int               # where the latest sentence with facts before it starts
    source: str | None          # None: a sentence that ends the cover (another attribution)


def covered(facts: FactColumns, first: int, covers: list[Cover]) -> None:
    """Give, in place, the source of each sentence that attributes the report around it to
    the unattributed figures of the sentence with facts just before it, and to those after
    it up to the next figure with a source of its own, the next attribution or the next
    reminder of earlier events."""
    if not covers:
        return
    source, start = facts.column("source"), facts.column("start")
    for k, cover in enumerate(covers):
        if cover.source is None:
            continue
        end = next((c.start for c in covers[k + 1:]), math.inf)
        for i in range(first, len(source)):
            if start[i] >= end:
                break
            if start[i] >= cover.start:
                if source[i]:
                    break
                source[i] = cover.source
            elif start[i] >= cover.previous and not source[i]:
                source[i] = cover.source


def territory_analysts(facts: FactColumns, first: int, text: str) -> None:
    """Give each territory figure of the article (rows from `first`) the analyst whose data
    it rests on, in place: the one named latest before it, else the first after it (`an AFP
    analysis ... based on data from the Institute for the Study of War`), unless its own
    source is someone other than an outlet reporting it or a description of the analyst (a
    general's claim stays his)."""
    metric = facts.column("metric")
    if "territory_seized" not in metric[first:]:
        return
    named = language.analysts_named(text)
    if not named:
        return
    at = [a for a, _ in named]
    source, start = facts.column("source"), facts.column("start")
    for i in range(first, len(metric)):
        if metric[i] != "territory_seized" or (
                source[i] and not language.REPORTING_OUTLETS.search(source[i]) and
                not _ANALYSTS_DESCRIBED.search(source[i])):
            continue
        k = bisect.bisect_left(at, start[i])
        source[i] = named[k - 1][1] if k else named[0][1]
