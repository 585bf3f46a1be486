"""Find the numbers a text states: digits, number words, orders of magnitude, qualifiers.

`find_mentions(text)` gives every candidate number with its character span, value,
qualifier and, where the text attaches one, its measurement unit (degrees, square
kilometres). What the number counts is decided later, by the extractor.

What is never a number here: ordinals (`24th`), ages and other hyphenated adjectives
(`38-year-old`, `1,000-kilometer`), weapon model numbers (`Kh-101`, `Shahed-136`, `3M22`),
percentages, clock times, calendar dates (`Feb. 24`, `24 February`) and years.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .language import MONTH_NAME, lowered

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTH_RE = f"(?:{MONTH_NAME})"

MAX_VALUE = 1e15          # above every count and measure the articles give; inf included

# Orders of magnitude: the value FACTS.md gives each, and the range it stands for.
ORDERS = {
    "hundreds of thousands": (100_000, 100_000, 999_999),
    "tens of thousands": (10_000, 10_000, 99_999),
    "hundreds": (100, 100, 999),
    "thousands": (1_000, 1_000, 9_999),
    "millions": (1_000_000, 1_000_000, 9_999_999),
    "dozens": (12, 24, 99),
    "scores": (20, 40, 99),
}

# Qualifier phrases, read immediately before the number.
QUALIFIER_PHRASES = {
    "more_than": ("more than", "over", "above", "just over", "well over", "in excess of",
                  "upwards of", "greater than", "well above", "just above"),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "less_than": ("less than", "fewer than", "under", "below", "just under", "just below"),
    "at_most": ("up to", "as many as", "at most", "no more than", "a maximum of", "not more than"),
    "approx": ("about", "some", "around", "nearly", "almost", "towards", "toward",
               "approximately", "roughly", "an estimated", "estimated", "close to", "circa",
               "approx.", "approx", "just about", "about some", "an approximate", "around some",
               "just shy of", "nearly some"),
    "exact": ("as low as", "as high as", "all", "a total of", "total of", "exactly", "all of"),
}
_QUAL_LOOKUP = {p: q for q, phrases in QUALIFIER_PHRASES.items() for p in phrases}
_QUAL_LAST_WORDS = {p.split()[-1] for p in _QUAL_LOOKUP} | {"of"}
_OPENERS = "([\"“‘'«—–-"

# The leading lookaheads let the engine skip quickly to where a number can start.
_DIGITS_BODY = (r"(?=[-−–\dmn])(?P<sign>\b(?:minus|negative)\s+|(?<![\w.,\-‑−–])[-−–](?=\d))?"
                r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                r"(?P<mult>\s+(?:thousand|million|billion)\b)?")
_DIGITS = re.compile(_DIGITS_BODY, re.I)
_WORDS_BODY = (
    r"(?=[aefmnostz])\b(?P<sign>minus\s+)?\b(?P<a>an?\s+)?"
    # only a tens word takes a unit after it: "twenty-one", never "one two(-storey)"
    r"(?P<w>(?:" + "|".join(sorted(TENS, key=len, reverse=True)) + r")(?:[- ](?:"
    + "|".join(k for k in ONES if ONES[k] < 10 and ONES[k]) + r"))?|"
    + "|".join(sorted(ONES, key=len, reverse=True)) +
    r"|a(?=\s+(?:dozen|hundred|thousand|million|billion)\b))(?P<dozen>\s+dozen)?"
    r"(?P<mult>(?:\s+(?:hundred|thousand|million|billion))+)?\b")
_WORDS = re.compile(_WORDS_BODY, re.I)
_ORDERS_BODY = r"(?=[a-z])\b(" + "|".join(ORDERS) + r")\b"
_ORDERS = re.compile(_ORDERS_BODY, re.I)
_ORDER_WORDS = ("hundreds", "thousands", "millions", "dozens", "scores")   # one is in each order
# case-sensitive twins, run on lower-cased text (several times faster than re.I)
_LOWER = {_DIGITS: re.compile(_DIGITS_BODY), _WORDS: re.compile(_WORDS_BODY),
          _ORDERS: re.compile(_ORDERS_BODY)}

_UNIT_AFTER = [
    ("degC", re.compile(r"\s*(?:°\s*|º\s*|degrees?\s+|deg\.?\s*)?(?:C\b|Celsius\b|centigrade\b)", re.I)),
    ("degF", re.compile(r"\s*(?:°\s*|º\s*|degrees?\s+|deg\.?\s*)?(?:F\b|Fahrenheit\b)", re.I)),
    ("degC-", re.compile(r"\s*(?:°|degrees?)\s+(?:C(?:elsius)?\s+)?below\s+(?:zero|freezing)\b", re.I)),
    ("deg", re.compile(r"\s*(?:°|degrees?\b)", re.I)),
    ("km2", re.compile(r"\s*(?:square|sq\.?)\s*(?:kilomet(?:er|re)s?|kms?)\b|\s*km\s?(?:2|²)|"
                       r"\s*sq\.?\s?km\b|\s*square-kilomet(?:er|re)s?\b", re.I)),
    ("mi2", re.compile(r"\s*(?:square|sq\.?)\s*mi(?:les?)?\b", re.I)),
]
_CURRENCY_AFTER = re.compile(r"\s*(?:million\s+|billion\s+)?(?:dollars|euros|hryvnias?|usd|eur|uah)\b",
                             re.I)
_YEAR_AFTER = re.compile(r"^,\s*\d{4}\b")
_RANGE_BEFORE = re.compile(r"\b\d{1,2}\s*[-–]\s*$")
_MONTH_BEFORE = re.compile(r"\b" + _MONTH_RE + r"\.?\s+$", re.I)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"\b", re.I)
_SKIP_AFTER = re.compile(
    r"^(?:\s*(?:%|per\s?cent\b|percent\b|pct\b|percentage\b)|:\d|\s*[ap]\.?m\b\.?|/\d|"
    r"(?:st|nd|rd|th)\b|[-‑]\s?(?!\d)[^\W\d_]|\.\d)",
    re.I,
)

# what rules a run of digits out, read in the 12 characters after it and before it:
# money ("10 million dollars"), "%", clock times, "24th", dates ("24 February", "Feb. 24",
# "24, 2022") and the second figure of a range ("10-15")
_DIGITS_NOT_AFTER = re.compile("|".join(f"(?:{p.pattern})" for p in
                                        (_CURRENCY_AFTER, _SKIP_AFTER, _MONTH_AFTER, _YEAR_AFTER)),
                               re.I)
_GLUED_AREA = re.compile(r"sq\.?\s?(?:km|kilomet|mi)", re.I)     # "143sq km", "55sq miles"
# ages: "three injured men aged 62 and 65"
_AGE_BEFORE = re.compile(r"\baged\s+(?:\d{1,3}\s*(?:,|and|to|-)\s*)?$|"
                         r"\b(?:man|woman|boy|girl|men|women|driver|resident|pensioner),\s*$")   # "a man, 71,"
_DIGITS_NOT_BEFORE = re.compile(f"(?:{_MONTH_BEFORE.pattern})|(?:{_RANGE_BEFORE.pattern})|"
                                f"(?:{_AGE_BEFORE.pattern})", re.I)


@dataclass(slots=True)
class Mention:
    """A number in the text: span, value, qualifier, and any unit glued to it."""

    start: int                  # span of the number as written (sign and multiplier included)
    end: int
    value: float
    kind: str                   # "number", "word", "order" (hundreds, thousands...), "article" (a/an)
    qualifier: str = "exact"
    qualifier_text: str | None = None
    qualifier_start: int | None = None
    unit: str | None = None     # degC, degF, deg, km2, mi2 when written right after the number
    unit_end: int | None = None
    all_: bool = False          # "all 14 drones"
    year_like: bool = False

    @property
    def text_end(self) -> int:
        """Give where the number ends, its glued unit included."""
        return self.unit_end if self.unit_end is not None else self.end


_WORD_SPLIT = re.compile(r"[- ]")
_HYPHEN_WORD = re.compile(r"[-‑][^\W\d_]")
_NO_ONE = re.compile(r"\b(?:no|not|any)\s+$|\bone\s+$", re.I)


def _parse_digits(num: str) -> float:
    """Give the value of digits with thousands commas ("1,170")."""
    return float(num.replace(",", ""))


def _word_value(words: str) -> float | None:
    """Give the value of number words ("seventy-one", "a"), or None if a word is none."""
    total = 0
    for part in _WORD_SPLIT.split(words.lower()):
        if part in ONES:
            total += ONES[part]
        elif part in TENS:
            total += TENS[part]
        elif part == "a":
            total += 1
        else:
            return None
    return float(total)


def _multiplier(text: str | None) -> float:
    """Give the factor of the multiplier words after a number ("thousand", "million")."""
    if not text:
        return 1.0
    factor = 1.0
    for word in text.lower().split():
        factor *= MULTIPLIERS.get(word, 1)
    return factor


def find_mentions(text: str, offset: int = 0) -> list[Mention]:
    """Give the candidate numbers in `text`, sorted by position, spans not overlapping, with
    `offset` added to every span (the text's place in its article)."""
    found: list[Mention] = []
    taken = bytearray(len(text))            # 1 where a mention already covers the character

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) == -1


    low = lowered(text)

    def scan(pattern: re.Pattern):
        return pattern.finditer(text) if low is None else _LOWER[pattern].finditer(low)

    for match in scan(_DIGITS):
        start, end = match.start("num"), match.end()
        before = text[max(0, start - 12):start]
        after = text[match.end("num"):match.end("num") + 12]
        if match.group("sign") is None and start > 0 and (text[start - 1].isalnum()
                                                          or text[start - 1] in "-‑/_#$€£₴"):
            continue                                          # Kh-101, Tu-95MS, No.5, $10
        if start > 1 and text[start - 1] == ":" and text[start - 2].isdigit():
            continue                                          # the minutes of "12:25"
        if text[start] == "0" and end - start == 5 and text[start + 2] == ".":
            continue                                          # the clock of "around 08.30"
        if _DIGITS_NOT_AFTER.match(after) or _DIGITS_NOT_BEFORE.search(before):
            continue                  # money, %, clock times, dates, ranges: see the patterns
        if after[:1].isalpha() and not after.startswith(("C", "F", "km")) and \
                not _GLUED_AREA.match(after):
            continue                                          # 3M22, 95MS, 24th
        value = _parse_digits(match.group("num"))
        mult = match.group("mult")
        value *= _multiplier(mult)
        sign = match.group("sign")
        if sign:
            value = -value
        mention = Mention(start=match.start(), end=end, value=value, kind="number")
        mention.year_like = (not mult and "," not in match.group("num") and "." not in
                             match.group("num") and 1900 <= abs(value) <= 2100 and not sign)
        found.append(mention)
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)

    probe = text.lower() if low is None else low
    orders = scan(_ORDERS) if any(word in probe for word in _ORDER_WORDS) else ()
    for match in orders:
        if not free(match.start(), match.end()):
            continue
        phrase = match.group(1).lower()
        found.append(Mention(start=match.start(), end=match.end(), value=float(ORDERS[phrase][0]),
                             kind="order", qualifier="order_of_magnitude"))
        taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())

    for match in scan(_WORDS):
        words = match.group("w")
        dozen, mult = match.group("dozen"), match.group("mult")
        if words.lower() == "a" and not (dozen or mult):
            continue
        start, end = match.start(), match.end()
        if match.group("a") and not (dozen or mult):
            start = match.start("w")                          # "a one-off": keep only the word
        if not free(start, end):
            continue
        if _HYPHEN_WORD.match(text, end) or (start and text[start - 1] in "-‑"):
            continue                                          # three-quarters, four-year
        value = _word_value(words)
        if value is None:
            continue
        if match.group("a") and words.lower() != "a":
            value = _word_value(words)                        # "a hundred" handled by w == a
        if dozen:
            value *= 12
        value *= _multiplier(mult)
        if match.group("sign"):
            value = -value
        if words.lower() in ("zero",) or (words.lower() == "one" and _NO_ONE.search(
                text, max(0, start - 6), start)):
            continue                                          # "no one was killed"
        if _MONTH_AFTER.match(text[end:end + 14]) or _SKIP_AFTER.match(text[end:end + 12]):
            continue
        found.append(Mention(start=start, end=end, value=value, kind="word"))
        taken[start:end] = b"\x01" * (end - start)

    # a number beyond any count or measure ("999...9", 300 digits) is no figure
    found = sorted((m for m in found if abs(m.value) < MAX_VALUE), key=lambda m: m.start)
    for mention in found:
        _attach_unit(text, mention)
        _attach_qualifier(text, mention)
    for first, second in zip(found, found[1:]):
        if first.unit is None and second.unit in _SHARED_UNITS and \
                _UNIT_SHARED_GAP.fullmatch(text, first.end, second.start):
            first.unit = second.unit             # "477 and 459 square kilometres"
    if offset:
        for mention in found:
            mention.start += offset
            mention.end += offset
            if mention.qualifier_start is not None:
                mention.qualifier_start += offset
            if mention.unit_end is not None:
                mention.unit_end += offset
    return found


