"""Charts in one statistical style, drawn with seaborn where it fits: distributions
(`size_distribution`), rates by class with their intervals (`interception_chart`,
`class_rates`), scatter with hue and style (`cold_chart`, `outages_timeline`), series by
weapon or analysis (`rate_over_time`, `nights_timeline`, `territory_series`).

The theme and the fixed palette are `style`'s, applied once by the notebooks' opening call.
Every chart has a title, axis labels that name their unit, a legend beside (never over) its
data, counts as integers with thousands separators, and a source line naming its data.
Labels are placed apart (`labels`) or left to the N largest, so they never overlap. pyplot
and seaborn load with the first chart (`style.libraries`): reading `TITLES`, as the report
build does for the charts' text alternatives, loads neither.
"""
from __future__ import annotations

import math

import pandas as pd

from . import labels, scatter, style
from .scatter import cold_chart, outages_timeline  # noqa: F401  (the corpus's scatter charts)
from .style import (ANALYSIS_COLORS, MAX_LABELS, WEAPON_COLORS,  # noqa: F401
                    WEAPON_MARKERS, articles_line)

# Each chart's title, by the function that draws it; the build gives it as the chart's text
# alternative (alt) in the HTML report.
TITLES = {
    "interception_chart": "Share intercepted, with 95% Wilson interval",
    "rate_over_time": "Share destroyed, nightly Air Force reports, the largest attacks marked",
    "size_distribution": "How big attacks are: weapons launched per night",
    "class_rates": "Share destroyed by weapon class, with 95% Wilson interval",
    "nights_timeline": "Weapons launched per night, Air Force record, the corpus's nights marked",
    "territory_series": "Territory seized per month, by analysis, the articles' figures marked",
    **scatter.TITLES,
}
RECORD_SOURCE = ("Ukrainian Air Force reports via P. Ivaniuk, Massive Missile Attacks on Ukraine "
                 "(Kaggle, CC BY-NC-SA 4.0); national command only")
MAX_ROWS = 25      # rows of a chart beyond which only the largest are drawn
WEAPONS = (("missiles", "missiles"), ("drones", "drone"))   # (weapon, the record's class)


def _interval_points(frame: pd.DataFrame, rate: str, low: str, high: str, **keys) -> pd.DataFrame:
    """Give three rows per row of `frame` (its low bound, rate and high bound, in %) under
    `share`, with the columns `keys` names (new name: old name). seaborn draws their median,
    the rate, as the point and their whole range (errorbar ("pi", 100)) as the interval."""
    parts = [pd.DataFrame({**{new: frame[old].to_numpy() for new, old in keys.items()},
                           "share": frame[col].to_numpy(dtype="float64") * 100})
             for col in (low, rate, high)]
    return pd.concat(parts, ignore_index=True)


def _rate_points(ax, points: pd.DataFrame, y: str, hue: str, order, hue_order, palette,
                 markers) -> None:
    """Draw each row's rate as a point with its interval as a capped bar (seaborn)."""
    _, sns = style.libraries()
    sns.pointplot(data=points, x="share", y=y, hue=hue, order=order, hue_order=hue_order,
                  palette=palette, markers=markers, estimator="median", errorbar=("pi", 100),
                  linestyle="none", capsize=0.25, dodge=0.4 if len(hue_order) > 1 else False,
                  err_kws={"linewidth": 1.5}, ax=ax)
    style.percent_axis(ax.xaxis)


