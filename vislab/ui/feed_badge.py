"""The badge every view shows while the model is fed the preprocessed image instead of the photo."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .i18n import Retranslatable


class FeedBadge(Retranslatable, QLabel):
    """A small coloured label, shown only while "Feed to the model" is on (:meth:`set_fed`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedBadge")
        self.setStyleSheet("#feedBadge { background: #e8710a; color: white; border-radius: 4px; padding: 1px 6px;"
                           " font-weight: bold; }")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.fed = False
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Model fed the preprocessed image"))
        self.setToolTip(self.tr("Predictions, maps and every panel show the model's answer for the image after "
                                "the Preprocessing panel's steps, not the photo as loaded (Preprocessing ▸ Feed "
                                "to the model)"))

    def set_fed(self, fed: bool) -> None:
        self.fed = fed
        self.setVisible(fed)
