"""Text that once broke the extractor is read, and gives only what it states."""
from __future__ import annotations

import pytest

from analysis.extraction.extractor import extract_article
from analysis.reading.articles import parse_article
from analysis.reading.sentences import MAX_SENTENCE, sentence_spans
from analysis.reading.fact_table import facts_frame

CASES = {
    # a number with an inner separator at the end of a sentence or headline
    "inner comma at the end": (" date 2024-01-10 Attack\n\nRussia launched 5,6\n", []),
    "inner dots in the headline": (" date 2024-01-10 Drones 1.2.3\n\nText here.\n", []),
    # a line holding only a time and a date, as Ukrainian outlets print them
    "time and date line": (" date 2022-07-01 Strike\n\n14:13 01.07.2022\n\n"
                           "The strike killed 3 people.\n", [("killed", 3.0)]),
    # an order of magnitude is no temperature or area
    "dozens of degrees": (" date 2024-01-10 Cold\n\nTemperatures fell to dozens degrees "
                          "Fahrenheit.\n", []),
    "hundreds of square miles": (" date 2024-01-10 Land\n\nRussia seized hundreds square miles.\n",
                                 []),
    # numbers beyond any count
    "309 digits": (" date 2024-01-10 Big\n\nRussia launched " + "9" * 309 + " drones.\n", []),
    "400 digits before square miles": (" date 2024-01-10 Big\n\nRussia seized " + "9" * 400 +
                                       " square miles.\n", []),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_text_is_read(name, tmp_path):
    text, expected = CASES[name]
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    article = parse_article(path)
    facts = facts_frame(extract_article(article))
    assert [(m, v) for m, v in zip(facts["metric"], facts["value"])] == expected


def test_a_long_headline_is_cut_like_a_body_sentence():
    clause = "Russia launched 5 drones at Kyiv, "
    data = (" date 2024-01-10 " + clause * 600 + "\n\nBody.\n").encode()
    article = parse_article("long.txt", data)
    spans = sentence_spans(article)
    headline = [s for s in spans if s.section == "headline"]
    assert len(headline) > 1 and all(s.end - s.start <= MAX_SENTENCE for s in headline)
    facts = facts_frame(extract_article(article))
    assert (facts["metric"] == "launched").sum() == 600
