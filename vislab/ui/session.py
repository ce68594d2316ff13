"""The window's state, and the analyses it asks the core for.

:class:`Session` holds what the person chose (images, model, device, k, preprocessing, explanation
settings) and, after every change, recomputes each wanted analysis whose dependencies changed — by spec,
from the core's registry (:mod:`vislab.core.analyses`), with no table per analysis here. A view asks for
the analyses it shows (:meth:`Session.want`) and subscribes to their :class:`AnalysisFeed`; an answer whose
key (the values it was computed for) is no longer current is dropped, never shown under the wrong image or
model. Work runs on a :class:`~vislab.ui.workers.Runner`. Nothing here imports torch: the analyses import
it on the workers.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.analyses import ANALYSES, Analysis, Choices, Context, Request, get_analysis
from ..core.catalog import get_spec
from ..core.errors import Cancelled, ImageReadError
from ..core.images import expand_paths, fit
from ..core.ops import Pipeline
from .engine import import_engine
from .feeds import BY_PERSON, NEW_CHOICES, NEW_MODEL, NEW_PHOTO, AnalysisFeed
from .image_entry import ImageEntry, file_reader
from .workers import Job, Runner

#: Decoded photos kept in memory; older ones are read again when they become current.
KEEP_IMAGES = 12
#: Side of the thumbnails in the image strip.
THUMB = 96
#: Models a comparison puts side by side.
MAX_COMPARE = 4
#: Milliseconds of quiet before the current model's latency is timed (see :class:`Timing`).
IDLE_MS = 400
#: The longest the engine waits for a torch-free first prediction before it starts anyway (ms).
DEFER_ENGINE_MS = 5000
#: How often the idle timing is tried again when other work came and shared the cores.
TIMING_TRIES = 3

__all__ = ["MAX_COMPARE", "AnalysisFeed", "Choices", "ImageEntry", "Session", "Timing"]


@dataclass(frozen=True)
class Timing:
    """One image's forward pass of a loaded model, timed while nothing else of the window's ran.

    The latency a model measures when it loads competes with start-up (torch's import, the first photos, the
    first map): it can read a hundred times too slow. This is the number to believe.
    """

    model_id: str
    weights: str | None
    device: str
    backend: str
    seconds: float


class Session(QObject):
    """The state behind the window; views subscribe to its signals and to its analyses' feeds.

    Signals:
        notify(error): a failure that belongs to no view (a photo that cannot be read): the window's one
            message sink shows it.
        engineStage(stage, detail): what start-up is loading now: one of
            :data:`~vislab.ui.engine.STAGES`, or ``model`` with the model's name as ``detail``.
        engineReady(seconds, devices): the engine is loaded (after ``seconds``), with the devices here.
        engineFailed(error): the engine could not start (torch would not import): nothing that needs a model
            will work, and the window says so.
        latencyTimed(timing): the current model's latency, timed while the window was idle (:class:`Timing`).
    """

    imagesChanged = Signal()
    imageUpdated = Signal(int)
    currentChanged = Signal(int)
    modelChanged = Signal(str)
    engineStage = Signal(str, str)
    engineReady = Signal(float, list)
    engineFailed = Signal(object)
    latencyTimed = Signal(object)
    busyChanged = Signal(bool)
    notify = Signal(object)

    def __init__(self, parent: QObject | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or Runner(self)
        self.runner.done.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self._on_progress)
        self.runner.stage.connect(self._on_stage)
        self.runner.busy.connect(self.busyChanged)
        self.runner.busy.connect(self._on_busy)
        # Pictures composited for the screen: their own thread, never queued behind a long analysis.
        self.tasks = Runner(self, max_threads=1)
        self.tasks.done.connect(self._on_done)
        self.tasks.failed.connect(self._on_failed)
        self.tasks.busy.connect(self._on_tasks_busy)
        self.choices = Choices()
        self.images: list[ImageEntry] = []
        self.current = -1
        self.engine_ready = False
        self._engine_deferred = False  # the engine waits for a torch-free first prediction (start_engine)
        self.engine_error: Exception | None = None  #: why the engine could not start, if it could not
        self.weights_files: dict[str, str] = {}
        self._arrays: OrderedDict[int, np.ndarray] = OrderedDict()
        self._displays: dict[int, np.ndarray] = {}
        self._loading: set[int] = set()
        self._feeds: dict[str, AnalysisFeed] = {}
        self._wanted: dict[Hashable, frozenset[str]] = {}
        self._submitted: dict[str, tuple] = {}  # the key each automatic analysis was last asked for
        self._callbacks: dict[Hashable, tuple[int, Callable[[Any], None]]] = {}  # by task channel: the last one
        self._pinned: set[int] = set()  # ids of on-demand jobs that finish on the photo they started with
        self._classified: set[tuple] = set()  # (model, weights, device) that answered: loaded, ready to time
        self._timed: dict[tuple, int] = {}  # (model, weights, device): tries of the idle timing (done: -1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._flush)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._time_when_idle)

    # --- analyses -------------------------------------------------------------------------------------------

    def feed(self, analysis_id: str) -> AnalysisFeed:
        """The feed of one analysis (any in the core's registry, registered before or after this session)."""
        if analysis_id not in self._feeds:
            self._feeds[analysis_id] = AnalysisFeed(get_analysis(analysis_id), self)
        return self._feeds[analysis_id]

    def want(self, owner: Hashable, analysis_ids: Iterable[str]) -> None:
        """Which analyses ``owner`` (a view) shows now; an analysis is computed while any owner wants it."""
        ids = frozenset(analysis_ids)
        for analysis_id in ids:
            self.feed(analysis_id)  # an unknown id fails here, in the caller
        if self._wanted.get(owner) != ids:
            self._wanted[owner] = ids
            self._request()

    def wanted(self) -> set[str]:
        return set().union(*self._wanted.values()) if self._wanted else set()

    def run(self, analysis_id: str, slot: Hashable = None, *, pinned: bool = False, **params: Any) -> Job | None:
        """Compute an on-demand analysis (a comparison column, a sweep, a measurement) for the current
        photo with ``params``; a new run in the same slot supersedes the old one.

        Args:
            pinned: finish on the photo and choices it started with, even when the person moves on (its
                answer carries that photo's index); otherwise a new photo, model or changed dependency stops
                it and its feed says ``cancelled``.
        """
        spec = get_analysis(analysis_id)
        request = self.request()
        if request is None and spec.depends:
            return None
        if request is None:
            request = Request(self.current, np.zeros((1, 1, 3), np.uint8), replace(self.choices))
        job = self._submit(spec, request, slot, params)
        if pinned:
            self._pinned.add(job.id)
        return job

    def cancel(self, analysis_id: str) -> None:
        """The person stopped an analysis: every run of it is dropped, and its views are told."""
        jobs = self.runner.cancel_matching(lambda job: _analysis_of(job) == analysis_id)
        if jobs:  # its key stays: it is asked for again when what it depends on changes, or on a retry
            self.feed(analysis_id).cancelled.emit(BY_PERSON)

    def run_task(self, channel: Hashable, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run ``fn()`` on a worker and hand its answer to ``done`` on this thread (a new task on the same
        channel supersedes the old one); a failure goes to :attr:`notify`."""
        def run(job: Job) -> Any:
            return None if job.cancel.is_set() else fn()  # superseded before it started: its answer is dropped

        job = self.tasks.submit(("task", channel), run, tag=("task", channel))
        self._callbacks[channel] = (job.id, done)  # a superseded task's callback goes with it

    def request(self) -> Request | None:
        """The current photo and choices, or None while the photo is not in memory."""
        image = self.image()
        if image is None:
            return None
        return Request(self.current, image, replace(self.choices), self.display(), dict(self.weights_files))

    def _submit(self, spec: Analysis, request: Request, slot: Hashable, params: dict) -> Job:
        key = spec.key(request)
        tag = (spec.id, slot, key)

        def work(job: Job) -> Any:
            context = Context(progress=job.report, cancel=job.cancel)
            if spec.quick is not None and not params:  # an answer before torch has loaded, when one can be had
                answer = spec.quick(request, context)
                if answer is not None:
                    return answer
            if spec.engine:
                import_engine()
            return spec.run(request, context, **params)

        # An analysis with a quick answer goes first: the first prediction must not queue behind work that waits
        # for torch.
        return self.runner.submit((spec.id, slot), work, priority=2 if spec.quick else 1, tag=tag)

    def _request(self) -> None:
        self._timer.start()

    def _flush(self) -> None:
        """Ask again for each automatic analysis whose dependencies changed: now if a view wants it, else
        when one does (an answer for earlier choices must not show up later, so it is cancelled)."""
        request = self.request()
        if request is None:
            return
        wanted = self.wanted()
        for spec in ANALYSES:
            if spec.on_demand or (self._engine_deferred and spec.engine and spec.quick is None):
                continue  # (those that need torch wait for a torch-free first prediction: :meth:`start_engine`)
            key = spec.key(request)
            if self._submitted.get(spec.id) == key:
                continue
            if spec.id in wanted:
                self._submitted[spec.id] = key
                self._submit(spec, request, None, {})
            elif self.runner.cancel((spec.id, None)) is not None:
                self._submitted.pop(spec.id, None)

    def _cancel_analyses(self) -> list[str]:
        """A new photo or model: what was computed for the old one is dropped (a measurement, which depends on
        neither, goes on, and so does a pinned run); returns the on-demand analyses stopped, whose views the
        caller tells (:meth:`_tell_stopped`) once it has said what changed."""
        def of_photo_or_model(job: Job) -> bool:
            analysis = _analysis_of(job)
            return (analysis is not None and job.id not in self._pinned
                    and bool({"image", "model"} & set(get_analysis(analysis).depends)))

        stopped = {_analysis_of(job) for job in self.runner.cancel_matching(of_photo_or_model)}
        self._submitted.clear()
        return sorted(a for a in stopped if get_analysis(a).on_demand)

    def _stop_stale(self) -> None:
        """A choice changed: an on-demand run computed for the earlier value (a comparison when the device or
        the pipeline fed to the model changes) would be dropped when it answers, so it stops now and its views
        are told (a pinned run goes on)."""
        request = self.request()

        def stale(job: Job) -> bool:
            analysis = _analysis_of(job)
            if analysis is None or job.id in self._pinned:
                return False
            spec = get_analysis(analysis)
            return spec.on_demand and bool(spec.depends) and (request is None or spec.key(request) != job.tag[2])

        self._tell_stopped(sorted({_analysis_of(job) for job in self.runner.cancel_matching(stale)}), NEW_CHOICES)

    def _tell_stopped(self, analysis_ids: Iterable[str], reason: str) -> None:
        for analysis_id in analysis_ids:
            self.feed(analysis_id).cancelled.emit(reason)

    # --- start-up -------------------------------------------------------------------------------------------

    def start_engine(self) -> None:
        """Import the core's heavy modules (torch) and load the current model, off the UI thread; each stage
        is told on :attr:`engineStage`, a failure on :attr:`engineFailed`.

        When the current model can answer without torch (its ONNX export and manifest are in the cache:
        :mod:`vislab.core.instant`), the engine starts after that first prediction (or after
        :data:`DEFER_ENGINE_MS`), and so does the work that needs it: importing torch holds Python's lock for
        long stretches, and start-up would wait on it.
        """
        from ..core import fast, instant

        c = self.choices
        if fast.enabled() and c.device in ("auto", "cpu") and instant.find(c.model_id, c.weights)[0] is not None:
            self._engine_deferred = True
            QTimer.singleShot(DEFER_ENGINE_MS, self._end_deferral)
            return
        self._start_engine_now()

    def _end_deferral(self) -> None:
        if self._engine_deferred:
            self._engine_deferred = False
            self._start_engine_now()
            self._request()

    def _start_engine_now(self) -> None:
        choices = replace(self.choices)

        def warm(job: Job) -> tuple[float, list[str]]:
            start = time.perf_counter()
            engine = import_engine(job.say)
            from ..core.devices import available_devices
            from ..core.weights import WeightsStatus, weights_status

            spec = get_spec(choices.model_id)
            if choices.weights or weights_status(spec) in (WeightsStatus.BUNDLED, WeightsStatus.CACHED):
                job.say("model", spec.name)
                try:  # a download waits for the first classification, which shows its progress
                    engine.models().get(choices.model_id, weights=choices.weights, device=choices.device)
                except Exception:  # the first classification reports it, with the image it was for
                    pass
            return time.perf_counter() - start, available_devices()

        self.runner.submit(("engine",), warm, tag=("engine",))

    def stop(self) -> None:
        """Stop all work, and the idle timing (the window closes)."""
        self._idle.stop()
        self._engine_deferred = False  # the deferred engine start, if its timer fires later, does nothing
        self.runner.cancel_all()
        self.tasks.cancel_all()

    def set_fast_path(self, on: bool) -> None:
        """ONNX Runtime for the passes that need no gradient, or torch for everything. Turning it on prepares
        the models already loaded, on a worker (an export per model, once)."""
        from ..core import fast  # the switch alone: no torch

        fast.set_enabled(on)
        if on and self.engine_ready:
            self.runner.submit(("fast",), lambda job: import_engine().set_fast_path(True), tag=("fast",))
        self._submitted.pop("classify", None)
        self._request()

    # --- images ---------------------------------------------------------------------------------------------

    def add_paths(self, paths: Iterable[str | Path]) -> list[Path]:
        """Add image files and folders (their images, recursively); returns the files added."""
        files = expand_paths(paths)
        for path in files:
            self._add(ImageEntry(str(path), path.name, file_reader(str(path))))
        return files

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
            return image, fit(image, THUMB), fit(image)

        # The photo on screen first: a folder of photos must not hold up the first prediction.
        self.runner.submit(("load", index), load, priority=2 if index == self.current else 0, tag=("load", index))

    def image(self, index: int | None = None) -> np.ndarray | None:
        """The decoded photo, if it is in memory."""
        index = self.current if index is None else index
        return self._arrays.get(index)

    def display(self, index: int | None = None) -> np.ndarray | None:
        """The photo at most :data:`~vislab.core.images.DISPLAY_SIDE` pixels on a side, made on the worker
        that read it: the window shows this one, so a 12-megapixel photo never crosses to the screen."""
        index = self.current if index is None else index
        return self._displays.get(index)

    def set_current(self, index: int) -> None:
        if not 0 <= index < len(self.images) or index == self.current:
            return
        self.current = index
        self.choices.target = None
        stopped = self._cancel_analyses()
        self.currentChanged.emit(index)
        self._tell_stopped(stopped, NEW_PHOTO)  # after the views cleared for the new photo: the word stays
        entry = self.images[index]
        if index in self._arrays:
            self._arrays.move_to_end(index)
            self._request()
        elif entry.error is None and index not in self._loading:
            self._load(index)

    def step(self, delta: int) -> None:
        if self.images:
            self.set_current((self.current + delta) % len(self.images))

    # --- choices --------------------------------------------------------------------------------------------

    def set_model(self, model_id: str, weights: str | None = None) -> None:
        """Choose a model (and a weights file for it); choosing the same model again retries it."""
        get_spec(model_id)
        if weights:
            self.weights_files[model_id] = weights  # comparisons use it for this model too
        if (model_id, weights) != (self.choices.model_id, self.choices.weights):
            self.choices.model_id, self.choices.weights = model_id, weights
            self.choices.target = self.choices.layer = self.choices.feature_layer = self.choices.head = None
            stopped = self._cancel_analyses()
            self.modelChanged.emit(model_id)
            self._tell_stopped(stopped, NEW_MODEL)
        elif weights:
            self.modelChanged.emit(model_id)  # the same file again: what shows the weights' state looks again
        self._submitted.clear()
        self._request()

    def set_device(self, device: str) -> None:
        self._set(device=device)

    def set_top_k(self, k: int) -> None:
        self._set(top_k=k)

    def set_pipeline(self, pipeline: Pipeline) -> None:
        self._set(pipeline=pipeline)

    def set_feed_pipeline(self, feed: bool) -> None:
        self._set(feed_pipeline=feed)

    def set_explain(self, **changes: Any) -> None:
        """Change any of method, target, layer, head or randomized, and re-explain."""
        unknown = set(changes) - {"method", "target", "layer", "head", "randomized"}
        if unknown:
            raise AttributeError(", ".join(sorted(unknown)))
        if "method" in changes and "layer" not in changes:
            changes |= {"layer": None, "head": None}
        self._submitted.pop("explain", None)  # an explicit choice asks again, also after a failure or a cancel
        self._set(**changes)

    def set_feature_layer(self, layer: str | None) -> None:
        self._set(feature_layer=layer)

    def _set(self, **changes: Any) -> None:
        for key, value in changes.items():
            setattr(self.choices, key, value)
        self._stop_stale()
        self._request()  # what depends on a changed value is asked for again, nothing else

    # --- answers --------------------------------------------------------------------------------------------

    def _on_done(self, job: Job, result: object) -> None:
        kind = job.tag[0]
        pinned = job.id in self._pinned
        self._pinned.discard(job.id)
        if kind == "engine":
            self.engine_ready = True
            self.engineReady.emit(*result)
        elif kind == "latency":
            self._on_timed(job, result)
        elif kind == "load":
            self._on_loaded(job.tag[1], *result)
        elif kind == "task":
            job_id, callback = self._callbacks.get(job.tag[1], (None, None))
            if job_id == job.id:
                del self._callbacks[job.tag[1]]
                callback(result)
        elif kind in ANALYSES and self._is_current(job, pinned):
            if kind == "classify" and not result.torch_free:  # loaded now: its latency can be timed when quiet
                self._classified.add(_model_key(self.choices))
            self.feed(kind).ready.emit(result)
            if kind == "classify":
                QTimer.singleShot(0, self._end_deferral)  # after the prediction is drawn
        elif kind in ANALYSES and get_analysis(kind).on_demand:  # computed for earlier choices: no answer
            self.feed(kind).cancelled.emit(NEW_CHOICES)

    def _is_current(self, job: Job, pinned: bool = False) -> bool:
        """Whether an analysis' answer was computed for what is chosen now (a pinned run's always is)."""
        analysis_id, _slot, key = job.tag
        spec = get_analysis(analysis_id)
        if not spec.depends or pinned:
            return True
        request = self.request()
        return request is not None and spec.key(request) == key

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
            self._request()

    def _on_failed(self, job: Job, error: Exception) -> None:
        kind = job.tag[0]
        pinned = job.id in self._pinned
        self._pinned.discard(job.id)
        if kind == "load":
            index = job.tag[1]
            self._loading.discard(index)
            entry = self.images[index]
            entry.error = error.reason if isinstance(error, ImageReadError) else str(error)
            self.imageUpdated.emit(index)
            self.notify.emit(error)
        elif kind in ANALYSES:
            self._on_analysis_failed(job, error, pinned)
        elif kind == "task":
            if self._callbacks.get(job.tag[1], (None,))[0] == job.id:
                del self._callbacks[job.tag[1]]
            self.notify.emit(error)
        elif kind == "engine":
            self.engine_error = error
            self.engineFailed.emit(error)
        elif kind == "latency":
            if not isinstance(error, Cancelled):
                self._timed[job.tag[1]] = -1  # not tried again: the card's latency stays provisional
        elif kind != "fast":  # the fast path's preparation
            self.notify.emit(error)

    def _on_analysis_failed(self, job: Job, error: Exception, pinned: bool) -> None:
        kind = job.tag[0]
        on_demand = get_analysis(kind).on_demand
        if not self._is_current(job, pinned):  # failed for choices already changed
            if on_demand:
                self.feed(kind).cancelled.emit(NEW_CHOICES)
            return  # an automatic analysis: what is asked for now comes next
        if isinstance(error, Cancelled):  # stopped from elsewhere (a shared download), not by this job
            self._submitted.pop(kind, None)
            if on_demand:
                self.feed(kind).cancelled.emit(BY_PERSON)
            self._request()
            return
        if not on_demand:
            self._submitted.pop(kind, None)  # asked for again at the next change
        self.feed(kind).failed.emit(error, job.tag[1])

    def _on_progress(self, job: Job, done: int, total: int) -> None:
        if job.tag[0] in ANALYSES:
            self.feed(job.tag[0]).progress.emit(done, total)

    def _on_stage(self, job: Job, stage: str, detail: str) -> None:
        if job.tag[0] == "engine":
            self.engineStage.emit(stage, detail)

    # --- the latency, timed when nothing else runs ------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._idle.stop()
        else:
            self._idle.start()

    def _on_tasks_busy(self, busy: bool) -> None:
        timing = self.runner.current(("latency",))
        if busy and timing is not None:
            timing.shared = True  # a picture composited meanwhile shared the cores

    def _time_when_idle(self) -> None:
        """Time the current model's forward pass, once per model, weights and device, when nothing else
        runs; an answer :attr:`latencyTimed` while other work came too is tried again later."""
        key = _model_key(self.choices)
        tries = self._timed.get(key, 0)
        if (not self.engine_ready or not self.runner.idle() or not self.tasks.idle() or key not in self._classified
                or not 0 <= tries < TIMING_TRIES):
            return
        self._timed[key] = tries + 1
        model_id, weights, device = key

        def time_it(job: Job) -> Timing:
            import torch

            model = import_engine().models().get(model_id, weights=weights, device=device)
            h, w = model.pipeline.crop
            blank = torch.zeros(1, 3, h, w)
            times = []
            for _ in range(4):
                if job.cancel.is_set():
                    raise Cancelled("the timing was stopped")
                start = time.perf_counter()
                model.forward(blank)
                times.append(time.perf_counter() - start)
            return Timing(model_id, weights, device, model.backend, min(times[1:]))

        self.runner.submit(("latency",), time_it, tag=("latency", key))

    def _on_timed(self, job: Job, timing: Timing) -> None:
        key = job.tag[1]
        if job.shared:
            return  # other work ran meanwhile: tried again at the next quiet moment
        self._timed[key] = -1
        self.latencyTimed.emit(timing)


def _model_key(choices: Choices) -> tuple[str, str | None, str]:
    return choices.model_id, choices.weights, choices.device


def _analysis_of(job: Job) -> str | None:
    tag = job.tag
    return tag[0] if isinstance(tag, tuple) and len(tag) == 3 and tag[0] in ANALYSES else None
