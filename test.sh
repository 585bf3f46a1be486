#!/usr/bin/env bash
# Set up the environment and run every test: unit, accuracy, CLI, properties, notebooks, and
# the report and JupyterLab in headless Chromium (set up by scripts/setup-browser.sh), and the
# Dask engine on a local cluster (the test, browser and dask extras are installed for them).
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh test,browser,dask
scripts/setup-browser.sh
exec .venv/bin/python -m pytest -n 2 "$@"
