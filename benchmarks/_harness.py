"""Timing helpers: medians after warm-up, interleaved comparisons, the machine's matrix-multiply rate, and a
result row with its goal."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(fn: Callable[[], object], repeat: int = 15, warmup: int = 3) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs after ``warmup`` untimed ones."""
    return interleaved({"fn": fn}, repeat, warmup)["fn"]


def interleaved(fns: dict[str, Callable[[], object]], repeat: int = 15, warmup: int = 3) -> dict[str, float]:
    """Median wall time of each function, run in turn (a, b, a, b...) so that a busy moment on a shared
    machine weighs on both sides of a ratio alike."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def sgemm_rate(size: int = 2048) -> float:
    """Single-precision matrix-multiply peak of torch here, in FLOP/s: the most a forward pass can reach."""
    import torch

    a, b = torch.randn(size, size), torch.randn(size, size)
    times = []
    for _ in range(12):
        start = time.perf_counter()
        _ = a @ b
        times.append(time.perf_counter() - start)
    return 2 * size**3 / min(times)  # the peak: the fastest run, least disturbed by other work


def run_python(args: list[str], env: dict[str, str] | None = None, timeout: float = 300) -> str:
    """Run ``python -m benchmarks.<module> args`` from the checkout, returning its standard output."""
    full_env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"} | (env or {})
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


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
