"""Interactive tables: how `display.table` and `display.screen` show a table.

Every table is searchable, sortable, filterable column by column (a list of its values, or a
search box where the values are many) and downloadable as CSV: the rows the search and filters
leave, in the order shown. Every row is in the page (up to MAX_ROWS; past that the first
MAX_ROWS, and a note). The library is itables in its offline mode: `init()` embeds its
DataTables bundle once per notebook, so neither the report nor JupyterLab fetches a script or
a style.

Each cell is shown as escaped text: counts as integers with thousands separators, other
numbers to three decimals, missing values blank. The only markup in a cell is a `Marked`
value's (a quote with its number in `<mark>`, linked to the fact in its article), which is
built from escaped text.
"""
from __future__ import annotations

import html
import itertools
import os
import re

import numpy as np
import pandas as pd

# a reader's own itables.toml must not change the report: every build gives the same pages
os.environ["ITABLES_CONFIG"] = ""

PAGE_LENGTH = 10                 # rows per page; the reader may show more, or all
MAX_ROWS = 20_000                # rows embedded in one table
LIST_MAX = 40                    # a column of at most this many values is filtered by a list
TEXT_ROWS = 20                   # rows of the plain-text form (nbval, a terminal)
PLAIN_NUMBERS = {"year", "row", "line"}   # whole numbers shown without separators

# Sorting, the number filter and the CSV read a number column's value, not its text.
_NUMBER_VALUE = ("function (data, type) { if (type === 'display' || type === 'filter') "
                 "return data; if (data === '') return type === 'export' ? '' : null; "
                 "if (data === '\u221e') return Infinity; if (data === '-\u221e') return -Infinity; "
                 "return Number(data.replace(/,/g, '')); }")
# The CSV holds a text column's text, not its markup; a text cell a spreadsheet would run as a
# formula gets a leading ', as in the project's own CSV files (reading.atomic.spreadsheet_safe).
_TEXT_VALUE = ("function (data, type) { if (type !== 'export') return data; "
               "const text = new DOMParser().parseFromString(data, 'text/html')"
               ".documentElement.textContent; "
               "return /^[=+\\-@\\t\\r]/.test(text) ? \"'\" + text : text; }")
LONG_TEXT = 60                   # a column with a longer value is given room to wrap
SHORT_TEXT = 12                  # a column of values no longer (a date, a code) never wraps
# (JupyterLab's own table style right-aligns every cell); text wraps, a long one in 20rem or more
_T = "div.dt-container table.dataTable"
_CSS = (f"{_T} td, {_T} th {{ text-align: left; vertical-align: top; }} "
        f"{_T} td.dt-right, {_T} th.dt-right {{ text-align: right; white-space: nowrap; }} "
        f"{_T} td.long {{ min-width: 20rem; }} {_T} td.short {{ white-space: nowrap; }} "
        f"{_T} mark {{ background: #fff3b0; color: inherit; padding: 0 .1em; }} "
        "div.dt-container .dt-layout-table > .dt-layout-cell { overflow-x: auto; }")

LINK_TITLE = "This fact in its article"

_ids = itertools.count(1)


class Marked(str):
    """A cell's HTML, built from escaped text (a quote with its number marked); `text` gives
    the plain text."""

    text: str

    def __new__(cls, markup: str, text: str):
        value = super().__new__(cls, markup)
        value.text = text
        return value


def mark(text: str, start: int, end: int, href: str | None = None) -> Marked:
    """Give `text` escaped, with `text[start:end]` in <mark> (a link to `href`, if given)."""
    marked = f"<mark>{html.escape(text[start:end])}</mark>"
    if href is not None:
        marked = f'<a href="{html.escape(href)}" title="{LINK_TITLE}">{marked}</a>'
    return Marked(f"{html.escape(text[:start])}{marked}{html.escape(text[end:])}", text)


def _number_in_quote(quote: str, number: str, before: str) -> int:
    """Give where `number` sits in `quote`: the place whose preceding text ends as `before`
    (the article's text up to the number, each space run as one) does, else its first place,
    else -1."""
    places = [m.start() for m in re.finditer(re.escape(number), quote)] if number else []
    for place in places:
        if before.endswith(quote[:place].rstrip()):
            return place
    return places[0] if places else -1


def marked_quotes(facts: pd.DataFrame, articles: pd.DataFrame, linked: bool = True) -> pd.Series:
    """Give each fact's whole quote, escaped, with its number marked where the quote holds it
    (a `Marked` value each, indexed as `facts`); unless not `linked`, the number (or, where
    the quote does not hold it, the quote) links to the fact's mark on its article's page
    (`article_pages`, in the report)."""
    from .article_pages import fact_href
    texts = dict(zip(articles["article_id"], articles["text"]))
    marked = []
    for quote, number, article, start, fact in zip(facts["quote"], facts["number_text"],
                                                   facts["article_id"], facts["start"],
                                                   facts["fact_id"]):
        text = texts.get(article, "")
        href = fact_href(article, fact) if linked else None
        number = " ".join(str(number).split())
        before = " ".join(text[max(0, start - 4 * len(quote) - 200):start].split())
        place = _number_in_quote(quote, number, before)
        if place >= 0:
            marked.append(mark(quote, place, place + len(number), href))
        elif href is not None:
            marked.append(Marked(f'<a href="{html.escape(href)}" title="{LINK_TITLE}">'
                                 f"{html.escape(quote)}</a>", quote))
        else:
            marked.append(Marked(html.escape(quote), quote))
    return pd.Series(marked, index=facts.index, dtype=object, name="quote")


