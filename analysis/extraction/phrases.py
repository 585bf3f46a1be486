"""The numbers of a sentence as noun phrases: what each counts, and how they relate.

`candidates` gives, for every number of a sentence (and every "a"/"an"/"another" before a person
or a weapon), the kind of thing its noun phrase counts (`language.NOUNS`), or that it has no noun
("killed 11"), and the links between numbers: a part and its whole ("24 of 28 drones"), a
partitive ("of which seven"), a number that inherits the noun counted before it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import numbers
from .language import (BOUNDARY_PUNCT, BOUNDARY_WORDS, CASUALTY_VERB_SET, DETERMINERS, EVENT_NOUNS,
                       NOUNS, ONE_PERSON, strip_possessive)
from .models import model_numbers
from .noun_phrases import WEAPON_KINDS, scan_np
from .respectively import respectively
from .sentence import Sentence


@dataclass(eq=False, slots=True)
class Candidate:
    """A number with its noun phrase, before a metric is chosen."""

    mention: numbers.Mention
    tok: int                    # first token of the number
    tok_end: int                # first token after the number (and its glued unit)
    np_end: int                 # first token after the noun phrase
    cls: str | None             # kind of thing counted (language.NOUNS values) or None
    bare: bool                  # no noun follows: "killed 11", "of which seven were"
    of_total: "Candidate | None" = None      # "24 of 28 drones": the 28
    part_of: "Candidate | None" = None
    inherited: str | None = None            # a bare number's likely noun, from its sentence
    of_the: bool = False                    # "two of the drones": part of a group counted elsewhere
    mixed: bool = False                     # "158 missiles and drones": weapons of two kinds
    index: int = -1                         # position among the sentence's candidates


class Phrases(NamedTuple):
    """A sentence's candidates in text order, and the last kind of noun counted so far."""

    candidates: list[Candidate]
    last_kind: str | None


def phrase_start(cand: Candidate) -> int:
    """Give where the candidate's number begins, its qualifier ("more than") included."""
    m = cand.mention
    return m.qualifier_start if m.qualifier_start is not None else m.start


def phrase_end(doc: Sentence, cand: Candidate) -> int:
    """Give where the candidate's noun phrase ends (its number and unit when it has none)."""
    return doc.tok_ends[cand.np_end - 1] if cand.np_end > cand.tok else cand.mention.text_end


def clause_bounds(doc: Sentence, cand: Candidate, s_start: int, s_end: int,
                  next_start: int) -> tuple[int, int]:
    """Give the character span of the clause the candidate stands in, ending before the next
    number (`next_start`)."""
    left = s_start
    for k in range(cand.tok - 1, doc.tok_at(s_start) - 1, -1):
        if doc.lows[k] in BOUNDARY_PUNCT or doc.lows[k] in BOUNDARY_WORDS or \
                doc.lows[k] == "and":
            left = doc.tok_ends[k]
            break
    right = min(s_end, next_start)
    for k in range(cand.np_end, doc.tok_at(right)):
        if doc.lows[k] in BOUNDARY_PUNCT or doc.lows[k] in BOUNDARY_WORDS:
            right = doc.tok_starts[k]
            break
    return left, right


# words that only join two listed counts: "11 ballistic missiles and five cruise missiles"
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|or|as well as|plus|along with|and also)?\s*$", re.I)
# "from", "of", "by" before a weapon or place: where it came from, not what it did or hit
FROM_BEFORE = re.compile(r"\b(?:from|of|by)\s+$", re.I)

_OF_LINK = re.compile(r"\s+[“\"]?(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w\-]+['’]s\s+)?(?:(?:approximately|"
                      r"about|some|nearly|around|roughly|more\s+than|over|almost|at\s+least|up\s+to)\s+)?[“\"]?")
_OF_THEM, _OF_THE = re.compile(r"\s+of\s+(?:them|those|whom|these|which)\b"), \
    re.compile(r"\s+of\s+(?:the|these|those|its|their|[\w\-]+['’]s)\s")
