"""Every night the corpus reports, beside the Air Force record: each rule on a fresh
sentence, and the whole table on the real corpora."""
from __future__ import annotations

import math
import warnings

import pandas as pd
import pytest

from analysis.analyses.nights import compare, nights_table
from analysis.extraction.corpus import load_corpus
from analysis.extraction.corrections import facts_from_file
from analysis.records import airforce
from bench.make_corpus import make_corpus
from tests.helpers import SHARED_CORPUS, needs_shared, write_article


@pytest.fixture(scope="module")
def attacks():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return airforce.load_attacks()


def _nights(tmp_path, attacks, body: str, date: str = "2026-02-03") -> pd.DataFrame:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    write_article(folder, "a.txt", f" date {date} Headline\n\n{body}\n")
    corpus = load_corpus([folder])
    return nights_table(corpus.facts, corpus.articles, attacks)


def _one(frame: pd.DataFrame, weapon: str) -> pd.Series:
    rows = frame[frame["weapon"] == weapon]
    assert len(rows) == 1, frame.to_string()
    return rows.iloc[0]


def test_parts_by_class_are_summed_when_no_total_is_given(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Russia launched 18 ballistic missiles and 7 cruise "
                       "missiles at Ukraine overnight, the air force said."), "missiles")
    assert (row["launched"], row["summed"]) == (25, True)
    assert row["classes"] == "ballistic missile|cruise missile"


def test_a_total_is_used_over_its_parts(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Russia launched 71 missiles overnight, including "
                       "18 ballistic missiles, the air force said."), "missiles")
    assert (row["launched"], row["summed"]) == (71, False)


def test_a_citys_figure_is_not_compared_with_the_national_record(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Air defences shot down 20 drones over Kyiv "
                       "overnight, the city's military administration said."), "drones")
    assert row["scope"] == "regional" and pd.isna(row["agree"])
    assert "Kyiv" in row["reason"] and pd.isna(row["record_launched"])


def test_drones_russia_says_it_downed_are_not_ukraines(tmp_path, attacks):
    frame = _nights(tmp_path, attacks, "Russia's defence ministry said its air defences "
                    "destroyed 91 Ukrainian drones over the Belgorod region overnight.")
    assert set(frame["scope"]) == {"russia"} and frame["agree"].isna().all()


def test_a_bound_gives_a_range_of_rates_not_a_dropped_row(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Russia launched nearly 300 drones overnight, and "
                       "air defences shot down 250 of them, the air force said."), "drones")
    assert (row["launched_low"], row["launched_high"]) == (270, 300)
    assert row["rate_low"] < 250 / 300 < 250 / 270 <= row["rate_high"] <= 1


def test_more_intercepted_than_launched_is_a_conflict_not_a_rate(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Russia launched 10 drones overnight. Air defences "
                       "shot down 12 drones, the air force said."), "drones")
    assert row["conflict"] and math.isnan(row["rate"]) and math.isnan(row["rate_high"])
    assert "more intercepted than launched" in row["reason"]


def test_the_default_nights_agree_with_the_record(seeds_dir, attacks):
    corpus = load_corpus([seeds_dir])
    frame = nights_table(corpus.facts, corpus.articles, attacks)
    both = frame[frame["intercepted"].notna()].set_index("weapon")
    assert both.loc["missiles", ["launched", "intercepted"]].tolist() == [71, 38]
    assert both.loc["drones", ["launched", "intercepted"]].tolist() == [450, 412]
    assert frame["agree"].all()
    assert both.loc["missiles", "record_launched"] == 71


def _sane(frame: pd.DataFrame) -> None:
    rated = frame[frame["rate"].notna()]
    assert (rated["rate"] <= 1).all() and (rated["rate"] >= 0).all()
    assert not (frame["rate_low"] > frame["rate_high"]).any()
    assert not (frame["rate_high"] > 1).any()
    assert not (frame["launched_low"] > frame["launched_high"]).any()


@needs_shared
@pytest.mark.parametrize("name", ["wide", "early", "recent"])
def test_no_rate_above_one_from_extracted_or_gold_facts(name, attacks):
    corpus = load_corpus([SHARED_CORPUS / name])
    gold = facts_from_file(SHARED_CORPUS / f"{name}_gold.csv", corpus.articles, corpus.sentences)
    for facts in (corpus.facts, gold):
        frame = nights_table(facts, corpus.articles, attacks)
        assert len(frame) >= 10
        _sane(frame)


@needs_shared
@pytest.mark.parametrize("name", ["wide", "early", "recent"])
def test_the_extracted_nights_are_the_gold_nights(name, attacks):
    """At least 90% of the rows of the per-night table of the extracted facts give the
    launched and intercepted counts of the table of the gold facts (build --facts)."""
    corpus = load_corpus([SHARED_CORPUS / name])
    gold = facts_from_file(SHARED_CORPUS / f"{name}_gold.csv", corpus.articles, corpus.sentences)
    rows = compare(nights_table(corpus.facts, corpus.articles, attacks),
                   nights_table(gold, corpus.articles, attacks))
    assert len(rows) >= 15
    assert rows["same"].mean() >= 0.9, rows[~rows["same"]].to_string()


def test_no_rate_above_one_on_a_synthetic_corpus(tmp_path, attacks):
    make_corpus(300, tmp_path / "synthetic")
    corpus = load_corpus([tmp_path / "synthetic"], workers=2)
    frame = nights_table(corpus.facts, corpus.articles, attacks)
    assert len(frame) > 300 and frame["conflict"].sum() < len(frame)
    _sane(frame)


