"""Figure 7: classification against the strongest peer, and predictions before torch.

- classify / plain ONNX Runtime: vislab's classify (a decoded photo to its top-5) on the fast path
  (:class:`~vislab.core.model.LoadedModel`) and on the torch-free path (:class:`~vislab.core.instant.InstantModel`),
  against a careful script over the same ONNX file: PIL resize, NumPy normalisation, the same session options.
- classify / plain eager torch (the notebook's loop) and the fraction of the machine's sgemm limit.
- ``vislab classify sample.png`` as a whole process, warm cache, against ``python -c "import torch, timm"``.

Random weights time like real ones; they are written to a file so that the export has a manifest (random
weights made in a process are never recognised by the next).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from vislab.core import fast, instant
from vislab.core.catalog import get_spec
from vislab.core.images import read_image
from vislab.core.libraries import architecture
from vislab.core.loading import load_model
from vislab.resources import resource_path

from ._harness import ROOT, Result, interleaved, sgemm_rate
from .bench_classify import plain_classifier

#: (catalog id, goal over plain eager, goal over plain ONNX Runtime).
MODELS = [("efficientnet_lite0", 0.5, 1.0), ("torchvision/resnet50", 0.7, 1.0), ("vit_small_patch16_224", 0.9, 1.0)]
#: ResNet-50 must reach this fraction of the sgemm limit.
RESNET_LIMIT_GOAL = 0.75
#: ``vislab classify`` (whole process, warm cache) over ``import torch, timm``.
CLI_GOAL = 0.35


def _weights_file(model_id: str, folder: Path) -> Path | None:
    """Random weights in a file for a model without bundled weights (None: the bundled ones)."""
    spec = get_spec(model_id)
    if spec.bundled:
        return None
    from safetensors.torch import save_file

    torch.manual_seed(0)
    path = folder / f"{model_id.replace('/', '--')}.safetensors"
    save_file({k: v.contiguous() for k, v in architecture(spec).state_dict().items()}, path)
    return path


def plain_onnx(path: str, pipeline: instant.Pipeline):
    """The careful script: one ONNX Runtime session (vislab's options), PIL's resize, NumPy's normalisation."""
    session = fast.open_session(Path(path))
    mean, std = np.asarray(pipeline.mean, np.float32), np.asarray(pipeline.std, np.float32)
    resample = instant.FILTERS[pipeline.interpolation]
    crop_h, crop_w = pipeline.crop

    def classify(photo: np.ndarray):
        image = Image.fromarray(photo)
        w, h = image.size
        scale = pipeline.resize / min(w, h)
        image = image.resize((max(pipeline.resize, int(w * scale)), max(pipeline.resize, int(h * scale))), resample)
        left, top = (image.width - crop_w) // 2, (image.height - crop_h) // 2
        array = np.asarray(image.crop((left, top, left + crop_w, top + crop_h)), np.float32) / 255.0
        batch = ((array - mean) / std).transpose(2, 0, 1)[None]
        probs = session.run(["probabilities"], {"input": np.ascontiguousarray(batch)})[0][0]
        return np.argsort(-probs)[:5]

    return classify


def compare(model_id: str, eager_goal: float, onnx_goal: float, photo: np.ndarray, rate: float,
            folder: Path) -> list[Result]:
    weights = _weights_file(model_id, folder)
    model = load_model(model_id, device="cpu", weights=weights)
    if not model.fast_ready(timeout=600):
        return [Result(f"classify / plain ONNX Runtime ({model.spec.name})", float("inf"), onnx_goal, "x",
                       f"no fast path: {model._fast.reason if model._fast else 'off'}")]
    served = instant.open_instant(model_id, weights)
    plain = plain_onnx(served.manifest.export, served.pipeline)
    eager = plain_classifier(model_id)
    # A new array object each time: vislab keeps the model's view of a photo it has seen.
    times = interleaved({"vislab": lambda: model.classify(photo.view(), 5),
                         "torch-free": lambda: served.classify(photo.view(), 5),
                         "plain onnx": lambda: plain(photo), "plain eager": lambda: eager(photo)}, repeat=15)
    name = model.spec.name
    ms = {k: f"{v * 1e3:.1f} ms" for k, v in times.items()}
    limit = 2 * model.spec.gflops * 1e9 / rate
    results = [
        Result(f"classify / plain ONNX Runtime ({name})", times["vislab"] / times["plain onnx"], onnx_goal, "x",
               f"{ms['vislab']} vs {ms['plain onnx']}"),
        Result(f"torch-free classify / plain ONNX Runtime ({name})", times["torch-free"] / times["plain onnx"],
               onnx_goal, "x", f"{ms['torch-free']} vs {ms['plain onnx']}"),
        Result(f"classify / plain eager, fast path ({name})", times["vislab"] / times["plain eager"], eager_goal,
               "x", f"{ms['vislab']} vs {ms['plain eager']}; {limit / times['vislab']:.0%} of the sgemm limit "
               f"({model.spec.gflops:g} GMAC at {rate / 1e9:.0f} GFLOP/s)"),
    ]
    if model_id == "torchvision/resnet50":
        results.append(Result("ResNet-50 classify, fraction of the sgemm limit", limit / times["vislab"],
                              RESNET_LIMIT_GOAL, "", f"{ms['vislab']} for {model.spec.gflops:g} GMAC at "
                              f"{rate / 1e9:.0f} GFLOP/s", higher_is_better=True))
    return results


def _process_seconds(args: list[str], env: dict[str, str], repeat: int = 7) -> dict[str, float]:
    """Median wall time of whole processes, run in turn."""
    commands = {"vislab": [sys.executable, "-m", "vislab", *args],
                "import": [sys.executable, "-c", "import torch, timm"]}
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True, timeout=300)
            times[name].append(time.perf_counter() - start)
    return {k: sorted(v)[len(v) // 2] for k, v in times.items()}


def cli_start(folder: Path) -> Result:
    """``vislab classify chelsea.png`` with the export in the cache, against importing torch and timm."""
    env = os.environ | {"VISLAB_CACHE_DIR": str(folder / "cache"), "PYTHONPATH": str(ROOT)}
    sample = str(resource_path("samples", "chelsea.png"))
    subprocess.run([sys.executable, "-m", "vislab", "classify", sample], cwd=ROOT, env=env, capture_output=True,
                   check=True, timeout=600)  # makes the export (and waits for it, or leaves it in the background)
    deadline = time.monotonic() + 600
    while instant.find("efficientnet_lite0")[0] is None and time.monotonic() < deadline:
        os.environ["VISLAB_CACHE_DIR"] = env["VISLAB_CACHE_DIR"]
        time.sleep(1)
    times = _process_seconds(["classify", sample], env)
    return Result("`vislab classify` process, warm cache / import torch, timm", times["vislab"] / times["import"],
                  CLI_GOAL, "x", f"{times['vislab']:.2f} s vs {times['import']:.2f} s")


def run() -> list[Result]:
    photo = read_image(resource_path("samples", "chelsea.png"))
    rate = sgemm_rate()
    saved = os.environ.get("VISLAB_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="vislab-bench-") as folder:
        try:
            os.environ["VISLAB_CACHE_DIR"] = str(Path(folder) / "cache")
            results = [r for model_id, eager, onnx in MODELS
                       for r in compare(model_id, eager, onnx, photo, rate, Path(folder))]
            results.append(cli_start(Path(folder)))
        finally:
            if saved is None:
                os.environ.pop("VISLAB_CACHE_DIR", None)
            else:
                os.environ["VISLAB_CACHE_DIR"] = saved
    return results


if __name__ == "__main__":
    for result in run():
        print(result)
