"""Turn articles into facts: one row per quantitative claim, with its context.

For every number `numbers.find_mentions` finds, the extractor reads
- the unit: the head noun of the phrase after the number (`three apartment blocks`), the
  unit glued to it (`-17 degrees Celsius`, `481 square kilometres`), or, for a bare number,
  what the phrase implies (`killed 11` counts people; `of which seven` counts what the
  sentence counted before);
- the metric: the nearest cue that fits the unit (`were left without heating`, `shot
  down`, `killed`), measured in words, with a penalty for each clause boundary crossed;
  a cue that cancels the count (`power was restored to`) or a negated one drops it;
- the place: a place named in the number's own clause, else in its sentence, else (for
  casualties and outages) the most specific place of the latest sentence that named one;
  `Ukraine` for nationwide launch, interception and territory figures;
- the period: the time expression nearest to the number in its sentence, else the day the
  article's first factual sentence names (`the air force said Wednesday`), else the
  article's date; territory figures take the month named, or the last month named before;
- the source: the attribution of the sentence (`X said`, `according to X`).
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from . import gazetteer, lexicon, numbers, periods
from .articles import Article, sentence_id, sentence_spans

MAX_COST = 20           # words between a number and its cue, clause boundaries included
SINGULAR_MAX_COST = 8   # "a woman was killed": the cue must be close
BOUNDARY_COST = 6
AND_COST = 3
QUOTE_WIDTH = 240

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:[-‑][\w]+)*|[^\W\d_][\w'’\-‑.]*(?<![.])|[^\w\s]")
_BOUNDARY_PUNCT = {",", ";", ":", "—", "–", "(", ")", "-"}
_BOUNDARY_WORDS = {"while", "but", "whereas", "although", "after", "when", "before", "because",
                   "who", "which", "that", "where", "though", "whilst"}
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\b(?:while|but|whereas|although|after|when|before|because|"
                           r"who|which|that|where|though)\b", re.I)
_OF_LINK = re.compile(r"\s+[“\"]?(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w\-]+['’]s\s+)?(?:approximately\s+|about\s+|"
                      r"some\s+|nearly\s+|around\s+|roughly\s+)?[“\"]?")
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|whom|these)\b")
_OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s")
_RELATIVE = {"that", "which", "who", "whom"}
_AUX = {"were", "was", "are", "is", "had", "have", "has", "been", "be", "being", "will",
        "would", "could", "also", "later", "all", "then", "subsequently", "reportedly", "not",
        "eventually", "successfully"}
_PARTITIVE_BEFORE = re.compile(r"\b(?:of which|of whom|among them|among whom|including|"
                               r"of them|of those)\s+$", re.I)
_TEMPERATURE_WORDS = re.compile(r"temperature|frost|cold|warm|freez|celsius|weather|thermometer|"
                                r"mercury|heat wave|chill", re.I)
_TERRITORY_BLOCK = re.compile(r"\b(?:liberat|retook|retaken|recaptur|regain|reclaim|counteroffensive|"
                              r"area of|total area|size of|an area)\w*", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|of|by)\s+$", re.I)
_SOURCE_VERBS = (r"said|says|say|reported|reports|report|wrote|writes|posted|posts|announced|"
                 r"announces|added|adds|told|tells|stated|states|claimed|claims|confirmed|"
                 r"confirms|noted|notes|informed|informs|estimated|warned|explained")
_SOURCE_VERB_BODY = r"(?=[a-z])\b(?:" + _SOURCE_VERBS + r")\b"
_SOURCE_VERB = re.compile(_SOURCE_VERB_BODY, re.I)
_SOURCE_VERB_LOWER = re.compile(_SOURCE_VERB_BODY)      # its twin for lower-cased text
_SOURCE_AFTER = re.compile(r"(?:,|\")\s*(?:" + _SOURCE_VERBS + r")\s+(?P<src>(?:the\s+)?"
                           r"[A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,6}?)(?=\s*(?:[.,;]|$|on\b|in\b))")
_ACCORDING = re.compile(r"according to (?:the )?(?P<src>[^,.;()]+)", re.I)
_APPOSITIVE = re.compile(
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+),\s+(?:the\s+)?[^,]{3,90},\s+(?:"
    + _SOURCE_VERBS + r")\b")
_TITLE_WORDS = {
    "mayor", "governor", "gov.", "gov", "president", "minister", "chief", "head", "spokesman",
    "spokeswoman", "spokesperson", "commander", "administrator", "broadcaster", "company",
    "operator", "ombudsman", "prosecutor", "general", "secretary", "adviser", "advisor",
    "deputy", "leader", "official", "premier", "prime", "director", "chairman", "envoy",
}
_OF_WORD = re.compile(r"\s+of\s+\w+\s")
_TRAILING_TIME = re.compile(r"\s+(?:on|in|late|early|last|this)\s+(?:\w+\s*)?$")
_TRAILING_CHANNEL = re.compile(r"\s+(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                               r"Sunday|Telegram|social media|a statement)\b.*$")
_FROM_ORG = re.compile(r"\bfrom (?:the )?([A-Z].*)$")
_TRAILING_AUX = re.compile(r"\s*,?\s+(?:has|had|have)$")
_SOURCE_SPLIT = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|that|as|when|after|which)\b")
_PERSON = re.compile(r"\b[A-Z][a-zа-я’'\-]+ (?:[A-Z]\. )?[A-Z][a-zа-я’'\-]{2,}\b")
_AND_GAP = re.compile(r"\s+and\s+")
_BRACKETED = re.compile(r"\s*[(\[,]\s*(?:or\s+|about\s+|some\s+|nearly\s+|around\s+)?")
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


@dataclass
class Candidate:
    """A number with its noun phrase, before a metric is chosen."""

    mention: numbers.Mention
    tok: int                    # first token of the number
    tok_end: int                # first token after the number (and its glued unit)
    np_end: int                 # first token after the noun phrase
    cls: str | None             # kind of thing counted (lexicon.NOUNS values) or None
    bare: bool                  # no noun follows: "killed 11", "of which seven were"
    of_total: "Candidate | None" = None      # "24 of 28 drones": the 28
    part_of: "Candidate | None" = None
    metric: str | None = None
    cue: str | None = None
    inherited: str | None = None            # a bare number's likely noun, from its sentence
    of_the: bool = False                    # "two of the drones": part of a group counted elsewhere
    mixed: bool = False                     # "158 missiles and drones": weapons of two kinds


def tokenize(text: str, offset: int = 0) -> tuple[list[int], list[int], list[str]]:
    """Give the starts, ends (plus `offset`) and lower-cased texts of the word and punctuation
    tokens of `text`, as three parallel lists."""
    low = lexicon.lowered(text)
    if low is None:
        spans = [m.span() for m in _TOKEN.finditer(text)]
        lows = [text[a:b].lower() for a, b in spans]
    else:
        spans = [m.span() for m in _TOKEN.finditer(low)]
        lows = [low[a:b] for a, b in spans]
    return [a + offset for a, _ in spans], [b + offset for _, b in spans], lows


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


class _Article:
    """Everything found in one stretch of an article (a sentence), indexed by position.

    Offsets are those of the whole article text, so spans can be quoted from it.
    """

    def __init__(self, article: Article, start: int = 0, end: int | None = None,
                 mentions: list[numbers.Mention] | None = None, dateline_end: int = 0):
        self.article, self.dateline_end = article, dateline_end
        end = len(article.text) if end is None else end
        part = article.text[start:end]
        self.start, self.part = start, part
        self.tok_starts, self.tok_ends, self.lows = tokenize(part, start)
        self.mentions = numbers.find_mentions(part) if mentions is None else mentions
        for m in self.mentions:
            m.start += start
            m.end += start
            if m.qualifier_start is not None:
                m.qualifier_start += start
            if m.unit_end is not None:
                m.unit_end += start
        self.cues = [(a + start, b + start, metrics) for a, b, metrics in lexicon.find_cues(part)]
        self.cue_starts = [c[0] for c in self.cues]
        self._places: list[gazetteer.Place] | None = None
        self.several: bool | None = None        # names several places (_several_places)
        self._periods: list[periods.Period] | None = None

    # places and periods are only read when a number became a fact
    @property
    def places(self) -> list[gazetteer.Place]:
        if self._places is None:
            self._places = _shift_places(gazetteer.find_places(self.part), self.start)
            self.place_starts = [p.start for p in self._places]
        return self._places

    @property
    def periods(self) -> list[periods.Period]:
        if self._periods is None:
            # a date in the opening dateline ("Paris, (AFP - 2nd Sep, 2024)") dates the report,
            # not its figures
            self._periods = [periods.Period(p.start + self.start, p.end + self.start, p.kind, p.value)
                             for p in periods.find_periods(self.part, self.article.published)
                             if p.start + self.start >= self.dateline_end]
            self.period_starts = [p.start for p in self._periods]
        return self._periods

    def tok_at(self, offset: int) -> int:
        return bisect.bisect_left(self.tok_starts, offset)

    def within(self, starts: list[int], items: list, start: int, end: int) -> list:
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def within_places(self, start: int, end: int) -> list[gazetteer.Place]:
        found = self.places
        return self.within(self.place_starts, found, start, end) if found else []

    def within_periods(self, start: int, end: int) -> list[periods.Period]:
        found = self.periods
        return self.within(self.period_starts, found, start, end) if found else []


def _shift_places(places: list[gazetteer.Place], offset: int) -> list[gazetteer.Place]:
    return [gazetteer.Place(p.start + offset, p.end + offset, p.name, p.level) for p in places]


def _phrase_start(cand: "Candidate") -> int:
    """Give where the candidate's number begins, its qualifier ("more than") included."""
    m = cand.mention
    return m.qualifier_start if m.qualifier_start is not None else m.start


