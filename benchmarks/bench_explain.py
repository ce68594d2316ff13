"""Explanation cost against one plain forward pass, and the preprocessing preview strip."""

from __future__ import annotations

import numpy as np
import timm
import torch

from vislab.core.explain import explain
from vislab.core.images import read_image
from vislab.core.loading import load_model
from vislab.core.ops import Pipeline
from vislab.resources import resource_path

from ._harness import Result, median_seconds

STRIP = ["grayscale", "equalize", "gaussian_blur:ksize=9", "rotate:angle=20", "canny", "flip",
         "brightness_contrast", "gaussian_noise:sigma=10"]


def _plain_forward(arch: str, tensor: torch.Tensor) -> float:
    """One forward pass of a plain timm model, the way a notebook would run it."""
    model = timm.create_model(arch).eval()
    with torch.inference_mode():
        return median_seconds(lambda: model(tensor))


def run() -> list[Result]:
    photo = read_image(resource_path("samples", "chelsea.png"))
    results = []

    lite0 = load_model("efficientnet_lite0", device="cpu")
    lite0.fast_ready(timeout=300)  # its background export would take the cores from the timings
    plain = _plain_forward("efficientnet_lite0", lite0.pipeline(photo)[None])
    cam = median_seconds(lambda: explain(lite0, photo, "gradcam"), repeat=9)
    results.append(Result("Grad-CAM / forward (EfficientNet-Lite0)", cam / plain, 3.0, "x",
                          f"{cam * 1e3:.0f} ms vs {plain * 1e3:.0f} ms"))

    torch.manual_seed(0)
    vit = load_model("vit_tiny_patch16_224", pretrained=False, device="cpu")
    vit.fast_ready(timeout=300)
    plain = _plain_forward("vit_tiny_patch16_224", vit.pipeline(photo)[None])
    roll = median_seconds(lambda: explain(vit, photo, "rollout"), repeat=9)
    results.append(Result("rollout / forward (ViT-Tiny)", roll / plain, 1.5, "x",
                          f"{roll * 1e3:.0f} ms vs {plain * 1e3:.0f} ms"))

    big = np.ascontiguousarray(np.resize(photo, (3000, 4000, 3)))  # 12 megapixels
    pipeline = Pipeline.parse(STRIP)
    strip = median_seconds(lambda: pipeline.previews(big, max_side=512), repeat=9)
    results.append(Result("8-op preview strip, 12 MP photo", strip * 1e3, 150.0, "ms"))
    return results
