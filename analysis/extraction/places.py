"""How to find the places a text names, by the gazetteer's canonical names.

`find_places(text)` gives every mention with its canonical name and how specific it is:
0 the country, 1 a region or regional centre, 2 any other city or town.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .gazetteer import COUNTRY, REGIONS, RUSSIA, SEAS, TOWNS
from .language import strip_possessive

__all__ = ["COUNTRY", "REGIONS", "RUSSIA", "TOWNS", "Place", "capital_of", "find_places",
           "official_spelling"]


def capital_of(text: str) -> str:
    """Give the capital "the capital" means in an article: Moscow when it names Moscow and
    never Kyiv (a story of drones over Russia), else Kyiv."""
    return "Moscow" if "Moscow" in text and "Kyiv" not in text and "Kiev" not in text else "Kyiv"


class Place(NamedTuple):
    """A place named in a text."""

    start: int
    end: int
    name: str
    level: int          # 0 country, 1 region or regional centre, 2 other city or town


def _alternation(names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Give each lower-cased spelling its canonical name."""
    return {spelling.lower(): canonical for canonical, spellings in names.items()
            for spelling in spellings}


_LOOKUP = {**_alternation(TOWNS), **_alternation(REGIONS)}
_LEVEL = {**{n: 2 for n in TOWNS}, **{n: 1 for n in REGIONS}, COUNTRY: 0,
          **{n: 2 for n in RUSSIA}, "Russia": 1}
_RUSSIAN_LOOKUP = _alternation(RUSSIA)
_RUSSIAN_FIRST = {key.split(" ", 1)[0] for key in _RUSSIAN_LOOKUP} | {"russian"}
# a Russian place is where a figure happened only after a word of place: "in Russia",
# "over the Belgorod region", "in Russia's Kursk region"; "Russia launched" is the attacker
_RUSSIAN_PREP = re.compile(r"\b(?:in|over|across|inside|near|at|into|on|of|towards?|approaching|"
                           r"targeting|heading\s+(?:for|to))\s+(?:the\s+)?"
                           r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+)?"
                           r"(?:Russia['’]s\s+)?(?:(?:southern|western|central|border|surrounding|"
                           r"neighbouring|neighboring)\s+)?$", re.I)
# "Kursk Oblast, where air defences took down 34 drones": a region named as one is a place
# ("Krasnodar Region Governor Veniamin Kondratyev" names his office, not a place)
_REGION_AFTER = re.compile(r"\s+(?:Oblast|[Rr]egion|[Pp]rovince|[Kk]rai)\b(?!['’]s|\s+(?i:governor|head|"
                           r"authorities|administration|officials?|mayor|ministry)\b)")
# "over Russian regions", "in Russian territory": Russia, not a place of Ukraine
_RUSSIAN_LAND = re.compile(r"Russian\s+(?:border\s+)?(?:regions|territory|airspace|oblasts|"
                           r"provinces|cities|soil)\b")