def _phrase_end(doc: _Article, cand: "Candidate") -> int:
    """Give where the candidate's noun phrase ends (its number and unit when it has none)."""
    return doc.tok_ends[cand.np_end - 1] if cand.np_end > cand.tok else cand.mention.text_end


# ---------------------------------------------------------------- noun phrases

_CLOSING_QUOTES = {"”", "\"", "’", "»"}
_MEASURE_WORDS = {"pieces", "piece", "items", "units", "elements"}    # "pieces of" the noun
_MORE_WORDS = {"more", "other", "additional", "further", "new"}


def _scan_np(doc: _Article, first: int, stop: int, mention_starts: set[int],
             kind: str) -> tuple[str | None, int, bool]:
    """Give (kind of noun, token after the phrase, bare) for the phrase at token `first`."""
    k = first
    if k < stop and doc.lows[k] in _CLOSING_QUOTES:
        k += 1                                       # '"thousands" of consumers'
    if kind == "order" and k < stop and doc.lows[k] == "of":
        k += 1
    if k + 1 < stop and doc.lows[k] in _MORE_WORDS and _strip_possessive(doc.lows[k + 1]) in lexicon.NOUNS:
        k += 1                                       # "2,600 more buildings", "five other people"
    bare = k >= stop or doc.lows[k] in lexicon.STOP_WORDS or not doc.lows[k][0].isalnum()
    modifiers = 0
    while k < stop and modifiers <= 5:
        word = _strip_possessive(doc.lows[k])
        nxt = _strip_possessive(doc.lows[k + 1]) if k + 1 < stop else ""
        if (word, nxt) in lexicon.NOUNS and nxt not in ("",):
            after = doc.lows[k + 2] if k + 2 < stop else ""
            if after not in lexicon.NOT_HEAD_BEFORE:
                return lexicon.NOUNS[(word, nxt)], k + 2, False
        if word in lexicon.NOUNS and doc.tok_starts[k] not in mention_starts:
            if nxt in lexicon.NOT_HEAD_BEFORE or (nxt in lexicon.NOUNS and nxt != word and
                                                 lexicon.NOUNS[nxt] == lexicon.NOUNS[word]):
                k += 1
                modifiers += 1
                continue
            if nxt in lexicon.NOT_HEAD_BEFORE or (nxt == "hits" and kind != "article"):
                return None, k + 1, False     # "56 drone hits": hits, not drones
            cls = lexicon.NOUNS[word]
            return cls, _head_end(doc, k + 1, stop, cls, mention_starts), False
        if word == "/" and nxt[:1].isdigit() and k > first:
            k += 2                                    # "4 Kh-59/69 guided missiles"
            modifiers += 1
            continue
        if word in _MEASURE_WORDS and nxt == "of":
            k += 2                                    # "10 pieces of critical infrastructure"
            modifiers += 1
            continue
        if doc.tok_starts[k] in mention_starts or not word[0].isalnum():
            break
        if word in ("and", "or", "&") and k > first:
            k += 1
            modifiers += 1
            continue
        if word in lexicon.STOP_WORDS:
            break
        modifiers += 1
        k += 1
    return None, k, bare


_WEAPONS = {"missile": "drone", "drone": "missile"}


def _mixed_weapons(doc: _Article, k: int, stop: int, cls: str, mention_starts: set[int]) -> bool:
    """Say whether the phrase ending before token `k` counts weapons of two kinds together:
    "158 missiles and drones" (FACTS.md: not a count of either)."""
    if k >= stop or doc.lows[k] not in ("and", "or", "&", "/"):
        return False
    for j in range(k + 1, min(k + 4, stop)):
        if doc.tok_starts[j] in mention_starts or not doc.lows[j][0].isalpha() or \
                doc.lows[j] in ("a", "an", "the", "another", "its", "their"):
            return False                      # "drones and a cruise missile": a count of its own
        if lexicon.NOUNS.get(_strip_possessive(doc.lows[j])) == _WEAPONS[cls]:
            return True
    return False


