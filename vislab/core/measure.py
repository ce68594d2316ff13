"""Timing catalog models on this machine, one at a time.

How long a forward pass takes depends on the architecture, the input size and the machine, not on the
weight values. So :func:`measure_latency` times every catalog architecture: with its pretrained weights
when they are already here (bundled or cached, never downloaded), else with random weights; the
:class:`Measurement` says which. Each model is built, warmed up, timed and freed, so measuring the whole
catalog holds one model in memory at a time and leaves the shared model cache alone.
"""

from __future__ import annotations

import gc
import statistics
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .catalog import get_spec
from .errors import MeasurementCancelled, check_cancel

#: Forward passes run before timing starts: the first ones allocate memory and pick kernels.
WARM_UP_PASSES = 2


@dataclass(frozen=True)
class Measurement:
    """One model's latency on this machine.

    Attributes:
        model_id: the catalog id.
        latency: median seconds for one image's forward pass.
        weights: the weights it was timed with: ``bundled``, ``pretrained`` or ``random``.
        best: the fastest of the timed passes, in seconds.
        device: where it ran.
        passes: how many passes were timed.
    """

    model_id: str
    latency: float
    weights: str
    best: float = 0.0
    device: str = "cpu"
    passes: int = 0


def measure_latency(model_id: str, *, device: str = "cpu", passes: int = 5,
                    cancel: threading.Event | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Measurement:
    """Build ``model_id``, warm it up, time ``passes`` forward passes on one blank image, free it.

    Args:
        model_id: a catalog id.
        device: where to run (``cpu`` gives comparable figures on any machine).
        passes: timed forward passes; the median is the latency.
        cancel: set it to stop between passes.
        progress: called with (passes done, passes in all), warm-up included.

    Raises:
        UnknownModelError: ``model_id`` is not in the catalog.
        MeasurementCancelled: ``cancel`` was set.
    """
    if passes < 1:
        raise ValueError(f"passes must be at least 1, not {passes}")
    import torch

    from .building import build_module
    from .devices import resolve_device
    from .libraries import library
    from .weights import WeightsStatus, weights_status

    spec = get_spec(model_id)
    target = resolve_device(device)
    _check(cancel, spec.name)
    here = weights_status(spec) in (WeightsStatus.BUNDLED, WeightsStatus.CACHED)
    module, weights = build_module(spec, pretrained=here, cancel=cancel)
    try:
        module.eval().requires_grad_(False).to(target)
        h, w = library(spec).input_pipeline(spec).crop
        blank = torch.zeros(1, 3, h, w, device=target)
        total = WARM_UP_PASSES + passes
        times: list[float] = []
        with torch.inference_mode():
            for done in range(total):
                _check(cancel, spec.name)
                start = time.perf_counter()
                module(blank)
                if target.type == "cuda":
                    torch.cuda.synchronize(target)
                if done >= WARM_UP_PASSES:
                    times.append(time.perf_counter() - start)
                if progress is not None:
                    progress(done + 1, total)
    finally:
        del module
        gc.collect()
    return Measurement(model_id, statistics.median(times), weights, min(times), str(target), passes)


def measure_all(model_ids: Iterable[str], *, on_result: Callable[[int, int, Measurement], None] | None = None,
                cancel: threading.Event | None = None, device: str = "cpu",
                passes: int = 5) -> list[Measurement]:
    """:func:`measure_latency` for each model in turn; ``on_result(index, total, measurement)`` after each.

    Stops before the next model once ``cancel`` is set and returns what was measured so far.
    """
    ids = list(model_ids)
    results: list[Measurement] = []
    for index, model_id in enumerate(ids):
        try:
            _check(cancel, model_id)
            result = measure_latency(model_id, device=device, passes=passes, cancel=cancel)
        except MeasurementCancelled:
            break
        results.append(result)
        if on_result is not None:
            on_result(index, len(ids), result)
    return results


def _check(cancel: threading.Event | None, name: str) -> None:
    check_cancel(cancel, MeasurementCancelled, f"measuring {name} was cancelled")
