"""Small pieces the panels share."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QWidget

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


class PanelTabs(QTabWidget):
    """The bottom panels' tab widget, whose pages scroll when the window is shorter (or narrower) than a panel
    needs: a tab widget asks for its tallest page's height, and on a 1280x720 projector with a collection open
    the window would otherwise grow past the screen, its status bar out of sight. Its API speaks of the panels
    (``addTab(panel)``, ``widget(i)``, ``currentWidget()``, ``indexOf(panel)``, ``setCurrentWidget(panel)``),
    each held in a :class:`QScrollArea` page."""

    def addTab(self, panel: QWidget, label: str) -> int:
        return super().addTab(_page(panel), label)

    def insertTab(self, index: int, panel: QWidget, label: str) -> int:
        return super().insertTab(index, _page(panel), label)

    def removeTab(self, index: int) -> None:
        """Take the tab away; its panel is the caller's again (as Qt leaves a removed page), its page goes."""
        page = super().widget(index)
        super().removeTab(index)
        if isinstance(page, QScrollArea):
            page.takeWidget()
            page.deleteLater()

    def widget(self, index: int) -> QWidget | None:
        return _panel(super().widget(index))

    def currentWidget(self) -> QWidget | None:
        return _panel(super().currentWidget())

    def indexOf(self, panel: QWidget) -> int:
        for index in range(self.count()):
            if self.widget(index) is panel:
                return index
        return -1

    def setCurrentWidget(self, panel: QWidget) -> None:
        index = self.indexOf(panel)
        if index >= 0:
            self.setCurrentIndex(index)


def _page(panel: QWidget) -> QScrollArea:
    page = QScrollArea()
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidgetResizable(True)
    page.setWidget(panel)
    return page


def _panel(page: QWidget | None) -> QWidget | None:
    return page.widget() if isinstance(page, QScrollArea) else page


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
