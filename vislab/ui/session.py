"""The window's state, and the requests it sends to the core.

:class:`Session` holds what the person chose (images, model, device, k, preprocessing, explanation
settings) and turns every change into the least work that depends on it: a new k re-classifies, a new
target re-explains, a new image recomputes everything. Work runs on :class:`~vislab.ui.workers.Runner`
channels, so a stale answer is dropped, never shown under the wrong image or model. Nothing here imports
torch: the core's heavy modules are imported inside the worker functions.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.catalog import DEFAULT_MODEL, get_spec
from ..core.errors import VislabError
from ..core.images import DISPLAY_SIDE, fit, is_image_path
from ..core.ops import Pipeline
from .workers import Job, Runner

#: Decoded photos kept in memory; older ones are read again when they become current.
KEEP_IMAGES = 12
#: Side of the thumbnails in the image strip.
THUMB = 96
#: Longest side of the copies the previews work on.
PREVIEW_SIDE = 512

ALL_CHANNELS = ("classify", "explain", "features", "previews", "stages", "patches")
#: Models a comparison puts side by side.
MAX_COMPARE = 4
#: Always computed; the others only while their panel is shown.
ALWAYS = ("classify", "previews", "stages")
#: What the preprocessing changes when it is fed to the model.
FED = ("classify", "explain", "features", "stages", "patches")


@dataclass
class ImageEntry:
    """One photo in the strip."""

    source: str
    name: str
    loader: Callable[[], np.ndarray] = field(repr=False, default=None)
    thumbnail: np.ndarray | None = None
    error: str | None = None
    size: tuple[int, int] | None = None


@dataclass(frozen=True)
class Predictions:
    image: int
    model_id: str
    device: str
    items: list
    seconds: float
    load_seconds: float
    latency: float | None = None
    backend: str = "torch"


@dataclass(frozen=True)
class ExplanationResult:
    image: int
    explanation: Any
    photo: np.ndarray
    crop_box: tuple[float, float, float, float]
    randomized: bool
    layers: tuple[str, ...] = ()
    heads: int | None = None


@dataclass(frozen=True)
class FeaturesResult:
    image: int
    layer: str
    grid: np.ndarray
    channels: int
    filters: np.ndarray
    filters_name: str
    layers: list[str]


@dataclass
class Choices:
    """What the person chose."""

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


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files as given, and the images inside folders, recursively, in name order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted((p for p in path.rglob("*") if p.is_file() and is_image_path(p)),
                            key=lambda p: str(p).lower())
        else:
            found.append(path)
    return found


class Session(QObject):
    """The state behind the window; views subscribe to its signals."""

    imagesChanged = Signal()
    imageUpdated = Signal(int)
    currentChanged = Signal(int)
    modelChanged = Signal(str)
    predictionsReady = Signal(object)
    explanationReady = Signal(object)
    featuresReady = Signal(object)
    previewsReady = Signal(object)
    stagesReady = Signal(object)
    patchesReady = Signal(object)
    engineReady = Signal(float, list)
    message = Signal(str)
    progress = Signal(str, int, int)
    busyChanged = Signal(bool)
    failed = Signal(str, str)
    columnReady = Signal(int, object)
    sweepReady = Signal(object)

    def __init__(self, parent: QObject | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or Runner(self)
        self.runner.done.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self.progress)
        self.runner.busy.connect(self.busyChanged)
        self.choices = Choices()
        self.images: list[ImageEntry] = []
        self.current = -1
        self.engine_ready = False
        self.weights_files: dict[str, str] = {}
        self._arrays: OrderedDict[int, np.ndarray] = OrderedDict()
        self._displays: dict[int, np.ndarray] = {}
        self._loading: set[int] = set()
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._flush)
        self.active_panels: set[str] = {"explain"}

    # --- start-up -----------------------------------------------------------------------------------------

    def start_engine(self) -> None:
        """Import the core's heavy modules (torch) and load the current model, off the UI thread."""
        choices = self.choices

        def warm(job: Job) -> tuple[float, list[str]]:
            start = time.perf_counter()
            engine = import_engine()
            from ..core.devices import available_devices
            from ..core.weights import WeightsStatus, weights_status

            spec = get_spec(choices.model_id)
            if choices.weights or weights_status(spec) in (WeightsStatus.BUNDLED, WeightsStatus.CACHED):
                try:  # a download waits for the first classification, which shows its progress
                    engine.models().get(choices.model_id, weights=choices.weights, device=choices.device)
                except VislabError:
                    pass  # the first classification reports it, with the image it was for
            return time.perf_counter() - start, available_devices()

        self.runner.submit("engine", warm)

    # --- images ---------------------------------------------------------------------------------------------

    def add_paths(self, paths: list[str | Path]) -> int:
        """Add image files and folders (their images, recursively); returns how many were added."""
        files = expand_paths(paths)
        for path in files:
            self._add(ImageEntry(str(path), path.name, _read_file(str(path))))
        return len(files)

    def add_array(self, image: np.ndarray, name: str) -> None:
        """Add an image that has no file (pasted from the clipboard)."""
        self._add(ImageEntry(f"<{name}>", name, lambda: image))

    def _add(self, entry: ImageEntry) -> None:
        index = len(self.images)
        self.images.append(entry)
        self._load(index)
        self.imagesChanged.emit()
        if self.current < 0:
            self.set_current(index)

    def _load(self, index: int) -> None:
        self._loading.add(index)
        loader = self.images[index].loader

        def load(job: Job):
            image = loader()
            return index, image, fit(image, THUMB), fit(image)

        # The photo on screen first: a folder of photos must not hold up the first prediction.
        self.runner.submit(f"load:{index}", load, priority=2 if index == self.current else 0)

    def image(self, index: int | None = None) -> np.ndarray | None:
        """The decoded photo, if it is in memory."""
        index = self.current if index is None else index
        return self._arrays.get(index)

    def display(self, index: int | None = None) -> np.ndarray | None:
        """The photo at most :data:`DISPLAY_SIDE` pixels on a side, made on the worker that read it: the
        window shows this one, so a 12-megapixel photo never crosses to the screen in full."""
        index = self.current if index is None else index
        return self._displays.get(index)

    def set_current(self, index: int) -> None:
        if not 0 <= index < len(self.images) or index == self.current:
            return
        self.current = index
        self.choices.target = None
        self.currentChanged.emit(index)
        entry = self.images[index]
        if index in self._arrays:
            self._arrays.move_to_end(index)
            self._request(*ALL_CHANNELS)
        elif entry.error is None and index not in self._loading:
            self._load(index)
        self._cancel_analysis()

    def _cancel_analysis(self) -> None:
        for channel in (*ALL_CHANNELS, "sweep", *(f"compare:{i}" for i in range(MAX_COMPARE))):
            self.runner.cancel(channel)

    def step(self, delta: int) -> None:
        if self.images:
            self.set_current((self.current + delta) % len(self.images))

    # --- choices --------------------------------------------------------------------------------------------

    def set_model(self, model_id: str, weights: str | None = None) -> None:
        get_spec(model_id)
        if weights:
            self.weights_files[model_id] = weights  # comparisons use it for this model too
        if (model_id, weights) != (self.choices.model_id, self.choices.weights):
            self.choices.model_id, self.choices.weights = model_id, weights
            self.choices.target = self.choices.layer = self.choices.feature_layer = self.choices.head = None
            self._cancel_analysis()
            self.modelChanged.emit(model_id)
        self._request(*ALL_CHANNELS)  # choosing the same model again retries it

    def set_device(self, device: str) -> None:
        if device != self.choices.device:
            self.choices.device = device
            self._request("classify", "explain", "features")

    def set_top_k(self, k: int) -> None:
        if k != self.choices.top_k:
            self.choices.top_k = k
            self._request("classify")

    def set_pipeline(self, pipeline: Pipeline) -> None:
        if pipeline != self.choices.pipeline:
            self.choices.pipeline = pipeline
            self._request("previews", *(FED if self.choices.feed_pipeline else ()))

    def set_feed_pipeline(self, feed: bool) -> None:
        if feed != self.choices.feed_pipeline:
            self.choices.feed_pipeline = feed
            self._request(*FED)

    def set_explain(self, **changes: Any) -> None:
        """Change any of method, target, layer, head or randomized, and re-explain."""
        for key, value in changes.items():
            if not hasattr(self.choices, key):
                raise AttributeError(key)
            setattr(self.choices, key, value)
        if "method" in changes and "layer" not in changes:
            self.choices.layer = self.choices.head = None
        self._request("explain")

    def set_feature_layer(self, layer: str | None) -> None:
        self.choices.feature_layer = layer
        self._request("features")

    def compare(self, model_ids: list[str]) -> None:
        """Each model's top-5 and natural map on the current image, a worker per model."""
        image = self.image()
        if image is None:
            return
        for column, model_id in enumerate(model_ids[:MAX_COMPARE]):
            self.runner.submit(f"compare:{column}", _compare(self.current, column, image, model_id,
                                                            self.weights_files.get(model_id), replace(self.choices)))

    def sweep(self, model_ids: list[str], perturbation: str, start: float, stop: float, steps: int) -> None:
        """A robustness sweep of the current image over ``model_ids``."""
        image = self.image()
        if image is not None:
            self.runner.submit("sweep", _sweep(self.current, image, model_ids, dict(self.weights_files),
                                               replace(self.choices), perturbation, start, stop, steps))

    def set_fast_path(self, on: bool) -> None:
        """ONNX Runtime for the passes that need no gradient, or torch for everything. Turning it on prepares
        the models already loaded, on a worker (an export per model, once)."""
        from ..core import fast  # the switch alone: no torch

        fast.set_enabled(on)
        if on and self.engine_ready:
            self.runner.submit("fast", lambda job: import_engine().set_fast_path(True))
        self._request("classify")

    def set_active_panels(self, panels: set[str]) -> None:
        added = panels - self.active_panels
        self.active_panels = set(panels)
        if added:
            self._request(*added)

    # --- requests ---------------------------------------------------------------------------------------------

    def _request(self, *channels: str) -> None:
        self._dirty.update(channels)
        self._timer.start()

    def _flush(self) -> None:
        image = self.image()
        if image is None:
            return
        dirty, self._dirty = self._dirty, set()
        key = self._key()
        for channel in ALL_CHANNELS:
            if channel in dirty and (channel in ALWAYS or channel in self.active_panels):
                work = _WORK[channel](self.current, image, replace(self.choices))
                self.runner.submit(channel, _keyed(key, work, engine=channel != "previews"), priority=1)
            elif channel in dirty:
                self.runner.cancel(channel)  # an answer for an earlier choice must not show up later
                self._dirty.add(channel)  # computed when its panel is shown

    def _key(self) -> tuple:
        """What an answer must have been computed for to be shown now."""
        return self.current, self.choices.model_id, self.choices.weights

    # --- answers --------------------------------------------------------------------------------------------

    def _on_done(self, channel: str, result: object) -> None:
        if channel == "engine":
            self.engine_ready = True
            self.engineReady.emit(*result)
        elif channel.startswith("load:"):
            self._on_loaded(*result)
        elif channel == "fast" or channel.startswith("measure"):
            pass  # nothing to show (fast), or the Models panel takes its own answers
        elif channel.startswith(("compare:", "sweep")):
            if result.image == self.current:
                if channel == "sweep":
                    self.sweepReady.emit(result)
                else:
                    self.columnReady.emit(int(channel.split(":")[1]), result)
        else:
            key, answer = result
            if key == self._key():
                getattr(self, _SIGNALS[channel]).emit(answer)

    def _on_loaded(self, index: int, image: np.ndarray, thumb: np.ndarray, display: np.ndarray) -> None:
        self._loading.discard(index)
        entry = self.images[index]
        entry.thumbnail, entry.size = thumb, (image.shape[1], image.shape[0])
        self._arrays[index] = image
        self._displays[index] = display
        while len(self._arrays) > KEEP_IMAGES:
            oldest = next(i for i in self._arrays if i != self.current)
            del self._arrays[oldest]
            self._displays.pop(oldest, None)
        self.imageUpdated.emit(index)
        if index == self.current:
            self._request(*ALL_CHANNELS)

    def _on_failed(self, channel: str, message: str) -> None:
        if channel.startswith("load:"):
            index = int(channel.split(":", 1)[1])
            self._loading.discard(index)
            self.images[index].error = message.split(": ", 1)[-1] if ": " in message else message
            self.imageUpdated.emit(index)
        elif channel in ALL_CHANNELS or channel.startswith(("compare:", "sweep")):
            self.failed.emit(channel, message)
        self.message.emit(message)


