"""Resolve the time expressions of an article against its date.

`find_periods(text, published)` gives every expression with what it resolves to: a day
(`YYYY-MM-DD`), a month (`YYYY-MM`), a span too long for either (`""`: "since February
2022", "this year", "last week"), or `"that month"` (the last month the article named).

Rules: `overnight`, `last night`, `today`, `this morning` are the article's date; `yesterday` the day
before; a weekday (`on Tuesday`, `said Wednesday`) the latest such day on or before the
article's date, and a night from one weekday to the next (`the night of Saturday to
Sunday`, `overnight into Sunday`) the morning it ends, as the Air Force dates its reports,
and so does a day a reporting window opens in the evening of (`from 6:00 p.m. on July 3`);
a run of days within a month (`September 4-10`) its month; `last Tuesday` the latest strictly before it; a month without a year the
latest such month not after the article's month; `last month`/`this month` relative to it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .language import MONTH_NAME, MONTHS, WEEKDAYS

_MON = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
# FACTS.md: "in the past day" is the day before the article
PAST_DAY = r"\b(?:in|over|during) (?:the )?(?:past|last) (?:day|24 hours)\b"
PAST_DAY_RE = re.compile(PAST_DAY, re.I)
_MONTH = f"(?P<month>{MONTH_NAME})\\.?"
THAT_MONTH = "that month"

_PATTERNS = [
    # "since the start of November" in a November report: a span within the month, the month
    ("month_start", r"\bsince the (?:start|beginning) of " + _MONTH.replace("month", "month5")
                    + r"(?:\s+(?P<year5>\d{4}))?\b"),
    # "since the beginning of this month": the report's month so far
    ("this_month", r"\bsince the (?:start|beginning) of (?:this|the) month\b"),
    # "the final week of winter", "the first week of March": the month the week falls in
    ("week_of", r"\b(?P<nth>first|second|third|last|final)\s+week\s+of\s+(?:(?P<season>winter)|"
                + _MONTH.replace("month", "month8") + r"(?:\s+(?P<year8>\d{4}))?)\b"),
    # a season or a run of months is no day or month: "over the three-month winter period"
    ("span", r"\b(?:(?:this|last|that)\s+|(?:over|during|throughout)\s+the\s+(?:[\w\-]+\s+){0,2}?)"
             r"(?:winter|summer|autumn|heating\s+season)(?:\s+(?:period|months))?\b"
             r"(?!\s+(?:of|frosts?|cold|weather|conditions|temperatures?|storms?)\b)|"
             r"\b(?:two|three|four|five|six|\d+)-month\b"),
    # a week is its month when it lies within one (FACTS.md), else a span: "last week",
    # "in the past week", "next week"
    ("week", r"\b(?P<week>this|last|next) week\b|\b(?:over|in|during) the (?P<week2>past|last) week\b"),
    ("span", r"\bsince\b(?!\s+\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?\s*m\b))|\bso far\b|\bthis year\b|\blast year\b|"
             r"\bin recent (?:days|weeks|months)\b|\bover the past (?:\w+ )?(?:weeks|months|years)\b|"
             r"\b(?:whole|all|course|rest|entirety) of (?:\d{4}|the year|last year)\b|"
             r"\b(?:in|during|throughout|over) (?:the )?(?:\d{4})\b(?! *,)|\bsince the start\b|"
             r"\bper day\b|\bdaily\b|\bon average\b|\bin total since\b|"
             r"\bfrom the (?:start|beginning|outbreak) of (?:the )?(?:war|invasion|full-scale)\b|"
             r"\b(?:over|in|during) the (?:past|last) (?:week|\w+ days)\b"),
    # a run of months is a span (FACTS.md): "April 2023 to March 2024", "from June to August"
    ("span", r"\b" + _MONTH.replace("month", "month6") + r"(?:\s+\d{4})?\s*(?:[-–—]|to|through|until)\s*"
             + _MONTH.replace("month", "month7") + r"(?:\s+\d{4})?\b"),
    # a run of days within a month is the month (FACTS.md): "September 4-10", "May 1 to 7"
    ("range", r"\b" + _MONTH.replace("month", "month4") +
              r"\s+\d{1,2}\s*(?:[-–]|to|through)\s*(?P<day4>\d{1,2})\b(?!\s*[:.]\d)"
              r"(?:,?\s+(?P<year4>\d{4}))?"),
    ("date", r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?|"
             r"\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("month", "month2")
             + r"\b(?:,?\s+(?P<year2>\d{4}))?"),
    ("month", r"\b" + _MONTH.replace("month", "month3") + r"\b(?:\s+of)?(?:\s+(?P<year3>\d{4}))?"),
    ("that_month", r"\b(?:that|the same) month\b"),
    ("last_month", r"\blast month\b|\bprevious month\b|\bpast month\b"),
    ("this_month", r"\bthis month\b"),
    ("night_to", r"\b(?:over)?night\s+(?:of|from)\s+(?:" + "|".join(WEEKDAYS) + r")\s+(?:to|into)\s+"
                 r"(?P<wd3>" + "|".join(WEEKDAYS) + r")\b|\bovernight\s+(?:into|to)\s+(?P<wd4>"
                 + "|".join(WEEKDAYS) + r")\b|\bbetween\s+(?:" + "|".join(WEEKDAYS) + r")\s+and\s+(?P<wd5>"
                 + "|".join(WEEKDAYS) + r")\b"),
    # FACTS.md: "the previous night" and "in the past day" are the day before the article
    ("yesterday", r"\byesterday\b|\bthe previous night\b|" + PAST_DAY),
    # "last night" is the night that ended on the article's morning, as "overnight"
    ("today", r"\btoday\b|\btonight\b|\bthis morning\b|\bovernight\b|\bthis evening\b|"
              r"\blast night\b|\bcurrently\b|\bnow\b"),
    ("last_weekday", r"\blast (?P<wd>" + "|".join(WEEKDAYS) + r")\b"),
    ("weekday", r"\b(?P<wd2>" + "|".join(WEEKDAYS) + r")\b"),
]
# every expression starts at a word boundary: tested once, up front, the scan skips
# mid-word positions twice as fast
_RE_BODY = r"(?=[a-z0-9])\b(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)) + ")"
_RE = re.compile(_RE_BODY, re.I)
_RE_LOWER = re.compile(_RE_BODY)        # on lower-cased text: several times faster than re.I
_KINDS = [k for k, _ in _PATTERNS]


class Period(NamedTuple):
    """A time expression and what it resolves to."""

    start: int
    end: int
    kind: str           # day, date (a calendar date), month, span, that_month
    value: str          # YYYY-MM-DD, YYYY-MM, "" for spans, "that month"


def _month_of(name: str) -> int:
    """Give the number (1-12) of a month's name or abbreviation."""
    return _MON[name[:3].lower()]