# between two places of a list: "the Belgorod and Kursk regions", "Bryansk, Kursk"
_JOINED = re.compile(r"\s*(?:\([^()]{0,30}\))?\s*(?:regions?|oblasts?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# "Russia's war", "in Russia's attack": the attacker, not a place
# ("in Russia's Belgorod region" is Belgorod's)
_RUSSIA_AS_PLACE_AFTER = re.compile(r"['’]s\s+(?:(?:southern|western|central|border)\s+)?"
                                    r"(?:regions?|territory|airspace|soil)\b")
_PLACE_RE = re.compile(       # each name starts at a word boundary with one of these letters
    r"(?=[A-Zacinot])\b(?:(?P<capital>\b(?:Ukraine['’]s capital(?: city)?|the (?:Ukrainian )?capital(?: city)?|"
    r"the capital's|capital city)\b)|"
    r"(?P<country>\b(?:Ukraine|nationwide|(?:across|in|throughout|all over) the country(?!['’]s)|countrywide|"
    r"(?:in|across|over) the (?:north|south|east|west|centre|center)\w*(?:(?:,| and| or) (?:the )?"
    r"(?:north|south|east|west|centre|center)\w*)* of the country|(?:in|across|over|against|on|at) "
    r"(?:at least )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty[\w\-]*|several|many|"
    r"multiple|a dozen|dozens of|numerous) (?:regions|oblasts|provinces|areas)|"
    r"(?:(?:on|across|in|against) )?Ukrainian (?:cities|regions|towns|oblasts))\b)|"
    r"(?P<name>\b[A-Z][\w'’\-]*(?:\s[A-Z][\w\-]*|\speninsula)?))",
)
_NOT_OUR_CAPITAL = re.compile(
    r"(?:Russian|Russia['’]s|Emirati|UAE|regional|Belarusian|Saudi|Turkish|Qatari|U\.?S\.?|"
    r"American|British|Polish|Moldovan|Georgian|European|region's|province's|oblast's)\s+$", re.I)
# "from Kursk", "from the direction of Bryansk", "from Bryansk, Rostov, Krasnodar and Crimea",
# "from the airspace of the occupied part of"
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:temporarily\s+)?occupied\s+)?(?:direction\s+of\s+|airspace\s+(?:of|over)\s+(?:the\s+)?"
                   r"(?:[\w\-]+\s+){0,3}?(?:part\s+of\s+(?:the\s+)?)?|areas?\s+(?:of|near)\s+(?:the\s+)?)?"
                   r"(?:(?-i:[A-Z])[\w'’\-]*(?:\s+(?:regions?|oblasts?))?(?:\s*\([^()]{1,30}\))?,?\s+(?:and\s+)?"
                   r"(?:(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?)?){0,5}(?:\(\s*)?$", re.I)
# where weapons came from, not where they struck: "launched from multiple locations in Russia
# and occupied Crimea", "fired from ships in the Black Sea"
_LAUNCHED_FROM = re.compile(
    r"\b(?:launched|fired|flew|flown|took\s+off|coming|came)\s+(?:\w+\s+){0,3}?from\s+"
    r"(?:(?!(?:at|on|onto|towards?|against|targeting|over|into|hit|hitting|struck|striking)\s)"
    r"[\w'’\-]+\s+){0,14}?$", re.I)


_OF_AFTER = re.compile(r"\s+of\b")


# Ukraine's official romanisation (2010) writes ї and я, є, ю inside a word as i, ia, ie,
# iu: "Serhiyivka" is Serhiivka, "Kamyanske" Kamianske
_INNER_YI = re.compile(r"(?<=[aeiou])yi")
_INNER_Y = re.compile(r"(?<=[a-z])y(?=[aeu])")


_RUSSIAN_ENDING = re.compile(r"i?[eo]v$")


def official_spelling(name: str) -> str:
    """Give a Ukrainian place name as the official romanisation writes it."""
    return _INNER_Y.sub("i", _INNER_YI.sub("i", name))


def _known(key: str) -> str | None:
    """Give the canonical name of a lower-cased spelling, read also as the official
    romanisation and with Russian g for h ("chuguiv" is Chuhuiv)."""
    found = _LOOKUP.get(key)
    if found is None and key[:1].isalpha():
        official = official_spelling(key)
        found = _LOOKUP.get(official) or _LOOKUP.get(key.replace("g", "h"))
        if found is None and _RUSSIAN_ENDING.search(official):
            # the Russian ending for the Ukrainian -iv: "Mykolayev", "Kharkov", "Chernigov"
            ukrainian = _RUSSIAN_ENDING.sub("iv", official)
            found = _LOOKUP.get(ukrainian) or _LOOKUP.get(ukrainian.replace("g", "h"))
    return found


@functools.lru_cache(maxsize=8192)
def _lookup(words: str) -> tuple[str, int] | None:
    """Give (canonical name, length used) for the longest place name `words` starts with."""
    found = _known(strip_possessive(words.lower()))
    if found:
        return found, len(words)
    first = words.split()[0] if " " in words else None
    if first:
        found = _known(strip_possessive(first.lower()))
        if found:
            return found, len(first)
    return None


