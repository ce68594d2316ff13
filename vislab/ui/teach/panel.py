"""The Teach panel: build your own classifier and watch it learn.

Class bins on the left, settings in the middle, live curves and results on the right. Training runs on a
worker of the panel's own :class:`~vislab.ui.workers.Runner` (never the window's thread); each epoch reaches the
curves through a queued signal. Stop keeps the best epoch so far. "Use this model" saves the model under vislab's
data folder and makes it the window's model, so every view works on it with its own classes.
"""

from __future__ import annotations

import copy
import threading
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import Cancelled
from ...core.teach import Epoch, Step, TrainResult
from ..i18n import Retranslatable
from ..session import Session
from ..texts import error_text
from ..workers import Runner
from .bins import ClassBins
from .curves import Curves
from .settings import TeachSettings

THUMB = 64


class _Bridge(QObject):
    """Carries a worker's progress to the window's thread (queued: the bridge lives there)."""

    event = Signal(str, object)


def _icon(image: np.ndarray) -> QIcon:
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    qimage = QImage(image.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QIcon(QPixmap.fromImage(qimage).scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))


def _file_icon(path: Path) -> QIcon:
    return QIcon(QPixmap(str(path)).scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))


def _thumbnails() -> QListWidget:
    view = QListWidget()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(THUMB, THUMB))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)
    return view


