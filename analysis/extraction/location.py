"""Where a figure happened: the place named in its clause or sentence, the country for a
nationwide launch, interception or territory figure, else the place named before."""
from __future__ import annotations

import re
from typing import Callable

from . import places
from .phrases import FROM_BEFORE, Candidate, clause_bounds, phrase_end
from .sentence import Sentence

# figures that are national unless a place of their own is named
DEFAULT_LOCATION = {"launched": places.COUNTRY, "intercepted": places.COUNTRY,
                    "territory_seized": places.COUNTRY}

_PLACE_PREDICATE = re.compile(r"\s*,?\s*(?:are|is|were|was|lie|lies|lay)\s+(?:mostly\s+|mainly\s+)?"
                              r"in\s+(?:[\w-]+\s+){0,4}?", re.I)
# "the city", "the region": a place named before, not the whole country
_ANAPHORIC_PLACE = re.compile(r"\b(?:the|that|this) (?:(?-i:[a-z])[\w-]* ){0,2}?(?:city|town|village|region|"
                              r"oblast|province|capital|area|port)\b(?!\s+of\b)|\bthere\b|"
                              r"\b(?:the|that|this) (?:attack|strike|assault|raid|barrage)\b", re.I)
# "27 drones were downed over the region": the air over the region named last
_OVER_THE_REGION = re.compile(r"\b(?:over|across|above) the (?:region|oblast|province)\b"
                              r"(?!['’]s|\s+of\b)", re.I)
# between two places named together: "Kharkiv and the Odesa region", "the Odesa and Kharkiv
# regions"; after one: "the Odesa region and other regions"
_PLACES_JOINED = re.compile(r"\s*(?:regions?|oblasts?|provinces?)?\s*(?:(?:,\s*|\s+)(?:and|as well as|&)\s+"
                            r"(?:the\s+)?(?:[\w\-]+\s+){0,2}?|,\s*(?:the\s+)?(?:(?:city|town|village|port)\s+of\s+)?)", re.I)
_AND_OTHERS = re.compile(r"\s*(?:region|oblast|province)?\s*,?\s+and\s+(?:in\s+)?(?:\w+\s+)?other\s+"
                         r"(?:regions|oblasts|provinces|cities|towns|areas|parts)\b", re.I)


# between two counts of one list: "530 drones and around a dozen missiles"
_LISTED = re.compile(r"\s*,?\s*(?:and|or|as well as|plus)\s+(?:(?:around|about|some|nearly|almost|"
                     r"up\s+to|more\s+than|over|at\s+least|another)\s+)?", re.I)
_BOUNDARY = re.compile(r"[,;:()—–]|\b(?:which|that|who|while|after|before|as)\b")


_CONVERTED = re.compile(r"\s*\([^()]{1,40}\)")
_OF_THE_COUNTRY = re.compile(r"\s+(?:of|across|in|throughout)\s+(?:the\s+country|Ukraine)\b", re.I)
_SPREAD = re.compile(r"(?:\s*,)?\s*\b(?:mostly|mainly|largely|chiefly|most of them|the majority)\b", re.I)
_COUNTRYS = re.compile(r"\bUkraine['’]s\s+(?:[\w\-]+\s+){0,3}?(?:regions|oblasts|provinces|cities)\b|"
                       r"\bUkraine['’]s\s+(?-i:[A-Z])\w+(?:,| and)", re.I)
_OWN_PLACE_AFTER = re.compile(r"(\s+each)?\s+(?:over|above|in)\s+(?:the\s+)?", re.I)
_BREAKDOWN = re.compile(r"[—–:]|\s-\s")
_INCLUDING_NUMBER = re.compile(r"\b(?:including|among them|of them)\s+$", re.I)
_PART_NUMBER = re.compile(r"\s+(?:of\s+(?:them|which|whom|those)|(?:\w+\s+){0,2}?of\s+which)\b", re.I)


# ", the State Emergency Service in the Odesa region reports.": who said it, and where they
# sit, which is a place for the figure only when the sentence names no other
_TRAILING_ATTRIBUTION = re.compile(r",\s+(?:the\s+|a\s+)?[^,;\d]{0,120}?\b(?:said|says|reported|reports|"
                                   r"informs|announced|stated|wrote)\b[^,;\d]*$")


def best_place(found: list[places.Place], nearest_last: bool) -> places.Place | None:
    """Give the most specific of the places (a town over a region over the country), the
    last or the first of them."""
    if not found:
        return None
    top = max(p.level for p in found)
    chosen = [p for p in found if p.level == top]
    return chosen[-1] if nearest_last else chosen[0]


