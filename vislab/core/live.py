"""Live: a camera (or a video file played as one) classified and explained at the camera's pace.

Three parts, each on its own thread:

- :class:`Capture` reads a :class:`VideoSource` into a :class:`FrameSlot`, a one-slot buffer: the newest frame
  replaces the one before, nothing queues, so what is processed is never behind what the camera sees. A file is
  delivered at its own frame rate, starting when the consumer is ready for its first frame.
- :class:`Live` takes the newest frame whenever it is free, classifies it and, every frame or every n-th frame
  (:class:`MapSchedule`, whichever keeps the predictions at the camera's pace), explains it; the map is smoothed
  over time (:class:`MapSmoother`, an exponential moving average) so it does not flicker.
- The front end (the window, ``vislab live``) receives frames and results through callbacks, or iterates
  :meth:`Live.results` on its own thread.

While Live runs, torch and ONNX Runtime run on one thread fewer than the machine's physical cores (at least one):
the window keeps a core (:func:`leave_a_core`). The source is released on stop, at the end of a file and when it
fails mid-stream; a failure ends Live with one :class:`~vislab.core.errors.CameraError` naming the source.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .errors import CameraError, VislabError
from .fast import physical_cores

if TYPE_CHECKING:
    from .model import LoadedModel
    from .predictions import Prediction

log = logging.getLogger(__name__)

__all__ = ["Capture", "Frame", "FrameSlot", "Live", "LiveRates", "LiveResult", "MapSchedule", "MapSmoother",
           "VideoSource", "available_cameras", "describe_source", "leave_a_core", "parse_source", "write_video"]

#: The frame rate assumed for a camera that does not say its own.
DEFAULT_CAMERA_FPS = 30.0
#: Camera indices :func:`available_cameras` looks at where the system does not list its cameras.
PROBE_INDICES = 4
#: Seconds :func:`available_cameras` waits for all its probes together.
PROBE_TIMEOUT = 3.0
#: Seconds over which :class:`Rate` counts events.
RATE_WINDOW = 2.0
#: When the model cannot keep up with the camera even without maps, maps may slow the predictions by this share.
MAP_SHARE = 0.15
#: The map is computed at least once in this many processed frames.
MAX_MAP_INTERVAL = 30

Source = int | str | Path


def parse_source(text: Source) -> int | Path:
    """A camera index (``0``, ``"1"``) or a video file's path."""
    if isinstance(text, int):
        return text
    if isinstance(text, str) and text.strip().isdigit():
        return int(text.strip())
    return Path(text)


def describe_source(source: Source) -> str:
    """The source in words: ``camera 0``, or the file's path."""
    parsed = parse_source(source)
    return f"camera {parsed}" if isinstance(parsed, int) else str(parsed)


@dataclass(frozen=True)
class Frame:
    """One frame of the source.

    Attributes:
        index: its place in the source (0 first); a file's frame number.
        image: RGB uint8, mirrored and resized as asked.
        time: ``time.perf_counter()`` when it was captured.
    """

    index: int
    image: np.ndarray
    time: float


