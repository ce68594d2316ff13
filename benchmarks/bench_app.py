"""Figures 5 and 6: the window's start-up and responsiveness, each in a fresh process (offscreen Qt)."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import torch
from torchvision.models import get_model

from vislab.resources import resource_path

from ._harness import Result, run_python
from .bench_image import big_jpeg


def _drive(mode: str, image: Path, folder: Path, *extra: str, cache: str | None = None) -> dict:
    """Run the driver with empty settings and an empty vislab cache (the fast path exports meanwhile), or the
    cache folder ``cache``."""
    env = {"VISLAB_CACHE_DIR": str(folder / (cache or f"cache-{mode}")), "XDG_CONFIG_HOME": str(folder / "config")}
    launched = time.time()
    out = run_python(["-m", "benchmarks._app_driver", mode, repr(launched), str(image),
                      str(folder / f"{mode}.ini"), *extra], env=env)
    return json.loads(out.strip().splitlines()[-1])


def _plain_import(folder: Path) -> float:
    """Seconds for a plain ``python -c "import torch, timm"``: what any torch program pays first."""
    start = time.time()
    run_python(["-c", "import torch, timm"], env={"VISLAB_CACHE_DIR": str(folder)})
    return time.time() - start


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plain = _plain_import(folder)
        startup = _drive("startup", resource_path("samples", "chelsea.png"), folder)
        # A warm cache: the bundled model's export and its torch-free manifest made beforehand.
        run_python(["-m", "vislab.core.prepare", "efficientnet_lite0", ""],
                   env={"VISLAB_CACHE_DIR": str(folder / "cache-warm"), "VISLAB_FAST": "1"}, timeout=900)
        warm = _drive("startup", resource_path("samples", "chelsea.png"), folder, cache="cache-warm")
        weights = folder / "resnet18.pth"
        torch.save(get_model("resnet18").state_dict(), weights)  # random weights: the timing is the same
        responsive = _drive("responsive", big_jpeg(folder, "chelsea.png"), folder, str(weights))
    return [
        Result("start-up: process to window visible", startup.get("visible", float("inf")), 1.0, "s",
               f"python -c 'import torch, timm' alone takes {plain:.2f} s"),
        Result("start-up: process to first prediction", startup.get("first_prediction", float("inf")), 6.0, "s",
               "chelsea.png on the command line, bundled model"),
        Result("start-up, warm cache: first prediction / import torch, timm",
               warm.get("first_prediction", float("inf")) / plain, 0.5, "x",
               f"{warm.get('first_prediction', float('inf')):.2f} s vs {plain:.2f} s; on "
               f"{warm.get('first_backend', '?')}, {'before' if warm.get('before_engine') else 'after'} torch loaded"),
        Result("start-up, warm cache: longest UI-thread gap", warm.get("max_gap_ms:start-up", float("inf")), 50.0, "ms",
               "a 10 ms timer from the window's creation to its first prediction"),
        Result("longest UI-thread gap (10 ms timer)", responsive.get("max_gap_ms:work", float("inf")), 50.0, "ms",
               f"ResNet-18 from a file + classify + Grad-CAM + 8-op strip on a 12 MP JPEG, done in "
               f"{_work_seconds(responsive):.1f} s; during start-up (torch imported on a worker): "
               f"{responsive.get('max_gap_ms:start-up', float('nan')):.0f} ms"),
    ]


def _work_seconds(marks: dict) -> float:
    return max(marks.get(k, float("inf")) for k in ("predictions", "explanation", "previews")) - marks.get("work", 0.0)
