"""The report as its readers see it: built, served over HTTP and opened in headless Chromium.

Every page loads without errors, dialogs or requests leaving the server; the index links
every notebook and lists the corpus; charts are drawn and tables shown; every image has a
text alternative; the weapon colours stay apart in greyscale; article text full of markup
shows as text and never runs, on the index, the notebooks' pages and the articles' own. Full-page screenshots land in reports/screenshots/.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import nbformat
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from analysis import config
from analysis.presentation import plots
from analysis.presentation.build import notebook_paths
from tests.browser.pages import SCREENSHOTS, browser, require_browser, screenshot, serve, watched_page  # noqa: F401
from tests.helpers import run_cli, write_article

pytestmark = pytest.mark.slow       # builds the report and drives Chromium

NOTEBOOKS = notebook_paths()
CHARTED = {"02_interceptions", "03_cold_and_heat", "04_territory"}


def _outputs(path, test) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(1 for cell in nb.cells if cell.cell_type == "code"
               for output in cell.get("outputs", []) if test(output.get("data", {})))


def _charts(path) -> int:
    """Charts the committed (executed) notebook shows."""
    return _outputs(path, lambda data: "image/png" in data)


def _tables(path) -> int:
    """Data frames the committed (executed) notebook shows."""
    return _outputs(path, lambda data: "<table" in data.get("text/html", ""))


def _heading(path) -> str:
    nb = nbformat.read(path, as_version=4)
    return next(line.lstrip("# ").strip() for cell in nb.cells if cell.cell_type == "markdown"
                for line in cell.source.splitlines() if line.startswith("#"))


# --- the default report ------------------------------------------------------------------

def test_index_lists_every_notebook_and_the_corpus(context, site):
    page, watch = watched_page(context, site)
    response = page.goto(site + "index.html", wait_until="load")
    assert response.status == 200
    links = page.locator("ol#notebooks li > a")
    assert links.count() == len(NOTEBOOKS)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == [p.with_suffix(".html").name for p in NOTEBOOKS]
    assert [links.nth(i).inner_text() for i in range(links.count())] == [_heading(p) for p in NOTEBOOKS]
    rows = page.locator("table#corpus tbody tr")
    articles = sorted(p.stem for p in config.ARTICLES.glob("*.txt"))
    assert rows.count() == len(articles)
    assert sorted(rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())) == articles
    screenshot(page, "index")
    # a reader's click on the first link opens that notebook
    with page.expect_navigation():
        links.first.click()
    assert page.url.endswith(hrefs[0]) and page.title() == _heading(NOTEBOOKS[0])
    for href, path in zip(hrefs, NOTEBOOKS):
        response = page.goto(urljoin(site, href), wait_until="load")
        assert response.status == 200, href
        assert page.title() == _heading(path)
    assert not watch.problems(), watch.problems()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_page_loads_with_its_charts_and_tables(context, site, path):
    page, watch = watched_page(context, site)
    response = page.goto(site + path.with_suffix(".html").name, wait_until="load")
    assert response.status == 200
    images = page.locator(".jp-RenderedImage img")
    expected = _charts(path)
    if path.stem in CHARTED:
        assert expected >= 1, f"{path.name} should show a chart"
    assert images.count() == expected
    for i in range(images.count()):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0")
        box = image.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, box
    tables = _tables(path)
    if tables:
        assert page.locator(".jp-OutputArea-output table").count() >= tables
    # no cell failed while the build ran it
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    screenshot(page, path.stem)
    assert not watch.problems(), watch.problems()


def test_interception_chart_keeps_weapons_apart_in_greyscale(context, site):
    """The weapon colours differ in grey level, and the rendered chart shows each of them."""
    from PIL import Image

    def grey(color) -> float:        # the CSS grayscale(1) filter's weights (Rec. 709 luma)
        r, g, b = to_rgb(color)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    levels = {weapon: grey(color) for weapon, color in plots.WEAPON_COLORS.items()}
    ordered = sorted(levels.values())
    assert min(b - a for a, b in zip(ordered, ordered[1:])) >= 0.1, levels

    page, watch = watched_page(context, site)
    page.goto(site + "02_interceptions.html", wait_until="load")
    page.add_style_tag(content="html { filter: grayscale(1); }")
    chart = page.locator(f'.jp-RenderedImage img[alt="Chart: {plots.TITLES["interception_chart"]}"]')
    assert chart.count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / "greyscale-02_interceptions.png"
    chart.screenshot(path=str(out))
    assert out.stat().st_size > 1000
    pixels = np.asarray(Image.open(out).convert("RGB")).astype(int)
    assert np.abs(pixels - pixels.mean(axis=2, keepdims=True)).max() <= 3, "not rendered in grey"
    values = pixels[..., 0]
    for weapon, level in levels.items():
        near = np.abs(values - round(255 * level)) <= 4
        assert near.sum() >= 20, f"{weapon} ({plots.WEAPON_COLORS[weapon]}) not found at grey {level:.2f}"
    assert not watch.problems(), watch.problems()


# --- accessibility basics ------------------------------------------------------------------

def test_index_has_language_title_and_table_headers(context, site):
    page, _ = watched_page(context, site)
    page.goto(site + "index.html")
    assert page.get_attribute("html", "lang")
    assert page.title().strip()
    assert page.locator("table#corpus caption").inner_text().strip()
    headers = page.locator("table#corpus th")
    assert headers.count() >= 4
    assert all(headers.nth(i).get_attribute("scope") in {"col", "row"} for i in range(headers.count()))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_image_has_a_text_alternative(context, site, path):
    page, _ = watched_page(context, site)
    page.goto(site + path.with_suffix(".html").name)
    assert page.get_attribute("html", "lang")
    alts = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.getAttribute('alt'))")
    assert all(alt and alt.strip() for alt in alts), alts
    # a chart drawn by analysis.plots is described by its own title
    nb = nbformat.read(path, as_version=4)
    titles = [plots.TITLES[name] for cell in nb.cells if cell.cell_type == "code"
              for name in re.findall(r"\bplots\.(\w+)\(", cell.source) if name in plots.TITLES]
    assert sorted(alts) == sorted(f"Chart: {t}" for t in titles)


# --- article text full of markup -----------------------------------------------------------

HOSTILE_HEADLINE = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> **bold** '
                    '[link](javascript:alert(3)) </table> Drones over Kyiv')
HOSTILE_BODY = (
    "Russia launched 12 drones at Kyiv overnight, officials said. "
    "<script>alert(4); console.log('injected-4')</script>\n\n"
    "Air defences shot down 10 of them, the air force said. "
    "<img src=x onerror=\"console.log('injected-5'); alert(5)\"> **bold** "
    "[link](javascript:alert(6)) </table></td></tr> `code` | a | b | $x^2$ &amp; "
    "<svg onload=\"alert(7)\"></svg> <iframe src=\"javascript:alert(8)\"></iframe>\n")
# a file name can carry markup too (no slash, so no closing tag)
HOSTILE_NAMES = ["hostile", "x<img src=x onerror=alert(9)>"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    require_browser()
    root = tmp_path_factory.mktemp("hostile")
    articles = root / "hostile"
    articles.mkdir()
    for name in HOSTILE_NAMES:
        write_article(articles, f"{name}.txt", f" date 2026-02-03 {HOSTILE_HEADLINE}\n\n{HOSTILE_BODY}")
    done = run_cli("build", "--articles", articles, "--reports", root / "hostile_reports")
    assert done.returncode == 0, done.stderr[-3000:]
    with serve(root / "hostile_reports") as url:
        yield url


def _tables_script(text: str) -> bool:
    """Whether a script is one the interactive tables put in the page (the library, a table's
    set-up, or the swap of its static preview), with nothing of an article's markup in it."""
    ours = ("injectModule(" in text or "new ITable(table, dt_args)" in text
            or re.fullmatch(r'document\.getElementById\("[\w.-]+"\)\?\.removeAttribute\("hidden"\);'
                            r'document\.getElementById\("[\w.-]+_fallback"\)\?\.setAttribute'
                            r'\("hidden", "hidden"\);', text))
    return bool(ours) and not re.search(r"<(script|img|svg|iframe)\b", text)


