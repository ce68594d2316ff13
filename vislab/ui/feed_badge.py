"""The badge every view shows while the model is fed the preprocessed image instead of the photo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .i18n import Retranslatable

#: Space between an overlaid badge and its parent's corner.
MARGIN = 8


class FeedBadge(Retranslatable, QLabel):
    """A small coloured label, shown only while "Feed to the model" is on (:meth:`set_fed`).

    With ``overlay`` it floats in its parent's top-right corner (the picture's), taking no room from the layout;
    otherwise it sits in a layout and wraps rather than widen the window (unless ``wrap`` is False).
    """

    def __init__(self, parent: QWidget | None = None, *, overlay: bool = False, wrap: bool = True) -> None:
        super().__init__(parent)
        self.overlay = overlay
        self.setObjectName("feedBadge")
        self.setStyleSheet("#feedBadge { background: #e8710a; color: white; border-radius: 4px; padding: 1px 6px;"
                           " font-weight: bold; }")
        if overlay and parent is not None:
            parent.installEventFilter(self)
        elif wrap:
            self.setWordWrap(True)
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        else:  # one line (a tab bar's corner)
            self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.fed = False
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Model fed the preprocessed image"))
        self.setToolTip(self.tr("Predictions, maps and every panel show the model's answer for the image after "
                                "the Preprocessing panel's steps, not the photo as loaded (Preprocessing ▸ Feed "
                                "to the model)"))
        self._place()

    def set_fed(self, fed: bool) -> None:
        self.fed = fed
        self.setVisible(fed)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        """An overlaid badge: in the top-right corner of its parent, above the picture."""
        parent = self.parentWidget()
        if self.overlay and parent is not None:
            self.adjustSize()
            self.move(max(0, parent.width() - self.width() - MARGIN), MARGIN)
            self.raise_()
