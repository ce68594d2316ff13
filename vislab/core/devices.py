"""The devices a model can run on here: the CPU always, CUDA GPUs and Apple's MPS when present."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import torch

from .errors import DeviceError


def available_devices() -> list[str]:
    """Device names that exist on this machine, best last: ``cpu``, ``cuda:0``..., ``mps``."""
    names = ["cpu"]
    if torch.cuda.is_available():
        names += [f"cuda:{i}" for i in range(torch.cuda.device_count())]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        names.append("mps")
    return names


def describe_device(name: str) -> str:
    """A device name in words, e.g. ``cuda:0 (NVIDIA H100)``."""
    if name.startswith("cuda"):
        return f"{name} ({torch.cuda.get_device_name(torch.device(name))})"
    return {"cpu": "CPU", "mps": "Apple GPU (MPS)"}.get(name, name)


def resolve_device(name: str | torch.device | None = "auto") -> torch.device:
    """``auto`` (or None) picks the first GPU, else the CPU; any other name must exist here.

    Raises:
        DeviceError: the device is unknown or not present, naming the ones that are.
    """
    devices = available_devices()
    if name is None or str(name) == "auto":
        return torch.device(next((d for d in devices if d != "cpu"), "cpu"))
    text = str(name).strip().lower()
    if text == "cuda":
        text = "cuda:0"
    if text == "gpu":
        text = next((d for d in devices if d != "cpu"), "gpu")
    if text not in devices:
        raise DeviceError(f"device {str(name)!r} is not available here; available: {', '.join(devices)}, auto")
    return torch.device(text)


@cache
def physical_cores() -> int:
    """Physical CPU cores this process may use (hyper-threads share a core's arithmetic units)."""
    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    cores = set()
    for cpu in allowed:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            cores.add(((topology / "physical_package_id").read_text().strip(),
                       (topology / "core_id").read_text().strip()))
        except OSError:
            cores.add(("cpu", str(cpu)))
    return max(1, len(cores) or os.cpu_count() or 1)


def use_physical_cores() -> int:
    """Run torch on one thread per physical core; returns the number of threads."""
    threads = physical_cores()
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    return threads
