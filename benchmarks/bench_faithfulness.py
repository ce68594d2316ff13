"""Faithfulness scores: deletion + insertion (20 steps) against one forward pass, batched and on the fast path;
and how much slower ROAD is."""

from __future__ import annotations

import torch

from vislab.core.explain import explain
from vislab.core.faithfulness import DEFAULT_STEPS, curves, road
from vislab.core.images import read_image
from vislab.core.loading import load_model
from vislab.resources import resource_path

from ._harness import Result, interleaved, median_seconds


def run() -> list[Result]:
    photo = read_image(resource_path("samples", "chelsea.png"))
    lite0 = load_model("efficientnet_lite0", device="cpu")
    lite0.fast_ready(timeout=300)  # the curves' forward passes on ONNX Runtime, as the window and CLI run them
    cam = explain(lite0, photo, "gradcam")
    tensor = lite0.pipeline.to_tensor(cam.view)
    one = tensor[None]
    batch = tensor[None].repeat(DEFAULT_STEPS + 1, 1, 1, 1)  # one curve's images
    times = interleaved({"one": lambda: lite0.forward(one), "batch": lambda: lite0.forward(batch),
                         "curves": lambda: curves(lite0, tensor, cam.heatmap, cam.target, DEFAULT_STEPS)}, repeat=7)
    backend = lite0.backend
    two_batches = 2 * times["batch"]
    results = [
        Result(f"deletion + insertion ({DEFAULT_STEPS} steps) / one forward (Lite0, {backend})",
               times["curves"] / times["one"], 3.0, "x",
               f"{times['curves'] * 1e3:.0f} ms vs {times['one'] * 1e3:.1f} ms for one image: "
               f"{2 * (DEFAULT_STEPS + 1)} images in two batched passes"),
        Result("deletion + insertion / its two batched forwards", times["curves"] / two_batches, 1.25, "x",
               f"{times['curves'] * 1e3:.0f} ms vs 2 x {times['batch'] * 1e3:.0f} ms (batches of "
               f"{DEFAULT_STEPS + 1})"),
    ]
    with torch.random.fork_rng(devices=[]):
        seconds = median_seconds(lambda: road(lite0, tensor, cam.heatmap, cam.target), repeat=3, warmup=1)
    results.append(Result("ROAD (4 percentiles, MoRF + LeRF) / deletion + insertion", seconds / times["curves"],
                          float("inf"), "x", f"{seconds:.2f} s vs {times['curves']:.2f} s: reported, no goal"))
    return results
