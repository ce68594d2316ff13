"""Presentation mode, for a classroom: full screen, large fonts, high contrast, only what matters shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

#: Presentation mode scales every font by this much.
PRESENTATION_SCALE = 1.6
#: In presentation mode the picture takes this share of the width, the predictions the rest.
PICTURE_SHARE = 0.62


@dataclass
class _Saved:
    """What presentation mode changed, to put back when it ends."""

    font: QFont
    palette: QPalette
    maximized: bool
    sizes: list[int]
    hidden: list[QWidget] = field(default_factory=list)


class Presentation(QObject):
    """Turns presentation mode on and off for ``window``.

    Args:
        window: the window to show full screen.
        split: the splitter of image strip, picture and predictions; the strip's share goes to the other two.
        advanced: gives the widgets to hide (the image strip, the model card, the status bar, the map settings).

    Signals:
        changed(bool): presentation mode was turned on or off.
    """

    changed = Signal(bool)

    def __init__(self, window: QMainWindow, split: QSplitter, advanced: Callable[[], Sequence[QWidget]]) -> None:
        super().__init__(window)
        self.window = window
        self.split = split
        self.advanced = advanced
        self._saved: _Saved | None = None
        # Esc leaves presentation mode wherever the focus is; outside it, Esc is left to the widgets.
        self.leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, lambda: self.set_active(False))
        self.leave.setEnabled(False)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool) -> None:
        """Presentation mode on: full screen, every font 1.6 times larger, high contrast, the advanced widgets
        hidden, so the picture and the bars fill the screen. Off: everything as it was."""
        if on and self._saved is None:
            self._enter()
        elif not on and self._saved is not None:
            self._leave()
        self.leave.setEnabled(self.active)
        self.changed.emit(self.active)

    def _enter(self) -> None:
        app = QApplication.instance()
        window = self.window
        saved = self._saved = _Saved(QFont(app.font()), QPalette(app.palette()), window.isMaximized(),
                                     self.split.sizes())
        font = QFont(app.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * PRESENTATION_SCALE)
        else:  # a font sized in pixels
            font.setPixelSize(round(font.pixelSize() * PRESENTATION_SCALE))
        app.setFont(font)
        app.setPalette(high_contrast(app.palette()))
        for widget in self.advanced():
            if widget.isVisible() or not window.isVisible():
                widget.hide()
                saved.hidden.append(widget)
        window.showFullScreen()
        QTimer.singleShot(100, self._widen_predictions)  # once the window is full screen

    def _leave(self) -> None:
        app = QApplication.instance()
        saved, self._saved = self._saved, None
        app.setFont(saved.font)
        app.setPalette(saved.palette)
        for widget in saved.hidden:
            widget.show()
        self.window.showMaximized() if saved.maximized else self.window.showNormal()
        self.split.setSizes(saved.sizes)

    def _widen_predictions(self) -> None:
        if self._saved is not None:
            width = sum(self.split.sizes())
            self.split.setSizes([0, round(width * PICTURE_SHARE), width - round(width * PICTURE_SHARE)])


def high_contrast(palette: QPalette) -> QPalette:
    """Black on white with a strong blue accent: readable from the back of a room on any projector."""
    high = QPalette(palette)
    for role, colour in ((QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.Base, "#ffffff"),
                         (QPalette.ColorRole.AlternateBase, "#f0f0f0"), (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.Text, "#000000"), (QPalette.ColorRole.ButtonText, "#000000"),
                         (QPalette.ColorRole.Button, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#0047b3"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#333333"),
                         (QPalette.ColorRole.PlaceholderText, "#333333")):
        high.setColor(role, QColor(colour))
    return high