_last_fed: list = [None]  # (photo, pipeline, result): the jobs of one change share one pipeline run
_last_fed_lock = threading.Lock()


def _fed(image: np.ndarray, c: Choices) -> np.ndarray:
    """What the model gets: the preprocessed image when the pipeline feeds it, else the photo.

    Classify, explain, features and stages all ask for it after a change; the pipeline runs on the full
    photo, so the last result is kept for the jobs that follow.
    """
    if not c.feed_pipeline:
        return image
    with _last_fed_lock:
        last = _last_fed[0]
        if last is not None and last[0] is image and last[1] == c.pipeline:
            return last[2]
    result = c.pipeline.apply(image)
    with _last_fed_lock:
        _last_fed[0] = (image, c.pipeline, result)
    return result


def _read_file(path: str):
    def read() -> np.ndarray:
        from ..core.images import read_image

        return read_image(path)

    return read


# --- the work, as functions run on workers -------------------------------------------------------------------

_ENGINE_LOCK = threading.Lock()


def _keyed(key: tuple, work: Callable[[Job], Any], engine: bool = True) -> Callable[[Job], tuple]:
    """``work`` with its answer tagged by the choices it was computed for (``engine``: after the core's heavy
    modules are imported; the previews need only OpenCV and need not wait for them)."""
    def run(job: Job) -> tuple:
        if engine:
            import_engine()
        return key, work(job)

    return run


