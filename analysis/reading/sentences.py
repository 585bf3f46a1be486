"""Split an article into its headline and body sentences: the `sentences` table.

Sentences end at a full stop, question or exclamation mark followed by a capital or digit
(or by the next line's list bullet, or glued to a capitalised word), unless the word before is a known abbreviation; paragraphs never join, and a run of more
than `MAX_SENTENCE` characters without a full stop is cut at a space.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import pandas as pd

from . import schemas
from .articles import Article


class SentenceSpan(NamedTuple):
    """Where one sentence of an article lies: `headline` or `body`, and its character span."""

    section: str
    start: int
    end: int


# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "gov", "gen", "lt", "col", "maj", "sgt", "capt", "mr", "mrs", "ms", "dr", "st", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "vs", "sen", "rep", "pres", "prof", "gov't",
    "inc", "corp", "ltd", "co", "jr", "sr", "km", "sq", "www",
}
# a stop before a capital or digit, or before the next line's list bullet ("...night.\n- The"),
# or glued to the next sentence's first word ("the ministry said.Ukraine has")
_BOUNDARY = re.compile(r"[.!?…]+(?:[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9А-ЯІЇЄ]|[ \t]*\n\s*[-•–—*▪]\s)|"
                       r"(?P<glued>(?=[A-Z][a-z]{2,})))")
_GLUED_AFTER = re.compile(r"[a-z]{2}")      # the word before a glued stop: no initial, no "U.S."


_LAST_WORD = re.compile(r"([\w.'’]+)[.!?…]*[\"”’'»)\]]*$")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Give the (start, end) spans of the sentences of text[start:end]; paragraphs never join."""
    for para in _PARAGRAPH.finditer(text, start, end):
        p_start, p_end = para.start(), para.end()
        cursor = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            stop = match.end()
            if match.group("glued") is not None and not _GLUED_AFTER.fullmatch(
                    text, match.start() - 2, match.start()):
                continue
            word = _LAST_WORD.search(text, max(cursor, stop - 60), stop)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in ABBREVIATIONS or (len(token) == 1 and "a" <= token <= "z"):
                continue
            yield from _trimmed(text, cursor, stop)
            cursor = stop
        yield from _trimmed(text, cursor, p_end)


MAX_SENTENCE = 2000   # characters; longer runs without a full stop are cut at a space


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield from _trimmed(text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def sentence_spans(article: Article) -> list[SentenceSpan]:
    """Give the span of the headline and of each body sentence, in order; a headline longer
    than MAX_SENTENCE is cut like a body sentence."""
    start = article.headline_start
    spans = [SentenceSpan("headline", a, b)
             for a, b in _trimmed(article.text, start, start + len(article.headline))]
    spans += [SentenceSpan("body", s, e) for s, e in split_sentences(article.text, article.body_start,
                                                                     len(article.text))]
    return spans


def sentences_frame(articles: list[Article]) -> pd.DataFrame:
    """Give the validated `sentences` table: one row per headline and body sentence."""
    rows = []
    for article in articles:
        for index, (section, start, end) in enumerate(sentence_spans(article)):
            rows.append((sentence_id(article.article_id, index), article.article_id, index, section,
                         start, end, article.text[start:end]))
    frame = pd.DataFrame(rows, columns=["sentence_id", "article_id", "index", "section", "start",
                                        "end", "text"])
    frame = frame.astype({"sentence_id": "string", "article_id": "string", "index": "int64",
                          "section": "string", "start": "int64", "end": "int64", "text": "string"})
    return schemas.SENTENCES.validate(frame)


def sentence_id(article_id: str, index: int) -> str:
    """Give the id of sentence `index` of an article."""
    return f"{article_id}:{index:04d}"
