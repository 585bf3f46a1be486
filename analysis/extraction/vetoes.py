"""The checks that drop a number once its metric is chosen: each rules one thing out.

A number reaches these checks with the metric, cue and unit the extractor would give it
(`Case`); the first check that applies drops it. Every check names what it rules out and a
sentence where it does. The checks read, never change, what they are given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .metrics import CASUALTY_AND_OUTAGE
from .phrases import Candidate, phrase_end
from .sentence import Sentence


class Case(NamedTuple):
    """A number as it would become a fact: its metric, the cue's cost and the limit for it,
    the kind of thing it counts and the unit of that kind for the metric."""

    doc: Sentence
    cand: Candidate
    metric: str | None
    cost: float
    limit: float
    inherits: bool              # a bare number taking the noun counted before it
    unit: str | None
    stock_part: bool            # a part of a stock its whole's cue already counts


@dataclass(frozen=True)
class Veto:
    """A named check: what it rules out, an example, and the test."""

    name: str
    rules_out: str
    example: str
    applies: Callable[[Case], bool]


_WITHOUT_OTHER = re.compile(r"\s+without\s+(?!(?:central\s+)?(?:power|electricity|heat|heating|light|"
                            r"lights|energy|hot water)\b)\w+", re.I)

# "5.5 Shaheds per day", "an average of 90 drones a night": a rate, no count of one event
_RATE_AFTER = re.compile(r"(?:(?:\s+\w+){0,3}?\s+(?:per|each|every)|\s+a)\s+(?:day|night|hour|week)\b"
                         r"(?!\s+(?:after|before|earlier|later|ago)\b)", re.I)
_AVERAGE_BEFORE = re.compile(r"\b(?:an\s+average\s+of|on\s+average|averag(?:e|ed|ing))\s+(?:\w+\s+)?$",
                             re.I)


_RATE_WORDS = frozenset(("day", "night", "hour", "week"))


def _a_rate(c: Case) -> bool:
    lows, k = c.doc.lows, c.cand.np_end
    if _RATE_WORDS.isdisjoint(lows[k:k + 6]) and not any(
            w.startswith("averag") for w in lows[max(0, c.cand.tok - 3):c.cand.tok]):
        return False                            # the cheap test: no word of a rate near
    text, m = c.doc.text, c.cand.mention
    end = phrase_end(c.doc, c.cand)
    return _RATE_AFTER.match(text, end, min(len(text), end + 40)) is not None or (
        _AVERAGE_BEFORE.search(text, max(0, m.start - 30), m.start) is not None)


VETOES: tuple[Veto, ...] = (
    Veto("no_cue", "a number with no cue near enough, or whose nearest cue cancels the count",
         "Power was restored to 500 buildings.",
         lambda c: c.metric is None or c.metric == "block" or c.cost > c.limit),
    Veto("part_of_stock", "the stock a part is counted from, when the part is what was cut off "
         "or damaged (the 12,000 here)",
         "1,000 of the city's 12,000 blocks were without heating.",
         lambda c: c.stock_part),
    Veto("one_of_a_group", "a launch of one of a group counted elsewhere, or of a part of "
         "a group counted beside it",
         "One of the drones hit a roof, and two of 12 missiles made it past air defences.",
         lambda c: c.metric == "launched" and (c.cand.of_the or c.cand.of_total is not None)),
    Veto("mixed_weapons", "a count of missiles and drones together (no count of either kind)",
         "Russia launched 158 missiles and drones.",
         lambda c: c.cand.mixed and c.metric in ("launched", "intercepted")),
    Veto("passer_by", "a person named with 'a'/'an' who is neither killed nor wounded",
         "A man walks during a power outage.",
         lambda c: c.cand.mention.kind == "article" and c.cand.cls == "person"
         and c.metric not in ("killed", "wounded")),
    Veto("without_something_else", "people without something other than heat or power",
         "9,500 were left without heating and 34,000 without water.",
         lambda c: c.cand.cls is None and bool(_WITHOUT_OTHER.match(c.doc.text,
                                                                    c.cand.mention.text_end))),
    Veto("inherited_far", "a bare number taking an earlier noun, unless its cue is close",
         "Three people died in Kharkiv overnight and one in the Sumy region to the north.",
         lambda c: c.inherits and c.cost > 3),
    Veto("bare_uncounted", "a number with no noun, unless it counts people (casualties, outages)",
         "The strike caused three fires.",
         lambda c: c.cand.cls is None and not c.inherits and c.cand.bare
         and c.metric not in CASUALTY_AND_OUTAGE),
    Veto("vague_places_hit", "an order of magnitude of settlements as places damaged: the "
         "extent of a story, not a count of what was hit",
         "The strikes have triggered evacuations in hundreds of communities.",
         lambda c: c.metric == "damaged" and c.unit == "settlements"
         and c.cand.mention.kind == "order"),
    Veto("a_rate", "an average or a count per day, night, hour or week: a rate, not what "
         "one event counted",
         "On average, Russia launched 5.5 Shaheds per day this year.",
         _a_rate),
    Veto("one_district", "one district or settlement where something happened: the place of "
         "an event, not a count of districts or settlements hit",
         "Private houses were damaged in one of the city's districts.",
         lambda c: c.metric == "damaged" and c.unit in ("districts", "settlements")
         and c.cand.mention.value == 1),
    Veto("no_unit", "a kind of thing the metric has no unit for",
         "Two cars were damaged.",
         lambda c: c.unit is None),
)


def veto_for(case: Case) -> Veto | None:
    """Give the first check that drops the number, or None when it stands."""
    for veto in VETOES:
        if veto.applies(case):
            return veto
    return None
