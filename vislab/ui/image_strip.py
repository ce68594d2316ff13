"""The strip of loaded images: thumbnails, a badge on files that could not be read."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from .qt_images import to_qimage
from .session import THUMB, Session


class ImageStrip(QListWidget):
    """Mirrors :attr:`Session.images`; choosing an item makes it the current image."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 40, THUMB + 30))
        self.setWordWrap(False)
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMinimumWidth(THUMB + 60)
        self.setAccessibleName(self.tr("Images"))
        session.imagesChanged.connect(self._update_items)
        session.imageUpdated.connect(self._update_item)
        session.currentChanged.connect(self._on_current)
        self.currentRowChanged.connect(self._on_row)

    def _update_items(self) -> None:
        for index in range(self.count(), len(self.session.images)):
            entry = self.session.images[index]
            item = QListWidgetItem(self._placeholder(), entry.name)
            item.setToolTip(entry.source + "\n" + (self.tr("loading…")))
            self.addItem(item)

    def _update_item(self, index: int) -> None:
        entry = self.session.images[index]
        item = self.item(index)
        if item is None:
            return
        if entry.error:
            item.setIcon(QIcon(error_badge(self._placeholder())))
            item.setText(f"⚠ {entry.name}")
            item.setToolTip(entry.source + "\n" + (self.tr("cannot be read: {0}").format(entry.error)))
            item.setForeground(QColor("#b3261e"))
        elif entry.thumbnail is not None:
            item.setIcon(QIcon(_filled(entry.thumbnail)))
            w, h = entry.size or (0, 0)
            item.setToolTip(entry.source + "\n" + (self.tr("{0} x {1} pixels").format(w, h)))

    def _on_current(self, index: int) -> None:
        if self.currentRow() != index:
            self.setCurrentRow(index)

    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.session.set_current(row)

    @staticmethod
    def _placeholder() -> QPixmap:
        pixmap = QPixmap(THUMB, THUMB)
        pixmap.fill(QColor(128, 128, 128, 40))
        return pixmap


def centre_square(image: np.ndarray) -> np.ndarray:
    """The largest centred square of a thumbnail: the tile is filled, never letterboxed (the whole photo is
    in the middle of the window)."""
    h, w = image.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    return image[top:top + side, left:left + side]


def _filled(thumbnail: np.ndarray) -> QPixmap:
    """A thumbnail as a tile-sized square pixmap."""
    pixmap = QPixmap.fromImage(to_qimage(centre_square(thumbnail)))
    return pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)


def error_badge(base: QPixmap) -> QPixmap:
    """``base`` with the red "!" of a file that cannot be read (the strip's tiles and the collection's)."""
    pixmap = QPixmap(base)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#b3261e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(pixmap.width() // 2 - 20, pixmap.height() // 2 - 20, 40, 40)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPixelSize(28)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return pixmap
