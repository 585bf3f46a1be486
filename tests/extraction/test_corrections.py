"""A facts table from a file (build --facts): gold labels and hand corrections."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.extraction.corpus import load_corpus
from analysis.extraction.corrections import FactsFileError, facts_from_file
from analysis.extraction.numbers import find_mentions
from analysis.reading.atomic import write_table
from tests.helpers import SHARED_CORPUS, needs_shared

GOLD_COLUMNS = ["article_id", "metric", "unit", "value", "qualifier", "location", "period",
                "source", "required", "quote"]


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return load_corpus([seeds_dir])


def _gold(tmp_path, rows: list[list]) -> str:
    path = tmp_path / "gold.csv"
    pd.DataFrame(rows, columns=GOLD_COLUMNS).to_csv(path, index=False)
    return path


@needs_shared
@pytest.mark.parametrize("name", ["seeds", "dev", "wide", "early", "recent"])
def test_every_gold_row_becomes_a_fact_at_its_number(name):
    corpus = load_corpus([SHARED_CORPUS / name])
    gold = pd.read_csv(SHARED_CORPUS / f"{name}_gold.csv", dtype=str, keep_default_na=False)
    gold = gold[gold["required"] != "no"]               # repeats, parts, mixed kinds: left out
    facts = facts_from_file(SHARED_CORPUS / f"{name}_gold.csv", corpus.articles, corpus.sentences)
    assert len(facts) == len(gold)
    assert list(facts["metric"]) == list(gold["metric"])
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    at_number = 0
    for fact, quote in zip(facts.itertuples(), gold["quote"]):
        found = find_mentions(texts[fact.article_id][fact.start:fact.end])
        at_number += bool(found) and abs(found[0].value) == abs(fact.value)
        assert " ".join(texts[fact.article_id][fact.start:fact.end].split()) in quote
    # the rest ("a woman", "dozens") point at their whole quote
    assert at_number >= 0.75 * len(facts)


def test_the_extracted_table_written_as_csv_reads_back_the_same(seeds, tmp_path):
    path = write_table(seeds.facts, tmp_path / "facts.csv")
    again = facts_from_file(path, seeds.articles, seeds.sentences)
    columns = ["fact_id", "article_id", "metric", "unit", "value", "qualifier", "low", "high",
               "location", "period", "source", "sentence_id", "start", "end", "number_text"]
    pd.testing.assert_frame_equal(again[columns], seeds.facts[columns])


@pytest.mark.parametrize("change, message", [
    ({"metric": "destroyed"}, "line 3: metric 'destroyed' is not one of"),
    ({"unit": "people"}, "line 3: unit 'people' is not one of missiles, drones for launched"),
    ({"value": "many"}, "line 3: value 'many' is not a number"),
    ({"qualifier": "roughly"}, "line 3: qualifier 'roughly' is not one of"),
    ({"period": "Feb 2026"}, "line 3: period 'Feb 2026' is not YYYY-MM-DD or YYYY-MM"),
    ({"article_id": "elsewhere"}, "line 3: article 'elsewhere' is not in the corpus"),
    ({"quote": "words no article holds"}, "line 3: the quote 'words no article holds' is not in"),
])
def test_a_bad_value_names_the_file_and_line(seeds, tmp_path, change, message):
    fact = seeds.facts[seeds.facts["metric"] == "launched"].iloc[0]
    good = [fact["article_id"], "launched", fact["unit"], f"{fact['value']:g}", "exact", "Ukraine",
            "2026-02-03", "", "yes", fact["number_text"]]
    bad = dict(zip(GOLD_COLUMNS, good), **change)
    path = _gold(tmp_path, [good, [bad[c] for c in GOLD_COLUMNS]])
    with pytest.raises(FactsFileError) as err:
        facts_from_file(path, seeds.articles, seeds.sentences)
    assert str(err.value).startswith(str(path)) and message in str(err.value)


def test_a_file_without_the_needed_columns_says_which(seeds, tmp_path):
    path = tmp_path / "facts.csv"
    pd.DataFrame({"article_id": ["a"], "metric": ["killed"]}).to_csv(path, index=False)
    with pytest.raises(FactsFileError, match="no column unit, value"):
        facts_from_file(path, seeds.articles, seeds.sentences)


def test_one_number_read_as_two_units_is_two_facts(seeds, tmp_path):
    fact = seeds.facts[seeds.facts["metric"] == "launched"].iloc[0]
    rows = [[fact["article_id"], "launched", unit, f"{fact['value']:g}", "exact", "Ukraine",
             "2026-02-03", "", "yes", fact["number_text"]] for unit in ("missiles", "drones")]
    facts = facts_from_file(_gold(tmp_path, rows), seeds.articles, seeds.sentences)
    assert facts["fact_id"].is_unique and list(facts["unit"]) == ["missiles", "drones"]


def test_tables_an_older_version_wrote_are_extracted_afresh(seeds, seeds_dir, tmp_path):
    from analysis.extraction.corpus import cached_corpus
    from analysis.reading.tables import corpus_manifest, write_tables
    older = type(seeds)(seeds.articles, seeds.sentences, seeds.facts.drop(columns="part_of"))
    write_tables(older, tmp_path, corpus_manifest([seeds_dir]))
    again = cached_corpus(seeds_dir, tmp_path)
    assert "part_of" in again.facts.columns and len(again.facts) == len(seeds.facts)


def test_tables_other_code_wrote_are_extracted_afresh_and_this_code_s_reused(seeds, seeds_dir,
                                                                               tmp_path):
    from analysis.extraction.corpus import cached_corpus, tables_manifest
    from analysis.reading.tables import write_tables
    stale = type(seeds)(seeds.articles, seeds.sentences, seeds.facts.head(3))
    write_tables(stale, tmp_path, {**tables_manifest(seeds_dir), "code": "an older version"})
    assert len(cached_corpus(seeds_dir, tmp_path).facts) == len(seeds.facts)
    write_tables(stale, tmp_path, tables_manifest(seeds_dir))
    assert len(cached_corpus(seeds_dir, tmp_path).facts) == 3      # the same code's: reused
