"""The report as a reader moves through it in Chromium: a notebook's page shows prose, tables
and charts, the code hidden until "Show code" is ticked (with or without JavaScript), the
executed notebook one link away; the index gives each notebook's finding and answers every
link; next, previous and index links lead through every page and back; nothing is requested
from anywhere but 127.0.0.1."""
from __future__ import annotations

import io
import json

import nbformat
import pandas as pd
import pytest

from analysis.presentation.build import notebook_paths
from analysis.presentation.pages import title
from tests.browser.pages import screenshot, watched_page

pytestmark = pytest.mark.slow       # builds the report and drives Chromium

NOTEBOOKS = notebook_paths()


def _code_cells(path) -> list:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def _visible(locator) -> int:
    return sum(locator.nth(i).is_visible() for i in range(locator.count()))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_is_hidden_until_the_reader_asks_for_it(context, site, path):
    page, watch = watched_page(context, site)
    page.goto(site + path.with_suffix(".html").name, wait_until="load")
    code = page.locator(".jp-CodeCell .jp-Cell-inputWrapper")
    assert code.count() == len(_code_cells(path))
    assert _visible(code) == 0 and _visible(page.locator(".jp-InputPrompt, .jp-OutputPrompt")) == 0
    # what the reader came for is there: the heading, the prose, every output
    assert page.locator("h1").first.is_visible()
    assert _visible(page.locator(".jp-MarkdownCell")) == page.locator(".jp-MarkdownCell").count()
    outputs = page.locator(".jp-OutputArea-output")
    assert outputs.count() and _visible(page.locator(".jp-RenderedImage img, table.dataTable")) \
        == page.locator(".jp-RenderedImage img, table.dataTable").count()
    screenshot(page, f"reader-{path.stem}")
    toggle = page.get_by_label("Show code")
    toggle.check()
    assert _visible(code) == code.count()
    assert "open_notebook(ARTICLES, PROCESSED)" in page.locator(".jp-CodeCell .jp-InputArea").nth(1).inner_text()
    toggle.uncheck()
    assert _visible(code) == 0
    assert not watch.problems(), watch.problems()


def test_the_code_toggle_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + NOTEBOOKS[0].with_suffix(".html").name, wait_until="load")
        code = page.locator(".jp-CodeCell .jp-Cell-inputWrapper")
        assert code.count() and _visible(code) == 0
        page.get_by_label("Show code").check()
        assert _visible(code) == code.count()
    finally:
        context.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_executed_notebook_is_one_link_away(context, site, path):
    page, watch = watched_page(context, site)
    page.goto(site + path.with_suffix(".html").name, wait_until="load")
    link = page.locator("nav#nav-top a", has_text="Executed notebook (.ipynb)")
    assert link.count() == 1 and link.get_attribute("href") == path.name
    with page.expect_download() as download:
        link.click()
    executed = nbformat.reads(download.value.path().read_text(encoding="utf-8"), as_version=4)
    code, committed = [c for c in executed.cells if c.cell_type == "code"], _code_cells(path)
    assert [c.source for c in code] == [c.source for c in committed]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert [len(c.outputs) for c in code] == [len(c.outputs) for c in committed]
    assert json.loads(download.value.path().read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == "airwar"
    assert not watch.problems(), watch.problems()


def _served(page, url: str):
    response = page.request.get(url)
    assert response.status == 200, url
    return response


def test_the_index_leads_to_everything_and_every_page_leads_back(context, site, report):
    from analysis import config
    from analysis.extraction.corpus import load_corpus
    from analysis.presentation import index
    page, watch = watched_page(context, site)
    page.goto(site + "index.html", wait_until="load")
    # each notebook's line: its page, its executed notebook, its finding as computed from the
    # tables the build wrote
    found = index.findings(NOTEBOOKS, report.parent / "processed", load_corpus([config.ARTICLES]))
    assert set(found) == {p.stem for p in NOTEBOOKS}
    items = page.locator("ol#notebooks > li")
    assert items.count() == len(NOTEBOOKS)
    for i, path in enumerate(NOTEBOOKS):
        assert items.nth(i).locator(".finding").inner_text() == found[path.stem]
        assert items.nth(i).locator("a[download]").get_attribute("href") == path.name
    assert "53.5% of 71 missiles and 91.6% of 450 drones intercepted" in items.nth(1).inner_text()
    # every link on the index answers; a table's CSV and Parquet hold the same table
    hrefs = page.eval_on_selector_all("main a[href]", "all => all.map(a => a.getAttribute('href'))")
    remote = [h for h in hrefs if h.startswith(("http:", "https:"))]
    assert remote and all(page.locator(f"#sources a[href='{h}']").count() for h in remote)
    local = [h for h in hrefs if h not in remote]
    assert {p.with_suffix(".html").name for p in NOTEBOOKS} <= set(local)
    for href in local:
        body = _served(page, site + href).body()
        if href.endswith(".csv"):
            twin = pd.read_parquet(io.BytesIO(_served(page, site + href[:-4] + ".parquet").body()))
            table = pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False)
            assert list(table.columns) == list(twin.columns) and len(table) == len(twin), href
    # forwards through every notebook by "next", back by "previous", then to the index
    with page.expect_navigation():
        items.first.locator("> a").click()
    seen = [page.url.rsplit("/", 1)[-1]]
    while page.locator("nav#nav-top a[rel=next]").count():
        assert page.locator("nav#nav-bottom a[rel=next]").count() == 1
        with page.expect_navigation():
            page.locator("nav#nav-top a[rel=next]").click()
        seen.append(page.url.rsplit("/", 1)[-1])
    assert seen == [p.with_suffix(".html").name for p in NOTEBOOKS]
    back = [seen[-1]]
    while page.locator("nav#nav-bottom a[rel=prev]").count():
        with page.expect_navigation():
            page.locator("nav#nav-bottom a[rel=prev]").click()
        back.append(page.url.rsplit("/", 1)[-1])
        assert page.title() == title(NOTEBOOKS[len(NOTEBOOKS) - len(back)])
    assert back == seen[::-1]
    for where in ("top", "bottom"):
        assert page.locator(f"nav#nav-{where} a[rel=index]").get_attribute("href") == "index.html"
    with page.expect_navigation():
        page.locator("nav#nav-top a[rel=index]").click()
    assert page.url == site + "index.html"
    assert not watch.problems(), watch.problems()
