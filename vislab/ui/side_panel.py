"""The right-hand column: the predictions, always in view, and the model card under them."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from .i18n import Retranslatable
from .model_card import ModelCard
from .predictions_view import PredictionsView


class SidePanel(Retranslatable, QWidget):
    """A title, the :class:`PredictionsView` and, below a line, the :class:`ModelCard` in a scroll area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.predictions = PredictionsView()
        self.card = ModelCard()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        layout.addWidget(self.title)
        layout.addWidget(self.predictions)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.card_scroll, 1)
        layout.addStretch(0)  # keeps the bars at the top when the card is hidden (presentation mode)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText("<b>{}</b>".format(self.tr("Predictions")))
