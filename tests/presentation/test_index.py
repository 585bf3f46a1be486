"""The report's index: each notebook's finding computed from its tables, the corpus with its
date span and outlets, every dataset named with its compiler and licence."""
from __future__ import annotations

import csv
import shutil

import pytest

from analysis import config
from analysis.analyses import agreement, claims, interceptions, nights
from analysis.extraction.corpus import load_corpus
from analysis.presentation import index
from analysis.presentation.build import index_page, notebook_paths
from analysis.records import airforce
from tests.helpers import SHARED_CORPUS, needs_shared, write_article

NOTEBOOKS = notebook_paths()


@pytest.fixture(scope="module")
def attacks():
    return airforce.load_attacks_with_issues()[0]


def _tables(folder, corpus, attacks):
    """Write the tables the findings read, as the notebooks write them in a build."""
    folder.mkdir(exist_ok=True)
    facts, articles = corpus.facts, corpus.articles
    interceptions.interceptions(facts).to_parquet(folder / "interception_rates.parquet")
    nights.nights_table(facts, articles, attacks).to_parquet(folder / "nights.parquet")
    agreement.agreement(facts, articles=articles).to_parquet(folder / "agreement.parquet")
    claims.all_checks(articles, corpus.sentences, facts).to_parquet(folder / "claim_checks.parquet")
    return folder


def test_the_interceptions_finding_is_the_night_s_record(tmp_path, attacks):
    corpus = load_corpus([config.ARTICLES], workers=1)
    tables = _tables(tmp_path / "tables", corpus, attacks)
    # the Air Force's own figures for the night (data/external/README.md): 38 of 71 missiles,
    # 412 of 450 drones
    assert index.interceptions_finding(tables, corpus) == (
        "2026-02-03: 53.5% of 71 missiles and 91.6% of 450 drones intercepted; "
        "4 of 4 national figures agree with the Air Force record.")
    assert index.claims_finding(tables, corpus) == "7 claims checked: 7 pass, 0 fail."
    assert index.agreement_finding(tables, corpus).startswith("5 figures reported more than once: 4 agree, 1 do not")


def test_a_finding_follows_the_articles(tmp_path, attacks):
    folder = tmp_path / "odesa"
    folder.mkdir()
    write_article(folder, "odesa.txt", " date 2026-02-04 Drones over Odesa\n\nRussia launched 20 drones "
                  "at Ukraine overnight, and air defences shot down 18 of them, the air force said.\n")
    corpus = load_corpus([folder], workers=1)
    tables = _tables(tmp_path / "tables", corpus, attacks)
    assert index.interceptions_finding(tables, corpus).startswith("2026-02-04: 90.0% of 20 drones intercepted")
    found = index.findings(NOTEBOOKS, tables, corpus)
    assert found["01_corpus_and_facts"].startswith("2 facts in 1 article;")
    assert "03_cold_and_heat" not in found                     # its tables were not written


def test_the_index_names_the_outlets_from_the_file_beside_the_articles(tmp_path):
    folder = tmp_path / "mine"
    shutil.copytree(config.ARTICLES, folder)
    ids = sorted(p.stem for p in folder.glob("*.txt"))
    with open(tmp_path / "mine_index.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "url", "outlet", "date"])
        writer.writerows([[ids[0], "", "Outlet <One>", ""], [ids[1], "", "Outlet Two", ""]])
    corpus = load_corpus([folder], workers=1)
    page = index_page(NOTEBOOKS, corpus, "T", articles=folder)
    assert "2 articles, published on 3 February 2026, from which the extractor took 31 facts." in page
    assert "Outlets: 2 outlets: Outlet &lt;One&gt; (1), Outlet Two (1)." in page
    assert '<th scope="col">outlet</th>' in page and "<td>Outlet Two</td>" in page
    assert "Outlets: not recorded" in index_page(NOTEBOOKS, corpus, "T", articles=config.ARTICLES)


@needs_shared
def test_a_shared_corpus_lists_its_outlets_and_date_span():
    folder = SHARED_CORPUS / "wide"
    corpus = load_corpus([folder], workers=1)
    outlets = index.outlets(folder)
    summary = index.corpus_summary(corpus, outlets)
    first, last = corpus.articles["published"].min(), corpus.articles["published"].max()
    assert f"published between {first.day} {first:%B %Y} and {last.day} {last:%B %Y}" in summary
    n = outlets[outlets["article_id"].isin(corpus.articles["article_id"])]["outlet"].nunique()
    assert f"Outlets: {n} outlets: " in summary and n > 5


def test_sources_and_licences_name_every_dataset_its_compiler_and_licence():
    section = index.sources_section(NOTEBOOKS)
    with open(config.EXTERNAL / "sources.csv", newline="", encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle))
    assert {s["file"] for s in sources} == {p.name for p in config.EXTERNAL.glob("*.csv")} - {"sources.csv"}
    for source in sources:
        assert f"<code>{source['file']}</code>" in section
        assert f"compiled by {source['compiler']}" in section and source["licence_name"] in section
    airforce_line = next(line for line in section.splitlines() if "missile_attacks_daily.csv" in line)
    assert "Petro Ivaniuk" in airforce_line and "CC BY-NC-SA 4.0" in airforce_line
    assert "Ukrainian Air Force reports" in airforce_line
    assert 'Used in <a href="02_interceptions.html">Interceptions</a>' in airforce_line