def interception_chart(ratios: pd.DataFrame):
    """Interception rate per weapon with 95% Wilson intervals, one row per night and article,
    its counts in its label; on a large corpus, the MAX_ROWS largest launches. A row with
    more intercepted than launched is no rate and is not drawn (the notebook lists it as a
    conflict)."""
    plt, _ = style.libraries()
    ratios = ratios[ratios["wilson_low"].notna() & (ratios["rate"] <= 1)]
    total = len(ratios)
    if total > MAX_ROWS:
        ratios = ratios.sort_values(["launched", "night", "article_id", "weapon"],
                                    ascending=[False, True, True, True]).head(MAX_ROWS)
    rank = {w: i for i, w in enumerate(WEAPON_COLORS)}
    ratios = ratios.sort_values(["night", "article_id", "weapon"],
                                key=lambda c: c.map(rank) if c.name == "weapon" else c)
    rows = [f"{r.night} · {r.weapon}: {style.count(r.intercepted)} of {style.count(r.launched)}"
            f"\n{r.article_id}" for r in ratios.itertuples()]
    fig, ax = plt.subplots(figsize=(7.5, max(2.8, 1.6 + 0.42 * len(rows))))
    weapons = [w for w in WEAPON_COLORS if w in set(ratios["weapon"])]
    _rate_points(ax, _interval_points(ratios.assign(row=rows), "rate", "wilson_low",
                                      "wilson_high", row="row", weapon="weapon"),
                 "row", "weapon", rows, weapons, WEAPON_COLORS,
                 [WEAPON_MARKERS[w] for w in weapons])
    ax.tick_params(axis="y", labelsize=8)
    style.legend_outside(ax, "weapon")
    shown = f"; drawn: the {MAX_ROWS} largest launches of {total:,} rows" if total > MAX_ROWS else ""
    style.finish(fig, ax, TITLES["interception_chart"], "share intercepted (%)",
                 "night · weapon · article",
                 articles_line(ratios["article_id"]) + shown)
    return fig


def class_rates(rates: pd.DataFrame):
    """Share destroyed by weapon class with 95% Wilson intervals: the whole record beside
    one night."""
    plt, _ = style.libraries()
    classes = list(rates["weapon_class"])
    scopes = {"whole record": "record", "the night": "night"}
    points = pd.concat([_interval_points(rates.assign(scope=label), f"{key}_rate", f"{key}_low",
                                         f"{key}_high", weapon_class="weapon_class", scope="scope")
                        for label, key in scopes.items()], ignore_index=True)
    fig, ax = plt.subplots(figsize=(7.5, max(2.8, 1.6 + 0.5 * len(classes))))
    _rate_points(ax, points, "weapon_class", "scope", classes, list(scopes),
                 {"whole record": style.GREY, "the night": style.HIGHLIGHT}, ["o", "D"])
    style.legend_outside(ax)
    style.finish(fig, ax, TITLES["class_rates"], "share destroyed (%)", "weapon class",
                 RECORD_SOURCE)
    return fig


def _record_weapons(nightly: pd.DataFrame) -> pd.DataFrame:
    """Give the record's nights of missiles and of drones with launches, `weapon` named."""
    names = {group: weapon for weapon, group in WEAPONS}
    sub = nightly[nightly["weapon_class"].isin(list(names)) & (nightly["launched"] > 0)]
    return sub.assign(weapon=sub["weapon_class"].map(names).astype(str),
                      launched=sub["launched"].astype("float64"))


