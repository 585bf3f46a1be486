"""Ukraine's regions and cities, with the spellings the press uses, and how to find them.

A region is named by its centre (`Kharkiv region` is `Kharkiv`), as FACTS.md asks.
`find_places(text)` gives every mention with its canonical name and how specific it is:
0 the country, 1 a region or regional centre, 2 any other city or town.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .language import strip_possessive

# canonical name: spellings (regional centres and the regions named after them)
REGIONS: dict[str, tuple[str, ...]] = {
    "Kyiv": ("Kyiv", "Kiev", "Kyyiv", "Kiew"),
    "Kharkiv": ("Kharkiv", "Kharkov", "Charkiw"),
    "Odesa": ("Odesa", "Odessa"),
    "Zaporizhzhia": ("Zaporizhzhia", "Zaporizhzhya", "Zaporizhia", "Zaporizhya", "Zaporozhye",
                     "Zaporozhzhia", "Zaporozhie"),
    "Dnipro": ("Dnipro", "Dnipropetrovsk", "Dnepropetrovsk", "Dnepr", "Dnipropetrovska"),
    "Lviv": ("Lviv", "Lvov", "Lwow", "Lemberg"),
    "Mykolaiv": ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev", "Mykolaev"),
    "Kherson": ("Kherson",),
    "Sumy": ("Sumy",),
    "Poltava": ("Poltava",),
    "Chernihiv": ("Chernihiv", "Chernigov"),
    "Donetsk": ("Donetsk", "Donbas", "Donbass"),
    "Luhansk": ("Luhansk", "Lugansk"),
    "Zhytomyr": ("Zhytomyr", "Zhitomir"),
    "Vinnytsia": ("Vinnytsia", "Vinnytsya", "Vinnitsa", "Vinnytsa"),
    "Khmelnytskyi": ("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky", "Khmelnitsky", "Khmelnytskiy"),
    "Rivne": ("Rivne", "Rovno"),
    "Lutsk": ("Lutsk", "Volyn", "Volhynia"),
    "Ternopil": ("Ternopil", "Ternopol"),
    "Ivano-Frankivsk": ("Ivano-Frankivsk", "Ivano-Frankovsk"),
    "Uzhhorod": ("Uzhhorod", "Uzhgorod", "Zakarpattia", "Transcarpathia", "Zakarpattya"),
    "Chernivtsi": ("Chernivtsi", "Chernovtsy", "Bukovina"),
    "Cherkasy": ("Cherkasy", "Cherkassy"),
    "Kropyvnytskyi": ("Kropyvnytskyi", "Kropyvnytskyy", "Kirovohrad", "Kirovograd"),
    "Crimea": ("Crimea", "Crimean peninsula", "Sevastopol", "Simferopol"),
}

# other cities and towns (canonical: spellings)
TOWNS: dict[str, tuple[str, ...]] = {
    "Kryvyi Rih": ("Kryvyi Rih", "Kryvyi Rig", "Krivoy Rog", "Kryvyy Rih"),
    "Kremenchuk": ("Kremenchuk", "Kremenchug"),
    "Mariupol": ("Mariupol",),
    "Melitopol": ("Melitopol",),
    "Berdiansk": ("Berdiansk", "Berdyansk"),
    "Enerhodar": ("Enerhodar", "Energodar"),
    "Nikopol": ("Nikopol",),
    "Kramatorsk": ("Kramatorsk",),
    "Sloviansk": ("Sloviansk", "Slovyansk", "Slavyansk"),
    "Pokrovsk": ("Pokrovsk",),
    "Toretsk": ("Toretsk",),
    "Chasiv Yar": ("Chasiv Yar",),
    "Bakhmut": ("Bakhmut", "Artemovsk"),
    "Avdiivka": ("Avdiivka", "Avdeevka", "Avdiyivka"),
    "Kostiantynivka": ("Kostiantynivka", "Konstantinovka", "Kostyantynivka"),
    "Druzhkivka": ("Druzhkivka",),
    "Selydove": ("Selydove",),
    "Kurakhove": ("Kurakhove",),
    "Vuhledar": ("Vuhledar", "Ugledar"),
    "Lysychansk": ("Lysychansk",),
    "Sievierodonetsk": ("Sievierodonetsk", "Severodonetsk", "Syeverodonetsk"),
    "Bucha": ("Bucha",),
    "Irpin": ("Irpin",),
    "Hostomel": ("Hostomel",),
    "Brovary": ("Brovary",),
    "Boryspil": ("Boryspil", "Borispol"),
    "Vyshhorod": ("Vyshhorod",),
    "Bila Tserkva": ("Bila Tserkva", "Belaya Tserkov"),
    "Fastiv": ("Fastiv",),
    "Obukhiv": ("Obukhiv",),
    "Izium": ("Izium", "Izyum", "Izyium"),
    "Balakliia": ("Balakliia", "Balakliya", "Balakleya"),
    "Kupiansk": ("Kupiansk", "Kupyansk"),
    "Chuhuiv": ("Chuhuiv", "Chuguev"),
    "Lozova": ("Lozova",),
    "Krasnohrad": ("Krasnohrad", "Krasnograd"),
    "Bohodukhiv": ("Bohodukhiv",),
    "Okhtyrka": ("Okhtyrka", "Akhtyrka"),
    "Shostka": ("Shostka",),
    "Konotop": ("Konotop",),
    "Romny": ("Romny",),
    "Pavlohrad": ("Pavlohrad", "Pavlograd"),
    "Kamianske": ("Kamianske",),
    "Ochakiv": ("Ochakiv",),
    "Izmail": ("Izmail",),
    "Chornomorsk": ("Chornomorsk",),
    "Pivdennyi": ("Pivdennyi", "Yuzhne"),
    "Bilhorod-Dnistrovskyi": ("Bilhorod-Dnistrovskyi",),
    "Starokostiantyniv": ("Starokostiantyniv",),
    "Burshtyn": ("Burshtyn",),
    "Kalush": ("Kalush",),
    "Dubno": ("Dubno",),
    "Kovel": ("Kovel",),
    "Mukachevo": ("Mukachevo",),
    "Nizhyn": ("Nizhyn",),
    "Pryluky": ("Pryluky",),
    "Uman": ("Uman",),
    "Smila": ("Smila",),
    "Huliaipole": ("Huliaipole", "Gulyaipole"),
    "Orikhiv": ("Orikhiv",),
    "Tokmak": ("Tokmak",),
    "Nova Kakhovka": ("Nova Kakhovka",),
    "Kakhovka": ("Kakhovka",),
    "Beryslav": ("Beryslav",),
    "Kherson": ("Kherson",),
    "Vovchansk": ("Vovchansk",),
    "Lyman": ("Lyman",),
    "Siversk": ("Siversk",),
    "Shakhtarsk": ("Shakhtarsk",),
    "Marhanets": ("Marhanets",),
    "Synelnykove": ("Synelnykove", "Synelnyky", "Synelnykivskyi"),
    "Zolochiv": ("Zolochiv",),
}

COUNTRY = "Ukraine"


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
_LEVEL = {**{n: 2 for n in TOWNS}, **{n: 1 for n in REGIONS}, COUNTRY: 0}
_PLACE_RE = re.compile(       # each name starts at a word boundary with one of these letters
    r"(?=[A-Zacinot])\b(?:(?P<capital>\b(?:Ukraine['’]s capital(?: city)?|the (?:Ukrainian )?capital(?: city)?|"
    r"the capital's|capital city)\b)|"
    r"(?P<country>\b(?:Ukraine|nationwide|across the country|countrywide|(?:in|across|over) "
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty[\w\-]*|several|many|"
    r"multiple|a dozen|dozens of|numerous) (?:regions|oblasts|provinces))\b)|"
    r"(?P<name>\b[A-Z][\w'’\-]*(?:\s[A-Z][\w\-]*|\speninsula)?))",
)
_NOT_OUR_CAPITAL = re.compile(
    r"(?:Russian|Russia['’]s|Emirati|UAE|regional|Belarusian|Saudi|Turkish|Qatari|U\.?S\.?|"
    r"American|British|Polish|Moldovan|Georgian|European|region's|province's|oblast's)\s+$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:direction\s+of\s+)?$", re.I)
# where weapons came from, not where they struck: "launched from multiple locations in Russia
# and occupied Crimea", "fired from ships in the Black Sea"
_LAUNCHED_FROM = re.compile(
    r"\b(?:launched|fired|flew|flown|took\s+off|coming|came)\s+(?:\w+\s+){0,3}?from\s+"
    r"(?:(?:the|a|an|several|multiple|various|different|locations?|areas?|directions?|sites?|"
    r"airfields?|ships?|aircraft|bombers|territory|regions?|of|in|and|occupied|temporarily|"
    r"northern|southern|eastern|western)\s+|[A-Z][\w'’\-]*\s+){0,6}?$")


_OF_AFTER = re.compile(r"\s+of\b")


@functools.lru_cache(maxsize=8192)
def _lookup(words: str) -> tuple[str, int] | None:
    """Give (canonical name, length used) for the longest place name `words` starts with."""
    key = strip_possessive(words.lower())
    if key in _LOOKUP:
        return _LOOKUP[key], len(words)
    first = words.split()[0] if " " in words else None
    if first:
        key = strip_possessive(first.lower())
        if key in _LOOKUP:
            return _LOOKUP[key], len(first)
    return None


# "Ukraine's Mykolaiv region", "Ukraine's air force": the country owns what follows, which
# is a place of its own or an institution, not where the figure happened
_OWNED_PLACE = re.compile(
    r"['’]s\s+(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+|central\s+)?"
    r"(?:(?:port\s+)?(?:city|town|village|region|capital)\s+of\s+)?([A-Z][\w'’\-]*)")
_OWNED_BODY = re.compile(
    r"['’]s\s+(?:[\w\-]+\s+){0,2}?(?:ministry|ministries|minister|air\s+force|armed\s+forces|"
    r"military|army|navy|president|government|general\s+staff|prosecutors?|police|parliament|"
    r"ombudsman|intelligence|security\s+service|emergency\s+services?|state\s+emergency|"
    r"officials|authorities|commander|ambassador|envoy|commissioner)\b",
    re.I)
_WORD_GAP = re.compile(r"\s")
_KINDS_AFTER = (" village", " community", " hromada", " settlement")
_KIND_AFTER = re.compile(r"\s+(?:village|community|hromada|hromadas|settlement)\b")
_KIND_BEFORE = re.compile(r"\b(?:village|town|settlement|community|hromada)\s+of\s+$", re.I)
_PLACE_PREP = re.compile(r"\b(?:in|of|at|near|over|for|around|outside|across|on)\s+(?:the\s+)?"
                         r"(?:(?!what\b|which\b|who\b|that\b)[\w\-]+\s+){0,2}$", re.I)
_CAPITAL_AS_STATE = re.compile(r"['’]s\s+(?:(land|territory|territories)|forces|troops|army|"
                               r"military|government|allies|officials|counteroffensive)\b", re.I)
_SPEAKS = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|claimed|claims|announced|accused|denied|"
                     r"insisted|warned|stated)\b")


def _owned_by_country(text: str, end: int) -> bool:
    """Say whether "Ukraine" ending at `end` only names the owner of a place or institution."""
    place = _OWNED_PLACE.match(text, end)
    if place is not None and _lookup(place.group(1)) is not None:
        return True
    return _OWNED_BODY.match(text, end) is not None


def find_places(text: str) -> list[Place]:
    """Give the places of Ukraine named in `text`, in order."""
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
            if found is None:
                gap = _WORD_GAP.search(name)
                if text.startswith(_KINDS_AFTER, match.end()) and _KIND_AFTER.match(text, match.end()) or \
                        text.startswith("of ", match.start() - 3) and _KIND_BEFORE.search(
                            text, max(0, match.start() - 24), match.start()):
                    # a place the gazetteer lacks, named as one: "the village of Kozacha Lopan"
                    places.append(Place(match.start(), match.end(), strip_possessive(name), 2))
                elif gap is not None:                         # "In Kyiv", "The Odesa region":
                    pos = match.start() + gap.end()           # read on from the second word
                continue                                      # most capitalised words
            canonical, length = found
            word = name[:length]
            before = text[max(0, match.start() - 30):match.start()]
            if _FROM.search(before) or _LAUNCHED_FROM.search(text, max(0, match.start() - 90),
                                                             match.start()) or \
                    (word.isupper() and len(word) > 3) or (
                    _SPEAKS.match(text, match.start() + length) and not _PLACE_PREP.search(before)):
                continue              # "from Kursk"; KYIV is a dateline; "Kyiv said" is a government
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
            places.append(Place(match.start(), match.end(), "Kyiv", 1))
        elif not (match.group("country") == "Ukraine" and _owned_by_country(text, match.end())):
            places.append(Place(match.start(), match.end(), COUNTRY, 0))
