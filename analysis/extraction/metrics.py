"""What happened to a counted thing: the cue nearest a number that fits what it counts.

A cue's distance is counted in words, each clause boundary crossed costing `BOUNDARY_COST`;
the cheapest cue whose metric the number's noun allows wins (`choose_metric`).
"""
from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

from ..reading.vocabulary import UNIT_FOR
from .language import (AUXILIARIES, BOUNDARY_PUNCT, BOUNDARY_WORDS, NOUN_METRIC,
                       RELATIVE_WORDS)
from .phrases import Candidate
from .sentence import Sentence

MAX_COST = 20           # words between a number and its cue, clause boundaries included
# Cues more than this many tokens from a number are not weighed: each token costs at least
# one unless an aside skips it, so such a cue is far past MAX_COST in any real sentence, and
# a number-dense sentence costs numbers x window, not numbers x cues x length.
CUE_WINDOW = 40
SINGULAR_MAX_COST = 8   # "a woman was killed": the cue must be close
BOUNDARY_COST = 6
AND_COST = 3

CASUALTY_AND_OUTAGE = ("killed", "wounded", "without_heating", "without_power")


class CueChoice(NamedTuple):
    """The metric chosen for a number, the cue as written, and how far it stands (`cost`)."""

    metric: str | None
    cue: str | None
    cost: float


NO_CUE = CueChoice(None, None, math.inf)


def allowed_metrics(cand: Candidate) -> frozenset[str]:
    """Give the metrics the candidate's noun (or lack of one) can be a count of."""
    key = (cand.cls, cand.bare, cand.inherited)
    if key not in _ALLOWED:
        _ALLOWED[key] = frozenset(_allowed_for(*key))
    return _ALLOWED[key]


_ALLOWED: dict[tuple, frozenset[str]] = {}


def _allowed_for(cls: str | None, bare: bool, inherited: str | None) -> set[str]:
    """Give the metrics whose units count `cls`; for a bare number, casualties and outages and
    what its inherited noun allows."""
    if cls in NOUN_METRIC:
        return {NOUN_METRIC[cls]}
    if cls:
        return {metric for metric, units in UNIT_FOR.items() if cls in units}
    if bare:
        allowed = set(CASUALTY_AND_OUTAGE)
        if inherited:
            allowed |= {metric for metric, units in UNIT_FOR.items()
                        if inherited in units}
        return allowed
    return set()


def gap_cost(doc: Sentence, a: int, b: int, right: bool, bound: float = math.inf) -> float:
    """Give the cost of the tokens [a, b) between a number and a cue; inf as soon as it
    passes `bound` (the cost only grows along the tokens)."""
    cost = 0.0
    k = a
    while k < b:
        if cost > bound:
            return math.inf
        low = doc.lows[k]
        k += 1
        if low in _ASIDE_OPEN:
            close = _aside_end(doc.lows, k, b, _ASIDE_OPEN[low])
            if close is not None:
                cost += BOUNDARY_COST               # "eight missiles -- among ... -- were used"
                k = close
                continue
        if low == "," and right and k < b and doc.lows[k] in _ASIDE_PARTICIPLES:
            close = next((j for j in range(k, b) if doc.lows[j] == ","), None)
            if close is not None:           # "a drone, launched from Russia, was shot down"
                cost += BOUNDARY_COST
                k = close + 1
                continue
        if low in BOUNDARY_PUNCT:
            cost += BOUNDARY_COST
        elif low in BOUNDARY_WORDS:
            if right and low in RELATIVE_WORDS and k < b and \
                    doc.lows[k] not in AUXILIARIES and doc.lows[k - 2] != "of":
                return math.inf      # "drones that Russia launched" (not "10 of which it downed")
            cost += BOUNDARY_COST
        elif low in (".", "!", "?"):
            return math.inf
        elif low in ("and", "or") and not right:
            cost += AND_COST                        # "killed and seven were injured"
        else:
            cost += 1
    return cost


_ASIDE_PARTICIPLES = {"launched", "fired", "sent", "flying", "heading", "headed", "coming",
                      "targeting", "aimed", "spotted", "detected"}
_ASIDE_OPEN = {"(": ")", "—": "—", "–": "–", "-": "-"}


def _aside_end(lows: list[str], k: int, b: int, closer: str) -> int | None:
    """Give the token after the closing mark of an aside opened before token `k`, if the
    aside closes before `b`; a doubled dash ("--") counts as one."""
    while k < b and lows[k] == closer and closer == "-":
        k += 1
    for j in range(k, b):
        if lows[j] == closer:
            j += 1
            while j < b and lows[j] == closer and closer == "-":
                j += 1
            return j
        if lows[j] in (".", "!", "?"):
            return None
    return None


# a participle right after the noun phrase describes it: "missiles fired from aircraft"
_PARTICIPLE = (r"(?:(?:fired|launched|sent|used|deployed|flying|heading|headed)\s+(?:at|from|by|into|in|during|"
               r"toward|towards|against|over|on)|targeting|aimed\s+at)\b")
MODIFIER_PARTICIPLE = re.compile(r"\s*,?\s+" + _PARTICIPLE, re.I)
_PARTICIPLE_AT = re.compile(_PARTICIPLE, re.I)
_WEAPON_BEFORE = re.compile(r"(?:missiles?|drones?|UAVs?|rockets?|Shaheds?|decoys?)\s*,?\s+$", re.I)
_PASSIVE_DOWNED = re.compile(r"\b(?:were|was|have been|had been|has been)\s+(?:all\s+|later\s+|also\s+|"
                             r"successfully\s+)?(shot down|intercepted|destroyed|downed|"
                             r"neutrali[sz]ed)\b", re.I)


