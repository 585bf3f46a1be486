"""Written files are readable as normal files, and safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import os
import stat

import pandas as pd

from analysis.reading import atomic


def test_files_get_the_umask_permissions(tmp_path):
    table = pd.DataFrame({"a": ["x"]})
    paths = [atomic.write_table(table, tmp_path / "t.csv"), atomic.write_table(table, tmp_path / "t.parquet"),
             atomic.write_text("hello", tmp_path / "t.html")]
    want = 0o666 & ~atomic._umask()
    for path in paths:
        assert stat.S_IMODE(os.stat(path).st_mode) == want, path
    assert want & stat.S_IROTH          # the umask here (022) lets others read


def test_formulas_are_defused_in_csv_and_kept_in_parquet(tmp_path):
    cells = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "plain", None]
    table = pd.DataFrame({"text": pd.array(cells, dtype="string"), "value": [-1.5] * len(cells)})
    atomic.write_table(table, tmp_path / "t.csv")
    atomic.write_table(table, tmp_path / "t.parquet")
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)",
                                         "'\tx", "plain", ""]
    assert {r["value"] for r in rows} == {"-1.5"}            # numbers are no formulas
    back = pd.read_parquet(tmp_path / "t.parquet")
    assert back["text"].tolist()[:6] == cells[:6]