def _inside_aside_after(doc: _Article, k: int, counts: list[Candidate]) -> bool:
    """Say whether token `k` is inside a dash or bracket aside opened after the last count."""
    if not counts:
        return False
    between = doc.lows[counts[-1].np_end:k]
    dashes = sum(word in ("—", "–") for word in between)
    return dashes % 2 == 1 or between.count("(") > between.count(")")


def _head_end(doc: _Article, k: int, stop: int, cls: str, mention_starts: set[int]) -> int:
    """Give the token after the phrase whose first head noun ends before `k`: a later noun of
    the same kind within two words is the real head ("Kalibr cruise missiles")."""
    for j in (k + 1, k):
        if j < stop and doc.tok_starts[j] not in mention_starts and \
                lexicon.NOUNS.get(_strip_possessive(doc.lows[j])) == cls and \
                all(doc.lows[i][0].isalpha() for i in range(k, j + 1)):
            return j + 1
    return k


# "the number of injured has increased to 16": the number counts the noun named before it
_NUMBER_OF = re.compile(r"\bnumber of (?:the\s+)?(?:[\w\-]+\s+)?([\w\-]+)\b[^.;:]{0,120}?\b"
                        r"(?:increased|risen|rose|grown|climbed|reached|jumped|gone up|put|stood|"
                        r"stands|is|was|has been|had been)\s+(?:to|at)\s+$", re.I)


def _number_of_noun(text: str, start: int, end: int) -> str | None:
    """Give the kind of thing "the number of X ... rose to N" counts, if the text says so."""
    match = _NUMBER_OF.search(text, max(start, end - 200), end)
    if match is None:
        return None
    noun = match.group(1).lower()
    return _COUNTED_AS.get(noun) or lexicon.NOUNS.get(noun)


_COUNTED_AS = {"killed": "death", "dead": "death", "injured": "injury", "wounded": "injury",
               "hurt": "injury"}          # "the number of people killed"


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


def _candidates(doc: _Article, s_start: int, s_end: int, last_cls: list) -> list[Candidate]:
    """Give the candidate numbers of one sentence with their noun phrases."""
    text = doc.article.text
    mentions = doc.mentions
    t_first, t_stop = doc.tok_at(s_start), doc.tok_at(s_end)
    mention_starts = {doc.tok_starts[doc.tok_at(m.start)] for m in mentions}
    found: list[Candidate] = []
    cue_starts = set(doc.cue_starts)
    for m in mentions:
        tok = doc.tok_at(m.start)
        tok_end = doc.tok_at(m.text_end)
        cls, np_end, bare = (None, tok_end, False)
        if m.unit is None:
            cls, np_end, bare = _scan_np(doc, tok_end, t_stop, mention_starts - {doc.tok_starts[tok]},
                                         m.kind)
            if cls is None and tok_end < t_stop and doc.tok_starts[tok_end] in cue_starts:
                bare, np_end = True, tok_end  # "two houses were destroyed and 10 damaged"
        cand = Candidate(m, tok, tok_end, np_end, cls, bare)
        cand.mixed = cls in _WEAPONS and _mixed_weapons(doc, np_end, t_stop, cls, mention_starts)
        found.append(cand)

    # "a woman", "an apartment block": singular nouns count one
    for k in sorted(_positions(doc.lows, "a", t_first, t_stop) +
                    _positions(doc.lows, "an", t_first, t_stop) +
                    _positions(doc.lows, "another", t_first, t_stop)):
        if doc.tok_starts[k] in mention_starts:
            continue
        if any(c.mention.start <= doc.tok_starts[k] < c.mention.end for c in found):
            continue
        cls, np_end, _ = _scan_np(doc, k + 1, t_stop, mention_starts, "article")
        if cls not in ("person", "missile", "drone") or (doc.lows[k] == "another" and
                                                          cls != "person"):
            continue                    # "another person was killed" counts one more
        if _inside_aside_after(doc, k, [c for c in found if c.cls == cls and
                                        c.mention.kind != "article" and c.np_end <= k]):
            continue                    # "two people—a man and a woman—were killed": who they were
        if cls in ("missile", "drone") and _FROM_BEFORE.search(text[max(0, doc.tok_starts[k] - 8):
                                                                    doc.tok_starts[k]]):
            continue
        mention = numbers.Mention(start=doc.tok_starts[k], end=doc.tok_ends[k], value=1.0,
                                  kind="article")
        cand = Candidate(mention, k, k + 1, np_end, cls, False)
        cand.mixed = cls in _WEAPONS and _mixed_weapons(doc, np_end, t_stop, cls, mention_starts)
        found.append(cand)
    found.sort(key=lambda c: c.mention.start)

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
        if _OF_THEM.match(after) or \
                _PARTITIVE_BEFORE.search(text[max(0, m.start - 16):m.start]):
            if cand.cls is None and last_cls:
                cand.cls = last_cls[-1]
                cand.bare = False
        elif cand.cls is None and _OF_THE.match(after):
            # "33 of the drones": the noun after "of the" is what is counted
            start = doc.tok_at(m.text_end + len(_OF_WORD.match(after).group(0)))
            cls, _, _ = _scan_np(doc, start, t_stop, mention_starts, "number")
            # "one of the biggest losses" counts losses, nothing the metrics count
            cand.cls, cand.bare, cand.of_the = cls, False, True
        elif cand.cls is None and cand.bare and _number_of_noun(text, doc.start, m.start):
            cand.cls, cand.bare = _number_of_noun(text, doc.start, m.start), False
        elif cand.cls is None and cand.bare and sentence_cls:
            cand.inherited = sentence_cls[-1]            # "50 drones ..., 40 were shot down"
        if cand.cls == "person" and sentence_cls and sentence_cls[-1] != "person" and \
                doc.lows[cand.np_end - 1] == "others":
            cand.cls = sentence_cls[-1]        # "ruined one building and damaged two others"
        if cand.cls:
            last_cls.append(cand.cls)
            sentence_cls.append(cand.cls)
    for cand in found:
        if cand.of_total and cand.cls is None:
            cand.cls = cand.of_total.cls
    return found


# ---------------------------------------------------------------- metrics

def _allowed_metrics(cand: Candidate) -> frozenset[str]:
    """Give the metrics the candidate's noun (or lack of one) can be a count of."""
    key = (cand.cls, cand.bare, cand.inherited)
    if key not in _ALLOWED:
        _ALLOWED[key] = frozenset(_allowed_for(*key))
    return _ALLOWED[key]


_ALLOWED: dict[tuple, frozenset[str]] = {}


