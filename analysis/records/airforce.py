"""Ukrainian Air Force attack reports (the Kaggle `missile_attacks_daily.csv`), tidy and classified.

`load_attacks` gives one row per CSV row. Each CSV row is one weapon `model` string, or a bundle
such as "X-101/X-555 and Iskander-K", for one reporting window of one source post. `nightly`
and `night_summary` add the rows up per night. They never add different commands together.
Provenance and data-quality notes are in data/external/README.md.

Each model string gets one `weapon_class` (`weapon_models` gives the rules).

Nights
------
`night` is the date of the morning report that an attack belongs to. A row whose `time_start`
has a clock time at or after 12:00 belongs to the next day's night. So 2026-02-02 18:00 goes to
night 2026-02-03. A clock time before 12:00 belongs to the same day. A date-only `time_start`
(`has_time` False) belongs to its own date. For an overnight attack that date is already the
morning's date.

Commands
--------
`command` is "national" for the Air Force Command. That means a `source` starting with
"kpszsu", plus the Air Force's own Telegram channel "https://t.me/kpszsu/...". The 5
Telegram rows cover reporting windows that no kpszsu Facebook post covers, so they repeat
nothing. For any other
source, `command` is the account name: PvKPivden, pvkshid, PvkZahid, PvkCenter,
GeneralStaff, CinCAFU, ChiefUkrDIU, war_monitor, kharkivoda. A bare "watch/?v=..." video
link becomes "unattributed".
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .. import config
from .quality import (check_errors, clean, issue, issues_frame,
                      raise_first, read_csv_records, warn)
from .weapon_models import CLASSES, class_table, classify_model, load_models

GROUPS = CLASSES + ("missiles", "all")   # `nightly` adds "missiles" (every class but drone) and "all"

COUNTS = ("launched", "destroyed", "not_reach_goal")
REQUIRED = ("time_start", "time_end", "model", *COUNTS, "source")
OPTIONAL = ("launch_place", "target")
TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::00)?)?$")
NATIONAL = re.compile(r"^(?:https?://t\.me/)?kpszsu(?:/|$)", re.IGNORECASE)

_str = dict(dtype="string")
_count = dict(dtype="Int64", checks=pa.Check.ge(0))

AIRFORCE = pa.DataFrameSchema(
    {
        "row": pa.Column("int64", pa.Check.ge(2), unique=True),
        "time_start": pa.Column("datetime64[ns]"),
        "time_end": pa.Column("datetime64[ns]", nullable=True),
        "has_time": pa.Column("bool"),
        "night": pa.Column("datetime64[ns]", pa.Check(lambda s: s == s.dt.normalize(),
                                                      error="night has a clock time")),
        "model": pa.Column(**_str),
        "is_bundle": pa.Column("bool"),
        "parts": pa.Column(**_str),
        "part_classes": pa.Column(**_str),
        "category": pa.Column(nullable=True, **_str),
        "weapon_class": pa.Column(checks=pa.Check.isin(CLASSES), **_str),
        "launched": pa.Column(nullable=False, **_count),
        "destroyed": pa.Column(nullable=True, **_count),
        "not_reach_goal": pa.Column(nullable=True, **_count),
        "destroyed_or_not_reached": pa.Column(nullable=True, **_count),
        "launch_place": pa.Column(nullable=True, **_str),
        "target": pa.Column(nullable=True, **_str),
        "source": pa.Column(**_str),
        "command": pa.Column(**_str),
    },
    checks=[
        pa.Check(lambda df: ~(df["destroyed"] > df["launched"]).fillna(False),
                 error="destroyed above launched"),
        pa.Check(lambda df: (df["night"] >= df["time_start"].dt.normalize()),
                 error="night before the attack's date"),
    ],
    strict=True,
    ordered=True,
    name="airforce",
)

def command_of(source: str) -> str:
    """Return the reporting command for a `source` value (see the module docstring)."""
    s = source.strip()
    if NATIONAL.match(s):
        return "national"
    s = re.sub(r"^https?://(?:www\.)?(?:t\.me/|facebook\.com/)?", "", s)
    head = s.split("/", 1)[0]
    if head in ("", "watch") or head.startswith("watch?"):
        return "unattributed"
    return head.split(".", 1)[0] if "." in head else head


# ---------------------------------------------------------------------------- attacks

def _parse_times(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Return (timestamps, has-clock-time, parse-failed) for a column of time strings."""
    s = raw.str.strip()
    parts = s.str.extract(TIME)
    hour = parts[1].str.zfill(2).fillna("00")
    minute = parts[2].fillna("00")
    text = parts[0] + " " + hour + ":" + minute
    stamps = pd.to_datetime(text, format="%Y-%m-%d %H:%M", errors="coerce").astype("datetime64[ns]")
    has_time = parts[1].notna() & stamps.notna()
    failed = s.notna() & stamps.isna()
    return stamps, has_time, failed


