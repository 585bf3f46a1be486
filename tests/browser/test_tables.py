"""The report's tables as a reader uses them in Chromium: the facts table searched, sorted,
filtered by a column and downloaded as CSV, each time checked against the facts table the
build wrote; every long table interactive, with all its rows; no request leaves 127.0.0.1."""
from __future__ import annotations

import io
import time

import pandas as pd
import pytest

from tests.browser.pages import screenshot, watched_page

pytestmark = pytest.mark.slow       # builds the report and drives Chromium

FACTS_COLUMNS = ["metric", "value", "unit", "qualifier", "location", "period", "source", "quote",
                 "article_id"]
# the long tables, the notebook page that shows each, and the table the build wrote for it
LONG_TABLES = [("nights", "02_interceptions"), ("territory", "04_territory"),
               ("agreement", "05_sources_agree"), ("claim_checks", "06_claim_checks")]


@pytest.fixture(scope="module")
def facts(report) -> pd.DataFrame:
    """The facts table the build wrote."""
    return pd.read_parquet(report.parent / "processed" / "facts.parquet")


def _container(page, name: str):
    """The interactive table named `name` (its DataTables container), once drawn."""
    container = page.locator(f"div.dt-container:has(table.dataTable[id^='{name}-'])")
    container.first.wait_for(state="visible")
    assert container.count() == 1, name
    return container.first


def _show_all(table) -> None:
    length = table.locator(".dt-length select")
    if length.count():
        length.select_option("-1")


def _column(table, heading: str) -> list[str]:
    """The text of the column headed `heading` in the rows shown."""
    headings = [h.strip() for h in table.locator("thead th .dt-column-title").all_inner_texts()]
    index = headings.index(heading)
    rows = table.locator("tbody tr")
    return [rows.nth(i).locator("td").nth(index).inner_text() for i in range(rows.count())
            if rows.nth(i).locator("td").count() > 1]


def _info(table) -> str:
    return table.locator(".dt-info").inner_text()


def _settled(read, wanted, seconds: float = 5.0):
    """Give what `read()` gives once it gives `wanted`, or after `seconds` what it gives then."""
    deadline = time.monotonic() + seconds
    found = read()
    while found != wanted and time.monotonic() < deadline:
        time.sleep(0.1)
        found = read()
    return found


def _shown(value) -> str:
    """A facts value as the table shows it."""
    return "" if pd.isna(value) else (f"{value:,.0f}" if float(value).is_integer() else f"{value:g}")


def test_the_facts_table_is_searched_sorted_filtered_and_downloaded(context, site, facts):
    page, watch = watched_page(context, site)
    page.goto(site + "01_corpus_and_facts.html", wait_until="load")
    table = _container(page, "facts")
    assert f"of {len(facts):,} entries" in _info(table)
    _show_all(table)
    assert len(_column(table, "metric")) == len(facts)           # every fact, not a page of them
    # each quote is the whole quote, its own number marked
    marks = table.locator("tbody tr td mark")
    assert marks.count() == len(facts)
    assert sorted(marks.all_inner_texts()) == sorted(" ".join(t.split()) for t in facts["number_text"])

    # search: the rows left are the facts some column of which holds the word
    table.locator(".dt-search input").fill("Kharkiv")
    text = facts[FACTS_COLUMNS].astype("string").fillna("")
    hit = text.apply(lambda column: column.str.contains("kharkiv", case=False)).any(axis=1)
    assert 0 < hit.sum() < len(facts)
    assert _info(table).startswith(f"Showing 1 to {hit.sum()} of {hit.sum()} entries")
    assert sorted(_column(table, "quote")) == sorted(facts.loc[hit, "quote"])

    # sort by value: the counts in numeric order, not text order
    for descending in (False, True):            # the table redraws a moment after the click
        table.locator("thead th").filter(has_text="value").locator(".dt-column-title").click()
        wanted = [_shown(v) for v in sorted(facts.loc[hit, "value"], reverse=descending)]
        assert _settled(lambda: _column(table, "value"), wanted) == wanted
    table.locator(".dt-search input").fill("")

    # filter one column by one of its values
    place = facts["location"].value_counts().index[0]
    table.locator("thead th").filter(has_text="location").locator("button.dtcc-button_dropdown").click()
    page.locator(".dtcc-dropdown .dtcc-list-buttons button").filter(has_text=place).first.click()
    page.keyboard.press("Escape")
    chosen = facts[facts["location"] == place]
    assert set(_column(table, "location")) == {place} and len(_column(table, "location")) == len(chosen)
    screenshot(page, "facts-filtered")

    # the CSV holds the rows shown, in their order, with the values and quotes as data
    with page.expect_download() as download:
        table.locator("button.buttons-csv").click()
    assert download.value.suggested_filename == "facts-rows.csv"
    got = pd.read_csv(io.StringIO(download.value.path().read_text(encoding="utf-8")),
                      keep_default_na=False)
    assert list(got.columns) == FACTS_COLUMNS
    assert list(got["quote"]) == _column(table, "quote") and "<mark>" not in "".join(got["quote"])
    want = chosen[FACTS_COLUMNS].astype({"value": float}).fillna("")
    assert (sorted(map(tuple, got.astype({"value": float}).astype(str).values))
            == sorted(map(tuple, want.astype(str).values)))
    assert not watch.problems(), watch.problems()


@pytest.mark.parametrize("name, notebook", LONG_TABLES, ids=[n for n, _ in LONG_TABLES])
def test_every_long_table_is_interactive_with_all_its_rows(context, site, report, name, notebook):
    whole = pd.read_parquet(report.parent / "processed" / f"{name}.parquet")
    page, watch = watched_page(context, site)
    page.goto(site + f"{notebook}.html", wait_until="load")
    table = _container(page, name)
    assert table.locator(".dt-search input").count() == 1
    assert table.locator("button.buttons-csv").count() == 1
    headings = table.locator("thead th")
    # a filter on every column, and each column sorts
    assert table.locator("thead th button.dtcc-button_dropdown").count() == headings.count() >= 3
    assert table.locator("thead th.dt-orderable-asc").count() == headings.count()
    if len(whole):
        assert f"of {len(whole):,} entries" in _info(table)
        _show_all(table)
        assert table.locator("tbody tr").count() == len(whole)
    assert not watch.problems(), watch.problems()
