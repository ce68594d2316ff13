"""One analysis' answers, as Qt signals the views subscribe to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.analyses import Analysis

#: Why work stopped before its answer came: the argument of :attr:`AnalysisFeed.cancelled`.
BY_PERSON, NEW_PHOTO, NEW_MODEL, NEW_CHOICES = "person", "photo", "model", "choices"
REASONS = (BY_PERSON, NEW_PHOTO, NEW_MODEL, NEW_CHOICES)


class AnalysisFeed(QObject):
    """One analysis' answers for the views that show it.

    Signals:
        ready(result): an answer for what is chosen now (the analysis' result dataclass).
        failed(error, slot): it raised ``error`` (the exception object; a view decides by its type), in
            ``slot`` (a comparison's column; None for the automatic analyses).
        progress(done, total): long work under way.
        cancelled(reason): it stopped before answering, and no answer will come: the person stopped it
            (:data:`BY_PERSON`), or what it was computed for changed (:data:`NEW_PHOTO`, :data:`NEW_MODEL`,
            :data:`NEW_CHOICES`). Views return to a clear state: progress reset, Run enabled, a short message.
    """

    ready = Signal(object)
    failed = Signal(object, object)
    progress = Signal(int, int)
    cancelled = Signal(str)

    def __init__(self, analysis: Analysis, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
