"""A notebook's page of the report, as a reader wants it.

The pages use the `airwar` template (`templates/` beside this module): JupyterLab's look with
no script fetched from the network, the notebook's heading as the page title, and every chart
given a text alternative: the title of the `plots` function that drew it (`plots.TITLES`),
else the section it sits in. Prose, tables and charts come first: the code is hidden until
the reader ticks "Show code" (CSS alone, so it works offline and without scripts). Each page
links the index, the notebooks before and after it, and the executed notebook beside it.
"""
from __future__ import annotations

import copy
import re
import threading
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "airwar"
INDEX = "index.html"

_EXPORTER = None
_EXPORTER_LOCK = threading.Lock()
_CHART_CALL = re.compile(r"\bplots\.(\w+)\(")


def _headings(source: str) -> list[str]:
    return [line.lstrip("#").strip() for line in source.splitlines()
            if re.match(r"#{1,6} ", line)]


def nb_title(nb, default: str) -> str:
    """Give a notebook's title: its first Markdown heading, else `default`."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("# ").strip()
    return default


def title(path: Path) -> str:
    """Give the title of the notebook at `path`."""
    import nbformat
    return nb_title(nbformat.read(path, as_version=4), path.stem)


def chart_alts(nb, title: str) -> list[str]:
    """Give a text alternative for each PNG output of `nb`, in order.

    A chart drawn by a function of `presentation.plots` is described by its title; any other
    image by the section (the latest Markdown heading) it appears in.
    """
    from . import plots
    alts, section = [], title
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            section = (_headings(cell.source) or [section])[-1]
            continue
        if cell.cell_type != "code":
            continue
        titles = [plots.TITLES[name] for name in _CHART_CALL.findall(cell.source)
                  if name in plots.TITLES]
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                alts.append(f"Chart: {titles.pop(0)}" if titles else f"Chart in section: {section}")
    return alts


def _with_alts(nb, title: str):
    """Give a copy of `nb` whose PNG outputs carry `alt` metadata (the notebook is untouched)."""
    nb = copy.deepcopy(nb)
    alts = iter(chart_alts(nb, title))
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if "image/png" in output.get("data", {}):
                meta = output.setdefault("metadata", {}).setdefault("image/png", {})
                meta.setdefault("alt", next(alts))
    return nb


def page_links(paths: list[Path], report_title: str, corpus: str | None = None) -> dict[str, dict]:
    """Give, for each notebook (by file name), what its page links: the index, the notebooks
    before and after it (href and title, None at either end) and its executed notebook; and
    the corpus its title names after its own (None for the default corpus)."""
    pages = [{"href": p.with_suffix(".html").name, "title": title(p)} for p in paths]
    return {p.name: {"index": {"href": INDEX, "title": report_title},
                     "previous": pages[i - 1] if i > 0 else None,
                     "next": pages[i + 1] if i + 1 < len(pages) else None,
                     "notebook": p.name, "corpus": corpus}
            for i, p in enumerate(paths)}


def export_html(nb, title: str, links: dict | None = None) -> str:
    """Give the report's page of the executed notebook `nb`, linking what `links` gives
    (see `page_links`; without it, only the index)."""
    global _EXPORTER
    nb = _with_alts(nb, title)
    links = links or {"index": {"href": INDEX, "title": "Index"}, "previous": None,
                      "next": None, "notebook": None}
    with _EXPORTER_LOCK:
        if _EXPORTER is None:
            from nbconvert import HTMLExporter
            _EXPORTER = HTMLExporter(template_name=TEMPLATE,
                                     extra_template_basedirs=[str(TEMPLATES)])
        body, _ = _EXPORTER.from_notebook_node(
            nb, resources={"metadata": {"name": title}, "airwar": links})
    return body