def _allowed_for(cls: str | None, bare: bool, inherited: str | None) -> set[str]:
    if cls in lexicon.NOUN_METRIC:
        return {lexicon.NOUN_METRIC[cls]}
    if cls:
        return {metric for metric, units in lexicon.UNIT_FOR.items() if cls in units}
    if bare:
        allowed = {"killed", "wounded", "without_heating", "without_power"}
        if inherited:
            allowed |= {metric for metric, units in lexicon.UNIT_FOR.items()
                        if inherited in units}
        return allowed
    return set()


def _gap_cost(doc: _Article, a: int, b: int, right: bool) -> float:
    """Give the cost of the tokens [a, b) between a number and a cue."""
    cost = 0.0
    k = a
    while k < b:
        low = doc.lows[k]
        k += 1
        if low in _ASIDE_OPEN:
            close = _aside_end(doc.lows, k, b, _ASIDE_OPEN[low])
            if close is not None:
                cost += BOUNDARY_COST               # "eight missiles -- among ... -- were used"
                k = close
                continue
        if low in _BOUNDARY_PUNCT:
            cost += BOUNDARY_COST
        elif low in _BOUNDARY_WORDS:
            if right and low in _RELATIVE and k < b and doc.lows[k] not in _AUX:
                return math.inf                     # "drones that Russia launched"
            cost += BOUNDARY_COST
        elif low in (".", "!", "?"):
            return math.inf
        elif low in ("and", "or") and not right:
            cost += AND_COST                        # "killed and seven were injured"
        else:
            cost += 1
    return cost


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
_PARTICIPLE = r"(?:fired|launched|sent|used|deployed)\s+(?:at|from|by|into|toward|towards|against|over|on)\b"
_MODIFIER_PARTICIPLE = re.compile(r"\s+" + _PARTICIPLE, re.I)
_PARTICIPLE_AT = re.compile(_PARTICIPLE, re.I)
_WEAPON_BEFORE = re.compile(r"(?:missiles?|drones?|UAVs?|rockets?|Shaheds?|decoys?)\s+$", re.I)
_PASSIVE_DOWNED = re.compile(r"\b(?:were|was|have been|had been|has been)\s+(?:all\s+|later\s+|"
                             r"successfully\s+)?(shot down|intercepted|destroyed|downed|"
                             r"neutrali[sz]ed)\b", re.I)


def _choose_metric(doc: _Article, cand: Candidate, s_start: int, s_end: int,
                   prefer_left: bool = False) -> tuple[str | None, str | None, float]:
    text = doc.article.text
    allowed = _allowed_metrics(cand)
    if not allowed:
        return None, None, math.inf
    best: tuple[float, str | None, str | None] = (math.inf, None, None)
    best_start = s_start
    m = cand.mention
    np_end_char = doc.tok_ends[cand.np_end - 1] if cand.np_end > cand.tok else m.end
    for c_start, c_end, metrics in doc.within(doc.cue_starts, doc.cues, s_start, s_end):
        if c_start >= m.start and c_end <= np_end_char:
            continue                                  # a cue inside the phrase: "Russia-launched drones"
        fits = [x for x in metrics if x in allowed or x == "block"]
        # "six missiles damaged ...", "a drone killed ...": the weapon flew
        subject = not fits and cand.cls in ("missile", "drone") and c_start >= np_end_char and (
            "damaged" in metrics or "killed" in metrics or "wounded" in metrics)
        if not fits and not subject:
            continue
        if c_end <= m.start:
            start_tok = doc.tok_at(c_end)
            q = m.qualifier_start if m.qualifier_start is not None else m.start
            cost = _gap_cost(doc, start_tok, doc.tok_at(q), right=False)
            if prefer_left:
                cost -= 0.5
            if "launched" in metrics and _PARTICIPLE_AT.match(text, c_start) and \
                    _WEAPON_BEFORE.search(text, max(s_start, c_start - 24), c_start):
                cost += 2 * BOUNDARY_COST       # "Kalibrs launched from ships and two Iskanders"
            q_tok = doc.tok_at(q)
            if q_tok > 0 and doc.lows[q_tok - 1] == "and" and c_end < doc.tok_starts[q_tok - 1]:
                cost += BOUNDARY_COST           # "... lost heating and 320,000 homes had no power":
                #                                 a new subject whose own verb comes after it
        elif c_start >= np_end_char:
            cost = _gap_cost(doc, cand.np_end, doc.tok_at(c_start), right=True) + 0.25
            if "launched" in metrics and _MODIFIER_PARTICIPLE.match(text, np_end_char):
                cost += 2 * BOUNDARY_COST       # "drones fired at Ukraine ... were shot down"
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
        if cost < best[0]:
            best = (cost, metric, doc.article.text[c_start:c_end])
            best_start = c_start
    if best[1] == "launched" and "intercepted" in allowed and \
            _PARTICIPLE_AT.match(text, best_start) and \
            _WEAPON_BEFORE.search(text, max(s_start, best_start - 24), best_start):
        downed = _PASSIVE_DOWNED.search(text, best_start, s_end)
        if downed:                      # "six drones fired at Ukraine overnight were shot down"
            return "intercepted", downed.group(1), best[0]
    return best[1], best[2], best[0]


# ---------------------------------------------------------------- places, periods, sources

def _clause_bounds(doc: _Article, cand: Candidate, s_start: int, s_end: int,
                   next_start: int) -> tuple[int, int]:
    left = s_start
    for k in range(cand.tok - 1, doc.tok_at(s_start) - 1, -1):
        if doc.lows[k] in _BOUNDARY_PUNCT or doc.lows[k] in _BOUNDARY_WORDS or doc.lows[k] == "and":
            left = doc.tok_ends[k]
            break
    right = min(s_end, next_start)
    for k in range(cand.np_end, doc.tok_at(right)):
        if doc.lows[k] in _BOUNDARY_PUNCT or doc.lows[k] in _BOUNDARY_WORDS:
            right = doc.tok_starts[k]
            break
    return left, right


def _best(places: list[gazetteer.Place], nearest_last: bool) -> gazetteer.Place | None:
    if not places:
        return None
    top = max(p.level for p in places)
    chosen = [p for p in places if p.level == top]
    return chosen[-1] if nearest_last else chosen[0]


_PLACE_PREDICATE = re.compile(r"\s*,?\s*(?:are|is|were|was|lie|lies|lay)\s+(?:mostly\s+|mainly\s+)?"
                              r"in\s+(?:[\w-]+\s+){0,4}?", re.I)


