"""What each built-in analysis returns: frozen dataclasses with named fields.

Each result carries ``image``, the index of the photo it was computed for, so a front end can tell an
answer for the photo on screen from a late one. The types refer to the core's heavy classes only for
type checkers: importing this module imports no torch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..experiments import Column, SweepResult
    from ..explain import Explanation
    from ..explain.patches import PatchAttention, PatchGrid
    from ..faithfulness import Faithfulness
    from ..measure import Measurement
    from ..model import Prediction
    from ..ops import Step
    from ..preprocess import InputPipeline


@dataclass(frozen=True)
class Predictions:
    """The top-k classes for a photo, and what computed them.

    Attributes:
        items: the classes, most likely first.
        seconds: how long this answer took (the forward pass and the preprocessing).
        load_seconds: how long the model took to load.
        latency: one image's forward pass on this machine, as measured when the model loaded.
        backend: ``onnx`` or ``torch``: what ran the forward pass.
        torch_free: answered on the torch-free path (:mod:`vislab.core.instant`) while the model was not loaded.
    """

    image: int
    model_id: str
    device: str
    items: tuple[Prediction, ...]
    seconds: float
    load_seconds: float
    latency: float | None = None
    backend: str = "torch"
    torch_free: bool = False


@dataclass(frozen=True)
class ExplanationResult:
    """A map of what the model looked at, and what the explain panel offers next.

    Attributes:
        explanation: the heatmap, its target class and the crop it covers.
        photo: the photo the map was computed on, at display size.
        crop_box: the part of ``photo`` the model saw, (left, top, right, bottom) in its pixels.
        randomized: computed on randomly initialised weights (the sanity check).
        layers: the layers the method can be taken from, for this model.
        heads: the attention heads of a block (attention methods), else None.
        layer_sizes: each layer's output size as a map, ``(height, width, channels)``, by name.
        labels: the model's class names, by index (any of them can be the target).
        trained: with ``randomized``, the same method's map on the trained weights for the same target class
            (:attr:`explanation` is the randomised one), else None.
        similarity: with ``randomized``, Spearman's rank correlation of the two maps, else None.
    """

    image: int
    explanation: Explanation
    photo: np.ndarray
    crop_box: tuple[float, float, float, float]
    randomized: bool
    layers: tuple[str, ...] = ()
    heads: int | None = None
    layer_sizes: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)
    labels: tuple[str, ...] = ()
    trained: Explanation | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class FeaturesResult:
    """A layer's strongest feature maps and the first convolution's filters, as picture grids.

    Attributes:
        cells: the strongest maps one by one, coloured (each scaled to its own range), strongest first.
        cell_channels: the layer's channel number of each cell.
        layer_sizes: each layer's output size as a map, ``(height, width, channels)``, by name.
    """

    image: int
    layer: str
    grid: np.ndarray
    channels: int
    filters: np.ndarray
    filters_name: str
    layers: tuple[str, ...]
    cells: tuple[np.ndarray, ...] = ()
    cell_channels: tuple[int, ...] = ()
    layer_sizes: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Previews:
    """The photo after each preprocessing step, on a copy at most ``PREVIEW_SIDE`` pixels on a side.

    Attributes:
        input: the photo before any step.
        steps: each step with the picture after it, in order.
    """

    image: int
    input: np.ndarray
    steps: tuple[tuple[Step, np.ndarray], ...]

    @property
    def final(self) -> np.ndarray:
        """The picture after the last step (the input when there are none)."""
        return self.steps[-1][1] if self.steps else self.input


@dataclass(frozen=True)
class ModelView:
    """The model's own input pipeline, stage by stage, and a ViT's patch layout.

    Attributes:
        original: the photo fed to the model, at display size.
        resized: after resizing the shorter side.
        cropped: the centre crop: what the model sees.
        normalised: the normalised input, shown de-normalised.
        pipeline: the model's :class:`~vislab.core.preprocess.InputPipeline`.
        patches: how a ViT cuts the crop into tokens; None for a model without patch tokens.
    """

    image: int
    original: np.ndarray
    resized: np.ndarray
    cropped: np.ndarray
    normalised: np.ndarray
    pipeline: InputPipeline
    patches: PatchGrid | None = None

    def stages(self) -> list[tuple[str, np.ndarray]]:
        """(stage name, picture) in order: original, resized, cropped, normalised."""
        return [("original", self.original), ("resized", self.resized), ("cropped", self.cropped),
                ("normalised", self.normalised)]


@dataclass(frozen=True)
class Patches:
    """Every attention layer of a ViT on the photo; ``attention`` is None for a model without patch tokens."""

    image: int
    attention: PatchAttention | None


@dataclass(frozen=True)
class CompareColumn:
    """One model of a comparison: its top-k, its natural map and that map over what it saw."""

    image: int
    column: int
    result: Column
    overlay: np.ndarray


@dataclass(frozen=True)
class FaithfulnessScores:
    """One method's faithfulness scores on a photo (deletion and insertion curves, ROAD and sanity when asked).

    Attributes:
        method: the method scored.
        scores: the curves, their areas and the map scored.
        slot: what the front end asked it for (the map on screen, a row of a table, a comparison column).
    """

    image: int
    method: str
    scores: Faithfulness
    slot: object = None


@dataclass(frozen=True)
class Sweep:
    """A robustness sweep of the photo, and the display names of its models by id."""

    image: int
    result: SweepResult
    names: dict[str, str]


@dataclass(frozen=True)
class Latency:
    """One model timed on this machine (not tied to a photo)."""

    measurement: Measurement
