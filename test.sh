#!/usr/bin/env bash
# Set up the environment and run every test: unit, accuracy, CLI, properties, notebooks.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python -m pytest -n 2 "$@"