_SHARED_UNITS = ("km2", "mi2", "degC", "degF")
_UNIT_SHARED_GAP = re.compile(r"\s*(?:and|or|to|-|–)\s*")


_UNIT_RE = re.compile("|".join(f"(?P<u{i}>{pattern.pattern})" for i, (_, pattern) in
                               enumerate(_UNIT_AFTER)), re.I)
_UNIT_NAMES = [unit for unit, _ in _UNIT_AFTER]


def _attach_unit(text: str, mention: Mention) -> None:
    """Give the new mention the unit written right after it (degrees, square kilometres)."""
    match = _UNIT_RE.match(text, mention.end, mention.end + 40)
    if match:
        unit = _UNIT_NAMES[int(match.lastgroup[1:])]
        mention.unit, mention.unit_end = unit, match.end()
        if unit == "degC-":
            mention.unit, mention.value = "degC", -abs(mention.value)


def _attach_qualifier(text: str, mention: Mention) -> None:
    """Give the new mention the qualifier phrase right before it ("more than", "about")."""
    head = text[max(0, mention.start - 40):mention.start]
    stripped = head.rstrip()
    if len(stripped) == len(head) and head:
        return                                                # no space before: not a phrase
    if not stripped or stripped.rsplit(None, 1)[-1].lstrip(_OPENERS).lower() not in _QUAL_LAST_WORDS:
        return                                                # most numbers: no phrase ends here
    words = [w.lstrip(_OPENERS) for w in stripped.split()[-4:]]   # "(about 2,300 sq km)"
    if words and words[-1].lower() == "of" and len(words) > 1:
        words = words[:-1]                                    # "a total of 54"
    phrase = None
    for n in (3, 2, 1):
        if len(words) >= n:
            candidate = " ".join(words[-n:]).lower()
            if candidate in _QUAL_LOOKUP:
                phrase = candidate
                break
    if phrase is None:
        return
    qualifier = _QUAL_LOOKUP[phrase]
    at = stripped.lower().rfind(phrase)
    if at > 0 and (stripped[at - 1].isalnum()):
        return                                                # "moreover 5" is not "over 5"
    offset = mention.start - len(head)
    mention.qualifier_text = head[at:at + len(phrase)]
    mention.qualifier_start = offset + at
    if phrase in ("all", "all of"):
        mention.all_ = True
    if mention.kind == "order":
        return                                                # "thousands" stays an order
    if qualifier in _NEGATED and _NOT_BEFORE.search(stripped, 0, max(0, at)):
        qualifier = _NEGATED[qualifier]     # "do not rise above minus 12": at most
    mention.qualifier = qualifier


