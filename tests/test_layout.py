"""The package's layout holds: stages import one way, no module reaches into another's
private names, every stage says its role, and the notebooks run on the project's kernel."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import analysis
from analysis import config
from analysis.presentation.build import KERNEL, notebook_paths

PACKAGE = Path(analysis.__file__).parent
# each stage and the stages it may import (besides itself and analysis.config)
MAY_IMPORT = {
    "reading": set(),
    "extraction": {"reading"},
    "records": set(),
    "analyses": {"reading", "extraction", "records"},
    "presentation": {"reading", "extraction", "records", "analyses"},
}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imported(path: Path) -> list[tuple[str, list[str]]]:
    """Give (absolute module, imported names) for each `import`/`from` in the module."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
    return found


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "analysis" and parts[1] in MAY_IMPORT else None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_stages_import_one_way(path):
    own = _stage(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
    if own is None:
        return                                   # config, cli, __main__: above the stages
    for target, names in _imported(path):
        targets = [target] + [f"{target}.{n}" for n in names] if target == "analysis" else [target]
        for t in targets:
            stage = _stage(t)
            assert stage in (None, own) or stage in MAY_IMPORT[own], \
                f"{path.relative_to(PACKAGE)} imports {t}: {own} may import {sorted(MAY_IMPORT[own])}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_names_across_modules(path):
    for target, names in _imported(path):
        if target.startswith("analysis"):
            private = [n for n in names if n.startswith("_") and n != "__future__"]
            assert not private, f"{path.relative_to(PACKAGE)} imports {private} from {target}"


def test_every_stage_says_its_role_and_modules_stay_small():
    for stage in MAY_IMPORT:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc and "May import" in doc, f"analysis/{stage}/__init__.py: no role or import rule"
    long = {str(p.relative_to(PACKAGE)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_notebooks_declare_the_project_kernel_and_share_one_opening():
    for path in notebook_paths(config.NOTEBOOKS):
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == KERNEL, path.name
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[0]["metadata"].get("tags", []), path.name
        assert "open_notebook(ARTICLES, PROCESSED)" in "".join(code[1]["source"]), path.name
