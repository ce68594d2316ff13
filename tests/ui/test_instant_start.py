"""The window's first prediction before torch: the bundled model's export and manifest in the cache answer it,
and the engine (torch) starts after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from vislab.core import _onnx, fast, instant
from vislab.core.loading import load_model

WINDOW = textwrap.dedent("""
    import json, sys, time
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from vislab.ui.app import create_window
    from vislab.ui.settings import Settings

    app = QApplication([])
    window = create_window([sys.argv[1]], Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    seen = {}

    def predicted(result):
        if not seen:
            seen.update(torch="torch" in sys.modules, engine=window.session.engine_ready, backend=result.backend,
                        torch_free=result.torch_free, label=result.items[0].label)
            if result.torch_free:  # the engine is asked to start once the prediction is drawn
                QTimer.singleShot(200, lambda: (seen.update(later=not window.session._engine_deferred), app.quit()))
            else:
                app.quit()

    window.session.feed("classify").ready.connect(predicted)
    window.show()
    QTimer.singleShot(240_000, app.quit)
    app.exec()
    print(json.dumps(seen), flush=True)
    import os
    os._exit(0)  # the engine may still be importing: no interpreter shutdown under it
""")


@pytest.fixture
def warm_cache(tmp_path, monkeypatch):
    """The bundled model exported, with its manifest, into a private cache."""
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", False)
    monkeypatch.setenv("VISLAB_CACHE_DIR", str(tmp_path / "cache"))
    fast.set_enabled(True)
    try:
        model = load_model("efficientnet_lite0", device="cpu", fast_path=True)
        assert model.fast_ready(timeout=300), model._fast.reason
    finally:
        fast.set_enabled(None)
    assert instant.find("efficientnet_lite0")[0] is not None
    return tmp_path / "cache"


def test_the_first_prediction_comes_before_torch_is_imported(warm_cache, tmp_path, cat):
    env = os.environ | {"VISLAB_CACHE_DIR": str(warm_cache), "VISLAB_FAST": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WINDOW, str(cat), str(tmp_path / "settings.ini")], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["label"] == "tabby, tabby cat"
    assert seen["torch_free"] and seen["backend"] == "onnx"
    assert seen["torch"] is False and seen["engine"] is False  # torch was not even imported yet
    assert seen.get("later") is True  # and the engine started after it


def test_without_an_export_the_engine_starts_at_once(tmp_path, cat):
    env = os.environ | {"VISLAB_CACHE_DIR": str(tmp_path / "empty"), "VISLAB_FAST": "1",
                        "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WINDOW, str(cat), str(tmp_path / "settings.ini")], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["label"] == "tabby, tabby cat"
    assert not seen["torch_free"] and seen["torch"] is True
