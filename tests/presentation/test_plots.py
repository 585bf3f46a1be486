"""The charts as drawn from the default corpus and the Air Force record: one theme and palette,
set by the notebooks' opening call; labels that never overlap and stay inside their axes;
legends off the data; a unit on every axis; counts as integers with thousands separators;
the corpus's nights marked on the record's series; the same drawing on every run."""
from __future__ import annotations

import inspect
import io
import itertools
import re
import subprocess
import sys

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib import category, dates
from matplotlib.colors import to_hex, to_rgba_array
from matplotlib.legend import Legend
from matplotlib.text import Text

from analysis import config
from analysis.analyses import record_check
from analysis.presentation import plots, scatter, style
from analysis.reading.vocabulary import UNITS as FACT_UNITS
from tests.helpers import chart_inputs

ALLOWED = {to_hex(c) for c in style.PALETTE + style.NEUTRALS}
COUNT = re.compile(r"^[-\u2212]?\d{1,3}(,\d{3})*$")
# a number standing alone in a label (not part of a date, an id or a model name)
NUMBER = re.compile(r"(?<![\w.,\-])\d[\d,]*(\.\d+)?(?![\w\-]|[.,]\d)")


@pytest.fixture(scope="module")
def inputs():
    return chart_inputs()


def _draw(name: str, *args):
    fig = getattr(plots, name)(*args)
    fig.canvas.draw()
    return fig


@pytest.fixture(scope="module")
def drawn(inputs):
    """Every chart in the workbook's theme, drawn as the notebooks draw it."""
    with matplotlib.rc_context():
        style.apply()
        figures = {name: _draw(name, *args) for name, args in inputs.items()}
        yield figures
        for fig in figures.values():
            plt.close(fig)


def _box(artist, renderer):
    """The box an artist takes on the figure; for a label with a leader line, its text's."""
    return Text.get_window_extent(artist, renderer) if isinstance(artist, Text) \
        else artist.get_window_extent(renderer)


def _shown_ticks(axis) -> list[Text]:
    """The tick labels an axis shows: visible, not empty, within its limits."""
    low, high = sorted(axis.get_view_interval())
    span = (high - low) * 1e-9
    return [t.label1 for t in axis.get_major_ticks()
            if t.label1.get_visible() and t.label1.get_text() and low - span <= t.get_loc() <= high + span]


def _texts(fig) -> list[Text]:
    """Every visible, non-empty text of the figure outside its legends, tick labels only
    where the axes show them."""
    legends = {id(t) for legend in fig.findobj(Legend) for t in legend.findobj(Text)}
    ticks = {id(t.label1) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
             for t in axis.get_major_ticks() + axis.get_minor_ticks()} | \
        {id(t.label2) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for t in axis.get_major_ticks()}
    others = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()
              and id(t) not in legends and id(t) not in ticks]
    return others + [t for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for t in _shown_ticks(axis)]


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _inside(box, frame) -> bool:
    return box.x0 >= frame.x0 - 0.5 and box.x1 <= frame.x1 + 0.5 and \
        box.y0 >= frame.y0 - 0.5 and box.y1 <= frame.y1 + 0.5


def _colours(fig) -> set[str]:
    """Every colour the figure draws its data and keys with (alpha left aside)."""
    found = []
    legends = fig.findobj(Legend)
    handles = [h for legend in legends for h in legend.legend_handles]
    for ax in fig.axes:
        for line in list(ax.lines) + [h for h in handles if hasattr(h, "get_markerfacecolor")]:
            found += [line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()]
        for coll in ax.collections:
            found += list(to_rgba_array(coll.get_facecolor())) + list(to_rgba_array(coll.get_edgecolor()))
        for patch in ax.patches:
            found += [patch.get_facecolor(), patch.get_edgecolor()]
    found += [t.get_color() for t in fig.findobj(Text)]
    return {to_hex(c, keep_alpha=False) for c in found
            if not (isinstance(c, str) and c == "none") and to_rgba_array(c)[0][3] > 0}


def _axes(fig):
    """(axes, axis, which) for every axis that shows tick labels."""
    for ax in fig.axes:
        for which, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            if _shown_ticks(axis):
                yield ax, axis, which


def _categorical(axis) -> bool:
    """Whether the axis names categories (weapon classes, months as bars), not quantities."""
    return isinstance(axis.get_converter(), category.StrCategoryConverter)


def _dated(axis) -> bool:
    return isinstance(axis.get_major_formatter(), (dates.DateFormatter, dates.AutoDateFormatter,
                                                   dates.ConciseDateFormatter))


