"""The vislab main window: images on the left, the picture in the middle, predictions on the right,
panels below. It shows what the session computes and never waits for it; it assembles parts that live in
modules of their own (actions, central_view, model_bar, side_panel, status_line, presentation, window_state)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..core.analyses import get_analysis
from ..core.catalog import get_spec
from ..core.errors import DeviceError, ImageReadError, WeightsError
from . import window_state
from .actions import WindowActions
from .central_view import VIEW_LABELS, CentralView
from .collection.mode import CollectionMode
from .feed_badge import FeedBadge
from .file_commands import FileCommands
from .glossary import GlossaryDock
from .i18n import Retranslatable
from .image_strip import ImageStrip
from .live import LiveController
from .message_bar import MessageBar
from .model_bar import ModelBar
from .model_bar import device_label as _device_label
from .panels import PANELS
from .panels.common import PanelTabs, hint
from .presentation import Presentation
from .session import Session
from .settings import Settings
from .side_panel import SidePanel
from .status_line import StatusLine
from .texts import error_text

#: What the picture and the predictions show, computed whatever panel is open.
ALWAYS = ("classify", "explain", "previews", "stages")
DROP_HINT = QT_TRANSLATE_NOOP("MainWindow", "Drop images here, or open them from the File menu (Ctrl+O) or the "
                                           "Samples menu.")


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
        self._predictions = None
        self._placeholder: tuple[str, tuple] = (DROP_HINT, ())
        self._shown = False
        self._ready_seconds = 0.0
        self._stage: tuple[str, str] = ("starting", "")  # what start-up is loading (StatusLine's states)
        self._classify_failed = False
        self._build_widgets()
        bar = self.bar = ModelBar(session, settings)
        self.addToolBar(bar)
        # The bar's parts, by the names the window has always had.
        self.picker, self.device, self.top_k, self.busy = bar.picker, bar.device, bar.top_k, bar.busy
        self.cancel, self.busy_action, self.cancel_action = bar.cancel, bar.busy_action, bar.cancel_action
        self.load_weights, self.use_pretrained = bar.load_weights, bar.use_pretrained
        self.setStatusBar(StatusLine())
        self.status_model, self.status_time = self.statusBar().status_model, self.statusBar().status_time
        self.live = LiveController(session, self.centre, self.predictions, self.statusBar(), self._say, self,
                                   teach_bins=lambda: getattr(self.panels.get("teach"), "bins", None))
        self.addToolBar(self.live.bar)
        self.files = FileCommands(self, session, settings, self.centre.current_picture, lambda: self._predictions,
                                  self._say, self.collection_mode.open, self.collection_mode.results.start)
        self.statusBar().addPermanentWidget(self.collection_mode.results.progress)
        self.presentation = Presentation(self, self.top_split, self._advanced_widgets, self.main_split,
                                         lambda: self._panel_name() != "explain", self.tabs)
        self.leave_presentation = self.presentation.leave
        self._build_actions()
        self._connect()
        self._connect_session()
        self.retranslate()
        window_state.restore(self)
        self.window_actions.set_recent(settings.get("recent"))
        self._on_tab(self.tabs.currentIndex())

    # --- building -------------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.strip = ImageStrip(self.session)
        self.centre = CentralView(self.session)
        # The picture's parts, by the names the window has always had.
        self.view, self.view_caption, self.mode_group = self.centre.view, self.centre.caption, self.centre.mode_group
        self.alpha, self.alpha_label = self.centre.alpha, self.centre.alpha_label
        self.colormap, self.whole = self.centre.colormap, self.centre.whole
        self.side = SidePanel()
        self.predictions, self.card, self.card_scroll = self.side.predictions, self.side.card, self.side.card_scroll
        self.side_badge = FeedBadge()  # "feed to the model" is said beside the predictions, the picture, the tabs
        self.side.layout().insertWidget(1, self.side_badge)
        self.messages = MessageBar()
        self.concepts = GlossaryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.concepts)
        self.concepts.hide()

        self.top_split = QSplitter(Qt.Orientation.Horizontal)
        self.top_split.addWidget(self.strip)
        # The centre's two modes: the picture, and the Collection view of a folder.
        self.collection_mode = CollectionMode(self.session, self.centre, self._say, self)
        self.top_split.addWidget(self.collection_mode.stack)
        self.top_split.addWidget(self.side)
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

    def _build_actions(self) -> None:
        """The menus, built once: a language switch retranslates them (see :meth:`retranslate`)."""
        files = self.files
        self.window_actions = actions = WindowActions(self.menuBar(), {
            "sample": lambda path: self.session.add_paths([path]), "recent": lambda path: self.add_paths([path]),
            "language": self.languageChosen.emit,
            "open_images": files.open_images, "open_folder": files.open_folder, "paste": self.paste,
            "open_results": files.open_results,
            "save_view": files.save_view, "export_predictions": files.export_predictions,
            "copy_view": files.copy_view, "quit": self.close,
            "previous": lambda: self.session.step(-1), "next": lambda: self.session.step(1),
            "live": self.live.set_active,
            "collection": self.collection_mode.show,
            "fit": self.view.fit, "zoom_in": lambda: self.view.zoom(1.25), "zoom_out": lambda: self.view.zoom(0.8),
            "presentation": self.set_presentation, "concepts": lambda: self.show_concept(None),
            "load_weights": self.load_weights, "use_pretrained": self.use_pretrained,
            "refresh_weights": self.picker.refresh, "fast_path": self.bar.set_fast_path, "about": self.about})
        self.presentation_action, self.fast_action = actions["presentation"], actions["fast_path"]
        self.live.actions.append(actions["live"])
        self.addActions([self.live.bar.freeze, *self.live.capture_actions])  # Space, 1..9: anywhere in the window
        self.view_menu, self.samples_menu, self.recent_menu = (actions.menu(m) for m in ("view", "samples", "recent"))

    def _advanced_widgets(self) -> list[QWidget]:
        """What presentation mode hides."""
        return [self.strip, self.card_scroll, self.statusBar(), *self.centre.map_controls()]

    def retranslate(self) -> None:
        """Every static text, in the current language."""
        self.setWindowTitle("vislab")
        for i, name in enumerate(self._tab_names()):
            self.tabs.setTabText(i, name)
        for waiting in self._waiting.values():
            waiting.setText(self._waiting_text())
        self._show_status()
        self._set_placeholder(*self._placeholder)
        actions = self.window_actions
        actions.retranslate()
        actions.set_items("modes", [QCoreApplication.translate("CentralView", t) for t in VIEW_LABELS],
                          self.centre.choose_mode, shortcuts=[f"Alt+{i + 1}" for i in range(len(VIEW_LABELS))])
        names = self._tab_names()
        actions.set_items("panels", [self.tr("{0} panel").format(name) for name in names], self.tabs.setCurrentIndex,
                          shortcuts=[f"Ctrl+{i + 1}" for i in range(len(names))])

    def _set_placeholder(self, text: str, args: tuple = ()) -> None:
        """What the predictions area says while it has no predictions (kept untranslated, to follow the
        language)."""
        self._placeholder = (text, args)
        if text:
            self.predictions.clear(self.tr(text).format(*args))

    def _connect(self) -> None:
        self.cancel.clicked.connect(self._cancel_work)
        self.predictions.classClicked.connect(self._on_class_clicked)
        self.live.activeChanged.connect(self._on_live)
        self.tabs.currentChanged.connect(self._on_tab)
        self.files.recentChanged.connect(self.window_actions.set_recent)
        self.collection_mode.changed.connect(self.window_actions["collection"].setChecked)
        self.collection_mode.changed.connect(
            lambda on: on and self.messages.withdraw(lambda about: about is self.collection_mode))
        self.presentation.changed.connect(self.presentation_action.setChecked)
        self.presentation.changed.connect(self.predictions.set_thick)
        self.tabs.currentChanged.connect(lambda _i: self.presentation.lay_out())
        self.panels["previews"].feed.toggled.connect(self._on_fed)

    def _on_fed(self, fed: bool) -> None:
        """Every view says when the model sees the preprocessed image (the badges)."""
        for badge in self.feed_badges():
            badge.set_fed(fed)

    def feed_badges(self) -> list[FeedBadge]:
        """The badges that say the model is fed the preprocessed image: the picture, predictions, panels."""
        return [self.centre.fed_badge, self.side_badge, self.panel_badge]

    # --- opening and closing ----------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:  # give the picture most of the height, once the window has its real size
            self._shown = True
            QTimer.singleShot(0, lambda: window_state.restore_splitters(self))

    def closeEvent(self, event) -> None:
        if self.presentation.active:
            self.set_presentation(False)  # remember the window as it is outside the classroom
        window_state.save(self)
        self.live.shutdown()  # the camera is released before the window goes
        self.collection_mode.stop()
        teach = self.panels.get("teach")
        if teach is not None:
            teach.shutdown()  # a training run stops at its next check rather than hold the closing window
        self.session.stop()
        super().closeEvent(event)

    # --- images in --------------------------------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> None:
        """Add image files and folders; those that added an image become recent files."""
        self.files.add_paths(paths)

    def paste(self) -> None:
        self.files.paste()

    def dragEnterEvent(self, event) -> None:
        if self.files.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.files.take(event.mimeData())
        event.acceptProposedAction()

    # --- the picture and the model ----------------------------------------------------------------------------

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What the image view shows now, and a caption for it."""
        return self.centre.current_picture()

    @property
    def _explanation(self):
        """The explanation the overlay shows (read by the tests)."""
        return self.centre.explanation

    def _cancel_work(self) -> None:
        for analysis in ("classify", "explain", "features"):
            self.session.cancel(analysis)
        self.busy_action.setVisible(False)
        self.cancel_action.setVisible(False)

    def _on_class_clicked(self, index: int) -> None:
        self.predictions.set_target(index)
        self.session.set_explain(target=index)

    # --- the classroom ----------------------------------------------------------------------------------------

    def show_concept(self, concept_id: str | None) -> None:
        """Open the Concepts panel, at one explanation if given."""
        if concept_id is None:
            self.concepts.setVisible(not self.concepts.isVisible())
        else:
            self.concepts.show_concept(concept_id)

    def set_presentation(self, on: bool) -> None:
        """Presentation mode (F11) on or off: see :class:`~vislab.ui.presentation.Presentation`."""
        self.presentation.set_active(on)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About vislab"), self.tr(
            "<h3>vislab</h3><p>A desktop lab for looking inside image classifiers: predictions, activation and "
            "attention maps, feature maps and OpenCV preprocessing.</p><p><b>Your images never leave this "
            "computer.</b> vislab makes no network call except a weights download you ask for.</p>"))

    # === The bottom panels and the session's results ==========================================================

    def _build_panels(self) -> QTabWidget:
        self.tabs = PanelTabs()
        self.panel_badge = FeedBadge(wrap=False)
        self.tabs.setCornerWidget(self.panel_badge, Qt.Corner.TopRightCorner)
        #: The panels built so far, by id, in tab order.
        self.panels: dict[str, QWidget] = {}
        self._pending_panel: int | None = None
        # Compare, Experiments and Models draw with matplotlib: built once the engine is loaded. Their tabs
        # are there from the start, disabled, saying so; so are the panels that need the engine.
        self._waiting: dict[str, QWidget] = {}
        self._add_panels(deferred=False)
        for spec in PANELS:
            if spec.deferred:
                self._waiting[spec.id] = hint("")
                self.tabs.addTab(self._waiting[spec.id], "")
        self._enable_tabs()
        return self.tabs

    def _add_panels(self, deferred: bool) -> None:
        for spec in PANELS:
            if spec.deferred == deferred and spec.id not in self.panels:
                self.panels[spec.id] = spec.build(self.session, self.panels)
                waiting = self._waiting.pop(spec.id, None)
                if waiting is None:
                    self.tabs.addTab(self.panels[spec.id], "")
                    continue
                current, index = self.tabs.currentIndex(), self.tabs.indexOf(waiting)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, self.panels[spec.id], "")
                self.tabs.setCurrentIndex(current)
                waiting.deleteLater()

    def _enable_tabs(self) -> None:
        """A panel that needs the engine is disabled until it is loaded (and stays so if it fails)."""
        ready = self.session.engine_ready
        for index, panel_id in enumerate(PANELS.ids()):
            panel = self.panels.get(panel_id)
            needs_engine = panel is None or any(get_analysis(a).engine for a in getattr(panel, "ANALYSES", ()))
            self.tabs.setTabEnabled(index, ready or not needs_engine)
        # The method list comes from the method registry, which needs torch: until then the box says so.
        self.panels["explain"].method.setPlaceholderText("" if ready else self.tr("loading…"))

    def _waiting_text(self) -> str:
        if self.session.engine_error is not None:
            return self.tr("This panel needs the engine, which could not start.")
        return self.tr("This panel opens once the engine has loaded (torch, timm and matplotlib)…")

    def _tab_names(self) -> list[str]:
        return [self.tr(spec.title) for spec in PANELS]

    def _add_experiment_panels(self) -> None:
        if len(self.panels) < len(PANELS):
            self._add_panels(deferred=True)
            self.retranslate()
            if self._pending_panel is not None and self.tabs.currentIndex() in (0, self._pending_panel):
                self.tabs.setCurrentIndex(self._pending_panel)  # unless the user moved on
            self._pending_panel = None

    def _restore_panel(self, name: str) -> None:
        """Show the saved panel; those built with the engine wait for it."""
        ids = PANELS.ids()
        panel = ids.index(name) if name in ids else 0
        self.tabs.setCurrentIndex(panel)
        self._pending_panel = panel if ids[panel] not in self.panels else None

    def _panel_name(self) -> str:
        return PANELS.ids()[max(0, self.tabs.currentIndex())]

    def _on_tab(self, index: int) -> None:
        if not 0 <= index < len(PANELS.ids()):
            return
        top, bottom = self.main_split.sizes()
        if PANELS.get(PANELS.ids()[index]).tall and bottom < 0.45 * (top + bottom):
            self.main_split.setSizes([(top + bottom) // 2, (top + bottom) - (top + bottom) // 2])

    def _connect_session(self) -> None:
        s = self.session
        s.engineReady.connect(self._on_engine_ready)
        s.engineStage.connect(self._on_engine_stage)
        s.engineFailed.connect(self._on_engine_failed)
        s.latencyTimed.connect(self._on_timed)
        s.currentChanged.connect(self._on_current)
        s.imageUpdated.connect(self._on_image_updated)
        s.modelChanged.connect(self._on_model_changed)
        s.busyChanged.connect(self._on_busy)
        s.notify.connect(self._on_notify)
        classify, explain = s.feed("classify"), s.feed("explain")
        classify.ready.connect(self._on_predictions)
        classify.failed.connect(self._on_classify_failed)
        classify.progress.connect(self._on_progress)
        classify.cancelled.connect(self._on_cancelled)
        explain.ready.connect(self._on_explanation)
        explain.failed.connect(self._on_explain_failed)
        explain.progress.connect(self._on_explain_progress)
        s.feed("stages").ready.connect(self._on_stages)
        s.feed("previews").ready.connect(self._on_previews)
        s.want(self.objectName() or "window", ALWAYS)

    def _on_engine_stage(self, stage: str, detail: str) -> None:
        self._stage = (stage, detail)
        self._show_status()

    def _on_engine_failed(self, error: Exception) -> None:
        """torch (or another engine module) would not import: said once, in words, and nothing waits on it."""
        text = self.tr("vislab's engine could not start: {0}. Reinstall vislab with its dependencies (torch, "
                       "timm, torchvision) and open it again.").format(error_text(error))
        self.messages.show_message(text, about=error)
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "No predictions: the engine could not start."))
        self.retranslate()
        self._show_status()

    def _on_timed(self, timing) -> None:
        self.card.set_timed(timing, _device_label(timing.device))

    def _on_engine_ready(self, seconds: float, devices: list) -> None:
        self._add_experiment_panels()
        self._enable_tabs()
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

    def _on_model_changed(self, model_id: str) -> None:
        """Everything that shows the model's state follows it: the picker (ModelBar), the card, the status line,
        and a message that blamed the weights goes."""
        self.picker.select(model_id)
        self.card.show_model(model_id, self.session.choices.weights)
        self.messages.withdraw(lambda about: isinstance(about, WeightsError))
        self._predictions = None
        self._classify_failed = False
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Loading the model…"))
        self.centre.show(explanation=None, stage_view=None)
        self._show_status()

    def _on_current(self, index: int) -> None:
        self._predictions = None
        self._classify_failed = False
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Classifying…"))
        source = self.session.images[index].source
        self.messages.withdraw(lambda about: isinstance(about, ImageReadError) and about.path != source)
        self.centre.show(explanation=None, stage_view=None, preview=None)
        self._show_unreadable(index)
        self._show_status()

    def _on_image_updated(self, index: int) -> None:
        if index == self.session.current:
            self._show_unreadable(index)
            self.centre.refresh()
            self._show_status()

    def _show_unreadable(self, index: int) -> None:
        """An unreadable current photo: its own error where its predictions would be."""
        entry = self.session.images[index]
        if entry.error:
            self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "{0} cannot be read: {1}"),
                                  (entry.name, entry.error))

    def _on_predictions(self, result) -> None:
        self._predictions = result
        self._classify_failed = False
        self._placeholder = ("", ())
        if self.live.active:  # Live's predictions are shown; the photo's wait until Live is off
            return
        self.predictions.set_predictions(result.items, self.session.choices.target)
        self.card.set_latency(result.latency, _device_label(result.device))
        self._show_status()

    def _show_status(self) -> None:
        """The status line: what ran the predictions, or what the window is doing (start-up's stages first)."""
        s = self.session
        state, detail = "ready", self._ready_seconds
        if s.engine_error is not None:
            state = "engine_failed"
        elif not s.engine_ready:
            state, detail = self._stage
        elif 0 <= s.current < len(s.images):
            state = ("unreadable" if s.images[s.current].error else "failed" if self._classify_failed
                     else "classifying")
        self.statusBar().show_status(self._predictions, state=state, device=self.bar.device_name(),
                                     model=get_spec(s.choices.model_id).name, detail=detail)

    def _on_explanation(self, result) -> None:
        if self.live.active:  # shown when Live is off
            self.centre.explanation = result
            return
        self.predictions.set_target(result.explanation.target)
        self.centre.show(explanation=result)

    def _on_stages(self, view) -> None:
        self.centre.show(stage_view=view.cropped)

    def _on_previews(self, previews) -> None:
        self.centre.show(preview=previews.final)

    def _on_explain_failed(self, _error: Exception, _slot=None) -> None:
        self.centre.show(explanation=None)  # the Explain panel says why

    def _on_explain_progress(self, done: int, total: int) -> None:
        self._on_progress(done, total, download=False)

    def _on_notify(self, error: Exception) -> None:
        self.messages.show_message(error_text(error), about=error)

    def _on_classify_failed(self, error: Exception, _slot=None) -> None:
        """The reason goes where the predictions would be; a device that fails offers the CPU instead."""
        self._predictions = None
        self._classify_failed = True
        self._show_status()
        self.picker.refresh()  # a failed download changes what the picker should promise
        if self.session.engine_error is not None:
            return  # the engine's own message says why
        if isinstance(error, DeviceError) and self.session.choices.device != "cpu":
            self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "No predictions."))
            self.messages.show_message(error_text(error), self.tr("Use the CPU instead"), self.bar.fall_back_to_cpu)
            return
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "No predictions: {0}\n\nChoose the model again "
                                                              "to retry."), (error_text(error),))

    def _on_cancelled(self) -> None:
        self._predictions = None
        self._set_placeholder(QT_TRANSLATE_NOOP("MainWindow", "Cancelled. Choose the model again to retry."))

    def _on_live(self, on: bool) -> None:
        """Live off: the picture and the predictions of the current photo come back, as they were."""
        if on:
            return
        self.centre.refresh()
        if self._predictions is not None:
            self.predictions.set_predictions(self._predictions.items, self.session.choices.target)
        else:
            self.predictions.clear()
            self._set_placeholder(*self._placeholder)
        self._show_status()

    def _say(self, text: str, about: object = None) -> None:
        """The one message sink: a failure no view shows in place, or a word about what was asked (``about``:
        what it is about, for :meth:`MessageBar.withdraw`)."""
        self.messages.show_message(text, about=about)

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
