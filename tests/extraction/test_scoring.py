"""The scoring rule of FACTS.md: loose sources, and where the context errors lie."""
from __future__ import annotations

import pandas as pd

from analysis.extraction.scoring import by_metric, confusion, report, same_source, score


def _gold(rows):
    cols = ["article_id", "metric", "unit", "value", "qualifier", "location", "period", "source",
            "required", "quote"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], dtype=str)


GOLD = _gold([
    ("a", "launched", "drones", "90", "exact", "Ukraine", "2026-02-03", "Ukrainian air force", "yes", "90 drones"),
    ("a", "intercepted", "drones", "70", "exact", "Ukraine", "2026-02-03", "air force", "yes", "70"),
    ("a", "killed", "people", "2", "exact", "Odesa", "2026-02-03", "Oleh Kiper", "yes", "two"),
    ("a", "intercepted", "drones", "12", "exact", "Belgorod", "2026-02-03", "", "yes", "12"),
    ("a", "territory_seized", "km2", "400", "exact", "Ukraine", "2026-01", "DeepState", "yes", "400"),
])


def test_sources_match_loosely():
    assert same_source("air force", "Ukrainian air force")
    assert same_source("", None)
    assert not same_source("Ukraine", "Ukrainian air force")
    assert not same_source("governor", "Oleh Kiper")


def test_context_errors_are_counted_by_scope_kind_and_metric():
    predicted = GOLD.assign(value=GOLD["value"].astype(float)).copy()
    predicted.loc[2, "location"] = "Ukraine"            # a city figure taken as national
    predicted.loc[3, "location"] = "Ukraine"            # Russia's side taken as Ukraine's
    predicted.loc[4, "period"] = "2026-01-31"           # a month taken as a day
    predicted.loc[2, "source"] = "governor"
    result = score(predicted, GOLD)
    assert result.accuracy["location"] == 0.6 and result.accuracy["source"] == 0.8
    scopes = confusion(result, "location")
    assert scopes.loc["regional", "national"] == 1 and scopes.loc["outside Ukraine", "national"] == 1
    assert scopes.loc["national", "national"] == 3
    assert confusion(result, "period").loc["month", "day"] == 1
    per = by_metric(result).set_index("metric")
    assert per.loc["intercepted", "gold"] == 2 and per.loc["intercepted", "location"] == 0.5
    assert per.loc["killed", "source"] == 0.0 and per.loc["launched", "f1"] == 1.0
    text = report(result, metrics=True)
    assert "location scope" in text and "by metric" in text and text.endswith(result.summary())
