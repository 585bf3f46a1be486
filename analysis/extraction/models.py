"""Numbers that name a weapon's model rather than count it: "Shahed 136 drones", "Shahed 131
and 136 drones"."""
from __future__ import annotations

import re

from .language import NOUNS
from .sentence import Sentence

_KINDS = ("missile", "drone")
_WEAPON_NAMES = {w for w, cls in NOUNS.items() if isinstance(w, str) and cls in _KINDS and w.isalpha()}
_MODEL_JOIN = re.compile(r"\s*(?:,|and|or|/|&)\s*")


def model_numbers(doc: Sentence, mentions: list) -> set[int]:
    """Give where the numbers that name a weapon's model start: one right after its
    capitalised name ("Shahed 136 drones"), and one of as many digits listed with it
    ("Shahed 131 and 136 drones")."""
    text = doc.text
    models: set[int] = set()
    previous = None
    for m in mentions:
        written = text[m.start:m.end]
        if m.kind == "number" and written.isdigit():
            tok = doc.tok_at(m.start)
            name = text[doc.tok_starts[tok - 1]:doc.tok_ends[tok - 1]] if tok > 0 else ""
            if name[:1].isupper() and name.lower() in _WEAPON_NAMES and \
                    doc.tok_ends[tok - 1] + 1 == m.start:
                models.add(m.start)
            elif previous is not None and previous.start in models and \
                    len(text[previous.start:previous.end]) == len(written) and \
                    _MODEL_JOIN.fullmatch(text, previous.end, m.start):
                models.add(m.start)
        previous = m
    return models
