"""Who gave a figure: the attribution of its sentence ("X said", "according to X"), the
person a "he" or "she" points back to, and the name left when titles and roles are dropped."""
from __future__ import annotations

import functools
import re
from typing import Callable

from . import language
from .language import NOT_SOURCES, PRONOUNS, TITLE_WORDS, lowered

_SOURCE_VERBS = "|".join(language.SOURCE_VERBS)
_SOURCE_VERB_BODY = r"(?=[a-z])\b(?:" + _SOURCE_VERBS + r")\b"
_SOURCE_VERB = re.compile(_SOURCE_VERB_BODY, re.I)
_SOURCE_VERB_LOWER = re.compile(_SOURCE_VERB_BODY)      # its twin for lower-cased text
_SOURCE_AFTER = re.compile(r"(?:,|\"|”)\s*(?:[-–—]\s*)?(?:" + _SOURCE_VERBS + r")\s+(?P<src>(?:the\s+)?"
                           r"[A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,10}?)(?=\s*(?:[.,;]|$|on\b|in\b))")
_ACCORDING = re.compile(r"\b(?:according to|with reference to|citing|referring to|"
                        r"(?-i:[Aa]s) (?:confirmed|reported|stated|announced|noted|posted) (?:by|on the "
                        r"\w+ (?:page|channel|account) of)) (?P<the>the )?"
                        r"(?P<src>[^,.;()]+)", re.I)
_ACCORDING_WORDS = ("accord", "reference", "citing", "referring", " by ", " page of", " channel of",
                    " account of")              # one is in each: a cheap test before the search
# "according to the city's mayor, Igor Terekhov": a role one person holds, then that person
_BARE_ROLE = re.compile(r"(?:the\s+)?(?:(?:city|region|oblast)['’]s\s+|regional\s+|local\s+|its\s+)?"
                        r"(?:mayor|governor)", re.I)
_NAME_AFTER_ROLE = re.compile(r",\s+([A-Z][a-zа-я’'\-]+(?:\s+[A-Z][a-zа-я’'\-]+){1,2})\b(?!\s+(?:region|oblast))")
# "Oleh Syniehubov, the regional governor, said"; "DeepState, a Ukrainian mapping site, said"
_APPOSITIVE = re.compile(
    r"(?:(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+),\s+(?:the\s+)?|"
    r"\b(?P<one>[A-Z][\w’'\-]+),\s+(?:the|an?)\s+)[^,]{3,90},\s+(?:" + _SOURCE_VERBS + r")\b")
_COMMA_VERB = re.compile(r",\s+(?:" + _SOURCE_VERBS + r")\b")      # what every appositive ends with
_TRAILING_TIME = re.compile(r"\s+(?:on|in|late|early|last|this)\s+(?:\w+\s*)?$")
_TRAILING_CHANNEL = re.compile(r"\s+(?:on|in)\s+(?:" + "|".join(d.title() for d in language.WEEKDAYS)
                               + r"|Telegram|social media|a statement)\b.*$")
_FROM_ORG = re.compile(r"\bfrom (?:the )?([A-Z].*)$")
_TRAILING_AUX = re.compile(r"\s*,?\s+(?:has|had|have)$")
_SOURCE_SPLIT = re.compile(r"[,;:()\"“”|—–]|\s-\s|\b(?:and|but|while|that|as|when|after|which)\b")
# an aside between a subject and its verb: "Ukraine's military, meanwhile, said"
_ASIDE_BEFORE = re.compile(r",\s*(?:meanwhile|however|in turn|in addition|also|separately|"
                           r"for (?:its|his|her|their) part)\s*,?$", re.I)
