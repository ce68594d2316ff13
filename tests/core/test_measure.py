"""Timing models on this machine: real weights when they are here, random ones otherwise; cancel stops."""

from __future__ import annotations

import threading

import pytest

from vislab.core.errors import UnknownModelError
from vislab.core.measure import Measurement, MeasurementCancelled, measure_all, measure_latency


def test_the_bundled_model_is_timed_with_its_own_weights():
    steps: list[tuple[int, int]] = []
    result = measure_latency("efficientnet_lite0", passes=2, progress=lambda done, total: steps.append((done, total)))
    assert result.model_id == "efficientnet_lite0" and result.weights == "bundled"
    assert 0 < result.best <= result.latency < 10
    assert result.device == "cpu" and result.passes == 2
    assert steps[-1][0] == steps[-1][1] == len(steps)


def test_a_model_without_weights_here_is_timed_with_random_weights():
    result = measure_latency("torchvision/resnet18", passes=1)
    assert result.weights == "random" and result.latency > 0


def test_cancel_stops_before_the_next_model():
    cancel = threading.Event()
    seen: list[tuple[int, int, Measurement]] = []

    def on_result(index: int, total: int, measurement: Measurement) -> None:
        seen.append((index, total, measurement))
        cancel.set()

    results = measure_all(["efficientnet_lite0", "torchvision/resnet18"], on_result=on_result, cancel=cancel,
                          passes=1)
    assert [m.model_id for m in results] == ["efficientnet_lite0"]
    assert [(i, t) for i, t, _ in seen] == [(0, 2)]


def test_a_cancelled_measurement_says_so():
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(MeasurementCancelled, match="EfficientNet-Lite0"):
        measure_latency("efficientnet_lite0", cancel=cancel)


def test_bad_arguments_are_refused():
    with pytest.raises(UnknownModelError):
        measure_latency("no_such_model")
    with pytest.raises(ValueError, match="0"):
        measure_latency("efficientnet_lite0", passes=0)