# --- one theme and one palette --------------------------------------------------------------

def test_the_opening_call_sets_the_one_theme_and_palette(capsys):
    from analysis.presentation.display import open_notebook
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        open_notebook(config.ARTICLES, config.PROCESSED)
        expected = matplotlib.RcParams(style.THEME)
        differ = {k: matplotlib.rcParams[k] for k in expected if matplotlib.rcParams[k] != expected[k]}
        assert not differ, differ
        cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
        assert [to_hex(c) for c in cycle] == list(style.PALETTE)


LATE = """
import sys
from analysis import config
from analysis.analyses import interceptions
from analysis.presentation.display import open_notebook
corpus = open_notebook(config.ARTICLES, config.PROCESSED)
from analysis.presentation import plots, style
print("matplotlib" in sys.modules, len(plots.TITLES))
plots.interception_chart(interceptions.interceptions(corpus.facts))
import matplotlib
print(all(matplotlib.rcParams[k] == v for k, v in matplotlib.RcParams(style.THEME).items()))
"""


def test_matplotlib_loads_with_the_first_chart_which_gets_the_theme_asked_before():
    """A notebook that draws no chart never loads matplotlib (nor does the build, reading the
    charts' titles); a chart drawn after the opening call is in the theme all the same."""
    done = subprocess.run([sys.executable, "-c", LATE], capture_output=True, text=True,
                          cwd=config.ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-3:] == ["False", str(len(plots.TITLES)), "True"], done.stdout


def test_no_chart_sets_a_style_of_its_own(inputs):
    with matplotlib.rc_context():
        style.apply()
        before = dict(matplotlib.rcParams)
        for name, args in inputs.items():
            plt.close(getattr(plots, name)(*args))
        changed = {k for k, v in matplotlib.rcParams.items() if before[k] != v}
    assert not changed, changed


def test_every_colour_drawn_is_the_palettes(drawn):
    used = set()
    for name, fig in drawn.items():
        colours = _colours(fig)
        assert colours <= ALLOWED, (name, colours - ALLOWED)
        used |= colours
    # the series take their colours from the palette, not only its greys
    assert len(used & {to_hex(c) for c in style.PALETTE}) >= 4, used


def test_the_weapon_colours_stay_apart_in_greyscale():
    levels = sorted(0.2126 * r + 0.7152 * g + 0.0722 * b
                    for r, g, b in (matplotlib.colors.to_rgb(c) for c in style.WEAPON_COLORS.values()))
    assert min(b - a for a, b in zip(levels, levels[1:])) >= 0.1, levels


# --- labels, legends, units, counts ----------------------------------------------------------

def test_no_two_texts_of_a_chart_overlap(drawn):
    for name, fig in drawn.items():
        renderer = fig.canvas.get_renderer()
        boxes = [(t.get_text(), _box(t, renderer)) for t in _texts(fig)]
        boxes += [(f"legend {i}", _box(legend, renderer)) for i, legend in enumerate(fig.findobj(Legend))]
        clashes = [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if _overlap(ba, bb)]
        assert not clashes, (name, clashes)


def test_labels_stay_inside_their_axes(drawn):
    placed = 0
    for name, fig in drawn.items():
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            frame = ax.get_window_extent(renderer)
            for text in ax.texts:
                assert _inside(_box(text, renderer), frame), (name, text.get_text())
            placed += len(ax.texts)
    assert placed >= 5


def test_the_largest_attacks_are_all_labelled_with_room_for_them(drawn, inputs):
    marked = inputs["rate_over_time"][1]
    shown = [t.get_text() for t in drawn["rate_over_time"].axes[0].texts]
    assert shown == [f"{r.night:%Y-%m-%d}: {r.launched:,.0f}" for r in marked.itertuples()]


@pytest.mark.parametrize("n", [25, 60])
def test_crowded_labels_are_placed_apart_or_left_out(inputs, n):
    """Many of the record's largest attacks, close together: no label overlaps another or
    leaves the axes, and the chart still labels some."""
    nightly = inputs["rate_over_time"][0]
    with matplotlib.rc_context():
        style.apply()
        for fig in (_draw("rate_over_time", nightly, record_check.largest(nightly, "all", n=n)),
                    _draw("nights_timeline", nightly, record_check.largest(nightly, "drone", n=n)
                          .assign(weapon="drones"))):
            renderer = fig.canvas.get_renderer()
            ax = fig.axes[0]
            boxes = [_box(t, renderer) for t in ax.texts]
            assert len(boxes) >= 4
            assert all(_inside(b, ax.get_window_extent(renderer)) for b in boxes)
            assert not any(_overlap(a, b) for a, b in itertools.combinations(boxes, 2))
            plt.close(fig)


