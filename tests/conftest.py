"""Shared fixtures. Tests never use the network nor the user's real caches and settings."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports torch or huggingface_hub: private, empty download caches and no network.
_CACHE = Path(tempfile.mkdtemp(prefix="vislab-test-cache-"))
os.environ["TORCH_HOME"] = str(_CACHE / "torch")
os.environ["HF_HOME"] = str(_CACHE / "huggingface")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["VISLAB_CACHE_DIR"] = str(_CACHE / "vislab")
# Models stay on torch unless a test turns the ONNX Runtime fast path on (tests/core/test_fast.py): a
# background export after every load would double the suite's time on two cores.
os.environ["VISLAB_FAST"] = "0"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def cat() -> Path:
    return SAMPLES / "chelsea.png"


@pytest.fixture(scope="session")
def lite0():
    """The bundled EfficientNet-Lite0 with its real ImageNet weights, on the CPU."""
    from vislab.core.inference import load_model

    return load_model("efficientnet_lite0", device="cpu")
