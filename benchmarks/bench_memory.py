"""Figure 7: peak memory with three models loaded, and the cache bound when a fourth is loaded."""

from __future__ import annotations

import json
import tempfile

from ._harness import Result, run_python


def _measure(kind: str, cache: str) -> dict:
    out = run_python(["-m", "benchmarks._memory_driver", kind], env={"VISLAB_CACHE_DIR": cache})
    return json.loads(out.strip().splitlines()[-1])


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as cache:
        plain = _measure("plain", cache)
        vislab = _measure("vislab", cache)
    return [
        Result("peak RSS, 3 models / plain script", vislab["peak_three"] / plain["peak_three"], 2.5, "x",
               f"{vislab['peak_three']:.0f} MB vs {plain['peak_three']:.0f} MB (Lite0, ResNet-50, ViT-S/16; "
               f"each also held by ONNX Runtime)"),
        Result("models held after a 4th is loaded", vislab["held"], 3, "",
               f"RSS {vislab['rss_three']:.0f} MB with 3, {vislab['rss_four']:.0f} MB after the 4th "
               f"(ConvNeXt-Tiny); peak {vislab['peak_four']:.0f} MB; backends {', '.join(vislab['backends'])}"),
    ]