def test_a_night_without_missiles_ranks_its_drones_only(attacks):
    from analysis.analyses import record_check
    nightly = airforce.nightly(attacks)
    missiles = nightly[nightly["weapon_class"] == "missiles"]
    night = missiles.loc[missiles["launched"] == 0, "night"].max()
    standing = record_check.standing(nightly, night)
    assert "missiles" not in set(standing["group"]) and "drone" in set(standing["group"])


def test_a_rate_at_an_edge_has_the_edge_as_its_bound():
    from analysis.analyses.interceptions import wilson
    for trials in (1, 6, 47, 805):
        assert wilson(trials, trials)[1] == 1.0 and wilson(0, trials)[0] == 0.0
        low, high = wilson(trials // 2, trials)
        assert low <= (trials // 2) / trials <= high


def test_a_shown_table_is_written_whole_only_in_a_build(tmp_path, monkeypatch):
    from analysis import config
    from analysis.presentation.display import table
    frame = pd.DataFrame({"night": [f"2026-01-{d:02d}" for d in range(1, 31)], "n": range(30)})
    monkeypatch.delenv(config.TABLES_ENV, raising=False)
    shown = table(frame, "nights")
    assert len(shown.frame) == 30 and not list(tmp_path.iterdir())     # every row is shown
    monkeypatch.setenv(config.TABLES_ENV, str(tmp_path))
    table(frame, "nights")
    assert len(pd.read_parquet(tmp_path / "nights.parquet")) == 30
    assert (tmp_path / "nights.csv").read_text().count("\n") == 31


def test_a_launch_total_is_compared_with_the_whole_group_whatever_was_shot_down(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Russia launched 40 missiles at Ukraine overnight, and "
                       "air defences shot down 30 cruise missiles, the air force said."), "missiles")
    assert pd.isna(row["classes"])
    record = airforce.nightly(attacks)
    group = record[(record["night"] == pd.Timestamp("2026-02-03")) & (record["weapon_class"] == "missiles")]
    assert row["record_launched"] == float(group["launched"].iloc[0])


def test_a_year_summary_of_a_corpus_without_national_nights(tmp_path, attacks):
    from analysis.analyses.nights import yearly
    frame = _nights(tmp_path, attacks, "Air defences shot down 20 drones over Kyiv overnight.")
    assert set(frame["scope"]) == {"regional"}
    summary = yearly(frame, attacks)
    assert (summary["nights"] == 0).all() and (summary["record_nights"] > 0).any()


def test_a_class_total_is_not_added_to_the_models_it_is_made_of(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Air defences shot down 20 cruise missiles overnight. "
                       "The air force said that 14 of the Kh-101 missiles and six of the Kalibr "
                       "missiles were shot down."), "missiles")
    assert (row["intercepted"], row["summed"]) == (20, False)


def test_a_vague_order_of_magnitude_is_no_count_to_rate(tmp_path, attacks):
    frame = _nights(tmp_path, attacks, "Dozens of drones attacked Ukraine overnight. Air "
                    "defences shot down 37 drones, the ministry said.")
    row = _one(frame, "drones")
    assert pd.isna(row["launched"]) and row["intercepted"] == 37


def test_a_count_without_class_smaller_than_a_class_count_is_not_the_total(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Air defences shot down 18 cruise missiles overnight. "
                       "The military also reported shooting down two missiles over the north."),
               "missiles")
    assert row["intercepted"] == 18


def test_a_model_printed_in_cyrillic_letters_is_the_model(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Bombers fired 17 cruise missiles of the Х-101 type "
                       "overnight. Ships fired 16 Kalibr cruise missiles from the sea."), "missiles")
    assert (row["launched"], row["summed"]) == (33, True)


def test_the_body_figure_over_the_headline(tmp_path, attacks):
    folder = tmp_path / "articles"
    folder.mkdir()
    write_article(folder, "a.txt", " date 2026-02-03 Russia fires 650 drones at Ukraine\n\n"
                  "Russia launched more than 650 drones overnight, officials said. The air "
                  "force said 635 drones were launched and 587 were shot down.\n")
    corpus = load_corpus([folder])
    row = _one(nights_table(corpus.facts, corpus.articles, attacks), "drones")
    assert (row["launched"], row["intercepted"]) == (635, 587)


def test_a_part_in_another_place_is_that_places_own_row(tmp_path, attacks):
    frame = _nights(tmp_path, attacks, "Ukraine's armed forces destroyed 47 cruise missiles "
                    "overnight, 20 of them in the area of the capital, the commander said.")
    rows = frame.set_index("scope")
    assert rows.loc["national", "intercepted"] == 47 and rows.loc["regional", "intercepted"] == 20


def test_weapons_that_struck_targets_are_impacts_not_launches(tmp_path, attacks):
    frame = _nights(tmp_path, attacks, "Russia launched 90 drones overnight, the air force "
                    "said. Seven missiles and 34 attack drones struck 14 sites.")
    row = _one(frame, "drones")
    assert row["launched"] == 90 and not (frame["weapon"] == "missiles").any()


def test_a_launch_is_no_impact_because_other_weapons_hit_something(tmp_path, attacks):
    row = _one(_nights(tmp_path, attacks, "Russia launched 50 drones at Kyiv overnight, and "
                       "two missiles hit a power plant, the air force said."), "drones")
    assert row["launched"] == 50