_OF_WORD = re.compile(r"\s+of\s+[\w\-]+(?:['’]s)?\s")
_PART_AFTER_WHOLE = re.compile(r"\s*,?\s*(?:and\s+)?")
# the part has a verb of its own: "23 of which were shot down" (not "20 of them in Kyiv")
_OWN_VERB = re.compile(r"\s+of\s+(?:which|them|those)\s+(?:were|was|had\s+been|have\s+been|has\s+been)\b", re.I)
_PARTITIVE_BEFORE = re.compile(r"\b(?:of which|of whom|among them|among whom|including|of them|of those)\s+$", re.I)


def _mixed_weapons(doc: Sentence, k: int, stop: int, cls: str, mention_starts: set[int]) -> bool:
    """Say whether the phrase ending before token `k` counts weapons of two kinds together:
    "158 missiles and drones" (FACTS.md: not a count of either)."""
    if k >= stop or doc.lows[k] not in ("and", "or", "&", "/"):
        return False
    for j in range(k + 1, min(k + 4, stop)):
        if doc.tok_starts[j] in mention_starts or not doc.lows[j][0].isalpha() or \
                doc.lows[j] in ("a", "an", "the", "another", "its", "their", "both", "all"):
            return False                      # "drones and a cruise missile": a count of its own
        if NOUNS.get(strip_possessive(doc.lows[j])) == WEAPON_KINDS[cls]:
            return True
    return False


def _inside_aside_after(doc: Sentence, k: int, counts: list[Candidate]) -> bool:
    """Say whether token `k` is inside a dash or bracket aside opened after the last count."""
    if not counts:
        return False
    between = doc.lows[counts[-1].np_end:k]
    dashes = sum(word in ("—", "–") for word in between)
    return dashes % 2 == 1 or between.count("(") > between.count(")")


# "the number of injured has increased to 16": the number counts the noun named before it
_APPOSED, _CLOSED = re.compile(r"([a-z\-]+)\s*,\s*(?:nearly|almost|about|around|some|over|more than)?\s*$"), \
    re.compile(r"\d[\d,.]*,\s")
_NUMBER_OF = re.compile(r"\bnumber of (?:the\s+)?(?:[\w\-]+\s+)?([\w\-]+)\b[^.;:]{0,120}?\b"
                        r"(?:increased|risen|rose|grown|climbed|reached|jumped|gone up|put|stood|"
                        r"stands|is|was|has been|had been)\s+(?:to|at)\s+$", re.I)
_COUNTED_AS = {"killed": "death", "dead": "death", "injured": "injury", "wounded": "injury",
               "hurt": "injury"}          # "the number of people killed"


def _number_of_noun(text: str, start: int, end: int) -> str | None:
    """Give the kind of thing "the number of X ... rose to N" or a count in apposition
    ("apartment buildings, nearly 6,000, are") counts, if the text says so."""
    match = _NUMBER_OF.search(text, max(start, end - 200), end) or \
        _CLOSED.match(text, end) and _APPOSED.search(text, end - 40, end)
    if match is None:
        return None
    noun = match.group(1).lower()
    return _COUNTED_AS.get(noun) or NOUNS.get(noun)


def _positions(words: list[str], word: str, start: int, stop: int) -> list[int]:
    """Give the indices of `word` in words[start:stop] (list.index scans in C)."""
    found = []
    try:
        while True:
            start = words.index(word, start, stop)
            found.append(start)
            start += 1
    except ValueError:
        return found


_AGE = re.compile(r"\d{1,3}-year-old")


def _counts_events(lows: list[str], k: int, stop: int) -> bool:
    """Say whether the words at token `k` name events counted ("strikes", "overnight
    attacks")."""
    if k < stop and lows[k] in ("overnight", "separate", "massive", "new", "more", "deadly"):
        k += 1
    return k < stop and lows[k] in EVENT_NOUNS


def _after_downing(doc: Sentence, tok: int) -> bool:
    """Say whether the token before `tok` ends a cue of shooting down."""
    end = doc.tok_ends[tok - 1] if tok > 0 else -1
    return any(c.end == end and "intercepted" in c.metrics for c in doc.cues)


