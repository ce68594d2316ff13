"""Small pieces the panels share."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from ..feeds import BY_PERSON, NEW_CHOICES, NEW_MODEL, NEW_PHOTO

#: What a panel says when its work stopped before answering, by the feed's reason (context ``Stopped``).
STOPPED = {
    BY_PERSON: QT_TRANSLATE_NOOP("Stopped", "Cancelled."),
    NEW_PHOTO: QT_TRANSLATE_NOOP("Stopped", "Stopped: another photo was chosen. Run it again for this one."),
    NEW_MODEL: QT_TRANSLATE_NOOP("Stopped", "Stopped: another model was chosen. Run it again for this one."),
    NEW_CHOICES: QT_TRANSLATE_NOOP("Stopped", "Stopped: the device or the pipeline fed to the model changed. "
                                              "Run it again."),
}


def hint(text: str) -> QLabel:
    """A wrapping, selectable label for a paragraph of explanation."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def stopped_text(reason: str) -> str:
    """A short sentence for work that stopped before answering (``reason`` from a feed's ``cancelled``)."""
    return QCoreApplication.translate("Stopped", STOPPED.get(reason, STOPPED[BY_PERSON]))


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
