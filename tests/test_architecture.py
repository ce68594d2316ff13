"""vislab's layering: the core imports no Qt, and the command line opens the window through one module.

The guard is the pair of import contracts in pyproject.toml (``[tool.importlinter]``, run by ``make test``
as ``lint-imports``). These tests run them, show they can fail, check what a contract cannot name
(matplotlib's Qt backend) and what only running the code shows (nothing loads Qt at import time).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "vislab" / "core"


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the venv's ``lint-imports`` on the package and the pyproject.toml found in ``cwd``."""
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.fail(f"lint-imports is not installed beside {sys.executable}: pip install -e '.[test]'")
    env = {**os.environ, "COLUMNS": "200"}  # one line per import chain, whatever the terminal
    return subprocess.run([tool, "--no-logo", "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_the_import_contracts_are_kept():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_the_import_contracts_catch_qt_in_the_core_and_the_window_in_the_commands(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    package = shutil.copytree(ROOT / "vislab", tmp_path / "vislab", ignore=shutil.ignore_patterns("__pycache__"))
    (package / "core" / "_leak.py").write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    (package / "cli" / "_leak.py").write_text("def show():\n    from ..ui import main_window\n", encoding="utf-8")

    run = lint_imports(tmp_path)  # the copy comes first on sys.path: lint-imports puts its folder there

    assert run.returncode == 1, run.stdout + run.stderr
    assert "vislab.core imports neither the window, the command line nor Qt BROKEN" in run.stdout
    assert "vislab.core._leak -> PySide6 (l.1)" in run.stdout
    assert "vislab.cli._leak -> vislab.ui.main_window (l.2)" in run.stdout


def test_the_core_does_not_import_matplotlibs_qt_backend():
    # Import Linter sees an external package only as a whole ("matplotlib"); the import's own line says which
    # backend. Imports inside functions count too.
    graph = grimp.build_graph("vislab", include_external_packages=True, cache_dir=None)
    core = {"vislab.core", *graph.find_descendants("vislab.core")}
    offenders = [f"{d['importer']} (l.{d['line_number']}): {d['line_contents']}"
                 for module in sorted(core)
                 for d in graph.get_import_details(importer=module, imported="matplotlib")
                 if "backend_qt" in d["line_contents"]]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    modules = sorted(f"vislab.core.{'.'.join(p.relative_to(CORE).with_suffix('').parts)}".removesuffix(".__init__")
                     for p in CORE.rglob("*.py"))
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "import vislab.cli\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.strip() == "[]"


def test_listing_the_catalog_does_not_import_torch():
    code = ("import sys\nfrom vislab.cli import main\nmain(['models', '--json'])\n"
            "print('torch' in sys.modules, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert run.stderr.strip() == "False"