# a clock or date before the speaker: "As of 15.00 The State Emergency Service reports"
_CLOCK_BEFORE = re.compile(r"^.*(?<![\w\-])\d[\d.:]*(?:\s*(?:a\.m\.|p\.m\.|am|pm|GMT|UTC))?\s+(?=[A-Z])")
_PERSON = re.compile(r"\b[A-Z][a-zа-я’'\-]+ (?:[A-Z]\. )?[A-Z][a-zа-я’'\-]{2,}\b")
# an institution opening the sentence, after any dateline: what "it said" names
_BODY_SUBJECT = re.compile(
    r"(?:[A-Z][A-Z .]+(?:\([^)]*\))?\s*(?:>>|[-–—:])\s*)?((?:The\s+)?[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}?"
    r"\s+(?i:air\s+(?:force|defen[cs]es?)|ministry|military|army|command|service|administration|"
    r"police|authorities|operator|company|general\s+staff))\b")
# what a document says is what its author says: "a statement said"
_DOCUMENTS = {"statement", "report", "post", "update", "message", "bulletin", "release"}
_ACCOUNTS = {"information", "data"}     # "according to preliminary data": the speaker's
# words a name or a role never holds: the attribution ran into a clause
_NOT_A_NAME = re.compile(r"\b(?:were|was|is|are|been|being|have|has|had|who|which|no|not|"
                         r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"strike|strikes|attack|attacks|building|buildings)\b", re.I)
# "the official", "the military chief", "The President also": a role that points back to the
# person a figure was last attributed to (a company or an operator is no person)
# a role one person holds in a story, not one of several mayors or governors
_PERSON_TITLES = "official|chief|head|spokesman|spokeswoman|spokesperson|president|commander"
_ROLE_REFERENCE = re.compile(r"(?:the|this)\s+(?:(?:local|regional|city|military|top|senior|"
                             r"deputy|defen[cs]e|foreign|interior)\s+)*"
                             r"(?:" + _PERSON_TITLES + r")(?:\s+also)?", re.I)
