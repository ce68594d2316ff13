"""Timing helpers: medians after warm-up, and a result row with its goal."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


def median_seconds(fn: Callable[[], object], repeat: int = 15, warmup: int = 3) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass(frozen=True)
class Result:
    """One measured figure and the goal it is held to (``value <= goal`` unless ``higher_is_better``)."""

    name: str
    value: float
    goal: float
    unit: str
    detail: str = ""
    higher_is_better: bool = False

    @property
    def ok(self) -> bool:
        return self.value >= self.goal if self.higher_is_better else self.value <= self.goal

    def to_dict(self) -> dict:
        return asdict(self) | {"ok": self.ok}
