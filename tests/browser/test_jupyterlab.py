"""JupyterLab as the README starts it: the lab opens in Chromium and a notebook runs in it.

The server runs on a copy of the notebooks (beside a link to the project's data), so
nothing committed is touched; it is shut down after the module, and killed if it outlives
LAB_DEADLINE seconds.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
import requests

from analysis import config
from analysis.presentation.build import KERNEL, notebook_paths
from tests.browser.pages import browser, free_port, require_browser, screenshot, watched_page  # noqa: F401

pytestmark = pytest.mark.slow       # starts JupyterLab and drives Chromium

LAB_DEADLINE = 150          # seconds the server may live, whatever happens
START_TIMEOUT = 60          # seconds to wait for the server to answer
NOTEBOOK = "01_corpus_and_facts.ipynb"


def _jupyter() -> Path:
    beside = Path(sys.executable).with_name("jupyter")
    return beside if beside.exists() else config.ROOT / ".venv" / "bin" / "jupyter"


def _stop(proc: subprocess.Popen, url: str, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then end its process group."""
    if proc.poll() is None:
        try:
            requests.post(f"{url}api/shutdown", headers={"Authorization": f"token {token}"},
                          timeout=5)
            proc.wait(timeout=15)
        except (requests.RequestException, subprocess.TimeoutExpired):
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the notebooks; give (base URL, token)."""
    require_browser()
    root = tmp_path_factory.mktemp("lab")
    project = root / "project"
    (project / "notebooks").mkdir(parents=True)
    (project / "data").symlink_to(config.DATA, target_is_directory=True)   # ../data/... resolves
    for path in notebook_paths():
        shutil.copy(path, project / "notebooks" / path.name)
    port, token = free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), PYTHONUNBUFFERED="1")
    log = (root / "lab.log").open("w")
    proc = subprocess.Popen(
        [str(_jupyter()), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={project / 'notebooks'}",
         f"--LabApp.workspaces_dir={root / 'workspaces'}",
         f"--LabApp.user_settings_dir={root / 'settings'}",
         "--LabApp.expose_app_in_browser=True",          # window.jupyterapp, to run commands
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        + (["--allow-root"] if os.geteuid() == 0 else []),        # containers and CI run as root
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    watchdog = threading.Timer(LAB_DEADLINE, lambda: _stop(proc, url, token))
    watchdog.daemon = True
    watchdog.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n"
                            + (root / "lab.log").read_text()[-3000:])
            try:
                if requests.get(f"{url}api/status", headers={"Authorization": f"token {token}"},
                                timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT} s:\n"
                            + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.25)
        yield url, token
    finally:
        watchdog.cancel()
        _stop(proc, url, token)
        log.close()


@pytest.fixture(scope="module")
def lab_page(browser, lab):
    """The lab's page in Chromium, once its shell is up; give (page, Watch)."""
    url, token = lab
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page, watch = watched_page(context, url)
    page.goto(f"{url}lab?token={token}", wait_until="domcontentloaded")
    page.wait_for_selector("#jp-main-dock-panel", state="visible", timeout=60_000)
    page.wait_for_function("window.jupyterapp !== undefined", timeout=60_000)
    page.evaluate("async () => { await window.jupyterapp.restored; }")
    yield page, watch
    context.close()


def test_lab_opens(lab_page):
    page, watch = lab_page
    assert page.locator("#jp-top-panel").is_visible()
    assert page.locator("#jp-left-stack").count() == 1
    assert not watch.problems(), watch.problems()
    screenshot(page, "jupyterlab")


RUN_ALL = """async (path) => {
  const app = window.jupyterapp;
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.sessionContext.ready;
  app.shell.activateById(panel.id);
  const ok = await app.commands.execute('notebook:run-all-cells');
  const cells = [];
  const model = panel.content.model;
  for (let i = 0; i < model.cells.length; i++) {
    const cell = model.cells.get(i);
    if (cell.type !== 'code') continue;
    cells.push({count: cell.executionCount, outputs: cell.outputs.toJSON()});
  }
  return {ok, kernel: panel.sessionContext.session?.kernel?.name ?? null, cells};
}"""


def test_notebook_runs_in_the_lab(lab_page):
    page, watch = lab_page
    result = page.evaluate(RUN_ALL, NOTEBOOK)
    committed = nbformat.read(config.NOTEBOOKS / NOTEBOOK, as_version=4)
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert result["ok"] is True
    assert result["kernel"] == KERNEL               # the project's kernel, as the notebook declares
    assert len(result["cells"]) == len(code)
    assert [c["count"] for c in result["cells"]] == list(range(1, len(code) + 1))
    errors = [o for c in result["cells"] for o in c["outputs"]
              if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert not errors, errors
    # each cell shows as many outputs as the committed notebook does
    assert [len(c["outputs"]) for c in result["cells"]] == [len(c.outputs) for c in code]
    shown = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
    assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output table").count() >= 1
    assert shown.count() >= sum(len(c.outputs) for c in code)
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    # the tables are interactive in the lab too, drawn by the library the notebook embeds
    interactive = sum("new ITable(" in o.get("data", {}).get("text/html", "")
                      for c in code for o in c.outputs)
    drawn = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) div.dt-container table.dataTable")
    drawn.first.wait_for(state="visible", timeout=30_000)
    assert interactive >= 1 and drawn.count() == interactive
    facts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) div.dt-container:has(table[id^='facts-'])")
    assert facts.locator("tbody tr td mark").count() >= 1
    assert facts.locator(".dt-search input").count() == 1
    assert not watch.problems(), watch.problems()
    screenshot(page, "jupyterlab-" + Path(NOTEBOOK).stem)
