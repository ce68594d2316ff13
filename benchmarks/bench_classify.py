"""Figure 1: classify latency, vislab over a plain torch/timm script on the same image and model."""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image

from vislab.core.catalog import get_spec
from vislab.core.images import read_image
from vislab.core.loading import load_model
from vislab.resources import resource_path

from ._harness import Result, interleaved, sgemm_rate

#: (catalog id, goal for vislab's time over plain eager). Random weights time like real ones.
MODELS = [("efficientnet_lite0", 0.35), ("torchvision/resnet50", 0.5), ("vit_small_patch16_224", 0.8)]


def plain_classifier(model_id: str):
    """What a notebook would write: the library's model and transform, eager, top-5 of the softmax."""
    spec = get_spec(model_id)
    if spec.source == "timm":
        import timm
        from timm.data import create_transform, resolve_data_config

        model = timm.create_model(spec.arch).eval()
        transform = create_transform(**resolve_data_config(model=model))

        def prepare(image: np.ndarray) -> torch.Tensor:
            return transform(Image.fromarray(image))
    else:
        from torchvision.models import get_model, get_weight

        model = get_model(spec.arch).eval()
        transform = get_weight(spec.weights).transforms()

        def prepare(image: np.ndarray) -> torch.Tensor:
            return transform(torch.from_numpy(image).permute(2, 0, 1))

    def classify(image: np.ndarray):
        with torch.inference_mode():
            return model(prepare(image)[None]).softmax(-1).topk(5)

    return classify


def compare(model_id: str, goal: float, photo: np.ndarray, rate: float) -> Result:
    """vislab's classify against the plain script for one model, timed in turn."""
    torch.manual_seed(0)
    model = load_model(model_id, device="cpu", pretrained=get_spec(model_id).bundled)
    model.fast_ready(timeout=300)
    plain = plain_classifier(model_id)
    # A new array object each time: vislab keeps the model's view of a photo it has seen, and that would
    # time a cache lookup, not a classification.
    times = interleaved({"vislab": lambda: model.classify(photo.view(), 5), "plain": lambda: plain(photo)},
                        repeat=21)
    limit = 2 * model.spec.gflops * 1e9 / rate
    return Result(f"classify / plain eager ({model.spec.name})", times["vislab"] / times["plain"], goal, "x",
                  f"{times['vislab'] * 1e3:.1f} ms vs {times['plain'] * 1e3:.1f} ms, on {model.backend}; the limit "
                  f"({model.spec.gflops:g} GMAC at {rate / 1e9:.0f} GFLOP/s sgemm) is {limit * 1e3:.1f} ms: "
                  f"{limit / times['vislab']:.0%} of it reached")


def run() -> list[Result]:
    photo = read_image(resource_path("samples", "chelsea.png"))
    rate = sgemm_rate()
    return [compare(model_id, goal, photo, rate) for model_id, goal in MODELS]
