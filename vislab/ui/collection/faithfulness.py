"""Which explanation method to trust over a whole collection: each method's deletion and insertion areas
scored on the chosen photos (on the session's workers, with progress and Cancel), their mean and spread as a
sortable table and box plots, and the table as CSV.

The plots' canvas (matplotlib's Qt one) is made when the first scores arrive: the worker that scored them
has imported the engine, matplotlib included, so the UI thread never imports it while a worker does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import Cancelled, VislabError, check_cancel
from ..engine import import_engine
from ..i18n import Retranslatable
from ..session import Session
from ..texts import error_text
from ..workers import Job
from .jobs import CollectionJobs

#: The most photos one summary scores (each is a few batched forward passes per method).
MAX_IMAGES = 50
#: The methods scored unless others are asked for: the cheap ones (one pass), those the model supports.
CHEAP_METHODS = ("gradcam", "eigencam", "rollout", "attention")
#: The item data roles holding a cell's mean and standard deviation (the table sorts by the mean).
MEAN_ROLE, STD_ROLE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class _Cell(QTableWidgetItem):
    """A table cell that sorts by its number, not its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(MEAN_ROLE), other.data(MEAN_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


class FaithfulnessPage(Retranslatable, QWidget):
    """The Collection view's Faithfulness tab.

    Args:
        session: the window's session (its chosen model and device).
        jobs: the collection's jobs (the work runs on the session's runner through them).
        photos: gives the photos to score and whether they are the selection (True) or the rows shown.
    """

    def __init__(self, session: Session, jobs: CollectionJobs, photos: Callable[[], tuple[list[Path], bool]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.jobs, self.photos = session, jobs, photos
        self.state = "empty"  # empty, running, done, cancelled, failed
        self.summaries: list = []
        self.per_image: list[dict] = []
        self.model_id = ""
        self._job: Job | None = None
        self._names: dict[str, str] = {}
        self.figure = self.canvas = None
        self.methods = QLineEdit()
        self.run_button = QPushButton()
        self.cancel_button = QPushButton()
        self.export_button = QPushButton()
        self.progress = QProgressBar()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.table)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.methods, 1)
        for widget in (self.run_button, self.cancel_button, self.progress, self.export_button):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.note)
        layout.addWidget(self.split, 1)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self._export_dialog)
        jobs.session.runner.progress.connect(self._on_progress)
        self.retranslate()
        self._show_state("empty")

    def retranslate(self) -> None:
        self.methods.setPlaceholderText(self.tr("Methods, comma-separated (empty: the cheap ones the model "
                                                "supports: Grad-CAM, Eigen-CAM, attention, rollout)"))
        self.run_button.setText(self.tr("Score faithfulness"))
        self.run_button.setToolTip(self.tr("Each method's deletion and insertion areas over the selected photos "
                                           "(or those shown, when none is selected), at most {0}").format(MAX_IMAGES))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setHorizontalHeaderLabels([self.tr("Method"), self.tr("Images"),
                                              self.tr("Deletion area (mean ± sd, lower is better)"),
                                              self.tr("Insertion area (mean ± sd, higher is better)")])
        if self.state == "empty":
            self.note.setText(self.tr("Select photos (or none: those shown) and score how faithful each "
                                      "method's maps are."))

    # --- running --------------------------------------------------------------------------------------------

    def _on_run_clicked(self) -> None:
        self.run()

    def run(self, methods: Sequence[str] | None = None) -> None:
        """Score ``methods`` (None: those typed, else the cheap ones the model supports) on the chosen photos."""
        if methods is None:
            typed = [m.strip() for m in self.methods.text().split(",") if m.strip()]
            methods = typed or None
        paths, selected = self.photos()
        if not paths:
            self.note.setText(self.tr("No photos to score: the collection shows none."))
            return
        capped = len(paths) > MAX_IMAGES
        paths = list(paths[:MAX_IMAGES])
        choices = self.session.choices
        model_id, weights, device = choices.model_id, choices.weights, choices.device
        chosen = None if methods is None else list(methods)

        def work(job: Job) -> dict:
            engine = import_engine()
            from ...core.explain import get_method, methods_for
            from ...core.faithfulness import score_methods
            from ...core.images import read_image

            model = engine.models().get(model_id, weights=weights, device=device, cancel=job.cancel)
            supported = [m.id for m in methods_for(model.module)]
            ids = chosen if chosen is not None else [m for m in supported if m in CHEAP_METHODS]
            names = {}
            for method in ids:
                try:
                    names[method] = get_method(method).name
                except VislabError:
                    names[method] = method
            per_image, unread = [], []
            for i, path in enumerate(paths):
                check_cancel(job.cancel, Cancelled, "faithfulness summary cancelled")
                try:
                    image = read_image(path)
                except VislabError as error:
                    unread.append(f"{path.name}: {error}")
                    continue
                per_image.append(score_methods(
                    model, image, ids, cancel=job.cancel,
                    progress=lambda done, _total, i=i: job.report(i * len(ids) + done, len(paths) * len(ids))))
            return {"per_image": per_image, "unread": unread, "names": names, "model_id": model_id}

        self.model_id = model_id
        self._capped, self._selected = capped, selected
        self._show_state("running")
        self.progress.setRange(0, 0)
        self.note.setText(self.tr("Scoring {0} photos with {1}…").format(len(paths), model_id))
        self._job = self.jobs.submit("faithfulness", work, self._on_done, self._on_failed)

    def cancel(self) -> None:
        """Stop the scoring; the page goes back to where it was before (no half a summary)."""
        if self.state != "running":
            return
        self.jobs.cancel("faithfulness")
        self._job = None
        self._clear()
        self._show_state("cancelled")
        self.note.setText(self.tr("Cancelled: nothing was scored. Score again when you are ready."))

    def _on_progress(self, job: Job, done: int, total: int) -> None:
        if self._job is not None and job.id == self._job.id:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_done(self, result: dict) -> None:
        from ...core.faithfulness import summarize

        self._job = None
        self.per_image, self._names = result["per_image"], result["names"]
        self.summaries = summarize(self.per_image)
        self._fill_table()
        self._draw()
        self._show_state("done")
        parts = [self.tr("{0} photos scored with {1} ({2}).").format(
            len(self.per_image), result["model_id"],
            self.tr("the selection") if self._selected else self.tr("the photos shown"))]
        if self._capped:
            parts.append(self.tr("Only the first {0} were scored.").format(MAX_IMAGES))
        failed = [m for m in result["names"] if m not in {s.method for s in self.summaries}]
        if failed:
            errors = [r[m] for r in self.per_image for m in failed if not hasattr(r.get(m), "deletion_auc")]
            reason = error_text(errors[0]) if errors else ""
            parts.append(self.tr("Not scored: {0} ({1}).").format(", ".join(failed), reason))
        if result["unread"]:
            parts.append(self.tr("Could not be read: {0}.").format("; ".join(result["unread"][:3])))
        self.note.setText(" ".join(parts))

    def _on_failed(self, error: Exception) -> None:
        self._job = None
        if isinstance(error, Cancelled):
            self._clear()
            self._show_state("cancelled")
            return
        self._clear()
        self._show_state("failed")
        self.note.setText(error_text(error))

    def _show_state(self, state: str) -> None:
        self.state = state
        running = state == "running"
        self.run_button.setEnabled(not running)
        self.methods.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        self.export_button.setEnabled(state == "done" and bool(self.summaries))

    def _clear(self) -> None:
        self.summaries, self.per_image = [], []
        self.table.setRowCount(0)
        if self.figure is not None:
            self.figure.clear()
            self.canvas.draw_idle()

    # --- showing --------------------------------------------------------------------------------------------

    def _fill_table(self) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.summaries))
        for row, summary in enumerate(self.summaries):
            name = QTableWidgetItem(self._names.get(summary.method, summary.method))
            name.setData(Qt.ItemDataRole.UserRole + 2, summary.method)
            images = _Cell(str(summary.images))
            images.setData(MEAN_ROLE, summary.images)
            cells = [name, images]
            for mean, std in ((summary.deletion_mean, summary.deletion_std),
                              (summary.insertion_mean, summary.insertion_std)):
                cell = _Cell(f"{mean:.3f} ± {std:.3f}")
                cell.setData(MEAN_ROLE, mean)
                cell.setData(STD_ROLE, std)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cells.append(cell)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)

    def _draw(self) -> None:
        from ...core.faithfulness_plot import draw_spread

        if self.figure is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=(6, 3), layout="constrained")
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setMinimumSize(320, 200)
            self.split.addWidget(self.canvas)
            self.split.setStretchFactor(1, 2)
        draw_spread(self.figure, self.per_image, self._names,
                    {"deletion": self.tr("Deletion area (lower is better)"),
                     "insertion": self.tr("Insertion area (higher is better)")})
        self.canvas.draw_idle()

    # --- exporting ------------------------------------------------------------------------------------------

    def export_csv(self, path: str | Path) -> Path:
        """The summary's rows (one per method) as CSV."""
        from ...core.faithfulness import write_summary_csv

        write_summary_csv(path, self.summaries)
        return Path(path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the faithfulness summary"),
                                              "faithfulness.csv", "CSV (*.csv)")
        if not path:
            return
        try:
            self.export_csv(path)
        except OSError as exc:
            self.note.setText(self.tr("{0}: could not be written ({1})").format(path, exc.strerror or exc))
