"""When a figure happened: the period (day or month) a sentence states for a number.

A span ("since 2022", "this year") before the number covers it, so the figure gets no period;
one after it covers it only through a list. Otherwise the nearest day or month expression
wins, unless it belongs to another number of the sentence ("588 km2 in June, 507 km2 in May").
Territory figures keep months, and running totals have none.
"""
from __future__ import annotations

import re

from . import language, periods
from .phrases import COORDINATION, Candidate, clause_bounds, phrase_end, phrase_start
from .sentence import Sentence

_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\b(?:" + "|".join(language.CLAUSE_WORDS) + r")\b", re.I)
_LIST_BREAK = re.compile(r"[;:—–()]|\b(?:" + "|".join(language.CLAUSE_WORDS) + r"|said|says)\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:total|in all|overall|cumulative)\b", re.I)
_AS_OF = re.compile(r"\bas of\s+$", re.I)
_CONVERSION = re.compile(r"\s*[(\[]\s*(?:or\s+|about\s+|some\s+|nearly\s+|around\s+)?")
_BRACKETED_FIGURE = re.compile(r"\s*\([^()]{0,40}\d[^()]{0,40}\)")
_BRACKETED_AFTER = re.compile(r"\s*\(\s*(?:about\s+|some\s+|over\s+|nearly\s+)?")


_NOW = re.compile(r"currently|now", re.I)


def period_for(doc: Sentence, cand: Candidate, s_start: int, s_end: int,
               metric: str, last_month: str | None,
               candidates: list[Candidate] = ()) -> str | None:
    """Give the period the sentence states for the number: a day or month, "" for a span
    longer than a month, or None if it states none."""
    m = cand.mention
    found = doc.within_periods(s_start, s_end)
    if found and metric in language.TOLLS:      # "11 victims so far": the toll of the day's attack
        found = [p for p in found if not (p.kind == "span" and
                                          doc.text[p.start:p.end].lower() == "so far")]
    if found and metric == "territory_seized":   # "gains currently limited to 8 km2": a total
        found = [p for p in found if not _NOW.fullmatch(doc.text, p.start, p.end)]
    if not found:
        return None
    c_left, c_right = clause_bounds(doc, cand, s_start, s_end, s_end)
    opener = doc.tok_starts[doc.tok_at(s_start)] if doc.tok_at(s_start) < len(doc.lows) else s_start
    for p in found:
        if p.kind == "span" and p.end <= m.start and (
                p.start <= opener + 12 or not _CLAUSE_BREAK.search(doc.text[p.end:m.start])):
            return ""
    tail = m.text_end
    bracket = _BRACKETED_FIGURE.match(doc.text, tail)
    if bracket is not None:            # "1,246 square kilometers (481 square miles) ... since"
        tail = bracket.end()
    if all(p.kind == "span" for p in found) and any(
            p.start >= tail and not _LIST_BREAK.search(doc.text, tail, p.start)
            and _listed_up_to(doc, cand, candidates, p.start, tail) for p in found):
        return ""                       # "launched 1,100 drones, ... and 50 missiles last week"
    found = [p for p in found if p.kind != "span" or p.start >= m.start and p.start < c_right]
    owned = _owned_periods(doc, cand, candidates, found)
    if len(owned) >= 2 or owned and metric == "territory_seized":
        found = [p for p in found if id(p) not in owned]   # "588 km2 in June, 507 km2 in May"
    if not found:
        return None
    nearest = min(found, key=lambda p: (p.start - m.text_end if p.start >= m.text_end
                                        else m.start - p.end))
    if nearest.kind == "that_month":
        return last_month or ""
    if metric == "territory_seized" and _TOTAL_BEFORE.search(doc.text, doc.start, m.start):
        return ""                       # "the total Russian gains ... was 3,500 square kilometers"
    if metric == "territory_seized" and nearest.kind in ("day", "date"):
        if _AS_OF.search(doc.text, max(doc.start, nearest.start - 8), nearest.start):
            return ""                   # "occupied 66,266 km2 as of September 1": a running total
        return nearest.value[:7]
    return nearest.value


def _listed_up_to(doc: Sentence, cand: Candidate, candidates: list[Candidate], end: int,
                  skip_to: int = 0) -> bool:
    """Say whether the numbers from `cand` to offset `end` form one list ("1,100 drones, over
    890 guided bombs and 50 missiles"), so that what follows the list covers them all; numbers
    before `skip_to` (a bracketed conversion) are passed over."""
    listed = [c for c in candidates[cand.index:] if c is cand or c.mention.start >= skip_to]
    for prev, nxt in zip(listed, listed[1:]):
        if nxt.mention.start >= end:
            break
        prev_end = phrase_end(doc, prev)
        start = phrase_start(nxt)
        if not COORDINATION.fullmatch(doc.text, prev_end, start):
            return False
    return True


def _owned_periods(doc: Sentence, cand: Candidate, candidates: list[Candidate],
                   found: list) -> set[int]:
    """Give the ids of the periods that stand right after another number's phrase."""
    owners = _period_owners(doc, candidates)
    if not owners:
        return set()
    return {id(p) for p in found
            if (o := owners.get(id(p))) and (len(o) > 1 or cand.index not in o)}


def _period_owners(doc: Sentence, candidates: list[Candidate]) -> dict[int, set[int]]:
    """Give, by period id, the candidates whose phrase a period of the sentence stands right
    after ("588 km2 in June") or right before in brackets ("in August (594 sq km)");
    computed once per sentence."""
    if doc.period_owners is not None:
        return doc.period_owners
    owners: dict[int, set[int]] = {}
    periods = doc.periods
    owner = None
    for i, other in enumerate(candidates):
        start = phrase_end(doc, other)
        end = candidates[i + 1].mention.start if i + 1 < len(candidates) else doc.start + len(doc.part)
        # "143sq km (55sq miles) in March": a conversion in brackets is its figure's own
        converted = owner is not None and other.mention.unit is not None and \
            _CONVERSION.fullmatch(doc.text, candidates[i - 1].mention.text_end, other.mention.start)
        owner = owner if converted else other.index
        if converted and doc.text.startswith((")", "]"), start):
            start += 1
        for p in periods:
            if start <= p.start < end and not _CLAUSE_BREAK.search(doc.text, start, p.start) or \
                    _BRACKETED_AFTER.fullmatch(doc.text, p.end, other.mention.start):
                owners.setdefault(id(p), set()).add(owner)
    doc.period_owners = owners
    return owners


def last_month(found: list[periods.Period], month: str | None) -> str | None:
    """Give the last month (YYYY-MM) the time expressions name, else `month`."""
    for p in found:
        if p.kind in ("month", "date"):
            month = p.value[:7]
    return month
