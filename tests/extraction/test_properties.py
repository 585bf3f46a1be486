"""Extraction never raises, whatever the text: of any shape, in the headline or the body."""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.extraction.extractor import extract_article
from analysis.reading.articles import ArticleError, parse_article
from analysis.reading.fact_table import facts_frame

WORDS = st.sampled_from([
    "killed", "wounded", "drones", "missiles", "shot down", "more than", "minus", "-17", "1,170",
    "a", "an", "of", "out of", "all", "Kyiv", "the capital", "without heating", "(", ")", ",",
    ".", "\n\n", "square kilometres", "degrees Celsius", "Fahrenheit", "hundreds of thousands",
    "said", "according to", "on Tuesday", "yesterday", "in January", "2025", "Kh-101",
    "38-year-old", "twenty-five", "a dozen", "restored", "%", "’s", "—",
])
# the shapes that once broke the extractor: numbers with inner separators at a sentence's end,
# a time and a date alone on a line, numbers too big for a float, orders of magnitude with a
# unit, number-dense runs
SHAPES = st.one_of(
    st.tuples(st.integers(0, 999), st.sampled_from([",", ".", ":"]), st.integers(0, 999))
    .map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
    st.just("1.2.3"), st.just("14:13 01.07.2022"), st.just("\n\n13:40 11.03.2022\n\n"),
    st.integers(300, 420).map(lambda n: "9" * n),
    st.sampled_from(["dozens", "hundreds", "thousands", "tens of thousands"]).map(
        lambda o: o + " " + "degrees Fahrenheit"),
    st.sampled_from(["dozens", "hundreds"]).map(lambda o: o + " square miles"),
    st.integers(2, 200).map(lambda n: ",".join(["1"] * n)),
)
TOKENS = st.one_of(WORDS, SHAPES, st.integers(-50, 100_000).map(str))


def _check(headline: str, body: str, date: dt.date = dt.date(2026, 2, 3)) -> None:
    data = f" date 2026-02-03 {headline or 'Headline'}\n\n{body}".encode("utf-8", "surrogatepass")
    try:
        article = parse_article("prop.txt", data)
    except ArticleError:
        return
    # any date, even one the tables cannot hold: the extractor itself must not raise
    article = dataclasses.replace(article, published=date)
    rows = extract_article(article)
    frame = facts_frame(rows)
    for row in frame.itertuples():
        assert article.text[row.start:row.end] == row.number_text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text(body):
    _check("Headline", body)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=60), st.lists(TOKENS, max_size=12),
       st.sampled_from(["", ".", "!", "?", "\n"]), st.dates())
@example(["killed", "on Tuesday", "0", "yesterday", "last month"], [], "", dt.date(1, 1, 1))
@example(["killed", "in January", "0", "this month"], [], "", dt.date(9999, 12, 31))
def test_article_like_text(words, headline, end, date):
    _check(" ".join(headline).replace("\n", " "), " ".join(words) + end, date)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    try:
        article = parse_article("prop.txt", data)
    except ArticleError:
        return
    extract_article(article)
