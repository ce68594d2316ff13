"""The vislab main window: images on the left, the picture in the middle, predictions on the right,
panels below. It shows what the session computes and never waits for it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import get_spec
from ..core.heatmaps import COLORMAPS, on_original, overlay
from ..core.images import IMAGE_SUFFIXES, save_image
from ..core.weights import WEIGHTS_SUFFIXES
from ..resources import sample_images
from .image_strip import ImageStrip
from .image_view import ImageView
from .model_card import ModelCard
from .model_picker import ModelPicker
from .panels import ExplainPanel, FeaturesPanel, ModelViewPanel, PreprocessPanel
from .predictions_view import PredictionsView
from .qt_images import from_qimage, to_qimage
from .session import Session
from .settings import Settings

PRIVACY = "Images stay on this computer"
VIEW_MODES = ("Original", "Model's view", "Preprocessed", "Overlay")
PANELS = ("explain", "features", "previews", "stages", "compare", "sweep")


class MessageBar(QFrame):
    """A non-modal message across the top of the window, with an optional action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet("#messageBar { background: #fdecea; border: 1px solid #f1aeb5; border-radius: 4px; }"
                           "#messageBar QLabel { color: #611a15; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.setVisible(False)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(close)
        self._callback = None
        self.action.clicked.connect(self._on_action)
        self.hide()

    def show_message(self, text: str, action: str | None = None, callback=None) -> None:
        self.text.setText(text)
        self.action.setVisible(action is not None)
        self.action.setText(action or "")
        self._callback = callback
        self.show()

    def _on_action(self) -> None:
        self.hide()
        if self._callback:
            self._callback()


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.setWindowTitle("vislab")
        self.setAcceptDrops(True)
        self._explanation = None
        self._stage_view: np.ndarray | None = None
        self._preview: np.ndarray | None = None
        self._predictions = None
        self._shown = False
        self._build_widgets()
        self._build_toolbar()
        self._build_menus()
        self._build_status()
        self._connect()
        self._restore()

    # --- building -------------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.strip = ImageStrip(self.session)
        self.view = ImageView()
        self.view.setToolTip("Scroll to zoom, drag to pan, double-click to fit")
        self.predictions = PredictionsView()
        self.card = ModelCard()
        self.messages = MessageBar()

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(self._build_view_controls())
        centre_layout.addWidget(self.view, 1)
        self.view_caption = QLabel()
        self.view_caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        centre_layout.addWidget(self.view_caption)

        self.top_split = QSplitter(Qt.Orientation.Horizontal)
        self.top_split.addWidget(self.strip)
        self.top_split.addWidget(centre)
        self.top_split.addWidget(self._build_side())
        self.top_split.setStretchFactor(1, 1)
        self.top_split.setSizes([170, 760, 330])

        self.main_split = QSplitter(Qt.Orientation.Vertical)
        self.main_split.addWidget(self.top_split)
        self.main_split.addWidget(self._build_panels())
        self.main_split.setStretchFactor(0, 1)
        self.main_split.setSizes([600, 190])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.messages)
        layout.addWidget(self.main_split, 1)
        self.setCentralWidget(central)

    def _build_view_controls(self) -> QHBoxLayout:
        self.mode_group = QButtonGroup(self)
        controls = QHBoxLayout()
        tips = {"Original": "The photo as loaded", "Model's view": "What the model sees: resized and cropped",
                "Preprocessed": "After the preprocessing pipeline",
                "Overlay": "The explanation map over what the model saw"}
        for i, name in enumerate(VIEW_MODES):
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setToolTip(tips[name])
            self.mode_group.addButton(button, i)
            controls.addWidget(button)
        self.mode_group.button(3).setChecked(True)
        self.alpha = QSlider(Qt.Orientation.Horizontal)
        self.alpha.setRange(0, 100)
        self.alpha.setFixedWidth(120)
        self.alpha.setToolTip("Opacity of the map")
        self.colormap = QComboBox()
        self.colormap.addItems(list(COLORMAPS))
        self.colormap.setToolTip("Colour scale of the map")
        self.whole = QCheckBox("On the whole photo")
        self.whole.setToolTip("Map the explanation back onto the original photo; what the model never saw is dimmed")
        controls.addSpacing(16)
        for widget in (QLabel("Opacity"), self.alpha, self.colormap, self.whole):
            controls.addWidget(widget)
        controls.addStretch(1)
        return controls

    def _build_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Predictions</b>"))
        layout.addWidget(self.predictions)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        scroll = QScrollArea()
        scroll.setWidget(self.card)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        return side

    def _build_panels(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.explain_panel = ExplainPanel(self.session)
        self.features_panel = FeaturesPanel(self.session)
        self.preprocess_panel = PreprocessPanel(self.session)
        self.model_view_panel = ModelViewPanel(self.session)
        for widget, name in ((self.explain_panel, "Explain"), (self.features_panel, "Feature maps"),
                             (self.preprocess_panel, "Preprocessing"), (self.model_view_panel, "Model's view")):
            self.tabs.addTab(widget, name)
        # Compare and Experiments draw with matplotlib: built once the engine is loaded, off the start-up path.
        self.compare_panel = self.sweep_panel = None
        return self.tabs

    def _add_experiment_panels(self) -> None:
        from .experiments_panels import ComparePanel, SweepPanel

        if self.compare_panel is None:
            self.compare_panel = ComparePanel(self.session)
            self.sweep_panel = SweepPanel(self.session, self.compare_panel)
            for panel, name in ((self.compare_panel, "Compare"), (self.sweep_panel, "Experiments")):
                index = self.tabs.addTab(panel, name)
                self._action(self.view_menu, f"{name} panel", lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                             f"Ctrl+{index + 1}")
            if self._pending_panel is not None and self.tabs.currentIndex() == 0:  # unless the user moved on
                self.tabs.setCurrentIndex(self._pending_panel)
            self._pending_panel = None

    def _build_toolbar(self) -> None:
        bar = QToolBar("Model")
        bar.setObjectName("modelToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.picker = ModelPicker()
        self.device = QComboBox()
        self.device.addItem("CPU", "cpu")
        self.device.setToolTip("Where the model runs (only devices present on this computer)")
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 20)
        self.top_k.setPrefix("Top-")
        self.top_k.setToolTip("How many classes to show")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(110)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.cancel = QPushButton("Cancel")
        self.cancel.setToolTip("Stop the download or the long computation")
        bar.addWidget(QLabel(" Model "))
        bar.addWidget(self.picker)
        bar.addSeparator()
        bar.addWidget(QLabel(" Device "))
        bar.addWidget(self.device)
        bar.addSeparator()
        bar.addWidget(self.top_k)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        # Widgets in a toolbar show and hide through their actions.
        self.busy_action = bar.addWidget(self.busy)
        self.cancel_action = bar.addWidget(self.cancel)
        self.busy_action.setVisible(False)
        self.cancel_action.setVisible(False)

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file = menus.addMenu("&File")
        self._action(file, "&Open images…", self.open_images, QKeySequence.StandardKey.Open)
        self._action(file, "Open &folder…", self.open_folder, "Ctrl+Shift+O")
        self._action(file, "&Paste image", self.paste, QKeySequence.StandardKey.Paste,
                     "Add the image (or image files) on the clipboard")
        self.samples_menu = file.addMenu("&Samples")
        self.samples_menu.setEnabled(bool(sample_images()))
        for path in sample_images():
            self._action(self.samples_menu, path.stem.replace("_", " ").capitalize(),
                         lambda _=False, p=path: self.session.add_paths([p]))
        self.recent_menu = file.addMenu("&Recent")
        file.addSeparator()
        self._action(file, "&Save view as image…", self.save_view, QKeySequence.StandardKey.Save,
                     "Save the picture shown (the overlay, the model's view...)")
        self._action(file, "&Export predictions…", self.export_predictions, "Ctrl+E",
                     "Save the predictions as CSV or JSON")
        self._action(file, "&Copy image", self.copy_view, "Ctrl+Shift+C", "Copy the picture shown")
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        view = self.view_menu = menus.addMenu("&View")
        self._action(view, "&Previous image", lambda: self.session.step(-1), "Left")
        self._action(view, "&Next image", lambda: self.session.step(1), "Right")
        self._action(view, "&Fit to window", self.view.fit, "Ctrl+0")
        self._action(view, "Zoom &in", lambda: self.view.zoom(1.25), QKeySequence.StandardKey.ZoomIn)
        self._action(view, "Zoom &out", lambda: self.view.zoom(0.8), QKeySequence.StandardKey.ZoomOut)
        view.addSeparator()
        modes = QActionGroup(self)
        for i, name in enumerate(VIEW_MODES):
            action = self._action(view, name, lambda _=False, i=i: self.mode_group.button(i).click(), f"Alt+{i + 1}")
            modes.addAction(action)
        view.addSeparator()
        for i in range(self.tabs.count()):
            self._action(view, f"{self.tabs.tabText(i)} panel", lambda _=False, i=i: self.tabs.setCurrentIndex(i),
                         f"Ctrl+{i + 1}")

        model = menus.addMenu("&Model")
        self._action(model, "Load &weights file…", self.load_weights, "Ctrl+W",
                     "Use a local .pth/.pt/.bin/.safetensors file with the chosen architecture")
        self._action(model, "Use the &pretrained weights", self.use_pretrained)
        self._action(model, "&Refresh weights status", self.picker.refresh)

        help_ = menus.addMenu("&Help")
        self._action(help_, "&About vislab", self.about)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.status_model = QLabel("starting…")
        self.status_time = QLabel("")
        privacy = QLabel(PRIVACY)
        privacy.setToolTip("vislab makes no network call except a weights download you ask for.")
        status.addWidget(self.status_model)
        status.addWidget(self.status_time)
        status.addPermanentWidget(privacy)

    def _connect(self) -> None:
        s = self.session
        self.picker.modelChosen.connect(self._on_model_chosen)
        self.device.activated.connect(lambda _row: s.set_device(self.device.currentData()))
        self.top_k.valueChanged.connect(s.set_top_k)
        self.cancel.clicked.connect(self._cancel_work)
        self.predictions.classClicked.connect(self._on_class_clicked)
        self.mode_group.idClicked.connect(lambda _id: self._update_view())
        self.alpha.valueChanged.connect(lambda _v: self._update_view())
        self.colormap.currentTextChanged.connect(lambda _t: self._update_view())
        self.whole.toggled.connect(lambda _on: self._update_view())
        self.tabs.currentChanged.connect(self._on_tab)
        s.engineReady.connect(self._on_engine_ready)
        s.currentChanged.connect(self._on_current)
        s.imageUpdated.connect(self._on_image_updated)
        s.modelChanged.connect(self._on_model_changed)
        s.predictionsReady.connect(self._on_predictions)
        s.explanationReady.connect(self._on_explanation)
        s.stagesReady.connect(self._on_stages)
        s.previewsReady.connect(self._on_previews)
        s.message.connect(self._on_message)
        s.failed.connect(self._on_failed)
        s.busyChanged.connect(self._on_busy)
        s.progress.connect(self._on_progress)

    def _restore(self) -> None:
        st = self.settings
        if not self.restoreGeometry(st.get("geometry")):
            self.resize(1280, 800)
        self.restoreState(st.get("window_state"))
        self.top_k.setValue(st.get("top_k"))
        self.alpha.setValue(round(100 * st.get("alpha")))
        self.colormap.setCurrentText(st.get("colormap"))
        panel = st.get("panel")
        self.tabs.setCurrentIndex(panel)
        # Compare and Experiments arrive with the engine: a saved choice of them waits until then.
        self._pending_panel = panel if panel >= self.tabs.count() else None
        try:
            model = get_spec(st.get("model")).id
        except KeyError:
            model = self.session.choices.model_id
        self.session.set_model(model)
        self.picker.select(model)
        self.card.show_model(model)
        self.session.choices.method = st.get("method")
        self._fill_recent()
        self._on_tab(self.tabs.currentIndex())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:  # give the picture most of the height, once the window has its real size
            self._shown = True
            QTimer.singleShot(0, self._split_heights)

    def _split_heights(self) -> None:
        saved = self.settings.get("splitters")
        if len(saved) == 2:
            self.main_split.restoreState(QByteArray.fromBase64(saved[0].encode()))
            self.top_split.restoreState(QByteArray.fromBase64(saved[1].encode()))
            return
        height = self.main_split.height()
        self.main_split.setSizes([round(height * 0.72), round(height * 0.28)])

    def closeEvent(self, event) -> None:
        st = self.settings
        st.set("geometry", self.saveGeometry())
        st.set("window_state", self.saveState())
        st.set("model", self.session.choices.model_id)
        st.set("device", self.session.choices.device)
        st.set("top_k", self.top_k.value())
        st.set("alpha", self.alpha.value() / 100)
        st.set("colormap", self.colormap.currentText())
        st.set("method", self.session.choices.method)
        st.set("panel", self.tabs.currentIndex())
        st.set("splitters", [bytes(self.main_split.saveState().toBase64()).decode(),
                             bytes(self.top_split.saveState().toBase64()).decode()])
        self.session.runner.cancel_all()
        super().closeEvent(event)

    # --- images in ---------------------------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> None:
        added = self.session.add_paths(paths)
        for path in paths:
            self.settings.add_recent(str(path))
        self._fill_recent()
        if not added:
            self._on_message("No images found in " + ", ".join(str(p) for p in paths))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self._take(event.mimeData())
        event.acceptProposedAction()

    def _take(self, mime: QMimeData) -> None:
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.add_paths(files)
        elif mime.hasImage():
            self.session.add_array(from_qimage(mime.imageData()), f"pasted {len(self.session.images) + 1}")

    def open_images(self) -> None:
        patterns = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, "Open images", "", f"Images ({patterns});;All files (*)")
        if files:
            self.add_paths(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of images")
        if folder:
            self.add_paths([folder])

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls() or mime.hasImage():
            self._take(mime)
        elif mime.hasText() and _existing_path(mime.text().strip()):
            self.add_paths([mime.text().strip()])
        else:
            self._on_message("The clipboard holds no image.")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent")
        for path in recent:  # owned by the menu, so clear() deletes them
            self.recent_menu.addAction(path).triggered.connect(lambda _=False, p=path: self.add_paths([p]))
        self.recent_menu.setEnabled(bool(recent))

    # --- model and device -------------------------------------------------------------------------------------

    def _on_model_chosen(self, model_id: str) -> None:
        self.session.set_model(model_id)

    def load_weights(self) -> None:
        patterns = " ".join(f"*{s}" for s in WEIGHTS_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, f"Weights for {get_spec(self.session.choices.model_id).name}",
                                              "", f"Weights ({patterns})")
        if path:
            self.session.set_model(self.session.choices.model_id, weights=path)

    def use_pretrained(self) -> None:
        self.session.set_model(self.session.choices.model_id, weights=None)

    def _on_model_changed(self, model_id: str) -> None:
        self.picker.select(model_id)
        self.card.show_model(model_id, self.session.choices.weights)
        self._explanation = None
        self._stage_view = None
        self._predictions = None
        self.predictions.clear("Loading the model…")
        self._update_view()

    def _on_engine_ready(self, seconds: float, devices: list) -> None:
        self._add_experiment_panels()
        self.device.clear()
        for name in devices:
            self.device.addItem(_device_label(name), name)
        wanted = self.settings.get("device")
        index = self.device.findData(wanted)
        if index >= 0 and wanted != self.session.choices.device:
            self.device.setCurrentIndex(index)
            self.session.set_device(wanted)
        self.status_model.setText(f"{self._device_name()} · ready ({seconds:.1f} s)")
        if not self.session.images:
            self.predictions.clear("Drop images here, or open them from the File menu (Ctrl+O) "
                                   "or the Samples menu.")

    def _device_name(self) -> str:
        return self.device.currentText() or "CPU"

    def _cancel_work(self) -> None:
        for channel in ("classify", "explain", "features"):
            self.session.runner.cancel(channel)
        self.busy_action.setVisible(False)
        self.cancel_action.setVisible(False)
        self.predictions.clear("Cancelled. Choose the model again to retry.")

    # --- results ------------------------------------------------------------------------------------------------

    def _on_current(self, index: int) -> None:
        self._explanation = None
        self._stage_view = None
        self._preview = None
        self._predictions = None
        self.predictions.clear("Classifying…")
        self._update_view()

    def _on_image_updated(self, index: int) -> None:
        if index == self.session.current:
            entry = self.session.images[index]
            if entry.error:
                self.predictions.clear(f"{entry.name} cannot be read: {entry.error}")
            self._update_view()

    def _on_predictions(self, result) -> None:
        self._predictions = result
        self.predictions.set_predictions(result.items, self.session.choices.target)
        device = _device_label(result.device)
        self.card.set_latency(result.latency, device)
        self.status_model.setText(f"{device} · {result.model_id}")
        self.status_time.setText(f"loaded in {result.load_seconds:.1f} s · this image {1000 * result.seconds:.0f} ms")

    def _on_explanation(self, result) -> None:
        self._explanation = result
        self.predictions.set_target(result.explanation.target)
        self._update_view()

    def _on_stages(self, result) -> None:
        self._stage_view = result.value.stages[2][1]
        self._update_view()

    def _on_previews(self, result) -> None:
        self._preview = result.value[-1][1]
        self._update_view()

    def _on_class_clicked(self, index: int) -> None:
        self.predictions.set_target(index)
        self.session.set_explain(target=index)

    def _on_tab(self, index: int) -> None:
        wanted = {"explain", "previews"} | {PANELS[index]}
        self.session.set_active_panels(wanted)
        top, bottom = self.main_split.sizes()
        if PANELS[index] in ("compare", "sweep") and bottom < 0.45 * (top + bottom):
            self.main_split.setSizes([(top + bottom) // 2, (top + bottom) - (top + bottom) // 2])

    def _on_failed(self, channel: str, message: str) -> None:
        if channel == "classify":
            self._predictions = None
            self.predictions.clear(f"No predictions: {message}\n\nChoose the model again to retry.")
            self.status_time.setText("")
            self.picker.refresh()  # a failed download changes what the picker should promise
        elif channel == "explain":
            self._explanation = None
            self._update_view()

    def _on_message(self, text: str) -> None:
        if text.startswith("could not put") and self.session.choices.device != "cpu":
            self.messages.show_message(text, "Use the CPU instead", self._fall_back_to_cpu)
        else:
            self.messages.show_message(text)
        self.statusBar().showMessage(text, 10000)

    def _fall_back_to_cpu(self) -> None:
        self.device.setCurrentIndex(max(0, self.device.findData("cpu")))
        self.session.set_device("cpu")

    def _on_busy(self, busy: bool) -> None:
        self.busy_action.setVisible(busy)
        if not busy:
            self.cancel_action.setVisible(False)
            self.busy.setRange(0, 0)

    def _on_progress(self, channel: str, done: int, total: int) -> None:
        if channel in ("classify", "explain") and total:
            self.busy.setRange(0, total)
            self.busy.setValue(done)
            self.cancel_action.setVisible(True)
            if channel == "classify":
                self.predictions.clear(f"Downloading weights… {done / 1e6:.0f} of {total / 1e6:.0f} MB")

    # --- the picture ----------------------------------------------------------------------------------------------

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What the image view shows now, and a caption for it."""
        mode = VIEW_MODES[self.mode_group.checkedId()]
        photo = self.session.image()
        if mode == "Overlay" and self._explanation is not None:
            e = self._explanation.explanation
            alpha, cmap = self.alpha.value() / 100, self.colormap.currentText()
            if self.whole.isChecked():
                picture = on_original(self._explanation.photo, e.heatmap, self._explanation.crop_box, alpha, cmap)
            else:
                picture = overlay(e.view, e.heatmap, alpha, cmap)
            return picture, f"{e.method} · {e.target_label}"
        if mode == "Model's view" and self._stage_view is not None:
            view = self._stage_view
            return view, f"what the model sees · {view.shape[1]}x{view.shape[0]}"
        if mode == "Preprocessed" and self._preview is not None:
            return self._preview, "preprocessed (preview size)"
        if photo is None:
            return None, ""
        return photo, f"original · {photo.shape[1]}x{photo.shape[0]}"

    def _update_view(self) -> None:
        picture, caption = self.current_picture()
        self.view.set_image(picture, keep_zoom=True)
        self.view_caption.setText(caption)

    def save_view(self) -> None:
        picture, _ = self.current_picture()
        if picture is None:
            self._on_message("Nothing to save yet.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save the picture", "vislab.png", "PNG (*.png);;JPEG (*.jpg)")
        if path:
            try:
                save_image(path, picture)
            except Exception as exc:  # a file the user chose: say why, keep going
                self._on_message(str(exc))

    def copy_view(self) -> None:
        picture, _ = self.current_picture()
        if picture is not None:
            QGuiApplication.clipboard().setImage(to_qimage(picture))

    def export_predictions(self) -> None:
        if self._predictions is None:
            self._on_message("No predictions to export yet.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export predictions", "predictions.csv",
                                              "CSV (*.csv);;JSON (*.json)")
        if path:
            try:
                write_predictions(path, self.session.images[self._predictions.image].source, self._predictions)
            except OSError as exc:
                self._on_message(f"{path}: could not be written ({exc.strerror or exc})")

    def about(self) -> None:
        QMessageBox.about(self, "About vislab",
                          "<h3>vislab</h3><p>A desktop lab for looking inside image classifiers: predictions, "
                          "activation and attention maps, feature maps and OpenCV preprocessing.</p>"
                          "<p><b>Your images never leave this computer.</b> vislab makes no network call "
                          "except a weights download you ask for.</p>")


def _device_label(name: str) -> str:
    return {"cpu": "CPU", "mps": "Apple GPU"}.get(name, name.upper())


def _existing_path(text: str) -> bool:
    try:
        return bool(text) and Path(text).exists()
    except (OSError, ValueError):  # text too long or with NUL bytes to be a path
        return False


def write_predictions(path: str, image: str, result) -> None:
    """Predictions as CSV (rank, index, label, probability) or JSON, by the file's suffix."""
    rows = [{"rank": i + 1, "index": p.index, "label": p.label, "probability": p.probability}
            for i, p in enumerate(result.items)]
    if path.lower().endswith(".json"):
        Path(path).write_text(json.dumps({"image": image, "model": result.model_id, "predictions": rows}, indent=2),
                              encoding="utf-8")
        return
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["image", "model", "rank", "index", "label", "probability"])
        writer.writeheader()
        for row in rows:
            writer.writerow({"image": image, "model": result.model_id, **row})

