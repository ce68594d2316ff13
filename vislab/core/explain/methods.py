"""The explanation methods, as data: one :class:`MethodSpec` per method in a registry.

Each spec names its paper and cost, says which models it applies to, and holds one ``compute`` function
``(model, tensor, request) -> (heatmap on the input grid, layer name, probabilities)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch

from ..errors import OptionError, UnknownMethodError
from ..registry import Registry


@dataclass(frozen=True)
class ExplainRequest:
    """What to explain, beyond the model and image.

    Attributes:
        target: the class index to explain; None for the top-1 class.
        layer: module name (CAMs) or attention layer (attention); None for the model's default.
        head: attention head; None averages the heads.
        head_fusion: how rollout fuses heads: ``mean``, ``max`` or ``min``.
        discard_ratio: the share of weakest attention rollout drops per layer.
    """

    target: int | None = None
    layer: str | None = None
    head: int | None = None
    head_fusion: str = "mean"
    discard_ratio: float = 0.0
    progress: Callable[[int, int], None] | None = None
    cancel: object | None = None


Compute = Callable[[object, torch.Tensor, ExplainRequest], tuple[np.ndarray, str, torch.Tensor]]


@dataclass(frozen=True)
class MethodSpec:
    """One explanation method.

    Attributes:
        id: the name the command line and settings use (``gradcam``).
        name: display name.
        kind: ``cam`` (any model, through a spatial layer), ``occlusion`` (any model, through its input) or
            ``attention`` (ViT-style models).
        year, paper, paper_url: where it comes from.
        description: one or two plain sentences for the explain panel.
        class_specific: False when the map is the same whatever the target class.
        cost: what it costs, in words.
        compute: the function that makes the map.
        settings: the :class:`ExplainRequest` fields it reads beyond target and layer (``head`` for the
            attention method); the command line refuses the others.
        uses_layer: False when the method ignores the layer (rollout follows every block, occlusion works on
            the input): the window disables its layer list.
    """

    id: str
    name: str
    kind: Literal["cam", "attention", "occlusion"]
    year: int
    paper: str
    paper_url: str
    description: str
    class_specific: bool
    cost: str
    compute: Compute
    settings: tuple[str, ...] = ()
    uses_layer: bool = True

    @property
    def class_agnostic(self) -> bool:
        """The map is the same whatever the target class (Eigen-CAM, attention): it must not be labelled
        with one."""
        return not self.class_specific

    def applies_to(self, module: torch.nn.Module) -> bool:
        from .attention import supports_cls_attention

        return self.kind != "attention" or supports_cls_attention(module)

    def applies_to_spec(self, spec) -> bool:
        """The same answer from the catalog entry alone, before the model is loaded."""
        return self.kind != "attention" or spec.class_token


METHODS: Registry[MethodSpec] = Registry("explanation method", UnknownMethodError)


def _cam(class_name: str) -> Compute:
    def compute(model, tensor, request: ExplainRequest):
        import pytorch_grad_cam

        from .cam import run_cam

        layer = model.spec.target_layer if request.layer is None else request.layer
        heatmap, probs = run_cam(model, tensor, getattr(pytorch_grad_cam, class_name), layer, request.target,
                                 request.progress, request.cancel)
        return heatmap, layer, probs

    return compute


def _attention(model, tensor, request: ExplainRequest):
    from ..heatmaps import resize_heatmap
    from .attention import cls_attention, extract_attention, grid_of, resolve_attention_layer

    layer = resolve_attention_layer(model.module, request.layer)
    (attention,), probs = extract_attention(model, tensor, [layer])
    prefix, grid = grid_of(model.module, attention)
    heatmap = resize_heatmap(cls_attention(attention, prefix, grid, request.head), *tensor.shape[-2:])
    return heatmap, layer, probs


def _rollout(model, tensor, request: ExplainRequest):
    from ..heatmaps import resize_heatmap
    from .attention import extract_attention, grid_of, rollout

    attentions, probs = extract_attention(model, tensor)
    prefix, grid = grid_of(model.module, attentions[0])
    heatmap = rollout(attentions, prefix, grid, request.head_fusion, request.discard_ratio)
    return resize_heatmap(heatmap, *tensor.shape[-2:]), "blocks", probs


def _occlusion(model, tensor, request: ExplainRequest):
    from .occlusion import occlusion_map

    heatmap, probs = occlusion_map(model, tensor, request.target, progress=request.progress, cancel=request.cancel)
    return heatmap, "input", probs


for _spec in (
    MethodSpec("gradcam", "Grad-CAM", "cam", 2017,
               "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based Localization",
               "https://arxiv.org/abs/1610.02391",
               "Weights each channel of a layer by the average gradient of the class score, sums them and "
               "keeps the positive part: where the layer sees evidence for the class.",
               True, "one forward and one backward pass", _cam("GradCAM")),
    MethodSpec("gradcam++", "Grad-CAM++", "cam", 2018,
               "Grad-CAM++: Improved Visual Explanations for Deep Convolutional Networks",
               "https://arxiv.org/abs/1710.11063",
               "Like Grad-CAM with pixel-wise weights from higher-order gradients; better when the class "
               "appears several times in the image.",
               True, "one forward and one backward pass", _cam("GradCAMPlusPlus")),
    MethodSpec("scorecam", "Score-CAM", "cam", 2020,
               "Score-CAM: Score-Weighted Visual Explanations for Convolutional Neural Networks",
               "https://arxiv.org/abs/1910.01279",
               "No gradients: masks the image with each channel's activation and weights the channel by how "
               "much the class score keeps. Slow: one forward pass per channel.",
               True, "one forward pass per channel of the layer", _cam("ScoreCAM")),
    MethodSpec("eigencam", "Eigen-CAM", "cam", 2020,
               "Eigen-CAM: Class Activation Map using Principal Components", "https://arxiv.org/abs/2008.00299",
               "The first principal component of the layer's activations: what the layer responds to most, "
               "whatever the class.",
               False, "one forward pass", _cam("EigenCAM")),
    MethodSpec("layercam", "LayerCAM", "cam", 2021,
               "LayerCAM: Exploring Hierarchical Class Activation Maps for Localization",
               "https://ieeexplore.ieee.org/document/9462463",
               "Weights every position by its own positive gradient: finer maps, and useful on earlier layers.",
               True, "one forward and one backward pass", _cam("LayerCAM")),
    MethodSpec("occlusion", "Occlusion sensitivity", "occlusion", 2014,
               "Visualizing and Understanding Convolutional Networks", "https://arxiv.org/abs/1311.2901",
               "Slides a grey square over the image and maps how much the class's probability drops: where "
               "hiding the image hurts the answer most. Works on any model; no gradients.",
               True, "one forward pass per square position (169 at 224 px)", _occlusion, uses_layer=False),
    MethodSpec("attention", "Attention", "attention", 2020, "An Image is Worth 16x16 Words",
               "https://arxiv.org/abs/2010.11929",
               "The raw attention of one layer: how much the class token looks at each patch, for one head or "
               "the mean of the heads.",
               False, "one forward pass", _attention, ("head",)),
    MethodSpec("rollout", "Attention rollout", "attention", 2020,
               "Quantifying Attention Flow in Transformers", "https://arxiv.org/abs/2005.00928",
               "Follows attention through every layer (adding the residual connection) to the input patches: "
               "what the class token ends up drawing from.",
               False, "one forward pass", _rollout, ("head_fusion", "discard_ratio"), uses_layer=False),
):
    METHODS.register(_spec)


def get_method(method_id: str) -> MethodSpec:
    """The method registered as ``method_id``.

    Raises:
        UnknownMethodError: with the closest ids.
    """
    return METHODS.get(method_id)


def check_rollout_settings(head_fusion: str, discard_ratio: float) -> None:
    """Refuse rollout settings out of range, before any forward pass.

    Raises:
        OptionError: quoting the bad value.
    """
    if head_fusion not in ("mean", "max", "min"):
        raise OptionError(f"head fusion must be mean, max or min, not {head_fusion!r}")
    if not 0.0 <= discard_ratio < 1.0:  # NaN included
        raise OptionError(f"discard ratio must be at least 0 and below 1, not {discard_ratio}")


def methods_for(module: torch.nn.Module) -> list[MethodSpec]:
    """The methods that apply to ``module``, the natural ones first (rollout for ViTs, Grad-CAM for CNNs)."""
    return _natural_order([m for m in METHODS if m.applies_to(module)])


def methods_for_spec(spec) -> list[MethodSpec]:
    """:func:`methods_for` from a catalog entry, before its model is loaded."""
    return _natural_order([m for m in METHODS if m.applies_to_spec(spec)])


def _natural_order(methods: list[MethodSpec]) -> list[MethodSpec]:
    return sorted(methods, key=lambda m: (m.kind != "attention", m.id != "rollout"))
