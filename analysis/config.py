"""Every path the project uses, built from the project root."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT / "data"
ARTICLES = DATA / "articles"          # the default corpus: plain-text articles
EXTERNAL = DATA / "external"          # third-party datasets, with their provenance README
PROCESSED = DATA / "processed"        # tables the build writes

NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"            # rendered HTML
BENCH = ROOT / "bench"

AIRFORCE_ATTACKS = EXTERNAL / "missile_attacks_daily.csv"
AIRFORCE_MODELS = EXTERNAL / "missiles_and_uavs.csv"
TERRITORY_MONTHLY = EXTERNAL / "territory_monthly.csv"

# The labelled corpus lives beside the project, not in it; tests that need it skip elsewhere.
SHARED = Path(os.environ.get("AIRWAR_SHARED", ROOT.parent / "shared"))
SHARED_CORPUS = SHARED / "corpus"
