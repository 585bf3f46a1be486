"""Turn articles into facts: one row per quantitative claim, with its context.

For every number `numbers.find_mentions` finds, the extractor reads
- the unit: the head noun of the phrase after the number (`three apartment blocks`), the
  unit glued to it (`-17 degrees Celsius`, `481 square kilometres`), or, for a bare number,
  what the phrase implies (`killed 11` counts people; `of which seven` counts what the
  sentence counted before) (`phrases`);
- the metric: the nearest cue that fits the unit (`were left without heating`, `shot
  down`, `killed`), measured in words, with a penalty for each clause boundary crossed;
  a cue that cancels the count (`power was restored to`) or a negated one drops it
  (`metrics`, `readings`, and the checks of `vetoes`);
- the place: a place named in the number's own clause, else in its sentence, else (for
  casualties and outages) the most specific place of the latest sentence that named one;
  `Ukraine` for nationwide launch, interception and territory figures (`location`);
- the period: the time expression nearest to the number in its sentence, else the day the
  article's first factual sentence names (`the air force said Wednesday`), else the
  article's date; territory figures take the month named, or the last month named before
  (`dating`);
- the source: the attribution of the sentence (`X said`, `according to X`) (`sources`), else
  the paragraph's, the report's or the whole's it breaks down (`attribution`).
"""
from __future__ import annotations

import dataclasses
import re

from ..reading.articles import Article
from ..reading.fact_table import FactColumns, FactRow
from ..reading.sentences import SentenceSpan, sentence_id, sentence_spans
from . import language, numbers, periods, places
from .attribution import (Cover, covered, headline_from_body, paragraph_sourced,
                          territory_analysts, whole_source)
from .dating import last_month, period_for
from .days import headline_toll_day, lead_day, report_day
from .location import attack_target, each_of, location_for
from .memory import ArticleMemory, Launch
from .parts import breakdown_reading, mark_parts
from .metrics import CueChoice
from .phrases import Candidate, candidates as sentence_candidates
from .readings import Reading, outage_for_affected, readings_for
from .sentence import Sentence
from .sources import (covering_source, headline_source, is_source_line, may_attribute, person_in,
                      source_for)

QUOTE_WIDTH = 240

_SINGULAR_NOUNS = sorted((k for k, v in language.NOUNS.items()
                          if isinstance(k, str) and v in ("person", "missile", "drone")),
                         key=len, reverse=True)
# a sentence with no number may still count one: "a woman was killed"
_SINGULAR = re.compile(r"(?=[a])\b(?:an?|another)\s+(?:[\w'’\-]+\s+){0,5}?(?:"
                       + "|".join(map(re.escape, _SINGULAR_NOUNS)) + r")\b|\b(?:"
                       + "|".join(language.CASUALTY_VERBS) + r")\s+(?:" + "|".join(language.DETERMINERS)
                       + r")\s+(?:\w+\s+)?(?:" + "|".join(language.ONE_PERSON) + r")\b|"
                       r"\ban?\s+\d{1,3}-year-old\s+(?:was|is|has|died)\b", re.I)
_MONTHISH = re.compile(r"\b(?:" + "|".join(m[:3].title() for m in language.MONTHS) +
                       r")[a-z]*\b|\bmonth\b")
# "KYIV, Feb 3 (Reuters) - ", "Paris, (APP - 2nd Sep, 2024) ": where the report was filed
_DATELINE = re.compile(r"(?:[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2},[^()\n]{0,30}|[A-Z]{3,}(?: [A-Z]{3,})?\s*)"
                       r"\([^()\n]{1,100}\)\s*(?:[-–—]+\s*)?")
# a dateline below a byline names its agency: "Kyiv, (APP - UrduPoint - 6th Oct, 2023)"
_AGENCY_DATELINE = re.compile(r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2},[^()\n]{0,30}"
                              r"\((?:[A-Z]{2,}\b|Reuters|Ukrinform|Xinhua)[^()\n]{0,100}\)\s*(?:[-–—]+\s*)?")
