"""Monthly Russian territorial gains in Ukraine (km²), one series per analysis, never mixed.

CSV schema (for `data/external/territory_monthly.csv` or a file of your own)
-----------------------------------------------------------------------------
One header line, then one row per (month, analysis). The file is UTF-8, and a byte-order
mark is allowed.

=============  ========================================================================
column         content
=============  ========================================================================
month          the calendar month, ``YYYY-MM`` (e.g. ``2025-12``)
km2            area gained that month in km², a number; it may be negative (a net loss)
analysis       who measured it: ``AFP-ISW``, ``DeepState``, ``BlackBirdGroup (net)``, ...
source_title   outlet, date and headline of the page the figure was read in
source_url     that page, ``http://`` or ``https://``
quote          the sentence the figure comes from, copied exactly (any language)
=============  ========================================================================

Each analysis measures something different, so a month can appear once per analysis. For
example, AFP-ISW counts areas claimed by Moscow, and DeepState does not. A row is reported
in the issues frame and left out if it has: a month that is not ``YYYY-MM``, a km2 that is
not a number, an empty analysis, source_title or quote, a source_url that is not http(s),
a second row for the same (month, analysis) (the first one is kept), or the wrong number of
fields.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .. import config
from .quality import check_errors, clean, issue, issues_frame, raise_first, read_csv_records, warn

COLUMNS = ("month", "km2", "analysis", "source_title", "source_url", "quote")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
URL = re.compile(r"^https?://\S+$")

_str = dict(dtype="string")

TERRITORY = pa.DataFrameSchema(
    {
        "row": pa.Column("int64", pa.Check.ge(2), unique=True),
        "month": pa.Column(checks=pa.Check.str_matches(r"^\d{4}-(0[1-9]|1[0-2])$"), **_str),
        "month_start": pa.Column("datetime64[ns]"),
        "km2": pa.Column("float64", pa.Check(np.isfinite, element_wise=True)),
        "analysis": pa.Column(**_str),
        "source_title": pa.Column(**_str),
        "source_url": pa.Column(checks=pa.Check.str_matches(r"^https?://"), **_str),
        "quote": pa.Column(**_str),
    },
    checks=pa.Check(lambda df: ~df.duplicated(["month", "analysis"]),
                    error="two rows for one month and analysis"),
    strict=True,
    ordered=True,
    name="territory",
)


def load_territory_with_issues(path: Path | str = config.TERRITORY_MONTHLY,
                               errors: str = "report") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (territory, issues). `territory` has the valid rows, sorted by analysis and month.

    `territory` has the columns row (the CSV line), month ('YYYY-MM' string), month_start
    (datetime), km2 (float), analysis, source_title, source_url and quote. It is validated by
    TERRITORY. `issues` has the columns row, column, value, reason and action; every one
    of its rows is "dropped". With errors="raise", the first bad row raises ValueError
    naming the file and line.
    """
    check_errors(errors)
    path = Path(path)
    raw, issues = read_csv_records(path, COLUMNS)
    cols = {c: clean(raw[c]) for c in COLUMNS}
    rows = raw["row"]
    drop = pd.Series(False, index=raw.index)

    def flag(mask: pd.Series, column: str, reason: str) -> None:
        nonlocal drop
        mask = mask.fillna(False).astype(bool)
        for i in np.flatnonzero(mask.to_numpy()):
            issues.append(issue(rows.iat[i], column, raw[column].iat[i], reason))
        drop |= mask

    flag(~cols["month"].fillna("").str.match(MONTH), "month", "month is not YYYY-MM")
    km2 = pd.to_numeric(cols["km2"].str.replace(",", "", regex=False), errors="coerce")
    km2 = km2.astype("float64")
    flag(~np.isfinite(km2), "km2", "km2 is not a number")
    for c in ("analysis", "source_title", "quote"):
        flag(cols[c].isna(), c, f"empty {c}")
    flag(~cols["source_url"].fillna("").str.match(URL), "source_url", "source_url is not http(s)")
    duplicate = ~drop & pd.DataFrame({"m": cols["month"], "a": cols["analysis"]})[~drop] \
        .duplicated().reindex(raw.index, fill_value=False)
    flag(duplicate, "month", "second row for this month and analysis (the first is kept)")

    if errors == "raise":
        raise_first(path, issues)

    keep = (~drop).to_numpy()
    month = cols["month"][keep].astype("string")
    frame = pd.DataFrame({
        "row": rows[keep].astype("int64"),
        "month": month,
        "month_start": pd.to_datetime(month.astype(object) + "-01", format="%Y-%m-%d")
        .astype("datetime64[ns]"),
        "km2": km2[keep],
        "analysis": cols["analysis"][keep].astype("string"),
        "source_title": cols["source_title"][keep].astype("string"),
        "source_url": cols["source_url"][keep].astype("string"),
        "quote": cols["quote"][keep].astype("string"),
    })
    frame = frame.sort_values(["analysis", "month_start"], kind="stable").reset_index(drop=True)
    return TERRITORY.validate(frame), issues_frame(issues)


def load_territory(path: Path | str = config.TERRITORY_MONTHLY, errors: str = "report") -> pd.DataFrame:
    """Return the valid rows of a monthly-territory CSV, validated by TERRITORY.

    See the module docstring for the CSV schema. With errors="report", the default,
    dropped rows cause a DataQualityWarning that names the file and the number of issues.
    With errors="raise", a bad row raises ValueError naming the file and line.
    """
    frame, issues = load_territory_with_issues(path, errors=errors)
    warn(Path(path), issues, "the territory table")
    return frame


def series(df: pd.DataFrame, analysis: str = "AFP-ISW") -> pd.DataFrame:
    """Return one analysis' rows sorted by month, with `change` added after km2.

    `change` is km2 minus the previous calendar month's km2 in the same analysis. It is NaN
    when that month is missing (e.g. AFP-ISW 2024-08 after 2024-04). Only one analysis is
    ever returned, because the analyses count different things. A ValueError names the
    available analyses when `analysis` is not one of them.
    """
    if not isinstance(analysis, str):
        raise TypeError(f"analysis must be one name (analyses are never mixed), not {analysis!r}")
    out = df[df["analysis"] == analysis].sort_values("month_start", kind="stable")
    if out.empty:
        known = ", ".join(sorted(df["analysis"].dropna().unique()))
        raise ValueError(f"no rows for analysis {analysis!r}; the analyses are: {known}")
    if out["month_start"].duplicated().any():
        raise ValueError(f"analysis {analysis!r} has two rows for one month")
    out = out.reset_index(drop=True)
    previous = out["month_start"].shift(1)
    consecutive = previous == (out["month_start"] - pd.DateOffset(months=1))
    change = out["km2"].diff().where(consecutive)
    out.insert(out.columns.get_loc("km2") + 1, "change", change.astype("float64"))
    return out
