"""The interactive tables the notebooks show: every row in the page, numbers as counts, text
escaped, the quote's own number marked, nothing fetched from the network."""
from __future__ import annotations

import base64
import html
import json
import re

import numpy as np
import pandas as pd
import pytest

from analysis import config
from analysis.extraction.corpus import load_corpus
from analysis.presentation import interactive
from analysis.presentation.display import table
from analysis.presentation.interactive import Table, marked_quotes, number_text


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([config.ARTICLES], workers=1)


def _dt_args(page: str) -> dict:
    """Give the DataTables arguments a table's HTML carries."""
    found = re.search(r"let dt_args = (\{.*?\});\n", page, re.DOTALL)
    assert found, "no DataTables arguments in the table's HTML"
    return json.loads(found.group(1))


def _rows(page: str) -> list[list]:
    return json.loads(_dt_args(page)["data_json"])


def test_counts_are_integers_with_separators_and_other_numbers_short():
    assert [number_text(v) for v in (1000.0, 100000, -17.0, 0.5351, 2.5, np.nan, None, np.inf)] \
        == ["1,000", "100,000", "-17", "0.535", "2.5", "", "", "\u221e"]
    assert number_text(2026, separators=False) == "2026"
    frame = pd.DataFrame({"year": [2026, 2025], "launched": [1000.0, np.nan], "rate": [0.9164, 1.0]})
    assert _rows(Table(frame, "t")._repr_html_()) == [["2026", "1,000", "0.916"], ["2025", "", "1"]]


def test_the_facts_table_holds_every_fact_with_its_number_marked_in_the_whole_quote(corpus):
    facts, articles = corpus.facts, corpus.articles
    shown = facts.assign(quote=marked_quotes(facts, articles))
    page = Table(shown[["article_id", "metric", "value", "location", "quote"]], "facts")._repr_html_()
    rows = _rows(page)
    assert len(rows) == len(facts) > interactive.PAGE_LENGTH
    for row, fact in zip(rows, facts.itertuples()):
        quote = row[-1]
        assert re.sub(r"</?mark>|<a [^>]*>|</a>", "", quote) == html.escape(fact.quote)  # whole, escaped
        assert quote.count("<mark>") == 1, quote
    # two facts of one sentence, each with its own "two" marked and linked to its article
    wounded = facts.index[(facts["metric"] == "wounded") & facts["quote"].str.startswith("At least two")]
    kyiv, kharkiv = (rows[facts.index.get_loc(i)][-1] for i in wounded)
    link = '<a href="articles/000_26531b05a6b6a6d3.html#fact-{}-wounded" title="This fact in its article">'
    assert kyiv.startswith("At least " + link.format(895) + "<mark>two</mark></a> people")
    assert "and " + link.format(938) + "<mark>two</mark></a> others" in kharkiv
    assert "At least two people" in kharkiv


def test_markup_in_a_cell_or_a_heading_is_text():
    hostile = '<script>alert(1)</script> <img src=x onerror="alert(2)">'
    page = Table(pd.DataFrame({hostile: [hostile], "n": [1]}), "t")._repr_html_()
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert _rows(page) == [["&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x "
                            "onerror=\"alert(2)\"&gt;", "1"]]


REMOTE = re.compile(r"<script[^>]+src=|<link[^>]+href=|(?:import|from)\s*\(?\s*['\"]https?:|"
                    r"@import|url\(\s*['\"]?https?:")


def test_no_script_or_style_comes_from_the_network():
    init = interactive.init().data
    page = Table(pd.DataFrame({"a": [1]}), "t")._repr_html_()
    assert not REMOTE.search(init) and not REMOTE.search(page)
    # the library is in the page itself: its style and its module, base64-encoded
    for loader in ("injectCSS", "injectModule"):
        payload = re.search(loader + r'\("([A-Za-z0-9+/=]+)"\)', init)
        assert payload, f"{loader}: no embedded payload"
        code = base64.b64decode(payload.group(1)).decode("utf-8")
        assert len(code) > 50_000 and not REMOTE.search(code), loader


def test_a_table_past_the_limit_keeps_its_first_rows_and_says_so(monkeypatch):
    monkeypatch.setattr(interactive, "MAX_ROWS", 50)
    frame = pd.DataFrame({"n": range(80)})
    page = Table(frame, "big")._repr_html_()
    assert len(_rows(page)) == 50
    assert "The first 50 of 80 rows; the report's index links the whole tables" in page
    assert len(_rows(Table(frame.head(50), "big")._repr_html_())) == 50


def test_each_table_has_its_own_id_and_a_page_with_paging_only_when_needed():
    short, long = Table(pd.DataFrame({"a": [1, 2]}), "nights"), Table(pd.DataFrame({"a": range(30)}), "nights")
    assert short.id != long.id and short.id.startswith("nights-")
    assert _dt_args(short._repr_html_())["layout"]["bottomEnd"] is None
    assert _dt_args(long._repr_html_())["layout"]["bottomEnd"] == "paging"


def test_a_column_of_few_values_is_filtered_by_a_list_a_long_one_by_a_search():
    frame = pd.DataFrame({"metric": ["killed", "wounded"] * 30, "quote": [f"q{i}" for i in range(60)],
                          "value": range(60)})
    defs = _dt_args(Table(frame, "t")._repr_html_())["columnDefs"]
    assert [d["columnControl"] for d in defs] == [[["searchList"]], [["searchText"]], [["searchNumber"]]]


def test_the_plain_text_form_is_a_screenful():
    text = repr(Table(pd.DataFrame({"n": range(100)}), "t"))
    assert len(text.splitlines()) == interactive.TEXT_ROWS + 2
    assert text.endswith("[100 rows x 1 columns; the first 20 here, every row in the interactive table]")


def test_a_table_is_written_whole_with_its_index_as_columns_in_a_build(tmp_path, monkeypatch):
    coverage = pd.DataFrame({"killed": [1, 0]}, index=pd.Index(["a1", "a2"], name="article_id"))
    monkeypatch.setenv(config.TABLES_ENV, str(tmp_path))
    table(coverage, "coverage")
    assert list(pd.read_parquet(tmp_path / "coverage.parquet").columns) == ["article_id", "killed"]
    assert (tmp_path / "coverage.csv").read_text().splitlines()[1] == "a1,1"