def place_in_sentence(doc: Sentence, cand: Candidate, s_start: int, s_end: int,
                      next_start: int, clause_only: bool = False) -> str | None:
    """Give the place the sentence names for the candidate: after it in its clause, before it
    in its clause, then (unless `clause_only`) anywhere in the sentence; or None."""
    m = cand.mention
    opened = doc.text.rfind("(", max(s_start, m.start - 3), m.start)
    if opened >= 0 and not doc.text[opened + 1:m.start].strip():
        # "Bryansk (18 drones)": the place the count is of
        named = [p for p in doc.places if p.end <= opened and not doc.text[p.end:opened].strip()]
        if named:
            return named[-1].name
    after_np = phrase_end(doc, cand)
    c_left, c_right = clause_bounds(doc, cand, s_start, s_end, next_start)
    right = doc.within_places(after_np, c_right)
    if right:
        return right[0].name
    aside = _CONVERTED.match(doc.text, after_np)
    if aside is not None:            # "advanced 33 square kilometers (12.7 square miles) near X"
        ahead = doc.within_places(aside.end(), min(s_end, aside.end() + 60))
        if ahead and not _BOUNDARY.search(doc.text, aside.end(), ahead[0].start):
            return ahead[0].name
    if next_start < s_end and _LISTED.fullmatch(doc.text, after_np, next_start):
        # "530 drones and around a dozen missiles on Kyiv": the list shares its place
        stop = min([s_end] + [x.start for x in doc.mentions if x.start > next_start])
        shared = doc.within_places(next_start, stop)
        if shared and not _BOUNDARY.search(doc.text, next_start, shared[0].start):
            return shared[0].name
    left = doc.within_places(c_left, m.start)
    if left:
        return best_place(left, nearest_last=True).name
    if clause_only:
        beyond = doc.within_places(after_np, min(s_end, next_start))
        if beyond and _PLACE_PREDICATE.fullmatch(doc.text, after_np, beyond[0].start):
            return beyond[0].name             # "155 square kilometers, are in the region of X"
        return None
    attribution = _TRAILING_ATTRIBUTION.search(doc.text, after_np, s_end)
    said_at = attribution.start() if attribution else s_end
    beyond = _places_to_semicolon(doc, after_np, min(said_at, next_start))
    if beyond:
        return beyond[0].name
    before = doc.within_places(s_start, m.start)
    if before:
        return best_place(before, nearest_last=True).name
    rest = _places_to_semicolon(doc, after_np, s_end)
    if not rest:
        return None
    first_part = next((x for x in doc.mentions if after_np <= x.start < rest[0].start), None)
    if first_part is not None and _BREAKDOWN.search(doc.text, after_np, first_part.start) and \
            len({p.name for p in rest}) >= 2:
        return places.COUNTRY  # "11 victims so far — five killed in Lviv, four in Kherson"
    if not any(after_np <= x.start < rest[0].start and (
            _PART_NUMBER.match(doc.text, x.end) or
            _INCLUDING_NUMBER.search(doc.text, max(doc.start, x.start - 16), x.start) or
            _BREAKDOWN.search(doc.text, after_np, x.start))
            for x in doc.mentions):
        return rest[0].name    # not a place a part names: "47, 20 of them in Kyiv"
    return None


def _places_to_semicolon(doc: Sentence, start: int, stop: int) -> list[places.Place]:
    """Give the places that start in [start, stop) before any semicolon there: "Kursk, where
    34 drones were downed; Oryol with 30" (past the semicolon is the next item's)."""
    semicolon = doc.text.find(";", start, stop)
    return doc.within_places(start, stop if semicolon == -1 else semicolon)


def points_back(sentence: str) -> bool:
    """Say whether the sentence names its place by reference to an earlier one ("the city",
    "the attack"); "launched from the same area" names where weapons came from, not where."""
    return any(not FROM_BEFORE.search(sentence, max(0, a.start() - 6), a.start())
               for a in _ANAPHORIC_PLACE.finditer(sentence))


def several_places(doc: Sentence) -> bool:
    """Say whether the sentence names the figure's target as several places joined by "and"."""
    if doc.several is None:
        doc.several = _names_several(doc)
    return doc.several


def _names_several(doc: Sentence) -> bool:
    """Say whether two different places of the sentence are joined by "and" with no number
    between them, or one is followed by "and other regions"."""
    text = doc.text
    found = [p for p in doc.places if p.level >= 1]
    if any(_AND_OTHERS.match(text, p.end) for p in found):
        return True
    # "29 over Kherson and 13 over Zhytomyr": each number has its own place
    return any(a.name != b.name and _PLACES_JOINED.fullmatch(text, a.end, b.start) and
               not any(a.end <= m.start < b.start for m in doc.mentions)
               for a, b in zip(found, found[1:]))


