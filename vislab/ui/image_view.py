"""The central image, with zoom and pan."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from .qt_images import to_pixmap


class ImageView(QGraphicsView):
    """Shows one picture; the wheel zooms around the cursor, dragging pans, a double click fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.image: np.ndarray | None = None
        self._fit = True

    def set_image(self, image: np.ndarray | None, keep_zoom: bool = False) -> None:
        if image is self.image and image is not None:
            return  # the same picture: nothing to send to the screen again
        self.image = image
        if image is None:
            self._item.setPixmap(to_pixmap(np.zeros((1, 1, 3), np.uint8)))
            self._item.setVisible(False)
            return
        self._item.setVisible(True)
        old = self._item.pixmap().size()
        self._item.setPixmap(to_pixmap(image))
        self.scene().setSceneRect(self._item.boundingRect())
        same_size = old.width() == image.shape[1] and old.height() == image.shape[0]
        if self._fit or not (keep_zoom and same_size):
            self.fit()

    def fit(self) -> None:
        self._fit = True
        if self._item.isVisible():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self._fit = False
        scale = self.transform().m11() * factor
        if 0.02 < scale < 64:
            self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.0015 ** event.angleDelta().y())

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit()