def _place_for(doc: _Article, cand: Candidate, s_start: int, s_end: int,
               next_start: int, clause_only: bool = False) -> str | None:
    m = cand.mention
    after_np = _phrase_end(doc, cand)
    c_left, c_right = _clause_bounds(doc, cand, s_start, s_end, next_start)
    right = doc.within_places( after_np, c_right)
    if right:
        return right[0].name
    left = doc.within_places( c_left, m.start)
    if left:
        return _best(left, nearest_last=True).name
    if clause_only:
        beyond = doc.within_places(after_np, min(s_end, next_start))
        if beyond and _PLACE_PREDICATE.fullmatch(doc.article.text, after_np, beyond[0].start):
            return beyond[0].name             # "155 square kilometers, are in the region of X"
        return None
    beyond = doc.within_places( after_np, min(s_end, next_start))
    if beyond:
        return beyond[0].name
    before = doc.within_places( s_start, m.start)
    if before:
        return _best(before, nearest_last=True).name
    rest = doc.within_places( after_np, s_end)
    if rest:
        return rest[0].name
    return None


def _period_for(doc: _Article, cand: Candidate, s_start: int, s_end: int,
                metric: str, last_month: str | None,
                candidates: list[Candidate] = ()) -> str | None:
    """Give the period the sentence states for the number, or None if it states none.

    A span ("since 2022", "this year", "per day") before the number covers it; one after it
    only within the number's clause. Otherwise the nearest day or month expression wins.
    """
    m = cand.mention
    found = doc.within_periods( s_start, s_end)
    if not found:
        return None
    c_left, c_right = _clause_bounds(doc, cand, s_start, s_end, s_end)
    opener = doc.tok_starts[doc.tok_at(s_start)] if doc.tok_at(s_start) < len(doc.lows) else s_start
    for p in found:
        if p.kind == "span" and p.end <= m.start and (
                p.start <= opener + 12 or not _CLAUSE_BREAK.search(doc.article.text[p.end:m.start])):
            return ""
    if all(p.kind == "span" for p in found) and any(
            p.start >= m.text_end and not _LIST_BREAK.search(doc.article.text, m.text_end, p.start)
            and _listed_up_to(doc, cand, candidates, p.start) for p in found):
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
    if metric == "territory_seized" and _TOTAL_BEFORE.search(doc.article.text, doc.start, m.start):
        return ""                       # "the total Russian gains ... was 3,500 square kilometers"
    if metric == "territory_seized" and nearest.kind in ("day", "date"):
        if _AS_OF.search(doc.article.text, max(doc.start, nearest.start - 8), nearest.start):
            return ""                   # "occupied 66,266 km2 as of September 1": a running total
        return nearest.value[:7]
    return nearest.value


def _listed_up_to(doc: _Article, cand: Candidate, candidates: list[Candidate], end: int) -> bool:
    """Say whether the numbers from `cand` to offset `end` form one list ("1,100 drones, over
    890 guided bombs and 50 missiles"), so that what follows the list covers them all."""
    i = candidates.index(cand)
    for prev, nxt in zip(candidates[i:], candidates[i + 1:]):
        if nxt.mention.start >= end:
            break
        prev_end = _phrase_end(doc, prev)
        start = _phrase_start(nxt)
        if not _COORDINATION.fullmatch(doc.article.text, prev_end, start):
            return False
    return True


_TOTAL_BEFORE = re.compile(r"\b(?:total|in all|overall|cumulative)\b", re.I)
_AS_OF = re.compile(r"\bas of\s+$", re.I)
_LIST_BREAK = re.compile(r"[;:—–()]|\b(?:while|but|whereas|although|after|when|before|because|"
                         r"who|which|that|where|though|said|says)\b", re.I)


def _owned_periods(doc: _Article, cand: Candidate, candidates: list[Candidate],
                   found: list) -> dict[int, Candidate]:
    """Give the periods that stand right after another number's phrase, keyed by id."""
    owned: dict[int, Candidate] = {}
    for i, other in enumerate(candidates):
        if other is cand:
            continue
        start = _phrase_end(doc, other)
        end = candidates[i + 1].mention.start if i + 1 < len(candidates) else doc.start + len(doc.part)
        for p in found:
            if start <= p.start < end and not _CLAUSE_BREAK.search(doc.article.text, start, p.start):
                owned[id(p)] = other
            elif _BRACKETED_AFTER.fullmatch(doc.article.text, p.end, other.mention.start):
                owned[id(p)] = other                      # "in August (594 sq km)"
    return owned


_BRACKETED_AFTER = re.compile(r"\s*\(\s*(?:about\s+|some\s+|over\s+|nearly\s+)?")


_NOT_SOURCES = {"explosions", "blasts", "attacks", "strikes", "sirens", "fires", "damage",
                "footage", "video", "videos", "photos", "images", "casualties", "it", "this",
                "which", "that", "there", "its", "his", "her", "their", "data"}


def _reduce_source(raw: str) -> str | None:
    """Give the name in an attribution: titles, roles and time words dropped."""
    text = _TRAILING_TIME.sub("", raw.strip(" ,.\"“”'"))
    text = _TRAILING_CHANNEL.sub("", text)
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "and", "but", "while", "as", "that",
                                         "also", "unconfirmed"):
        words = words[1:]
    if not words or words[-1].lower() in _NOT_SOURCES or words[0].lower() in _NOT_SOURCES:
        return None
    from_org = _FROM_ORG.search(" ".join(words))
    if from_org:
        return from_org.group(1)
    # a person after a title or role: "Kyiv Mayor Vitali Klitschko" -> "Vitali Klitschko"
    run = 0
    for w in reversed(words):
        if w[:1].isupper() and w.lower() not in _TITLE_WORDS:
            run += 1
        else:
            break
    has_title = any(w.lower().strip(",") in _TITLE_WORDS for w in words[:len(words) - run])
    if run >= 1 and has_title:
        return " ".join(words[-min(run, 3):])
    if run >= 2 and len(words) - run >= 2:
        return " ".join(words[-2:])
    return " ".join(words)


def _source_for(sentence: str, last_person: list[str], last_source: str | None = None) -> str | None:
    match = _APPOSITIVE.search(sentence)
    if match:
        return match.group("name")
    match = _ACCORDING.search(sentence)
    if match:
        return _reduce_source(match.group("src"))
    match = _SOURCE_AFTER.search(sentence)
    if match:
        return _reduce_source(match.group("src"))
    low = lexicon.lowered(sentence)
    verbs = _SOURCE_VERB.finditer(sentence) if low is None else _SOURCE_VERB_LOWER.finditer(low)
    for match in verbs:
        before = _TRAILING_AUX.sub("", sentence[max(0, match.start() - 90):
                                                                     match.start()].rstrip())
        words = before.split()[-8:]
        if not words:
            continue
        src = " ".join(words)
        parts = _SOURCE_SPLIT.split(src)
        src = parts[-1].strip()
        low = src.lower()
        if low in _PRONOUNS:
            if low in ("he", "she") and last_person:
                return last_person[-1]
            if low in ("it", "they") and last_source:
                return last_source
            continue
        reduced = _reduce_source(src)
        if reduced:
            return reduced
    return None


def _people_named(sentence: str) -> list[str]:
    return _PERSON.findall(sentence)


# ---------------------------------------------------------------- the extractor