_OUTAGES = ("without_heating", "without_power")
# a source that speaks for the whole country: "Ukrainian authorities", "Ukraine's military"
_NATIONAL_SOURCE = re.compile(r"Ukrain(?:ian|e['’]s)\s+(?:authorities|officials|government|military|"
                              r"president|prime minister|interior minister|emergency services?)\b",
                              re.I)
_NIGHTLY = ("launched", "intercepted")        # the Air Force's counts of the night
# what location.attack_target reads, tested before a sentence's places are looked for
_ATTACK_WORD = re.compile(r"(?=[abflrstABFLRST])\b(?:(?:attacks?|strikes?|assault|raid|barrage)\s+(?:on|against)\b|"
                          r"(?:attacked|targeted|struck)\s+(?:the\s+)?(?-i:[A-Z])|"
                          r"(?:launched|fired)\s+(?:\w+\s+){0,4}?(?:at|on|against)\s)", re.I)
_LISTED = re.compile(r"\s*[-•–—*]\s")          # an item of a list
_LISTED_LINE = re.compile(r"(?:^|\n)\s*[-•–—*]\s")   # a line of the sentence is one
# a paragraph that recalls earlier events: "As a reminder, on Monday ..."
_BACKGROUND = re.compile(r"\s*(?:As a reminder|Recall|It will be recalled|Earlier|Previously|"
                         r"As reported)\b")


def _is_year(cand: Candidate) -> bool:
    """Say whether the number is a year ("in 2024"), unless a noun right after it says it
    counts something ("2024 drones")."""
    m = cand.mention
    return m.kind == "number" and m.year_like and not (cand.cls and cand.np_end - cand.tok_end <= 2)