def test_markup_in_articles_shows_as_text_and_never_runs(context, hostile_site):
    from analysis.presentation.article_pages import page_name
    pages = [f"articles/{page_name(n)}" for n in HOSTILE_NAMES]
    for name in ["index.html"] + [p.with_suffix(".html").name for p in NOTEBOOKS] + pages:
        page, watch = watched_page(context, hostile_site)
        page.goto(hostile_site + name, wait_until="load")
        page.wait_for_timeout(200)                        # let any injected handler fire
        assert not watch.dialogs, (name, watch.dialogs)
        assert not watch.page_errors, (name, watch.page_errors)
        assert not [text for _, text, _ in watch.console if "injected" in text], (name, watch.console)
        assert not watch.problems(), (name, watch.problems())
        # nothing from the articles became an element: the only scripts are the tables' own
        assert page.locator("iframe, svg[onload], a[href^='javascript:'], "
                            "img[src='x'], [onerror], [onload]").count() == 0, name
        scripts = page.eval_on_selector_all("main script", "all => all.map(s => s.textContent)")
        assert all(_tables_script(s) for s in scripts), (name, [s[:200] for s in scripts])
        assert page.locator("strong:text-is('bold'), b:text-is('bold')").count() == 0, name
        if name in ["index.html", "01_corpus_and_facts.html"] + pages:
            text = page.inner_text("main")
            assert "<script>alert(1)</script>" in text, name
            assert '<img src=x onerror="alert(2)">' in text, name
            assert "**bold** [link](jav" in text, name
            named = [HOSTILE_NAMES[pages.index(name)]] if name in pages else HOSTILE_NAMES
            for article_id in named:
                assert article_id in text, (name, article_id)
        if name in pages:                         # the body too, its numbers marked
            assert "<script>alert(4); console.log('injected-4')</script>" in text
            assert "<iframe src=\"javascript:alert(8)\"></iframe>" in text
            assert page.locator("article#text mark.fact").count() >= 2, name
        if name == "01_corpus_and_facts.html":
            facts = page.locator(".jp-OutputArea-output table").filter(has_text="officials said")
            assert "Russia launched 12 drones at Kyiv overnight, officials said. <script>alert(4" \
                in facts.first.inner_text()
