"""The charts' one theme and fixed palette, set here and nowhere else, and applied by the
notebooks' opening call (`display.open_notebook`, through `apply`).

The theme is seaborn's whitegrid look in the workbook's sizes, written out as matplotlib rc
settings (which seaborn's functions follow), so that a notebook without charts does not
import seaborn (about a second) to set it. The palette is Okabe-Ito's, chosen for
colour-blind readers, its first colour darkened so that every colour the charts give a
weapon or a series differs from the others in lightness and the charts stay readable in
greyscale. Every colour a chart draws with is one of
`PALETTE` or `NEUTRALS`; every count on an axis or in a label is an integer with thousands
separators (`count`); every legend sits outside the data (`legend_outside`).
"""
from __future__ import annotations

import sys
from typing import Iterable

from cycler import cycler

# Okabe-Ito (blue darkened), in the order series take them.
PALETTE = ("#0b3c6d", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000",
           "#f0e442")
BLUE, ORANGE, GREEN, PINK, SKY, VERMILLION, BLACK, YELLOW = PALETTE
GREY, LIGHT_GREY, PALE_GREY, TEXT, WHITE = "#7f7f7f", "#bbbbbb", "#eeeeee", "#444444", "#ffffff"
GRID = "#dddddd"
KEY_GREY = "#333333"             # seaborn's marker for a style (not a colour) in a legend
# the colours that carry no series: the rest's grey, shading, text, grid, edges, background
NEUTRALS = (GREY, LIGHT_GREY, PALE_GREY, TEXT, WHITE, GRID, BLACK, KEY_GREY)
HIGHLIGHT = VERMILLION           # what a chart points out: the night, the largest attacks

WEAPON_COLORS = {"missiles": BLUE, "drones": ORANGE, "all": GREY}
WEAPON_MARKERS = {"missiles": "o", "drones": "s", "all": "D"}
ANALYSIS_COLORS = {"AFP-ISW": BLUE, "DeepState": ORANGE, "BlackBirdGroup (net)": GREEN}
OUTAGE_COLORS = {"without_heating": BLUE, "without_power": ORANGE}
UNIT_MARKERS = {"buildings": "s", "homes": "o", "subscribers": "^", "families": "D", "people": "v"}
SOURCE_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
UNIT_LABELS = {"buildings": "buildings", "homes": "homes", "subscribers": "subscribers",
               "families": "families", "people": "people", "degC": "°C", "km2": "km²"}
# the units an axis label may name, in brackets after its quantity: `share intercepted (%)`
UNITS = ("%", "weapons", "nights", "km²", "°C", "date", "month", "count", *UNIT_LABELS.values())

MAX_LABELS = 8     # points a chart labels at most, the largest first
MAX_KEYS = 8       # legend entries beyond which the rest share one grey entry

THEME = {
    "figure.figsize": (7.5, 4.2), "figure.dpi": 100, "savefig.dpi": 100,
    "figure.facecolor": WHITE, "axes.facecolor": WHITE, "savefig.facecolor": WHITE,
    "figure.constrained_layout.use": False,
    "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10, "axes.labelsize": 10, "xtick.labelsize": 9, "ytick.labelsize": 9,
    "axes.titlesize": 12, "axes.titleweight": "bold", "axes.titlelocation": "left",
    "axes.titlepad": 10, "figure.titlesize": 12, "figure.titleweight": "bold",
    "axes.labelcolor": TEXT, "text.color": BLACK, "xtick.color": TEXT, "ytick.color": TEXT,
    "axes.edgecolor": TEXT, "axes.linewidth": 0.8,
    "axes.spines.top": False, "axes.spines.right": False,
    "axes.grid": True, "axes.axisbelow": True, "grid.color": GRID, "grid.linewidth": 0.6,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "lines.linewidth": 1.5, "lines.markersize": 6, "patch.edgecolor": WHITE,
    "legend.frameon": False, "legend.fontsize": 8, "legend.title_fontsize": 9,
    "xtick.minor.visible": False, "ytick.minor.visible": False,
    "svg.hashsalt": "airwar", "svg.fonttype": "path", "axes.unicode_minus": True,
}


_pending = False                 # the opening call asked for the theme before matplotlib loaded


def apply() -> None:
    """Set the workbook's theme and palette for every chart drawn after (matplotlib's rc
    settings, which seaborn's functions follow); gives nothing. Before matplotlib is loaded
    (a notebook that draws no chart never loads it) the theme is set when a chart loads it
    (`libraries`)."""
    global _pending
    matplotlib = sys.modules.get("matplotlib")
    _pending = matplotlib is None
    if matplotlib is not None:
        matplotlib.rcParams.update(THEME)