def _latest_month(month: int, published: dt.date) -> int:
    """Give the year of the latest such month up to the article's date."""
    return published.year if month <= published.month else published.year - 1


def _shift_month(day: dt.date, months: int) -> str:
    """Give the month (YYYY-MM) `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _week_month(published: dt.date, which: str) -> str:
    """Give the month (YYYY-MM) a week lies in ("this", "last", "next" calendar week, or the
    "past" seven days before the article's date), or "" when it spans two months."""
    monday = published - dt.timedelta(days=published.weekday())
    first, last = {"this": (monday, published),
                   "last": (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)),
                   "next": (monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)),
                   }.get(which, (published - dt.timedelta(days=7), published - dt.timedelta(days=1)))
    return first.isoformat()[:7] if first.month == last.month else ""


# Every expression holds one of these; a text without any is skipped quickly.
_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
         "day", "since", "so far", "this ", "last ", "recent", "past", "whole", "all of",
         "course of", "rest of", "entirety", "winter", "summer", "autumn", "season", "in 1", "in 2", "during", "throughout", "over ", "average",
         "total", "month", "night", "morning", "evening", "yester", "currently", "now")


def _days_before(day: dt.date, days: int) -> str | None:
    """Give the ISO date `days` before `day`, or None before the calendar starts."""
    try:
        return (day - dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None


# "the biggest monthly gain since October 2022": a comparison, not the figure's period
_SUPERLATIVE = re.compile(r"\b(?:biggest|largest|deadliest|heaviest|highest|worst|greatest|fastest|"
                          r"strongest|longest|most\s+[\w\-]+|first)\b[^.;,:!?]{0,60}$", re.I)
_FIGURE_AFTER = re.compile(r"\s*\(\s*(?:about\s+|some\s+|over\s+|nearly\s+)?\d")
_PHRASE_END = re.compile(r"[,;:.!?()—–]")
_MONTH_PREP = re.compile(r"\b(?:in|of|during|since|for|throughout|until|by|to|from)\s+$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\b[^,.;]{0,40}$", re.I)
# "from 6:00 p.m. (local time) on July 3", "since 18:00 on Saturday": a night's reporting
# window opens that evening, and its figures are dated the morning after, as the Air Force's
_EVENING_FROM = re.compile(r"\b(?:from|since|starting at)\s+(?:(?:1[2-9]|2[0-3])[:.]\d{2}(?!\s*a\.?\s*m)|"
                           r"\d{1,2}(?:[:.]\d{2})?\s*p\.?\s*m\.?)\s*(?:\([^()]{0,20}\)\s*)?,?\s*(?:on\s+)?$",
                           re.I)


_NIGHT_BEFORE = re.compile(r"\bnight\s+(?:of\s+)?$", re.I)


def find_periods(text: str, published: dt.date) -> list[Period]:
    """Give the resolved time expressions of `text`, in order."""
    low = text.lower()
    if not any(key in low for key in _KEYS):     # faster than one regex of them all
        return []
    found = []
    compared_until = 0              # the end of a comparison's "since ..." phrase
    for match in (_RE.finditer(text) if len(low) != len(text) else _RE_LOWER.finditer(low)):
        kind = _KINDS[int(match.lastgroup[1:])]
        groups = match                  # groups read by name, only when needed
        value, out = "", "span"
        if kind == "span":
            pass
        elif kind == "date":
            name = groups["month"] or groups["month2"]
            which = "month" if groups["month"] else "month2"
            if name.lower() in ("may", "march") and text[match.start(which)].islower():
                continue                                      # "12 may have", "10 march on"
            day = int(groups["day"] or groups["day2"])
            year_text = groups["year"] or groups["year2"]
            month = _month_of(name)
            year = int(year_text) if year_text else _latest_month(month, published)
            try:
                value, out = dt.date(year, month, day).isoformat(), "day"
            except ValueError:
                continue
        elif kind == "range":
            month = _month_of(groups["month4"])
            year = int(groups["year4"]) if groups["year4"] else _latest_month(month, published)
            value, out = f"{year:04d}-{month:02d}", "month"
            if _NIGHT_BEFORE.search(text, max(0, match.start() - 16), match.start()):
                try:            # "the night of July 3-4" is the morning it ends
                    value, out = dt.date(year, month, int(groups["day4"])).isoformat(), "day"
                except ValueError:
                    continue
        elif kind == "month":
            name = groups["month3"]
            if name.lower() in ("may", "mar", "march") and not groups["year3"] and \
                    not _MONTH_PREP.search(text, max(0, match.start() - 12), match.start()):
                continue                                      # "may" the verb, "march" the walk
            month = _month_of(name)
            year = int(groups["year3"]) if groups["year3"] else _latest_month(month, published)
            value, out = f"{year:04d}-{month:02d}", "month"
        elif kind == "month_start":
            month = _month_of(groups["month5"])
            year = int(groups["year5"]) if groups["year5"] else _latest_month(month, published)
            value = f"{year:04d}-{month:02d}"
            out = "month" if value == published.isoformat()[:7] else "span"
            value = value if out == "month" else ""
        elif kind == "that_month":
            value, out = THAT_MONTH, "that_month"
        elif kind == "last_month":
            value, out = _shift_month(published, -1), "month"
        elif kind == "this_month":
            value, out = _shift_month(published, 0), "month"
        elif kind == "week_of":
            if groups["season"]:              # winter's last week is February's, its first December's
                month = 2 if groups["nth"] in ("last", "final") else 12
                year = _latest_month(month, published)
            else:
                month = _month_of(groups["month8"])
                year = int(groups["year8"]) if groups["year8"] else _latest_month(month, published)
            value, out = f"{year:04d}-{month:02d}", "month"
        elif kind == "week":
            value = _week_month(published, groups["week"] or "past")
            out = "month" if value else "span"
        elif kind == "yesterday":
            value, out = _days_before(published, 1), "day"
        elif kind == "today":
            value, out = published.isoformat(), "day"
        elif kind in ("last_weekday", "weekday", "night_to"):
            wd = WEEKDAYS.index((groups["wd"] or groups["wd2"] or groups["wd3"] or groups["wd4"]
                                 or groups["wd5"]).lower())
            back = (published.weekday() - wd) % 7
            if kind == "last_weekday" and back == 0:
                back = 7
            value, out = _days_before(published, back), "day"
        if value is None:
            continue                                          # before 1 January of year 1
        since = None
        if kind == "span" and match.group().lower().startswith("since"):
            since = match.start()
        elif out in ("day", "month") and kind in ("date", "month") and \
                not _FIGURE_AFTER.match(text, match.end()):  # "since November 2024 (725 sq km)"
            before = _SINCE_BEFORE.search(text, max(0, match.start() - 48), match.start())
            if before is not None:
                since = before.start()
                value, out = "", "span"                       # "since March 2022"
        if since is not None and _SUPERLATIVE.search(text, max(0, since - 80), since):
            phrase_end = _PHRASE_END.search(text, match.end())
            compared_until = phrase_end.start() if phrase_end else len(text)
            continue
        if match.start() < compared_until and not (kind in ("date", "month") and
                                                   _FIGURE_AFTER.match(text, match.end())):
            continue                                          # "since the start of ... last year"

        if out == "day" and kind in ("date", "weekday") and _EVENING_FROM.search(
                text, max(0, match.start() - 48), match.start()):
            after = _days_before(dt.date.fromisoformat(value), -1)
            value = after if after and after <= published.isoformat() else value
        if kind == "date" and out == "day":
            out = "date"
        found.append(Period(match.start(), match.end(), out, value))
    return found
