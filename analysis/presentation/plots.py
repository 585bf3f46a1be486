"""Charts in one style: a fixed palette per weapon and per source, labelled axes with units,
a title, and a source line naming the data. Colours are paired with markers and differ in
lightness, so the charts stay readable in greyscale."""
from __future__ import annotations

import math
from typing import Iterable

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd

# Okabe-Ito colours, chosen for colour-blind readers and distinct grey levels.
WEAPON_COLORS = {"missiles": "#0b3c6d", "drones": "#e69f00", "all": "#7f7f7f"}
WEAPON_MARKERS = {"missiles": "o", "drones": "s", "all": "D"}
CLASS_COLORS = {"ballistic missile": "#0b3c6d", "aeroballistic": "#56b4e9",
                "cruise missile": "#009e73", "guided bomb": "#cc79a7", "drone": "#e69f00",
                "other": "#7f7f7f"}
SOURCE_COLORS = ["#0b3c6d", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000",
                 "#f0e442"]
SOURCE_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
UNIT_LABELS = {"buildings": "buildings", "homes": "homes", "subscribers": "subscribers",
               "families": "families", "people": "people", "degC": "°C", "km2": "km²"}

# Each chart's title, by the function that draws it; the build gives it as the chart's text
# alternative (alt) in the HTML report.
TITLES = {
    "interception_chart": "Share intercepted, with 95% Wilson interval",
    "cold_chart": "Temperature and heating outages by city (arrow: open-ended figure, bar: range)",
    "rate_over_time": "Share destroyed, nightly Air Force reports",
    "size_distribution": "How big attacks are: weapons launched per night",
    "class_rates": "Share destroyed by weapon class",
    "nights_timeline": "Weapons launched per night, Air Force record, the corpus's nights marked",
    "territory_series": "Territory seized per month, by analysis, the articles' figures marked",
    "outages_timeline": "Heating and power outages the articles report, across the winters",
}
OUTAGE_COLORS = {"without_heating": "#0b3c6d", "without_power": "#e69f00"}
UNIT_MARKERS = {"buildings": "s", "homes": "o", "subscribers": "^", "families": "D", "people": "v"}
ANALYSIS_COLORS = {"AFP-ISW": "#0b3c6d", "DeepState": "#e69f00", "BlackBirdGroup (net)": "#009e73"}

STYLE = {
    "figure.figsize": (7.5, 4.2), "figure.dpi": 100, "savefig.dpi": 100,
    "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold", "axes.titlelocation": "left",
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.color": "#dddddd", "grid.linewidth": 0.6, "legend.frameon": False,
    "svg.hashsalt": "airwar", "figure.constrained_layout.use": False,
}


def use_style() -> None:
    """Apply the workbook's chart style."""
    plt.rcParams.update(STYLE)


def source_palette(names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Give (colour, marker) per source name, fixed by sorted order."""
    return {name: (SOURCE_COLORS[i % len(SOURCE_COLORS)], SOURCE_MARKERS[i % len(SOURCE_MARKERS)])
            for i, name in enumerate(sorted(set(names)))}


def finish(fig, ax, title: str, xlabel: str, ylabel: str, source: str) -> None:
    """Title, axis labels and the source line under the chart."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.text(0.01, 0.01, f"Source: {source}", fontsize=8, color="#444444", ha="left", va="bottom",
             wrap=True)
    fig.tight_layout(rect=(0, 0.06, 1, 1))


def articles_line(article_ids: Iterable[str]) -> str:
    """Give the source line naming the articles."""
    ids = sorted(set(article_ids))
    shown = ", ".join(ids[:4]) + (f" and {len(ids) - 4} more" if len(ids) > 4 else "")
    return f"news articles {shown}; figures extracted by the workbook"


MAX_ROWS = 25      # rows of a chart beyond which only the largest are drawn
MAX_KEYS = 8       # legend entries beyond which the rest share one grey entry


