"""Extraction never raises, whatever the text."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.reading.articles import ArticleError, parse_article
from analysis.reading.tables import facts_frame
from analysis.extraction.extractor import extract_article

WORDS = st.sampled_from([
    "killed", "wounded", "drones", "missiles", "shot down", "more than", "minus", "-17", "1,170",
    "a", "an", "of", "out of", "all", "Kyiv", "the capital", "without heating", "(", ")", ",",
    ".", "\n\n", "square kilometres", "degrees Celsius", "Fahrenheit", "hundreds of thousands",
    "said", "according to", "on Tuesday", "yesterday", "in January", "2025", "Kh-101",
    "38-year-old", "twenty-five", "a dozen", "restored", "%", "’s", "—",
])


def _check(body: str, date: str = "2026-02-03") -> None:
    data = f" date {date} Headline\n\n{body}".encode("utf-8", "surrogatepass")
    try:
        article = parse_article("prop.txt", data)
    except ArticleError:
        return
    rows = extract_article(article)
    frame = facts_frame(rows)
    for row in frame.itertuples():
        assert article.text[row.start:row.end] == row.number_text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text(body):
    _check(body)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.integers(-50, 100_000).map(str)), max_size=60),
       st.dates().map(lambda d: d.isoformat()))
@example(["killed", "on Tuesday", "0", "yesterday", "last month"], "0001-01-01")  # before year 1
@example(["killed", "in January", "0", "this month"], "9999-12-31")
def test_article_like_text(words, date):
    _check(" ".join(words), date)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    try:
        article = parse_article("prop.txt", data)
    except ArticleError:
        return
    extract_article(article)
