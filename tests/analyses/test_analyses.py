"""Statistics, agreement and claim checks, on the default corpus and crafted facts."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.analyses import agreement, claims, interceptions
from analysis.extraction.corpus import load_corpus
from analysis.reading.fact_table import FactColumns, facts_frame
from analysis.extraction.extractor import extract_article
from analysis.reading.articles import articles_frame, parse_article
from analysis.reading.sentences import sentences_frame


@pytest.fixture(scope="module")
def corpus(seeds_dir):
    return load_corpus([seeds_dir])


def _articles(*bodies: str, date: str = "2026-02-03") -> list:
    return [parse_article(f"a{i}.txt", f" date {date} Headline\n\n{body}\n".encode())
            for i, body in enumerate(bodies)]


def _facts(*bodies: str, date: str = "2026-02-03") -> pd.DataFrame:
    rows = FactColumns()
    for article in _articles(*bodies, date=date):
        extract_article(article, rows)
    return facts_frame(rows)


def test_wilson_and_jeffreys_bracket_the_rate():
    low, high = interceptions.wilson(38, 71)
    assert low < 38 / 71 < high and 0 < low and high < 1
    # the textbook value for 0 of 10: upper bound 0.2775
    assert interceptions.wilson(0, 10)[1] == pytest.approx(0.2775, abs=1e-4)
    j_low, j_high = interceptions.jeffreys(38, 71)
    assert abs(j_low - low) < 0.02 and abs(j_high - high) < 0.02
    assert interceptions.jeffreys(10, 10)[1] == 1.0


@pytest.mark.parametrize("interval", [interceptions.wilson, interceptions.jeffreys])
def test_no_interval_for_an_impossible_proportion(interval):
    # a text may report more intercepted than launched: that is a failed claim, not a rate
    for successes, trials in ((12, 10), (-1, 10), (3, 0)):
        assert all(math.isnan(x) for x in interval(successes, trials))


def test_interception_ratios_come_from_the_facts(corpus):
    ratios = interceptions.interceptions(corpus.facts)
    facts = corpus.facts
    for r in ratios[ratios["weapon"] != "all"].itertuples():
        same = facts[(facts["article_id"] == r.article_id) & (facts["period"] == r.night)
                     & (facts["unit"] == r.weapon) & (facts["location"] == "Ukraine")]
        assert r.launched in set(same.loc[same["metric"] == "launched", "value"])
        assert r.intercepted in set(same.loc[same["metric"] == "intercepted", "value"])
    combined = ratios[ratios["weapon"] == "all"]
    parts = ratios[ratios["weapon"] != "all"].groupby(["night", "article_id"])[["intercepted", "launched"]].sum()
    for r in combined.itertuples():
        assert (r.intercepted, r.launched) == tuple(parts.loc[(r.night, r.article_id)])


def test_sensitivity_uses_bounds():
    facts = _facts("Russia attacked with more than 60 missiles overnight, the minister said.",
                   "Russia attacked with 71 missiles. Ukraine intercepted 38 missiles.")
    ratios = interceptions.interceptions(facts)
    table = interceptions.launch_sensitivity(facts, ratios)
    bounded = table[table["launched_as_written"].str.contains("more than")].iloc[0]
    assert bounded["rate_high"] == pytest.approx(38 / 61)
    assert bounded["rate_low"] == 0.0


def test_an_order_of_magnitude_is_no_denominator():
    bodies = ("Hundreds of drones attacked Ukraine overnight.",
              "Russia attacked with 90 drones overnight. Ukraine intercepted 80 drones.")
    facts = _facts(*bodies)
    assert "order_of_magnitude" in facts["qualifier"].tolist()
    table = interceptions.launch_sensitivity(facts, interceptions.interceptions(facts))
    assert table["launched_as_written"].tolist() == ["90"]
    wholes = claims.parts_within_whole(facts, articles_frame(_articles(*bodies)))["claim"].tolist()
    assert wholes == ["intercepted 80 drones ≤ launched 90 (Ukraine, 2026-02-03)"]


def test_agreement_flags_exact_differences():
    facts = _facts("Russia attacked with more than 60 missiles overnight.",
                   "Russia attacked with 71 missiles overnight.",
                   "Russia attacked with 75 missiles overnight.")
    table = agreement.agreement(facts)
    assert len(table) == 1 and not table["agree"].iloc[0]
    two = agreement.agreement(facts[facts["article_id"] != "a2"])
    assert two["agree"].iloc[0] and two["joint_low"].iloc[0] == two["joint_high"].iloc[0] == 71


def test_claim_checks_pass_and_fail():
    good = _facts("It was -17 degrees Celsius (1.4 degrees Fahrenheit) in Kyiv overnight.")
    bad = _facts("It was -17 degrees Celsius (10.4 degrees Fahrenheit) in Kyiv overnight.")
    assert claims.conversions(good)["result"].tolist() == ["pass"]
    assert claims.conversions(bad)["result"].tolist() == ["fail"]
    body = "Russia launched 40 drones overnight. Air defences shot down 45 drones."
    over = claims.parts_within_whole(_facts(body), articles_frame(_articles(body)))
    assert "fail" in over["result"].tolist() and "the text's own" in over["note"].iloc[0]


def test_ratio_words(corpus):
    checks = claims.ratio_words(corpus.sentences, corpus.facts, corpus.articles)
    assert checks["result"].tolist() == ["pass"]
    sentences = corpus.sentences.copy()
    sentences["text"] = sentences["text"].str.replace("almost twice", "three times", regex=False)
    assert claims.ratio_words(sentences, corpus.facts, corpus.articles)["result"].tolist() == ["fail"]


def test_a_conversion_passes_within_the_rounding_the_text_uses():
    rounded = _facts("Temperatures fell to -13C (9F) in Kyiv overnight.")
    assert claims.conversions(rounded)["result"].tolist() == ["pass"]
    wrong = _facts("Temperatures fell to -13C (19F) in Kyiv overnight.")
    assert claims.conversions(wrong)["result"].tolist() == ["fail"]


def test_ratio_words_compare_the_figures_of_their_own_sentence():
    bodies = ["Russian forces captured 900 square kilometres in March, almost twice as much as "
              "the 470 square kilometres they took in February, an analysis showed."]
    for words, result in (("almost twice as much as", "pass"), ("three times as much as", "fail")):
        text = bodies[0].replace("almost twice as much as", words)
        articles = _articles(text)
        frame = articles_frame(articles)
        checks = claims.ratio_words(sentences_frame(articles), _facts(text), frame)
        assert checks["result"].tolist() == [result], checks.to_string()
        assert "900" in checks["expected"].iloc[0] and "470" in checks["expected"].iloc[0]


def test_a_fraction_of_a_stock_is_no_ratio_claim():
    body = ("Strikes left half the city's residential buildings without heat on Friday. "
            "On Sunday 1,000 buildings were still without heating, after 6,000 on Friday.")
    articles = _articles(body)
    assert claims.ratio_words(sentences_frame(articles), _facts(body), articles_frame(articles)).empty


def test_parts_by_class_are_a_whole_for_what_was_shot_down():
    body = ("Russia launched three Kinzhal missiles, 34 cruise missiles and 14 ballistic missiles "
            "overnight. Air defences shot down 30 missiles, the air force said.")
    checks = claims.parts_within_whole(_facts(body), articles_frame(_articles(body)))
    assert checks["result"].tolist() == ["pass"] and "51" in checks["claim"].iloc[0]


def test_a_part_of_a_whole_is_no_disagreement():
    facts = _facts("Five people were wounded in Kharkiv overnight, including a 16-year-old girl.",
                   "Five people were wounded in Kharkiv overnight, officials said.")
    table = agreement.agreement(facts)
    assert len(table) == 1 and table["agree"].all() and table["figures"].str.count(";").iloc[0] == 1


def test_a_citys_interceptions_are_no_part_of_another_citys_launches():
    bodies = ("Air defences shot down 25 drones over Kyiv overnight, the city said.",
              "Russia launched 10 drones at Odesa overnight, the governor said.")
    facts = _facts(*bodies)
    checks = claims.parts_within_whole(facts, articles_frame(_articles(*bodies)))
    assert "fail" not in checks["result"].tolist()
