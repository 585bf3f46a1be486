"""Parts of a whole: a count the text gives as a part of another count of the same metric.

`killed 16 people, including six children`, `seven were injured, two of them children`,
`two of the seven injured were hospitalised`, `of whom three were children`, `three of the
injured adults`, `the injured include two infants`: the part keeps
its own row (FACTS.md counts every number) and names the whole's fact in `part_of`, so the
analyses never take it for a count of its own. A part of a different metric is no part
here: in `24 of 28 drones were shot down`, 24 is the interception count.
"""
from __future__ import annotations

import re

from ..reading.fact_table import FactRow, fact_id
from ..reading.vocabulary import UNIT_FOR
from .phrases import Candidate, phrase_end, phrase_start
from .readings import Reading
from .sentence import Sentence

_INCLUDING_BEFORE = re.compile(r"\b(?:including|include|includes|included|among them|among whom)"
                               r"\s+$", re.I)
_OF_THEM_AFTER = re.compile(r"\s+(?:of|among)\s+(?:them|whom|those|which)\b", re.I)
_OF_WHOM_BEFORE = re.compile(r"\b(?:of|among)\s+(?:them|whom|those|which)\s*,?\s*$", re.I)


def part_cue(text: str, start: int, end: int, sentence_start: int = 0) -> bool:
    """Say whether the words around the number at `text[start:end]` make it a part of an
    earlier count (`including six`, `two of them`, `of whom three`), from the text alone."""
    return bool(_INCLUDING_BEFORE.search(text, max(sentence_start, start - 16), start)
                or _OF_THEM_AFTER.match(text, end)
                or _OF_WHOM_BEFORE.search(text, max(sentence_start, start - 24), start))


# "Forty-six of the drones were over the Kursk region", "34 over the Bryansk region"
_OVER_A_PLACE = re.compile(r"(?:\s+of\s+(?:them|those|the\s+[\w\-]+))?\s*(?:,\s*)?(?:(?:were|was)\s+"
                           r"(?:\w+\s+)?)?(?:over|above|in)\s+(?:the\s+)?"
                           r"(?:(?:surrounding|neighbouring|neighboring|nearby)\s+)?", re.I)

_LIST_COMMA = re.compile(r"[^,.;:\d]*,\s*(?:and\s+)?")


def breakdown_reading(doc: Sentence, cand: Candidate, candidates: list[Candidate],
                      earlier: list[FactRow]) -> list[Reading]:
    """Give the reading of a weapon count that a sentence with no verb places over a region,
    as a part of the launch or interception count the sentence before gave (`158 drones
    were destroyed. Forty-six of the drones were over the Kursk region`); else none."""
    kind = cand.cls or cand.inherited
    if kind is None and cand.index and _LIST_COMMA.fullmatch(
            doc.text, phrase_end(doc, candidates[cand.index - 1]), cand.mention.start):
        before = candidates[cand.index - 1]     # "46 were over Kursk, 34 over Bryansk"
        kind = before.cls or before.inherited
    if kind not in ("drone", "missile", None):
        return []
    end = phrase_end(doc, cand)
    over = _OVER_A_PLACE.match(doc.text, end)
    if over is None or not any(p.start == over.end() for p in doc.places) or \
            doc.within_cues(doc.start, over.end()):
        return []                      # a verb of its own before the place reads it
    units = [UNIT_FOR["intercepted"][kind]] if kind else ["drones", "missiles"]
    wholes = {(r.metric, r.unit) for r in earlier if r.unit in units
              and r.value > cand.mention.value and r.metric in ("launched", "intercepted")}
    if len(wholes) != 1:
        return []                   # no whole, or no telling which whole a bare count is of
    metric, unit = wholes.pop()
    return [Reading(metric, unit, abs(cand.mention.value), cand.mention.qualifier, None)]


def _earlier_whole(row: FactRow, rows: list[FactRow]) -> FactRow | None:
    """Give the latest of `rows` before `row` counting the same metric and unit, and more."""
    for other in reversed(rows):
        if other.start < row.start and other.metric == row.metric and other.unit == row.unit \
                and other.value > row.value:
            return other
    return None


def whole_of(doc: Sentence, row: FactRow, cand: Candidate, rows: list[FactRow],
             earlier: list[FactRow]) -> FactRow | None:
    """Give the fact `row` is a part of, among its sentence's `rows` (or, for `of them`
    opening a sentence, the facts of the sentence before, `earlier`), or None."""
    start = phrase_start(cand)
    if cand.of_total is not None:
        total = cand.of_total.mention.start
        return next((r for r in rows if r.start == total and r.metric == row.metric
                     and r.value > row.value), None)
    if cand.of_the or part_cue(doc.text, start, cand.mention.end, doc.start):
        return _earlier_whole(row, rows) or _earlier_whole(row, earlier)
    return None


def mark_parts(doc: Sentence, rows: list[FactRow], cands: list[Candidate],
               earlier: list[FactRow]) -> list[FactRow]:
    """Give the sentence's `rows` with `part_of` set on each part of a whole."""
    if not rows:
        return rows
    by_start = {c.mention.start: c for c in cands}
    out = []
    for row in rows:
        cand = by_start.get(row.start)
        whole = whole_of(doc, row, cand, rows, earlier) if cand is not None else None
        out.append(row._replace(part_of=fact_id(row.article_id, whole.start, whole.metric))
                   if whole is not None else row)
    return out