def _parse_count(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return (Int64 counts, reason-or-NA per row) for a column of count strings."""
    numbers = pd.to_numeric(raw, errors="coerce").astype("float64")
    reason = pd.Series(pd.NA, index=raw.index, dtype="string")
    reason[raw.notna() & numbers.isna()] = "not a number"
    bad = numbers.notna() & (~np.isfinite(numbers) | (numbers < 0) | (numbers % 1 != 0))
    reason[bad] = "not a whole number >= 0"
    counts = numbers.where(reason.isna()).round().astype("Int64")
    return counts, reason


def load_attacks_with_issues(path: Path | str = config.AIRFORCE_ATTACKS,
                             models: pd.DataFrame | None = None,
                             errors: str = "report") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (attacks, issues). `attacks` has the valid rows and is validated by AIRFORCE.

    `issues` has one row per problem, with columns row (the CSV line), column, value, reason
    and action. Action "dropped" means the row is left out of `attacks`. That happens for
    an unparseable time_start or time_end, a missing model or launched, a count that is not
    a whole number >= 0, destroyed > launched, or the wrong number of fields. Action "kept"
    means the row stays in `attacks` but needs care: destroyed is missing (it stays NA),
    destroyed + not_reach_goal > launched, time_end is before time_start, or the model has no
    metadata (classed "other").
    With errors="raise", the first dropped issue raises ValueError naming the file and line.
    Kept issues never raise. `models` defaults to `load_models()`.
    """
    check_errors(errors)
    path = Path(path)
    raw, issues = read_csv_records(path, REQUIRED)
    models = load_models() if models is None else models
    table = class_table(models)

    cols = {c: clean(raw[c]) if c in raw else pd.Series(pd.NA, index=raw.index, dtype="string")
            for c in (*REQUIRED, *OPTIONAL)}
    rows = raw["row"]
    drop = pd.Series(False, index=raw.index)

    def flag(mask: pd.Series, column: str, reason, action: str = "dropped") -> None:
        nonlocal drop
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        values = raw[column] if column in raw else pd.Series("", index=raw.index)
        reasons = reason if isinstance(reason, pd.Series) else pd.Series(reason, index=raw.index)
        for i in np.flatnonzero(mask.to_numpy()):
            issues.append(issue(rows.iat[i], column, values.iat[i], str(reasons.iat[i]), action))
        if action == "dropped":
            drop |= mask

    time_start, has_time, bad_start = _parse_times(cols["time_start"])
    time_end, _, bad_end = _parse_times(cols["time_end"])
    flag(cols["time_start"].isna(), "time_start", "missing time")
    flag(bad_start, "time_start", "unparseable time (want YYYY-MM-DD or YYYY-MM-DD H:MM)")
    flag(bad_end, "time_end", "unparseable time (want YYYY-MM-DD or YYYY-MM-DD H:MM)")
    flag(cols["model"].isna(), "model", "missing model")
    flag(cols["source"].isna(), "source", "missing source")

    counts = {}
    for c in COUNTS:
        counts[c], reason = _parse_count(cols[c])
        flag(reason.notna(), c, reason)
    flag(cols["launched"].isna(), "launched", "missing launched")
    flag(counts["destroyed"] > counts["launched"], "destroyed", "destroyed above launched")
    valid = ~drop
    flag(valid & cols["destroyed"].isna(), "destroyed", "missing destroyed (kept as NA)", "kept")
    flag(valid & (counts["destroyed"] + counts["not_reach_goal"].fillna(0) > counts["launched"]),
         "not_reach_goal", "destroyed + not_reach_goal above launched", "kept")
    flag(valid & (time_end < time_start), "time_end", "time_end before time_start", "kept")

    # classify each distinct model string once
    models_seen = cols["model"][valid].dropna().unique()
    info = {m: classify_model(m, table) for m in models_seen}
    for m, i in info.items():
        if i["unknown"]:
            mask = valid & (cols["model"] == m)
            flag(mask, "model", f"model has no metadata: {', '.join(i['unknown'])} (classed 'other')",
                 "kept")

    if errors == "raise":
        raise_first(path, issues)

    keep = valid.to_numpy()
    model = cols["model"][keep]
    night = time_start.dt.normalize() + pd.to_timedelta(
        (has_time & (time_start.dt.hour >= 12)).astype("int64"), unit="D")
    destroyed = counts["destroyed"][keep]
    not_reach = counts["not_reach_goal"][keep]

    def pick(key: str) -> pd.Series:
        return model.map(lambda m: info[m][key])

    attacks = pd.DataFrame({
        "row": rows[keep].astype("int64"),
        "time_start": time_start[keep],
        "time_end": time_end[keep],
        "has_time": has_time[keep].astype(bool),
        "night": night[keep].astype("datetime64[ns]"),
        "model": model.astype("string"),
        "is_bundle": pick("is_bundle").astype(bool),
        "parts": pick("parts").astype("string"),
        "part_classes": pick("part_classes").astype("string"),
        "category": pick("category").astype("string"),
        "weapon_class": pick("weapon_class").astype("string"),
        "launched": counts["launched"][keep],
        "destroyed": destroyed,
        "not_reach_goal": not_reach,
        "destroyed_or_not_reached": destroyed + not_reach.fillna(0),
        "launch_place": cols["launch_place"][keep].astype("string"),
        "target": cols["target"][keep].astype("string"),
        "source": cols["source"][keep].astype("string"),
        "command": cols["source"][keep].map(command_of).astype("string"),
    }).reset_index(drop=True)
    return AIRFORCE.validate(attacks), issues_frame(issues)


def load_attacks(path: Path | str = config.AIRFORCE_ATTACKS, models: pd.DataFrame | None = None,
                 errors: str = "report") -> pd.DataFrame:
    """Return the valid attack rows, one per CSV row, validated by AIRFORCE.

    This is `load_attacks_with_issues` without the issues. With errors="report", the
    default, a DataQualityWarning names the file and the number of issues. Nothing is
    dropped without a warning. With errors="raise", a malformed row raises ValueError
    naming the file and line.
    """
    attacks, issues = load_attacks_with_issues(path, models=models, errors=errors)
    warn(Path(path), issues, "the attack record")
    return attacks


# ---------------------------------------------------------------------------- per night

SUMS = ("launched", "destroyed", "not_reach_goal", "destroyed_or_not_reached")
NIGHTLY_COLUMNS = ["night", "command", "weapon_class", *SUMS, "destroyed_rate",
                   "destroyed_or_not_reached_rate", "rows", "reports", "rows_missing_destroyed"]


def _one_command(attacks: pd.DataFrame, command: str) -> pd.DataFrame:
    if not isinstance(command, str):
        raise TypeError("command must be one command name (national and regional reports "
                        f"are never added together), not {command!r}")
    sub = attacks[attacks["command"] == command]
    if sub.empty and command not in set(attacks["command"].dropna()):
        known = ", ".join(sorted(attacks["command"].dropna().unique()))
        raise ValueError(f"no rows for command {command!r}; the commands are: {known}")
    return sub


def _aggregate(sub: pd.DataFrame, groups: list[str], nights: pd.DatetimeIndex) -> pd.DataFrame:
    """Sum `sub` per night and group; fill every (night, group) pair, zeros where none."""
    pieces = [sub.assign(group=sub["weapon_class"]),
              sub[sub["weapon_class"] != "drone"].assign(group="missiles"),
              sub.assign(group="all")]
    long = pd.concat(pieces, ignore_index=True)
    long["missing_destroyed"] = long["destroyed"].isna().astype("int64")
    grouped = long.groupby(["night", "group"], sort=False)
    out = grouped[list(SUMS)].sum(min_count=1)   # destroyed: NA only if every row lacks it
    out["not_reach_goal"] = grouped["not_reach_goal"].sum()   # not reported counts as 0
    out["rows"] = grouped.size()
    out["reports"] = grouped["source"].nunique()
    out["rows_missing_destroyed"] = grouped["missing_destroyed"].sum()
    grid = pd.MultiIndex.from_product([nights, groups], names=["night", "group"])
    out = out.reindex(grid)
    empty = out["rows"].isna()
    for c in (*SUMS, "rows", "reports", "rows_missing_destroyed"):
        out[c] = out[c].astype("Int64").mask(empty, 0)
    for c in ("rows", "reports", "rows_missing_destroyed"):
        out[c] = out[c].astype("int64")
    launched = out["launched"].astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        for num, rate in (("destroyed", "destroyed_rate"),
                          ("destroyed_or_not_reached", "destroyed_or_not_reached_rate")):
            out[rate] = (out[num].astype("float64") / launched).where(launched > 0)
    out = out.reset_index().rename(columns={"group": "weapon_class"})
    out["weapon_class"] = out["weapon_class"].astype("string")
    return out


def nightly(attacks: pd.DataFrame, command: str = "national") -> pd.DataFrame:
    """Return per-night sums for one command: one row per (night, weapon_class).

    `weapon_class` takes each class that occurs in the command's rows, plus "missiles"
    (every class except drone, guided bombs and "other" included) and "all". Every night
    with a report from the command has a row for every group, with zeros where nothing of
    that class was reported.
    The columns are launched, destroyed, not_reach_goal (missing counts as 0),
    destroyed_or_not_reached (Int64 sums; destroyed is NA only if no row reports it),
    destroyed_rate and destroyed_or_not_reached_rate (each divided by launched; NaN when
    launched is 0), rows (CSV rows), reports (distinct source posts) and
    rows_missing_destroyed. Where rows_missing_destroyed > 0, the destroyed sums leave those
    rows out and the rates are understated.
    Only one `command` is ever summed: the default is "national" (Air Force Command, source
    kpszsu). Regional commands such as "PvKPivden" repeat part of the national figures, so
    they are never added to them.
    """
    sub = _one_command(attacks, command)
    present = set(sub["weapon_class"].dropna())
    groups = [c for c in CLASSES if c in present] + ["missiles", "all"]
    nights = pd.DatetimeIndex(sorted(sub["night"].unique()), name="night")
    out = _aggregate(sub, groups, nights)
    out.insert(1, "command", pd.Series(command, index=out.index, dtype="string"))
    return out[NIGHTLY_COLUMNS]


def night_summary(attacks: pd.DataFrame, night, command: str = "national") -> pd.DataFrame:
    """Return one night's totals for one command: rows "drones", "missiles" and "all".

    The frame is indexed by group. Its columns are those of `nightly`, without
    night/command/weapon_class. "missiles" is every class except drone. A night with no
    report from the command gives zeros.
    """
    day = pd.Timestamp(night).normalize()
    sub = _one_command(attacks, command)
    sub = sub[sub["night"] == day]
    out = _aggregate(sub, ["drone", "missiles", "all"], pd.DatetimeIndex([day], name="night"))
    out = out.drop(columns=["night"]).set_index("weapon_class")
    out.index = pd.Index(["drones", "missiles", "all"], name="group")
    return out[[c for c in NIGHTLY_COLUMNS if c in out.columns]]


def percentile_rank(nightly_df: pd.DataFrame, night, column: str,
                    weapon_class: str = "all") -> float:
    """Return the percentile rank (0-100) of `night`'s `column` among the nights in `nightly_df`.

    The rank is the share of nights whose value is <= this night's value, the "weak" kind of
    scipy.stats.percentileofscore. So the largest night ranks 100. It uses the rows for
    `weapon_class` ("all" by default) of one command. Nights where the value is NaN, such
    as a rate with nothing launched, are left out. The result is NaN when this night's own
    value is NaN. A KeyError is raised when the night is not in the frame.
    """
    commands = nightly_df["command"].dropna().unique()
    if len(commands) > 1:
        raise ValueError(f"nightly_df mixes commands {sorted(commands)}; rank one command at a time")
    sub = nightly_df[nightly_df["weapon_class"] == weapon_class]
    day = pd.Timestamp(night).normalize()
    values = pd.to_numeric(sub[column], errors="coerce").astype("float64")
    this = values[sub["night"] == day]
    if this.empty:
        raise KeyError(f"night {day.date()} not in nightly_df for weapon_class {weapon_class!r}")
    value = float(this.iloc[0])
    if np.isnan(value):
        return float("nan")
    values = values.dropna().to_numpy()
    return float(100.0 * np.count_nonzero(values <= value) / len(values))