def test_legends_sit_off_the_data(drawn):
    for name, fig in drawn.items():
        renderer = fig.canvas.get_renderer()
        legends = fig.findobj(Legend)
        assert legends, name
        for legend in legends:
            for ax in fig.axes:
                assert not _overlap(_box(legend, renderer), ax.get_window_extent(renderer)), name


def test_every_axis_names_its_unit(drawn):
    units = set(style.UNITS) | {style.unit_label(u) for u in FACT_UNITS}
    for name, fig in drawn.items():
        for ax, axis, which in _axes(fig):
            label = axis.get_label_text()
            assert label.strip(), (name, which)
            if _categorical(axis):
                continue                       # named categories: weapon class, month
            unit = re.search(r"\(([^()]+)\)$", label)
            assert unit, (name, which, label)
            assert re.split(r"[,;]", unit.group(1))[0].strip() in units, (name, which, label)


def test_counts_are_integers_with_thousands_separators(drawn):
    for name, fig in drawn.items():
        for ax, axis, which in _axes(fig):
            if _categorical(axis) or _dated(axis):
                continue
            shown = [t.get_text() for t in _shown_ticks(axis)]
            assert shown and all(COUNT.match(s) for s in shown), (name, which, shown)
        # every other text but the source line (it names a licence by its version, 4.0)
        words = [t.get_text() for t in _texts(fig) if not t.get_text().startswith("Source:")]
        words += [t.get_text() for legend in fig.findobj(Legend) for t in legend.get_texts()]
        for match in (m for text in words for m in NUMBER.finditer(text)):
            number = match.group(0)
            assert COUNT.match(number), (name, number)


def test_a_count_reads_with_its_separators():
    assert [style.count(v) for v in (0, 7, 1000, 1000.0, 1234567, -19, -0.0, -0.2)] == \
        ["0", "7", "1,000", "1,000", "1,234,567", "-19", "0", "0"]


# --- what the charts show --------------------------------------------------------------------

def test_the_corpus_nights_are_marked_on_the_records_series(drawn, inputs):
    nightly, marked = inputs["nights_timeline"]
    ax = drawn["nights_timeline"].axes[0]
    record = nightly.set_index(["night", "weapon_class"])["launched"]
    assert len(marked)
    for weapon, group in marked.groupby("weapon"):
        lines = [l for l in ax.lines if l.get_marker() == style.WEAPON_MARKERS[weapon]
                 and l.get_linestyle() == "None"]
        assert len(lines) == 1, weapon
        xs = [dates.date2num(x) for x in pd.to_datetime(lines[0].get_xdata())]
        want = pd.to_datetime(group["night"])
        assert xs == [dates.date2num(x) for x in want]
        assert list(lines[0].get_ydata()) == [
            record[(n, {"drones": "drone"}.get(weapon, weapon))] for n in want]
    # and a rule across the chart at each of them
    rules = {float(ax.convert_xunits(line.get_xdata()[0])) for line in ax.lines
             if line.get_transform() == ax.get_xaxis_transform()}
    assert {dates.date2num(n) for n in pd.to_datetime(marked["night"])} <= rules


def test_every_chart_has_its_title_axis_labels_and_source(drawn):
    drawing = {name for module in (plots, scatter)
               for name, fn in inspect.getmembers(module, inspect.isfunction)
               if fn.__module__ == module.__name__ and "plt.subplots" in inspect.getsource(fn)}
    assert drawing == set(plots.TITLES) == set(drawn), "every chart function needs its title"
    for name, fig in drawn.items():
        titles = {ax.get_title(loc="left") for ax in fig.axes} | {fig.get_suptitle()}
        assert plots.TITLES[name] in titles, (name, titles)
        assert any(t.get_text().startswith("Source:") for t in fig.texts), name


def test_a_corpus_with_no_pair_still_gets_its_empty_chart(inputs):
    with matplotlib.rc_context():
        style.apply()
        fig = _draw("cold_chart", inputs["cold_chart"][0].iloc[0:0])
        assert "no outage figure with a temperature" in [t.get_text() for t in fig.axes[0].texts]
        plt.close(fig)


def test_charts_draw_the_same_on_every_run(inputs):
    def svg(name):
        fig = getattr(plots, name)(*inputs[name])
        out = io.BytesIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
        plt.close(fig)
        return out.getvalue()
    with matplotlib.rc_context():
        style.apply()
        for name in inputs:
            assert svg(name) == svg(name), name
