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


def build_photo_folder(root: Path, *, labelled: bool = True) -> Path:
    """A real folder of photos made from the bundled samples: crops, flips, resizes, and a few unreadable files.

    Labelled (one subfolder per class, as torchvision's ImageFolder): ``tabby/`` (the cat and five variants,
    a damaged JPEG), ``espresso/`` (the coffee and two variants), ``657/`` (the rocket, by class index, and its
    flip), ``people/`` (no ImageNet class: the astronaut, Grace Hopper, an empty PNG). 15 files, 13 readable.
    Flat: the same files directly in ``root``.
    """
    from PIL import Image

    def place(label: str, name: str) -> Path:
        folder = root / label if labelled else root
        folder.mkdir(parents=True, exist_ok=True)
        return folder / (name if labelled else f"{label}_{name}")

    cat = Image.open(SAMPLES / "chelsea.png").convert("RGB")
    coffee = Image.open(SAMPLES / "coffee.png").convert("RGB")
    rocket = Image.open(SAMPLES / "rocket.jpg").convert("RGB")
    w, h = cat.size
    cat.save(place("tabby", "chelsea.png"))
    cat.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(place("tabby", "chelsea_flipped.png"))
    cat.resize((w // 2, h // 2), Image.Resampling.BICUBIC).save(place("tabby", "chelsea_small.jpg"), quality=92)
    cat.crop((w // 8, 0, w - w // 8, h)).save(place("tabby", "chelsea_crop.png"))
    cat.resize((w * 2, h * 2), Image.Resampling.BICUBIC).save(place("tabby", "chelsea_large.jpg"), quality=90)
    cat.rotate(8, expand=False).save(place("tabby", "chelsea_rotated.png"))
    place("tabby", "damaged.jpg").write_bytes((SAMPLES / "rocket.jpg").read_bytes()[:600])
    coffee.save(place("espresso", "coffee.png"))
    coffee.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(place("espresso", "coffee_flipped.jpg"), quality=92)
    coffee.crop((40, 40, coffee.width - 40, coffee.height - 40)).save(place("espresso", "coffee_crop.png"))
    rocket.save(place("657", "rocket.jpg"), quality=92)
    rocket.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(place("657", "rocket_flipped.jpg"), quality=92)
    shutil.copy(SAMPLES / "astronaut.png", place("people", "astronaut.png"))
    shutil.copy(SAMPLES / "grace_hopper.jpg", place("people", "grace_hopper.jpg"))
    place("people", "empty.png").write_bytes(b"")
    place("people", "notes.txt").write_text("not a photo, and not picked up")
    return root


@pytest.fixture
def photo_folder(tmp_path: Path) -> Path:
    """A labelled folder of 15 photo files (13 readable) from the samples; see :func:`build_photo_folder`."""
    return build_photo_folder(tmp_path / "photos")


@pytest.fixture
def make_photo_folder():
    """:func:`build_photo_folder` itself, for a test that needs a flat folder or more than one."""
    return build_photo_folder
