"""Write tables atomically: a failed run never leaves a half-written or clobbered file.

Files are written to a temporary file beside the target and renamed into place, with the
permissions a plain `open` would give them (the umask's), so a web server or a colleague can
read them. In CSV, a text cell that a spreadsheet would run as a formula (it starts with
`=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, as OWASP
advises; Parquet keeps every value as it is.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from . import interrupts

FORMATS = {".csv": "csv", ".parquet": "parquet"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# read once: os.umask can only be read by setting it, which is not safe once threads run
FILE_MODE = 0o666 & ~_umask()


def table_format(path: Path | str) -> str:
    """Give 'csv' or 'parquet' from the file suffix; raise ValueError for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: output must end in .csv or .parquet, not {suffix or 'nothing'!r}")
    return FORMATS[suffix]


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Give `frame` with every text cell that starts like a formula prefixed with `'`."""
    out = frame
    for column in frame.columns:
        values = frame[column]
        if not (pd.api.types.is_string_dtype(values) or values.dtype == object):
            continue
        risky = values.astype("string").str.startswith(FORMULA_START).fillna(False).astype(bool)
        if risky.any():
            if out is frame:
                out = frame.copy()
            out[column] = values.astype("string").mask(risky, "'" + values.astype("string"))
    return out


def read_table(path: Path | str) -> pd.DataFrame:
    """Give the table at `path` (.csv or .parquet); CSV cells are read as text, empty ones as
    missing, and the `'` that `spreadsheet_safe` put before a formula-like cell is taken off."""
    path = Path(path)
    if table_format(path) == "parquet":
        return pd.read_parquet(path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in frame.columns:
        values = frame[column]
        guarded = values.str.startswith(tuple("'" + c for c in FORMULA_START))
        if guarded.any():
            frame[column] = values.mask(guarded, values.str[1:])
    return frame.replace("", None)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[str]:
    """Give a temporary file beside `path` to write; on success it gets the umask's mode and
    replaces `path`, on any failure it is removed and `path` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        yield tmp
        interrupts.stop_if_received()           # a signal an ignored handler dropped
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write `frame` to `path` (.csv or .parquet) through a temporary file and a rename."""
    path = Path(path)
    kind = table_format(path)
    with _replacing(path) as tmp:
        if kind == "csv":
            spreadsheet_safe(frame).to_csv(tmp, index=False, lineterminator="\n")
        else:
            frame.to_parquet(tmp, index=False)
    return path


def write_text(text: str, path: Path | str) -> Path:
    """Write `text` to `path` atomically."""
    path = Path(path)
    with _replacing(path) as tmp, open(tmp, "w", encoding="utf-8") as out:
        out.write(text)
    return path