def _fact(article: Article, index: int, cand: Candidate, metric: str, unit: str, value: float,
          qualifier: str, location, period, source, s_start: int, s_end: int, cue,
          stated=(None, None)) -> dict:
    m = cand.mention
    text = article.text
    phrase = m.qualifier_text
    low, high = numbers.bounds(value, qualifier, phrase,
                               integer=metric not in ("temperature", "territory_seized"))
    if m.kind == "order":
        low, high = numbers.bounds(value, "order_of_magnitude")
    q_start, q_end = s_start, s_end
    if q_end - q_start > QUOTE_WIDTH:
        q_start = max(s_start, m.start - QUOTE_WIDTH // 2)
        q_end = min(s_end, q_start + QUOTE_WIDTH)
    return {
        "fact_id": f"{article.article_id}:{m.start}:{metric}",
        "article_id": article.article_id,
        "metric": metric,
        "unit": unit,
        "value": float(value),
        "qualifier": qualifier,
        "low": low,
        "high": high,
        "location": location,
        "period": period,
        "source": source,
        "sentence_id": sentence_id(article.article_id, index),
        "start": m.start,
        "end": m.end,
        "number_text": text[m.start:m.end],
        "qualifier_text": phrase,
        "cue": cue,
        "stated_value": stated[0],
        "stated_unit": stated[1],
        "quote": " ".join(text[q_start:q_end].split()),
    }


# "the city", "the region": a place named before, not the whole country
_ANAPHORIC_PLACE = re.compile(r"\b(?:the|that|this) (?:[\w-]+ ){0,2}?(?:city|town|village|region|"
                              r"oblast|province|capital|area|port)\b|\bthere\b|"
                              r"\b(?:the|that|this) (?:attack|strike|assault|raid|barrage)\b", re.I)
def _points_back(sentence: str) -> bool:
    """Say whether the sentence names its place by reference to an earlier one ("the city",
    "the attack"); "launched from the same area" names where weapons came from, not where."""
    return any(not _FROM_BEFORE.search(sentence, max(0, a.start() - 6), a.start())
               for a in _ANAPHORIC_PLACE.finditer(sentence))


_DEFAULT_LOCATION = {"launched": "Ukraine", "intercepted": "Ukraine", "territory_seized": "Ukraine"}
# between two places named together: "Kharkiv and the Odesa region", "the Odesa and Kharkiv
# regions"; after one: "the Odesa region and other regions"
_PLACES_JOINED = re.compile(r"\s*(?:regions?|oblasts?|provinces?)?\s*(?:,\s*|\s+)(?:and|as well as|&)\s+"
                            r"(?:the\s+)?(?:[\w\-]+\s+){0,2}?", re.I)
_AND_OTHERS = re.compile(r"\s*(?:region|oblast|province)?\s*,?\s+and\s+(?:in\s+)?(?:\w+\s+)?other\s+"
                         r"(?:regions|oblasts|provinces|cities|towns|areas|parts)\b", re.I)


def _several_places(doc: _Article, text: str) -> bool:
    """Say whether the sentence names the figure's target as several places joined by "and"."""
    if doc.several is None:
        doc.several = _names_several(doc, text)
    return doc.several


def _names_several(doc: _Article, text: str) -> bool:
    found = [p for p in doc.places if p.level >= 1]
    if any(_AND_OTHERS.match(text, p.end) for p in found):
        return True
    # "29 over Kherson and 13 over Zhytomyr": each number has its own place
    return any(a.name != b.name and _PLACES_JOINED.fullmatch(text, a.end, b.start) and
               not any(a.end <= m.start < b.start for m in doc.mentions)
               for a, b in zip(found, found[1:]))


_SINGULAR_NOUNS = sorted((k for k, v in lexicon.NOUNS.items()
                          if isinstance(k, str) and v in ("person", "missile", "drone")),
                         key=len, reverse=True)
_SINGULAR = re.compile(r"(?=[a])\b(?:an?|another)\s+(?:[\w'’\-]+\s+){0,5}?(?:"
                       + "|".join(map(re.escape, _SINGULAR_NOUNS)) + r")\b", re.I)
_MONTHISH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\bmonth\b")


class _Context:
    """What earlier sentences of an article said, looked up only when a fact needs it."""

    def __init__(self, article: Article, spans: list[tuple[str, int, int]]):
        self.article, self.spans = article, spans
        self._places: dict[int, list[gazetteer.Place]] = {}
        self._last_person: dict[int, str | None] = {}   # sentence -> last person named up to it

    def places(self, index: int) -> list[gazetteer.Place]:
        if index not in self._places:
            _, start, end = self.spans[index]
            self._places[index] = _shift_places(
                gazetteer.find_places(self.article.text[start:end]), start)
        return self._places[index]

    def last_places(self, index: int) -> list[gazetteer.Place]:
        """Give the places of the latest sentence before `index` that named any."""
        for i in range(index - 1, -1, -1):
            found = self.places(i)
            if found:
                return found
        return []

    def last_person(self, index: int) -> str | None:
        """Give the last person named before sentence `index`; remembered as the scan goes."""
        known = self._last_person
        for i in range(index - 1, -1, -1):
            if i in known:
                found = known[i]
                break
            _, start, end = self.spans[i]
            names = _people_named(self.article.text[start:end])
            if names:
                found = names[-1]
                break
        else:
            i, found = -1, None
        for j in range(max(i, 0), index):
            known[j] = found if j >= i else None
        return found


# "KYIV, Feb 3 (Reuters) - ", "Paris, (APP - 2nd Sep, 2024) ": where the report was filed
_DATELINE = re.compile(r"(?:[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2},[^()\n]{0,30}|[A-Z]{3,}(?: [A-Z]{3,})?\s*)"
                       r"\([^()\n]{1,100}\)\s*(?:[-–—]+\s*)?")


def extract_article(article: Article) -> list[dict]:
    """Give the facts of one article as a list of row dicts (columns of schemas.FACTS)."""
    text = article.text
    spans = sentence_spans(article)
    dateline = _DATELINE.match(text, article.body_start)
    dateline_end = dateline.end() if dateline else 0
    context = _Context(article, spans)
    rows: list[dict] = []
    pending_period: list[dict] = []
    default_period: str | None = None
    last_month: str | None = None
    last_cls: list[str] = []
    last_source: str | None = None
    last_outage: str | None = None

    for index, (section, s_start, s_end) in enumerate(spans):
        sentence = text[s_start:s_end]
        mentions = numbers.find_mentions(sentence)
        if not mentions and not _SINGULAR.search(sentence):
            if _MONTHISH.search(sentence):
                last_month = _last_month(periods.find_periods(sentence, article.published),
                                         last_month)
            continue
        doc = _Article(article, s_start, s_end, mentions, dateline_end)
        candidates = _candidates(doc, s_start, s_end, last_cls)
        sentence_rows: list[dict] = []
        source: str | None = None
        for i, cand in enumerate(candidates):
            m = cand.mention
            next_start = candidates[i + 1].mention.start if i + 1 < len(candidates) else s_end
            if m.kind == "number" and m.year_like and not (cand.cls and cand.np_end - cand.tok_end <= 2):
                continue
            made = _facts_for(doc, cand, candidates, sentence, s_start, s_end)
            if last_outage:
                made = [_outage_for_affected(fact, last_outage) for fact in made]
            if made and source is None:
                person = context.last_person(index)
                source = _source_for(sentence, [person] if person else [], last_source) or ""
                last_source = source or last_source
            for metric, unit, value, qualifier, cue, stated in made:
                # a territory figure is national unless its own clause names a region
                location = _place_for(doc, cand, s_start, s_end, next_start,
                                      clause_only=metric == "territory_seized")
                if location is not None and not doc.within_places(s_start, next_start) and \
                        _points_back(text[m.end:next_start]):
                    location = None                 # "12 drones in the area and 23 in Odesa"
                elif location is not None and metric in ("launched", "intercepted") and \
                        _several_places(doc, text):
                    location = _DEFAULT_LOCATION[metric]   # "at Kharkiv and the Odesa region"
                if location is None:
                    if metric in _DEFAULT_LOCATION and not _points_back(sentence):
                        location = _DEFAULT_LOCATION[metric]
                    else:
                        earlier = context.last_places(index)
                        location = _best(earlier, nearest_last=True).name if earlier else None
                period = _period_for(doc, cand, s_start, s_end, metric, last_month, candidates)
                if period is None and metric == "territory_seized":
                    period = last_month or ""
                row = _fact(article, index, cand, metric, unit, value, qualifier, location, period,
                            source or None, s_start, s_end, cue, stated)
                sentence_rows.append(row)
                if period is None:
                    pending_period.append(row)
        if sentence_rows and default_period is None and section == "body":
            days = [p for p in doc.periods if p.kind in ("day", "date")]
            default_period = days[0].value if days else article.published.isoformat()
        rows.extend(sentence_rows)
        if sentence_rows:
            last_outage = next((r["metric"] for r in sentence_rows
                                if r["metric"] in ("without_heating", "without_power")), None)
        if sentence_rows or _MONTHISH.search(sentence):
            last_month = _last_month(doc.periods, last_month)
    fallback = default_period or article.published.isoformat()
    for row in pending_period:
        row["period"] = fallback
    for row in rows:
        if row["period"] == "":
            row["period"] = None
    return _dedupe(rows)


_OUTAGE_UNIT = {"buildings": "buildings", "apartment_buildings": "buildings", "homes": "homes",
                "apartments": "homes"}


def _outage_for_affected(fact: tuple, outage: str) -> tuple:
    """Read "500 buildings were affected" right after an outage as that outage."""
    metric, unit, value, qualifier, cue, stated = fact
    if metric == "damaged" and cue and cue.lower() == "affected" and unit in _OUTAGE_UNIT:
        return outage, _OUTAGE_UNIT[unit], value, qualifier, cue, stated
    return fact


def _last_month(found: list[periods.Period], last_month: str | None) -> str | None:
    for p in found:
        if p.kind in ("month", "date"):
            last_month = p.value[:7]
    return last_month


def _dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        if row["fact_id"] in seen:
            continue
        seen.add(row["fact_id"])
        out.append(row)
    return out


def _facts_for(doc: _Article, cand: Candidate, candidates: list[Candidate], sentence: str,
               s_start: int, s_end: int) -> list[tuple]:
    """Give (metric, unit, value, qualifier, cue, stated) tuples for one candidate."""
    m = cand.mention
    text = doc.article.text
    unit = m.unit
    if unit == "deg":
        unit = "degC" if _TEMPERATURE_WORDS.search(sentence) else None
    if unit in ("degC", "degF", "km2", "mi2"):
        return _measure(doc, cand, candidates, unit)
    if m.kind == "article" and cand.cls is None:
        return []
    prefer_left = cand.of_total is not None
    if cand.cls in lexicon.NOUN_METRIC:                 # "seven deaths", "12 injured"
        head = text[doc.tok_starts[cand.np_end - 1]:doc.tok_ends[cand.np_end - 1]]
        return [(lexicon.NOUN_METRIC[cand.cls], "people", abs(m.value), m.qualifier, head,
                 (None, None))]
    metric, cue, cost = _choose_metric(doc, cand, s_start, s_end, prefer_left=prefer_left)
    whole = _whole_of(doc, cand, candidates)
    if whole is not None and whole.metric in _allowed_metrics(cand):
        metric, cue, cost = whole.metric, whole.cue, 0           # "..., including six children"
    if metric == "launched" and cue and cue.lower() in _LISTING_CUES and _INTERCEPTED_SUBJECT.search(
            text, max(s_start, doc.tok_starts[doc.tok_at(s_start)]), m.start):
        metric = "intercepted"                # "the missiles shot down included six Kinzhals"
    conjunct = _conjunct_of(doc, cand, candidates)
    if conjunct is not None and conjunct.metric in _allowed_metrics(cand) and (
            metric is None or cost > BOUNDARY_COST):
        metric, cue, cost = conjunct.metric, conjunct.cue, 0     # "... and five cruise missiles"
    limit = MAX_COST
    if m.kind == "article":
        limit = SINGULAR_MAX_COST if cand.cls == "person" else SINGULAR_MAX_COST + 4
    if cand.part_of is not None:
        part_metric, part_cue, _ = _choose_metric(doc, cand.part_of, s_start, s_end, prefer_left=True)
        if part_metric == "intercepted":
            metric, cue, cost = "launched", part_cue, 0
        elif part_metric in ("without_heating", "without_power", "damaged") and metric == part_metric:
            return []                   # "1,000 of the city's 12,000 blocks were without heating"
        elif metric is None or metric == "block" or cost > limit:
            metric, cue, cost = part_metric, part_cue, 0
    if metric is None or metric == "block" or cost > limit:
        return []
    if metric == "launched" and cand.of_the:
        return []                       # "one of the drones hit a roof": the launch is counted whole
    if cand.mixed and metric in ("launched", "intercepted"):
        return []                       # "158 missiles and drones": no count of either kind
    if m.kind == "article" and cand.cls == "person" and metric not in ("killed", "wounded"):
        return []                       # "a man walks during a power outage": no count
    if cand.cls is None and _WITHOUT_OTHER.match(text, m.text_end):
        return []                       # "9,500 without heating and 34,000 without water"
    cls = cand.cls or "person"
    if cand.cls is None and cand.inherited in lexicon.UNIT_FOR.get(metric, {}):
        if cost > 3:
            return []                                   # an inherited noun needs a close cue
        cls = cand.inherited
    elif cand.cls is None and cand.bare and metric not in ("killed", "wounded",
                                                           "without_heating", "without_power"):
        return []
    unit = lexicon.UNIT_FOR.get(metric, {}).get(cls)
    if unit is None:
        return []
    qualifier = m.qualifier
    if qualifier == "exact" and m.qualifier_start is None and m.kind == "number":
        qualifier = _shared_approx(doc, cand, candidates) or qualifier
    value = abs(m.value)
    cand.metric, cand.cue = metric, cue
    out = [(metric, unit, value, qualifier, cue, (None, None))]
    if m.all_ and metric == "intercepted":
        out.append(("launched", unit, value, qualifier, cue, (None, None)))
    elif metric == "launched" and cls in ("missile", "drone"):
        downed = _downed_after(doc, cand, s_end)
        if downed:
            out.append(("intercepted", unit, value, qualifier, downed, (None, None)))
    return out


_WITHOUT_OTHER = re.compile(r"\s+without\s+(?!(?:central\s+)?(?:power|electricity|heat|heating|light|"
                            r"lights|energy|hot water)\b)\w+", re.I)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among them|among whom)\s+$", re.I)
