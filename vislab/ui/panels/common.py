"""Small pieces the panels share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def hint(text: str) -> QLabel:
    """A wrapping, selectable label for a paragraph of explanation."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ShowsAnalyses:
    """A panel that asks the session for :attr:`ANALYSES` while it is on screen, and for nothing when
    hidden (another tab, the window minimised): what no one sees is not computed."""

    ANALYSES: tuple[str, ...] = ()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.session.want(type(self).__name__, self.ANALYSES)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.session.want(type(self).__name__, ())
