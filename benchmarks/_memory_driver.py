"""Memory in a process of its own (see bench_memory): ``python -m benchmarks._memory_driver vislab|plain``.

``vislab`` loads three models into the shared cache (each with its ONNX Runtime session), then a fourth;
``plain`` builds the same three models with their libraries and runs each once. Prints one JSON object of
resident set sizes in megabytes.
"""

from __future__ import annotations

import gc
import json
import sys

import torch

THREE = ["efficientnet_lite0", "torchvision/resnet50", "vit_small_patch16_224"]
FOURTH = "convnext_tiny"


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _vislab() -> dict:
    from vislab.core import engine

    cache = engine.models()
    for model_id in THREE:
        cache.get(model_id, device="cpu", pretrained=model_id == "efficientnet_lite0").fast_ready(300)
    three = {"rss_three": _status_mb("VmRSS"), "peak_three": _status_mb("VmHWM")}
    cache.get(FOURTH, device="cpu", pretrained=False).fast_ready(300)
    gc.collect()
    return three | {"rss_four": _status_mb("VmRSS"), "peak_four": _status_mb("VmHWM"), "held": len(cache.loaded()),
                    "backends": [m.backend for m in cache.loaded()]}


def _plain() -> dict:
    import timm
    from torchvision.models import get_model

    models = [timm.create_model("efficientnet_lite0"), get_model("resnet50"),
              timm.create_model("vit_small_patch16_224")]
    with torch.inference_mode():
        for model in models:
            model.eval()(torch.zeros(1, 3, 224, 224))
    return {"rss_three": _status_mb("VmRSS"), "peak_three": _status_mb("VmHWM")}


if __name__ == "__main__":
    print(json.dumps(_vislab() if sys.argv[1] == "vislab" else _plain()))
