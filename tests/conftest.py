"""Shared fixtures. Tests never use the network nor the user's real caches and settings."""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

#: The real user's config folder, which no test may write to (tests/test_guards.py checks it).
USER_CONFIG = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config").expanduser()

# Before anything imports torch, huggingface_hub, matplotlib or Qt: one private folder for the session, removed
# at its end, holding every cache, config and data folder (nothing depends on the real home) and no network.
_HOME = Path(tempfile.mkdtemp(prefix="vislab-tests-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
_CACHE = _HOME / "cache"
for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"),
                         ("XDG_STATE_HOME", "state")):
    os.environ[variable] = str(_HOME / folder)
os.environ["TORCH_HOME"] = str(_CACHE / "torch")
os.environ["HF_HOME"] = str(_CACHE / "huggingface")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["VISLAB_CACHE_DIR"] = str(_CACHE / "vislab")
os.environ["VISLAB_DATA_DIR"] = str(_HOME / "data" / "vislab")  # the collection store
# Models stay on torch unless a test turns the ONNX Runtime fast path on (tests/core/test_fast.py): a
# background export after every load would double the suite's time on two cores.
os.environ["VISLAB_FAST"] = "0"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(scope="session", autouse=True)
def settings_dir() -> Path:
    """Every QSettings, whatever its format and scope, reads and writes under a private folder: ``Settings()``
    with no store (the real user's ``QSettings("vislab", "vislab")``) included. Set before any test runs; PySide6
    only when it is installed, so the core's tests run without it."""
    folder = _HOME / "settings"
    if importlib.util.find_spec("PySide6") is not None:
        from PySide6.QtCore import QSettings

        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
                QSettings.setPath(fmt, scope, str(folder / scope.name))
    return folder


@pytest.fixture(scope="session")
def user_config_dir() -> Path:
    """The real user's config folder: what the tests must leave alone."""
    return USER_CONFIG


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def cat() -> Path:
    return SAMPLES / "chelsea.png"


@pytest.fixture(scope="session")
def lite0():
    """The bundled EfficientNet-Lite0 with its real ImageNet weights, on the CPU."""
    from vislab.core.loading import load_model

    return load_model("efficientnet_lite0", device="cpu")


@pytest.fixture(scope="session")
def nan_weights(tmp_path_factory) -> Path:
    """An EfficientNet-Lite0 weights file (random weights) with one NaN in its classifier: every answer is NaN."""
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    torch.manual_seed(0)
    state = architecture(get_spec("efficientnet_lite0")).state_dict()
    state["classifier.weight"][0, 0] = float("nan")
    path = tmp_path_factory.mktemp("weights") / "damaged.pth"
    torch.save(state, path)
    return path
