"""Each article's page of the report: its text with every number the facts table reads marked
in place, so a reader checks the extraction against the article in seconds.

A mark is coloured by its metric (`METRIC_COLORS`, the one palette of metrics), gives the
fact's metric, value, unit, place, period and source on hover (its `title`) and in text for
screen readers (a visually hidden span), and carries the fact's anchor (`fact_anchor`), which
the facts table links (`fact_href`). The article's text is escaped: nothing in it becomes
markup. One page per article in `articles/` beside the index, each linking back to it and to
the articles before and after; no script, nothing fetched.
"""
from __future__ import annotations

import bisect
import hashlib
import html
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from ..reading.vocabulary import METRICS
from .display import counted
from .interactive import number_text

FOLDER = "articles"               # the pages' folder, beside the report's index

# Tableau 10: distinct hues, each tinted behind dark text and drawn full under it.
METRIC_COLORS = {
    "launched": "#f28e2b",
    "intercepted": "#4e79a7",
    "killed": "#e15759",
    "wounded": "#ff9da7",
    "without_heating": "#76b7b2",
    "without_power": "#edc948",
    "damaged": "#9c755f",
    "temperature": "#b07aa1",
    "territory_seized": "#59a14f",
}
assert set(METRIC_COLORS) == set(METRICS), "every metric needs its colour, and only metrics"
TINT = 0.45                       # the share of a metric's colour behind the text it marks

UNIT_WORDS = {"degC": "°C", "km2": "km²"}
# what a page says of a fact; the rows of CHUNK articles are held at once
FACT_FIELDS = ["fact_id", "article_id", "metric", "unit", "value", "qualifier", "location",
               "period", "source", "start", "end", "quote"]
CHUNK = 500
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t]*(?:\n|$)))*")   # up to a blank line


def page_name(article_id: str) -> str:
    """Give the file name of an article's page: its id when that is a plain file name, else
    the id's letters and digits and a short hash of it (so no two ids share a page)."""
    if _SAFE_ID.fullmatch(article_id):
        return f"{article_id}.html"
    plain = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id)[:60].strip("._") or "article"
    return f"{plain}-{hashlib.sha256(article_id.encode('utf-8')).hexdigest()[:10]}.html"


def article_href(article_id: str) -> str:
    """Give the link to an article's page from the report's index (or a notebook's page)."""
    return f"{FOLDER}/{page_name(article_id)}"


def fact_anchor(fact_id: str, article_id: str) -> str:
    """Give the id of a fact's mark on its article's page: the fact id past its article's."""
    own = fact_id[len(article_id) + 1:] if fact_id.startswith(f"{article_id}:") else fact_id
    return "fact-" + re.sub(r"[^A-Za-z0-9_-]", "-", own)


def fact_href(article_id: str, fact_id: str) -> str:
    """Give the link to a fact's mark from the report's index (or a notebook's page)."""
    return f"{article_href(article_id)}#{fact_anchor(fact_id, article_id)}"


def _tint(color: str, share: float = TINT) -> str:
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - share * (255 - c)):02x}" for c in rgb)


