"""Live in the window: the camera (or a video file) in the picture, the predictions and the map at its pace.

:class:`LiveController` runs :class:`vislab.core.live.Live` on threads of its own (the model is loaded on one,
the capture and the processing have theirs): the UI thread only shows what they hand it. Frames and results
reach it through queued signals, and only the newest of each is kept: a signal is sent when none is waiting,
and its slot takes whatever is newest by then, so a busy UI thread never has a queue of old frames to work
through. The overlay is blended on the capture thread. :class:`LiveBar` is the toolbar (Live, Freeze, Mirror,
resolution); :class:`LivePicker` chooses the camera or the video file.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolBar,
    QWidget,
)

from ..core.errors import VislabError
from ..core.heatmaps import colorize, resize_heatmap
from .i18n import Retranslatable
from .texts import error_text

#: The resolutions a camera may be asked for (width, height); a video file's larger frames are scaled to fit.
RESOLUTIONS = ((640, 480), (1280, 720), (320, 240))
#: Keys 1 to this many capture the live frame into the Teach panel's class of that rank.
CAPTURE_KEYS = 9
#: The predictions and the rates are shown at most once in this many milliseconds.
RESULT_MS = 100
#: Video files the picker's file dialog shows first.
VIDEO_PATTERNS = "*.avi *.mp4 *.mov *.mkv *.webm *.m4v *.mpg *.mpeg *.wmv"


@dataclass(frozen=True)
class LiveChoice:
    """What to play: a camera index or a video file, mirrored or not, at a resolution (width, height)."""

    source: int | str
    mirror: bool = False
    resolution: tuple[int, int] | None = RESOLUTIONS[0]


class Blender:
    """The map over each frame, as :func:`vislab.core.heatmaps.on_original` draws it (what the model never saw
    dimmed), for a frame rate: the coloured map is made once per map and setting, and each frame costs two
    OpenCV calls (which let other threads run, the UI thread among them)."""

    OUTSIDE = 0.35  #: brightness kept where the model never looked

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._colour: np.ndarray | None = None

    def blend(self, image: np.ndarray, heatmap: np.ndarray, crop_box: tuple, alpha: float,
              colormap: str) -> np.ndarray:
        height, width = image.shape[:2]
        left, top, right, bottom = (round(v) for v in crop_box)
        left, top = min(max(left, 0), width - 1), min(max(top, 0), height - 1)
        right, bottom = max(min(right, width), left + 1), max(min(bottom, height), top + 1)
        key = (id(heatmap), left, top, right, bottom, colormap)
        if key != self._key:
            self._key = key
            self._colour = colorize(resize_heatmap(heatmap, bottom - top, right - left), colormap)
        result = cv2.convertScaleAbs(image, alpha=self.OUTSIDE)
        result[top:bottom, left:right] = cv2.addWeighted(image[top:bottom, left:right], 1.0 - alpha, self._colour,
                                                         alpha, 0.0)
        return result


class LivePicker(Retranslatable, QDialog):
    """Choose a camera OpenCV found, or a video file; mirror and resolution are the bar's."""

    def __init__(self, cameras: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cameras = list(cameras)
        self.source = QComboBox()
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.source_label, self.file_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.addRow(self.source_label, self.source)
        form.addRow(self.file_label, file_row)
        form.addRow(self.buttons)
        self.source.currentIndexChanged.connect(self._update_ok)
        self.path.textChanged.connect(self._update_ok)
        self.path.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 48)  # room for a path and the title
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Live: choose a camera or a video file"))
        current = self.source.currentIndex()
        self.source.clear()
        for index in self.cameras:
            self.source.addItem(self.tr("Camera {0}").format(index), index)
        self.source.addItem(self.tr("A video file, played as a camera"), None)
        self.source.setCurrentIndex(max(0, current))
        self.source_label.setText(self.tr("Source"))
        self.file_label.setText(self.tr("Video file"))
        self.path.setPlaceholderText(self.tr("a video file (.avi, .mp4, .mov…)"))
        self.browse.setText(self.tr("Browse…"))
        self._update_ok()

    def choice(self) -> int | str | None:
        """The camera index, or the video file's path (None when a file is to be chosen and none is)."""
        camera = self.source.currentData()
        if camera is not None:
            return int(camera)
        return self.path.text().strip() or None

    def _update_ok(self) -> None:
        is_file = self.source.currentData() is None
        self.path.setEnabled(is_file)
        self.browse.setEnabled(is_file)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.choice() is not None)

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Play a video file as a camera"), "",
                                              self.tr("Videos ({0});;All files (*)").format(VIDEO_PATTERNS))
        if path:
            self.path.setText(path)