def fact_row(article: Article, index: int, span: SentenceSpan, cand: Candidate, reading: Reading,
             location: str | None, period: str | None, source: str | None,
             shared: dict | None = None) -> FactRow:
    """Give the facts-table row of one reading of a number, quoting its sentence (a window of
    it around the number in a long one); `shared` keeps one copy of the sentence's id."""
    shared = {} if shared is None else shared
    m = cand.mention
    text = article.text
    phrase = m.qualifier_text
    low, high = numbers.bounds(reading.value, reading.qualifier, phrase,
                               integer=reading.metric not in ("temperature", "territory_seized"))
    if m.kind == "order":
        low, high = numbers.bounds(reading.value, "order_of_magnitude")
    q_start, q_end = span.start, span.end
    if q_end - q_start > QUOTE_WIDTH:
        q_start = max(span.start, m.start - QUOTE_WIDTH // 2)
        q_end = min(span.end, q_start + QUOTE_WIDTH)
    return FactRow(
        article.article_id, reading.metric, reading.unit, float(reading.value), reading.qualifier,
        low, high, location, period, source,
        shared.get("sentence_id") or shared.setdefault("sentence_id",
                                                       sentence_id(article.article_id, index)),
        m.start, m.end, text[m.start:m.end], phrase, reading.cue, reading.stated_value,
        reading.stated_unit, None, q_start, q_end)


def _sentence_facts(article: Article, index: int, span: SentenceSpan, doc: Sentence,
                    memory: ArticleMemory) -> list[FactRow]:
    """Give the fact rows of one sentence, each number's reading of a metric once; a row's
    period is None where the sentence names none (the article's default period is given at
    the end), "" for a span longer than a month."""
    s_start, s_end = span.start, span.end
    sentence = article.text[s_start:s_end]
    found = sentence_candidates(doc, s_start, s_end, memory.last_kind, len(
        {r.unit for r in memory.last_rows if r.unit in ("missiles", "drones")}) < 2)
    memory.last_kind = found.last_kind
    cands = found.candidates
    decided: dict[int, CueChoice] = {}
    shared: dict = {}
    rows: list[FactRow] = []
    seen: set[tuple[int, str]] = set()
    source: str | None = None
    for i, cand in enumerate(cands):
        next_start = cands[i + 1].mention.start if i + 1 < len(cands) else s_end
        if _is_year(cand):
            continue
        read = readings_for(doc, cand, cands, decided, sentence, s_start, s_end)
        made = read.readings or breakdown_reading(doc, cand, cands, memory.last_rows)
        if made and read.choice is not None:
            decided[cand.index] = read.choice
        if memory.last_outage:
            made = [outage_for_affected(r, memory.last_outage) for r in made]
        if made and source is None:
            source = source_for(sentence, lambda: memory.last_person(index), memory.last_source,
                                memory.last_named) or ""
            if not source:
                source = whole_source(made, memory.last_rows, bool(read.readings), len(cands) > 1,
                                      frozenset(p.name for p in doc.places))
            memory.last_source = source or memory.last_source
            memory.last_named = person_in(source) or memory.last_named
        for reading in made:
            if (cand.mention.start, reading.metric) in seen:
                continue                        # the number read twice as one metric
            seen.add((cand.mention.start, reading.metric))
            location = location_for(doc, cand, reading.metric, sentence, s_start, s_end,
                                    next_start, lambda level=None: memory.last_places(index, level), reading.cue,
                                    bool(source and _NATIONAL_SOURCE.match(source)),
                                    memory.target_for(reading.metric, reading.unit,
                                                      reading.value))
            period = period_for(doc, cand, s_start, s_end, reading.metric, memory.last_month, cands)
            if period is None and reading.metric == "territory_seized":
                period = memory.last_month or ""
            row = fact_row(article, index, span, cand, reading, location, period, source or None, shared)
            rows += [row] + [row._replace(location=name) for name in each_of(doc, cand)]
    rows = mark_parts(doc, rows, cands, memory.last_rows)
    rows = _interceptions_placed(doc, rows, memory)
    memory.last_rows = rows or memory.last_rows
    return rows


def _interceptions_placed(doc: Sentence, rows: list[FactRow],
                          memory: ArticleMemory) -> list[FactRow]:
    """Give the rows with an interception count that names no launch of its own and does not
    exceed the article's latest launch of that weapon placed where that launch struck, when
    the sentence names no place ("two ballistic missiles hit the capital ... air defence
    destroyed two ballistic missiles"), and dated as it was, when the sentence names no
    period ("launched 205 drones overnight ... intercepted 176"); remember this sentence's
    launches."""
    if not rows:
        return rows
    launched = {r.unit for r in rows if r.metric == "launched"}
    out = []
    for r in rows:
        before = memory.last_launch.get(r.unit)
        if r.metric == "intercepted" and before is not None and r.unit not in launched \
                and r.value <= before.value:
            if not doc.places and r.location == places.COUNTRY and \
                    before.location not in (None, places.COUNTRY):
                r = r._replace(location=before.location)
            if r.period is None and before.period is not None:
                r = r._replace(period=before.period)
        out.append(r)
    for r in out:
        if r.metric == "launched":
            memory.last_launch[r.unit] = Launch(r.location, r.value, r.period)
    return out


def extract_article(article: Article, into: FactColumns | None = None) -> FactColumns:
    """Give the facts of one article (columns of schemas.FACTS), appended to `into` when
    given. Relative days ("overnight", "on Monday") count from the day the report speaks
    from (`days.report_day`)."""
    spans = sentence_spans(article)
    reported = report_day(article, spans)
    if reported != article.published:
        article = dataclasses.replace(article, published=reported)
    text = article.text
    dateline = _DATELINE.match(text, article.body_start) or next(
        (m for _, start, _ in [s for s in spans if s.section == "body"][1:3]
         if (m := _AGENCY_DATELINE.match(text, start))), None)     # after a byline
    dateline_end = dateline.end() if dateline else 0
    memory = ArticleMemory(article, spans, dateline_end, places.capital_of(text))
    facts = FactColumns() if into is None else into
    first = len(facts)
    paragraph: list[tuple[int, list[FactRow]]] = []     # the paragraph's sentences so far
    headline_end: int | None = None                       # where the headline's rows end
    covers: list[Cover] = []                  # the sentences that attribute the report
    last_fact_start = -1                      # where the latest sentence with facts starts
    past_day = False                          # the article's day is "the past day" of a round-up

    for index, span in enumerate(spans):
        if index and "\n" in text[spans[index - 1].end:span.start]:
            facts.extend(paragraph_sourced(paragraph, memory), text)
            paragraph = []
        if headline_end is None and span.section == "body":
            headline_end = len(facts) + sum(len(found) for _, found in paragraph)
        sentence = text[span.start:span.end]
        if covers and _BACKGROUND.match(sentence):
            covers.append(Cover(span.start, -1, None))
        if memory.attack_target and index and "\n" in text[spans[index - 1].end:span.start] \
                and (memory.target_listed or not _LISTED.match(sentence)) \
                and not text.endswith(":", 0, spans[index - 1].end):
            memory.attack_target = None    # the attack's place holds for its paragraph or list
        if memory.attack_target or _ATTACK_WORD.search(sentence):
            named = memory.places_of(index)
            if named or not memory.attack_target:   # a place named anew ends the attack's
                memory.attack_target = attack_target(sentence, named, span.start)
                memory.target_listed = _LISTED_LINE.search(sentence) is not None   # an item's own
        mentions = numbers.find_mentions(sentence, span.start)
        if not mentions and not _SINGULAR.search(sentence):
            covering = covering_source(sentence, memory.last_named)
            if covering:
                covers.append(Cover(span.start, 0 if is_source_line(sentence) else
                                    last_fact_start, covering))
            elif covers and source_for(sentence, None):
                covers.append(Cover(span.start, -1, None))     # the report's cover ends
            elif span.section == "body" and may_attribute(sentence):
                # "..., the air force said. It said ... 54 of 69"
                memory.last_source = source_for(sentence, None) or memory.last_source
            if _MONTHISH.search(sentence):
                memory.last_month = last_month(periods.find_periods(sentence, article.published),
                                               memory.last_month)
            continue
        doc = Sentence(article, span.start, span.end, mentions, dateline_end, memory.capital)
        memory.share_places(index, doc)
        sentence_rows = _sentence_facts(article, index, span, doc, memory)
        if sentence_rows and memory.default_period is None and span.section == "body":
            days = [p for p in doc.periods if p.kind in ("day", "date")]
            # "in the night from July 14 to July 15": the day its figures were given
            dated = next((r.period for r in sentence_rows if r.period and len(r.period) == 10), None)
            memory.default_period = dated or (days[0].value if days else lead_day(article, spans, index))
            past_day = bool(days) and periods.PAST_DAY_RE.fullmatch(text, days[0].start, days[0].end)
        paragraph.append((index, sentence_rows))
        if sentence_rows:
            last_fact_start = span.start
            memory.last_outage = next((r.metric for r in sentence_rows
                                       if r.metric in _OUTAGES), None)
        if sentence_rows or _MONTHISH.search(sentence):
            memory.last_month = last_month(doc.periods, memory.last_month)
    facts.extend(paragraph_sourced(paragraph, memory), text)
    covered(facts, first, covers)
    territory_analysts(facts, first, text)
    headline_end = first if headline_end is None else headline_end
    headline_from_body(facts, first, headline_end)
    marked = headline_source(article.headline) if headline_end > first else None
    if marked:                           # "Death toll rises to 40 - city official"
        source = facts.column("source")
        for i in range(first, headline_end):
            source[i] = marked
    fallback = memory.default_period or article.published.isoformat()
    toll_day = headline_toll_day(article)
    period, metric = facts.column("period"), facts.column("metric")
    for i in range(first, len(period)):
        if period[i] is None:                   # the sentence named no period
            if toll_day and metric[i] in language.TOLLS:
                period[i] = toll_day
            elif past_day and metric[i] in _NIGHTLY:
                period[i] = article.published.isoformat()   # the night's report, not the round-up's day
            else:
                period[i] = fallback
        elif period[i] == "":
            period[i] = None                    # a span: no day or month covers the figure
    return facts
