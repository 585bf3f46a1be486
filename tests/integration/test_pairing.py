"""Reviewable notebooks: each notebook is paired with a percent script (`notebooks/NN_name.py`,
configured by `notebooks/jupytext.toml`) that holds the same code and prose, cell for cell, so
a change reads as a diff of the script; saving in JupyterLab writes both."""
from __future__ import annotations

import shutil
import subprocess
import sys

import jupytext
import nbformat
import pytest
from jupytext.config import load_jupytext_config

from analysis import config
from analysis.presentation.build import notebook_paths

NOTEBOOKS = notebook_paths()


def _cells(nb) -> list[tuple[str, str, list[str]]]:
    """Give each code and Markdown cell as (type, source, tags)."""
    return [(c.cell_type, c.source, list(c.metadata.get("tags", []))) for c in nb.cells
            if c.cell_type in ("code", "markdown")]


def disagreements(path) -> list[str]:
    """Give how the notebook at `path` and its paired script differ, cell by cell (none when
    they hold the same code, prose and tags)."""
    script = path.with_suffix(".py")
    if not script.exists():
        return [f"{script.name} is missing"]
    ours, theirs = _cells(nbformat.read(path, as_version=4)), _cells(jupytext.read(script))
    found = [f"cell {i + 1}: {a[0]} {a[1][:60]!r} in {path.name}, {b[0]} {b[1][:60]!r} in {script.name}"
             for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
    if len(ours) != len(theirs):
        found.append(f"{len(ours)} cells in {path.name}, {len(theirs)} in {script.name}")
    return found


def test_the_notebooks_folder_pairs_each_notebook_with_a_percent_script():
    pairing = load_jupytext_config(str(config.NOTEBOOKS))
    assert pairing is not None and pairing.formats == ["ipynb,py:percent"]
    scripts = sorted(p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.py"))
    assert scripts == [p.stem for p in NOTEBOOKS], "every notebook and only they have a script"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_and_its_script_hold_the_same_code_and_prose(path):
    differ = disagreements(path)
    assert not differ, ("the notebook and its script disagree; after editing the script run "
                        f"`.venv/bin/jupytext --sync notebooks/{path.name}`: {differ}")


def _copy(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(config.NOTEBOOKS / "jupytext.toml", folder)
    for path in NOTEBOOKS:
        shutil.copy(path, folder)
        shutil.copy(path.with_suffix(".py"), folder)
    return folder


def test_a_script_edited_alone_disagrees_until_synced(tmp_path):
    folder = _copy(tmp_path)
    notebook = folder / NOTEBOOKS[-1].name
    script = notebook.with_suffix(".py")
    heading = next(line for line in script.read_text(encoding="utf-8").splitlines()
                   if line.startswith("# # "))
    script.write_text(script.read_text(encoding="utf-8").replace(heading, heading + " (edited)", 1),
                      encoding="utf-8")
    assert disagreements(notebook), "a changed heading should be a disagreement"
    before = nbformat.read(notebook, as_version=4)
    done = subprocess.run([sys.executable, "-m", "jupytext", "--sync", "--quiet", str(notebook)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not disagreements(notebook)
    after = nbformat.read(notebook, as_version=4)
    assert after.cells[0].source.splitlines()[0] == heading[2:] + " (edited)"
    # the outputs, the kernel and every other cell are as they were
    assert after.metadata["kernelspec"] == before.metadata["kernelspec"]
    assert [c.get("outputs") for c in after.cells] == [c.get("outputs") for c in before.cells]
    assert _cells(after)[1:] == _cells(before)[1:]


def test_a_missing_script_is_a_disagreement(tmp_path):
    folder = _copy(tmp_path)
    notebook = folder / NOTEBOOKS[0].name
    notebook.with_suffix(".py").unlink()
    assert disagreements(notebook) == [f"{notebook.with_suffix('.py').name} is missing"]


def test_saving_in_jupyterlab_writes_the_script_too(tmp_path):
    """JupyterLab saves through jupytext's contents manager (its server extension, installed
    with it): a cell changed in the notebook is changed in its script."""
    from jupytext import TextFileContentsManager
    folder = _copy(tmp_path)
    name = NOTEBOOKS[-1].name
    manager = TextFileContentsManager(root_dir=str(folder))
    model = manager.get(name)
    model["content"].cells[-1].source += "\n# edited in the lab"
    manager.save(model, name)
    assert "# edited in the lab" in (folder / name).with_suffix(".py").read_text(encoding="utf-8")
    assert not disagreements(folder / name)
