"""The built-in analyses: classify, explain, features, previews, stages, patches, compare, faithfulness, sweep,
measure.

Each body runs on a worker; it imports the heavy modules (torch, timm, grad-cam) when it runs, so that
registering them costs nothing on the window's thread.
"""

from __future__ import annotations

import threading
import time

import numpy as np

from ..images import DISPLAY_SIDE, fit
from ._base import ANALYSES, PREVIEW_SIDE, Analysis, Context, Request
from .results import (
    CompareColumn,
    ExplanationResult,
    FaithfulnessScores,
    FeaturesResult,
    Latency,
    ModelView,
    Patches,
    Predictions,
    Previews,
    Sweep,
)

#: What the model is fed depends on these; every analysis of the model's answer lists them.
MODEL_INPUT = ("image", "model", "device", "fed")

_last_fed: list = [None]  # (photo, pipeline, result): the analyses of one change share one pipeline run
_last_fed_lock = threading.Lock()


def fed_photo(request: Request) -> np.ndarray:
    """What the model gets: the preprocessed photo when the pipeline feeds it, else the photo.

    Classify, explain, features and stages all ask for it after a change; the pipeline runs on the full
    photo, so the last result is kept for the analyses that follow.
    """
    pipeline = request.choices.fed
    if pipeline is None:
        return request.photo
    with _last_fed_lock:
        last = _last_fed[0]
        if last is not None and last[0] is request.photo and last[1] == pipeline:
            return last[2]
    result = pipeline.apply(request.photo)
    with _last_fed_lock:
        _last_fed[0] = (request.photo, pipeline, result)
    return result


def _display(request: Request, photo: np.ndarray) -> np.ndarray:
    """``photo`` at display size; the request's own copy when the model sees the photo as loaded."""
    if photo is request.photo and request.display is not None:
        return request.display
    return fit(photo)


def classify(request: Request, context: Context) -> Predictions:
    c = request.choices
    model = context.chosen_model(request)
    start = time.perf_counter()
    items = model.classify(fed_photo(request), c.top_k)
    return Predictions(request.image, c.model_id, str(model.device), tuple(items), time.perf_counter() - start,
                       model.load_seconds, model.latency, model.backend)


def classify_quick(request: Request, context: Context) -> Predictions | None:
    """:func:`classify` on the torch-free path while the chosen model is not loaded on torch yet (start-up, a new
    model): its ONNX export and manifest from the cache (:func:`vislab.core.instant.served`); None otherwise."""
    import sys

    from .. import fast, instant

    c = request.choices
    if c.device not in ("auto", "cpu") or not fast.enabled():
        return None
    engine = sys.modules.get("vislab.core.engine")
    models = getattr(engine, "models", None)  # None while the engine is still importing
    if models is not None and any(m.spec.id == c.model_id for m in models().loaded()):
        return None  # loaded (on a GPU too, where "auto" takes it): the model itself serves, with its timing
    start = time.perf_counter()
    model = instant.served(c.model_id, c.weights)
    if model is None:
        return None
    items = model.classify(fed_photo(request), c.top_k)
    return Predictions(request.image, c.model_id, "cpu", tuple(items), time.perf_counter() - start, model.open_seconds,
                       None, "onnx", torch_free=True)


def explain(request: Request, context: Context) -> ExplanationResult:
    from ..explain import explain as compute
    from ..explain import sanity_check

    c = request.choices
    model = context.chosen_model(request)
    photo = fed_photo(request)
    options = dict(target=c.target, layer=c.layer, head=c.head, progress=context.progress, cancel=context.cancel)
    trained = similarity = None
    if c.randomized:  # the sanity check: the trained map beside the randomised one, for the same class
        check = sanity_check(model, photo, c.method, **options)
        result, trained, similarity = check.randomized, check.trained, check.similarity
    else:
        result = compute(model, photo, c.method, **options)
    box = model.pipeline.crop_box(*photo.shape[:2])
    scale = min(1.0, DISPLAY_SIDE / max(photo.shape[:2]))
    layers, heads, sizes = _layer_choices(model, c.method)
    return ExplanationResult(request.image, result, _display(request, photo), tuple(v * scale for v in box),
                             c.randomized, layers, heads, sizes, tuple(model.labels), trained, similarity)


def _layer_choices(model, method: str) -> tuple[tuple[str, ...], int | None, dict]:
    """The layers the explain panel offers for ``method``, the number of attention heads, and the layers'
    output sizes."""
    from ..explain.attention import attention_layers
    from ..explain.methods import get_method
    from ..features import layer_shapes, spatial_shapes

    if get_method(method).kind == "attention":
        layers = attention_layers(model.module)
        sizes = model.memo("attention-layer-sizes", lambda: layer_shapes(model, layers))
        return layers, int(model.module.get_submodule(layers[-1]).num_heads), sizes
    sizes = spatial_shapes(model)
    return tuple(sizes), None, sizes


def features(request: Request, context: Context) -> FeaturesResult:
    from ..features import feature_cells, feature_maps, filter_grid, first_conv, spatial_shapes
    from ..montage import tile

    model = context.chosen_model(request)
    sizes = spatial_shapes(model)
    layer = request.choices.feature_layer or model.spec.target_layer
    maps = feature_maps(model, fed_photo(request), layer)
    name, weights = first_conv(model)
    cells = feature_cells(maps, count=16)
    return FeaturesResult(request.image, layer, tile(cells, 8), len(maps.channels),
                          filter_grid(weights, count=32, columns=8), name, tuple(sizes), tuple(cells),
                          tuple(int(c) for c in maps.channels[:len(cells)]), sizes)


