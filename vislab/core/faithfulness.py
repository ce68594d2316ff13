"""Which map should we trust? Faithfulness scores for any explanation method, CNN or ViT alike.

* **Deletion and insertion** (Petsiuk et al. 2018, "RISE"): the pixels of the model's input tensor are ranked by
  the map (upsampled bilinearly to the input size), highest first, ties in flattened index order (a stable sort).
  Deletion sets them to 0 in the normalised tensor (the dataset's mean colour) in ``steps`` equal blocks; insertion
  starts from the input blurred with a Gaussian (kernel 11, sigma 5, per channel, on the normalised tensor) and
  puts the original pixels back in the same order. Step ``k`` has changed the first ``k * pixels // steps``
  pixels of the ranking. Each curve is the softmax probability of the target class at its ``steps + 1`` points
  over the fraction 0..1, all of them from one batched :meth:`~vislab.core.model.LoadedModel.forward` (ONNX
  Runtime when the model's fast path serves); its area is the trapezoid rule's. Lower deletion and higher
  insertion mean a more faithful map.
* **ROAD** (Rong et al. 2022), through pytorch-grad-cam's own ``metrics.road`` classes: the change in the target's
  probability when the most (MoRF) or least (LeRF) relevant pixels are imputed away, at a few percentiles.
* **Sanity** (Adebayo et al. 2018): Spearman's rank correlation between the map and the same method's map on
  :meth:`~vislab.core.model.LoadedModel.randomized`; near 1 means the map does not depend on what was learned.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import torch

from .errors import ExplanationCancelled, OptionError, VislabError, check_cancel
from .explain import Explanation, explain, map_similarity
from .faithfulness_plot import draw, draw_spread, plot

__all__ = ["BLUR_KERNEL", "BLUR_SIGMA", "DEFAULT_STEPS", "ROAD_PERCENTILES", "Faithfulness", "MethodSummary", "Road",
           "area", "blurred", "check_steps", "curves", "draw", "draw_spread", "plot", "removal_order", "road", "score",
           "score_methods", "step_counts", "summarize", "write_summary_csv"]

#: Curve steps unless asked otherwise.
DEFAULT_STEPS = 20
#: The most steps a curve may have (each is one image of the batch).
MAX_STEPS = 224
#: The insertion curve's starting point: a Gaussian blur of this size and sigma, per channel.
BLUR_KERNEL, BLUR_SIGMA = 11, 5.0
#: pytorch-grad-cam's ROAD percentiles vislab asks for.
ROAD_PERCENTILES = (20, 40, 60, 80)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Road:
    """ROAD scores (Rong et al. 2022) as pytorch-grad-cam computes them: each is the target probability after
    imputation minus the one before, at each of :attr:`percentiles` (the library's threshold on the map).

    Attributes:
        morf: most relevant first (``ROADMostRelevantFirst``); lower (a larger drop) is more faithful.
        lerf: least relevant first (``ROADLeastRelevantFirst``); higher (a smaller drop) is more faithful.
        seconds: how long the imputations and forward passes took.
    """

    percentiles: tuple[int, ...]
    morf: tuple[float, ...]
    lerf: tuple[float, ...]
    seconds: float = 0.0

    @property
    def combined(self) -> float:
        """pytorch-grad-cam's ``ROADCombined``: (mean LeRF - mean MoRF) / 2; higher is more faithful."""
        return (float(np.mean(self.lerf)) - float(np.mean(self.morf))) / 2

    def to_dict(self) -> dict:
        return {"percentiles": list(self.percentiles), "morf": list(self.morf), "lerf": list(self.lerf),
                "combined": self.combined, "seconds": self.seconds}


@dataclass(frozen=True)
class Faithfulness:
    """How faithful one explanation is to the model that made it.

    Attributes:
        model_id, method, layer: what made the map.
        target, target_label: the class whose probability the curves follow (the map's target).
        steps: the curves' steps; each curve has ``steps + 1`` points over the fraction 0..1.
        deletion, insertion: the target's probability along each curve.
        deletion_auc, insertion_auc: their areas (trapezoid rule over 0..1).
        road: ROAD scores when asked for, else None.
        sanity: Spearman's correlation with the randomised-weights map when asked for, else None.
        seconds: how long scoring took, the map included.
        explanation: the map that was scored.
    """

    model_id: str
    method: str
    layer: str
    target: int
    target_label: str
    steps: int
    deletion: np.ndarray
    insertion: np.ndarray
    deletion_auc: float
    insertion_auc: float
    road: Road | None = None
    sanity: float | None = None
    seconds: float = 0.0
    explanation: Explanation | None = None

    @property
    def fractions(self) -> np.ndarray:
        """The curves' x values: the fraction of pixels changed, 0..1."""
        return np.linspace(0.0, 1.0, self.steps + 1)

    def to_dict(self) -> dict:
        """The scores as the command line's JSON gives them for one method."""
        return {"deletion_auc": self.deletion_auc, "insertion_auc": self.insertion_auc,
                "deletion_curve": [float(v) for v in self.deletion],
                "insertion_curve": [float(v) for v in self.insertion],
                "road": None if self.road is None else self.road.to_dict(), "sanity": self.sanity,
                "seconds": self.seconds}


def check_steps(steps: int) -> int:
    """``steps`` when it is a whole number from 1 to :data:`MAX_STEPS`.

    Raises:
        OptionError: quoting the bad value.
    """
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise OptionError(f"the number of steps must be a whole number from 1 to {MAX_STEPS}, not {steps!r}")
    return steps


def removal_order(heatmap: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The flattened pixel indices of an input of ``size`` (height, width), most relevant first: the map
    upsampled bilinearly to ``size``, sorted highest first, ties in flattened index order."""
    upsampled = _upsampled(heatmap, size)
    return np.argsort(-upsampled.ravel(), kind="stable")


def _upsampled(heatmap: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    heatmap = np.asarray(heatmap, dtype=np.float32)
    if heatmap.shape == tuple(size):
        return heatmap
    grid = torch.from_numpy(np.ascontiguousarray(heatmap))[None, None]
    return torch.nn.functional.interpolate(grid, size=tuple(size), mode="bilinear", align_corners=False)[0, 0].numpy()


def step_counts(pixels: int, steps: int) -> np.ndarray:
    """How many pixels of the ranking each of the ``steps + 1`` points has changed: ``k * pixels // steps``."""
    return np.arange(steps + 1, dtype=np.int64) * pixels // steps


def blurred(tensor: torch.Tensor) -> torch.Tensor:
    """The insertion curve's start: ``tensor`` (``C x H x W``, normalised) blurred per channel (OpenCV's
    Gaussian, its border reflected without repeating the edge, as torchvision's ``gaussian_blur`` does; a
    hundred times faster on a busy machine, where torch's thread pool wakes for a 224x224 picture)."""
    import cv2

    array = tensor.detach().float().cpu().numpy()
    return torch.from_numpy(np.stack([cv2.GaussianBlur(channel, (BLUR_KERNEL, BLUR_KERNEL), BLUR_SIGMA,
                                                       borderType=cv2.BORDER_REFLECT_101) for channel in array]))


def area(curve: np.ndarray) -> float:
    """The trapezoid rule's area under ``curve``, its points evenly spaced over 0..1."""
    curve = np.asarray(curve, dtype=np.float64)
    trapezoid = getattr(np, "trapezoid", None) or np.trapz  # NumPy 2 renamed it; pyproject allows 1.24
    return float(trapezoid(curve, dx=1.0 / (len(curve) - 1)))


def _batch(start: torch.Tensor, end: torch.Tensor, order: np.ndarray, steps: int) -> torch.Tensor:
    """``steps + 1`` copies of ``start`` (``C x H x W``), copy ``k`` with the first ``k`` blocks of ``order``
    taken from ``end`` (in NumPy: torch's thread pool costs more than the copying on a busy machine)."""
    channels, h, w = start.shape
    rank = np.empty(h * w, dtype=np.int64)
    rank[order] = np.arange(h * w)
    changed = rank[None, None, :] < step_counts(h * w, steps)[:, None, None]  # (steps + 1) x 1 x pixels
    batch = np.where(changed, end.numpy().reshape(1, channels, h * w), start.numpy().reshape(1, channels, h * w))
    return torch.from_numpy(batch.astype(np.float32, copy=False).reshape(steps + 1, channels, h, w))


def curves(model, tensor: torch.Tensor, heatmap: np.ndarray, target: int, steps: int = DEFAULT_STEPS, *,
           cancel: threading.Event | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The deletion and insertion curves of ``heatmap`` for class ``target``.

    Args:
        model: a :class:`~vislab.core.model.LoadedModel`; each curve is one batched :meth:`forward`.
        tensor: the model's input, ``3 x H x W`` (or ``1 x 3 x H x W``), normalised.
        heatmap: the map, any size (upsampled bilinearly to ``H x W``).
        target: the class whose softmax probability is recorded.
        steps: equal steps; each curve has ``steps + 1`` points.

    Raises:
        OptionError: a bad number of steps; ExplanationCancelled; WeightsError (output not finite).
    """
    check_steps(steps)
    tensor = tensor.detach().float().cpu().reshape(-1, *tensor.shape[-2:])
    order = removal_order(heatmap, tuple(tensor.shape[-2:]))
    results = []
    for start, end in ((tensor, torch.zeros_like(tensor)), (blurred(tensor), tensor)):
        check_cancel(cancel, ExplanationCancelled, "faithfulness scoring cancelled")
        probs, _ = model.forward(_batch(start, end, order, steps))
        results.append(probs[:, target].double().numpy())
    return results[0], results[1]


class _LogProbabilities(torch.nn.Module):
    """A loaded model as the module pytorch-grad-cam's metrics call: log-probabilities from
    :meth:`LoadedModel.forward` (so the fast path serves), whose softmax is the model's own."""

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model

    def forward(self, batch: torch.Tensor) -> torch.Tensor:
        probs, _ = self.model.forward(batch.cpu())
        return probs.clamp_min(torch.finfo(probs.dtype).tiny).log()


def road(model, tensor: torch.Tensor, heatmap: np.ndarray, target: int,
         percentiles: Iterable[int] = ROAD_PERCENTILES, *, seed: int = 0, progress: Progress | None = None,
         cancel: threading.Event | None = None) -> Road:
    """ROAD through pytorch-grad-cam's ``ROADMostRelevantFirst`` and ``ROADLeastRelevantFirst`` at each
    percentile (its imputation noise drawn from ``seed``, so the scores repeat)."""
    from pytorch_grad_cam.metrics.road import ROADLeastRelevantFirst, ROADMostRelevantFirst
    from pytorch_grad_cam.utils.model_targets import ClassifierOutputSoftmaxTarget

    percentiles = tuple(int(p) for p in percentiles)
    start = time.perf_counter()
    batch = tensor.detach().float().cpu().reshape(1, -1, *tensor.shape[-2:])
    cams = _upsampled(heatmap, tuple(batch.shape[-2:]))[None]
    module, targets = _LogProbabilities(model), [ClassifierOutputSoftmaxTarget(target)]
    scores: dict[type, list[float]] = {ROADMostRelevantFirst: [], ROADLeastRelevantFirst: []}
    total, done = 2 * len(percentiles), 0
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        for percentile in percentiles:
            for metric, values in scores.items():
                check_cancel(cancel, ExplanationCancelled, "faithfulness scoring cancelled")
                values.append(float(metric(percentile)(batch, cams, targets, module)[0]))
                done += 1
                if progress is not None:
                    progress(done, total)
    return Road(percentiles, tuple(scores[ROADMostRelevantFirst]), tuple(scores[ROADLeastRelevantFirst]),
                time.perf_counter() - start)


def score(model, image: np.ndarray, method: str = "gradcam", *, target: int | None = None, layer: str | None = None,
          steps: int = DEFAULT_STEPS, with_road: bool = False, with_sanity: bool = False,
          explanation: Explanation | None = None, progress: Progress | None = None,
          cancel: threading.Event | None = None) -> Faithfulness:
    """Explain ``image`` with ``method`` (or take ``explanation``, already made for this model and image) and
    score the map.

    Args:
        model: a :class:`~vislab.core.model.LoadedModel`.
        image: the photo, RGB uint8 (the model's pipeline resizes and crops it).
        target: the class to explain and follow; None: the top-1 class.
        layer: the method's layer (None: its default).
        steps: the curves' steps.
        with_road, with_sanity: also ROAD (slower) and the randomised-weights correlation (one more map).
        progress: called with (done, total) stages.

    Raises:
        What :func:`~vislab.core.explain.explain` raises; OptionError for bad steps; ExplanationCancelled.
    """
    check_steps(steps)
    start = time.perf_counter()
    total = 2 + int(with_road) + int(with_sanity)

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)

    if explanation is None:
        explanation = explain(model, image, method, target=target, layer=layer, cancel=cancel)
    report(1)
    tensor = model.pipeline.to_tensor(explanation.view)
    deletion, insertion = curves(model, tensor, explanation.heatmap, explanation.target, steps, cancel=cancel)
    report(2)
    road_scores = sanity = None
    if with_road:
        road_scores = road(model, tensor, explanation.heatmap, explanation.target, cancel=cancel)
        report(3)
    if with_sanity:
        randomized = explain(model.randomized(), image, explanation.method, target=explanation.target,
                             layer=layer, head=explanation.head, cancel=cancel)
        sanity = map_similarity(explanation.heatmap, randomized.heatmap)
        sanity = None if math.isnan(sanity) else sanity
        report(total)
    return Faithfulness(explanation.model_id, explanation.method, explanation.layer, explanation.target,
                        explanation.target_label, steps, deletion, insertion, area(deletion), area(insertion),
                        road_scores, sanity, time.perf_counter() - start, explanation)


def score_methods(model, image: np.ndarray, methods: Iterable[str] | None = None, *, target: int | None = None,
                  steps: int = DEFAULT_STEPS, with_road: bool = False, with_sanity: bool = False,
                  progress: Progress | None = None,
                  cancel: threading.Event | None = None) -> dict[str, Faithfulness | VislabError]:
    """:func:`score` for each of ``methods`` (None: every method for this model), each its scores or the error
    that stopped it (a method the model does not support, a layer...), in order. Cancelling stops them all.

    Raises:
        OptionError: bad steps; ExplanationCancelled.
    """
    from .explain import get_method, methods_for

    check_steps(steps)
    ids = [m.id for m in methods_for(model.module)] if methods is None else list(dict.fromkeys(methods))
    results: dict[str, Faithfulness | VislabError] = {}
    for n, method in enumerate(ids):
        check_cancel(cancel, ExplanationCancelled, "faithfulness scoring cancelled")
        try:
            get_method(method)
            results[method] = score(model, image, method, target=target, steps=steps, with_road=with_road,
                                    with_sanity=with_sanity, cancel=cancel)
        except ExplanationCancelled:
            raise
        except VislabError as error:
            results[method] = error
        if progress is not None:
            progress(n + 1, len(ids))
    return results



@dataclass(frozen=True)
class MethodSummary:
    """One method's scores over several images: the mean and spread (standard deviation) of each area.

    Attributes:
        images: how many images it was scored on (those where it failed are left out).
    """

    method: str
    images: int
    deletion_mean: float
    deletion_std: float
    insertion_mean: float
    insertion_std: float

    def to_dict(self) -> dict:
        return {"method": self.method, "images": self.images, "deletion_mean": self.deletion_mean,
                "deletion_std": self.deletion_std, "insertion_mean": self.insertion_mean,
                "insertion_std": self.insertion_std}


def summarize(per_image: Iterable[dict[str, Faithfulness | VislabError]]) -> list[MethodSummary]:
    """Each method's mean and spread over images, from :func:`score_methods`' answers (one per image), in the
    order the methods first appear; a method that failed on every image is left out."""
    areas: dict[str, list[tuple[float, float]]] = {}
    for results in per_image:
        for method, result in results.items():
            values = areas.setdefault(method, [])
            if isinstance(result, Faithfulness):
                values.append((result.deletion_auc, result.insertion_auc))
    summaries = []
    for method, values in areas.items():
        if values:
            deletion, insertion = np.array(values).T
            summaries.append(MethodSummary(method, len(values), float(deletion.mean()), float(deletion.std()),
                                           float(insertion.mean()), float(insertion.std())))
    return summaries


def write_summary_csv(path, summaries: Iterable[MethodSummary]) -> None:
    """The summaries as a CSV table, one row per method."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=["method", "images", "deletion_mean", "deletion_std",
                                                 "insertion_mean", "insertion_std"])
        writer.writeheader()
        for summary in summaries:
            writer.writerow(summary.to_dict())
