#!/usr/bin/env bash
# Set up the environment and build everything: tables, executed notebooks, HTML report.
# Extra arguments go to `python -m analysis build` (e.g. --articles path/to/articles).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python -m analysis build "$@"