# a bound denied by the verb before it: "do not rise above", "did not fall below"
_NOT_BEFORE = re.compile(r"\b(?:not|n't|never)\s+(?:(?:rise|rising|go|going|climb|climbing|fall|"
                         r"falling|drop|dropping|get|getting|be)\s+)?$", re.I)
_NEGATED = {"more_than": "at_most", "less_than": "at_least"}


def bounds(value: float, qualifier: str, phrase: str | None = None,
           integer: bool = True) -> tuple[float, float]:
    """Give the (low, high) range a qualified figure allows.

    exact [v, v]; more_than (v, inf) as [v+1, inf] for counts; at_least [v, inf];
    less_than [0, v-1] for counts; at_most [0, v]; approx "nearly/almost" [0.9v, v],
    otherwise [0.9v, 1.1v]; order_of_magnitude from the order (hundreds [100, 999],
    thousands [1,000, 9,999], tens of thousands [10,000, 99,999], hundreds of thousands
    [100,000, 999,999], dozens [24, 99]). Negative values (temperatures) keep low <= high.
    """
    step = 1.0 if integer and float(value).is_integer() else 0.0
    v = float(value)
    phrase = (phrase or "").lower()
    if qualifier == "exact":
        return v, v
    if qualifier == "more_than":
        return (math.floor(v) + 1 if step else v), math.inf
    if qualifier == "at_least":
        return v, math.inf
    if qualifier == "less_than":
        return (0.0 if v > 0 else -math.inf), (v - step if step else v)
    if qualifier == "at_most":
        return (0.0 if v > 0 else -math.inf), v
    if qualifier == "approx":
        if phrase in ("nearly", "almost", "just shy of", "close to"):
            low, high = (0.9 * v, v)
        elif phrase in ("towards", "toward"):
            low, high = (0.9 * v, v)
        else:
            low, high = (0.9 * v, 1.1 * v)
        return (min(low, high), max(low, high))
    if qualifier == "order_of_magnitude":
        for _, (val, low, high) in ORDERS.items():
            if val == v:
                return float(low), float(high)
        return v, 10 * v - 1
    return v, v
