"""The Feature maps panel: a layer's strongest feature maps, each with its channel number (a click enlarges
one), a colour scale beside them, and the first layer's filters."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..glossary import HelpButton
from ..i18n import Retranslatable
from ..image_row import Picture
from ..legend import ColorLegend
from ..qt_images import to_pixmap
from ..session import Session
from ..texts import error_text
from .common import ShowsAnalyses, stopped_text
from .explain import layer_text

#: Maps per row of the grid.
COLUMNS = 8


class MapTile(QWidget):
    """One feature map, as large as its cell allows, with its channel number in the corner; a click on it
    emits :attr:`clicked`."""

    clicked = Signal(int)

    def __init__(self, position: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position = position
        self.channel: int | None = None
        self.image: np.ndarray | None = None
        self._pixmap = None
        self.setMinimumSize(48, 48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_map(self, image: np.ndarray | None, channel: int | None) -> None:
        self.image, self.channel = image, channel
        self._pixmap = None if image is None else to_pixmap(image)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(110, 110)

    def picture_rect(self) -> QRect:
        """Where the map is drawn: the largest square that fits, centred."""
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pixmap is not None:
            self.clicked.emit(self.position)

    def paintEvent(self, event) -> None:
        if self._pixmap is None:
            return
        painter = QPainter(self)
        rect = self.picture_rect()
        painter.drawPixmap(rect, self._pixmap)  # nearest neighbour: one block per activation
        label = f"#{self.channel}"
        metrics = QFontMetrics(self.font())
        box = QRect(rect.topLeft() + QPoint(2, 2), QSize(metrics.horizontalAdvance(label) + 6, metrics.height()))
        painter.fillRect(box, QColor(0, 0, 0, 160))
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


class MapGrid(QWidget):
    """The tiles on a grid :data:`COLUMNS` wide; :attr:`image` is the same maps as one picture (for saving)."""

    def __init__(self, tiles: list[MapTile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: np.ndarray | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(3)
        for i, tile in enumerate(tiles):
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)


class MapDialog(Retranslatable, QDialog):
    """One feature map enlarged, with its colour scale and what it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = Picture(smooth=False)
        self.picture.setMinimumSize(360, 360)
        self.legend = ColorLegend("viridis")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.picture, 1)
        row.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.caption)
        self.resize(520, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Feature map"))

    def show_map(self, image: np.ndarray, channel: int, layer: str, size: tuple[int, int, int] | None) -> None:
        self.picture.set_image(image)
        where = layer_text(layer, size) if size else layer
        self.caption.setText(self.tr("Channel {0} of {1}, scaled to its own range: bright where the channel "
                                     "responds most in this photo.").format(channel, where))
        self.show()
        self.raise_()


class FeaturesPanel(ShowsAnalyses, Retranslatable, QWidget):
    """A layer's strongest feature maps, and the first layer's filters."""

    ANALYSES = ("features",)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layer = QComboBox()
        self.layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tiles = [MapTile(i) for i in range(16)]
        self.maps = MapGrid(self.tiles)
        self.legend = ColorLegend("viridis")
        self.filters = Picture("", smooth=False)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.filters_caption = QLabel()
        self.filters_caption.setWordWrap(True)
        self.placeholder = QLabel()
        self.layer_label = QLabel()
        self.enlarged = MapDialog(self)
        self._result = None
        self._lay_out()
        self.layer.activated.connect(self._on_layer)
        for tile in self.tiles:
            tile.clicked.connect(self.enlarge)
        session.feed("features").ready.connect(self._on_result)
        session.feed("features").failed.connect(self._on_failed)
        session.feed("features").cancelled.connect(self._on_stopped)
        session.modelChanged.connect(self._on_model)
        session.currentChanged.connect(self._clear)
        self.retranslate()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.layer_label)
        top.addWidget(self.layer)
        top.addWidget(HelpButton("feature_map", self))
        top.addWidget(HelpButton("convolution", self))
        top.addStretch(1)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        maps = QHBoxLayout()
        maps.addWidget(self.maps, 1)
        maps.addWidget(self.placeholder, 1)
        maps.addWidget(self.legend)
        left = QVBoxLayout()
        left.addWidget(self.caption)
        left.addLayout(maps, 1)
        right = QVBoxLayout()
        right.addWidget(self.filters_caption)
        right.addWidget(self.filters, 1)
        body = QHBoxLayout()
        body.addLayout(left, 4)
        body.addSpacing(12)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._show_maps(False)

    def retranslate(self) -> None:
        self.layer.setToolTip(self.tr("Early layers respond to edges and colours, later ones to shapes and parts. "
                                      "Each layer shows its output size: height x width x channels."))
        self.layer_label.setText(self.tr("Layer"))
        self.placeholder.setText(self.tr("Feature maps appear here."))
        self.legend.set_ends(self.tr("low"), self.tr("high"), self.tr("Each map is scaled to its own range: from "
                                                                     "its weakest activation to its strongest"))
        for tile in self.tiles:
            tile.setToolTip(self.tr("Click to enlarge"))
        if self._result is not None:
            self._show_captions(self._result)

    def _show_maps(self, shown: bool) -> None:
        self.maps.setVisible(shown)
        self.legend.setVisible(shown)
        self.placeholder.setVisible(not shown)

    def _on_layer(self, row: int) -> None:
        self.session.set_feature_layer(self.layer.itemData(row))

    def _on_model(self, _model_id: str) -> None:
        self.layer.clear()
        self._clear()

    def _clear(self, *_args) -> None:
        self._result = None
        self.maps.image = None
        for tile in self.tiles:
            tile.set_map(None, None)
        self._show_maps(False)
        self.filters.set_image(None)
        self.caption.setText("")
        self.filters_caption.setText("")

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._clear()
        self.caption.setText(error_text(error))

    def _on_stopped(self, reason: str) -> None:
        """Stopped (the Cancel button) before the maps came: an empty panel that says so."""
        self._clear()
        self.caption.setText(stopped_text(reason))

    def _on_result(self, result) -> None:
        names = [self.layer.itemData(i) for i in range(self.layer.count())]
        if names != list(result.layers):
            self.layer.clear()
            for name in result.layers:
                size = result.layer_sizes.get(name)
                self.layer.addItem(layer_text(name, size) if size else name, name)
        self.layer.setCurrentIndex(max(0, self.layer.findData(result.layer)))
        for i, tile in enumerate(self.tiles):
            has = i < len(result.cells)
            tile.set_map(result.cells[i] if has else None, result.cell_channels[i] if has else None)
        self.maps.image = result.grid
        self._show_maps(True)
        self.filters.set_image(result.filters)
        self._result = result
        self._show_captions(result)

    def enlarge(self, position: int) -> None:
        """Show the map at ``position`` (0 the strongest) large, in a window of its own."""
        result = self._result
        if result is None or position >= len(result.cells):
            return
        self.enlarged.show_map(result.cells[position], result.cell_channels[position], result.layer,
                               result.layer_sizes.get(result.layer))

    def _show_captions(self, result) -> None:
        self.caption.setText(self.tr("The {0} strongest of the {1} channels of <b>{2}</b>, strongest first; the "
                                     "number is the channel's. Click a map to enlarge it.").format(
            len(result.cells), result.channels, result.layer))
        self.filters_caption.setText(self.tr("Learned filters of the first layer, <b>{0}</b>").format(
            result.filters_name))
