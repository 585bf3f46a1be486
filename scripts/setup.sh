#!/usr/bin/env bash
# Create .venv and install the project editable with the pinned versions (constraints.txt);
# a no-op when that is already done. Arguments name extras to add: scripts/setup.sh test,dask
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
extras=${1:-}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.install.sha256
want=$( (cat pyproject.toml constraints.txt; echo "$extras") | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  # PYTHONWARNINGS quiets setuptools' generic warning that the install is editable
  PYTHONWARNINGS=ignore .venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt \
    -e ".${extras:+[$extras]}"
  echo "$want" > "$stamp"
fi
# the project's environment as a named Jupyter kernel, for JupyterLab and the notebooks
.venv/bin/python -m ipykernel install --sys-prefix --name airwar --display-name "Air war (project)" >/dev/null
