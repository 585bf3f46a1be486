"""The corpus's scatter charts, drawn with seaborn with hue and style: temperature against
heating outages per unit (`cold_chart`) and every dated outage figure across the winters
(`outages_timeline`), in `style`'s theme and palette (`plots` gives them with the others)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import labels, style

TITLES = {
    "cold_chart": "Temperature and heating outages by city (arrow: open-ended figure, bar: range)",
    "outages_timeline": "Heating and power outages the articles report, across the winters",
}
PANEL_COLUMNS = 2          # panels of the cold chart side by side


def cold_chart(points: pd.DataFrame):
    """Temperature against heating-outage counts, one panel per unit, colour and marker per
    source (seaborn, hue and style); open-ended bounds drawn as arrows up, ranges as bars,
    the MAX_LABELS largest figures of each panel labelled with their city, apart.

    `points` has city, source, temperature, outage, low, high, unit, article_id.
    """
    from matplotlib.lines import Line2D
    plt, _ = style.libraries()
    units = sorted(points["unit"].unique()) or ["buildings"]
    cols = min(len(units), PANEL_COLUMNS)
    rows = math.ceil(len(units) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(max(8.5, 3.9 * cols + 2.8), 3.1 * rows + 1.1),
                             squeeze=False)
    palette, rest = style.keyed(points["source"])
    key = {name: rest if rest is not None and palette[name][0] == style.LIGHT_GREY else name
           for name in palette}
    order = sorted({k for k in key.values() if k != rest}) + ([rest] if rest else [])
    colours = {key[name]: palette[name][0] for name in palette}
    markers = {key[name]: palette[name][1] for name in palette}
    data = points.assign(key=points["source"].map(key))
    for ax in axes.flat[len(units):]:
        ax.remove()
    for ax, unit in zip(axes.flat, units):
        _cold_panel(ax, data[data["unit"] == unit], unit, order, colours, markers)
    fig.suptitle(TITLES["cold_chart"], x=0.01, ha="left")
    bottom = style.source_line(fig, style.articles_line(points["article_id"]))
    handles = [Line2D([], [], ls="none", marker=markers[k], color=colours[k], ms=7, label=k)
               for k in order]
    right = 1.0
    if handles:                 # the key at the right, the panels in what it leaves
        legend = fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.99, 0.94),
                            title="article · source", alignment="left")
        right = 0.98 - legend.get_window_extent(fig.canvas.get_renderer()).width / fig.bbox.width
    fig.tight_layout(rect=(0, bottom, right, 0.94))
    for ax, unit in zip(axes.flat, units):
        sub = data[data["unit"] == unit].sort_values(["outage", "city"], ascending=[False, True])
        sub = sub.head(style.MAX_LABELS)
        labels.place(ax, zip(sub["temperature"], sub["outage"]), sub["city"].astype(str))
    return fig


def _cold_panel(ax, sub: pd.DataFrame, unit: str, order, colours, markers) -> None:
    """Draw one unit's points, their ranges and open bounds, and its axes."""
    _, sns = style.libraries()
    finite = [v for v in list(sub["outage"]) + list(sub["high"]) if math.isfinite(v)]
    top = max(finite) * 1.3 if finite else 1.0
    high = sub["high"].where(np.isfinite(sub["high"]), top * 0.97)
    ranged = (high > sub["low"]).to_numpy()
    ax.vlines(sub["temperature"][ranged], sub["low"][ranged], high[ranged],
              colors=[colours[k] for k in sub["key"][ranged]], lw=2, zorder=2)
    opened = np.isinf(sub["high"]).to_numpy()
    ax.scatter(sub["temperature"][opened], np.full(opened.sum(), top * 0.97), marker="^", s=40,
               color=[colours[k] for k in sub["key"][opened]], zorder=2)
    if len(sub):
        sns.scatterplot(data=sub, x="temperature", y="outage", hue="key", style="key",
                        hue_order=order, style_order=order, palette=colours, markers=markers,
                        s=70, zorder=3, legend=False, ax=ax)
        ax.set_xlim(sub["temperature"].min() - 2, sub["temperature"].max() + 2)
    else:
        ax.text(0.5, 0.5, "no outage figure with a temperature", transform=ax.transAxes,
                ha="center", va="center", color=style.TEXT)
    ax.set_ylim(0, top)
    style.count_axis(ax.xaxis)
    style.count_axis(ax.yaxis)
    ax.set_xlabel("lowest temperature reported (°C)")
    ax.set_ylabel(f"without heating ({style.unit_label(unit)})")
    ax.set_title(style.unit_label(unit), fontsize=10)


def outages_timeline(outage_figures: pd.DataFrame, temperatures: pd.DataFrame):
    """Every dated outage figure over time (log scale; seaborn, hue: heating or power,
    style: unit), winters (October to April) shaded, and below it the temperatures reported."""
    plt, sns = style.libraries()
    fig, (ax, tax) = plt.subplots(2, 1, figsize=(8.5, 5.4), sharex=True,
                                  gridspec_kw={"height_ratios": [3, 1.3]})
    dated = outage_figures.dropna(subset=["day"])
    dated = dated.assign(figure=dated["metric"].astype(str).str.replace("_", " "),
                         unit=dated["unit"].astype(str).map(style.unit_label))
    units = sorted(set(dated["unit"]))
    spare = iter(m for m in style.SOURCE_MARKERS if m not in style.UNIT_MARKERS.values())
    markers = {u: style.UNIT_MARKERS.get(u) or next(spare, "o") for u in units}
    palette = {m.replace("_", " "): c for m, c in style.OUTAGE_COLORS.items()}
    if len(dated):
        sns.scatterplot(data=dated, x="day", y="value", hue="figure", style="unit",
                        hue_order=sorted(set(dated["figure"])), style_order=units,
                        palette={f: palette.get(f, style.GREY) for f in set(dated["figure"])},
                        markers=markers, s=55, edgecolor=style.BLACK, linewidth=0.4, ax=ax)
    ax.set_yscale("log")
    style.count_axis(ax.yaxis)
    temps = temperatures.assign(day=pd.to_datetime(temperatures["period"].astype(object),
                                                   format="mixed", errors="coerce")).dropna(subset=["day"])
    tax.scatter(temps["day"], temps["value"], marker="o", s=25, color=style.SKY,
                edgecolor=style.BLACK, linewidth=0.4)
    tax.axhline(0, color=style.TEXT, lw=0.6)
    style.count_axis(tax.yaxis)
    days = pd.concat([dated["day"], temps["day"]])
    if len(days):
        for year in range(days.min().year - 1, days.max().year + 1):
            for axis in (ax, tax):
                axis.axvspan(pd.Timestamp(year, 10, 1), pd.Timestamp(year + 1, 4, 30),
                             color=style.PALE_GREY, zorder=0, lw=0)
        pad = pd.Timedelta(days=20)
        ax.set_xlim(days.min() - pad, days.max() + pad)
    style.date_axis(tax.xaxis, "%Y-%m-%d")
    style.legend_outside(ax)
    tax.set_xlabel("day (date; shaded: October to April)")
    tax.set_ylabel("temperature (°C)")
    style.finish(fig, ax, TITLES["outages_timeline"], "",
                 "outage figure (count, log scale)",
                 style.articles_line(outage_figures["article_id"]))
    return fig