_LISTING_CUES = {"included", "includes", "including", "comprised", "consisted of"}
_INTERCEPTED_SUBJECT = re.compile(r"\b(?:shot down|downed|intercepted|destroyed)\s+(?:were\s+|"
                                  r"have\s+|had\s+)?(?:included|includes|comprised)\b", re.I)


def _whole_of(doc: _Article, cand: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """Give the count a number is part of ("killed 16 people, including six children")."""
    start = _phrase_start(cand)
    if not _INCLUDING_BEFORE.search(doc.article.text, max(doc.start, start - 16), start):
        return None
    i = candidates.index(cand)
    for prev in reversed(candidates[:i]):
        if prev.metric is not None and prev.cls == cand.cls:
            return prev
    return None


# "launched eight drones and three missiles, which were shot down": the same number twice
_DOWNED_GAP = re.compile(r"(?:\s*,?\s*(?:and|as well as|plus)\s+[^.;:,()]*?)?\s*,?\s*(?:which|that)\s+"
                         r"(?:were|was|had been|have been|has been)\s+(?:all\s+|later\s+|"
                         r"subsequently\s+|successfully\s+)?", re.I)


def _downed_after(doc: _Article, cand: Candidate, s_end: int) -> str | None:
    """Give the interception cue a relative clause hangs on the phrase, if any."""
    np_end_char = doc.tok_ends[cand.np_end - 1] if cand.np_end > cand.tok else cand.mention.end
    for c_start, c_end, metrics in doc.within(doc.cue_starts, doc.cues, np_end_char, s_end):
        if "intercepted" in metrics and metrics != ("block",):
            text = doc.article.text
            return text[c_start:c_end] if _DOWNED_GAP.fullmatch(text, np_end_char, c_start) else None
    return None


# "six Kinzhals fired from aircraft, nine Kalibrs launched from ships and three Iskanders"
_PARTICIPLE_GAP = re.compile(_MODIFIER_PARTICIPLE.pattern + r"\s+(?:the\s+)?[\w’'\- ]{1,40}?"
                             r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|or|as well as|plus|along with|and also)?\s*$", re.I)
# "21 drones over Kherson and 13 over Zhytomyr", "eight people were killed in Kyiv, and 10
# across the country": a place, then the next number without its noun
_PLACE_THEN_AND = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:in|over|across|near|around|at)\s+(?:the\s+)?"
                             r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?(?:\s+(?:region|oblast|province))?"
                             r"(?:\s+alone)?\s*,?\s*(?:and|as well as|plus)\s+$")


