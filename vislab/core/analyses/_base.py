"""The analysis spec, its request and context, and the registry (see :mod:`vislab.core.analyses`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..catalog import DEFAULT_MODEL
from ..errors import UnknownAnalysisError
from ..ops import Pipeline
from ..registry import Registry

#: The longest side of the copies the preprocessing previews work on.
PREVIEW_SIDE = 512


@dataclass
class Choices:
    """What the person chose; a :class:`Request` carries a copy of it."""

    model_id: str = DEFAULT_MODEL
    weights: str | None = None
    device: str = "cpu"
    top_k: int = 5
    pipeline: Pipeline = field(default_factory=Pipeline)
    feed_pipeline: bool = False
    method: str = "gradcam"
    target: int | None = None
    layer: str | None = None
    head: int | None = None
    randomized: bool = False
    feature_layer: str | None = None

    @property
    def fed(self) -> Pipeline | None:
        """The pipeline the model is fed, or None when it sees the photo as loaded."""
        return self.pipeline if self.feed_pipeline else None


#: What an analysis may depend on, and how to read each from a request.
DEPENDENCIES: dict[str, Callable[[Request], Hashable]] = {
    "image": lambda r: r.image,
    "model": lambda r: (r.choices.model_id, r.choices.weights),
    "device": lambda r: r.choices.device,
    "top_k": lambda r: r.choices.top_k,
    "pipeline": lambda r: r.choices.pipeline,
    "fed": lambda r: r.choices.fed,
    "method": lambda r: r.choices.method,
    "target": lambda r: r.choices.target,
    "layer": lambda r: r.choices.layer,
    "head": lambda r: r.choices.head,
    "randomized": lambda r: r.choices.randomized,
    "feature_layer": lambda r: r.choices.feature_layer,
}


@dataclass(frozen=True)
class Request:
    """One photo and what the person chose for it.

    Attributes:
        image: the photo's index in the front end's list (results carry it back).
        photo: the decoded photo, RGB uint8 (read-only).
        choices: a copy of the choices when the request was made.
        display: the photo at display size, when the front end already has it (saves a resize).
        weights_files: local weights files the person loaded, by model id (comparisons use them).
    """

    image: int
    photo: np.ndarray = field(repr=False)
    choices: Choices
    display: np.ndarray | None = field(default=None, repr=False)
    weights_files: Mapping[str, str] = field(default_factory=dict)

    def value(self, dependency: str) -> Hashable:
        return DEPENDENCIES[dependency](self)


@dataclass
class Context:
    """How an analysis reports progress, learns it should stop, and gets its models.

    Attributes:
        progress: called with (done, total) during long work.
        cancel: set when the answer is no longer wanted; long work checks it and stops.
        models: the shared model cache (:class:`~vislab.core.loading.ModelCache`), made on first use.
    """

    progress: Callable[[int, int], None] = lambda done, total: None
    cancel: threading.Event = field(default_factory=threading.Event)
    models: Callable[[], Any] | None = None

    def cache(self):
        """The shared model cache."""
        if self.models is None:
            from ..engine import models

            self.models = models
        return self.models()

    def model(self, model_id: str, weights: str | None, device: str):
        """A loaded model from the shared cache; a download reports progress and stops when cancelled."""
        return self.cache().get(model_id, weights=weights, device=device, progress=self.progress,
                                cancel=self.cancel)

    def chosen_model(self, request: Request):
        """The model the person chose."""
        c = request.choices
        return self.model(c.model_id, c.weights, c.device)


@dataclass(frozen=True)
class Analysis:
    """One thing a front end can compute for a photo.

    Attributes:
        id: the analysis' name (``classify``, ``explain``...).
        depends: the names in :data:`DEPENDENCIES` whose values the answer depends on.
        run: ``run(request, context, **params) -> result``; raises a
            :class:`~vislab.core.errors.VislabError` for what the person asked that cannot be done.
        result: the type of what ``run`` returns (a dataclass with named fields).
        engine: True when it needs torch and the model cache; False for work that needs only OpenCV.
        on_demand: True when it runs only when asked (a comparison, a sweep), not on every change.
        description: one line for people.
        quick: ``quick(request, context) -> result | None``: the same answer without the engine when one can be
            had (classify on the torch-free path, :mod:`vislab.core.instant`, while torch or the model is still
            loading); a front end tries it first and runs ``run`` when it answers None.
    """

    id: str
    depends: tuple[str, ...]
    run: Callable[..., Any]
    result: type
    engine: bool = True
    on_demand: bool = False
    description: str = ""
    quick: Callable[..., Any] | None = None

    def __post_init__(self) -> None:
        unknown = [d for d in self.depends if d not in DEPENDENCIES]
        if unknown:
            raise ValueError(f"analysis {self.id!r} depends on unknown {unknown}; known: {list(DEPENDENCIES)}")

    def key(self, request: Request) -> tuple:
        """The values this analysis depends on in ``request``: equal keys, equal answers."""
        return tuple(request.value(d) for d in self.depends)


ANALYSES: Registry[Analysis] = Registry("analysis", UnknownAnalysisError)


def get_analysis(analysis_id: str) -> Analysis:
    return ANALYSES.get(analysis_id)


def run_analysis(analysis_id: str, request: Request, context: Context | None = None, **params: Any) -> Any:
    """Compute one analysis now, on this thread (scripts and tests; the window runs them on workers)."""
    return get_analysis(analysis_id).run(request, context or Context(), **params)