_PERSON_AT_END = re.compile(r"\b[A-Z][a-zа-я’'\-]+ (?:[A-Z]\. )?[A-Z][a-zа-я’'\-]{2,}$")
_INSTITUTION = re.compile(r"\b(?:force|forces|defen[cs]es?|ministry|military|army|command|service|"
                          r"administration|police|authorities|operator|company|staff|office|"
                          r"council|agency|news|group|institute|state|sea|media|press)\b", re.I)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]*\.?(?:\s+[A-Z][\w’'\-]*\.?)+")
_GEOGRAPHY = re.compile(r"\b(?:River|Sea|Bridge|Street|Square|Station|Plant|Oblast|Region|Airport|"
                        r"Park|Market|Avenue|Dam|Lake|Mountains?)\b")
_LEADING_WORDS = ("the", "a", "an", "and", "but", "while", "as", "that", "also", "unconfirmed", "after",
                  "before", "when", "since")


@functools.lru_cache(maxsize=4096)       # attributions repeat within and across articles
def reduce_source(raw: str) -> str | None:
    """Give the name in an attribution: titles, roles and time words dropped."""
    text = _TRAILING_TIME.sub("", raw.strip(" ,.\"“”'"))
    text = _TRAILING_CHANNEL.sub("", text)
    words = [w for w in text.split() if any(c.isalnum() for c in w)]     # no bare dashes
    while words and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
    while words and words[-1].lower() in language.SAYING_ADVERBS:
        words = words[:-1]                       # "Terekhov later confirmed"
    if not words or words[-1].lower() in NOT_SOURCES or \
            len(words) == 1 and _SOURCE_VERB.fullmatch(words[0]) or \
            words[0].lower() in NOT_SOURCES and not (
                len(words) > 1 and words[1].lower() in TITLE_WORDS or   # "its mayor said"
                words[0].lower() in ("its", "their") and _INSTITUTION.search(" ".join(words[1:]))):
        return None                                                    # "its air force said"
    if _NOT_A_NAME.search(" ".join(words)) or words[0].lower() in PRONOUNS or \
            (len(words) == 1 and words[0].islower() and words[0].endswith("ly")):
        return None           # a clause, not a name: "no casualties were", "they have already"
    from_org = _FROM_ORG.search(" ".join(words))
    if from_org:
        return from_org.group(1)
    # a person after a title or role: "Kyiv Mayor Vitali Klitschko" -> "Vitali Klitschko"
    run = 0
    for w in reversed(words):
        if w[:1].isupper() and w.lower() not in TITLE_WORDS and not (len(w) > 1 and w.isupper()):
            run += 1
        else:
            break                   # a title, or an acronym: "the head of the Lviv OVA"
    has_title = any(w.lower().strip(",") in TITLE_WORDS for w in words[:len(words) - run])
    if run >= 1 and has_title:
        # "the head of the Regional Military Administration Oleksandr Starukh": the person
        person = person_in(" ".join(words[-run:])) if run > 2 else None
        return person or " ".join(words[-min(run, 3):])
    if run >= 2 and len(words) - run >= 2:
        return " ".join(words[-2:])
    return " ".join(words)


def person_in(source: str) -> str | None:
    """Give the person's name a source ends with ("Kyrylo Tymoshenko" of "Deputy Head ...
    Kyrylo Tymoshenko"), or None when it names an institution."""
    match = _PERSON_AT_END.search(source)
    if match is None or _INSTITUTION.search(match.group(0)):
        return None
    return match.group(0)


def _named(raw: str, last_named: str | None) -> str | None:
    """Give the person a role points back to ("the official"), else the reduced name."""
    if last_named and _ROLE_REFERENCE.fullmatch(raw.strip(" ,.\"“”'")):
        return last_named
    return reduce_source(raw)


_DIGIT = re.compile(r"\d")


def _no_one() -> None:
    """Give no person: what "he" or "she" names when the caller knows no one before."""
    return None


_MAY_ATTRIBUTE = re.compile(r"(?=[a-z])\b(?:" + _SOURCE_VERBS + r"|according|citing|reference)\b")


def may_attribute(sentence: str) -> bool:
    """Say quickly whether the sentence can name a source at all (a verb of saying or
    "according to" in it)."""
    low = lowered(sentence)
    return bool(_MAY_ATTRIBUTE.search(low if low is not None else sentence.lower()))


def source_for(sentence: str, last_person: Callable[[], str | None] | None,
               last_source: str | None = None, last_named: str | None = None) -> str | None:
    """Give who the sentence says gave its figures; "he"/"she" is `last_person()` (asked only
    then: finding it reads the sentences before), "it"/"they"
    the article's `last_source`, "the official" `last_named`, the person figures were last
    attributed to. An outlet reporting what an institution the sentence opens with said is
    not the source: the institution is."""
    found = _attribution(sentence, last_person or _no_one, last_source, last_named)
    if found is None and (acting := _ACTING_BODY.match(sentence)):
        return reduce_source(acting.group(1))   # "Ukraine's Air Force intercepted 12 drones"
    if found is None and (speaker := _SPEAKER_LINE.match(sentence)) and (
            _INSTITUTION.search(speaker.group(1)) or _PERSON.fullmatch(speaker.group(1))):
        return reduce_source(speaker.group(1))  # "Russian Ministry of Defense:\nDuring ..."
    if found and (found.lower() in _DOCUMENTS or found.islower() and
                  found.split()[-1] in _ACCOUNTS):
        return last_source              # "according to the statement": whoever issued it
    if found and language.MEDIA_OUTLETS.search(found):
        subject = _SUBJECT_SAID.match(sentence) or _BODY_SUBJECT.match(sentence)
        if subject and not language.MEDIA_OUTLETS.search(subject.group(1)):
            return reduce_source(subject.group(1)) or found
        # "..., the Air Force reported on Saturday, writes UNN": the one the outlet quotes
        rest = _OUTLET_CREDIT.sub("", sentence)
        other = _attribution(rest, last_person or _no_one, last_source, last_named) \
            if rest != sentence else None
        if other and not language.MEDIA_OUTLETS.search(other):
            return other
    return found


# the outlet a sentence credits: ", writes UNN", ", according to Ukrinform"
_OUTLET_CREDIT = re.compile(r"\s*,?\s*(?i:writes|reports|reported|informs|according\s+to|citing|"
                            r"as\s+reported\s+by)\s+(?:the\s+)?" + language.MEDIA_OUTLETS.pattern +
                            r"[^,.;]*")


# a line naming who speaks, then what they said on the lines below
_SPEAKER_LINE = re.compile(r"\s*((?:[Tt]he\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'\-]*){1,6})"
                           r"\s*:[ \t]*\n")
# a body that counts what it downed opens the sentence: the count is its own report
_ACTING_BODY = re.compile(
    r"(?:[^,.;]{0,30},\s*)?((?:[Tt]he\s+)?(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}?\s+)?"
    r"(?i:air\s+force|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|general\s+staff|navy)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*|\s+of){0,5})?)\s+"
    r"(?:shot|intercepted|destroyed|downed|neutrali[sz]ed|recorded|detected|tracked)\b")
# "The Ministry of Defense of Ukraine tweeted that ...": the sentence's own speaker
_SUBJECT_SAID = re.compile(r"((?:The\s+)?[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,6}?)\s+(?:"
                           + _SOURCE_VERBS + r")\s+(?:that\b|on\s+\w+\s+that\b)")


def _attribution(sentence: str, last_person: Callable[[], str | None], last_source: str | None,
                 last_named: str | None) -> str | None:
    """Give the source the sentence's own attribution names; `last_person()` the person a
    "he" or "she" points back to."""
    match = _APPOSITIVE.search(sentence) if _COMMA_VERB.search(sentence) else None
    if match:
        return match.group("name") or match.group("one")
    low = sentence.lower()
    match = _ACCORDING.search(sentence) if any(w in low for w in _ACCORDING_WORDS) else None
    if match:
        named = _NAME_AFTER_ROLE.match(sentence, match.end("src"))
        if named and _BARE_ROLE.fullmatch(match.group("src").strip()):
            return named.group(1)    # "according to the city's mayor, Igor Terekhov"
        said = match.group("src").strip().lower()
        if said in ("him", "her"):                  # "According to him, ..."
            return last_person()
        if said in ("it", "them"):
            return last_source
        return _named((match.group("the") or "") + match.group("src"), last_named)
    match = _SOURCE_AFTER.search(sentence)
    if match:
        return _named(match.group("src"), last_named)
    low = lowered(sentence)
    verbs = _SOURCE_VERB.finditer(sentence) if low is None else _SOURCE_VERB_LOWER.finditer(low)
    for match in verbs:
        before = _TRAILING_AUX.sub("", sentence[max(0, match.start() - 90):
                                                match.start()].rstrip())
        if "," in before:
            before = _ASIDE_BEFORE.sub("", before).rstrip(" ,")   # "Governor X, said"
        words = before.split()[-8:]
        if _DIGIT.search(before):
            words = _CLOCK_BEFORE.sub("", " ".join(words)).split()
        if not words:
            continue
        src = " ".join(words)
        parts = _SOURCE_SPLIT.split(src)
        src = parts[-1].strip()
        low = src.lower()
        if low in PRONOUNS:
            if low in ("he", "she") and (person := last_person()):
                return person
            if low in ("it", "they"):
                subject = _BODY_SUBJECT.match(sentence)
                if subject:                 # "Ukraine's air defense shot down ..., it said"
                    return reduce_source(subject.group(1))
                if last_source:
                    return last_source
            continue
        reduced = _named(src, last_named)
        if reduced and reduced.lower() in _DOCUMENTS:
            return last_source          # "a statement said": whoever the story named
        if reduced:
            return reduced
    return None


# "UNN reports this with reference to the Ministry of Energy", "This was announced by the
# mayor": a sentence that attributes the report around it, with no figure of its own
_THIS_ATTRIBUTED = re.compile(
    r"\b(?:" + _SOURCE_VERBS + r"|informs?|announced|stated|posted)\s+(?:about\s+|on\s+(?=this\s*(?:[.,;]|$)))?this\b")
# "Vitalii Kim, Head of the Oblast Military Administration, made this statement at a briefing"
_MADE_THIS = re.compile(r"\s*(?P<src>[A-Z][^,.;]{2,60}?)(?:,[^,.;]{1,120},)?\s+made\s+(?:this|these)\s+"
                        r"(?:statements?|announcements?|remarks?)\b")
_THIS_WAS_BY = re.compile(r"\b[Tt]his (?:was|is|has been) (?:\w+ )?(?:reported|announced|stated|"
                          r"said|confirmed|posted)\b[^.;]*?\bby (?P<src>[^,.;()]+)")


# "Source: Ukraine's Air Force on Telegram": the line some outlets print under the lead
_SOURCE_LINE = re.compile(r"\s*Sources?:\s+(?P<src>[^\n]{2,120})")


def is_source_line(sentence: str) -> bool:
    """Say whether the sentence is a line naming the source of the whole report."""
    return _SOURCE_LINE.match(sentence) is not None


def covering_source(sentence: str, last_named: str | None) -> str | None:
    """Give the source of a sentence that attributes the report it stands in ("X reports
    this with reference to Y" gives Y, "This was announced by the mayor" the mayor), else
    None."""
    line = _SOURCE_LINE.match(sentence)
    if line:
        first = line.group("src").split(",", 1)[0].strip()
        if _PERSON.fullmatch(first):          # "Source: Ruslan Kravchenko, Head of ..."
            return first
        return reduce_source(line.group("src"))
    by = _THIS_WAS_BY.search(sentence)
    if by:
        return _named(_SOURCE_SPLIT.split(by.group("src"))[0], last_named)
    if _THIS_ATTRIBUTED.search(sentence):
        return source_for(sentence, None, None, last_named)
    made = _MADE_THIS.match(sentence)
    return _named(made.group("src"), last_named) if made else None


# "Death toll rises to 40 - city official", "... without power: Zelensky", "... – DeepState"
_ROLE_WORDS = TITLE_WORDS | {"officials", "city", "local", "regional", "military", "senior", "top",
                             "of", "the", "and", "authorities", "police", "ministry", "service"}
_HEADLINE_SOURCE = re.compile(r"(?:\s[-–—|]|:)\s+(?P<src>[A-Za-z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,3})\s*$")


def headline_source(headline: str) -> str | None:
    """Give the source a headline names after its claim, if any."""
    match = _HEADLINE_SOURCE.search(headline)
    if match is None:
        return None
    src = match.group("src")
    if src[0].islower() and not any(w in TITLE_WORDS for w in src.lower().split()):
        return None                                   # "Kyiv attack: live updates"
    if any(w.lower() in NOT_SOURCES or w.lower() in language.STOP_WORDS or
           w.islower() and w not in _ROLE_WORDS for w in src.split()):
        return None                       # a clause: "Kyiv: Russian missiles kill three"
    return src


def people_named(sentence: str) -> list[str]:
    """Give the people's names (two capitalised words, no institution's or place's) in the
    sentence, in order."""
    names = []
    for run in _CAPITALISED_RUN.findall(sentence):
        words = run.split()
        titled = [i for i, w in enumerate(words) if _INSTITUTION.fullmatch(w) or
                  any(part in TITLE_WORDS for part in w.lower().split("-"))]
        words = words[titled[-1] + 1:] if titled else words
        name = " ".join(words[-3:] if len(words) > 2 and len(words[-2]) == 2 else words[-2:])
        if len(words) >= 2 and _PERSON.fullmatch(name) and not _GEOGRAPHY.search(name) and \
                not _NOT_A_PERSON.search(name):
            names.append(name)
    return names


# "On January 10", "Last Sunday", "In Kharkiv": a time or a phrase, not a person
_NOT_A_PERSON = re.compile(r"\b(?:" + "|".join(w.title() for w in (*language.WEEKDAYS,)) + r"|"
                           + r"(?i:" + language.MONTH_NAME + r"))\b|^(?:On|In|At|By|For|From|Last|This|Since)\s")