def _rolled(nightly: pd.DataFrame, window: int, share: bool) -> pd.DataFrame:
    """Give per weapon the record's `window`-day rolling share destroyed (%) or mean launched
    over its nights, as (night, weapon, value) rows."""
    frames = []
    for weapon, group in WEAPONS:
        sub = nightly[nightly["weapon_class"] == group].set_index("night").sort_index()
        if sub.empty:
            continue
        launched = sub["launched"].astype("float64").rolling(f"{window}D")
        value = (sub["destroyed"].astype("float64").rolling(f"{window}D").sum() / launched.sum()
                 * 100 if share else launched.mean())
        frames.append(pd.DataFrame({"night": value.index, "weapon": weapon, "value": value.values}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        {"night": pd.Series(dtype="datetime64[ns]"), "weapon": [], "value": []})


def _series(ax, rolled: pd.DataFrame, title: str) -> None:
    """Draw each weapon's series in its colour (seaborn), the key titled `title`."""
    _, sns = style.libraries()
    hues = [w for w in WEAPON_COLORS if w in set(rolled["weapon"])]
    sns.lineplot(data=rolled, x="night", y="value", hue="weapon", hue_order=hues,
                 palette=WEAPON_COLORS, estimator=None, errorbar=None, lw=1.3, ax=ax)
    if ax.get_legend() is not None:
        ax.get_legend().set_title(title)


def rate_over_time(nightly: pd.DataFrame, marked: pd.DataFrame, window: int = 28):
    """Rolling share destroyed of drones and missiles over the whole record; the attacks of
    `marked` (the largest first) marked and labelled with their night and size, apart."""
    plt, _ = style.libraries()
    fig, ax = plt.subplots(figsize=(8.5, 4.4))
    _series(ax, _rolled(nightly, window, share=True), f"{window}-day rolling share")
    ax.scatter(marked["night"], marked["destroyed_rate"] * 100, marker="v", s=60,
               color=style.HIGHLIGHT, edgecolor=style.BLACK, zorder=3,
               label=f"the {len(marked):,} largest attacks")
    style.percent_axis(ax.yaxis)
    style.date_axis(ax.xaxis)
    style.legend_outside(ax)
    style.finish(fig, ax, TITLES["rate_over_time"], "night (date)", "share destroyed (%)",
                 RECORD_SOURCE)
    labels.place(ax, zip(marked["night"], marked["destroyed_rate"] * 100),
                 [f"{r.night:%Y-%m-%d}: {style.count(r.launched)}" for r in marked.itertuples()])
    return fig


def size_distribution(nightly: pd.DataFrame, night):
    """Histograms of attack sizes (weapons launched per night, log scale), missiles and
    drones apart (seaborn), `night`'s launches marked and labelled."""
    plt, sns = style.libraries()
    fig, ax = plt.subplots()
    sub = _record_weapons(nightly)
    hues = [w for w, _ in WEAPONS if w in set(sub["weapon"])]
    if len(sub):
        sns.histplot(data=sub, x="launched", hue="weapon", hue_order=hues, palette=WEAPON_COLORS,
                     log_scale=True, bins=30, element="step", alpha=0.3, ax=ax)
    this = sub[sub["night"] == pd.Timestamp(night)].sort_values("launched", ascending=False)
    top = ax.get_ylim()[1]
    for r in this.itertuples():
        ax.axvline(r.launched, color=WEAPON_COLORS[r.weapon], lw=2, ls="--")
    style.count_axis(ax.xaxis)
    style.count_axis(ax.yaxis)
    style.legend_outside(ax, "weapon")
    style.finish(fig, ax, TITLES["size_distribution"],
                 "weapons launched in a night (weapons, log scale)", "nights (count)", RECORD_SOURCE)
    labels.place(ax, [(r.launched, top * 0.92) for r in this.itertuples()],
                 [f"{pd.Timestamp(night):%Y-%m-%d}: {style.count(r.launched)} {r.weapon}"
                  for r in this.itertuples()], color=style.BLACK)
    return fig


def nights_timeline(nightly: pd.DataFrame, marked: pd.DataFrame, window: int = 28):
    """The record's weapons launched per night (rolling mean) for drones and missiles over
    its whole series; each night the corpus reports (within the record's span) marked by
    the record's count that night and a rule across the chart (past MAX_LABELS nights, a
    rug along its foot), the MAX_LABELS largest labelled."""
    plt, _ = style.libraries()
    fig, ax = plt.subplots(figsize=(8.5, 4.4))
    _series(ax, _rolled(nightly, window, share=False), f"{window}-day mean")
    record = _record_weapons(nightly).set_index(["night", "weapon"])["launched"]
    keys = list(zip(pd.to_datetime(marked["night"]), marked["weapon"]))
    ours = marked.assign(night=pd.to_datetime(marked["night"]),
                         launched=record.reindex(keys).to_numpy() if keys else [])
    if len(nightly):                                    # the nights the record spans
        ours = ours[ours["night"].between(nightly["night"].min(), nightly["night"].max())]
    nights = sorted(set(ours["night"]))
    if len(nights) <= MAX_LABELS:                       # a rule across the chart at each
        for night in nights:
            ax.axvline(night, color=style.HIGHLIGHT, lw=0.8, alpha=0.5, zorder=1)
    else:                                               # many: a rug along its foot
        ax.vlines(nights, 0, 0.03, transform=ax.get_xaxis_transform(), color=style.HIGHLIGHT,
                  lw=0.6)
    for weapon in [w for w in WEAPON_COLORS if w in set(ours["weapon"])]:
        mine = ours[ours["weapon"] == weapon]
        ax.plot(mine["night"], mine["launched"], ls="none", marker=WEAPON_MARKERS[weapon], ms=7,
                mfc=style.WHITE, mec=WEAPON_COLORS[weapon], mew=1.6, zorder=3,
                label=f"{weapon}: a night the articles report ({len(mine):,})")
    ax.set_yscale("symlog", linthresh=10)
    style.count_axis(ax.yaxis)
    style.date_axis(ax.xaxis)
    style.legend_outside(ax)
    style.finish(fig, ax, TITLES["nights_timeline"], "night (date)",
                 "weapons launched in a night (weapons, log scale)", RECORD_SOURCE)
    shown = ours.dropna(subset=["launched"]).sort_values(["launched", "night"],
                                                         ascending=[False, True]).head(MAX_LABELS)
    labels.place(ax, zip(shown["night"], shown["launched"]),
                 [f"{r.night:%Y-%m-%d}: {style.count(r.launched)} {r.weapon}"
                  for r in shown.itertuples()])
    return fig


def territory_series(monthly: pd.DataFrame, gains: pd.DataFrame,
                     analyses: tuple[str, ...] = ("AFP-ISW", "DeepState")):
    """Each analysis' monthly gains as bars side by side (seaborn), a month a series has no
    figure for marked at the baseline (a gap, not a zero), and the articles' monthly figures
    marked in the colour of the analysis they cite (grey: none)."""
    plt, sns = style.libraries()
    fig, ax = plt.subplots(figsize=(8.5, 4.4))
    shown = [a for a in analyses if (monthly["analysis"] == a).any()]
    months = pd.period_range(monthly["month"].min(), monthly["month"].max(), freq="M") \
        if len(monthly) else pd.PeriodIndex([], freq="M")
    x = {m.strftime("%Y-%m"): i for i, m in enumerate(months)}
    width = 0.8 / max(len(shown), 1)
    bars = monthly[monthly["analysis"].isin(shown)].assign(
        series=lambda t: t["analysis"].astype(str) + " series")
    if len(bars):
        sns.barplot(data=bars, x="month", y="km2", hue="series", order=list(x),
                    hue_order=[f"{a} series" for a in shown], errorbar=None, saturation=1,
                    palette={f"{a} series": ANALYSIS_COLORS.get(a, style.GREY) for a in shown},
                    width=0.8, ax=ax)
    missing_label = "no figure that month"
    for k, name in enumerate(shown):
        have = set(monthly.loc[monthly["analysis"] == name, "month"])
        offset = (k - (len(shown) - 1) / 2) * width
        gaps = [m for m in x if min(have) <= m <= max(have) and m not in have]
        ax.plot([x[m] + offset for m in gaps], [0] * len(gaps), ls="none", marker="x", ms=5,
                color=style.GREY, label=missing_label)
        missing_label = "_nolegend_"
    points = gains[gains["month"].isin(list(x))] if len(gains) else gains
    for name, group in points.groupby(points["analysis"].fillna("none"), sort=True):
        offset = ((shown.index(name) - (len(shown) - 1) / 2) * width) if name in shown else 0
        ax.plot([x[m] + offset for m in group["month"]], group["km2"], ls="none", marker="D",
                ms=7, mfc=style.WHITE, mec=ANALYSIS_COLORS.get(name, style.GREY), mew=1.8,
                label=f"article figure citing {name}" if name != "none"
                else "article figure, no analysis cited")
    step = max(1, math.ceil(len(x) / 8))
    ax.set_xticks(list(x.values())[::step], list(x)[::step], rotation=30, ha="right")
    ax.set_xlim(-0.6, max(len(x), 1) - 0.4)
    ax.axhline(0, color=style.TEXT, lw=0.6)
    style.count_axis(ax.yaxis)
    style.legend_outside(ax, "")
    style.finish(fig, ax, TITLES["territory_series"], "month", "territory seized in the month (km²)",
                 "news reports of AFP's analysis of ISW data and of DeepState's maps "
                 "(data/external/territory_monthly.csv); " + articles_line(gains["article_id"]))
    return fig