class VideoSource:
    """A camera or a video file through ``cv2.VideoCapture``.

    Args:
        source: a camera index or a video file's path.
        resolution: (width, height) asked of a camera; a file's larger frames are scaled down to fit it.
        mirror: flip each frame left to right (a camera facing the person is a mirror).
    """

    def __init__(self, source: Source, *, resolution: tuple[int, int] | None = None, mirror: bool = False) -> None:
        self.source = parse_source(source)
        self.name = describe_source(self.source)
        self.resolution = resolution
        self.mirror = mirror
        self._capture: cv2.VideoCapture | None = None
        self._lock = threading.Lock()
        self.frames_read = 0
        self.frame_count = 0

    @property
    def is_file(self) -> bool:
        return not isinstance(self.source, int)

    @property
    def is_open(self) -> bool:
        """Whether the device or file is held now."""
        return self._capture is not None

    def open(self) -> VideoSource:
        """Open the camera or file.

        Raises:
            CameraError: naming the source: no such file, no such camera, or not a video OpenCV reads.
        """
        if self.is_file:
            path = Path(self.source)
            if not path.exists():
                raise CameraError(self.name, "no such file")
            if path.is_dir():
                raise CameraError(self.name, "is a folder, not a video file")
            with _quiet_opencv():
                capture = cv2.VideoCapture(str(path))
        else:
            with _quiet_opencv():
                capture = cv2.VideoCapture(int(self.source))
            if self.resolution is not None and capture.isOpened():
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.resolution[0])
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.resolution[1])
        if not capture.isOpened():
            capture.release()
            raise CameraError(self.name, "cannot be opened: not a video OpenCV reads" if self.is_file
                              else "no camera answers at this index (unplugged, or used by another program)")
        self.frame_count = max(0, int(capture.get(cv2.CAP_PROP_FRAME_COUNT))) if self.is_file else 0
        self._capture = capture
        return self

    @property
    def fps(self) -> float:
        """The frames per second the source delivers (a file's own rate)."""
        fps = self._capture.get(cv2.CAP_PROP_FPS) if self._capture is not None else 0.0
        return float(fps) if fps and np.isfinite(fps) and 0 < fps <= 1000 else DEFAULT_CAMERA_FPS

    def read(self) -> np.ndarray | None:
        """The next frame, RGB uint8; None at the end of a file.

        Raises:
            CameraError: the camera stopped delivering frames, or the file ended before its last frame.
        """
        with self._lock:
            capture = self._capture
            ok, bgr = capture.read() if capture is not None else (False, None)
        if not ok or bgr is None:
            if capture is None:
                return None
            if not self.is_file:
                raise CameraError(self.name, f"stopped delivering frames after {self.frames_read} "
                                             "(unplugged, or taken by another program)")
            if self.frame_count and self.frames_read < self.frame_count:
                raise CameraError(self.name, f"ended at frame {self.frames_read} of {self.frame_count}: the file is "
                                             "damaged or was cut short")
            return None
        self.frames_read += 1
        return self._prepare(bgr)

    def _prepare(self, bgr: np.ndarray) -> np.ndarray:
        if bgr.ndim == 2:
            rgb = cv2.cvtColor(bgr, cv2.COLOR_GRAY2RGB)
        else:
            rgb = cv2.cvtColor(bgr, cv2.COLOR_BGRA2RGB if bgr.shape[2] == 4 else cv2.COLOR_BGR2RGB)
        if self.resolution is not None:
            width, height = self.resolution
            scale = min(width / rgb.shape[1], height / rgb.shape[0])
            if scale < 1:
                size = (max(1, round(rgb.shape[1] * scale)), max(1, round(rgb.shape[0] * scale)))
                rgb = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
        if self.mirror:
            rgb = np.ascontiguousarray(rgb[:, ::-1])
        return rgb

    def release(self) -> None:
        """Let go of the camera or file (again is harmless)."""
        with self._lock:
            capture, self._capture = self._capture, None
        if capture is not None:
            capture.release()

    def __enter__(self) -> VideoSource:
        return self.open() if not self.is_open else self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """OpenCV's own warnings off while a source opens: a missing camera is one message of vislab's, not
    three lines about its back ends."""
    level = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        yield
    finally:
        cv2.utils.logging.setLogLevel(level)


