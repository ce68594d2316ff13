"""The command line as a frozen app runs it (build_app.spec): no ``python -m`` child to export a model in, so the
export runs on a thread of the command's own process, which must not end under it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

FROZEN_CLASSIFY = textwrap.dedent("""
    import sys
    from vislab.core import _onnx
    _onnx.EXPORT_IN_CHILD = False  # as in a frozen app (sys.frozen)
    from vislab.cli import main
    sys.exit(main(["classify", sys.argv[1], "--json"]))
""")


def test_a_frozen_classify_answers_then_finishes_its_export_before_it_exits(cat, tmp_path):
    env = os.environ | {"VISLAB_FAST": "1", "VISLAB_CACHE_DIR": str(tmp_path / "cache"),
                        "VISLAB_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", FROZEN_CLASSIFY, str(cat)], capture_output=True, text=True,
                          env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr  # leaving during the export aborted the process (status -6)
    assert '"label": "tabby, tabby cat"' in done.stdout
    assert list((tmp_path / "cache").rglob("*.onnx")), "the export was left unfinished"
