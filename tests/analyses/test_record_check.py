"""The articles against the Air Force record: the cross-check and the night's standing."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.analyses import interceptions, record_check
from analysis.extraction.corpus import load_corpus
from analysis.records import airforce, quality


@pytest.fixture(scope="module")
def record():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", quality.DataQualityWarning)
        attacks = airforce.load_attacks()
    return attacks, airforce.nightly(attacks)


@pytest.fixture(scope="module")
def facts(seeds_dir):
    return load_corpus([seeds_dir]).facts


def test_crosscheck_covers_every_article_night_and_agrees(facts, record):
    attacks, _ = record
    check = record_check.crosscheck(facts, attacks)
    counts = record_check.article_counts(facts)
    # every nationwide launch/interception figure of the articles on a night the record has
    assert len(check) == len(counts)
    assert set(check["metric"]) == {"launched", "intercepted"}
    assert set(check["weapon"]) == {"missiles", "drones"}
    assert check["agree"].all(), check[~check["agree"]]


def test_crosscheck_flags_a_figure_the_record_contradicts(facts, record):
    attacks, _ = record
    altered = facts.copy()
    row = altered.index[(altered["metric"] == "intercepted") & (altered["unit"] == "missiles")][0]
    altered.loc[row, ["value", "low", "high"]] = altered.loc[row, "value"] + 1
    check = record_check.crosscheck(altered, attacks)
    assert (~check["agree"]).sum() == 1


def test_record_sums_match_an_independent_count(facts, record):
    """The nightly sums equal a direct sum of the national rows in the night's window."""
    attacks, nightly = record
    night = pd.Timestamp(record_check.article_counts(facts)["night"].iloc[0])
    rows = attacks[(attacks["command"] == "national") & (attacks["night"] == night)]
    drones = rows[rows["weapon_class"] == "drone"]
    missiles = rows[rows["weapon_class"] != "drone"]
    summary = airforce.night_summary(attacks, night)
    assert summary.loc["drones", "launched"] == drones["launched"].sum()
    assert summary.loc["missiles", "destroyed"] == missiles["destroyed"].sum()


def test_standing_and_class_rates(facts, record):
    _, nightly = record
    night = record_check.article_counts(facts)["night"].iloc[0]
    standing = record_check.standing(nightly, night)
    assert standing[["size_percentile", "rate_percentile"]].apply(
        lambda s: s.between(0, 100)).all().all()
    rates = record_check.class_rates(nightly, night).set_index("weapon_class")
    # ballistic missiles are the hardest to stop, over the whole record
    assert rates.loc["ballistic missile", "record_rate"] < rates.loc["cruise missile", "record_rate"]
    assert rates.loc["ballistic missile", "record_rate"] < rates.loc["drone", "record_rate"]
    biggest = record_check.largest(nightly, "all", n=3)
    assert biggest["launched"].is_monotonic_decreasing


def test_class_rates_carry_their_wilson_intervals(facts, record):
    _, nightly = record
    night = record_check.article_counts(facts)["night"].iloc[0]
    rates = record_check.class_rates(nightly, night)
    assert len(rates) >= 2
    for scope in ("record", "night"):
        low, rate, high = rates[f"{scope}_low"], rates[f"{scope}_rate"], rates[f"{scope}_high"]
        assert ((low <= rate) & (rate <= high) & (low >= 0) & (high <= 1)).all(), scope
        assert list(zip(low, high)) == [interceptions.wilson(d, n) for d, n in
                                        zip(rates[f"{scope}_destroyed"], rates[f"{scope}_launched"])]
    # the whole record's thousands of weapons pin a class's rate down far closer than one night
    widths = lambda scope: rates[f"{scope}_high"] - rates[f"{scope}_low"]  # noqa: E731
    assert (widths("record") < widths("night")).all()
