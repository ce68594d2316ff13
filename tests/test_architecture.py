"""vislab/core never imports Qt: it runs and is tested without a display."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "vislab" / "core"


def test_core_sources_do_not_import_qt():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt5|PyQt6|qtpy|shiboken6|matplotlib\.backends\.backend_qt)",
                         re.M)
    offenders = [p.name for p in CORE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    modules = sorted(f"vislab.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")
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
