"""A notebook's page as a reader sees it in Chromium: prose, tables and charts, the code hidden
until "Show code" is ticked (with or without JavaScript), and the executed notebook one link
away; nothing requested from anywhere but 127.0.0.1."""
from __future__ import annotations

import json

import nbformat
import pytest

from analysis.presentation.build import notebook_paths
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
