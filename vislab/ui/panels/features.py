"""The Feature maps panel: a layer's strongest feature maps, and the first layer's filters."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..glossary import HelpButton
from ..i18n import Retranslatable
from ..image_row import Picture
from ..session import Session
from ..texts import error_text
from .common import ShowsAnalyses


class FeaturesPanel(ShowsAnalyses, Retranslatable, QWidget):
    """A layer's strongest feature maps, and the first layer's filters."""

    ANALYSES = ("features",)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layer = QComboBox()
        self.maps = Picture("", smooth=False)
        self.filters = Picture("", smooth=False)
        self.caption = QLabel()
        self.filters_caption = QLabel()
        self.layer_label = QLabel()
        self._result = None
        top = QHBoxLayout()
        top.addWidget(self.layer_label)
        top.addWidget(self.layer, 1)
        top.addWidget(HelpButton("feature_map", self))
        top.addWidget(HelpButton("convolution", self))
        top.addStretch(2)
        left = QVBoxLayout()
        left.addWidget(self.caption)
        left.addWidget(self.maps, 1)
        right = QVBoxLayout()
        right.addWidget(self.filters_caption)
        right.addWidget(self.filters, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(16)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.layer.activated.connect(lambda _row: session.set_feature_layer(self.layer.currentText()))
        session.feed("features").ready.connect(self._on_result)
        session.feed("features").failed.connect(self._on_failed)
        session.modelChanged.connect(self._on_model)
        session.currentChanged.connect(self._clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.layer.setToolTip(self.tr("Early layers respond to edges and colours, later ones to shapes and parts."))
        self.layer_label.setText(self.tr("Layer"))
        self.maps.placeholder = self.tr("Feature maps appear here.")
        self.maps.update()
        if self._result is not None:
            self._show_captions(self._result)

    def _on_model(self, _model_id: str) -> None:
        self.layer.clear()
        self._clear()

    def _clear(self, *_args) -> None:
        self._result = None
        self.maps.set_image(None)
        self.filters.set_image(None)
        self.caption.setText("")
        self.filters_caption.setText("")

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._clear()
        self.caption.setText(error_text(error))

    def _on_result(self, result) -> None:
        if self.layer.count() != len(result.layers):
            self.layer.clear()
            self.layer.addItems(result.layers)
        self.layer.setCurrentText(result.layer)
        self.maps.set_image(result.grid)
        self.filters.set_image(result.filters)
        self._result = result
        self._show_captions(result)

    def _show_captions(self, result) -> None:
        self.caption.setText(self.tr("The 16 strongest of the {0} channels of <b>{1}</b>").format(
            result.channels, result.layer))
        self.filters_caption.setText(self.tr("Learned filters of the first layer, <b>{0}</b>").format(
            result.filters_name))
