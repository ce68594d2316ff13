"""Loading catalog models and classifying images with them.

:func:`load_model` builds a catalog model with its weights (bundled, cached, downloaded, a local file,
or random for tests and teaching) on a device. A :class:`LoadedModel` classifies images, batches of
images, and returns the pre-logits embedding. :class:`ModelCache` keeps the few most recently used models
loaded and shares a load between threads that ask for the same model at once.

Forward passes that need no gradient run on ONNX Runtime once the model's fast path is ready (see
:mod:`vislab.core.fast`); torch serves until then, and always for explanations.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

import numpy as np
import torch

from . import _onnx, fast
from .catalog import ModelSpec, get_spec
from .devices import resolve_device, use_physical_cores
from .errors import DeviceError, VislabError, WeightsError
from .images import read_image
from .preprocess import InputPipeline, input_pipeline
from .weights import ProgressCallback, fetch_pretrained, load_checked, map_bundled, read_state_dict

T = TypeVar("T")

#: How many models :class:`ModelCache` keeps loaded at once by default.
DEFAULT_CACHE_SIZE = 3


@dataclass(frozen=True)
class Prediction:
    """One class of a top-k answer."""

    index: int
    label: str
    probability: float

    def to_dict(self) -> dict:
        return {"index": self.index, "label": self.label, "probability": self.probability}


@dataclass
class LoadedModel:
    """A catalog model ready to run, with its input pipeline and class names.

    Attributes:
        spec: the catalog entry.
        module: the torch module, in eval mode, on :attr:`device`.
        pipeline: the input pipeline its weights expect.
        device: where it runs.
        weights: where the weights came from: ``bundled``, ``pretrained``, ``random``, a file path, or
            ``randomised (...)`` for :meth:`randomized` copies.
        labels: the 1000 ImageNet class names, from the model's library.
        load_seconds: how long building and loading took.
        latency: seconds for one image's forward pass here, measured when the model was loaded (and again
            when its fast path is ready).
    """

    spec: ModelSpec
    module: torch.nn.Module
    pipeline: InputPipeline
    device: torch.device
    weights: str
    labels: tuple[str, ...]
    load_seconds: float = 0.0
    latency: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _embedding: list = field(default_factory=list, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _memo_building: dict = field(default_factory=dict, repr=False)
    _fast: _onnx.FastPath | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        classifier = self.module.get_submodule(self.spec.classifier)
        classifier.register_forward_pre_hook(self._keep_embedding)

    @property
    def lock(self) -> threading.Lock:
        """Held while the module runs: hooks added for an explanation must not see other requests."""
        return self._lock

    def _keep_embedding(self, _module, args) -> None:
        self._embedding[:] = [args[0].detach()]

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """A helper object built once per model (an attention extractor, a randomised copy).

        Each key is built under a lock of its own, never under the one that guards the table: a helper
        built while the model runs (the feature-layer probe takes :attr:`lock`) would otherwise wait on a
        thread that holds :attr:`lock` and asks for another helper (the attention extractor).
        """
        with self._memo_lock:
            if key in self._memo:
                return self._memo[key]
            building = self._memo_building.setdefault(key, threading.Lock())
        with building:
            with self._memo_lock:
                if key in self._memo:  # built meanwhile by the thread we waited for
                    return self._memo[key]
            value = make()
            with self._memo_lock:
                self._memo[key] = value
            return value

    def randomized(self, seed: int = 0) -> LoadedModel:
        """The same architecture with freshly initialised weights (the Adebayo et al. 2018 sanity check:
        an explanation that survives randomising the weights explains nothing about them)."""
        def make() -> LoadedModel:
            with torch.random.fork_rng(devices=[]):
                torch.manual_seed(seed)
                module = _architecture(self.spec)  # the library's own initialisation
            module.eval().requires_grad_(False).to(self.device)
            return LoadedModel(self.spec, module, self.pipeline, self.device, f"randomised ({self.weights})",
                               self.labels)

        return self.memo(f"randomized:{seed}", make)

    @property
    def backend(self) -> str:
        """What serves :meth:`forward` now: ``onnx`` (ONNX Runtime) or ``torch``."""
        return "onnx" if self._fast is not None and self._fast.ready and fast.enabled() else "torch"

    @property
    def fast_state(self) -> str:
        """The fast path: ``off`` (none for this model), ``pending``, ``ready`` or ``failed``."""
        return "off" if self._fast is None else self._fast.state

    def fast_ready(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (None: as long as it takes) for the fast path; True when it is
        ready. A model without one answers False at once."""
        return self._fast is not None and self._fast.wait(timeout)

    def start_fast_path(self) -> None:
        """Export to ONNX and open an ONNX Runtime session in the background (CPU models, fast path on)."""
        with self._memo_lock:  # two threads turning it on at once start one export
            if self._fast is None:
                self._fast = _onnx.attach(self)

    def warm_up(self, passes: int = 2) -> float:
        """Forward passes on a blank input, so the first real answer is not the slow one; the fastest
        after the first is kept as :attr:`latency`, what one image costs on this machine."""
        h, w = self.pipeline.crop
        blank = torch.zeros(1, 3, h, w)
        times = []
        for _ in range(passes):
            start = time.perf_counter()
            self.forward(blank)
            times.append(time.perf_counter() - start)
        self.latency = min(times[1:] or times)
        return self.latency

    def forward(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Class probabilities and pre-logits embeddings for a batch of model inputs (on the CPU)."""
        if self.backend == "onnx" and batch.device.type == "cpu":
            return self._fast.run(batch)
        return self.forward_torch(batch)

    def forward_torch(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """:meth:`forward` on torch, whatever the fast path's state."""
        with self._lock, torch.inference_mode():
            logits = self.module(batch.to(self.device))
            embedding = self._embedding[0].flatten(1)
            self._embedding.clear()
            return logits.float().softmax(dim=-1).cpu(), embedding.float().cpu()

    def classify(self, image: np.ndarray, top_k: int = 5) -> list[Prediction]:
        """The ``top_k`` most likely classes for an RGB uint8 image."""
        return self.classify_batch([image], top_k)[0]

    def classify_batch(self, images: Sequence[np.ndarray], top_k: int = 5,
                       batch_size: int = 16) -> list[list[Prediction]]:
        """Top-k predictions for each image, run ``batch_size`` at a time."""
        results: list[list[Prediction]] = []
        for start in range(0, len(images), batch_size):
            batch = torch.stack([self.pipeline(img) for img in images[start:start + batch_size]])
            probs, _ = self.forward(batch)
            results += [self.top_k(p, top_k) for p in probs]
        return results

    def read(self, path: str | Path) -> np.ndarray:
        """The photo at ``path`` for this model: a big JPEG is decoded at a reduced scale, as large as the
        pipeline needs (:attr:`InputPipeline.min_source_side`), several times faster than in full.

        Raises:
            ImageReadError: naming the file and the reason.
        """
        return read_image(path, min_side=self.pipeline.min_source_side)

    def classify_files(self, paths: Sequence[str | Path], top_k: int = 5, batch_size: int = 16, *,
                       transform: Callable[[np.ndarray], np.ndarray] | None = None, draft: bool = True,
                       workers: int = 2) -> Iterator[tuple[str | Path, list[Prediction] | VislabError]]:
        """Top-k predictions for image files, in order, each file's or the error that stopped it.

        Files are read and preprocessed on ``workers`` threads while the model runs the batch before.

        Args:
            transform: applied to each photo before the model's pipeline (an OpenCV op pipeline).
            draft: decode big JPEGs at reduced scale (:meth:`read`); False reads every pixel, as a
                ``transform`` whose parameters are in pixels of the full photo needs.
        """
        def prepare(path: str | Path) -> torch.Tensor:
            image = self.read(path) if draft else read_image(path)
            return self.pipeline(transform(image) if transform is not None else image)

        with ThreadPoolExecutor(max(1, workers), thread_name_prefix="vislab-read") as pool:
            pending = deque()
            queue = iter(paths)
            for path in itertools.islice(queue, 2 * batch_size):  # one batch ahead of the model
                pending.append((path, pool.submit(prepare, path)))
            while pending:
                done: list[tuple[str | Path, VislabError | None]] = []
                tensors = []
                for _ in range(min(batch_size, len(pending))):
                    path, future = pending.popleft()
                    try:
                        tensors.append(future.result())
                        done.append((path, None))
                    except VislabError as exc:
                        done.append((path, exc))
                    for more in itertools.islice(queue, 1):
                        pending.append((more, pool.submit(prepare, more)))
                probs = iter(self.forward(torch.stack(tensors))[0] if tensors else ())
                for path, error in done:
                    yield path, error if error is not None else self.top_k(next(probs), top_k)

    def embed(self, image: np.ndarray) -> np.ndarray:
        """The image's pre-logits embedding: the vector the final linear layer classifies."""
        _, embedding = self.forward(self.pipeline(image).unsqueeze(0))
        return embedding[0].numpy()

    def top_k(self, probs: torch.Tensor, k: int) -> list[Prediction]:
        """The ``k`` largest of a 1-D probability vector as :class:`Prediction` objects."""
        k = max(1, min(int(k), probs.numel()))
        values, indices = probs.topk(k)
        return [Prediction(int(i), self.labels[int(i)], float(v)) for v, i in zip(values, indices, strict=True)]


@cache
def class_labels(spec: ModelSpec) -> tuple[str, ...]:
    """ImageNet-1k class names as the model's library spells them."""
    if spec.source == "torchvision":
        from torchvision.models import get_weight

        return tuple(get_weight(spec.weights).meta["categories"])
    from timm.data import ImageNetInfo

    return tuple(ImageNetInfo("imagenet-1k").label_descriptions())


def build_module(spec: ModelSpec, weights: str | Path | None = None, *, pretrained: bool = True,
                 progress: ProgressCallback | None = None,
                 cancel: threading.Event | None = None) -> tuple[torch.nn.Module, str]:
    """The architecture of ``spec`` with its weights, and where those came from.

    Args:
        spec: the catalog entry.
        weights: a local weights file to load instead of the pretrained ones.
        pretrained: False gives randomly initialised weights (tests, the randomisation sanity check).
        progress: download progress callback, see :func:`~vislab.core.weights.fetch_pretrained`.
        cancel: set it to stop a download.
    """
    if weights is not None:
        state = read_state_dict(weights)
        module = _architecture(spec)
        load_checked(module, state, str(weights), spec.name)
        return module, str(weights)
    if not pretrained:
        return _architecture(spec), "random"
    path = fetch_pretrained(spec, progress, cancel)
    if spec.bundled:
        module = _architecture(spec)
        module.load_state_dict(map_bundled(module, path))
        return module, "bundled"
    if spec.source == "timm":
        import timm

        module = timm.create_model(spec.weights, pretrained=True, pretrained_cfg_overlay={"file": str(path)})
        return module, "pretrained"
    from torchvision.models import get_model

    # The file is in torch hub's cache now, so torchvision loads it from there (no network).
    return get_model(spec.arch, weights=spec.weights), "pretrained"


def _architecture(spec: ModelSpec) -> torch.nn.Module:
    if spec.source == "timm":
        import timm

        return timm.create_model(spec.weights, pretrained=False)
    from torchvision.models import get_model

    # Inception-v3 warns unless told which initialisation to use; its default one is fine here.
    kwargs = {"init_weights": False} if spec.arch == "inception_v3" else {}
    return get_model(spec.arch, weights=None, **kwargs)


def load_model(model_id: str, *, weights: str | Path | None = None, device: str | torch.device = "auto",
               pretrained: bool = True, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None, fast_path: bool | None = None) -> LoadedModel:
    """Build catalog model ``model_id`` with its weights on ``device``, ready to classify.

    ``fast_path`` False keeps the model on torch; None follows :func:`vislab.core.fast.enabled`. The fast
    path is prepared in the background: :meth:`LoadedModel.fast_ready` waits for it.

    Raises:
        UnknownModelError, WeightsError, WeightsUnavailableError, DeviceError: with a message that
            names the model, file or device and the reason.
    """
    spec = get_spec(model_id)
    target = resolve_device(device)
    use_physical_cores()
    start = time.perf_counter()
    module, source = build_module(spec, weights, pretrained=pretrained, progress=progress, cancel=cancel)
    # Explanations take gradients with respect to activations, never weights: no weight gradients are
    # computed or stored, which halves the cost of a backward pass.
    module.eval().requires_grad_(False)
    try:
        module.to(target)
    except (RuntimeError, AssertionError) as exc:
        raise DeviceError(f"could not put {spec.name} on {target}: {exc}") from None
    model = LoadedModel(spec, module, input_pipeline(spec), target, source, class_labels(spec))
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
        with self._lock:
            if key in self._models:
                self._models.move_to_end(key)
                return self._models[key]
            pending = self._pending.get(key)
            owner = pending is None
            if owner:
                pending = self._pending[key] = _PendingLoad()
        if not owner:
            pending.done.wait()
            if pending.error is not None:
                raise pending.error
            return pending.model
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

