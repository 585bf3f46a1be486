"""What one number says: its metric, unit, value and qualifier (`Reading`), or nothing.

`readings_for` reads one candidate of a sentence: a measure (temperature, area) by its unit;
a count by the metric of its cue (`metrics.choose_metric`), corrected by the numbers it is
listed with (a whole it is part of, a conjunct it shares a verb with), then kept only if no
check of `vetoes` drops it.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..reading.vocabulary import UNIT_FOR
from . import language
from .metrics import (BOUNDARY_COST, MAX_COST, MODIFIER_PARTICIPLE, SINGULAR_MAX_COST, CueChoice,
                      allowed_metrics, choose_metric)
from .phrases import COORDINATION, Candidate, phrase_end, phrase_start
from .sentence import Sentence
from .vetoes import Case, veto_for


class Reading(NamedTuple):
    """One fact a number states, before its place, period and source are read."""

    metric: str
    unit: str
    value: float
    qualifier: str
    cue: str | None
    stated_value: float | None = None       # the same figure restated in another unit
    stated_unit: str | None = None


class Read(NamedTuple):
    """The readings of a candidate, and the cue it was read by (None for a measure)."""

    readings: list[Reading]
    choice: CueChoice | None = None


NOTHING = Read([])

_TEMPERATURE_WORDS = re.compile(r"temperature|frost|cold|warm|freez|celsius|weather|thermometer|"
                                r"mercury|heat wave|chill", re.I)
_TERRITORY_BLOCK = re.compile(r"\b(?:liberat|retook|retaken|recaptur|regain|reclaim|counteroffensive|"
                              r"area of|total area|size of|an area)\w*", re.I)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among them|among whom)\s+$", re.I)
_LISTING_CUES = {"included", "includes", "including", "comprised", "consisted of"}
_INTERCEPTED_SUBJECT = re.compile(r"\b(?:shot down|downed|intercepted|destroyed)\s+(?:were\s+|"
                                  r"have\s+|had\s+)?(?:included|includes|comprised)\b", re.I)
_NO_UNITS: dict[str, str] = {}
_TOTAL_OF = re.compile(r"\b(?:a\s+)?total\s+of\s+$|\btotal:\s*$", re.I)
_STOCK_METRICS = ("without_heating", "without_power", "damaged")


def readings_for(doc: Sentence, cand: Candidate, candidates: list[Candidate],
                 decided: dict[int, CueChoice], sentence: str, s_start: int, s_end: int) -> Read:
    """Give the readings of one candidate; `decided` holds the cues of the sentence's earlier
    candidates that became facts, by candidate index."""
    m = cand.mention
    text = doc.text
    unit = m.unit
    if unit == "deg":
        # "minus 12 degrees" is a temperature whatever the sentence says around it
        unit = "degC" if m.value < 0 or _TEMPERATURE_WORDS.search(sentence) else None
    if unit in ("degC", "degF", "km2", "mi2"):
        return Read(_measure(doc, cand, candidates, unit))
    if cand.cls in language.NOUN_METRIC:                 # "seven deaths", "12 injured"
        head = text[doc.tok_starts[cand.np_end - 1]:doc.tok_ends[cand.np_end - 1]]
        metric = language.NOUN_METRIC[cand.cls]
        return Read([Reading(metric, "people", abs(m.value), m.qualifier, head)],
                    CueChoice(metric, head, 0))   # a whole its parts count in: "19 injured, including"
    choice = choose_metric(doc, cand, s_start, s_end, prefer_left=cand.of_total is not None)
    metric, cue, cost = choice
    if metric == "launched" and cand.of_total is not None:
        downed = next((text[a:b] for a, b, found in doc.within_cues(
            phrase_end(doc, cand.of_total), s_end) if "intercepted" in found), None)
        if downed:                    # "25 missiles of 38 fired were shot down": the part fell
            metric, cue, cost = "intercepted", downed, 0
    if metric is None and cand.cls in ("missile", "drone") and not doc.cues:
        total = _TOTAL_OF.search(text, max(s_start, m.start - 16), m.start)
        if total is not None:            # a line of a launch report: "A total of 35 drones."
            metric, cue, cost = "launched", total.group(0).strip(), 0
    whole = _whole_of(doc, cand, candidates, decided)
    if whole is not None and whole.metric in allowed_metrics(cand):
        metric, cue, cost = whole.metric, whole.cue, 0           # "..., including six children"
    if metric == "launched" and cue and cue.lower() in _LISTING_CUES and _INTERCEPTED_SUBJECT.search(
            text, max(s_start, doc.tok_starts[doc.tok_at(s_start)]), m.start):
        metric = "intercepted"                # "the missiles shot down included six Kinzhals"
    if metric == "intercepted" and _OUT_OF_BEFORE.search(text, max(s_start, m.start - 24), m.start) \
            and any(d.metric == "intercepted" for d in decided.values()):
        metric = "launched"                   # "eight were shot down out of 11 launched"
    conjunct = _conjunct_of(doc, cand, candidates, decided)
    own = _OWN_PASSIVE.match(text, phrase_end(doc, cand))
    verb = next((c for c in doc.within_cues(own.end(), own.end() + 1)), None) if own else None
    if verb is not None and verb.metrics[0] in allowed_metrics(cand):
        # "7 people died and 11 people, including a child, were injured": its own verb
        metric, cue, cost, conjunct = verb.metrics[0], text[verb.start:verb.end], 0, None
    if conjunct is not None and conjunct.metric in allowed_metrics(cand) and (
            metric is None or cost > BOUNDARY_COST or cand.bare and metric == conjunct.metric or
            cand.of_total is not None and metric == "launched" and conjunct.metric == "intercepted"):
        # "shot down 718 of 728 drones and seven of 13 missiles launched": the launch
        # participle is the whole's; the part is shot down like the part before it; "40,000
        # customers were without power, 20,000 in Odesa": a listed count is its list's
        metric, cue, cost = conjunct.metric, conjunct.cue, 0     # "... and five cruise missiles"
    limit = MAX_COST
    if m.kind == "article":
        limit = SINGULAR_MAX_COST if cand.cls == "person" else SINGULAR_MAX_COST + 4
    if (metric is None or cost > limit) and cand.cls is not None:
        listed = _verb_after_list(doc, cand, s_end)
        if listed is not None and listed[0] in allowed_metrics(cand):
            metric, cue, cost = listed[0], listed[1], 0   # "5 high-rises, 2 houses, ... were damaged"
    stock_part = False
    if cand.part_of is not None:
        part_metric, part_cue, _ = choose_metric(doc, cand.part_of, s_start, s_end, prefer_left=True)
        if part_metric == "intercepted":
            metric, cue, cost = "launched", part_cue, 0
        elif part_metric in _STOCK_METRICS and metric == part_metric:
            stock_part = True
        elif metric is None or metric == "block" or cost > limit:
            metric, cue, cost = part_metric, part_cue, 0
    units = UNIT_FOR.get(metric, _NO_UNITS)
    inherits = cand.cls is None and cand.inherited in units
    cls = cand.inherited if inherits else cand.cls or "person"
    case = Case(doc, cand, metric, cost, limit, inherits, units.get(cls), stock_part)
    if veto_for(case) is not None:
        return NOTHING
    qualifier = m.qualifier
    if qualifier == "exact" and m.qualifier_start is None and m.kind == "number":
        qualifier = _shared_approx(doc, cand, candidates) or qualifier
    value = abs(m.value)
    out = [Reading(metric, case.unit, value, qualifier, cue)]
    if metric in _STOCK_METRICS[:2]:
        both = _BOTH_OUTAGES.search(text, m.text_end, min(s_end, m.text_end + 60))
        if both:                 # "500 buildings without heat and electricity": two facts
            other = _STOCK_METRICS[1] if metric == _STOCK_METRICS[0] else _STOCK_METRICS[0]
            out.append(Reading(other, case.unit, value, qualifier, both.group(0)))
    if m.all_ and metric == "intercepted":
        out.append(Reading("launched", case.unit, value, qualifier, cue))
    elif metric == "launched" and cls in ("missile", "drone"):
        downed = _downed_after(doc, cand, s_end)
        if downed:
            out.append(Reading("intercepted", case.unit, value, qualifier, downed))
    return Read(out, CueChoice(metric, cue, cost))


# the rest of a list of counted things, then its passive verb: "2 private houses, 3 schools,
# a market and a hotel were damaged"
_LIST_END = re.compile(r"\s(?:were|was|have\s+been|had\s+been|has\s+been)\s+"
                       r"(?:(?:also|partially|completely|badly|all)\s+)?$", re.I)
_NOT_IN_LIST = re.compile(r"[;:.()]")


def _verb_after_list(doc: Sentence, cand: Candidate, s_end: int) -> tuple[str, str] | None:
    """Give (metric, cue) of the passive verb that ends the list the candidate opens or is
    in, when nothing but listed things (commas, "and", no verb) lies between them."""
    end = phrase_end(doc, cand)
    after = doc.within_cues(end, s_end)
    if not after:
        return None
    start, stop, found = after[0]
    gap = doc.text[end:start]
    if found == ("block",) or len(gap) > 400 or _NOT_IN_LIST.search(gap) or \
            ("," not in gap and " and " not in gap) or not _LIST_END.search(gap, max(0, len(gap) - 40)):
        return None
    return found[-1] if "damaged" in found else found[0], doc.text[start:stop]


# a count's own passive verb, past an aside: "11 people, including a child, were injured"
_OWN_PASSIVE = re.compile(r"\s*,\s*(?:including|among them)\b[^,;.]{0,60},\s*(?:were|was|are|is|have been|"
                          r"has been|had been)\s+", re.I)
_OUT_OF_BEFORE = re.compile(r"\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?$", re.I)

_BOTH_OUTAGES = re.compile(r"\bwithout\s+(?:central\s+)?(?:heat(?:ing)?|electricity|power)(?:\s+supply)?\s+"
                           r"(?:and|or|&)\s+(?:heat(?:ing)?|electricity|power)\b", re.I)


def _whole_of(doc: Sentence, cand: Candidate, candidates: list[Candidate],
              decided: dict[int, CueChoice]) -> CueChoice | None:
    """Give the cue of the count a number is part of ("killed 16 people, including six
    children")."""
    start = phrase_start(cand)
    if not _INCLUDING_BEFORE.search(doc.text, max(doc.start, start - 16), start):
        return None
    for prev in reversed(candidates[:cand.index]):
        if prev.index in decided and (prev.cls == cand.cls or cand.cls == "person" and
                                      (prev.cls is None or prev.cls in language.NOUN_METRIC) and
                                      decided[prev.index].metric in ("killed", "wounded")):
            return decided[prev.index]     # "wounding 20, including a child": 20 people
    return None


# "launched eight drones and three missiles, which were shot down": the same number twice
_DOWNED_GAP = re.compile(r"(?:\s+to\s+[a-z]+[^.;:,()]*?)?(?:\s+(?:at|on|over|against|towards?|into)\s+[^.;:,()]*?)?"
                         r"(?:\s*,?\s*(?:and|as well as|plus)\s+[^.;:,()]*?)?\s*,?\s*(?:(?:all|both)\s+of\s+(?:which|them)|which|that)\s+"
                         r"(?:were|was|had been|have been|has been)\s+(?:all\s+|later\s+|"
                         r"subsequently\s+|successfully\s+)?", re.I)


def _downed_after(doc: Sentence, cand: Candidate, s_end: int) -> str | None:
    """Give the interception cue a relative clause hangs on the phrase, if any."""
    np_end_char = doc.tok_ends[cand.np_end - 1] if cand.np_end > cand.tok else cand.mention.end
    for c_start, c_end, metrics in doc.within_cues(np_end_char, s_end):
        if "intercepted" in metrics and metrics != ("block",):
            text = doc.text
            return text[c_start:c_end] if _DOWNED_GAP.fullmatch(text, np_end_char, c_start) else None
    return None


# "six Kinzhals fired from aircraft, nine Kalibrs launched from ships and three Iskanders"
_PARTICIPLE_GAP = re.compile(MODIFIER_PARTICIPLE.pattern + r"\s+(?:the\s+)?[\w’'\- ]{1,40}?"
                             r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
# "21 drones over Kherson and 13 over Zhytomyr", "eight people were killed in Kyiv, and 10
# across the country": a place, then the next number without its noun
_PLACE_PREPOSITION = r"\s+(?:in|over|above|across|near|around|at)\s+"
_NOUN_BRACKET = r"(?:\s*\([^()\d]{1,30}\))?"          # "13 unmanned aerial vehicles (UAVs)"
_PLACE_THEN_AND = re.compile(_NOUN_BRACKET + r"(?:\s+[–—-])?(?:\s+[a-z]+){0,3}?" + _PLACE_PREPOSITION + r"(?:the\s+)?"
                             r"(?:(?:territory|waters|area)\s+of\s+(?:the\s+)?)?"
                             r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?(?:\s+(?:region|oblast|province))?"
                             r"(?:\s+alone)?\s*,?\s*(?:and|as well as|plus)\s+(?:another\s+)?$")
# "shot down six missiles in Kyiv Oblast, five in the northern Zhytomyr Oblast": a list of
# places, each with its count, the noun said once (the count must name its own place)
_PLACE_THEN_COMMA = re.compile(_NOUN_BRACKET + r"(?:\s+[\w’'\-–—]+){0,8}?" + _PLACE_PREPOSITION +
                               r"[\w’'\-]+(?:\s+[\w’'\-]+){0,6}?(?:\s*,\s*[^,;.:\d]{1,50}?)?"
                               r"(?:\s*\([^()]{1,80}\))?\s*,\s*(?:and\s+)?(?:another\s+)?")
# "shot down eight drones during the night: seven in the Odesa region and one in ...": the
# breakdown after a colon, each count with its own place
_COLON_BREAKDOWN = re.compile(r"[^.;:\d]{0,60}:\s*")
# "460 of the drones, as well as 19 of the 20 missiles": a part after a part of a group
_OF_THE_GAP = re.compile(r"\s+of\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s*,?\s*(?:and|or|as well as|plus)\s+")
_OWN_PLACE = re.compile(r"(?:\s+more|\s+each|\s+[–—-])?" + _PLACE_PREPOSITION, re.I)


# "launched 598 drones overnight, including Shahed attack drones and decoys, as well as 31
# missiles": a list whose first item has an aside
_ASIDE_GAP = re.compile(r"(?:\s+(?:overnight|today|yesterday|on\s+\w+))?\s*,\s*(?:including|among\s+them|"
                        r"mostly|mainly)\b[^,;.]*,\s*(?:and|as\s+well\s+as|plus)\s+", re.I)

# "Belgorod (four drones), Voronezh (four drones) and Kursk (one drone)": each place's count
_NEXT_PLACE_COUNT = re.compile(r"\s*\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w’'\-]*"
                               r"(?:\s+[A-Z][\w’'\-]*)?\s*\(\s*")
# the rest of a list's line, then the next item: "- 2 Iskander-M missiles (from Crimea);\n- 4 ..."
_NEXT_ITEM = re.compile(r"[^\n.]{0,160}\n\s*[-•–—*]\s*")
# "three missiles from S-300 systems in the Donetsk region, as well as a Kh-31 missile"
_ORIGIN_GAP = re.compile(r"\s+from\s+[^;:.()]{1,100}?\s*,?\s*(?:and|as\s+well\s+as|plus)\s+", re.I)


def _conjunct_of(doc: Sentence, cand: Candidate, candidates: list[Candidate],
                 decided: dict[int, CueChoice]) -> CueChoice | None:
    """Give the cue of the number this one is listed with ("11 ballistic missiles and five
    cruise missiles"), if the words between them only coordinate."""
    i = cand.index
    while i > 0:
        start = phrase_start(cand)
        while i > 1 and candidates[i - 1].mention.year_like and \
                _inside_closed_aside(doc.text, candidates[i - 1].mention.start, start):
            i -= 1                    # "20 over Crimea (annexed in 2014), 17 over Krasnodar"
        prev = candidates[i - 1]
        prev_end = phrase_end(doc, prev)
        # a count with its own noun lists on when it counts what the one before did
        own_noun = cand.cls is not None and cand.cls == (prev.cls or prev.inherited)
        if not (COORDINATION.fullmatch(doc.text, prev_end, start) or (cand.bare or own_noun) and
                (_PLACE_THEN_AND.fullmatch(doc.text, prev_end, start) or
                 (_PLACE_THEN_COMMA.fullmatch(doc.text, prev_end, start) or
                  _COLON_BREAKDOWN.fullmatch(doc.text, prev_end, start)) and
                 _OWN_PLACE.match(doc.text, phrase_end(doc, cand) if own_noun
                                  else cand.mention.text_end)) or
                prev.of_the and _OF_THE_GAP.fullmatch(doc.text, prev_end, start) or
                _PARTICIPLE_GAP.fullmatch(doc.text, prev_end, start) or
                _ORIGIN_GAP.fullmatch(doc.text, prev_end, start) or
                _NEXT_ITEM.fullmatch(doc.text, prev_end, start) or
                _NEXT_PLACE_COUNT.fullmatch(doc.text, prev_end, start) or
                _ASIDE_GAP.fullmatch(doc.text, prev_end, start)):
            return None
        if prev.part_of is not None and (cand.of_total is not None or
                                         prev.part_of.index in decided and
                                         decided[prev.part_of.index].metric == "intercepted"):
            # "12 of 14 drones and 3 of 5 missiles": part with part; "shot down 24 out of
            # 38 drones and one Kh-59 missile": the verb's, not the total's
            prev = prev.part_of
        if prev.index in decided:
            return decided[prev.index]
        if prev.bare:
            return None
        cand, i = prev, prev.index     # a listed count of something else: "890 guided bombs"
    return None


def _inside_closed_aside(text: str, pos: int, stop: int) -> bool:
    """Say whether `pos` lies within brackets that close before `stop`."""
    opened = text.rfind("(", max(0, pos - 80), pos)
    return opened != -1 and text.find(")", opened, pos) == -1 and text.find(")", pos, stop) != -1


_AND_GAP = re.compile(r"\s+and\s+")


def _shared_approx(doc: Sentence, cand: Candidate, candidates: list[Candidate]) -> str | None:
    """Give "approx" when the number is listed right after an approximate one:
    "around 120 missiles and 90 drones"."""
    i = cand.index
    if i == 0:
        return None
    prev = candidates[i - 1]
    if prev.mention.qualifier != "approx" or prev.cls is None or prev.cls == cand.cls:
        return None
    prev_end = phrase_end(doc, prev)
    gap = doc.text[prev_end:cand.mention.start]
    return "approx" if _AND_GAP.fullmatch(gap) else None


_BRACKETED = re.compile(r"\s*[(\[,]\s*(?:or\s+|about\s+|some\s+|nearly\s+|around\s+)?")


def _measure(doc: Sentence, cand: Candidate, candidates: list[Candidate], unit: str) -> list[Reading]:
    """Temperatures and areas; a bracketed conversion is the same fact, kept as `stated`."""
    m = cand.mention
    text = doc.text
    if m.kind == "order":
        return []                                       # "dozens of degrees": no reading
    metric = "temperature" if unit.startswith("deg") else "territory_seized"
    if metric == "territory_seized" and _TERRITORY_BLOCK.search(
            text[max(doc.start, m.start - 80):m.start]):
        return []                                       # land retaken, or an area's size
    canonical = "degC" if metric == "temperature" else "km2"
    i = cand.index
    prev = candidates[i - 1].mention if i else None
    nxt = candidates[i + 1].mention if i + 1 < len(candidates) else None
    converted = unit != canonical

    def bracketed(a, b) -> bool:        # b restates a in brackets: "-13C (9F)"
        gap = text[a.text_end:b.start]
        return bool(_BRACKETED.fullmatch(gap))

    if converted:
        if prev is not None and prev.unit in (canonical, "deg") and bracketed(prev, m):
            return []                                   # the conversion of the previous fact
        if nxt is not None and nxt.unit == canonical and bracketed(m, nxt):
            return []                                   # the next number is the canonical one
        value = (m.value - 32) * 5 / 9 if unit == "degF" else m.value * 2.589988
        value = round(value, 1) if unit == "degF" else round(value)
        return [Reading(metric, canonical, value, m.qualifier, None, m.value, unit)]
    partner = nxt if nxt is not None and nxt.unit in ("degF", "mi2") and bracketed(m, nxt) else None
    if partner is None and prev is not None and prev.unit in ("degF", "mi2") and bracketed(prev, m):
        partner = prev
    if partner is not None:
        return [Reading(metric, canonical, m.value, m.qualifier, None, partner.value, partner.unit)]
    return [Reading(metric, canonical, m.value, m.qualifier, None)]


_OUTAGE_UNIT = {"buildings": "buildings", "apartment_buildings": "buildings", "homes": "homes",
                "apartments": "homes"}


def outage_for_affected(reading: Reading, outage: str) -> Reading:
    """Read "500 buildings were affected" right after an outage as that outage."""
    if reading.metric == "damaged" and reading.cue and reading.cue.lower() == "affected" and \
            reading.unit in _OUTAGE_UNIT:
        return reading._replace(metric=outage, unit=_OUTAGE_UNIT[reading.unit])
    return reading
