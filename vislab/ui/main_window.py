"""The vislab main window: images on the left, the picture in the middle, predictions on the right,
panels below. It shows what the session computes and never waits for it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
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
from ..core.errors import DeviceError
from ..core.heatmaps import COLORMAPS, on_original, overlay
from ..core.images import IMAGE_SUFFIXES, save_image
from ..core.weights import WEIGHTS_SUFFIXES
from ..resources import sample_images
from . import i18n
from .glossary import GlossaryDock
from .i18n import Retranslatable
from .image_strip import ImageStrip
from .image_view import ImageView
from .model_card import ModelCard
from .model_picker import ModelPicker
from .panels import PANELS
from .predictions_view import PredictionsView
from .qt_images import from_qimage, to_qimage
from .session import Session
from .settings import Settings
from .texts import error_text, method_name

#: The picture's modes, by id; their labels are translated when shown.
VIEW_MODES = ("Original", "Model's view", "Preprocessed", "Overlay")
VIEW_LABELS = (QT_TRANSLATE_NOOP("MainWindow", "Original"), QT_TRANSLATE_NOOP("MainWindow", "Model's view"),
               QT_TRANSLATE_NOOP("MainWindow", "Preprocessed"), QT_TRANSLATE_NOOP("MainWindow", "Overlay"))
VIEW_TIPS = (QT_TRANSLATE_NOOP("MainWindow", "The photo as loaded"),
             QT_TRANSLATE_NOOP("MainWindow", "What the model sees: resized and cropped"),
             QT_TRANSLATE_NOOP("MainWindow", "After the preprocessing pipeline"),
             QT_TRANSLATE_NOOP("MainWindow", "The explanation map over what the model saw"))
#: What the picture and the predictions show, computed whatever panel is open.
ALWAYS = ("classify", "explain", "previews", "stages")
DROP_HINT = QT_TRANSLATE_NOOP("MainWindow", "Drop images here, or open them from the File menu (Ctrl+O) or the "
                                           "Samples menu.")
#: Presentation mode scales every font by this much.
PRESENTATION_SCALE = 1.6


class MessageBar(Retranslatable, QFrame):
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
        close = self.close_button = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(close)
        self._callback = None
        self.action.clicked.connect(self._on_action)
        self.retranslate()
        self.hide()

    def show_message(self, text: str, action: str | None = None, callback=None) -> None:
        self.text.setText(text)
        self.action.setVisible(action is not None)
        self.action.setText(action or "")
        self._callback = callback
        self.show()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))

    def _on_action(self) -> None:
        self.hide()
        if self._callback:
            self._callback()


class MainWindow(Retranslatable, QMainWindow):
    """The window. Static texts are set in :meth:`retranslate`, so switching the language (View ▸ Language)
    changes them in place: nothing the person has open is rebuilt or lost."""

    #: The person chose a language ("en", "es"); the application installs it.
    languageChosen = Signal(str)

    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.setAcceptDrops(True)
        self._explanation = None
        self._stage_view: np.ndarray | None = None
        self._preview: np.ndarray | None = None
        self._predictions = None
        self._placeholder: tuple[str, tuple] = (DROP_HINT, ())
        self._shown = False
        self._presentation: dict | None = None
        self._ready_seconds = 0.0
        self._build_widgets()
        self._build_toolbar()
        self._build_status()
        self._build_menus()
        self._connect()
        # Esc leaves presentation mode wherever the focus is; outside it, Esc is left to the widgets.
        self.leave_presentation = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.set_presentation(False))
        self.leave_presentation.setEnabled(False)
        self.retranslate()
        self._restore()

    # --- building -------------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.strip = ImageStrip(self.session)
        self.view = ImageView()
        self.predictions = PredictionsView()
        self.card = ModelCard()
        self.messages = MessageBar()
        self.concepts = GlossaryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.concepts)
        self.concepts.hide()

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
        for i in range(len(VIEW_MODES)):
            button = QToolButton()
            button.setCheckable(True)
            self.mode_group.addButton(button, i)
            controls.addWidget(button)
        self.mode_group.button(3).setChecked(True)
        self.alpha = QSlider(Qt.Orientation.Horizontal)
        self.alpha.setRange(0, 100)
        self.alpha.setFixedWidth(120)
        self.colormap = QComboBox()
        self.colormap.addItems(list(COLORMAPS))
        self.whole = QCheckBox()
        self.alpha_label = QLabel()
        controls.addSpacing(16)
        for widget in (self.alpha_label, self.alpha, self.colormap, self.whole):
            controls.addWidget(widget)
        controls.addStretch(1)
        return controls

    def _build_side(self) -> QWidget:
        side = self.side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        self.predictions_title = QLabel()
        layout.addWidget(self.predictions_title)
        layout.addWidget(self.predictions)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.card_scroll, 1)
        layout.addStretch(0)  # keeps the bars at the top when the card is hidden (presentation mode)
        return side

    def _build_panels(self) -> QTabWidget:
        self.tabs = QTabWidget()
        #: The panels built so far, by id, in tab order.
        self.panels: dict[str, QWidget] = {}
        # Compare, Experiments and Models draw with matplotlib: built once the engine is loaded, off the
        # start-up path.
        self._add_panels(deferred=False)
        return self.tabs

    def _add_panels(self, deferred: bool) -> None:
        for spec in PANELS:
            if spec.deferred == deferred and spec.id not in self.panels:
                self.panels[spec.id] = spec.build(self.session, self.panels)
                self.tabs.addTab(self.panels[spec.id], "")

    def _tab_names(self) -> list[str]:
        return [self.tr(PANELS.get(panel_id).title) for panel_id in self.panels]

    def _add_experiment_panels(self) -> None:
        if len(self.panels) < len(PANELS):
            self._add_panels(deferred=True)
            self.retranslate()
            if self._pending_panel is not None and self.tabs.currentIndex() == 0:  # unless the user moved on
                self.tabs.setCurrentIndex(self._pending_panel)
            self._pending_panel = None

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar()
        bar.setObjectName("modelToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.picker = ModelPicker()
        self.device = QComboBox()
        self.device.addItem("CPU", "cpu")
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 20)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(110)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.cancel = QPushButton()
        self.model_label, self.device_label = QLabel(), QLabel()
        bar.addWidget(self.model_label)
        bar.addWidget(self.picker)
        bar.addSeparator()
        bar.addWidget(self.device_label)
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
        action = QAction(text, menu)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text.replace("&", ""))
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menus, in the current language (rebuilt when it changes: actions are cheap)."""
        menus = self.menuBar()
        menus.clear()
        for old in menus.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            old.deleteLater()  # with its actions and submenus
        file = menus.addMenu(self.tr("&File"))
        self._action(file, self.tr("&Open images…"), self.open_images, QKeySequence.StandardKey.Open)
        self._action(file, self.tr("Open &folder…"), self.open_folder, "Ctrl+Shift+O")
        self._action(file, self.tr("&Paste image"), self.paste, QKeySequence.StandardKey.Paste,
                     self.tr("Add the image (or image files) on the clipboard"))
        self.samples_menu = file.addMenu(self.tr("&Samples"))
        self.samples_menu.setEnabled(bool(sample_images()))
        for path in sample_images():
            self._action(self.samples_menu, path.stem.replace("_", " ").capitalize(),
                         lambda _=False, p=path: self.session.add_paths([p]))
        self.recent_menu = file.addMenu(self.tr("&Recent"))
        file.addSeparator()
        self._action(file, self.tr("&Save view as image…"), self.save_view, QKeySequence.StandardKey.Save,
                     self.tr("Save the picture shown (the overlay, the model's view...)"))
        self._action(file, self.tr("&Export predictions…"), self.export_predictions, "Ctrl+E",
                     self.tr("Save the predictions as CSV or JSON"))
        self._action(file, self.tr("&Copy image"), self.copy_view, "Ctrl+Shift+C", self.tr("Copy the picture shown"))
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        view = self.view_menu = menus.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Previous image"), lambda: self.session.step(-1), "Left")
        self._action(view, self.tr("&Next image"), lambda: self.session.step(1), "Right")
        self._action(view, self.tr("&Fit to window"), self.view.fit, "Ctrl+0")
        self._action(view, self.tr("Zoom &in"), lambda: self.view.zoom(1.25), QKeySequence.StandardKey.ZoomIn)
        self._action(view, self.tr("Zoom &out"), lambda: self.view.zoom(0.8), QKeySequence.StandardKey.ZoomOut)
        view.addSeparator()
        modes = QActionGroup(view)
        for i, label in enumerate(VIEW_LABELS):
            action = self._action(view, self.tr(label), lambda _=False, i=i: self.mode_group.button(i).click(),
                                  f"Alt+{i + 1}")
            modes.addAction(action)
        view.addSeparator()
        for i, name in enumerate(self._tab_names()):
            self._action(view, self.tr("{0} panel").format(name), lambda _=False, i=i: self.tabs.setCurrentIndex(i),
                         f"Ctrl+{i + 1}")
        view.addSeparator()
        self.presentation_action = self._action(
            view, self.tr("P&resentation mode"), self.set_presentation, "F11",
            self.tr("Full screen, large fonts and high contrast, for a classroom; F11 or Esc leaves it"))
        self.presentation_action.setCheckable(True)
        self.presentation_action.setChecked(self._presentation is not None)
        self._action(view, self.tr("&Concepts"), lambda: self.show_concept(None), "F1",
                     self.tr("What a convolution, a feature map, a patch, an attention head and a CAM are"))
        language = view.addMenu(self.tr("&Language"))
        group = QActionGroup(language)
        for code, name in i18n.LANGUAGES.items():
            action = self._action(language, name, lambda _=False, c=code: self.languageChosen.emit(c))
            action.setCheckable(True)
            action.setChecked(code == i18n.current())
            group.addAction(action)

        self._build_model_menu(menus.addMenu(self.tr("&Model")))

        help_ = menus.addMenu(self.tr("&Help"))
        self._action(help_, self.tr("&About vislab"), self.about)
        self._fill_recent()

    def _build_model_menu(self, model: QMenu) -> None:
        self._action(model, self.tr("Load &weights file…"), self.load_weights, "Ctrl+W",
                     self.tr("Use a local .pth/.pt/.bin/.safetensors file with the chosen architecture"))
        self._action(model, self.tr("Use the &pretrained weights"), self.use_pretrained)
        self._action(model, self.tr("&Refresh weights status"), self.picker.refresh)
        model.addSeparator()
        self.fast_action = self._action(
            model, self.tr("&Fast inference (ONNX Runtime)"), self._on_fast_path, None,
            self.tr("Classify with ONNX Runtime once the model is exported (in the background, once); "
                    "explanations always run on PyTorch"))
        self.fast_action.setCheckable(True)
        self.fast_action.setChecked(self.settings.get("fast_path"))

    def _build_status(self) -> None:
        status = self.statusBar()
        self.status_model = QLabel()
        self.status_time = QLabel("")
        self.privacy = QLabel()
        status.addWidget(self.status_model)
        status.addWidget(self.status_time)
        status.addPermanentWidget(self.privacy)

    def retranslate(self) -> None:
        """Every static text, in the current language."""
        self.setWindowTitle("vislab")
        self.view.setToolTip(self.tr("Scroll to zoom, drag to pan, double-click to fit"))
        for i, (label, tip) in enumerate(zip(VIEW_LABELS, VIEW_TIPS, strict=True)):
            self.mode_group.button(i).setText(self.tr(label))
            self.mode_group.button(i).setToolTip(self.tr(tip))
        self.alpha_label.setText(self.tr("Opacity"))
        self.alpha.setToolTip(self.tr("Opacity of the map"))
        self.colormap.setToolTip(self.tr("Colour scale of the map"))
        self.whole.setText(self.tr("On the whole photo"))
        self.whole.setToolTip(self.tr("Map the explanation back onto the original photo; what the model never saw "
                                      "is dimmed"))
        self.predictions_title.setText("<b>{}</b>".format(self.tr("Predictions")))
        for i, name in enumerate(self._tab_names()):
            self.tabs.setTabText(i, name)
        self.toolbar.setWindowTitle(self.tr("Model"))
        self.model_label.setText(" {} ".format(self.tr("Model")))
        self.device_label.setText(" {} ".format(self.tr("Device")))
        self.device.setToolTip(self.tr("Where the model runs (only devices present on this computer)"))
        for i in range(self.device.count()):
            self.device.setItemText(i, _device_label(self.device.itemData(i)))
        self.top_k.setPrefix(self.tr("Top-"))
        self.top_k.setToolTip(self.tr("How many classes to show"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop the download or the long computation"))
        self.privacy.setText(self.tr("Images stay on this computer"))
        self.privacy.setToolTip(self.tr("vislab makes no network call except a weights download you ask for."))
        self._show_status()
        self._build_menus()
        self._set_placeholder(*self._placeholder)
        self._update_view()

    def _set_placeholder(self, text: str, args: tuple = ()) -> None:
        """What the predictions area says while it has no predictions (kept untranslated, to follow the
        language)."""
        self._placeholder = (text, args)
        if text:
            self.predictions.clear(self.tr(text).format(*args))

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
        s.feed("classify").ready.connect(self._on_predictions)
        s.feed("explain").ready.connect(self._on_explanation)
        s.feed("stages").ready.connect(self._on_stages)
        s.feed("previews").ready.connect(self._on_previews)
        s.notify.connect(self._on_notify)
        s.feed("classify").failed.connect(self._on_classify_failed)
        s.feed("classify").cancelled.connect(self._on_cancelled)
        s.feed("explain").failed.connect(self._on_explain_failed)
        s.busyChanged.connect(self._on_busy)
        s.feed("classify").progress.connect(self._on_progress)
        s.feed("explain").progress.connect(lambda done, total: self._on_progress(done, total, download=False))
        s.want(self, ALWAYS)

    def _restore(self) -> None:
        st = self.settings
        if not self.restoreGeometry(st.get("geometry")):
            self.resize(1280, 800)
        self.restoreState(st.get("window_state"))
        self.top_k.setValue(st.get("top_k"))
        self.alpha.setValue(round(100 * st.get("alpha")))
        self.colormap.setCurrentText(st.get("colormap"))
        ids = PANELS.ids()
        panel = ids.index(st.get("panel")) if st.get("panel") in ids else 0
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
        if not st.get("fast_path"):
            self.session.set_fast_path(False)
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
        if self._presentation is not None:
            self.set_presentation(False)  # remember the window as it is outside the classroom
        st = self.settings
        st.set("geometry", self.saveGeometry())
        st.set("window_state", self.saveState())
        st.set("model", self.session.choices.model_id)
        st.set("device", self.session.choices.device)
        st.set("top_k", self.top_k.value())
        st.set("alpha", self.alpha.value() / 100)
        st.set("colormap", self.colormap.currentText())
        st.set("method", self.session.choices.method)
        st.set("panel", list(self.panels)[self.tabs.currentIndex()])
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
            self._say(self.tr("No images found in {0}").format(", ".join(str(p) for p in paths)))

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
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Open images"), "",
                                                self.tr("Images ({0});;All files (*)").format(patterns))
        if files:
            self.add_paths(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of images"))
        if folder:
            self.add_paths([folder])

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls() or mime.hasImage():
            self._take(mime)
        elif mime.hasText() and _existing_path(mime.text().strip()):
            self.add_paths([mime.text().strip()])
        else:
            self._say(self.tr("The clipboard holds no image."))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent")
        for path in recent:  # owned by the menu, so clear() deletes them
            self.recent_menu.addAction(path).triggered.connect(lambda _=False, p=path: self.add_paths([p]))
        self.recent_menu.setEnabled(bool(recent))

    # --- model and device -------------------------------------------------------------------------------------

    def _on_model_chosen(self, model_id: str) -> None:
        self.session.set_model(model_id)

    def _on_fast_path(self, on: bool) -> None:
        self.settings.set("fast_path", on)
        self.session.set_fast_path(on)

    def load_weights(self) -> None:
        patterns = " ".join(f"*{s}" for s in WEIGHTS_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Weights for {0}").format(get_spec(self.session.choices.model_id).name), "",
            self.tr("Weights ({0})").format(patterns))
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
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Loading the model…"))
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
        self._ready_seconds = seconds
        self._show_status()
        if not self.session.images:
            self._set_placeholder(DROP_HINT)

    def _device_name(self) -> str:
        return self.device.currentText() or _device_label("cpu")

    def _cancel_work(self) -> None:
        for analysis in ("classify", "explain", "features"):
            self.session.cancel(analysis)
        self.busy_action.setVisible(False)
        self.cancel_action.setVisible(False)

    def _on_cancelled(self) -> None:
        self._predictions = None
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Cancelled. Choose the model again to retry."))

    # --- results ------------------------------------------------------------------------------------------------

    def _on_current(self, index: int) -> None:
        self._explanation = None
        self._stage_view = None
        self._preview = None
        self._predictions = None
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Classifying…"))
        self._update_view()

    def _on_image_updated(self, index: int) -> None:
        if index == self.session.current:
            entry = self.session.images[index]
            if entry.error:
                self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "{0} cannot be read: {1}"),
                                      (entry.name, entry.error))
            self._update_view()

    def _on_predictions(self, result) -> None:
        self._predictions = result
        self._placeholder = ("", ())
        self.predictions.set_predictions(result.items, self.session.choices.target)
        self.card.set_latency(result.latency, _device_label(result.device))
        self._show_status()

    def _show_status(self) -> None:
        """The status bar: starting, ready, or what ran the current predictions and how long it took."""
        result = self._predictions
        if result is None:
            self.status_model.setToolTip("")
            self.status_time.setText("")
            if self.session.engine_ready:
                self.status_model.setText(self.tr("{0} · ready ({1:.1f} s)").format(self._device_name(),
                                                                                  self._ready_seconds))
            else:
                self.status_model.setText(self.tr("starting…"))
            return
        backend = "ONNX Runtime" if result.backend == "onnx" else "PyTorch"
        self.status_model.setText(f"{_device_label(result.device)} · {result.model_id} · {backend}")
        self.status_model.setToolTip(self.tr("What ran the model for these predictions"))
        self.status_time.setText(self.tr("loaded in {0:.1f} s · this image {1:.0f} ms").format(
            result.load_seconds, 1000 * result.seconds))

    def _on_explanation(self, result) -> None:
        self._explanation = result
        self.predictions.set_target(result.explanation.target)
        self._update_view()

    def _on_stages(self, result) -> None:
        self._stage_view = result.cropped
        self._update_view()

    def _on_previews(self, result) -> None:
        self._preview = result.final
        self._update_view()

    def _on_class_clicked(self, index: int) -> None:
        self.predictions.set_target(index)
        self.session.set_explain(target=index)

    def _on_tab(self, index: int) -> None:
        if not 0 <= index < len(self.panels):
            return
        top, bottom = self.main_split.sizes()
        if PANELS.get(list(self.panels)[index]).tall and bottom < 0.45 * (top + bottom):
            self.main_split.setSizes([(top + bottom) // 2, (top + bottom) - (top + bottom) // 2])

    def _on_classify_failed(self, error: Exception, _slot=None) -> None:
        self._predictions = None
        self.status_time.setText("")
        self.picker.refresh()  # a failed download changes what the picker should promise
        if isinstance(error, DeviceError) and self.session.choices.device != "cpu":
            self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "No predictions."))
            self.messages.show_message(error_text(error), self.tr("Use the CPU instead"), self._fall_back_to_cpu)
            return
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "No predictions: {0}\n\nChoose the model again "
                                                              "to retry."), (error_text(error),))

    def _on_explain_failed(self, _error: Exception, _slot=None) -> None:
        self._explanation = None  # the Explain panel says why
        self._update_view()

    def _on_notify(self, error: Exception) -> None:
        """The one message sink for failures no view shows in place (a photo that cannot be read)."""
        self._say(error_text(error))

    def _say(self, text: str) -> None:
        self.messages.show_message(text)

    def _fall_back_to_cpu(self) -> None:
        self.device.setCurrentIndex(max(0, self.device.findData("cpu")))
        self.session.set_device("cpu")

    def _on_busy(self, busy: bool) -> None:
        self.busy_action.setVisible(busy)
        if not busy:
            self.cancel_action.setVisible(False)
            self.busy.setRange(0, 0)

    def _on_progress(self, done: int, total: int, download: bool = True) -> None:
        if total:
            self.busy.setRange(0, total)
            self.busy.setValue(done)
            self.cancel_action.setVisible(True)
            if download:
                self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Downloading weights… {0:.0f} of {1:.0f} MB"),
                                      (done / 1e6, total / 1e6))

    # --- the picture ----------------------------------------------------------------------------------------------

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What the image view shows now, and a caption for it."""
        mode = VIEW_MODES[self.mode_group.checkedId()]
        photo = self.session.display()
        if mode == "Overlay" and self._explanation is not None:
            e = self._explanation.explanation
            alpha, cmap = self.alpha.value() / 100, self.colormap.currentText()
            if self.whole.isChecked():
                picture = on_original(self._explanation.photo, e.heatmap, self._explanation.crop_box, alpha, cmap)
            else:
                picture = overlay(e.view, e.heatmap, alpha, cmap)
            return picture, self.tr("{0} · {1}").format(method_name(e.method), e.target_label)
        if mode == "Model's view" and self._stage_view is not None:
            view = self._stage_view
            return view, self.tr("what the model sees · {0}x{1}").format(view.shape[1], view.shape[0])
        if mode == "Preprocessed" and self._preview is not None:
            return self._preview, self.tr("preprocessed (preview size)")
        if photo is None:
            return None, ""
        width, height = self.session.images[self.session.current].size or photo.shape[1::-1]
        return photo, self.tr("original · {0}x{1}").format(width, height)

    def _update_view(self) -> None:
        picture, caption = self.current_picture()
        self.view.set_image(picture, keep_zoom=True)
        self.view_caption.setText(caption)

    def save_view(self) -> None:
        picture, _ = self.current_picture()
        if picture is None:
            self._say(self.tr("Nothing to save yet."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the picture"), "vislab.png",
                                              "PNG (*.png);;JPEG (*.jpg)")
        if path:
            try:
                save_image(path, picture)
            except Exception as exc:  # a file the user chose: say why, keep going
                self._say(str(exc))

    def copy_view(self) -> None:
        picture, _ = self.current_picture()
        if picture is not None:
            QGuiApplication.clipboard().setImage(to_qimage(picture))

    def export_predictions(self) -> None:
        if self._predictions is None:
            self._say(self.tr("No predictions to export yet."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export predictions"), "predictions.csv",
                                              "CSV (*.csv);;JSON (*.json)")
        if path:
            try:
                write_predictions(path, self.session.images[self._predictions.image].source, self._predictions)
            except OSError as exc:
                self._say(self.tr("{0}: could not be written ({1})").format(path, exc.strerror or exc))

    # --- the classroom ------------------------------------------------------------------------------------------

    def show_concept(self, concept_id: str | None) -> None:
        """Open the Concepts panel, at one explanation if given."""
        if concept_id is None:
            self.concepts.setVisible(not self.concepts.isVisible())
        else:
            self.concepts.show_concept(concept_id)

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: full screen, every font 1.6 times larger, high contrast, and the image strip,
        model card, status bar and map settings hidden, so the picture and the bars fill the screen."""
        app = QApplication.instance()
        if on and self._presentation is None:
            self._presentation = {"font": QFont(app.font()), "palette": QPalette(app.palette()),
                                  "maximized": self.isMaximized(), "hidden": [], "sizes": self.top_split.sizes()}
            font = QFont(app.font())
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * PRESENTATION_SCALE)
            else:  # a font sized in pixels
                font.setPixelSize(round(font.pixelSize() * PRESENTATION_SCALE))
            app.setFont(font)
            app.setPalette(_high_contrast(app.palette()))
            advanced = (self.strip, self.card_scroll, self.statusBar(), self.alpha_label, self.alpha, self.colormap,
                        self.whole)
            for widget in advanced:
                if widget.isVisible() or not self.isVisible():
                    widget.hide()
                    self._presentation["hidden"].append(widget)
            self.showFullScreen()
            QTimer.singleShot(100, self._widen_predictions)  # once the window is full screen
        elif not on and self._presentation is not None:
            saved, self._presentation = self._presentation, None
            app.setFont(saved["font"])
            app.setPalette(saved["palette"])
            for widget in saved["hidden"]:
                widget.show()
            self.showMaximized() if saved["maximized"] else self.showNormal()
            self.top_split.setSizes(saved["sizes"])
        self.presentation_action.setChecked(self._presentation is not None)
        self.leave_presentation.setEnabled(self._presentation is not None)
        self.predictions.updateGeometry()

    def _widen_predictions(self) -> None:
        if self._presentation is not None:
            width = sum(self.top_split.sizes())
            self.top_split.setSizes([0, round(width * 0.62), width - round(width * 0.62)])


    def about(self) -> None:
        QMessageBox.about(self, self.tr("About vislab"), self.tr(
            "<h3>vislab</h3><p>A desktop lab for looking inside image classifiers: predictions, activation and "
            "attention maps, feature maps and OpenCV preprocessing.</p><p><b>Your images never leave this "
            "computer.</b> vislab makes no network call except a weights download you ask for.</p>"))


def _device_label(name: str) -> str:
    if name == "mps":
        return QCoreApplication.translate("MainWindow", "Apple GPU")
    return "CPU" if name == "cpu" else name.upper()


def _high_contrast(palette: QPalette) -> QPalette:
    """Black on white with a strong blue accent: readable from the back of a room on any projector."""
    high = QPalette(palette)
    for role, colour in ((QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.Base, "#ffffff"),
                         (QPalette.ColorRole.AlternateBase, "#f0f0f0"), (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.Text, "#000000"), (QPalette.ColorRole.ButtonText, "#000000"),
                         (QPalette.ColorRole.Button, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#0047b3"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#333333"),
                         (QPalette.ColorRole.PlaceholderText, "#333333")):
        high.setColor(role, QColor(colour))
    return high


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

