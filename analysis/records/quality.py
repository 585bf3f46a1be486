"""Reading third-party CSV files without losing a row silently: every malformed record
becomes an issue (file line, column, value, reason, action) in an issues table."""
from __future__ import annotations

import csv
import warnings
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

MISSING_MARKERS = frozenset({"", "nan", "NaN", "NA", "None", "null"})
ERRORS = ("report", "raise")
ISSUE_COLUMNS = ["row", "column", "value", "reason", "action"]


def read_csv_records(path: Path | str, required: Iterable[str]) -> tuple[pd.DataFrame, list[dict]]:
    """Read a CSV as strings; return (frame with a `row` column, list of issue dicts).

    `row` is the 1-based line on which each record starts (the header is line 1), so it stays
    right when a quoted field spans lines. Blank lines are skipped. A record with the wrong
    number of fields becomes an issue (action "dropped"). A missing required column raises
    ValueError naming the file.
    """
    path = Path(path)
    issues: list[dict] = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise ValueError(f"{path}: empty file") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise ValueError(f"{path}:1: missing column(s) {', '.join(missing)}")
        width = len(header)
        lines, records = [], []
        start = reader.line_num + 1
        for record in reader:
            if record and any(field.strip() for field in record):
                if len(record) == width:
                    lines.append(start)
                    records.append(record)
                else:
                    issues.append(issue(start, "*", ",".join(record)[:80],
                                         f"{len(record)} fields, header has {width}"))
            start = reader.line_num + 1
    frame = pd.DataFrame(records, columns=header, dtype=object) if records else \
        pd.DataFrame({c: pd.Series([], dtype=object) for c in header})
    frame.insert(0, "row", np.asarray(lines, dtype="int64"))
    return frame, issues


def issue(row, column: str, value, reason: str, action: str = "dropped") -> dict:
    """Give one issue record: what was wrong with a value on a file line, and what was done."""
    return {"row": int(row), "column": column, "value": "" if value is None else str(value),
            "reason": reason, "action": action}


def issues_frame(issues: list[dict]) -> pd.DataFrame:
    """Give issue records as a table sorted by line and column."""
    frame = pd.DataFrame(issues, columns=ISSUE_COLUMNS)
    frame = frame.astype({"row": "int64", "column": "string", "value": "string",
                          "reason": "string", "action": "string"})
    return frame.sort_values(["row", "column"], kind="stable").reset_index(drop=True)


def check_errors(errors: str) -> None:
    """Raise ValueError unless `errors` is one of ERRORS."""
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")


def raise_first(path: Path, issues: list[dict]) -> None:
    """Raise ValueError naming the file line of the first dropped record, if any."""
    dropped = [i for i in issues if i["action"] == "dropped"]
    if dropped:
        first = min(dropped, key=lambda i: i["row"])
        raise ValueError(f"{path}:{first['row']}: {first['column']} {first['value']!r}: "
                         f"{first['reason']} ({len(dropped)} bad row issue(s) in the file)")


def warn(path: Path, issues: pd.DataFrame, what: str) -> None:
    """Warn (DataQualityWarning) how many issues a loader found, if any."""
    if len(issues):
        dropped = int((issues["action"] == "dropped").sum())
        warnings.warn(f"{path}: {len(issues)} issue(s) ({dropped} dropped, "
                      f"{len(issues) - dropped} kept) in {what}; "
                      "use the *_with_issues loader to see them", DataQualityWarning, stacklevel=3)


class DataQualityWarning(UserWarning):
    """A data file had malformed or questionable rows; the message names the file and count."""


def clean(series: pd.Series) -> pd.Series:
    """Strip strings; turn the missing-value markers into NA."""
    s = series.astype("string").str.strip()
    return s.mask(s.isin(MISSING_MARKERS))
