"""A loaded model: classify images, batches and files, and give the pre-logits embedding.

A :class:`LoadedModel` is made by :func:`vislab.core.loading.load_model`. Forward passes that need no
gradient run on ONNX Runtime once the model's fast path is ready (see :mod:`vislab.core.fast`); torch
serves until then, and always for explanations.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
import torch

from . import _onnx, fast
from .batch import Transform, classify_files
from .catalog import ModelSpec
from .errors import VislabError, WeightsError
from .images import read_image
from .libraries import architecture
from .predictions import Prediction
from .preprocess import InputPipeline

__all__ = ["LoadedModel", "Prediction"]

T = TypeVar("T")

#: Where weights that are not a local file came from (:attr:`LoadedModel.weights`).
_ORIGINS = ("bundled", "pretrained", "random")


def _reinitialised(module: torch.nn.Module, classifier: str) -> torch.nn.Module:
    """A copy of ``module`` (without the hooks on its classifier) with every layer's own initialisation."""
    import copy

    head = module.get_submodule(classifier)
    hooks = dict(head._forward_pre_hooks)
    head._forward_pre_hooks.clear()
    try:
        clone = copy.deepcopy(module)
    finally:
        head._forward_pre_hooks.update(hooks)
    for layer in clone.modules():
        if hasattr(layer, "reset_parameters"):
            layer.reset_parameters()
    return clone


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
    """

    spec: ModelSpec
    module: torch.nn.Module
    pipeline: InputPipeline
    device: torch.device
    weights: str
    labels: tuple[str, ...]
    load_seconds: float = 0.0
    _torch_latency: float | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _embedding: list = field(default_factory=list, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _memo_building: dict = field(default_factory=dict, repr=False)
    _fast: _onnx.FastPath | None = field(default=None, repr=False)
    _fast_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        classifier = self.module.get_submodule(self.spec.classifier)
        classifier.register_forward_pre_hook(self._keep_embedding)

    @property
    def lock(self) -> threading.Lock:
        """Held while the module runs: hooks added for an explanation must not see other requests."""
        return self._lock

    @property
    def latency(self) -> float | None:
        """Seconds for one image's forward pass here, on what serves :meth:`forward` now: the fast path's
        own timing once it serves, else torch's from :meth:`warm_up` (None before any)."""
        if self.backend == "onnx" and self._fast is not None and self._fast.latency is not None:
            return self._fast.latency
        return self._torch_latency

    def _keep_embedding(self, _module: torch.nn.Module, args: tuple[torch.Tensor, ...]) -> None:
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
                if self.spec.base_id:  # trained in vislab: its own head, so its own layers re-initialised
                    module = _reinitialised(self.module, self.spec.classifier)
                else:
                    module = architecture(self.spec)  # the library's own initialisation
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
        with self._fast_lock:  # two threads turning it on at once start one export
            if self._fast is None:
                self._fast = _onnx.attach(self)

    def warm_up(self, passes: int = 2) -> float:
        """Forward passes on a blank input, so the first real answer is not the slow one; the fastest
        after the first is kept as torch's :attr:`latency`, what one image costs on this machine."""
        h, w = self.pipeline.crop
        blank = torch.zeros(1, 3, h, w)
        times = []
        for _ in range(passes):
            start = time.perf_counter()
            self.forward(blank)
            times.append(time.perf_counter() - start)
        self._torch_latency = min(times[1:] or times)
        return self._torch_latency

    def forward(self, batch: torch.Tensor, embedding: bool = True) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Class probabilities and pre-logits embeddings for a batch of model inputs (on the CPU); without
        ``embedding`` the fast path fetches the probabilities only (the embedding may then be None).

        Raises:
            WeightsError: the output is not finite (see :meth:`check_output`).
        """
        if self.backend == "onnx" and batch.device.type == "cpu":
            probs, vectors = self._fast.run(batch, embedding)
            if bool(torch.isfinite(probs).all()):
                return probs, vectors
            # Not finite on ONNX Runtime: torch decides whether the weights or the fast path is at fault.
        return self.forward_torch(batch)

    def forward_torch(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """:meth:`forward` on torch, whatever the fast path's state."""
        with self._lock, torch.inference_mode():
            logits = self.module(batch.to(self.device))
            embedding = self._embedding[0].flatten(1)
            self._embedding.clear()
            probs = logits.float().softmax(dim=-1).cpu()
        return self.check_output(probs), embedding.float().cpu()

    def check_output(self, probs: torch.Tensor) -> torch.Tensor:
        """``probs``, when every probability is finite: NaN or infinity means damaged weights, whose
        answers (arbitrary labels, a probability of NaN) must never be shown as results.

        Raises:
            WeightsError: naming the weights file (or the model and where its weights came from).
        """
        if bool(torch.isfinite(probs).all()):
            return probs
        from_file = self.weights not in _ORIGINS and not self.weights.startswith("randomised")
        where = self.weights if from_file else f"{self.spec.name} ({self.weights} weights)"
        raise WeightsError(f"{where}: the model's output is not finite (NaN or infinity): the weights are damaged")

    def classify(self, image: np.ndarray, top_k: int = 5) -> list[Prediction]:
        """The ``top_k`` most likely classes for an RGB uint8 image."""
        return self.classify_batch([image], top_k)[0]

    def classify_batch(self, images: Sequence[np.ndarray], top_k: int = 5,
                       batch_size: int = 16) -> list[list[Prediction]]:
        """Top-k predictions for each image, run ``batch_size`` at a time."""
        results: list[list[Prediction]] = []
        for start in range(0, len(images), batch_size):
            inputs = torch.stack([self.pipeline(img) for img in images[start:start + batch_size]])
            probs, _ = self.forward(inputs, embedding=False)
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
                       transform: Transform | None = None, draft: bool = True,
                       workers: int = 2) -> Iterator[tuple[str | Path, list[Prediction] | VislabError]]:
        """Top-k predictions for image files, in order, each file's or the error that stopped it; see
        :func:`vislab.core.batch.classify_files`."""
        return classify_files(self, paths, top_k, batch_size, transform=transform, draft=draft, workers=workers)

    def embed(self, image: np.ndarray) -> np.ndarray:
        """The image's pre-logits embedding: the vector the final linear layer classifies."""
        _, embedding = self.forward(self.pipeline(image).unsqueeze(0))
        return embedding[0].numpy()

    def top_k(self, probs: torch.Tensor, k: int) -> list[Prediction]:
        """The ``k`` largest of a 1-D probability vector as :class:`Prediction` objects."""
        k = max(1, min(int(k), probs.numel()))
        values, indices = probs.topk(k)
        return [Prediction(int(i), self.labels[int(i)], float(v)) for v, i in zip(values, indices, strict=True)]