def import_engine():
    """The core's heavy modules (torch, timm, torchvision, grad-cam, matplotlib), imported by one worker at a
    time: two threads importing torchvision at once can meet a half-initialised module and fail with an
    ImportError. Every job that runs a model calls this first (it costs nothing once the modules are loaded)."""
    with _ENGINE_LOCK:
        import matplotlib.colors  # noqa: F401 - the colour maps; the UI thread imports it after the engine
        from matplotlib.backends import backend_qtagg  # noqa: F401 - for the plots, off the UI thread

        from ..core import engine, experiments, features, measure  # noqa: F401
        from ..core.explain import methods, patches  # noqa: F401
    return engine


def _model(c: Choices, job: Job):
    """The chosen model from the shared cache; a download reports to ``job`` and stops when it is cancelled."""
    engine = import_engine()
    return engine.models().get(c.model_id, weights=c.weights, device=c.device, progress=job.report,
                               cancel=job.cancel)


def _classify(index: int, image: np.ndarray, c: Choices):
    def work(job: Job) -> Predictions:

        model = _model(c, job)
        start = time.perf_counter()
        items = model.classify(_fed(image, c), c.top_k)
        return Predictions(index, c.model_id, str(model.device), items, time.perf_counter() - start,
                           model.load_seconds, model.latency, model.backend)

    return work


