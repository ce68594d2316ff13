"""Experiments across models: side-by-side comparison and robustness sweeps.

"A CNN looks at local texture, a ViT attends globally to patches — see for yourself": :func:`compare` puts
models next to each other on one image (top-5, cost, and each model's natural map), :func:`sweep` applies a
perturbation of growing strength and follows each model's confidence in the class it first saw.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from .errors import ExperimentCancelled, OptionError, UnknownPerturbationError, check_cancel
from .ops import Step
from .registry import Registry

if TYPE_CHECKING:
    from .model import LoadedModel


@dataclass(frozen=True)
class Perturbation:
    """A perturbation of growing strength, built from one preprocessing op.

    Attributes:
        id: the command-line name (``rotate``).
        name: display name.
        unit: what the strength is measured in.
        start, stop: the default range; ``identity`` is the strength that leaves the image unchanged.
        step: the op step for a strength.
    """

    id: str
    name: str
    unit: str
    start: float
    stop: float
    identity: float
    step: Callable[[float], Step]

    def apply(self, image: np.ndarray, strength: float) -> np.ndarray:
        """``image`` perturbed with ``strength`` (the image itself at the identity strength)."""
        if np.isclose(strength, self.identity):
            return image
        return self.step(strength).apply(image)


def _blur(sigma: float) -> Step:
    ksize = 2 * int(np.ceil(3 * sigma)) + 1
    return Step.make("gaussian_blur", ksize=min(ksize, 99), sigma=sigma)


PERTURBATIONS: Registry[Perturbation] = Registry("perturbation", UnknownPerturbationError)
for _p in (
    Perturbation("rotate", "Rotation", "degrees", 0, 360, 0, lambda v: Step.make("rotate", angle=v)),
    Perturbation("blur", "Gaussian blur", "sigma (px)", 0, 8, 0, _blur),
    Perturbation("noise", "Gaussian noise", "sigma (grey levels)", 0, 100, 0,
                 lambda v: Step.make("gaussian_noise", sigma=v, seed=0)),
    Perturbation("brightness", "Brightness", "offset (grey levels)", -150, 150, 0,
                 lambda v: Step.make("brightness_contrast", alpha=1.0, beta=v)),
    Perturbation("occlusion", "Central occlusion", "side (share of the shorter side)", 0, 0.8, 0,
                 lambda v: Step.make("occlude", x=0.5, y=0.5, size=v)),
    Perturbation("jpeg", "JPEG compression", "quality", 100, 5, 101, lambda v: Step.make("jpeg", quality=round(v))),
):
    PERTURBATIONS.register(_p)


@dataclass(frozen=True)
class SweepRow:
    """One model at one strength."""

    strength: float
    model_id: str
    probability: float
    top1: int
    top1_label: str
    agrees: bool

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass(frozen=True)
class SweepResult:
    """A sweep: for each model, the class it saw in the unperturbed image, and a row per strength."""

    perturbation: str
    strengths: list[float]
    reference: dict[str, tuple[int, str]]
    rows: list[SweepRow]

    def rows_of(self, model_id: str) -> list[SweepRow]:
        """One model's rows, one per strength, in the order of :attr:`strengths`."""
        return [r for r in self.rows if r.model_id == model_id]

    def curve(self, model_id: str) -> tuple[np.ndarray, np.ndarray]:
        """(probability of the reference class, top-1 agreement) per strength for one model."""
        rows = self.rows_of(model_id)
        return np.array([r.probability for r in rows]), np.array([r.agrees for r in rows], dtype=float)

    def write_csv(self, path: str | Path) -> None:
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=["strength", "model_id", "probability", "top1", "top1_label",
                                                    "agrees"])
            writer.writeheader()
            writer.writerows(r.to_dict() for r in self.rows)

    def plot(self, path: str | Path, names: dict[str, str] | None = None,
             labels: dict[str, str] | None = None) -> None:
        """Save :meth:`draw` as an image file."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=(8, 4.5), dpi=120, layout="constrained")
        FigureCanvasAgg(figure)
        self.draw(figure, names, labels)
        figure.savefig(path)

    def draw(self, figure, names: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> None:
        """Each model's probability of its reference class against strength (the legend names the class it
        follows), and beside it a strip per model: a filled mark where its top-1 is unchanged, a cross where
        it changed. Drawn on a matplotlib figure (a file's, or the window's canvas). ``labels`` replaces the
        plot's words (keys ``probability``, ``agreement``, ``xlabel``, ``no``, ``yes``, ``title``), for an
        interface in another language."""
        spec = PERTURBATIONS.get(self.perturbation)
        words = {"probability": "Probability of the original top-1 class", "agreement": "Top-1 unchanged",
                 "xlabel": f"{spec.name}: {spec.unit}", "no": "no", "yes": "yes", "title": ""} | (labels or {})
        figure.clear()
        left, right = figure.subplots(1, 2, sharex=True, width_ratios=(3, 2))
        models = list(self.reference)
        for row, model_id in enumerate(models):
            probability, agreement = self.curve(model_id)
            name = (names or {}).get(model_id, model_id)
            index, label = self.reference[model_id]
            colour = f"C{row % 10}"
            left.plot(self.strengths, probability, marker="o", color=colour, label=f"{name}: {label} (#{index})")
            strengths = np.asarray(self.strengths)
            kept = agreement > 0.5
            right.scatter(strengths[kept], np.full(kept.sum(), row), marker="s", s=64, color=colour,
                          label=words["yes"] if row == 0 else None)
            right.scatter(strengths[~kept], np.full((~kept).sum(), row), marker="x", s=64, color="0.45",
                          label=words["no"] if row == 0 else None)
        left.set(title=words["probability"], xlabel=words["xlabel"], ylim=(0, 1.02))
        right.set(title=words["agreement"], xlabel=words["xlabel"], ylim=(len(models) - 0.5, -0.5),
                  yticks=range(len(models)), yticklabels=[(names or {}).get(m, m) for m in models])
        right.grid(axis="x", alpha=0.3)
        left.legend(fontsize="small")
        if models:
            right.legend(fontsize="small", loc="lower right")
        if words["title"]:
            figure.suptitle(words["title"])


def sweep(models: Sequence, image: np.ndarray, perturbation: str, start: float | None = None,
          stop: float | None = None, steps: int = 13, progress: Callable[[int, int], None] | None = None,
          cancel: threading.Event | None = None) -> SweepResult:
    """Classify ``image`` perturbed at ``steps`` strengths from ``start`` to ``stop`` with each model.

    Each model's reference is the top-1 class of the unperturbed image; every row reports the
    probability of that class and whether it is still the top-1. A model given twice is swept once (see
    :func:`distinct_models`).
    """
    spec = PERTURBATIONS.get(perturbation)
    if steps < 1:
        raise OptionError(f"a sweep needs at least 1 step, not {steps}")
    start = spec.start if start is None else start
    stop = spec.stop if stop is None else stop
    if not (np.isfinite(start) and np.isfinite(stop)):
        raise OptionError(f"a sweep's strengths must be finite numbers, not {start} to {stop}")
    models = distinct_models(models)
    strengths = [float(v) for v in np.linspace(start, stop, steps)]
    reference = {}
    for model in models:
        top = model.classify(image, 1)[0]
        reference[model.spec.id] = (top.index, top.label)
    rows = []
    for done, strength in enumerate(strengths):
        check_cancel(cancel, ExperimentCancelled, "sweep cancelled")
        perturbed = spec.apply(image, strength)
        for model in models:
            probs, _ = model.forward(model.pipeline(perturbed)[None])
            index = reference[model.spec.id][0]
            top1 = int(probs[0].argmax())
            rows.append(SweepRow(strength, model.spec.id, float(probs[0, index]), top1, model.labels[top1],
                                 top1 == index))
        if progress is not None:
            progress(done + 1, len(strengths))
    return SweepResult(spec.id, strengths, reference, rows)


def distinct_models(models: Sequence[LoadedModel]) -> list[LoadedModel]:
    """``models`` with each model id once, the first kept: results are keyed by model id, so a repeat
    would only double (and, in a table, shift) the rows.

    Raises:
        OptionError: one id given twice with different weights, whose results could not be told apart.
    """
    kept: dict[str, LoadedModel] = {}
    for model in models:
        first = kept.setdefault(model.spec.id, model)
        if first is not model and first.weights != model.weights:
            raise OptionError(f"{model.spec.id} is given twice with different weights ({first.weights} and "
                              f"{model.weights}); results are keyed by model id: compare them in two runs")
    return list(kept.values())


@dataclass(frozen=True)
class Column:
    """One model in a comparison."""

    model_id: str
    name: str
    family: str
    params: int
    gflops: float
    latency: float | None
    predictions: list
    method: str
    heatmap: np.ndarray
    view: np.ndarray

    def to_dict(self) -> dict:
        return {"model": self.model_id, "name": self.name, "family": self.family, "params": self.params,
                "gflops": self.gflops, "latency_ms": None if self.latency is None else 1000 * self.latency,
                "method": self.method, "predictions": [p.to_dict() for p in self.predictions]}


def natural_method(model) -> str:
    """The map a model is usually explained with: rollout for class-token transformers, else Grad-CAM."""
    return "rollout" if model.spec.class_token else "gradcam"


def compare(models: Sequence, image: np.ndarray, top_k: int = 5, method: str | None = None) -> list[Column]:
    """Each model's top-k and its natural map (or ``method``) on the same image, each model once (see
    :func:`distinct_models`)."""
    from .explain import explain

    columns = []
    for model in distinct_models(models):
        chosen = method or natural_method(model)
        result = explain(model, image, chosen)
        columns.append(Column(model.spec.id, model.spec.name, model.spec.family, model.spec.params,
                              model.spec.gflops, model.latency, model.top_k(torch.from_numpy(result.probabilities),
                                                                            top_k),
                              chosen, result.heatmap, result.view))
    return columns


def top1_agreement(columns: Sequence[Column]) -> bool:
    """True when every model's top-1 class is the same."""
    return len({c.predictions[0].index for c in columns}) == 1
