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

# Article files above this size are refused with a one-line error (AIRWAR_MAX_ARTICLE_MB).
MAX_ARTICLE_BYTES = int(float(os.environ.get("AIRWAR_MAX_ARTICLE_MB", "200")) * 1024 * 1024)

# While a build runs, its kernels read the corpus tables from its staging folder, named here.
TABLES_ENV = "AIRWAR_TABLES"
