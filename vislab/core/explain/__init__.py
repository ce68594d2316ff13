"""What the network looked at: class-activation maps, attention maps and attention rollout.

:func:`explain` runs any method of :data:`METHODS` on a loaded model and an image; the result is a
heatmap in [0, 1] at the resolution of what the model saw, with the class it explains and the
probabilities from the same forward pass.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..errors import ExplanationCancelled, LayerError, MethodNotApplicableError, VislabError
from .methods import (
    METHODS,
    ExplainRequest,
    MethodSpec,
    UnknownMethodError,
    check_rollout_settings,
    get_method,
    methods_for,
    methods_for_spec,
)

__all__ = ["METHODS", "Explanation", "ExplanationCancelled", "LayerError", "MethodNotApplicableError",
           "MethodSpec", "SanityCheck", "UnknownMethodError", "check_rollout_settings", "explain", "get_method",
           "map_similarity", "methods_for", "methods_for_spec", "sanity_check"]


@dataclass(frozen=True)
class Explanation:
    """A heatmap and what it explains.

    Attributes:
        model_id, method: what made it.
        layer: the layer it was taken from, as ``named_modules()`` spells it.
        target, target_label: the class it explains.
        heatmap: float32 ``H x W`` in [0, 1], over :attr:`view`.
        view: what the model saw (the resized, cropped input), uint8 RGB.
        probabilities: the 1000 class probabilities from the same forward pass.
        head: the attention head, for the attention method.
        seconds: how long it took.
        class_specific: False for a method whose map is the same whatever the class (Eigen-CAM, attention):
            :attr:`target` is then only the class the model answered, not what the map shows.
    """

    model_id: str
    method: str
    layer: str
    target: int
    target_label: str
    heatmap: np.ndarray
    view: np.ndarray
    probabilities: np.ndarray
    head: int | None = None
    seconds: float = 0.0
    class_specific: bool = True

    def to_dict(self) -> dict:
        return {"model": self.model_id, "method": self.method, "layer": self.layer,
                "target": {"index": self.target, "label": self.target_label},
                "heatmap_shape": list(self.heatmap.shape), "head": self.head}


@dataclass(frozen=True)
class SanityCheck:
    """The model-randomisation test (Adebayo et al. 2018): one method's map on the trained model and on a
    randomly initialised copy, for the same target class, and how alike they are.

    Attributes:
        trained, randomized: the two explanations (``randomized.target == trained.target``).
        similarity: Spearman's rank correlation of the two heatmaps' pixels, in [-1, 1]; near 1 means the
            map hardly depends on what the model learned (the method fails the check).
    """

    trained: Explanation
    randomized: Explanation
    similarity: float


def map_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation between two heatmaps of one size (0 when either is flat)."""
    from scipy.stats import spearmanr

    if a.shape != b.shape:
        raise ValueError(f"heatmaps of different sizes: {a.shape} and {b.shape}")
    a, b = a.ravel(), b.ravel()
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return 0.0
    return float(spearmanr(a, b).statistic)


def sanity_check(model, image: np.ndarray, method: str = "gradcam", *, target: int | None = None,
                 **options) -> SanityCheck:
    """Explain ``image`` with ``method`` on ``model`` and on ``model.randomized()``, both for the trained
    model's target (``target``, or its top-1 class), and compare the maps (see :class:`SanityCheck`).

    ``options`` are :func:`explain`'s (layer, head, progress, cancel...)."""
    trained = explain(model, image, method, target=target, **options)
    randomized = explain(model.randomized(), image, method, target=trained.target, **options)
    return SanityCheck(trained, randomized, map_similarity(trained.heatmap, randomized.heatmap))


def explain(model, image: np.ndarray, method: str = "gradcam", *, target: int | None = None,
            layer: str | None = None, head: int | None = None, head_fusion: str = "mean",
            discard_ratio: float = 0.0, progress: Callable[[int, int], None] | None = None,
            cancel: threading.Event | None = None) -> Explanation:
    """Explain ``model``'s answer for ``image`` with ``method``.

    Args:
        model: a :class:`~vislab.core.model.LoadedModel` (``model.randomized()`` for the sanity check).
        image: the photo, RGB uint8; the model's own pipeline resizes and crops it.
        method: an id from :data:`METHODS`.
        target: the class to explain, any of the 1000; None explains the top-1 class.
        layer: override the method's default layer (a module name; for attention, a block).
        head: attention head (attention method); None averages the heads.
        head_fusion, discard_ratio: attention rollout options.
        progress, cancel: for long methods (Score-CAM).

    Raises:
        UnknownMethodError, MethodNotApplicableError, LayerError (an empty name too), ExplanationCancelled,
        OptionError (a rollout option out of range), VislabError (a target class that does not exist),
        WeightsError (the model's output is not finite).
    """
    spec = get_method(method)
    if layer is not None and not layer.strip():
        raise LayerError("the layer name is empty: name a layer as named_modules() names it, or give none for "
                         "the method's default")
    if spec.id == "rollout":
        check_rollout_settings(head_fusion, discard_ratio)
    if not spec.applies_to(model.module):
        usable = ", ".join(m.id for m in methods_for(model.module))
        raise MethodNotApplicableError(
            f"{spec.name} does not apply to {model.spec.name}: it needs a class token attending over "
            f"image patches (ViT, DeiT). Methods for {model.spec.name}: {usable}")
    if target is not None and not 0 <= target < len(model.labels):
        raise VislabError(f"target class {target} does not exist; classes are 0-{len(model.labels) - 1}")
    start = time.perf_counter()
    view = model.pipeline.cropped(image)
    tensor = model.pipeline.to_tensor(view)[None]
    request = ExplainRequest(target, layer, head, head_fusion, discard_ratio, progress, cancel)
    heatmap, layer_name, probs = spec.compute(model, tensor, request)
    model.check_output(probs)
    index = target if target is not None else int(probs.argmax())
    return Explanation(model.spec.id, spec.id, layer_name, index, model.labels[index], heatmap, view,
                       probs.numpy(), head if spec.id == "attention" else None, time.perf_counter() - start,
                       spec.class_specific)