def _is_number(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def number_text(value, separators: bool = True) -> str:
    """Give a number as the tables show it: a whole number as an integer (with thousands
    separators unless not `separators`), another to three decimals, missing as ''."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    value = float(value)
    if np.isinf(value):
        return "\u221e" if value > 0 else "-\u221e"
    if value.is_integer():
        return f"{value:,.0f}" if separators else f"{value:.0f}"
    if abs(value) < 0.001:
        return f"{value:.3g}"
    shown = f"{value:,.3f}" if separators else f"{value:.3f}"
    return shown.rstrip("0").rstrip(".")


def cell_text(value) -> str:
    """Give a value that is not a number as the tables show it: missing as '', a day as its
    date, a list as its items."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return ", ".join(cell_text(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    if isinstance(value, Marked):
        return value.text
    return str(value)


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Give `frame` with a meaningful index as columns and flat string column names."""
    if not isinstance(frame.index, pd.RangeIndex) or any(n is not None for n in frame.index.names):
        frame = frame.reset_index()
    frame = frame.copy()
    frame.columns = [" ".join(map(str, c)).strip() if isinstance(c, tuple) else str(c)
                     for c in frame.columns]
    return frame


def shown_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Give every cell of `frame` (index as columns) as the plain text the table shows."""
    frame = _flat(frame)
    return pd.DataFrame({
        name: ([number_text(v, name not in PLAIN_NUMBERS) for v in column] if _is_number(column)
               else [cell_text(v) for v in column])
        for name, column in frame.items()}, index=frame.index, dtype=object)


def _shown_html(frame: pd.DataFrame) -> pd.DataFrame:
    """Give every cell of `frame` (flat) as HTML: escaped text, or a `Marked` value's markup."""
    text = shown_text(frame)
    for name, column in frame.items():
        text[name] = [str(v) if isinstance(v, Marked) else html.escape(t, quote=False)
                      for v, t in zip(column, text[name])]
    text.columns = [html.escape(c, quote=False) for c in text.columns]
    return text


def _column_defs(frame: pd.DataFrame) -> list[dict]:
    """Give each column's DataTables settings: a number is right-aligned and sorted by value;
    a column of few values is filtered by a list of them, another by a search box."""
    from itables.typing import JavascriptFunction
    defs = []
    for i, (name, column) in enumerate(frame.items()):
        if _is_number(column):
            defs.append({"targets": i, "render": JavascriptFunction(_NUMBER_VALUE),
                         "className": "dt-right", "columnControl": [["searchNumber"]]})
            continue
        text = column.map(cell_text)
        longest = text.str.len().max() if len(text) else 0
        defs.append({"targets": i, "render": JavascriptFunction(_TEXT_VALUE),
                     "className": ("long" if longest > LONG_TEXT else
                                   "short" if longest <= SHORT_TEXT else ""),
                     "columnControl": [["searchList"] if text.nunique() <= LIST_MAX
                                       else ["searchText"]]})
    return defs


def _options(name: str, rows: int, frame: pd.DataFrame) -> dict:
    """Give the itables options of a table of `rows` rows named `name`."""
    paged = rows > PAGE_LENGTH
    return dict(
        connected=False, allow_html=True, showIndex=False, maxBytes=0, maxRows=0,
        maxColumns=0, display_logo_when_loading=False, text_in_header_can_be_selected=False,
        classes="display compact cell-border", style="width:auto;margin:0;caption-side:bottom",
        css=_CSS, pageLength=PAGE_LENGTH, order=[],
        lengthMenu=[[PAGE_LENGTH, 25, 100, -1], [PAGE_LENGTH, 25, 100, "All"]],
        layout=({"top2Start": "buttons", "topStart": "pageLength", "topEnd": "search",
                 "bottomStart": "info", "bottomEnd": "paging"} if paged else
                {"topStart": "buttons", "topEnd": "search", "bottomStart": "info",
                 "bottomEnd": None}),
        buttons=[{"extend": "csvHtml5", "text": "Download these rows (CSV)",
                  "filename": f"{name}-rows", "title": None,
                  "exportOptions": {"orthogonal": "export", "stripHtml": False,
                                    "decodeEntities": False}}],
        columnDefs=_column_defs(frame),
    )


class Table:
    """A table as the notebooks show it: interactive in HTML, its first rows in plain text.
    `frame` is the whole table."""

    def __init__(self, frame: pd.DataFrame, name: str = "table"):
        self.frame = frame
        self.name = re.sub(r"[^A-Za-z0-9_-]+", "-", name) or "table"
        self.id = f"{self.name}-{next(_ids)}"

    def __len__(self) -> int:
        return len(self.frame)

    def _repr_html_(self) -> str:
        from itables import to_html_datatable
        flat = _flat(self.frame)
        kept = flat.head(MAX_ROWS)
        caption = (None if len(flat) <= MAX_ROWS else
                   f"The first {MAX_ROWS:,} of {len(flat):,} rows; the report's index links "
                   f"the whole tables, as CSV and Parquet.")
        return to_html_datatable(_shown_html(kept), caption=caption, table_id=self.id,
                                 **_options(self.name, len(kept), kept))

    def __repr__(self) -> str:
        text = shown_text(self.frame.head(TEXT_ROWS))
        shown = text.to_string(index=False, max_colwidth=60) if len(text.columns) else ""
        rows, columns = self.frame.shape
        return (f"{shown}\n[{rows:,} rows x {columns} columns"
                + (f"; the first {TEXT_ROWS} here, every row in the interactive table]"
                   if rows > TEXT_ROWS else "]"))


def init():
    """Give the HTML that loads the tables' library (DataTables, through itables) into the
    page, with no request to the network: shown once at the top of each notebook."""
    from IPython.display import HTML
    from itables import options
    from itables.javascript import generate_init_offline_itables_html
    return HTML(generate_init_offline_itables_html(options.dt_bundle))