class TeachPanel(Retranslatable, QWidget):
    """Signals: ``modelUsed(model id, file)`` when a trained model became the window's model."""

    modelUsed = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = Runner(self, max_threads=2)
        self.bridge = _Bridge(self)
        self.bridge.event.connect(self._on_event)
        self.runner.done.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.result: TrainResult | None = None
        self.scratch: TrainResult | None = None
        self.saved: Path | None = None
        self._stop = threading.Event()
        self._epochs_total = 0
        self._build()
        self.retranslate()
        self._set_running(None)

    # -- layout -----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.bins = ClassBins()
        self.settings = TeachSettings(self.session.weights_files)
        self.preview = _thumbnails()
        self.preview.setMaximumHeight(THUMB + 24)
        self.preview.hide()  # until a preview is asked for
        self.train_button, self.scratch_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.use_button, self.save_button, self.load_button = QPushButton(), QPushButton(), QPushButton()
        self.export_button = QPushButton()
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.curves = Curves()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.per_class = QTableWidget(0, 2)
        self.confusion = QTableWidget(0, 0)
        self.members = _thumbnails()
        self.mistakes = _thumbnails()
        self.mistakes.setGridSize(QSize(THUMB + 60, THUMB + 36))
        self.results = QTabWidget()
        confusion_page = QWidget()
        confusion_layout = QHBoxLayout(confusion_page)
        confusion_layout.setContentsMargins(0, 0, 0, 0)
        confusion_layout.addWidget(self.confusion, 3)
        confusion_layout.addWidget(self.members, 2)
        self.results.addTab(self.curves, "")
        self.results.addTab(self.per_class, "")
        self.results.addTab(confusion_page, "")
        self.results.addTab(self.mistakes, "")
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.settings)
        middle_layout.addWidget(scroll, 1)
        middle_layout.addWidget(self.preview)
        run_row = QHBoxLayout()
        for button in (self.train_button, self.scratch_button, self.stop_button):
            run_row.addWidget(button)
        middle_layout.addLayout(run_row)
        middle_layout.addWidget(self.progress)
        middle_layout.addWidget(self.status)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.results, 1)
        use_row = QHBoxLayout()
        for button in (self.use_button, self.save_button, self.load_button, self.export_button):
            use_row.addWidget(button)
        right_layout.addLayout(use_row)

        splitter = QSplitter()
        splitter.addWidget(self.bins)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setSizes([220, 520, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.bins.changed.connect(self._on_dataset_changed)
        self.bins.failed.connect(self._say)
        self.bins.sample_button.clicked.connect(self._on_sample)
        self.settings.preview_button.clicked.connect(self._on_preview)
        self.train_button.clicked.connect(lambda: self.start("transfer"))
        self.scratch_button.clicked.connect(lambda: self.start("scratch"))
        self.stop_button.clicked.connect(self.stop)
        self.use_button.clicked.connect(self.use_model)
        self.save_button.clicked.connect(self._on_save)
        self.load_button.clicked.connect(self._on_load)
        self.export_button.clicked.connect(self._on_export)
        self.confusion.cellClicked.connect(self._on_cell)

    def retranslate(self) -> None:
        self.train_button.setText(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Transfer learning from the base model, on a worker"))
        self.scratch_button.setText(self.tr("From scratch"))
        self.scratch_button.setToolTip(self.tr("A small CNN (conv-pool blocks) from random weights on the same data "
                                               "and augmentation, drawn dashed on the same axes"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after this epoch and keep the best epoch so far"))
        self.use_button.setText(self.tr("Use this model"))
        self.use_button.setToolTip(self.tr("Make it the window's model: every view then works on your classes"))
        self.save_button.setText(self.tr("Save..."))
        self.load_button.setText(self.tr("Load..."))
        self.export_button.setText(self.tr("Export ONNX..."))
        for i, title in enumerate((self.tr("Curves"), self.tr("Per class"), self.tr("Confusion matrix"),
                                   self.tr("Mistakes"))):
            self.results.setTabText(i, title)
        self.per_class.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Accuracy")])
        self.confusion.setToolTip(self.tr("Rows: true class; columns: predicted. Click a cell for its images."))
        if self.result is None and not self.status.text():
            self.summary.setText(self.tr("Open a dataset (or the digits sample), then Train."))

    # -- training ---------------------------------------------------------------------------------------------

    def start(self, run: str) -> None:
        """Train on a worker: ``transfer`` (the settings' kind) or ``scratch`` (the small CNN)."""
        problems = self.bins.dataset.problems()
        if problems:
            self._say("\n".join(problems))
            return
        config = self.settings.config(scratch=run == "scratch")
        dataset = copy.deepcopy(self.bins.dataset)
        base_id, device = self.settings.base_id(), self.session.choices.device
        self._stop = stop = threading.Event()
        bridge = self.bridge
        self.curves.clear(run)
        self._epochs_total = config.epochs + (config.fine_tune_epochs if config.kind == "fine_tune" else 0)
        self.progress.setRange(0, 0)

        def work(_job) -> TrainResult:
            from ...core.teach import train
            from ..engine import import_engine

            base = None
            if config.kind != "scratch":
                base = import_engine().models().get(base_id, weights=self.session.weights_files.get(base_id),
                                                    device=device)
            store = _open_store() if config.kind != "scratch" else None
            return train(dataset, config, base, store=store, progress=lambda e: bridge.event.emit(run, e),
                         cancel=stop)

        self.runner.submit(("teach", run), work, tag=run)
        self._set_running(run)
        self.status.setText(self.tr("Starting..."))

    def shutdown(self) -> None:
        """The window closes: training stops at its next check and queued work is dropped."""
        self._stop.set()
        self.runner.cancel_all()

    def stop(self) -> None:
        """Stop after the current epoch; the best epoch so far is kept."""
        self._stop.set()
        self.status.setText(self.tr("Stopping after this epoch..."))

    def _on_event(self, run: str, event: object) -> None:
        if isinstance(event, Step):
            stage = {"features": self.tr("Feature vectors"), "augmenting": self.tr("Augmented copies"),
                     "reading": self.tr("Reading images")}.get(event.stage, event.stage)
            self.progress.setRange(0, max(1, event.total))
            self.progress.setValue(event.done)
            self.status.setText(self.tr("{0}: {1}/{2}").format(stage, event.done, event.total))
        elif isinstance(event, Epoch):
            self.curves.add(run, event)
            done = self.curves.points(run)
            self.progress.setRange(0, self._epochs_total)
            self.progress.setValue(done)
            left = max(0, self._epochs_total - done) * event.seconds if event.seconds else 0.0
            self.status.setText(self.tr("Epoch {0}/{1} · at most {2:.0f} s left · validation accuracy {3}").format(
                done, self._epochs_total, left, _percent(event.val_accuracy)))

    def _on_done(self, job, result) -> None:
        if isinstance(job.tag, tuple):  # a small task: its callback
            job.tag[1](result)
            return
        run = job.tag
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if result.best_epoch:
            self.curves.mark_best(run, result.best_epoch)
        if run == "scratch":
            self.scratch = result
        else:
            self.result = result
            self.saved = None
            self._show_results(result)
        self._set_running(None)
        ending = (self.tr("stopped by you") if result.stopped else
                  self.tr("stopped early") if result.stopped_early else self.tr("all epochs"))
        self.status.setText(self.tr("{0}: {1} epochs ({2}), kept epoch {3}, validation accuracy {4}, {5:.1f} s")
                            .format(self._run_name(run), result.epochs_run, ending, result.best_epoch,
                                    _percent(result.val_accuracy), result.seconds))
        if result.skipped:
            self._say(self.tr("{0} unreadable files skipped: {1}").format(
                len(result.skipped), "; ".join(reason for _, reason in result.skipped[:3])))

    def _on_failed(self, job, error: Exception) -> None:
        if isinstance(job.tag, tuple):
            self._say(error_text(error))
            return
        self._set_running(None)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Stopped before the first epoch: nothing was trained."))
            return
        self._say(error_text(error))

    def _run_name(self, run: str) -> str:
        return self.tr("From scratch") if run == "scratch" else self.tr("Transfer learning")

    def _set_running(self, run: str | None) -> None:
        idle = run is None
        self.train_button.setEnabled(idle)
        self.scratch_button.setEnabled(idle)
        self.stop_button.setEnabled(not idle)
        has = idle and self.result is not None
        for button in (self.use_button, self.save_button, self.export_button):
            button.setEnabled(has)
        self.load_button.setEnabled(idle)

    # -- results ----------------------------------------------------------------------------------------------

    def _show_results(self, result: TrainResult) -> None:
        self.summary.setText(self.tr("<b>Validation accuracy {0}</b> on {1} images ({2} training) · {3} · kept epoch "
                                     "{4} of {5}").format(_percent(result.val_accuracy), result.val_images,
                                                          result.train_images, result.config.describe(),
                                                          result.best_epoch, result.epochs_run))
        self.per_class.setRowCount(len(result.classes))
        for row, name in enumerate(result.classes):
            self.per_class.setItem(row, 0, QTableWidgetItem(name))
            cell = QTableWidgetItem(_percent(result.per_class.get(name)))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.per_class.setItem(row, 1, cell)
        n = len(result.classes)
        self.confusion.setRowCount(n)
        self.confusion.setColumnCount(n)
        self.confusion.setHorizontalHeaderLabels(result.classes)
        self.confusion.setVerticalHeaderLabels(result.classes)
        for r in range(n):
            for c in range(n):
                cell = QTableWidgetItem(str(int(result.confusion[r, c])))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if result.confusion[r, c] and r != c:
                    cell.setBackground(Qt.GlobalColor.yellow)
                self.confusion.setItem(r, c, cell)
        self.confusion.resizeColumnsToContents()
        self.members.clear()
        self.mistakes.clear()
        for mistake in result.mistakes:
            text = self.tr("{0} → {1} {2}").format(result.classes[mistake.true], result.classes[mistake.predicted],
                                                   _percent(mistake.probabilities[mistake.predicted]))
            item = QListWidgetItem(_file_icon(mistake.path), text)
            item.setToolTip(str(mistake.path))
            self.mistakes.addItem(item)

    def _on_cell(self, row: int, column: int) -> None:
        """The images of one confusion-matrix cell."""
        self.members.clear()
        if self.result is None:
            return
        for path in self.result.members.get((row, column), []):
            item = QListWidgetItem(_file_icon(path), path.name)
            item.setToolTip(str(path))
            self.members.addItem(item)

    # -- the model: use, save, load, export ----------------------------------------------------------------------

    def model_name(self) -> str:
        typed = self.settings.name.text().strip()
        if typed:
            return typed
        root = self.bins.dataset.root
        return root.name if root is not None else self.tr("my classes")

    def use_model(self) -> None:
        """Save the model under vislab's data folder and make it the window's model."""
        result, name = self.result, self.model_name()
        if result is None:
            return

        def work(_job) -> tuple[str, str]:
            from ...core.teach.model_file import load_trained, save_trained, trained_dir

            slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "model"
            path = self.saved or save_trained(result, trained_dir() / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}"
                                              ".safetensors", name=name)
            model = load_trained(path, device="cpu")  # registers its spec for the picker and the session
            return model.spec.id, str(path)

        self._task(("use", None), work, self._on_used)

    def _on_used(self, answer: tuple[str, str]) -> None:
        model_id, path = answer
        self.saved = Path(path)
        self.session.set_model(model_id, path)
        self.status.setText(self.tr("In use: the window's model is now yours ({0}).").format(Path(path).name))
        self.modelUsed.emit(model_id, path)

    def _on_save(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the model"), f"{self.model_name()}.safetensors",
                                              self.tr("Trained model (*.safetensors)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> None:
        result, name = self.result, self.model_name()

        def work(_job) -> str:
            from ...core.teach.model_file import save_trained

            return str(save_trained(result, path, name=name))

        self._task(("save", None), work, lambda p: self.status.setText(self.tr("Saved {0}").format(p)))

    def _on_load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a trained model"), "",
                                              self.tr("Trained model (*.safetensors)"))
        if path:
            self.load_from(path)

    def load_from(self, path: str | Path) -> None:
        """Load a model file made by vislab and make it the window's model."""
        def work(_job) -> tuple[str, str]:
            from ...core.teach.model_file import load_trained

            return load_trained(path, device="cpu").spec.id, str(path)

        self._task(("load", None), work, self._on_used)

    def _on_export(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to ONNX"), f"{self.model_name()}.onnx",
                                              self.tr("ONNX model (*.onnx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        result, name = self.result, self.model_name()

        def work(_job) -> str:
            import tempfile

            from ...core.teach.model_file import export_onnx, load_trained, save_trained

            with tempfile.TemporaryDirectory() as folder:
                model = load_trained(save_trained(result, Path(folder) / "model.safetensors", name=name),
                                     device="cpu")
                return str(export_onnx(model, path))

        self._task(("export", None), work, lambda p: self.status.setText(self.tr("Exported {0}").format(p)))

    def _task(self, channel, work, done) -> None:
        self.runner.submit(channel, work, tag=("task", done))

    # -- small actions ------------------------------------------------------------------------------------------

    def _on_dataset_changed(self) -> None:
        root = self.bins.dataset.root
        if root is not None and not self.settings.name.text().strip():
            self.settings.name.setPlaceholderText(root.name)

    def _on_sample(self) -> None:
        def work(_job) -> str:
            from ...core.store import data_dir
            from ...core.teach.samples import write_digits

            folder = data_dir() / "samples" / "digits"
            if not folder.is_dir():
                write_digits(folder, per_class=30)
            return str(folder)

        self._task(("sample", None), work, self.bins.open_folder)

    def _on_preview(self) -> None:
        name = self.bins.current_class()
        files = self.bins.dataset.classes.get(name or "", [])
        if not files:
            self._say(self.tr("Choose a class with images to preview the augmentation."))
            return
        names, first = self.settings.augmentations(), files[0]

        def work(_job) -> list[np.ndarray]:
            from ...core.images import read_image
            from ...core.teach import preview

            return preview(read_image(first, min_side=256), names, count=6)

        self._task(("preview", None), work, self._show_preview)

    def _show_preview(self, images: list[np.ndarray]) -> None:
        self.preview.show()
        self.preview.clear()
        for image in images:
            self.preview.addItem(QListWidgetItem(_icon(image), ""))

    def _say(self, message: str) -> None:
        self.status.setText(message)


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def _open_store():
    from ...core.errors import VislabError
    from ...core.store import Store

    try:
        return Store.open()
    except VislabError:
        return None