def libraries():
    """Give pyplot and seaborn, loaded on a chart's first call (reading a chart's title, as
    the report build does, loads neither), with the theme set if the opening call asked for
    it before they were loaded."""
    import matplotlib.pyplot as plt
    import seaborn as sns
    if _pending:
        apply()
    return plt, sns


def count(value: float, _position=None) -> str:
    """Give a count as an integer with thousands separators: `1,000`, never `1000.0` (nor
    `-0`)."""
    text = f"{value:,.0f}"
    return "0" if text == "-0" else text


def count_axis(axis) -> None:
    """Make `axis` show integers with thousands separators and no minor labels (on a log or
    symlog axis its powers of ten: 1, 10, 100, 1,000)."""
    from matplotlib import ticker
    if axis.get_scale() == "linear":
        axis.set_major_locator(ticker.MaxNLocator(nbins="auto", integer=True,
                                                  steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(ticker.FuncFormatter(count))
    axis.set_minor_locator(ticker.NullLocator())


def percent_axis(axis) -> None:
    """Make `axis` a share in per cent: 0 to 100 (a little room for the last point), ticks
    every 20."""
    from matplotlib import ticker
    axis.axes.set_xlim(0, 102) if axis.axis_name == "x" else axis.axes.set_ylim(0, 102)
    axis.set_major_locator(ticker.MultipleLocator(20))
    axis.set_major_formatter(ticker.FuncFormatter(count))
    axis.set_minor_locator(ticker.NullLocator())


def date_axis(axis, fmt: str = "%Y-%m") -> None:
    """Make a date axis show at most seven dates, as `fmt`."""
    from matplotlib import dates
    axis.set_major_locator(dates.AutoDateLocator(minticks=3, maxticks=7))
    axis.set_major_formatter(dates.DateFormatter(fmt))


def unit_label(unit: str) -> str:
    """Give a unit as a chart names it: `km²`, `°C`, `apartment buildings`."""
    return UNIT_LABELS.get(unit, unit.replace("_", " "))


def legend_outside(ax, title: str | None = None) -> None:
    """Put the legend of `ax` (seaborn's entries, then those of its other labelled artists)
    to the right of its data, never over it, titled `title` (None: seaborn's title, "":
    none); no legend when there is nothing to key."""
    legend = ax.get_legend()
    handles, labels = ([], []) if legend is None else (
        list(legend.legend_handles), [t.get_text() for t in legend.get_texts()])
    for handle, label in zip(*ax.get_legend_handles_labels()):
        if label not in labels:
            handles.append(handle)
            labels.append(label)
    if legend is not None:
        title = legend.get_title().get_text() if title is None else title
        legend.remove()
    if handles:
        ax.legend(handles, labels, title=title or None, loc="upper left", bbox_to_anchor=(1.02, 1.0),
                  borderaxespad=0.0, alignment="left")


def finish(fig, ax, title: str, xlabel: str, ylabel: str, source: str) -> None:
    """Give the chart its title, axis labels (quantity and unit) and the source line under
    it, and lay it out: after this the axes stay where they are."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout(rect=(0, source_line(fig, source), 1, 1))


def source_line(fig, source: str) -> float:
    """Write `Source: ...` under the chart; give the height it takes, as a fraction of the
    figure's (what the layout leaves free below the axes)."""
    text = fig.text(0.01, 0.01, f"Source: {source}", fontsize=8, color=TEXT, ha="left",
                    va="bottom", wrap=True)
    extent = text.get_window_extent(fig.canvas.get_renderer())
    return 0.01 + (extent.height + 6) / (fig.get_figheight() * fig.dpi)


def articles_line(article_ids: Iterable[str]) -> str:
    """Give the source line naming the articles."""
    ids = sorted(set(article_ids))
    shown = ", ".join(ids[:4]) + (f" and {len(ids) - 4:,} more" if len(ids) > 4 else "")
    return f"news articles {shown}; figures extracted by the workbook"


def source_palette(names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Give (colour, marker) per name, fixed by sorted order."""
    return {name: (PALETTE[i % len(PALETTE)], SOURCE_MARKERS[i % len(SOURCE_MARKERS)])
            for i, name in enumerate(sorted(set(names)))}


def keyed(names) -> tuple[dict[str, tuple[str, str]], str | None]:
    """Give (colour, marker) per name of the Series `names`: its MAX_KEYS most frequent their
    own, the rest one light grey and `.`; and the label the rest share (None when every name
    has its own)."""
    counts = names.value_counts()
    if len(counts) <= MAX_KEYS:
        return source_palette(names), None
    top = sorted(counts.sort_index().sort_values(ascending=False, kind="stable").index[:MAX_KEYS])
    palette = source_palette(top)
    for name in counts.index:
        palette.setdefault(name, (LIGHT_GREY, "."))
    return palette, f"{len(counts) - MAX_KEYS:,} others"
