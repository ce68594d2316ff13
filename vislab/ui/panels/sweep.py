"""The Experiments panel: a perturbation swept over a range for several models, plotted live."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..i18n import Retranslatable
from ..session import Session
from ..texts import core_text, error_text
from .common import stopped_text
from .compare import ComparePanel


class SweepPanel(Retranslatable, QWidget):
    """A perturbation swept over a range for the models checked in the Compare panel, plotted live.

    A sweep finishes on the photo it started with, even when the person moves on to another (a lesson's
    sweep is not lost to a stray click); its result says which photo it is about. Cancelling, or a failure,
    returns the panel to a clear state: progress reset, Run enabled, a short message.
    """

    def __init__(self, session: Session, compare: ComparePanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ...core.experiments import PERTURBATIONS

        self.session, self.compare = session, compare
        self.perturbation = QComboBox()
        for p in PERTURBATIONS:
            self.perturbation.addItem(core_text(p.name), p.id)
        self.start, self.stop = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self.start, self.stop):
            box.setRange(-1000, 1000)
        self.steps = QSpinBox()
        self.steps.setRange(1, 100)
        self.steps.setValue(13)
        self.run, self.cancel, self.save_csv, self.save_png = (QPushButton() for _ in range(4))
        self.progress = QProgressBar()
        self.labels = [QLabel() for _ in range(5)]
        self.status = QLabel("")  # what runs, what the plot shows, or why it stopped
        self.status.setWordWrap(True)
        self.figure = Figure(figsize=(8, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.result = None
        self.photo = ""  #: the name of the photo the result (or the sweep running) is about
        self._names: dict[str, str] = {}
        self._running_photo = ""
        row = QHBoxLayout()
        for widget in (self.labels[0], self.perturbation, self.labels[1], self.start, self.labels[2],
                       self.stop, self.labels[3], self.steps, self.run, self.cancel, self.progress,
                       self.save_csv, self.save_png):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.labels[4])
        layout.addWidget(self.status)
        layout.addWidget(self.canvas, 1)
        self.perturbation.currentIndexChanged.connect(self._on_perturbation)
        self.run.clicked.connect(self._on_run)
        self.cancel.clicked.connect(self._on_cancel)
        self.save_csv.clicked.connect(self._on_save_csv)
        self.save_png.clicked.connect(self._on_save_png)
        feed = session.feed("sweep")
        feed.ready.connect(self._on_result)
        feed.progress.connect(self._on_progress)
        feed.failed.connect(self._on_failed)
        feed.cancelled.connect(self._on_cancelled)
        self._on_perturbation()
        self._set_running(False)
        self.retranslate()

    def retranslate(self) -> None:
        from ...core.experiments import PERTURBATIONS

        for i, p in enumerate(PERTURBATIONS):
            self.perturbation.setItemText(i, core_text(p.name))
        for button, text in zip((self.run, self.cancel, self.save_csv, self.save_png),
                                (self.tr("Run"), self.tr("Cancel"), self.tr("Save table…"), self.tr("Save plot…")),
                                strict=True):
            button.setText(text)
        for label, text in zip(self.labels, (self.tr("Perturbation"), self.tr("from"), self.tr("to"),
                                             self.tr("steps"), self.tr("Models: those checked in the Compare "
                                                                       "panel.")), strict=True):
            label.setText(text)
        if self.result is not None:
            self._draw()
            self._describe()

    def _plot_labels(self) -> dict[str, str]:
        from ...core.experiments import PERTURBATIONS

        spec = PERTURBATIONS.get(self.result.perturbation)
        return {"probability": self.tr("Probability of the original top-1 class"),
                "agreement": self.tr("Top-1 unchanged"), "no": self.tr("no"), "yes": self.tr("yes"),
                "xlabel": f"{core_text(spec.name)}: {core_text(spec.unit)}",
                "title": self.tr("{0} · {1}").format(self.photo, core_text(spec.name)) if self.photo else ""}

    def _draw(self) -> None:
        self.result.draw(self.figure, self._names, self._plot_labels())
        self.canvas.draw_idle()

    def _describe(self) -> None:
        """Which photo the plot is about, and the class each model follows."""
        followed = "; ".join(self.tr("{0} follows {1} (#{2})").format(self._names.get(m, m), label, index)
                             for m, (index, label) in self.result.reference.items())
        self.status.setText(self.tr("Sweep of {0}: {1}").format(self.photo, followed))

    def _on_perturbation(self, *_args) -> None:
        from ...core.experiments import PERTURBATIONS

        spec = PERTURBATIONS.get(self.perturbation.currentData())
        self.start.setValue(spec.start)
        self.stop.setValue(spec.stop)

    def _set_running(self, running: bool) -> None:
        self.run.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.save_csv.setEnabled(self.result is not None and not running)
        self.save_png.setEnabled(self.result is not None and not running)
        if not running:  # finished, failed or stopped: an empty bar, ready for the next run
            self.progress.setRange(0, 1)
            self.progress.setValue(0)

    def _on_run(self) -> None:
        ids = self.compare.models.checked()
        if not ids:
            return
        if self.session.request() is None:
            self.labels[4].setText(self.tr("Open a photo first."))
            return
        self._set_running(True)
        self._running_photo = self.session.images[self.session.current].name
        self.status.setText(self.tr("Sweeping {0}…").format(self._running_photo))
        self.session.run("sweep", pinned=True, model_ids=tuple(ids), perturbation=self.perturbation.currentData(),
                         start=self.start.value(), stop=self.stop.value(), steps=self.steps.value())

    def _on_cancel(self) -> None:
        self.session.cancel("sweep")
        self._on_cancelled()

    def _on_cancelled(self, reason: str = "") -> None:
        if self.run.isEnabled():
            return  # told already
        self._set_running(False)
        self.status.setText(stopped_text(reason))

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_result(self, result) -> None:
        self.result, self._names = result.result, result.names
        self.photo = self.session.images[result.image].name
        self._set_running(False)
        self._draw()
        self._describe()

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._set_running(False)
        self.status.setText(error_text(error))

    def _on_save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sweep"), "sweep.csv", "CSV (*.csv)")
        if path:
            self.result.write_csv(path)

    def _on_save_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the plot"), "sweep.png", "PNG (*.png)")
        if path:
            self.result.plot(path, self._names, self._plot_labels())