def previews(request: Request, context: Context) -> Previews:
    pipeline = request.choices.pipeline
    strip = pipeline.previews(request.photo, max_side=PREVIEW_SIDE)
    return Previews(request.image, strip[0][1],
                    tuple((step, picture) for step, (_, picture) in zip(pipeline.steps, strip[1:], strict=True)))


def stages(request: Request, context: Context) -> ModelView:
    from ..explain.attention import supports_cls_attention
    from ..explain.patches import patch_grid

    model = context.chosen_model(request)
    photo = fed_photo(request)
    (_, _), (_, resized), (_, cropped), (_, normalised) = model.pipeline.stages(photo)
    layout = patch_grid(model.module) if supports_cls_attention(model.module) else None
    return ModelView(request.image, _display(request, photo), resized, cropped, normalised, model.pipeline, layout)


def patches(request: Request, context: Context) -> Patches:
    """Every attention layer of a ViT on the photo (None for a model without patch tokens)."""
    from ..explain.attention import supports_cls_attention
    from ..explain.patches import patch_attention

    model = context.chosen_model(request)
    if not supports_cls_attention(model.module):
        return Patches(request.image, None)
    return Patches(request.image, patch_attention(model, fed_photo(request)))


def compare(request: Request, context: Context, *, column: int, model_id: str) -> CompareColumn:
    """One model's top-5 and natural map on the photo: one column of a comparison."""
    from ..experiments import compare as columns
    from ..heatmaps import overlay

    model = context.model(model_id, request.weights_files.get(model_id), request.choices.device)
    (result,) = columns([model], fed_photo(request))
    return CompareColumn(request.image, column, result, overlay(result.view, result.heatmap, 0.5))


def faithfulness(request: Request, context: Context, *, method: str | None = None, layer: str | None = None,
                 steps: int = 20, road: bool = False, sanity: bool = False, explanation=None,
                 model_id: str | None = None, tag: object = None) -> FaithfulnessScores:
    """How faithful a method's map is on the photo (deletion, insertion; ROAD and sanity when asked).

    ``method`` None scores the chosen method at the chosen layer; another method is scored at its default
    layer (``layer`` overrides). ``explanation``: the map already on screen for this photo and model, scored
    as it is instead of being made again. ``model_id``: another model (a comparison's column), scored on its
    natural map for its own top-1 class. ``tag`` comes back with the answer.
    """
    from ..experiments import natural_method
    from ..faithfulness import score

    c = request.choices
    target = c.target
    if model_id is not None:
        model = context.model(model_id, request.weights_files.get(model_id), c.device)
        method, target = method or natural_method(model), None
    else:
        model = context.chosen_model(request)
    if method is None:
        method, layer = c.method, c.layer if layer is None else layer
    scores = score(model, fed_photo(request), method, target=target, layer=layer, steps=steps, with_road=road,
                   with_sanity=sanity, explanation=explanation, progress=context.progress, cancel=context.cancel)
    return FaithfulnessScores(request.image, method, scores, tag)


def sweep(request: Request, context: Context, *, model_ids: tuple[str, ...], perturbation: str, start: float,
          stop: float, steps: int) -> Sweep:
    """How each model's confidence in its top-1 class changes as a perturbation grows."""
    from ..experiments import sweep as run

    device, files = request.choices.device, request.weights_files
    models = [context.cache().get(m, weights=files.get(m), device=device) for m in model_ids]
    result = run(models, fed_photo(request), perturbation, start, stop, steps, progress=context.progress,
                 cancel=context.cancel)
    return Sweep(request.image, result, {m.spec.id: m.spec.name for m in models})


def measure(request: Request, context: Context, *, model_id: str, passes: int) -> Latency:
    """One model's latency on this machine's CPU (random weights where its own are not here)."""
    from ..measure import measure_latency

    return Latency(measure_latency(model_id, device="cpu", passes=passes, cancel=context.cancel,
                                   progress=context.progress))


for _analysis in (
    Analysis("classify", (*MODEL_INPUT, "top_k"), classify, Predictions,
             description="The top-k classes for the photo.", quick=classify_quick),
    Analysis("explain", (*MODEL_INPUT, "method", "target", "layer", "head", "randomized"), explain,
             ExplanationResult, description="A map of what the model looked at."),
    Analysis("features", (*MODEL_INPUT, "feature_layer"), features, FeaturesResult,
             description="A layer's strongest feature maps and the first layer's filters."),
    Analysis("previews", ("image", "pipeline"), previews, Previews, engine=False,
             description="The photo after each preprocessing step."),
    Analysis("stages", MODEL_INPUT, stages, ModelView, description="The model's input pipeline, stage by stage."),
    Analysis("patches", MODEL_INPUT, patches, Patches, description="A ViT's attention between its patches."),
    Analysis("compare", ("image", "device", "fed"), compare, CompareColumn, on_demand=True,
             description="One model's top-5 and natural map, a column of a comparison."),
    Analysis("faithfulness", (*MODEL_INPUT, "target"), faithfulness, FaithfulnessScores, on_demand=True,
             description="How faithful a map is: deletion and insertion curves, ROAD and sanity."),
    Analysis("sweep", ("image", "device", "fed"), sweep, Sweep, on_demand=True,
             description="Confidence as a perturbation grows, for several models."),
    Analysis("measure", (), measure, Latency, on_demand=True, description="A model's latency on this CPU."),
):
    ANALYSES.register(_analysis)