def _conjunct_of(doc: _Article, cand: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """Give the number this one is listed with ("11 ballistic missiles and five cruise
    missiles"), if the words between them only coordinate."""
    i = candidates.index(cand)
    while i > 0:
        prev = candidates[i - 1]
        prev_end = _phrase_end(doc, prev)
        start = _phrase_start(cand)
        if not (_COORDINATION.fullmatch(doc.article.text, prev_end, start) or cand.bare and
                _PLACE_THEN_AND.fullmatch(doc.article.text, prev_end, start) or
                _PARTICIPLE_GAP.fullmatch(doc.article.text, prev_end, start)):
            return None
        if prev.metric is not None:
            return prev
        if prev.bare:
            return None
        cand, i = prev, i - 1          # a listed count of something else: "890 guided bombs"
    return None


def _shared_approx(doc: _Article, cand: Candidate, candidates: list[Candidate]) -> str | None:
    """Give "approx" when the number is listed right after an approximate one:
    "around 120 missiles and 90 drones"."""
    i = candidates.index(cand)
    if i == 0:
        return None
    prev = candidates[i - 1]
    if prev.mention.qualifier != "approx" or prev.cls is None or prev.cls == cand.cls:
        return None
    prev_end = _phrase_end(doc, prev)
    gap = doc.article.text[prev_end:cand.mention.start]
    return "approx" if _AND_GAP.fullmatch(gap) else None


def _measure(doc: _Article, cand: Candidate, candidates: list[Candidate], unit: str) -> list[tuple]:
    """Temperatures and areas; a bracketed conversion is the same fact, kept as `stated`."""
    m = cand.mention
    text = doc.article.text
    metric = "temperature" if unit.startswith("deg") else "territory_seized"
    if metric == "territory_seized" and _TERRITORY_BLOCK.search(
            text[max(doc.start, m.start - 80):m.start]):
        return []
    canonical = "degC" if metric == "temperature" else "km2"
    i = candidates.index(cand)
    prev = candidates[i - 1].mention if i else None
    nxt = candidates[i + 1].mention if i + 1 < len(candidates) else None
    converted = unit != canonical

    def bracketed(a: numbers.Mention, b: numbers.Mention) -> bool:
        gap = text[a.text_end:b.start]
        return bool(_BRACKETED.fullmatch(gap))

    if converted:
        if prev is not None and prev.unit in (canonical, "deg") and bracketed(prev, m):
            return []                                   # the conversion of the previous fact
        if nxt is not None and nxt.unit == canonical and bracketed(m, nxt):
            return []                                   # the next number is the canonical one
        value = (m.value - 32) * 5 / 9 if unit == "degF" else m.value * 2.589988
        value = round(value, 1) if unit == "degF" else round(value)
        return [(metric, canonical, value, m.qualifier, None, (m.value, unit))]
    stated = (None, None)
    partner = nxt if nxt is not None and nxt.unit in ("degF", "mi2") and bracketed(m, nxt) else None
    if partner is None and prev is not None and prev.unit in ("degF", "mi2") and bracketed(prev, m):
        partner = prev
    if partner is not None:
        stated = (partner.value, partner.unit)
    return [(metric, canonical, m.value, m.qualifier, None, stated)]