# a part's own verb follows it: "nine of which were intercepted", "two of them died"
_OWN_PREDICATE = re.compile(r"\s*of\s+(?:which|them|whom|those)\b", re.I)


def _fits(metrics: tuple[str, ...], allowed: frozenset[str]) -> list[str]:
    """Give the cue's metrics the number may take, `block` included."""
    key = (metrics, allowed)
    if key not in _FITS:
        _FITS[key] = [x for x in metrics if x in allowed or x == "block"]
    return _FITS[key]                  # shared: never changed in place


_FITS: dict[tuple, list[str]] = {}


def choose_metric(doc: Sentence, cand: Candidate, s_start: int, s_end: int,
                  prefer_left: bool = False) -> CueChoice:
    """Give the cheapest cue of the sentence whose metric the candidate's noun allows
    (`block` when that cue cancels the count), or NO_CUE; `prefer_left` favours a cue before
    the number, as a partitive's is ("24 of 28 drones were shot down")."""
    text = doc.text
    allowed = allowed_metrics(cand)
    if not allowed:
        return NO_CUE
    best: tuple[float, str | None, str | None] = (math.inf, None, None)
    best_start = s_start
    m = cand.mention
    np_end_char = doc.tok_ends[cand.np_end - 1] if cand.np_end > cand.tok else m.end
    q = m.qualifier_start if m.qualifier_start is not None else m.start
    q_tok = doc.tok_at(q)
    # "... lost heating and 320,000 homes had no power": after "and", a new subject whose own
    # verb comes after it
    and_before = doc.tok_starts[q_tok - 1] if q_tok > 0 and doc.lows[q_tok - 1] == "and" else None
    cues, lo, hi = doc.cues, 0, len(doc.cues)
    if s_start > doc.start or s_end < doc.end:
        lo = bisect.bisect_left(doc.cue_starts, s_start)
        hi = bisect.bisect_left(doc.cue_starts, s_end)
    if len(doc.lows) > CUE_WINDOW:                      # a long sentence: only the cues near
        first, last = doc.tok_at(s_start), doc.tok_at(s_end)
        if cand.tok - CUE_WINDOW > first:
            lo = max(lo, bisect.bisect_left(doc.cue_starts, doc.tok_starts[cand.tok - CUE_WINDOW]))
        if cand.np_end + CUE_WINDOW < last:
            hi = min(hi, bisect.bisect_left(doc.cue_starts, doc.tok_ends[cand.np_end + CUE_WINDOW - 1]))
    for i in range(lo, hi):
        c_start, c_end, metrics = cues[i]
        if c_start >= m.start and c_end <= np_end_char:
            continue                                  # a cue inside the phrase: "Russia-launched drones"
        fits = _FITS.get((metrics, allowed))
        if fits is None:
            fits = _fits(metrics, allowed)
        # "six missiles damaged ...", "a drone killed ...": the weapon flew
        subject = not fits and cand.cls in ("missile", "drone") and c_start >= np_end_char and (
            "damaged" in metrics or "killed" in metrics or "wounded" in metrics)
        if not fits and not subject:
            continue
        # a cue must cost less than the best to win; adjustments take off 0.5 at most
        if c_end <= m.start:
            cost = gap_cost(doc, doc.tok_at(c_end), q_tok, right=False, bound=best[0] + 0.5)
            if prefer_left:
                cost -= 0.5
            if "launched" in metrics and _PARTICIPLE_AT.match(text, c_start) and \
                    _WEAPON_BEFORE.search(text, max(s_start, c_start - 24), c_start):
                cost += 2 * BOUNDARY_COST       # "Kalibrs launched from ships and two Iskanders"
            if and_before is not None and c_end < and_before:
                cost += BOUNDARY_COST
        elif c_start >= np_end_char:
            cost = gap_cost(doc, cand.np_end, doc.tok_at(c_start), right=True,
                            bound=best[0] + 0.5) + 0.25
            if "launched" in metrics and MODIFIER_PARTICIPLE.match(text, np_end_char):
                cost += 2 * BOUNDARY_COST       # "drones fired at Ukraine ... were shot down"
            elif _OWN_PREDICATE.match(text, np_end_char):
                cost -= BOUNDARY_COST           # "12 missiles, nine of which were intercepted"
        else:
            continue
        if subject:
            if cost > 3:
                continue
            fits = ["launched"]
        if fits == ["block"] or "block" in fits:
            metric = "block"
        elif len(fits) > 1 and "launched" in fits and cand.cls in ("missile", "drone"):
            metric = "launched"
        else:
            metric = fits[0]
        # the cheapest cue wins; of equally cheap ones, the first in the text
        if cost < best[0]:
            best = (cost, metric, text[c_start:c_end])
            best_start = c_start
    if best[1] == "launched" and "intercepted" in allowed and \
            _PARTICIPLE_AT.match(text, best_start) and \
            _WEAPON_BEFORE.search(text, max(s_start, best_start - 24), best_start):
        downed = _PASSIVE_DOWNED.search(text, best_start, s_end)
        if downed:                      # "six drones fired at Ukraine overnight were shot down"
            return CueChoice("intercepted", downed.group(1), best[0])
    return CueChoice(best[1], best[2], best[0])