# "Ukraine's Mykolaiv region", "Ukraine's air force": the country owns what follows, which
# is a place of its own or an institution, not where the figure happened
_OWNED_PLACE = re.compile(
    r"['’]s\s+(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+|central\s+)?"
    r"(?:(?:port\s+)?(?:city|town|village|region|capital)\s+of\s+)?([A-Z][\w'’\-]*)")
_OWNED_BODY = re.compile(
    r"['’]s\s+(?:[\w\-]+\s+){0,2}?(?:ministry|ministries|minister|air\s+force|(?:armed|defen[cs]e)\s+forces|"
    r"military|army|navy|president|government|general\s+staff|prosecutors?|police|parliament|"
    r"ombudsman|intelligence|security\s+service|emergency\s+services?|state\s+emergency|"
    r"officials|authorities|commander|ambassador|envoy|commissioner|services?|agency|agencies|"
    r"department|committee|council|office)\b",
    re.I)
_WORD_GAP = re.compile(r"\s")
# a settlement the gazetteer lacks, known by its form after "in": "wounded in Illinivka, three
# more in Vyshneve", "killed in Rodynske"
_SETTLEMENT_FORM = re.compile(r"[A-Z][a-z’'\-]{2,}(?:ivka|yivka|ivske|ivsk|ove|eve|yne|ske|"
                              r"ytsia|horod|pil|ivtsi|ychi)")
_IN_BEFORE = re.compile(r"\b(?:in|near|outside|at)\s+$")
_KINDS_AFTER = (" village", " community", " hromada", " settlement")
_KIND_AFTER = re.compile(r"\s+(?:village|community|hromada|hromadas|settlement)\b")
_KIND_BEFORE = re.compile(r"\b(?:village|town|settlement|community|hromada)\s+of\s+$", re.I)
_PLACE_PREP = re.compile(r"\b(?:in|of|at|near|over|for|around|outside|across|on)\s+(?:the\s+)?"
                         r"(?:(?!what\b|which\b|who\b|that\b)[\w\-]+\s+){0,2}$", re.I)
_CAPITAL_AS_STATE = re.compile(r"['’]s\s+(?:(land|territory|territories)|forces|troops|army|"
                               r"military|government|allies|officials|counteroffensive|air\s+defen[cs]es?|air\s+force)\b", re.I)
_SPEAKS = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|claimed|claims|announced|accused|denied|"
                     r"insisted|warned|stated)\b")


# "the State Emergency Service of Ukraine", "the Armed Forces of Ukraine": the country
# names an institution, not where the figure happened
_INSTITUTION_OF = re.compile(r"\b(?:[Ss]ervices?|[Mm]inistry|[Ff]orces?|[Ss]taff|[Pp]resident|[Oo]ffice|"
                             r"[Pp]olice|[Gg]uard|[Cc]ommand|[Cc]ouncil|[Bb]ank|[Pp]rosecutor(?:'s)?|"
                             r"[Gg]overnment|[Pp]arliament|[Oo]mbudsman|[Cc]ommissioner|[Nn]avy|"
                             r"[Aa]rmy|[Ii]ntelligence|[Dd]efen[cs]e|Ukrenergo|Ukrzaliznytsia)"
                             r"(?:\s+(?:General|Office))?\s+of\s+$")


# "the day after the war in Ukraine entered its 20th month": the war, not where a figure is
_THE_WAR_IN = re.compile(r"\b(?:war|invasion|conflict|aggression|offensive)\s+(?:in|on|of|against)\s+"
                         r"(?:the\s+)?$", re.I)


def _owned_by_country(text: str, end: int) -> bool:
    """Say whether "Ukraine" ending at `end` only names the owner of a place or institution."""
    place = _OWNED_PLACE.match(text, end)
    if place is not None and _lookup(place.group(1)) is not None:
        return True
    return _OWNED_BODY.match(text, end) is not None