# "95 Ukrainian drones", "drones of Ukraine's armed forces": Ukraine's weapons, so the
# figure is Russia's air defence over Russia
_UKRAINES_WEAPONS = re.compile(r"\bUkrain(?:ian|e['’]s)\b")


# weapons that hit something hit somewhere: "three missiles hit an office building"
_STRUCK = re.compile(r"hit|hits|hitting|struck|strikes|striking|slammed|(?:made it|got|broke) past|"
                     r"evaded", re.I)


_RUSSIAN = {"Russia", *places.RUSSIA}
_RUSSIAN_CAUSE = re.compile(r"\bRussian\s+(?:[\w\-]+\s+){0,2}?(?:strikes?|attacks?|missiles?|drones?|"
                            r"shelling|bombs?|bombing|barrage)\b")


# "In the Pokrovsk direction, their gain was 5 square kilometers", "towards Dobropillia,
# Russia captured 13.5": ground taken on a front is that front's town
_DIRECTION = re.compile(r"\b(?i:in|on|along)\s+the\s+(?P<place>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)\s+"
                        r"(?:direction|axis|sector|front)\b|\b(?i:towards?|near|around)\s+(?P<town>[A-Z][\w’'\-]+)")


def _direction(doc: Sentence, start: int, end: int) -> str | None:
    """Give the town of the front a sentence names before a territory figure, if any."""
    for match in _DIRECTION.finditer(doc.text, start, end):
        at = match.start("place") if match.group("place") else match.start("town")
        named = [p for p in doc.places if p.start == at and p.level > 0]
        if named:
            return named[0].name
    return None


# "launched a missile attack on Odesa", "had attacked Lviv with Kalibr missiles": the one
# place an attack was aimed at
_ATTACK_ON = re.compile(r"\b(?:(?:attacks?|strikes?|assault|raid|barrage)\s+(?:on|against)|"
                        r"attacked|targeted|struck|(?:launched|fired)\s+(?:\w+\s+){0,4}?(?:at|on|against))"
                        r"\s+(?:the\s+)?(?:(?:city|port|town)\s+of\s+)?$", re.I)


def attack_target(sentence: str, named: list[places.Place], start: int) -> str | None:
    """Give the one place of Ukraine the sentence says an attack was aimed at ("a missile
    attack on Odesa"), or None; `named` are its places, at offsets from `start`."""
    own = [p for p in named if p.level > 0 and p.name not in _RUSSIAN]
    if len({p.name for p in own}) != 1:
        return None
    at = own[0].start - start
    return own[0].name if _ATTACK_ON.search(sentence, max(0, at - 60), at) else None


def location_for(doc: Sentence, cand: Candidate, metric: str, sentence: str, s_start: int,
                 s_end: int, next_start: int,
                 earlier: Callable[..., list[places.Place]], cue: str | None = None,
                 national: bool = False, target: str | None = None) -> str | None:
    """Give the canonical place of a figure (see `_location`); Ukraine's weapons counted
    nationwide were counted over Russia ("41 Ukrainian drones: 17 over Bryansk, ...")."""
    location = _location(doc, cand, metric, sentence, s_start, s_end, next_start, earlier,
                         cue, national, target)
    if location == places.COUNTRY and metric in ("launched", "intercepted") and \
            _UKRAINES_WEAPONS.search(doc.text, cand.mention.end, phrase_end(doc, cand)):
        return "Russia"
    return location


