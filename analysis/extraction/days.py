"""The days an article's figures fall on when their own sentences name none: the day the
report speaks from, the lead's day, and the day a headline's toll covers."""
from __future__ import annotations

import datetime as dt
import re

from ..reading.articles import Article
from ..reading.sentences import SentenceSpan
from . import language, periods


def lead_day(article: Article, spans: list[SentenceSpan], index: int) -> str:
    """Give the day the lead names by a weekday or a relative word (`overnight on Friday`,
    `on Thursday`, `yesterday`) in the body's sentences before sentence `index` (the first
    with a fact, which names none: "Russian missiles hit Ukraine on Thursday") or the two
    after it, else the article's date. A calendar date there is no lead: it dates an
    earlier event ("injuries suffered on 11 June")."""
    body = next((i for i, s in enumerate(spans) if s.section == "body"), index)
    for _, start, end in spans[max(body, index - 2):index] + spans[index + 1:index + 3]:
        today = article.published.isoformat()
        text = article.text[start:end]
        days = [p for p in periods.find_periods(text, article.published)   # "overnight" is
                if p.kind == "day" and p.value != today and    # today: no news
                not _FUTURE_BEFORE.search(text, max(0, p.start - 60), p.start)]
        if days:
            return days[0].value
    return article.published.isoformat()


# "blackouts would be introduced on Friday": a day still to come dates no figure
_FUTURE_BEFORE = re.compile(r"\b(?:would|will|shall|to\s+be|expected|planned|scheduled|due\s+to)\b"
                            r"[^.;,]*$", re.I)


# "KYIV, Jan 12 (Reuters) - ", "KYIV, Jan 12 - ": the day the report was filed
_DATED_LINE = re.compile(r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2},\s+(?P<day>(?i:" + language.MONTH_NAME +
                         r")\.?\s+\d{1,2})\b(?:\s*\([^()\n]{1,60}\))?\s*[-–—]")
# "..., officials said on Friday": the lead dates the report to the day before publication
_LEAD_SAID = re.compile(r"\b(?:" + "|".join(language.SOURCE_VERBS) + r")\s+(?:on\s+)?(?P<day>" +
                        "|".join(d.title() for d in language.WEEKDAYS) + r")\b")


def report_day(article: Article, spans: list[SentenceSpan]) -> dt.date:
    """Give the day the report speaks from: the day of its dated dateline, or the day before
    publication when the lead says its sources spoke then; else the publication date."""
    body = next((s for s in spans if s.section == "body"), None)
    if body is None or article.published == dt.date.min:
        return article.published
    lead = article.text[body.start:body.end]
    dated = _DATED_LINE.match(lead)
    found = None
    if dated:
        found = periods.find_periods(dated.group("day"), article.published)
    elif (said := _LEAD_SAID.search(lead)):
        found = periods.find_periods(said.group("day"), article.published)
    day = found[0].value if found and found[0].kind in ("day", "date") else None
    before = article.published - dt.timedelta(days=1)
    return before if day == before.isoformat() else article.published




def headline_toll_day(article: Article) -> str | None:
    """Give the day a headline's toll "over the past day" counts ("8 killed, 46 injured in
    Russian attacks over past day"): the casualties the body lists without a day of their
    own are that day's."""
    match = periods.PAST_DAY_RE.search(article.headline)
    if match is None:
        return None
    found = periods.find_periods(match.group(0), article.published)
    return found[0].value if found else None