# "across the country, including the capital, Kyiv": a place listed as part of the country
_INCLUDING = re.compile(r"\b(?:including|among\s+them|especially|notably)\s+(?:in\s+)?(?:the\s+)?"
                        r"(?:(?:capital|city|region)(?:\s+city)?\s*,?\s+)?$", re.I)


_NAME_OF_NAME = re.compile(r"[A-Z]\w+ of [A-Z]\w+")
# a sea is where drones were downed only after "over": "six over the Black Sea"
_OVER_BEFORE = re.compile(r"\bover\s+(?:the\s+)?(?:(?:waters|territory|area)\s+of\s+(?:the\s+)?)?$")


def _over_a_sea(text: str, start: int) -> bool:
    """Say whether the sea at `start` is where something was downed ("six over the Black
    Sea"), not where weapons were fired from ("from bombers over the Caspian Sea")."""
    return _OVER_BEFORE.search(text, max(0, start - 32), start) is not None and \
        "from " not in text[max(0, start - 60):start]


def _russian_place(text: str, start: int, name: str) -> Place | None:
    """Give the Russian place the capitalised words at `start` name, or None."""
    if _INSTITUTION_OF.search(text, max(0, start - 40), start):
        return None                  # "the Ministry of Defence of Russia": no place
    land = _RUSSIAN_LAND.match(text, start)
    if land is not None:
        return Place(start, land.end(), "Russia", _LEVEL["Russia"])
    named_of = _NAME_OF_NAME.match(text, start)          # "the Sea of Azov"
    if named_of is not None and named_of.group(0).lower() in _RUSSIAN_LOOKUP:
        canonical = _RUSSIAN_LOOKUP[named_of.group(0).lower()]
        if canonical in SEAS and not _over_a_sea(text, start):
            return None
        return Place(start, named_of.end(), canonical, _LEVEL[canonical])
    words = name.split()
    for n in range(len(words), 0, -1):
        spelling = " ".join(words[:n])
        key = strip_possessive(spelling.lower())
        canonical = _RUSSIAN_LOOKUP.get(key)
        if canonical is None:
            continue
        if canonical in SEAS and not _over_a_sea(text, start):
            return None             # "the Black Sea port of Odesa": no place of a figure
        if canonical == "Russia" and spelling.endswith(("'s", "’s")) and \
                not _RUSSIA_AS_PLACE_AFTER.match(text, start + len(spelling) - 2):
            return None
        end = start + len(strip_possessive(spelling))
        return Place(start, end, canonical, _LEVEL[canonical])
    return None


# "over the territory of the voronezh region": Russia's places as some Ukrainian outlets
# print them, in lower case
_LOWER_REGION = re.compile(r"\b(" + "|".join(sorted(
    (k for k in _RUSSIAN_LOOKUP if " " not in k and k != "russia"), key=len, reverse=True))
    + r") (?:region|oblast)\b")


def find_places(text: str, capital: str = "Kyiv") -> list[Place]:
    """Give the places named in `text` (Ukraine's, and Russia's after a word of place), in
    order; a place listed as part of the whole country named before it is left out, the
    figure being national. "The capital" is `capital`."""
    found = _find_places(text, capital)
    if " region" in text or " oblast" in text:
        lower = [Place(m.start(), m.end(1), _RUSSIAN_LOOKUP[m.group(1)], 2)
                 for m in _LOWER_REGION.finditer(text)
                 if not _FROM.search(text, max(0, m.start() - 80), m.start())]
        if lower:
            found = sorted(found + lower, key=lambda p: p.start)
    if not any(p.level == 0 for p in found):
        return found
    kept: list[Place] = []
    for p in found:
        if p.level > 0 and any(q.level == 0 for q in kept) and _INCLUDING.search(
                text, max(0, p.start - 40), p.start):
            continue
        kept.append(p)
    return kept