def _explain(index: int, image: np.ndarray, c: Choices):
    def work(job: Job) -> ExplanationResult:
        from ..core.explain import explain

        model = _model(c, job)
        if c.randomized:
            model = model.randomized()
        photo = _fed(image, c)
        result = explain(model, photo, c.method, target=c.target, layer=c.layer, head=c.head,
                         progress=job.report, cancel=job.cancel)
        box = model.pipeline.crop_box(*photo.shape[:2])
        scale = min(1.0, DISPLAY_SIDE / max(photo.shape[:2]))
        layers, heads = _layer_choices(model, c.method)
        return ExplanationResult(index, result, fit(photo), tuple(v * scale for v in box), c.randomized,
                                 layers, heads)

    return work


def _layer_choices(model, method: str) -> tuple[tuple[str, ...], int | None]:
    """The layers the explain panel offers for ``method``, and the number of attention heads."""
    from ..core.explain.attention import attention_layers
    from ..core.explain.methods import get_method
    from ..core.features import spatial_layers

    if get_method(method).kind == "attention":
        layers = attention_layers(model.module)
        return layers, int(model.module.get_submodule(layers[-1]).num_heads)
    return tuple(spatial_layers(model)), None


def _features(index: int, image: np.ndarray, c: Choices):
    def work(job: Job) -> FeaturesResult:
        from ..core.features import feature_grid, feature_maps, filter_grid, first_conv, spatial_layers

        model = _model(c, job)
        layers = spatial_layers(model)
        layer = c.feature_layer or model.spec.target_layer
        maps = feature_maps(model, _fed(image, c), layer)
        name, weights = first_conv(model)
        return FeaturesResult(index, layer, feature_grid(maps, count=16, columns=8), len(maps.channels),
                              filter_grid(weights, count=32, columns=8), name, layers)

    return work


