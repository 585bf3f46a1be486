"""The noun phrase after a number: the kind of thing it counts (`language.NOUNS`), where the
phrase ends, and whether the number stands bare ("killed 11"). `scan_np` reads it past
modifiers, models ("Kh-59/69 guided missiles"), quotes and comma lists of modifiers to the
head noun."""
from __future__ import annotations

from typing import NamedTuple

from .language import (CLOSING_QUOTES, MEASURE_WORDS, MORE_WORDS, NOT_HEAD_BEFORE, NOUNS,
                       STOP_WORDS, building_kind, strip_possessive)
from .sentence import Sentence

WEAPON_KINDS = {"missile": "drone", "drone": "missile"}     # each kind and the other


class NounPhrase(NamedTuple):
    """The phrase after a number: its kind (or None), the token after it, if bare ("killed 11")."""

    cls: str | None
    end: int
    bare: bool


_OPENING_QUOTES = {"“", "\"", "‘", "«", "'"}


def scan_np(doc: Sentence, first: int, stop: int, mention_starts: set[int],
            kind: str) -> NounPhrase:
    """Give the noun phrase that starts at token `first` (after a number of `kind`)."""
    k = first
    if k < stop and doc.lows[k] in CLOSING_QUOTES:
        k += 1                                       # '"thousands" of consumers'
    quoted = k > first and doc.lows[first] == '"' or k < stop and \
        doc.lows[k] in _OPENING_QUOTES and k + 1 < stop and doc.lows[k + 1][:1].isalnum()
    if quoted and k == first:
        k += 1                                       # 'two "Iskander-M" ballistic missiles'
    if kind == "order" and k < stop and doc.lows[k] == "of":
        k += 1
    if k + 1 < stop and doc.lows[k] in MORE_WORDS and doc.lows[k + 1] not in STOP_WORDS and \
            doc.lows[k + 1][:1].isalpha():
        k += 1                        # "2,600 more buildings", "two more Russian cruise missiles"
    bare = k >= stop or doc.lows[k] in STOP_WORDS or not doc.lows[k][0].isalnum()
    modifiers = 0
    while k < stop and modifiers <= 5:
        word = strip_possessive(doc.lows[k])
        nxt = strip_possessive(doc.lows[k + 1]) if k + 1 < stop else ""
        if (word, nxt) in NOUNS and nxt not in ("",):
            after = doc.lows[k + 2] if k + 2 < stop else ""
            if after not in NOT_HEAD_BEFORE:
                return NounPhrase(NOUNS[(word, nxt)], k + 2, False)
        if word in NOUNS and doc.tok_starts[k] not in mention_starts:
            if nxt in NOT_HEAD_BEFORE or (nxt in NOUNS and nxt != word and
                                          NOUNS[nxt] == NOUNS[word]):
                k += 1
                modifiers += 1
                continue
            if nxt in NOT_HEAD_BEFORE or (nxt == "hits" and kind != "article"):
                return NounPhrase(None, k + 1, False)     # "56 drone hits": hits, not drones
            cls = NOUNS[word]
            cls = building_kind(doc.lows[first:k]) if cls == "building" else cls   # "multi-story"
            return NounPhrase(cls, _head_end(doc, k + 1, stop, cls, mention_starts), False)
        if word == "/" and nxt[:1].isalnum() and k > first and nxt not in NOUNS:
            k += 2                        # "4 Kh-59/69 guided missiles", "40 Kh-101/Kh-555 ..."
            modifiers += 1
            continue
        if word in MEASURE_WORDS and nxt == "of":
            k += 2                                    # "10 pieces of critical infrastructure"
            modifiers += 1
            continue
        if quoted and word in CLOSING_QUOTES:
            k += 1
            continue
        if word == "," and k > first and (head := _late_head(doc, k, stop, mention_starts)):
            k = head                      # "99 Kh-101, Kalibr, and Kh-59/69 cruise missiles"
            continue
        if doc.tok_starts[k] in mention_starts or not word[0].isalnum():
            break
        if word in ("and", "or", "&") and k > first:
            k += 1
            modifiers += 1
            continue
        if word in STOP_WORDS:
            break
        modifiers += 1
        k += 1
    return NounPhrase(None, k, bare)


def _late_head(doc: Sentence, k: int, stop: int, mention_starts: set[int]) -> int | None:
    """Give the token of the head noun a comma list of modifiers at token `k` (a comma)
    leads to ("78 air, ground, and sea-launched missiles"), or None: the list holds only
    words, commas and one final "and"/"or", and its head is a weapon's."""
    joined = False
    for j in range(k + 1, min(stop, k + 10)):
        word = doc.lows[j]
        if doc.tok_starts[j] in mention_starts:
            return None
        if word in ("and", "or"):
            joined = True
        elif NOUNS.get(strip_possessive(word)) in WEAPON_KINDS and joined:
            return j
        elif word != "," and word != "/" and not word[:1].isalnum() or word in STOP_WORDS:
            return None
    return None


def _head_end(doc: Sentence, k: int, stop: int, cls: str, mention_starts: set[int]) -> int:
    """Give the token after the phrase whose first head noun ends before `k`: a later noun of
    the same kind within two words is the real head ("Kalibr cruise missiles"), a second
    model after a slash included ("Iskander-M/KN-23 ballistic missiles")."""
    if k + 2 < stop and doc.lows[k] == "/" and doc.lows[k + 1][:1].isalnum() and \
            doc.tok_starts[k + 1] not in mention_starts:
        k += 2
    if k < stop and doc.lows[k] in CLOSING_QUOTES:
        k += 1                         # 'two "Iskander-M" ballistic missiles'
    if k < stop and doc.lows[k] == "or":
        # "nine Iskander-M or North Korean KN-23 ballistic missiles": another name, one head
        for j in range(k + 1, min(stop, k + 6)):
            if doc.tok_starts[j] in mention_starts or not doc.lows[j][0].isalnum():
                break
            if NOUNS.get(strip_possessive(doc.lows[j])) == cls:
                return _head_end(doc, j + 1, stop, cls, mention_starts)
    for j in (k + 1, k):
        if j < stop and doc.tok_starts[j] not in mention_starts and \
                NOUNS.get(strip_possessive(doc.lows[j])) == cls and \
                all(doc.lows[i][0].isalpha() for i in range(k, j + 1)):
            return j + 1
    return k