def _words(name: str) -> str:
    return name.replace("_", " ")


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.6; }
nav { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .95rem;
      border-bottom: 1px solid #ddd; padding-bottom: .6rem; }
nav.end { border-bottom: none; border-top: 1px solid #ddd; padding-top: .6rem; margin-top: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.35; }
.meta, .note { color: #555; font-size: .9em; }
#legend { display: flex; flex-wrap: wrap; gap: .3rem .8rem; padding: 0; list-style: none; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
          margin-right: .3em; border-radius: 2px; }
mark.fact { color: inherit; padding: 0 .12em; border-radius: 2px; border-bottom: .18em solid;
            cursor: help; scroll-margin-top: 40vh; }
mark.fact.multi { outline: 1px dashed #555; }
mark.fact:target, mark.fact:has(.anchor:target) { outline: 3px solid #1a1a1a;
                                                  outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
           overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
#facts li { margin-bottom: .2rem; }
""" + "".join(
    f"mark.m-{m} {{ background: {_tint(c)}; border-bottom-color: {c}; }}\n"
    f".swatch.m-{m} {{ background: {_tint(c)}; border-bottom: .18em solid {c}; }}\n"
    for m, c in METRIC_COLORS.items())


# --- a fact in words -------------------------------------------------------------------------

def _unit(unit) -> str:
    return UNIT_WORDS.get(str(unit), _words(str(unit)))


def _known(value, missing: str = "not given") -> str:
    return missing if value is None or pd.isna(value) or str(value) == "" else str(value)


def fact_summary(fact) -> str:
    """Give a fact's metric, value and unit, with its qualifier when not exact:
    "launched: more than 60 missiles"."""
    qualifier = "" if fact.qualifier == "exact" else f" ({_words(fact.qualifier)})"
    return f"{_words(fact.metric)}: {number_text(fact.value)} {_unit(fact.unit)}{qualifier}"


def fact_details(fact) -> list[str]:
    """Give a fact's place, period and source, one line each, saying when one is not given."""
    return [f"place: {_known(fact.location)}", f"period: {_known(fact.period)}",
            f"source: {_known(fact.source, 'not named')}"]


def _e(value) -> str:
    return html.escape(str(value))


# --- the text, marked ------------------------------------------------------------------------

def _blocks(article) -> list[tuple[int, int, str]]:
    """Give the article's headline and paragraphs as (start, end, tag), offsets into its text."""
    text = article.text
    first = text.find("\n")
    first = len(text) if first < 0 else first
    blocks = []
    if article.headline:
        start = text.find(article.headline, 0, first + 1)
        if start >= 0:
            blocks.append((start, start + len(article.headline), "h1"))
    blocks += [(m.start(), m.end(), "p") for m in _PARAGRAPH.finditer(text, first)]
    return sorted(blocks)


def _clusters(facts: list, end: int) -> list[tuple[int, int, list]]:
    """Give the marks of `facts` (sorted by start) in a block ending at `end`: facts whose
    spans overlap share one mark (start, end, facts)."""
    marks: list[tuple[int, int, list]] = []
    for fact in facts:
        stop = max(fact.start + 1, min(fact.end, end))
        if marks and fact.start < marks[-1][1]:
            first, last, members = marks[-1]
            marks[-1] = (first, max(last, stop), members + [fact])
        else:
            marks.append((fact.start, stop, [fact]))
    return marks


def _said(fact) -> tuple[str, list[str]]:
    return fact_summary(fact), fact_details(fact)


def _mark(text: str, facts: list, article_id: str, said: dict) -> str:
    """Give the <mark> of `text` that reads `facts`: the first fact's anchor as its id, every
    other's as an empty span inside it, each fact on hover and for screen readers (`said`,
    by fact id: its summary and details)."""
    first = facts[0]
    metrics = list(dict.fromkeys(f.metric for f in facts))
    hover = "\n\n".join("\n".join([said[f.fact_id][0]] + said[f.fact_id][1]) for f in facts)
    spoken = "; ".join(f"{said[f.fact_id][0]}, " + ", ".join(said[f.fact_id][1]) for f in facts)
    others = "".join(f'<span class="anchor" id="{_e(fact_anchor(f.fact_id, article_id))}"></span>'
                     for f in facts[1:])
    return (f'<mark class="fact m-{metrics[0]}{" multi" if len(metrics) > 1 else ""}" '
            f'id="{_e(fact_anchor(first.fact_id, article_id))}" title="{_e(hover)}">'
            f'{others}{_e(text)}<span class="sr-only"> (fact: {_e(spoken)})</span></mark>')


def _in_order(facts) -> list:
    """Give `facts` (a facts table, or its rows) as rows in the order of their spans."""
    rows = list(facts.itertuples(index=False)) if isinstance(facts, pd.DataFrame) else list(facts)
    return sorted(rows, key=lambda f: (f.start, f.end, f.fact_id))


def marked_text(article, facts: list, said: dict | None = None) -> tuple[str, list]:
    """Give the article's headline and paragraphs as HTML, escaped, every fact of `facts`
    (the article's rows, in the order of their spans) marked where its span starts, and the
    facts whose span starts outside them (none, for facts the extractor read)."""
    said = said if said is not None else {f.fact_id: _said(f) for f in facts}
    text = article.text
    blocks = _blocks(article)
    starts = [b[0] for b in blocks]
    placed: list[list] = [[] for _ in blocks]
    outside = []
    for fact in facts:
        i = bisect.bisect_right(starts, fact.start) - 1
        if i >= 0 and fact.start < blocks[i][1]:
            placed[i].append(fact)
        else:
            outside.append(fact)
    parts = []
    for (start, end, tag), inside in zip(blocks, placed):
        pieces, at = [], start
        for first, last, members in _clusters(inside, end):
            pieces += [_e(text[at:first]), _mark(text[first:last], members, article.article_id, said)]
            at = last
        pieces.append(_e(text[at:end]))
        parts.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    return "\n".join(parts), outside


# --- the page --------------------------------------------------------------------------------

def _nav(index_title: str, previous, following, where: str) -> str:
    links = [f'<a href="../index.html" rel="index">{_e(index_title)}: index</a>']
    if previous is not None:
        links.append(f'<a href="{_e(page_name(previous))}" rel="prev">&larr; {_e(previous)}</a>')
    if following is not None:
        links.append(f'<a href="{_e(page_name(following))}" rel="next">{_e(following)} &rarr;</a>')
    label, style = ("Report", "") if where == "top" else ("Report, end of page", ' class="end"')
    return f'<nav aria-label="{label}"{style}>{"".join(links)}</nav>'


def _legend(facts: list) -> str:
    counts = Counter(f.metric for f in facts)
    items = "".join(f'<li><span class="swatch m-{m}"></span>{_e(_words(m))} ({counts[m]:,})</li>'
                    for m in METRIC_COLORS if m in counts)
    return f'<ul id="legend" aria-label="Colours of the metrics">{items}</ul>' if items else ""


def _fact_list(facts: list, article_id: str, outside: list, said: dict) -> str:
    if not facts:
        return "<p>The extractor read no fact in this article.</p>"
    lost = {f.fact_id for f in outside}
    items = []
    for fact in facts:
        anchor = fact_anchor(fact.fact_id, article_id)
        summary, details = said[fact.fact_id]
        where = f' id="{_e(anchor)}"' if fact.fact_id in lost else ""
        target = (f'<a href="#{_e(anchor)}">{_e(summary)}</a>' if not where
                  else f'{_e(summary)} <span class="note">(not found in the text: '
                       f'&ldquo;{_e(fact.quote)}&rdquo;)</span>')
        items.append(f'<li{where}><span class="swatch m-{fact.metric}"></span>{target}; '
                     f'{_e(", ".join(details))}</li>')
    return '<ol id="facts">\n' + "\n".join(items) + "\n</ol>"


def article_page(article, facts, title: str, previous: str | None = None,
                 following: str | None = None) -> str:
    """Give the page of `article` (a row of the articles table) with its `facts` (a facts
    table, or its rows) marked in its text, linking the report's index (`title`) and the
    articles `previous` and `following` (ids, or None)."""
    facts = _in_order(facts)
    said = {f.fact_id: _said(f) for f in facts}
    body, outside = marked_text(article, facts, said)
    heading = article.headline or article.article_id
    published = f"{article.published:%Y-%m-%d}" if pd.notna(article.published) else "no date"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(heading)} · {_e(title)}</title>
<style>{STYLE}</style>
</head>
<body>
{_nav(title, previous, following, "top")}
<main>
<p class="meta">Article <code>{_e(article.article_id)}</code>, published {published}:
{counted(len(facts), "fact")} marked in its text. Hover over a mark for what the workbook read in it.</p>
{_legend(facts)}
<article id="text">
{body}
</article>
<h2>Facts in this article</h2>
{_fact_list(facts, article.article_id, outside, said)}
</main>
{_nav(title, previous, following, "bottom")}
</body>
</html>
"""


def _facts_by_article(facts: pd.DataFrame, ids: list[str]) -> Iterator[list]:
    """Give, for each article of `ids` in turn, the rows of its facts; only CHUNK articles'
    rows are held at once, so a large corpus's pages take little memory."""
    where = facts["article_id"].map({a: i for i, a in enumerate(ids)})
    known = np.flatnonzero(where.notna().to_numpy())
    position = where.to_numpy(dtype="float64")[known].astype("int64")
    order = np.argsort(position, kind="stable")
    bounds = np.searchsorted(position[order], np.arange(len(ids) + 1))
    columns = [c for c in FACT_FIELDS if c in facts.columns]
    for first in range(0, len(ids), CHUNK):
        last = min(first + CHUNK, len(ids))
        low = bounds[first]
        rows = list(facts.iloc[known[order[low:bounds[last]]]][columns].itertuples(index=False))
        for i in range(first, last):
            yield rows[bounds[i] - low:bounds[i + 1] - low]


def write_article_pages(corpus, folder: Path, title: str) -> list[Path]:
    """Write each article's page of `corpus` into `folder` (the report's `articles/`, in a
    build's staging folder), linking the index of the report `title`; give the pages' paths,
    in the articles' order."""
    ids = list(corpus.articles["article_id"])
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, (article, facts) in enumerate(zip(corpus.articles.itertuples(index=False),
                                             _facts_by_article(corpus.facts, ids))):
        page = article_page(article, facts, title,
                            ids[i - 1] if i > 0 else None, ids[i + 1] if i + 1 < len(ids) else None)
        path = folder / page_name(article.article_id)
        # a plain write: the staging folder is swapped in whole, file by file, once written
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
