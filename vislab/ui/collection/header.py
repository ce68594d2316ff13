"""The line across the top of the Collection view: which folder, how many images, which model, and the
classification's progress (n/N, photos/s, time left) with Classify/Resume and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ..i18n import Retranslatable
from .jobs import describe_seconds

#: What the classification is doing.
STATES = ("idle", "running", "cancelled", "done", "failed")


class RunHeader(Retranslatable, QWidget):
    """Signals: classifyClicked(), cancelClicked(), backClicked() (show the picture again)."""

    classifyClicked = Signal()
    cancelClicked = Signal()
    backClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "idle"
        self._title: tuple[str, int, str] = ("", 0, "")
        self._progress: tuple[int, int, float | None, float | None] = (0, 0, None, None)
        self.reason = ""
        self.title = QLabel()
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(14)
        self.counts = QLabel()
        self.classify = QPushButton()
        self.cancel = QPushButton()
        self.back = QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)
        for widget in (self.bar, self.counts, self.classify, self.cancel, self.back):
            row.addWidget(widget)
        self.classify.clicked.connect(self.classifyClicked)
        self.cancel.clicked.connect(self.cancelClicked)
        self.back.clicked.connect(self.backClicked)
        self.retranslate()

    def set_title(self, root: Path, images: int, model_id: str) -> None:
        self._title = (str(root), images, model_id)
        self._show()

    def set_progress(self, done: int, total: int, rate: float | None, left: float | None) -> None:
        self._progress = (done, total, rate, left)
        self._show()

    def set_state(self, state: str, reason: str = "") -> None:
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}: one of {', '.join(STATES)}")
        self.state, self.reason = state, reason
        self._show()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop after the batch in progress; what is done is kept"))
        self.back.setText(self.tr("Picture"))
        self.back.setToolTip(self.tr("Show the current image large (Ctrl+Shift+L shows the collection again)"))
        self._show()

    def _show(self) -> None:
        root, images, model_id = self._title
        self.title.setText(self.tr("<b>Collection:</b> {0} · {1} images · {2}").format(
            root, f"{images:,}", model_id))
        self.title.setToolTip(root)
        done, total, rate, left = self._progress
        running = self.state == "running"
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.bar.setVisible(total > 0 and (running or done < total))
        self.cancel.setVisible(running)
        self.classify.setVisible(not running and (done < total or self.state in ("idle", "failed")))
        self.classify.setText(self.tr("Resume") if self.state in ("cancelled", "failed") and done else
                              self.tr("Classify"))
        self.classify.setToolTip(self.tr("Classify every image and compute its feature vector with the chosen "
                                         "model; results already stored are shown at once"))
        counts = f"{done:,}/{total:,}"
        if running and rate is None:  # the model loading, the files being identified: nothing to time yet
            counts = self.tr("{0} · starting…").format(counts)
        elif running:
            speed = "–" if rate is None else f"{rate:.1f}"
            counts = self.tr("{0} · {1}/s · {2} left").format(counts, speed, describe_seconds(left))
        elif self.state == "cancelled":
            counts = self.tr("{0} · cancelled").format(counts)
        elif self.state == "failed":
            counts = self.tr("{0} · stopped: {1}").format(counts, self.reason)
        self.counts.setText(counts)
