"""Building catalog models with their weights, and keeping the few most recently used ones loaded.

:func:`load_model` builds a catalog model with its weights (bundled, cached, downloaded, a local file,
or random for tests and teaching) on a device, as a :class:`~vislab.core.model.LoadedModel`.
:class:`ModelCache` keeps the few most recently used models loaded and shares a load between threads that
ask for the same model at once.
"""

from __future__ import annotations

__all__ = ["DEFAULT_CACHE_SIZE", "TRAINED_PREFIX", "ModelCache", "build_module", "load_model"]

import threading
import time
from collections import OrderedDict
from pathlib import Path

import torch

from .building import build_module
from .catalog import get_spec
from .devices import resolve_device, use_physical_cores
from .errors import Cancelled, DeviceError, WeightsError
from .libraries import library
from .model import LoadedModel
from .weights import ProgressCallback

#: The id prefix of models trained in vislab (see :mod:`vislab.core.teach.model_file`).
TRAINED_PREFIX = "trained/"
#: How many models :class:`ModelCache` keeps loaded at once by default.
DEFAULT_CACHE_SIZE = 3


def load_model(model_id: str, *, weights: str | Path | None = None, device: str | torch.device = "auto",
               pretrained: bool = True, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None, fast_path: bool | None = None) -> LoadedModel:
    """Build catalog model ``model_id`` with its weights on ``device``, ready to classify.

    A model trained in vislab (a ``.safetensors`` file of :mod:`vislab.core.teach.model_file`) given as
    ``weights`` is loaded from that file alone, whatever ``model_id`` says.

    ``fast_path`` False keeps the model on torch; None follows :func:`vislab.core.fast.enabled`. The fast
    path is prepared in the background: :meth:`LoadedModel.fast_ready` waits for it.

    Raises:
        UnknownModelError, WeightsError, WeightsUnavailableError, DeviceError: with a message that
            names the model, file or device and the reason.
    """
    if weights is not None and (model_id.startswith(TRAINED_PREFIX) or Path(weights).suffix == ".safetensors"):
        from .teach.model_file import is_trained_file, load_trained

        if is_trained_file(weights):  # the file names its base model and classes: ``model_id`` is not needed
            return load_trained(weights, device=device, progress=progress, cancel=cancel)
    spec = get_spec(model_id)
    target = resolve_device(device)
    use_physical_cores()
    start = time.perf_counter()
    lib = library(spec)
    module, origin = build_module(spec, weights, pretrained=pretrained, progress=progress, cancel=cancel)
    # Explanations take gradients with respect to activations, never weights: no weight gradients are
    # computed or stored, which halves the cost of a backward pass.
    module.eval().requires_grad_(False)
    try:
        module.to(target)
    except (RuntimeError, AssertionError) as exc:
        raise DeviceError(f"could not put {spec.name} on {target}: {exc}") from None
    model = LoadedModel(spec, module, lib.input_pipeline(spec), target, origin, lib.labels(spec))
    model.warm_up()
    model.load_seconds = time.perf_counter() - start
    if fast_path is not False:
        model.start_fast_path()
    return model


def _weights_key(weights: str | Path | None) -> tuple:
    if weights is None:
        return ()
    path = Path(weights).expanduser().resolve()
    try:
        stat = path.stat()
    except OSError:
        raise WeightsError(f"{weights}: no such file") from None
    return (str(path), stat.st_size, stat.st_mtime_ns)


class _PendingLoad:
    """One load in progress, which other threads asking for the same model wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.model: LoadedModel | None = None
        self.error: BaseException | None = None


class ModelCache:
    """The most recently used models, at most ``max_models`` of them, keyed by (id, weights, device).

    Two threads asking for the same model at once share one load.
    """

    def __init__(self, max_models: int = DEFAULT_CACHE_SIZE) -> None:
        if max_models < 1:
            raise ValueError(f"max_models must be at least 1, not {max_models}")
        self.max_models = max_models
        self._models: OrderedDict[tuple, LoadedModel] = OrderedDict()
        self._pending: dict[tuple, _PendingLoad] = {}
        self._lock = threading.Lock()

    def get(self, model_id: str, *, weights: str | Path | None = None, device: str | torch.device = "auto",
            pretrained: bool = True, progress: ProgressCallback | None = None,
            cancel: threading.Event | None = None) -> LoadedModel:
        """The loaded model, from the cache or loaded now (see :func:`load_model`)."""
        get_spec(model_id)
        key = (model_id, _weights_key(weights), str(resolve_device(device)), pretrained)
        while True:
            with self._lock:
                if key in self._models:
                    self._models.move_to_end(key)
                    return self._models[key]
                pending = self._pending.get(key)
                owner = pending is None
                if owner:
                    pending = self._pending[key] = _PendingLoad()
            if owner:
                break
            pending.done.wait()
            if pending.error is None:
                return pending.model
            if isinstance(pending.error, Cancelled) and not (cancel is not None and cancel.is_set()):
                continue  # the thread that was loading it was stopped, this one was not: load it here
            raise pending.error
        try:
            pending.model = load_model(model_id, weights=weights, device=device, pretrained=pretrained,
                                       progress=progress, cancel=cancel)
        except BaseException as exc:
            pending.error = exc
            raise
        finally:
            with self._lock:
                del self._pending[key]
                if pending.model is not None:
                    self._models[key] = pending.model
                    while len(self._models) > self.max_models:
                        self._models.popitem(last=False)
            pending.done.set()
        return pending.model

    def loaded(self) -> list[LoadedModel]:
        """The models held now, least recently used first."""
        with self._lock:
            return list(self._models.values())