def _previews(index: int, image: np.ndarray, c: Choices):
    def work(job: Job):
        return _Indexed(index, c.pipeline.previews(image, max_side=PREVIEW_SIDE))

    return work


def _stages(index: int, image: np.ndarray, c: Choices):
    def work(job: Job):
        from ..core.explain.attention import supports_cls_attention
        from ..core.explain.layers import token_grid

        model = _model(c, job)
        stages = model.pipeline.stages(_fed(image, c))
        stages[0] = ("original", fit(stages[0][1]))
        grid = prefix = None
        if supports_cls_attention(model.module):  # a ViT: patches become tokens, plus the class token
            h, w = model.module.patch_embed.grid_size
            prefix, grid = token_grid(model.module, h * w + model.module.num_prefix_tokens)
        return _Indexed(index, ModelView(stages, model.pipeline, grid, prefix))

    return work


@dataclass(frozen=True)
class ModelView:
    """The model's input pipeline step by step, and its patch grid for a ViT."""

    stages: list
    pipeline: Any  # the model's InputPipeline
    grid: tuple[int, int] | None
    prefix_tokens: int | None

    @property
    def tokens(self) -> int | None:
        return None if self.grid is None else self.grid[0] * self.grid[1] + (self.prefix_tokens or 0)


def _compare(index: int, column: int, image: np.ndarray, model_id: str, weights: str | None, c: Choices):
    def work(job: Job) -> _Indexed:
        engine = import_engine()
        from ..core.experiments import compare
        from ..core.heatmaps import overlay

        model = engine.models().get(model_id, weights=weights, device=c.device, progress=job.report,
                                    cancel=job.cancel)
        (result,) = compare([model], _fed(image, c))
        return _Indexed(index, (result, overlay(result.view, result.heatmap, 0.5)))

    return work


def _sweep(index: int, image: np.ndarray, model_ids: list[str], weights: dict[str, str], c: Choices,
           perturbation: str, start: float, stop: float, steps: int):
    def work(job: Job) -> _Indexed:
        engine = import_engine()
        from ..core.experiments import sweep

        models = [engine.models().get(m, weights=weights.get(m), device=c.device) for m in model_ids]
        result = sweep(models, _fed(image, c), perturbation, start, stop, steps, progress=job.report,
                       cancel=job.cancel)
        return _Indexed(index, (result, {m.spec.id: m.spec.name for m in models}))

    return work


@dataclass(frozen=True)
class _Indexed:
    image: int
    value: Any


def _patches(index: int, image: np.ndarray, c: Choices):
    def work(job: Job):
        """Every attention layer of a ViT on the image (None for a model without patch tokens)."""
        from ..core.explain.attention import supports_cls_attention
        from ..core.explain.patches import patch_attention

        model = _model(c, job)
        if not supports_cls_attention(model.module):
            return _Indexed(index, None)
        return _Indexed(index, patch_attention(model, _fed(image, c)))

    return work


_WORK = {"classify": _classify, "explain": _explain, "features": _features, "previews": _previews,
         "stages": _stages, "patches": _patches}
_SIGNALS = {"classify": "predictionsReady", "explain": "explanationReady", "features": "featuresReady",
            "previews": "previewsReady", "stages": "stagesReady", "patches": "patchesReady"}