def _location(doc: Sentence, cand: Candidate, metric: str, sentence: str, s_start: int,
              s_end: int, next_start: int,
              earlier: Callable[..., list[places.Place]], cue: str | None = None,
              national: bool = False, target: str | None = None) -> str | None:
    """Give the canonical place of a figure; `earlier` gives the places of the latest sentence
    before that named any (asked only when the sentence names none for it). A launch read
    from a verb of striking (`cue`) took place where the story is, not nationwide; a figure
    a national source gives (`national`) with no place of its own is the country's, unless
    the article has just named the one place the attack was aimed at (`target`)."""
    # a territory figure is national unless its own clause names a region
    location = place_in_sentence(doc, cand, s_start, s_end, next_start,
                                 clause_only=metric == "territory_seized")
    if location is None and metric == "territory_seized":
        location = _direction(doc, s_start, cand.mention.start)
    if location is not None and not doc.within_places(s_start, next_start) and \
            points_back(doc.text[cand.mention.end:next_start]):
        location = None                 # "12 drones in the area and 23 in Odesa"
    elif location is not None and metric in ("killed", "wounded") and several_places(doc) and (
            len({p.name for p in doc.places if p.level > 0}) > 2 or _COUNTRYS.search(sentence)):
        return places.COUNTRY     # "attacks on Ukraine's Kherson, Donetsk, and Kharkiv oblasts"
    elif location is not None and metric in ("launched", "intercepted") and several_places(doc):
        # "over the Belgorod and Kursk regions" is Russia's; a national count spread over
        # places ("mostly in Odesa and Kyiv", "over Ukraine's regions of Odesa and Mykolaiv")
        # is the country's; a count for two regions ("attacked the Kharkiv and Zaporizhzhia
        # regions with 35 missiles") is neither one's nor the country's: no place
        own_clause = doc.within_places(phrase_end(doc, cand), next_start)
        if own_clause and own_clause[0].name == location and not _joined(doc, location) and \
                not _SPREAD.search(sentence):
            return location     # "12 over Voronezh, ..., three each in Lipetsk and Kursk": its own
        own = _OWN_PLACE_AFTER.match(doc.text, phrase_end(doc, cand))
        named = [p for p in doc.places if own and p.start == own.end() and p.name == location]
        if named and (own.group(1) or not any(q.start > named[0].end and _PLACES_JOINED.fullmatch(
                doc.text, named[0].end, q.start) for q in doc.places)):
            # "30 over Kursk, 18 over Saratov", not "over Kursk and Orel"; "eight each over
            # Voronezh and Saratov" is eight over the first of them (and, by each_of, the rest)
            return location
        if location in places.RUSSIA:
            return "Russia"
        named = {p.name for p in doc.places if p.level > 0}
        if len(named) > 2 or _SPREAD.search(sentence) or any(p.level == 0 for p in doc.places) \
                or _COUNTRYS.search(sentence):
            return places.COUNTRY
        others = next((o for o in map(lambda p: _AND_OTHERS.match(doc.text, p.end), doc.places)
                       if o is not None), None)
        if others is not None:
            # "the Kyiv region and other regions of the country" is national; "the Odesa
            # region and other areas in the south" is mostly Odesa's
            return places.COUNTRY if _OF_THE_COUNTRY.match(doc.text, others.end()) else location
        return None
    if metric in ("launched", "intercepted") and _UKRAINES_WEAPONS.search(
            doc.text, cand.mention.end, phrase_end(doc, cand)) and (
            location in (None, places.COUNTRY) or _SPREAD.match(doc.text, phrase_end(doc, cand))):
        return "Russia"        # Russia's count of Ukraine's drones, "mostly over Crimea" too
    if location is None:
        if doc.points_back is None:
            doc.points_back = points_back(sentence)
        struck = metric == "launched" and cue is not None and _STRUCK.fullmatch(cue)
        if target is not None and metric in ("launched", "intercepted") and not doc.points_back:
            location = target             # "the attack on Odesa ... 19 missiles"
        elif metric in DEFAULT_LOCATION and not doc.points_back and not struck:
            location = DEFAULT_LOCATION[metric]
        elif national and not doc.points_back and not struck:
            location = places.COUNTRY     # "Ukrainian authorities said five were killed"
        else:
            regions = [p for p in earlier(1) if p.level == 1 and p.name not in _RUSSIAN] \
                if metric in ("launched", "intercepted") and _OVER_THE_REGION.search(sentence) else []
            found = regions or earlier()
            location = regions[-1].name if regions else \
                best_place(found, nearest_last=True).name if found else None
            if (location is None or location in _RUSSIAN) and _RUSSIAN_CAUSE.search(sentence):
                location = places.COUNTRY   # Russia's strikes hit Ukraine, not the place before
    return location


def _joined(doc: Sentence, name: str) -> bool:
    """Say whether the sentence names the place `name` joined with another ("the Belgorod and
    Kursk regions", "the Kyiv region and other regions")."""
    found = doc.places
    if any(p.name == name and _AND_OTHERS.match(doc.text, p.end) for p in found):
        return True
    return any(name in (a.name, b.name) and a.name != b.name and
               _PLACES_JOINED.fullmatch(doc.text, a.end, b.start) for a, b in zip(found, found[1:]))


def each_of(doc: Sentence, cand: Candidate) -> list[str]:
    """Give the places after the first of a list a count is given for each of ("eight each
    over the Voronezh and Saratov regions": Saratov), none where the count names no such list."""
    own = _OWN_PLACE_AFTER.match(doc.text, phrase_end(doc, cand))
    if own is None or not own.group(1):
        return []
    listed = doc.within_places(own.end(), doc.end)
    if not listed or listed[0].start != own.end():
        return []
    out = []
    for before, place in zip(listed, listed[1:]):
        if not _PLACES_JOINED.fullmatch(doc.text, before.end, place.start):
            break
        out.append(place.name)
    return out
