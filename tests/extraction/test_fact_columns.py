"""The facts table held as columns while articles are extracted."""
from __future__ import annotations

import pandas as pd

from analysis.extraction.extractor import extract_article
from analysis.reading.articles import parse_article
from analysis.reading.fact_table import FactColumns, facts_frame
from analysis.reading.tables import read_articles


def test_one_table_of_many_articles_in_small_steps_equals_their_own_tables(seeds_dir, monkeypatch):
    articles, _ = read_articles([seeds_dir])
    own = [facts_frame(extract_article(article)) for article in articles]
    monkeypatch.setattr(FactColumns, "FLUSH", 3)      # rows move into the columns mid-article
    together = FactColumns()
    for article in articles:
        extract_article(article, together)
    expected = pd.concat(own, ignore_index=True)
    pd.testing.assert_frame_equal(facts_frame(together), expected)
    assert len(together) == len(expected) > 20


def test_rows_read_as_dicts_match_the_table(seeds_dir):
    articles, _ = read_articles([seeds_dir])
    facts = extract_article(articles[0])
    table = facts_frame(facts)
    rows = list(facts)
    assert [row["fact_id"] for row in rows] == list(table["fact_id"])
    assert [row["quote"] for row in rows] == list(table["quote"])
    for row in rows:
        assert row["number_text"] in row["quote"]
        assert row["fact_id"] == f"{row['article_id']}:{row['start']}:{row['metric']}"


def test_a_long_sentence_quotes_a_window_around_each_number():
    body = ", ".join(f"{n} drones were shot down over region {n}" for n in range(10, 60))
    facts = list(extract_article(parse_article("t.txt", f" date 2026-02-03 Headline\n\n{body}.\n".encode())))
    assert len(facts) >= 40
    assert len({row["quote"] for row in facts}) > len(facts) // 2
    assert all(row["number_text"] in row["quote"] and len(row["quote"]) <= 240 for row in facts)


def test_an_empty_table_has_the_schema():
    assert list(facts_frame(FactColumns()).columns)[:2] == ["fact_id", "article_id"]