def interception_chart(ratios: pd.DataFrame):
    """Interception rate per weapon with 95% Wilson intervals, one row per night and article;
    on a large corpus, the MAX_ROWS largest launches. A row with more intercepted than
    launched is no rate and is not drawn (the notebook lists it as a conflict)."""
    use_style()
    fig, ax = plt.subplots()
    ratios = ratios[ratios["wilson_low"].notna() & (ratios["rate"] <= 1)]
    total = len(ratios)
    if total > MAX_ROWS:
        ratios = ratios.sort_values(["launched", "night", "article_id", "weapon"],
                                    ascending=[False, True, True, True]).head(MAX_ROWS)
        ratios = ratios.sort_values(["night", "article_id", "weapon"])
    labels = [f"{r.night} · {r.weapon}\n{r.article_id}" for r in ratios.itertuples()]
    y = np.arange(len(ratios))[::-1]
    for yi, r in zip(y, ratios.itertuples()):
        color = WEAPON_COLORS.get(r.weapon, "#7f7f7f")
        ax.errorbar(r.rate * 100, yi, xerr=[[100 * (r.rate - r.wilson_low)],
                                           [100 * (r.wilson_high - r.rate)]],
                    fmt=WEAPON_MARKERS.get(r.weapon, "o"), color=color, capsize=4, ms=7)
        ax.annotate(f"{r.intercepted:g}/{r.launched:g}", (r.wilson_high * 100, yi),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlim(0, 105)
    if total > MAX_ROWS:
        ax.text(0.0, 1.0, f"the {MAX_ROWS} largest launches of {total:,} rows", fontsize=8,
                color="#444444", transform=ax.transAxes, va="bottom")
    finish(fig, ax, TITLES["interception_chart"],
           "intercepted / launched (%)", "night · weapon · article", articles_line(ratios["article_id"]))
    return fig


def _keyed(names: pd.Series) -> tuple[dict[str, tuple[str, str]], str | None]:
    """Give (colour, marker) per name for the MAX_KEYS most frequent names, the rest grey,
    and the label the rest share (None when every name has its own)."""
    counts = names.value_counts()
    if len(counts) <= MAX_KEYS:
        return source_palette(names), None
    top = sorted(counts.sort_index().sort_values(ascending=False, kind="stable").index[:MAX_KEYS])
    palette = source_palette(top)
    rest = f"{len(counts) - MAX_KEYS:,} others"
    for name in counts.index:
        palette.setdefault(name, ("#bbbbbb", "."))
    return palette, rest


def cold_chart(points: pd.DataFrame):
    """Temperature against heating-outage counts, one panel per unit, one marker per source.

    `points` has city, source, temperature, outage, low, high, unit; open-ended bounds are
    drawn as arrows, ranges as bars.
    """
    use_style()
    units = sorted(points["unit"].unique()) or ["buildings"]
    fig, axes = plt.subplots(1, len(units), figsize=(4.2 * len(units), 4.2), squeeze=False)
    palette, rest = _keyed(points["source"])
    for ax, unit in zip(axes[0], units):
        sub = points[points["unit"] == unit]
        finite = [v for v in list(sub["outage"]) + list(sub["high"]) if math.isfinite(v)]
        top = max(finite) * 1.3 if finite else 1.0
        if len(sub) > MAX_ROWS:             # a large corpus: one call per source, no arrows
            _cold_points(ax, sub, palette, rest, top)
            sub = sub.iloc[:0]
        for r in sub.itertuples():
            color, marker = palette[r.source]
            grey = rest is not None and color == "#bbbbbb"
            ax.plot(r.temperature, r.outage, marker=marker, color=color, ms=5 if grey else 8,
                    ls="none", label=rest if grey else r.source)
            if math.isinf(r.high):
                ax.annotate("", xy=(r.temperature, top * 0.97), xytext=(r.temperature, r.outage),
                            arrowprops=dict(arrowstyle="->", color=color, lw=1.5))
            elif r.high > r.low:
                ax.vlines(r.temperature, r.low, r.high, color=color, lw=2)
            if len(sub) <= MAX_ROWS:
                ax.annotate(r.city, (r.temperature, r.outage), xytext=(5, 5),
                            textcoords="offset points", fontsize=8)
        ax.set_ylim(0, top)
        sub = points[points["unit"] == unit]
        if len(sub):
            low_t, high_t = sub["temperature"].min(), sub["temperature"].max()
            ax.set_xlim(low_t - 2, high_t + 2)
        else:
            ax.text(0.5, 0.5, "no outage figure with a temperature", transform=ax.transAxes,
                    ha="center", va="center", color="#444444")
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlabel("lowest temperature reported (°C)")
        ax.set_ylabel(f"without heating ({UNIT_LABELS.get(unit, unit)})")
        ax.set_title(f"{unit}", fontsize=10)
    handles, labels = axes[0][0].get_legend_handles_labels()
    seen = dict(zip(labels, handles))
    for ax in axes[0][1:]:
        h, l = ax.get_legend_handles_labels()
        seen.update(zip(l, h))
    fig.legend(seen.values(), seen.keys(), loc="upper right", fontsize=8, title="article · source")
    fig.suptitle(TITLES["cold_chart"],
                 x=0.01, ha="left", fontweight="bold")
    fig.text(0.01, 0.01, f"Source: {articles_line(points['article_id'])}", fontsize=8,
             color="#444444")
    fig.tight_layout(rect=(0, 0.06, 0.78, 0.95))
    return fig


def _cold_points(ax, sub: pd.DataFrame, palette: dict, rest: str | None, top: float) -> None:
    """Draw many outage points at once: ranges as lines, open bounds as lines to the top."""
    colors = [palette[name][0] for name in sub["source"]]
    high = sub["high"].where(np.isfinite(sub["high"]), top * 0.97)
    ranged = (high > sub["low"]).to_numpy()
    ax.vlines(sub["temperature"][ranged], sub["low"][ranged], high[ranged],
              colors=[c for c, r in zip(colors, ranged) if r], lw=1, alpha=0.5)
    for name, group in sub.groupby("source", sort=True):
        color, marker = palette[name]
        grey = rest is not None and color == "#bbbbbb"
        ax.plot(group["temperature"], group["outage"], marker=marker, color=color,
                ms=5 if grey else 8, ls="none", label=rest if grey else name)


def rate_over_time(nightly: pd.DataFrame, marked: pd.DataFrame, window: int = 28):
    """Rolling nightly interception rate of drones and missiles, the largest attacks marked."""
    use_style()
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    for weapon, group in (("drones", "drone"), ("missiles", "missiles")):
        color = WEAPON_COLORS[weapon]
        sub = nightly[nightly["weapon_class"] == group].set_index("night").sort_index()
        if sub.empty:
            continue
        rolled = (sub["destroyed"].astype("float64").rolling(f"{window}D").sum()
                  / sub["launched"].astype("float64").rolling(f"{window}D").sum()) * 100
        ax.plot(rolled.index, rolled.values, color=color, lw=1.6,
                label=f"{weapon}, {window}-day rolling")
    for r in marked.itertuples():
        ax.plot(r.night, r.destroyed_rate * 100, marker="v", ms=8, color="#d55e00", mec="black",
                ls="none")
        ax.annotate(f"{r.night:%Y-%m-%d}: {r.launched:g}", (r.night, r.destroyed_rate * 100),
                    xytext=(4, -12), textcoords="offset points", fontsize=7)
    ax.set_ylim(0, 105)
    ax.legend(fontsize=8, loc="lower left")
    finish(fig, ax, TITLES["rate_over_time"], "night",
           "destroyed / launched (%)", "Ukrainian Air Force reports via P. Ivaniuk, Massive Missile "
           "Attacks on Ukraine (Kaggle, CC BY-NC-SA 4.0); national command only")
    return fig


def size_distribution(nightly: pd.DataFrame, night, group: str = "all"):
    """Histogram of attack sizes (weapons launched per night), one night marked."""
    use_style()
    fig, ax = plt.subplots()
    sub = nightly[(nightly["weapon_class"] == group) & (nightly["launched"] > 0)]
    bins = np.logspace(0, math.log10(max(sub["launched"].max(), 10)) + 0.05, 30)
    ax.hist(sub["launched"].astype("float64"), bins=bins, color="#9ecae1", edgecolor="#3b6e94")
    ax.set_xscale("log")
    this = sub[sub["night"] == pd.Timestamp(night)]
    for r in this.itertuples():
        ax.axvline(r.launched, color="#d55e00", lw=2, ls="--")
        ax.annotate(f"{pd.Timestamp(night):%Y-%m-%d}: {r.launched:g}", (r.launched, ax.get_ylim()[1] * 0.9),
                    xytext=(4, 0), textcoords="offset points", color="#d55e00", fontsize=9)
    finish(fig, ax, TITLES["size_distribution"], "weapons launched (log scale)",
           "nights", "Ukrainian Air Force reports via P. Ivaniuk (Kaggle, CC BY-NC-SA 4.0); "
           "national command only")
    return fig


def class_rates(rates: pd.DataFrame):
    """Share destroyed by weapon class: the whole record beside one night."""
    use_style()
    fig, ax = plt.subplots()
    classes = list(rates["weapon_class"])
    x = np.arange(len(classes))
    ax.bar(x - 0.2, rates["record_rate"] * 100, width=0.4, color=[CLASS_COLORS.get(c, "#7f7f7f") for c in classes],
           label="whole record")
    ax.bar(x + 0.2, rates["night_rate"] * 100, width=0.4, color="white",
           edgecolor=[CLASS_COLORS.get(c, "#7f7f7f") for c in classes], hatch="//", label="the night")
    ax.set_xticks(x, classes, rotation=15)
    ax.set_ylim(0, 105)
    ax.legend(fontsize=8)
    finish(fig, ax, TITLES["class_rates"], "weapon class", "destroyed / launched (%)",
           "Ukrainian Air Force reports via P. Ivaniuk (Kaggle, CC BY-NC-SA 4.0); national command only")
    return fig


RECORD_SOURCE = ("Ukrainian Air Force reports via P. Ivaniuk, Massive Missile Attacks on Ukraine "
                 "(Kaggle, CC BY-NC-SA 4.0); national command only")


def nights_timeline(nightly: pd.DataFrame, marked: pd.DataFrame, window: int = 28):
    """The record's weapons launched per night (rolling mean) for drones and missiles over
    its whole series, each night the corpus reports marked on its weapon's line."""
    use_style()
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    for weapon, group in (("drones", "drone"), ("missiles", "missiles")):
        sub = nightly[nightly["weapon_class"] == group].set_index("night").sort_index()
        if sub.empty:
            continue
        launched = sub["launched"].astype("float64")
        rolled = launched.rolling(f"{window}D").mean()
        ax.plot(rolled.index, rolled.values, color=WEAPON_COLORS[weapon], lw=1.2,
                label=f"{weapon}, {window}-day mean")
        ours = marked[marked["weapon"] == weapon]
        on = launched.reindex(pd.DatetimeIndex(ours["night"]))
        ax.plot(on.index, on.values, ls="none", marker=WEAPON_MARKERS[weapon], ms=6,
                mfc="white", mec=WEAPON_COLORS[weapon], mew=1.5,
                label=f"{weapon}: a night the articles report ({len(ours)})")
    ax.set_yscale("symlog", linthresh=10)
    ax.legend(fontsize=8, loc="upper left")
    finish(fig, ax, TITLES["nights_timeline"], "night", "weapons launched (record)",
           RECORD_SOURCE)
    return fig


def territory_series(monthly: pd.DataFrame, gains: pd.DataFrame,
                     analyses: tuple[str, ...] = ("AFP-ISW", "DeepState")):
    """Each analysis' monthly gains as bars side by side, a month a series has no figure for
    marked at the baseline (a gap, not a zero), and the articles' monthly figures marked in
    the colour of the analysis they cite (grey: none)."""
    use_style()
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    shown = [a for a in analyses if (monthly["analysis"] == a).any()]
    months = pd.period_range(monthly["month"].min(), monthly["month"].max(), freq="M") \
        if len(monthly) else pd.PeriodIndex([], freq="M")
    width = 0.8 / max(len(shown), 1)
    x = {m.strftime("%Y-%m"): i for i, m in enumerate(months)}
    missing_label = "no figure that month"
    for k, name in enumerate(shown):
        sub = monthly[monthly["analysis"] == name].set_index("month")["km2"]
        offset = (k - (len(shown) - 1) / 2) * width
        have = [m for m in x if m in sub.index]
        ax.bar([x[m] + offset for m in have], [sub[m] for m in have], width=width,
               color=ANALYSIS_COLORS.get(name, "#7f7f7f"), label=f"{name} series")
        first, last = min(sub.index), max(sub.index)
        gaps = [m for m in x if first <= m <= last and m not in sub.index]
        ax.plot([x[m] + offset for m in gaps], [0] * len(gaps), ls="none", marker="x", ms=5,
                color="#999999", label=missing_label)
        missing_label = "_nolegend_"
    points = gains[gains["month"].isin(list(x))] if len(gains) else gains
    for name, group in points.groupby(points["analysis"].fillna("none"), sort=True):
        offset = ((shown.index(name) - (len(shown) - 1) / 2) * width) if name in shown else 0
        ax.plot([x[m] + offset for m in group["month"]], group["km2"], ls="none", marker="D",
                ms=7, mfc="white", mec=ANALYSIS_COLORS.get(name, "#7f7f7f"), mew=1.8,
                label=f"article figure citing {name}" if name != "none" else "article figure, no analysis cited")
    step = max(1, len(x) // 12)
    ax.set_xticks(list(x.values())[::step], list(x)[::step], rotation=30, ha="right", fontsize=8)
    ax.axhline(0, color="#444444", lw=0.6)
    ax.legend(fontsize=8, loc="upper left")
    finish(fig, ax, TITLES["territory_series"], "month", "territory seized (km²)",
           "news reports of AFP's analysis of ISW data and of DeepState's maps "
           "(data/external/territory_monthly.csv); " + articles_line(gains["article_id"]))
    return fig


def outages_timeline(outage_figures: pd.DataFrame, temperatures: pd.DataFrame):
    """Every dated outage figure over time (log scale; colour: heating or power, marker:
    unit), winters (October to April) shaded, and below it the temperatures reported."""
    use_style()
    fig, (ax, tax) = plt.subplots(2, 1, figsize=(8.5, 5.2), sharex=True,
                                  gridspec_kw={"height_ratios": [3, 1.3]})
    dated = outage_figures.dropna(subset=["day"])
    for (metric, unit), sub in dated.groupby(["metric", "unit"], sort=True):
        ax.plot(sub["day"], sub["value"], ls="none", marker=UNIT_MARKERS.get(unit, "o"), ms=7,
                color=OUTAGE_COLORS.get(metric, "#7f7f7f"), mec="black", mew=0.4,
                label=f"{metric.replace('_', ' ')} ({UNIT_LABELS.get(unit, unit)})")
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    temps = temperatures.assign(day=pd.to_datetime(temperatures["period"].astype(object),
                                                   format="mixed", errors="coerce")).dropna(subset=["day"])
    tax.plot(temps["day"], temps["value"], ls="none", marker="o", ms=5, color="#56b4e9", mec="black", mew=0.4)
    tax.axhline(0, color="#444444", lw=0.6)
    tax.set_ylabel("°C")
    days = pd.concat([dated["day"], temps["day"]])
    if len(days):
        for year in range(days.min().year - 1, days.max().year + 1):
            for axis in (ax, tax):
                axis.axvspan(pd.Timestamp(year, 10, 1), pd.Timestamp(year + 1, 4, 30),
                             color="#eeeeee", zorder=0, lw=0)
        pad = pd.Timedelta(days=20)
        ax.set_xlim(days.min() - pad, days.max() + pad)
    ax.legend(fontsize=8, loc="upper left")
    tax.set_xlabel("day (shaded: October to April)")
    finish(fig, ax, TITLES["outages_timeline"], "day", "figure (log scale)",
           articles_line(outage_figures["article_id"]))
    return fig
