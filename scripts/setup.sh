#!/usr/bin/env bash
# Create .venv and install the pinned requirements; a no-op when they are already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt "$@" 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt \
    $(for extra in "$@"; do printf -- "-r %s " "$extra"; done)
  echo "$want" > "$stamp"
fi
# `import analysis` works from any folder (notebooks run in notebooks/)
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
pwd > "$site/airwar-project.pth"
# the project's environment as a named Jupyter kernel, for JupyterLab and the notebooks
.venv/bin/python -m ipykernel install --sys-prefix --name airwar --display-name "Air war (project)" >/dev/null
