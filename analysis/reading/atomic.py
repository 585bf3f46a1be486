"""Write tables atomically: a failed run never leaves a half-written or clobbered file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

FORMATS = {".csv": "csv", ".parquet": "parquet"}


def table_format(path: Path | str) -> str:
    """Give 'csv' or 'parquet' from the file suffix; raise ValueError for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: output must end in .csv or .parquet, not {suffix or 'nothing'!r}")
    return FORMATS[suffix]


def write_table(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write `frame` to `path` (.csv or .parquet) through a temporary file and a rename."""
    path = Path(path)
    kind = table_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        if kind == "csv":
            frame.to_csv(tmp, index=False, lineterminator="\n")
        else:
            frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(text: str, path: Path | str) -> Path:
    """Write `text` to `path` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