class LiveBar(Retranslatable, QToolBar):
    """The Live toolbar: the toggle, Freeze (space), Mirror and the resolution asked of the camera."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("live_bar")  # saved and restored with the window's state
        self.toggle = QAction(self)
        self.toggle.setCheckable(True)
        self.freeze = QAction(self)
        self.freeze.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.freeze.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.freeze.setEnabled(False)
        self.mirror = QAction(self)
        self.mirror.setCheckable(True)
        self.resolution = QComboBox()
        for width, height in RESOLUTIONS:
            self.resolution.addItem(f"{width}x{height}")
        self.addAction(self.toggle)
        self.addAction(self.freeze)
        self.addAction(self.mirror)
        self.addWidget(self.resolution)
        self.retranslate()

    def chosen_resolution(self) -> tuple[int, int]:
        """The resolution chosen, (width, height)."""
        return RESOLUTIONS[max(0, self.resolution.currentIndex())]

    def choose_resolution(self, resolution: tuple[int, int]) -> None:
        self.resolution.setCurrentIndex(RESOLUTIONS.index(resolution))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Live"))
        self.toggle.setText(self.tr("Live"))
        self.toggle.setToolTip(self.tr("The camera (or a video file) in the picture, classified and explained as "
                                       "it plays (Ctrl+L)"))
        self.freeze.setText(self.tr("Freeze"))
        self.freeze.setToolTip(self.tr("Keep the current frame as an image in the strip (Space)"))
        self.mirror.setText(self.tr("Mirror"))
        self.mirror.setToolTip(self.tr("Flip the camera left to right, as a mirror"))
        self.resolution.setToolTip(self.tr("The resolution asked of the camera"))


class LiveController(QObject):
    """Live on and off, and what it shows: the frame (with the smoothed map) in the picture, the predictions
    beside it, the three rates in the status line.

    Args:
        session: the window's session (its choices: model, device, top-k, method, layer, pipeline).
        centre: the window's :class:`~vislab.ui.central_view.CentralView` (the picture and the map settings).
        predictions: the predictions view.
        status: the status line (:meth:`~vislab.ui.status_line.StatusLine.show_rates`).
        say: the window's message sink.

    Signals:
        activeChanged(bool): Live turned on or off (the window puts its picture and predictions back on off).
    """

    activeChanged = Signal(bool)
    _frame = Signal(int)
    _result = Signal(int)
    _started = Signal(int, object)
    _ended = Signal(int, object)
    _cameras = Signal(list)
    _captured = Signal(str, str)

    def __init__(self, session, centre, predictions, status, say: Callable[[str], None],
                 parent: QWidget | None = None, teach_bins: Callable[[], object | None] = lambda: None) -> None:
        super().__init__(parent)
        self.teach_bins = teach_bins  #: the Teach panel's class bins, once it is built (capture to class)
        self.session = session
        self.centre = centre
        self.predictions = predictions
        self.status = status
        self.say = say
        self.bar = LiveBar(parent)
        #: The checkable actions that say whether Live is on (the bar's; the window adds its menu's).
        self.actions: list[QAction] = [self.bar.toggle]
        self.live = None  #: the running :class:`vislab.core.live.Live`, once started
        self.choice: LiveChoice | None = None
        self.frozen = 0  #: frames frozen into the strip
        self.captures = 0  #: frames captured to a class
        self._active = False
        self._generation = 0  # what the threads' signals belong to: a stopped Live's late signals are dropped
        self._lock = threading.Lock()
        self._latest_frame = None  # (frame, picture), newest first, written by the capture thread
        self._latest_result = None
        self._frame_waiting = False
        self._result_waiting = False
        self._map: tuple[np.ndarray, tuple] | None = None  # the smoothed map and its crop box
        self._settings = (0.5, "jet", True)  # opacity, colormap, overlay shown: read by the capture thread
        self._picker: LivePicker | None = None
        self._blender = Blender()  # used by the capture thread only
        self._captioned = -1  # the generation whose caption is shown
        self._result_shown = 0.0  # when a result was last shown (perf_counter)
        self._threads: list[threading.Thread] = []
        self._frame.connect(self._on_frame)
        self._result.connect(self._on_result)
        self._started.connect(self._on_started)
        self._ended.connect(self._on_ended)
        self._cameras.connect(self._on_cameras)
        self._captured.connect(self._on_captured)
        #: Keys 1..9: the live frame joins the Teach panel's first..ninth class (the window adds them).
        self.capture_actions: list[QAction] = []
        for rank in range(CAPTURE_KEYS):
            action = QAction(self)
            action.setShortcut(QKeySequence(str(rank + 1)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setEnabled(False)
            action.triggered.connect(lambda _checked=False, r=rank: self.capture_to_class(r))
            self.capture_actions.append(action)
        self.bar.toggle.triggered.connect(self.set_active)
        self.bar.freeze.triggered.connect(self.freeze)
        self.bar.mirror.toggled.connect(self._on_mirror)
        self.bar.resolution.currentIndexChanged.connect(self._on_resolution)
        centre.alpha.valueChanged.connect(self._read_settings)
        centre.colormap.currentTextChanged.connect(self._read_settings)
        centre.mode_group.idClicked.connect(self._read_settings)
        self._read_settings()
        self.activeChanged.connect(self._on_active)

    @property
    def active(self) -> bool:
        """Live is on (starting or running)."""
        return self._active

    # --- on and off ---------------------------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Turn Live on (find the cameras, then ask which source) or off (the source is released)."""
        if not on:
            self.stop()
        elif not self._active and self._picker is None:
            self._show_checked(False)  # checked once a source is chosen
            self._spawn(lambda: _send(self._cameras, _cameras()), "vislab-live-cameras")

    def _on_cameras(self, cameras: list) -> None:
        if not cameras:
            self.say(self.tr("No camera found: choose a video file to play as one."))
        self._picker = picker = LivePicker(cameras, self.parent())
        picker.finished.connect(lambda result: self._on_picked(picker, result))
        picker.open()

    def _on_picked(self, picker: LivePicker, result: int) -> None:
        self._picker = None
        source = picker.choice()
        picker.deleteLater()
        if result == QDialog.DialogCode.Accepted and source is not None:
            self.start(LiveChoice(source, self.bar.mirror.isChecked(), self.bar.chosen_resolution()))
        else:
            self._show_checked(self._active)

    def _show_checked(self, on: bool) -> None:
        for action in self.actions:
            action.setChecked(on)

    def start(self, choice: LiveChoice) -> None:
        """Play ``choice`` with the session's model and settings: loaded and opened on a thread of its own."""
        self.stop()
        self._generation += 1
        generation = self._generation
        self.choice = choice
        self._map = None
        self._active = True
        self.activeChanged.emit(True)
        c = self.session.choices
        params = {"model_id": c.model_id, "weights": c.weights, "device": c.device, "top_k": c.top_k,
                  "method": c.method, "layer": c.layer, "head": c.head,
                  "transform": c.pipeline.apply if c.feed_pipeline else None}
        self.status.show_rates(None, starting=True)
        self._spawn(lambda: self._open(generation, choice, params), "vislab-live-start")

    def stop(self) -> None:
        """Turn Live off: the source is released as soon as its threads end (a fraction of a second)."""
        self._generation += 1
        live, self.live = self.live, None
        if live is not None:
            live.stop()
        if self._active:
            self._active = False
            self.activeChanged.emit(False)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop, and wait for the source to be released (the window closes)."""
        live = self.live
        self.stop()
        if live is not None:
            live.join(timeout)

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _open(self, generation: int, choice: LiveChoice, params: dict) -> None:
        """On a thread of its own: load the model (from the shared cache), open the source, start Live."""
        try:
            from ..core.explain import get_method, methods_for
            from ..core.live import Live, VideoSource
            from .engine import import_engine

            engine = import_engine()
            model = engine.models().get(params["model_id"], weights=params["weights"], device=params["device"])
            method = params["method"]
            if method is not None and not get_method(method).applies_to(model.module):
                usable = methods_for(model.module)
                method = usable[0].id if usable else None
            source = VideoSource(choice.source, resolution=choice.resolution, mirror=choice.mirror)
            live = Live(model, source, method=method, layer=params["layer"] if method == params["method"] else None,
                        head=params["head"], top_k=params["top_k"], transform=params["transform"],
                        on_frame=lambda frame: self._on_frame_thread(generation, frame),
                        on_result=lambda result: self._on_result_thread(generation, result),
                        on_end=lambda error: _send(self._ended, generation, error))
            live.start()
        except Exception as exc:  # a VislabError is said as it is; anything else as the bug it is (error_text)
            _send(self._ended, generation, exc)
            return
        if generation != self._generation:  # turned off while it started
            live.stop()
            return
        _send(self._started, generation, live)

    def _on_started(self, generation: int, live) -> None:
        if generation != self._generation:
            live.stop()
            return
        self.live = live

    def _on_ended(self, generation: int, error) -> None:
        """Live ended by itself: the end of a file, or the source failed (one message, and nothing else changes)."""
        if generation != self._generation:
            return
        self.live = None
        if error is not None:
            self.say(self.tr("Live stopped: {0}").format(error_text(error)))
        self.stop()

    def _on_active(self, on: bool) -> None:
        self._show_checked(on)
        self.bar.freeze.setEnabled(on)
        for action in self.capture_actions:
            action.setEnabled(on)
        if not on:
            self.status.show_rates(None)
            with self._lock:
                self._latest_frame = self._latest_result = None

    # --- what the threads hand over -----------------------------------------------------------------------------

    def _on_frame_thread(self, generation: int, frame) -> None:
        """On the capture thread: blend the newest map over the frame, keep it as the newest, signal if none waits."""
        picture = frame.image
        alpha, colormap, overlay = self._settings
        shown = self._map
        if overlay and shown is not None:
            picture = self._blender.blend(frame.image, shown[0], shown[1], alpha, colormap)
        with self._lock:
            self._latest_frame = (frame, picture)
            if self._frame_waiting:
                return
            self._frame_waiting = True
        _send(self._frame, generation)

    def _on_result_thread(self, generation: int, result) -> None:
        if result.heatmap is not None:
            self._map = (result.heatmap, result.crop_box)
        with self._lock:
            self._latest_result = result
            if self._result_waiting:
                return
            self._result_waiting = True
        _send(self._result, generation)

    def _on_frame(self, generation: int) -> None:
        with self._lock:
            self._frame_waiting = False
            latest = self._latest_frame
        if generation == self._generation and latest is not None:
            self.centre.view.set_image(latest[1], keep_zoom=True)
            if self._captioned != generation:  # once: a label's text changing 30 times a second lays out the window
                self._captioned = generation
                self.centre.caption.setText(self.tr("live · {0}").format(self.live_name()))

    def _on_result(self, generation: int) -> None:
        """Show the newest result, at most every :data:`RESULT_MS` (the eye reads no faster; each update of the
        predictions and the status line lays them out again)."""
        wait = self._result_shown + RESULT_MS / 1000 - time.perf_counter()
        if wait > 0 and generation == self._generation:
            QTimer.singleShot(int(wait * 1000) + 1, lambda: self._on_result(generation))
            return  # still waiting: the threads send no more signals meanwhile
        with self._lock:
            self._result_waiting = False
            result = self._latest_result
        if generation == self._generation and result is not None:
            self._result_shown = time.perf_counter()
            self.predictions.set_predictions(list(result.predictions), None)
            self.status.show_rates(result.rates)

    def live_name(self) -> str:
        if self.choice is None:
            return ""
        if isinstance(self.choice.source, int):
            return self.tr("camera {0}").format(self.choice.source)
        return str(self.choice.source).replace("\\", "/").rsplit("/", 1)[-1]

    # --- the person's commands ----------------------------------------------------------------------------------

    def freeze(self) -> None:
        """The current frame becomes an ordinary image in the strip (Live goes on)."""
        with self._lock:
            latest = self._latest_frame
        if not self._active or latest is None:
            return
        self.frozen += 1
        name = self.tr("live {0}").format(self.frozen)
        self.session.add_array(latest[0].image.copy(), name)
        self.say(self.tr("Frame {0} is in the images as “{1}”.").format(latest[0].index, name))

    def capture_to_class(self, rank: int) -> None:
        """The live frame joins the Teach panel's class of this rank (0 first), saved as a PNG in vislab's data
        folder (on a thread: encoding it would stall the window), as a file dropped on that class would."""
        with self._lock:
            latest = self._latest_frame
        if not self._active or latest is None:
            return
        bins = self.teach_bins()
        names = list(bins.dataset.classes) if bins is not None else []
        if rank >= len(names):
            self.say(self.tr("Key {0} captures to the Teach panel's class number {0}, and it has {1} classes: add "
                             "them there first.").format(rank + 1, len(names)))
            return
        name, frame = names[rank], latest[0]
        self.captures += 1
        count = self.captures

        def save() -> None:
            from ..core.images import save_image
            from ..core.store import data_dir

            try:
                folder = data_dir() / "live" / (re.sub(r"[^\w.-]+", "_", name).strip("._") or "class")
                folder.mkdir(parents=True, exist_ok=True)
                path = save_image(folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{count}-{frame.index}.png", frame.image)
            except (OSError, VislabError) as exc:
                _send(self._captured, name, "\0" + error_text(exc))
                return
            _send(self._captured, name, str(path))

        self._spawn(save, "vislab-live-capture")

    def _on_captured(self, name: str, path: str) -> None:
        if path.startswith("\0"):
            self.say(self.tr("The frame could not be kept for class {0}: {1}").format(name, path[1:]))
            return
        bins = self.teach_bins()
        if bins is not None and name in bins.dataset.classes:
            bins.add_to(name, [path])
            self.say(self.tr("Frame added to class {0} ({1} images).").format(name, len(bins.dataset.classes[name])))

    def _on_mirror(self, on: bool) -> None:
        live = self.live
        if live is not None:
            live.source.mirror = on  # read for each frame
        if self.choice is not None:
            self.choice = LiveChoice(self.choice.source, on, self.choice.resolution)

    def _on_resolution(self, _index: int) -> None:
        if self._active and self.choice is not None:
            self.start(LiveChoice(self.choice.source, self.choice.mirror, self.bar.chosen_resolution()))

    def _read_settings(self, *_args) -> None:
        overlay = self.centre.mode_group.checkedId() == 3  # the picture's "Overlay" mode
        self._settings = (self.centre.alpha.value() / 100, self.centre.colormap.currentText(), overlay)


def _send(signal, *args) -> None:
    """Emit a signal from a Live thread; the window may have closed meanwhile (its controller deleted), and
    then there is no one left to tell."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Internal C++ object already deleted"
        pass


def _cameras() -> list[int]:
    from ..core.live import available_cameras

    return available_cameras()
