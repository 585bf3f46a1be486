"""Every fact in its article, as a reader checks it in Chromium: each article's page marks
the facts the build wrote, coloured by metric, said on hover and to screen readers; each row
of the facts table leads to its mark; the index and the pages lead to each other; nothing is
requested from anywhere but 127.0.0.1."""
from __future__ import annotations

from urllib.parse import urljoin

import pandas as pd
import pytest
from matplotlib.colors import to_rgb

from analysis.presentation.article_pages import METRIC_COLORS, TINT, fact_anchor, page_name
from tests.browser.pages import screenshot, watched_page

pytestmark = pytest.mark.slow       # builds the report and drives Chromium


@pytest.fixture(scope="module")
def facts(report) -> pd.DataFrame:
    """The facts table the build wrote."""
    return pd.read_parquet(report.parent / "processed" / "facts.parquet")


@pytest.fixture(scope="module")
def articles(report) -> pd.DataFrame:
    """The articles table the build wrote."""
    return pd.read_parquet(report.parent / "processed" / "articles.parquet")


def _tinted(metric: str) -> str:
    """The CSS colour a mark of `metric` is drawn on: its colour, tinted."""
    r, g, b = (round(255 - TINT * (255 - 255 * c)) for c in to_rgb(METRIC_COLORS[metric]))
    return f"rgb({r}, {g}, {b})"


def test_each_article_page_marks_every_fact_in_its_colour_said_on_hover_and_aloud(
        context, site, facts, articles):
    page, watch = watched_page(context, site)
    for article in articles.itertuples():
        own = facts[facts["article_id"] == article.article_id]
        response = page.goto(site + f"articles/{page_name(article.article_id)}", wait_until="load")
        assert response.status == 200
        marks = page.locator("article#text mark.fact")
        assert marks.count() == len(own) > 0
        for fact in own.itertuples():
            mark = page.locator(f"mark#{fact_anchor(fact.fact_id, article.article_id)}")
            assert mark.count() == 1, fact.fact_id
            shown = mark.evaluate("m => [...m.childNodes].filter(n => n.nodeType === 3)"
                                  ".map(n => n.data).join('')")
            assert shown == article.text[fact.start:fact.end]
            assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == _tinted(fact.metric)
            title = mark.get_attribute("title")
            spoken = mark.locator(".sr-only").text_content()
            for said in (title, spoken):
                assert fact.metric.replace("_", " ") in said
                assert all(str(v) in said for v in (fact.location, fact.period, fact.source)
                           if pd.notna(v)), said
            box = mark.locator(".sr-only").bounding_box()        # read out, never seen
            assert box is None or (box["width"] <= 1 and box["height"] <= 1)
            mark.hover()
        # the legend names every metric of the page once, in its colour
        legend = page.locator("#legend li")
        assert legend.count() == own["metric"].nunique()
        if article.Index == 0:
            screenshot(page, "article")
    assert not watch.problems(), watch.problems()


def test_a_row_of_the_facts_table_leads_to_its_mark(context, site, facts):
    page, watch = watched_page(context, site)
    page.goto(site + "01_corpus_and_facts.html", wait_until="load")
    table = page.locator("div.dt-container:has(table.dataTable[id^='facts-'])")
    table.wait_for(state="visible")
    table.locator(".dt-length select").select_option("-1")
    links = table.locator("tbody tr td a:has(mark)")
    assert links.count() == len(facts)                          # one link a row, on its number
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    want = {f"articles/{page_name(f.article_id)}#{fact_anchor(f.fact_id, f.article_id)}"
            for f in facts.itertuples()}
    assert set(hrefs) == want
    # the search reads what a row shows, not where its link leads
    table.locator(".dt-search input").fill("articles/")
    assert table.locator(".dt-info").inner_text().startswith("Showing 0 to 0 of 0 entries")
    table.locator(".dt-search input").fill("1,170")
    link = table.locator("tbody tr td a:has(mark:text-is('1,170'))")
    assert link.count() == 1
    fact = facts[facts["number_text"] == "1,170"].iloc[0]
    with page.expect_navigation():
        link.click()
    anchor = fact_anchor(fact["fact_id"], fact["article_id"])
    assert page.url == urljoin(site, f"articles/{page_name(fact['article_id'])}#{anchor}")
    target = page.locator("mark.fact:target")
    assert target.count() == 1 and target.get_attribute("id") == anchor
    assert target.evaluate("m => m.firstChild.data") == "1,170"
    assert target.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"   # singled out
    box, height = target.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= height          # scrolled to
    page.set_viewport_size({"width": 1100, "height": 1000})         # README's docs/article.png
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "article-fact", full_page=False)
    # every other row's link lands on its mark too
    for href in sorted(want):
        page.goto(urljoin(site, href), wait_until="load")
        assert page.locator("mark.fact:target, mark.fact:has(.anchor:target)").count() == 1, href
    assert not watch.problems(), watch.problems()


def test_the_index_and_the_article_pages_lead_to_each_other(context, site, articles):
    page, watch = watched_page(context, site)
    page.goto(site + "index.html", wait_until="load")
    links = page.locator("table#corpus tbody tr td:first-child a")
    assert links.all_inner_texts() == list(articles["article_id"])
    with page.expect_navigation():
        links.first.click()
    seen = [page.url.rsplit("/", 1)[-1]]
    while page.locator("nav a[rel=next]").count():
        with page.expect_navigation():
            page.locator("nav a[rel=next]").first.click()
        seen.append(page.url.rsplit("/", 1)[-1])
    assert seen == [page_name(a) for a in articles["article_id"]]
    with page.expect_navigation():
        page.locator("nav.end a[rel=index]").click()
    assert page.url == site + "index.html"
    assert not watch.problems(), watch.problems()
