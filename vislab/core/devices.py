"""The devices a model can run on here: the CPU always, CUDA GPUs and Apple's MPS when present."""

from __future__ import annotations

import torch

from .errors import DeviceError
from .fast import physical_cores


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


def use_physical_cores() -> int:
    """Run torch on one thread per physical core; returns the number of threads."""
    threads = physical_cores()
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    return threads
