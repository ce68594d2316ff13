"""One analysis' answers, as Qt signals the views subscribe to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.analyses import Analysis


class AnalysisFeed(QObject):
    """One analysis' answers for the views that show it.

    Signals:
        ready(result): an answer for what is chosen now (the analysis' result dataclass).
        failed(error, slot): it raised ``error`` (the exception object; a view decides by its type), in
            ``slot`` (a comparison's column; None for the automatic analyses).
        progress(done, total): long work under way.
        cancelled(): the person stopped it; views return to a clear state.
    """

    ready = Signal(object)
    failed = Signal(object, object)
    progress = Signal(int, int)
    cancelled = Signal()

    def __init__(self, analysis: Analysis, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
