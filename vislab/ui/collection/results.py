"""File ▸ Open results…: a cluster run's result files (Parquet, ``vislab classify FOLDER --ray --out DIR``) read
into the collection store on a worker, with progress and Cancel in the status bar, then the Collection view on
the imported photos, answered from the store: the model is neither loaded nor run for them.

The window's model is left as it is (loading the results' model could mean a download, and the results may come
from weights that are not on this computer): the Collection view's header names the results' model, and one
message says when it is not the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ...core.store import source_file
from ..i18n import Retranslatable
from ..session import Session
from ..workers import Job

#: The runner's channel (and tag) of an import: one at a time.
CHANNEL = ("results",)


@dataclass(frozen=True)
class StoredResults:
    """What the Collection view needs to show imported results from the store.

    Attributes:
        key: the store key of the answers shown.
        model_id: its catalog id.
        weights: the weights file they were made with, or None for the model's own weights.
        class_names: the names the rows' top-k carried (for a model whose library is not here).
        failed: the error rows: a file the run could not read -> why.
    """

    key: str
    model_id: str
    weights: str | None = None
    class_names: dict[int, str] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)


class ImportProgress(Retranslatable, QWidget):
    """The status bar's line while results are read: rows read of all, a bar, Cancel."""

    cancelClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = (0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(120)
        self.bar.setMaximumHeight(14)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancelClicked)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # a status bar stretches buttons
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel):
            row.addWidget(widget)
        self.hide()
        self.retranslate()

    def set_rows(self, done: int, total: int) -> None:
        self.rows = (done, total)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self._show()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop reading the results; what was read stays in the store"))
        self._show()

    def _show(self) -> None:
        done, total = self.rows
        self.label.setText(self.tr("Reading results… {0}/{1} rows").format(f"{done:,}", f"{total:,}"))


class ResultsImport(QObject):
    """Reads result folders into the store, one at a time, on the session's workers, and opens what they hold.

    Args:
        session: the window's session (its runner does the work).
        open_collection: shows a collection from stored results (:meth:`CollectionMode.open`).
        say: the window's message sink.

    Signals:
        finished(str): an import ended: ``done``, ``cancelled`` or ``failed`` (its message went to the window).
    """

    finished = Signal(str)

    def __init__(self, session: Session, open_collection: Callable[..., object], say: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.open_collection, self.say = session, open_collection, say
        self.progress = ImportProgress()
        self.progress.cancelClicked.connect(self.cancel)
        self.running = False
        runner = session.runner
        runner.done.connect(self._on_done)
        runner.failed.connect(self._on_failed)
        runner.progress.connect(self._on_progress)

    def start(self, folder: str | Path) -> Job:
        """Read ``folder`` (or one .parquet file) into the store; a running import is stopped first."""
        folder = Path(folder)

        def work(job: Job):
            from ...core import result_files
            from ...core.errors import Cancelled
            from ...core.store import Store

            total = result_files.total_rows(folder)
            job.report(0, total)

            def cancel() -> None:
                if job.cancel.is_set():
                    raise Cancelled("reading the results was stopped")

            with Store.open() as store:
                summary = result_files.import_results(folder, store, progress=lambda rows: job.report(rows, total),
                                                      cancel=cancel)
                notice = store.notice
            key = summary.main_key
            paths = summary.paths
            collection, missing = result_files.local_collection(paths)
            return folder, summary, key, collection, missing, notice

        self.running = True
        self.progress.set_rows(0, 0)
        self.progress.show()
        return self.session.runner.submit(CHANNEL, work, tag=CHANNEL)

    def cancel(self) -> None:
        """Stop reading between two batches; what was read stays in the store."""
        if self.running:
            self.session.runner.cancel(CHANNEL)
            self._end("cancelled")
            self.say(self.tr("Reading the results was stopped; what was read is in the store."))

    def _end(self, status: str) -> None:
        self.running = False
        self.progress.hide()
        self.finished.emit(status)

    def _on_progress(self, job: Job, done: int, total: int) -> None:
        if job.tag == CHANNEL:
            self.progress.set_rows(done, total)

    def _on_failed(self, job: Job, _error: Exception) -> None:
        if job.tag == CHANNEL:  # the session says why, in the window's message line
            self._end("failed")

    def _on_done(self, job: Job, outcome: tuple) -> None:
        if job.tag != CHANNEL:
            return
        folder, summary, key, collection, missing, notice = outcome
        self._end("done")
        notes = [notice] if notice else []
        errors = len(summary.errors)
        notes.append(self.tr("Results of {0} read into the store: {1} answers, {2} error rows.").format(
            folder, f"{summary.stored:,}", f"{errors:,}"))
        if key is None:
            notes[-1:] = [self.tr("{0}: no answers to show: its {1} rows are all errors (files the run could not "
                                  "read).").format(folder, f"{summary.rows:,}")]
            self.say(" ".join(notes))
            return
        model_id, source = summary.models[key], summary.sources.get(key, "")
        if missing:
            total = len(missing) + len(collection.files)
            notes.append(self.tr("{0} of the {1} photos in these results are not on this computer (e.g. {2}): "
                                 "their answers are in the store, the view shows the photos that are here.").format(
                f"{len(missing):,}", f"{total:,}", missing[0]))
        if not collection.files:
            notes[-1:] = [self.tr("None of the {0} photos in these results is on this computer (e.g. {1}): their "
                                  "answers are in the store, and serve when the photos are here.").format(
                f"{len(missing):,}", missing[0])]
            self.say(" ".join(notes))
            return
        if len(summary.models) > 1:
            notes.append(self.tr("These results hold answers of {0} models: the view shows {1}'s.").format(
                len(summary.models), model_id))
        weights = None if source in ("", "bundled", "pretrained", "random") else source_file(source)
        choices = self.session.choices
        if (model_id, weights) != (choices.model_id, choices.weights):
            notes.append(self.tr("These are the answers of {0}; the window's model is still {1}, which gives the "
                                 "predictions of a photo you choose.").format(_describe(model_id, weights),
                                                                         _describe(choices.model_id, choices.weights)))
        files = set(collection.files)
        stored = StoredResults(key, model_id, weights, summary.class_names.get(key, {}),
                               {path: error for path, error in summary.failed.items() if path in files})
        self.open_collection(collection, stored)
        if notes:
            self.say(" ".join(notes))


def _describe(model_id: str, weights: str | None) -> str:
    """``resnet18``, or ``resnet18 (weights.pth)`` for a weights file."""
    return model_id if weights is None else f"{model_id} ({Path(weights).name})"
