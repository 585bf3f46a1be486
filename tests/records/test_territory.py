"""Monthly territory table: loading, malformed rows, one series per analysis."""
from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

from analysis import config
from analysis.records import quality, territory

HEADER = "month,km2,analysis,source_title,source_url,quote"


def raw_rows() -> list[dict]:
    with open(config.TERRITORY_MONTHLY, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def table():
    frame, issues = territory.load_territory_with_issues()
    assert issues.empty
    return frame


def test_real_file(table):
    rows = raw_rows()
    assert len(table) == len(rows)
    assert table["month_start"].dtype == "datetime64[ns]"
    assert table["km2"].dtype == "float64"
    assert (table["month_start"].dt.strftime("%Y-%m") == table["month"]).all()
    assert set(zip(table["month"], table["analysis"], table["km2"])) == \
        {(r["month"], r["analysis"], float(r["km2"])) for r in rows}
    assert territory.TERRITORY.validate(table) is not None


def test_series_change(table):
    afp = territory.series(table, "AFP-ISW")
    assert set(afp["analysis"]) == {"AFP-ISW"}
    assert afp["month_start"].is_monotonic_increasing
    km2 = afp.set_index("month")["km2"]
    change = afp.set_index("month")["change"]
    assert change["2026-01"] == km2["2026-01"] - km2["2025-12"]
    assert np.isnan(change["2024-04"])       # first month
    assert np.isnan(change["2024-08"])       # 2024-05..07 missing: no change across the gap
    assert change["2024-09"] == km2["2024-09"] - km2["2024-08"]
    assert list(afp.columns[:5]) == ["row", "month", "month_start", "km2", "change"]


def test_deepstate_july_change_matches_its_quote(table):
    deep = territory.series(table, "DeepState").set_index("month")
    assert "на 8 км² більше, ніж у червні" in deep.at["2025-07", "quote"]
    assert deep.at["2025-07", "change"] == 8


def test_analyses_never_mixed(table):
    dec = table[table["month"] == "2025-12"].set_index("analysis")["km2"]
    assert {"AFP-ISW", "DeepState"} <= set(dec.index) and dec["AFP-ISW"] != dec["DeepState"]
    afp = territory.series(table, "AFP-ISW").set_index("month")
    deep = territory.series(table, "DeepState").set_index("month")
    assert afp.at["2025-12", "km2"] == dec["AFP-ISW"]
    assert deep.at["2025-12", "km2"] == dec["DeepState"]
    # each change is taken within its own analysis
    assert afp.at["2026-01", "change"] == afp.at["2026-01", "km2"] - dec["AFP-ISW"]
    assert deep.at["2026-01", "change"] == deep.at["2026-01", "km2"] - dec["DeepState"]
    assert territory.series(table, "BlackBirdGroup (net)")["km2"].tolist() == [-37.0]
    with pytest.raises(TypeError):
        territory.series(table, ["AFP-ISW", "DeepState"])
    with pytest.raises(ValueError, match="DeepState"):
        territory.series(table, "ISW")


def test_malformed_rows(tmp_path):
    url = "https://example.org/a"
    lines = [
        HEADER,
        f"2025-01,100,A,Title,{url},quote one",         # 2 ok
        f"2025-13,100,A,Title,{url},bad month",         # 3
        f"2025-02,lots,A,Title,{url},bad number",       # 4
        f"2025-03,50,,Title,{url},no analysis",         # 5
        "2025-04,50,A,Title,example.org,not a url",     # 6
        f"2025-01,120,A,Title,{url},duplicate",         # 7
        f'2025-02,"-1,200",A,Title,{url},"two\nlines"',   # 8-9 ok, negative with comma
        f"2025-03,70,A,Title,{url}",                    # 10 short
    ]
    path = tmp_path / "territory.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, issues = territory.load_territory_with_issues(path)
    assert list(issues["row"]) == [3, 4, 5, 6, 7, 10]
    assert list(issues["column"]) == ["month", "km2", "analysis", "source_url", "month", "*"]
    assert (issues["action"] == "dropped").all()
    assert list(frame["row"]) == [2, 8]
    assert frame["km2"].tolist() == [100.0, -1200.0]
    assert territory.series(frame, "A")["change"].tolist()[1] == -1300.0

    with pytest.warns(quality.DataQualityWarning, match=r"territory\.csv: 6 issue"):
        territory.load_territory(path)
    with pytest.raises(ValueError, match=r"territory\.csv:3: month '2025-13'"):
        territory.load_territory(path, errors="raise")


def test_own_file_roundtrip(tmp_path, table):
    path = tmp_path / "mine.csv"
    table.drop(columns=["row", "month_start"]).to_csv(path, index=False)
    again = territory.load_territory(path)
    pd.testing.assert_frame_equal(again.drop(columns="row"), table.drop(columns="row"))