class FrameSlot:
    """A one-slot buffer: :meth:`put` replaces the frame not yet taken, :meth:`take` waits for a newer one."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._closed = False
        self.error: CameraError | None = None
        self.replaced = 0  # frames put over one never taken: the dropped ones

    def put(self, frame: Frame) -> None:
        with self._cond:
            if self._frame is not None:
                self.replaced += 1
            self._frame = frame
            self._cond.notify_all()

    def take(self, timeout: float | None = None) -> Frame | None:
        """The newest frame not taken yet, waiting up to ``timeout``; None when closed (and empty) or timed out."""
        with self._cond:
            self._cond.wait_for(lambda: self._frame is not None or self._closed, timeout)
            frame, self._frame = self._frame, None
            return frame

    def close(self, error: CameraError | None = None) -> None:
        """No more frames will come (``error``: why, when the source failed)."""
        with self._cond:
            self._closed = True
            self.error = self.error or error
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed


class Rate:
    """Events per second over the last :data:`RATE_WINDOW` seconds."""

    def __init__(self, window: float = RATE_WINDOW) -> None:
        self.window = window
        self._times: deque[float] = deque()
        self._lock = threading.Lock()

    def tick(self, now: float | None = None) -> None:
        with self._lock:
            self._times.append(time.perf_counter() if now is None else now)
            self._trim(self._times[-1])

    def per_second(self, now: float | None = None) -> float:
        with self._lock:
            now = time.perf_counter() if now is None else now
            self._trim(now)
            if len(self._times) < 2:
                return 0.0
            span = max(now - self._times[0], self._times[-1] - self._times[0])
            return (len(self._times) - 1) / span if span > 0 else 0.0

    def _trim(self, now: float) -> None:
        while self._times and now - self._times[0] > self.window:
            self._times.popleft()


class Capture:
    """Reads a source into a :class:`FrameSlot` on its own thread, until stopped, the end of a file or a failure.

    A file's frames are delivered at its own frame rate, from the moment :meth:`begin` is called (the consumer
    ready for its first frame); a camera's come as the camera sends them, from the start. ``on_frame`` is called
    on the capture thread with each frame (the window's preview). The source is released when the thread ends.
    """

    def __init__(self, source: VideoSource, slot: FrameSlot | None = None,
                 on_frame: Callable[[Frame], None] | None = None) -> None:
        self.source = source
        self.slot = slot or FrameSlot()
        self.on_frame = on_frame
        self.rate = Rate()
        self._stop = threading.Event()
        self._begin = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"vislab-capture {source.name}", daemon=True)

    def start(self) -> Capture:
        """Open the source (raising its :class:`CameraError` here) and start reading."""
        if not self.source.is_open:
            self.source.open()
        if not self.source.is_file:
            self._begin.set()
        self._thread.start()
        return self

    def begin(self) -> None:
        """The consumer is ready for the first frame: a file starts playing now."""
        self._begin.set()

    def stop(self) -> None:
        self._stop.set()
        self._begin.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end (and the source to be released); True when it has."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        error: CameraError | None = None
        try:
            self._begin.wait()
            interval = 1.0 / self.source.fps if self.source.is_file else 0.0
            start = time.perf_counter()
            index = 0
            while not self._stop.is_set():
                if interval:  # a file plays as a camera would deliver it
                    delay = start + index * interval - time.perf_counter()
                    if delay > 0 and self._stop.wait(delay):
                        break
                image = self.source.read()
                if image is None:
                    break
                frame = Frame(index, image, time.perf_counter())
                self.rate.tick(frame.time)
                self.slot.put(frame)
                if self.on_frame is not None:
                    self.on_frame(frame)
                index += 1
        except CameraError as exc:
            error = exc
        except Exception as exc:  # OpenCV's own errors end Live with one message, not a traceback
            error = CameraError(self.source.name, f"stopped delivering frames: {exc}")
        finally:
            self.source.release()
            self.slot.close(error)


@dataclass
class MapSmoother:
    """An exponential moving average of the maps: ``smoothed = (1 - alpha) * smoothed + alpha * new``.

    ``alpha`` 1 keeps only the newest map; a map of another size starts the average again.
    """

    alpha: float = 0.5
    value: np.ndarray | None = None

    def add(self, heatmap: np.ndarray) -> np.ndarray:
        heatmap = np.asarray(heatmap, np.float32)
        if self.value is None or self.value.shape != heatmap.shape or self.alpha >= 1:
            self.value = heatmap.copy()
        else:
            self.value = (1 - self.alpha) * self.value + self.alpha * heatmap
        return self.value

    def reset(self) -> None:
        self.value = None


@dataclass
class MapSchedule:
    """When to compute the map: every frame if the camera's pace allows, else every n-th frame.

    A frame with a map costs ``map_seconds`` (the explanation's forward pass also gives the predictions); one
    without costs ``classify_seconds``; both are averaged as they are measured. Over ``n`` frames the average cost
    must fit the budget: the camera's frame interval, or, when even classification alone cannot keep up with the
    camera, the classification time plus :data:`MAP_SHARE` of it. The smallest such ``n`` is :attr:`interval`.
    """

    frame_interval: float
    classify_seconds: float | None = None
    map_seconds: float | None = None
    since_map: int = field(default=0, init=False)

    @property
    def interval(self) -> int:
        """Compute the map once in this many processed frames."""
        c, g = self.classify_seconds, self.map_seconds
        if c is None or g is None or g <= c:
            return 1
        budget = max(self.frame_interval, c * (1 + MAP_SHARE))
        if budget <= c:
            return MAX_MAP_INTERVAL
        return int(min(MAX_MAP_INTERVAL, max(1, np.ceil((g - c) / (budget - c) - 1e-9))))

    def due(self) -> bool:
        """Whether the next processed frame gets a map (the first does; then classification is timed once)."""
        if self.map_seconds is None:
            return True
        if self.classify_seconds is None:
            return False
        return self.since_map + 1 >= self.interval

    def record(self, seconds: float, mapped: bool) -> None:
        """Note how long a frame took, with or without its map."""
        def average(old: float | None) -> float:
            return seconds if old is None else 0.7 * old + 0.3 * seconds

        if mapped:
            self.map_seconds = average(self.map_seconds)
            self.since_map = 0
        else:
            self.classify_seconds = average(self.classify_seconds)
            self.since_map += 1


@dataclass(frozen=True)
class LiveRates:
    """The three rates the status bar shows, per second over the last few seconds."""

    camera_fps: float
    predictions_per_s: float
    maps_per_s: float


@dataclass(frozen=True)
class LiveResult:
    """What Live made of one frame.

    Attributes:
        frame: the frame classified (its index jumps over those that came while the model was busy).
        predictions: the top-k classes.
        latency: seconds from the frame's capture to its predictions.
        heatmap: the smoothed map over what the model saw (None before the first map, or without a method).
        map_fresh: whether this frame's own map went into :attr:`heatmap`.
        crop_box: where what the model saw lies in the frame, in its pixels (left, top, right, bottom).
        map_interval: the map is computed once in this many processed frames now.
        rates: camera fps, predictions and maps per second.
        layer: the layer the map was taken from (None without one).
    """

    frame: Frame
    predictions: list[Prediction]
    latency: float
    heatmap: np.ndarray | None
    map_fresh: bool
    crop_box: tuple[float, float, float, float]
    map_interval: int
    rates: LiveRates
    layer: str | None = None


@contextlib.contextmanager
def leave_a_core() -> Iterator[int]:
    """Run torch on physical cores - 1 threads (at least 1) inside the block, and restore its count after."""
    import torch

    before = torch.get_num_threads()
    threads = max(1, physical_cores() - 1)
    torch.set_num_threads(threads)
    try:
        yield threads
    finally:
        torch.set_num_threads(before)


class _Forward:
    """The model's gradient-free forward pass for Live: its ONNX Runtime export on a session of its own with
    :func:`leave_a_core`'s thread count when the fast path serves (a session's thread count is fixed when it is
    made), else the model's own forward pass."""

    def __init__(self, model: LoadedModel, threads: int) -> None:
        self.model = model
        self._session = None
        fast_path = getattr(model, "_fast", None)
        if model.backend == "onnx" and fast_path is not None and fast_path.path is not None:
            try:
                import onnxruntime as ort

                options = ort.SessionOptions()
                options.intra_op_num_threads = threads
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                self._session = ort.InferenceSession(str(fast_path.path), options, providers=["CPUExecutionProvider"])
            except Exception as exc:  # the model's own forward pass serves instead
                log.info("Live uses the model's own session: %s", exc)

    def __call__(self, batch):
        import torch

        if self._session is not None:
            from ._onnx import _infer

            probs, embedding = _infer(self._session, batch)
            if bool(torch.isfinite(probs).all()):
                return probs, embedding
            self._session = None  # not finite: the model's forward pass decides whose fault it is
        return self.model.forward(batch)


class Live:
    """Classify and explain a :class:`VideoSource` at its pace; see the module's docstring.

    Args:
        model: a loaded model.
        source: the camera or file (opened by :meth:`start` if it is not yet).
        method: an explanation method id (``gradcam``, ``rollout``...), or None for predictions only.
        layer: the method's layer (None: the method's default).
        head: the attention head, for the attention method (None: their mean).
        top_k: predictions per frame.
        transform: applied to each frame before the model sees it (the window's preprocessing pipeline).
        smoothing: :class:`MapSmoother`'s alpha.
        on_frame: called on the capture thread with every frame the source delivers (a preview).
        on_result: called on the processing thread with every :class:`LiveResult` (with :meth:`start`).
        on_end: called once when Live ends, with None (stopped, end of a file) or the error that ended it.
    """

    def __init__(self, model: LoadedModel, source: VideoSource, *, method: str | None = "gradcam",
                 layer: str | None = None, head: int | None = None, top_k: int = 5,
                 transform: Callable[[np.ndarray], np.ndarray] | None = None, smoothing: float = 0.5,
                 on_frame: Callable[[Frame], None] | None = None,
                 on_result: Callable[[LiveResult], None] | None = None,
                 on_end: Callable[[VislabError | None], None] | None = None) -> None:
        if method is not None:
            from .explain import get_method, methods_for

            spec = get_method(method)
            if not spec.applies_to(model.module):
                from .errors import MethodNotApplicableError

                usable = ", ".join(m.id for m in methods_for(model.module))
                raise MethodNotApplicableError(f"{spec.name} does not apply to {model.spec.name}; methods for "
                                               f"{model.spec.name}: {usable}")
        self.model = model
        self.source = source
        self.method = method
        self.layer = layer
        self.head = head if method == "attention" else None
        self.top_k = top_k
        self.transform = transform
        self.smoother = MapSmoother(smoothing)
        self.on_result = on_result
        self.on_end = on_end
        self.capture = Capture(source, on_frame=on_frame)
        self.schedule: MapSchedule | None = None
        self.predictions = Rate()
        self.maps = Rate()
        self.error: VislabError | None = None
        self.processed = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ended = threading.Event()

    # -- running -------------------------------------------------------------------------------------------------
    def start(self) -> Live:
        """Open the source and process on a thread of its own, calling ``on_result`` and then ``on_end``.

        Raises:
            CameraError: the source cannot be opened.
        """
        self.capture.start()
        self._thread = threading.Thread(target=self._serve, name="vislab-live", daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        with contextlib.suppress(VislabError):  # kept in self.error and handed to on_end
            for result in self.results(started=True):
                if self.on_result is not None:
                    self.on_result(result)

    def stop(self) -> None:
        """Ask Live to end: the capture stops and releases the source, the processing loop ends after its frame."""
        self._stop.set()
        self.capture.stop()
        self.capture.slot.close()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the processing loop and the capture have ended; True when both have."""
        deadline = None if timeout is None else time.perf_counter() + timeout
        if self._thread is not None:
            self._thread.join(timeout)
        left = None if deadline is None else max(0.0, deadline - time.perf_counter())
        return self.capture.join(left) and (self._thread is None or not self._thread.is_alive())

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def rates(self) -> LiveRates:
        return LiveRates(self.capture.rate.per_second(), self.predictions.per_second(), self.maps.per_second())

    def results(self, max_frames: int | None = None, *, started: bool = False) -> Iterator[LiveResult]:
        """Process frames on the calling thread, yielding each result, until ``max_frames`` are processed, the
        source ends or :meth:`stop`; the source is released when it ends.

        Raises:
            CameraError: the source cannot be opened, or failed mid-stream (after the results before it).
            VislabError: the model failed (damaged weights), naming it.
        """
        if not started:
            self.capture.start()
        try:
            with leave_a_core() as threads:
                forward = _Forward(self.model, threads)
                self.schedule = MapSchedule(1.0 / self.capture.source.fps)
                self._warm_up(forward)
                self.capture.begin()
                while not self._stop.is_set() and (max_frames is None or self.processed < max_frames):
                    frame = self.capture.slot.take()
                    if frame is None or self._stop.is_set():
                        break
                    yield self._process(frame, forward)
            if self.capture.slot.error is not None and not self._stop.is_set():
                self.error = self.capture.slot.error
        except VislabError as exc:
            self.error = exc
        finally:
            self.capture.stop()
            self.capture.join()
            self._end()
        if self.error is not None:
            raise self.error

    def _end(self) -> None:
        if not self._ended.is_set():
            self._ended.set()
            if self.on_end is not None:
                self.on_end(self.error)

    def _warm_up(self, forward: _Forward) -> None:
        """One pass of each kind on a blank frame before the first real one, untimed: the first explanation
        sets up hooks and buffers and would otherwise tell :class:`MapSchedule` that maps are slower than they are."""
        h, w = self.model.pipeline.crop
        blank = np.zeros((h, w, 3), np.uint8)
        forward(self.model.pipeline(blank)[None])
        if self.method is not None:
            from .explain import explain

            explain(self.model, blank, self.method, layer=self.layer, head=self.head)

    def _process(self, frame: Frame, forward: _Forward) -> LiveResult:
        image = self.transform(frame.image) if self.transform is not None else frame.image
        mapped = self.method is not None and self.schedule.due()
        start = time.perf_counter()
        layer = None
        if mapped:
            from .explain import explain

            explanation = explain(self.model, image, self.method, layer=self.layer, head=self.head)
            predictions = self.model.top_k(_tensor(explanation.probabilities), self.top_k)
            heatmap = self.smoother.add(explanation.heatmap)
            layer = explanation.layer
            self.layer = self.layer or layer
        else:
            probs, _ = forward(self.model.pipeline(image)[None])
            predictions = self.model.top_k(probs[0], self.top_k)
            heatmap = self.smoother.value
        now = time.perf_counter()
        self.schedule.record(now - start, mapped)
        self.processed += 1
        self.predictions.tick(now)
        if mapped:
            self.maps.tick(now)
        return LiveResult(frame, predictions, now - frame.time, heatmap, mapped,
                          self.model.pipeline.crop_box(*image.shape[:2]), self.schedule.interval, self.rates(),
                          layer or self.layer)


def _tensor(values: np.ndarray):
    import torch

    return torch.from_numpy(np.asarray(values))


def write_video(path: str | Path, frames: Iterable[np.ndarray], fps: float = 10.0) -> Path:
    """Write RGB uint8 frames of one size to a Motion-JPEG ``.avi`` at ``fps`` (a recording to play back as a
    camera: the tests' and benchmarks' stand-in for one, readable by every OpenCV build).

    Raises:
        CameraError: the file cannot be written, naming it.
    """
    path = Path(path)
    writer: cv2.VideoWriter | None = None
    try:
        for image in frames:
            if writer is None:
                size = (image.shape[1], image.shape[0])
                writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
                if not writer.isOpened():
                    raise CameraError(str(path), "cannot be written as a video")
            writer.write(cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
    finally:
        if writer is not None:
            writer.release()
    return path


def available_cameras(indices: int = PROBE_INDICES, timeout: float = PROBE_TIMEOUT) -> list[int]:
    """The camera indices OpenCV can open here, probed together on daemon threads: a probe that hangs (a busy
    driver) is given up after ``timeout`` seconds instead of holding the caller. On Linux only the indices of
    ``/dev/video*`` devices are tried."""
    if sys.platform.startswith("linux"):
        candidates = sorted(int(p.name[5:]) for p in Path("/dev").glob("video*") if p.name[5:].isdigit())
    else:
        candidates = list(range(indices))
    found: list[int] = []
    lock = threading.Lock()

    def probe(index: int) -> None:
        with _quiet_opencv():
            capture = cv2.VideoCapture(index)
        try:
            if capture.isOpened() and capture.read()[0]:
                with lock:
                    found.append(index)
        finally:
            capture.release()

    threads = [threading.Thread(target=probe, args=(i,), daemon=True, name=f"vislab-probe {i}") for i in candidates]
    for thread in threads:
        thread.start()
    deadline = time.perf_counter() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.perf_counter()))
    with lock:
        return sorted(found)
