"""Bare numbers that end in `respectively`: each takes the kind of the count listed at its
place before them."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .phrases import Candidate

_RESPECTIVELY = re.compile(r"(?:\s+(?:of|among)\s+(?:them|those|which))?\s*,?\s*respectively\b", re.I)
_RUN_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


def respectively(text: str, found: list[Candidate], own_noun: list[bool]) -> None:
    """Give bare numbers that end in `respectively` the kinds of the counts listed before
    them, in order: "launched 477 drones and 60 missiles ..., intercepted 475 and 39 of
    those respectively" (475 drones, 39 missiles)."""
    for last, cand in enumerate(found):
        if own_noun[last] or not _RESPECTIVELY.match(text, cand.mention.text_end):
            continue
        first = last
        while first > 0 and not own_noun[first - 1] and _RUN_JOIN.fullmatch(
                text, found[first - 1].mention.text_end, found[first].mention.start):
            first -= 1
        run = found[first:last + 1]
        listed = [c.cls for c, own in zip(found[:first], own_noun[:first]) if own][-len(run):]
        if len(run) > 1 and len(listed) == len(run) and len(set(listed)) == len(listed):
            for c, cls in zip(run, listed):
                c.cls, c.bare, c.inherited = cls, False, None