def _find_places(text: str, capital: str) -> list[Place]:
    """Give the places `text` names, in order, the whole country's parts included; "the
    capital" is `capital` (Moscow in a story that names Moscow and never Kyiv)."""
    places = []
    pos = 0
    while True:
        match = _PLACE_RE.search(text, pos)
        if match is None:
            return places
        pos = match.end()
        name = match.group("name")
        if name is not None:
            found = _lookup(name)
            first = name.split(" ", 1)[0]
            if found is None and strip_possessive(first.lower()) in _RUSSIAN_FIRST \
                    and (_RUSSIAN_PREP.search(text, max(0, match.start() - 40), match.start())
                         or _REGION_AFTER.match(text, match.start() + len(first))
                                  or places and places[-1].name in RUSSIA and _JOINED.fullmatch(
                                      text, places[-1].end, match.start())):
                russian = _russian_place(text, match.start(), name)
                if russian is not None and not _FROM.search(text, max(0, match.start() - 80),
                                                            match.start()) \
                        and not _LAUNCHED_FROM.search(text, max(0, match.start() - 140), match.start()):
                    places.append(russian)
                    pos = russian.end
                    continue
            if found is None:
                gap = _WORD_GAP.search(name)
                if text.startswith(_KINDS_AFTER, match.end()) and _KIND_AFTER.match(text, match.end()) or \
                        text.startswith("of ", match.start() - 3) and _KIND_BEFORE.search(
                            text, max(0, match.start() - 24), match.start()) or \
                        gap is None and _SETTLEMENT_FORM.fullmatch(name) and _IN_BEFORE.search(
                            text, max(0, match.start() - 8), match.start()):
                    # a place the gazetteer lacks, named as one: "the village of Kozacha Lopan"
                    places.append(Place(match.start(), match.end(),
                                        official_spelling(strip_possessive(name)), 2))
                elif gap is not None:                         # "In Kyiv", "The Odesa region":
                    pos = match.start() + gap.end()           # read on from the second word
                continue                                      # most capitalised words
            canonical, length = found
            word = name[:length]
            before = text[max(0, match.start() - 30):match.start()]
            if _FROM.search(text, max(0, match.start() - 80), match.start()) or _LAUNCHED_FROM.search(text, max(0, match.start() - 90),
                                                             match.start()) or \
                    (word.isupper() and len(word) > 3) or (
                    _SPEAKS.match(text, match.start() + length) and not _PLACE_PREP.search(before)):
                continue              # "from Kursk"; KYIV is a dateline; "Kyiv said" is a government
            if text.startswith(" time", match.start() + length):
                continue                                      # "at 9:00 Kyiv time": a clock
            state = canonical == "Kyiv" and _CAPITAL_AS_STATE.match(
                text, match.start() + len(strip_possessive(word)))
            if state:
                if state.group(1):
                    places.append(Place(match.start(), match.end(), COUNTRY, 0))   # "Kyiv's land"
                continue                                      # "Kyiv's forces" are Ukraine's
            places.append(Place(match.start(), match.start() + length, canonical, _LEVEL[canonical]))
        elif match.group("capital"):
            before = text[max(0, match.start() - 30):match.start()]
            if _NOT_OUR_CAPITAL.search(before) or _OF_AFTER.match(text, match.end()):
                continue
            if "Moscow" in text[:match.start()] and "Kyiv" not in text[:match.start()]:
                # "Moscow's mayor said ten drones flying at the capital were destroyed"
                places.append(Place(match.start(), match.end(), "Moscow", _LEVEL["Moscow"]))
                continue
            places.append(Place(match.start(), match.end(), capital, _LEVEL[capital]))
        elif not (match.group("country") == "Ukraine" and (
                _owned_by_country(text, match.end()) or
                _INSTITUTION_OF.search(text, max(0, match.start() - 40), match.start()) or
                _THE_WAR_IN.search(text, max(0, match.start() - 40), match.start()))):
            places.append(Place(match.start(), match.end(), COUNTRY, 0))