def candidates(doc: Sentence, s_start: int, s_end: int, last_kind: str | None,
               one_weapon: bool = True) -> Phrases:
    """Give the candidate numbers of one sentence with their noun phrases; `last_kind` is the
    last kind of noun the article counted before it ("of which seven" counts it), and
    `one_weapon` says whether the sentence before counted a single kind of weapon."""
    text = doc.text
    mentions = doc.mentions
    t_first, t_stop = doc.tok_at(s_start), doc.tok_at(s_end)
    mention_starts = {doc.tok_starts[doc.tok_at(m.start)] for m in mentions}
    found: list[Candidate] = []
    cue_starts = set(doc.cue_starts)
    models = model_numbers(doc, mentions)
    for m in mentions:
        if m.start in models:
            continue
        tok = doc.tok_at(m.start)
        tok_end = doc.tok_at(m.text_end)
        cls, np_end, bare = (None, tok_end, False)
        if m.unit is None:
            cls, np_end, bare = scan_np(doc, tok_end, t_stop, mention_starts - {doc.tok_starts[tok]},
                                        m.kind)
            if cls is None and _counts_events(doc.lows, tok_end, t_stop):
                bare = False                  # "after two overnight strikes": no one counted
            elif cls is None and tok_end < t_stop and doc.tok_starts[tok_end] in cue_starts:
                bare, np_end = True, tok_end  # "two houses were destroyed and 10 damaged"
        cand = Candidate(m, tok, tok_end, np_end, cls, bare)
        cand.mixed = cls in WEAPON_KINDS and _mixed_weapons(doc, np_end, t_stop, cls, mention_starts)
        found.append(cand)

    # "a woman", "an apartment block", "killing the driver": singular nouns count one
    named = [] if CASUALTY_VERB_SET.isdisjoint(doc.lows[t_first:t_stop]) else [k for d in DETERMINERS
             for k in _positions(doc.lows, d, t_first, t_stop) if k > t_first and doc.lows[k - 1] in CASUALTY_VERB_SET]
    for k in sorted(_positions(doc.lows, "a", t_first, t_stop) +
                    _positions(doc.lows, "an", t_first, t_stop) +
                    _positions(doc.lows, "another", t_first, t_stop) + named):
        if doc.tok_starts[k] in mention_starts:
            continue
        if doc.lows[k] in DETERMINERS and not (
                k + 1 < t_stop and doc.lows[k + 1] in ONE_PERSON or
                k + 2 < t_stop and doc.lows[k + 2] in ONE_PERSON):
            continue
        if any(c.mention.start <= doc.tok_starts[k] < c.mention.end for c in found):
            continue
        cls, np_end, _ = scan_np(doc, k + 1, t_stop, mention_starts, "article")
        if cls is None and k + 2 < t_stop and _AGE.fullmatch(doc.lows[k + 1]) and \
                doc.lows[k + 2] in ("was", "is", "has", "died"):
            cls, np_end = "person", k + 2         # "a 58-year-old was killed"
        if doc.lows[k] == "another" and k + 1 < t_stop and doc.lows[k + 1] in CASUALTY_VERB_SET \
                and any(c.cls == "person" for c in found):
            cls, np_end = "person", k + 1         # "One person was killed and another wounded"
        if cls not in ("person", "missile", "drone"):
            continue                    # "another person was killed", "another drone" one more
        if _inside_aside_after(doc, k, [c for c in found if c.cls == cls and
                                        c.mention.kind != "article" and c.np_end <= k]):
            continue                    # "two people—a man and a woman—were killed": who they were
        if cls in ("missile", "drone") and FROM_BEFORE.search(text[max(0, doc.tok_starts[k] - 8):
                                                                   doc.tok_starts[k]]):
            continue
        mention = numbers.Mention(start=doc.tok_starts[k], end=doc.tok_ends[k], value=1.0,
                                  kind="article")
        cand = Candidate(mention, k, k + 1, np_end, cls, False)
        cand.mixed = cls in WEAPON_KINDS and _mixed_weapons(doc, np_end, t_stop, cls, mention_starts)
        found.append(cand)
    found.sort(key=lambda c: c.mention.start)
    for i, cand in enumerate(found):
        cand.index = i

    own_noun = [c.cls is not None for c in found]      # before any is inherited
    # partitives: "24 of 28 drones", "23 of them", "of which seven"
    sentence_cls: list[str] = []
    for i, cand in enumerate(found):
        m = cand.mention
        after = text[m.text_end:m.text_end + 48].lower()
        nxt = found[i + 1] if i + 1 < len(found) else None
        link = _OF_LINK.match(after)
        if link and nxt and nxt.mention.start == m.text_end + link.end():
            cand.of_total, nxt.part_of = nxt, cand
            cand.cls = nxt.cls
            continue
        if cand.cls and nxt and nxt.cls is None and cand.np_end > cand.tok:
            np_end = doc.tok_ends[cand.np_end - 1]
            after_noun = _OF_LINK.match(text, np_end)
            if after_noun and after_noun.end() == nxt.mention.start and "of" in after_noun.group():
                cand.of_total, nxt.part_of = nxt, cand     # "25 missiles of 38 fired"
                nxt.cls, nxt.bare = cand.cls, False
        if _OF_THEM.match(after) or \
                _PARTITIVE_BEFORE.search(text[max(0, m.start - 16):m.start]):
            # a part is smaller than its whole: "37 drones and three missiles, 28 of which"
            whole = next((c for c in reversed(found[:i]) if c.cls and c.mention.value > m.value),
                         None)
            if whole is not None and found[i - 1] is whole and whole.part_of is None and \
                    _PART_AFTER_WHOLE.fullmatch(text, doc.tok_ends[whole.np_end - 1], m.start) \
                    and _OWN_VERB.match(text, m.text_end):
                whole.part_of = cand      # "a total of 31 drones, 23 of which were shot down"
            kind = whole.cls if whole is not None else last_kind
            if cand.cls is None and kind:
                cand.cls = kind
                cand.bare = False
        elif cand.cls is None and _OF_THE.match(after):
            # "33 of the drones": the noun after "of the" is what is counted
            start = doc.tok_at(m.text_end + len(_OF_WORD.match(after).group(0)))
            cls, _, _ = scan_np(doc, start, t_stop, mention_starts, "number")
            # "one of the biggest losses" counts losses, nothing the metrics count
            cand.cls, cand.bare, cand.of_the = cls, False, True
        elif cand.cls is None and cand.bare and _number_of_noun(text, doc.start, m.start):
            cand.cls, cand.bare = _number_of_noun(text, doc.start, m.start), False
        elif cand.cls is None and cand.bare and sentence_cls:
            cand.inherited = sentence_cls[-1]            # "50 drones ..., 40 were shot down"
        elif cand.cls is None and cand.bare and i == 0 and last_kind and (
                cand.tok > 0 and doc.lows[cand.tok - 1] == "another" or last_kind in WEAPON_KINDS and (
                    cand.tok_end < len(doc.lows) and doc.lows[cand.tok_end] in ("were", "was") or
                    one_weapon and _after_downing(doc, cand.tok) and not any(
                        NOUNS.get(w) in WEAPON_KINDS for w in doc.lows[t_first:cand.tok]))):
            # "Another 32,500 are without power"; "... 37 drones overnight. Fifteen were
            # destroyed"; "... 112 drones. Air defence neutralised 76."
            cand.inherited = last_kind
        if cand.cls == "person" and sentence_cls and sentence_cls[-1] != "person" and \
                doc.lows[cand.np_end - 1] == "others":
            cand.cls = sentence_cls[-1]        # "ruined one building and damaged two others"
        if cand.cls:
            last_kind = cand.cls
            sentence_cls.append(cand.cls)
        elif cand.inherited:
            sentence_cls.append(cand.inherited)   # "Another 12 were downed over X, six over Y"
    for cand in found:
        if cand.of_total and cand.cls is None:
            cand.cls = cand.of_total.cls
    respectively(text, found, own_noun)
    return Phrases(found, last_kind)
