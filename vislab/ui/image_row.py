"""A horizontal row of labelled pictures (preview strips, the model's input stages)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from .qt_images import to_pixmap


class ImageRow(QScrollArea):
    """Pictures side by side at one height, each with a caption; scrolls sideways when long."""

    def __init__(self, height: int = 220, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture_height = height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._inner = QWidget()
        self._layout = QHBoxLayout(self._inner)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(10)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.setMinimumHeight(80)
        self.cells: list[QLabel] = []

    def set_images(self, images: list[tuple[str, np.ndarray]]) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # out of the widget tree now, deleted later
                widget.deleteLater()
        self.cells = []
        for index, (caption, image) in enumerate(images):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(3)
            picture = QLabel()
            picture.setProperty("source", to_pixmap(image))
            picture.setToolTip(f"{caption}: {image.shape[1]} x {image.shape[0]} px")
            text = QLabel(caption)
            text.setWordWrap(True)
            column.addWidget(picture)
            column.addWidget(text)
            self._layout.insertWidget(index, cell)
            self.cells.append(picture)
        self._scale_pictures()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scale_pictures()

    def _scale_pictures(self) -> None:
        """Pictures as tall as the row allows (captions below), at most ``picture_height``."""
        height = max(48, min(self.picture_height, self.viewport().height() - 40))
        for picture in self.cells:
            pixmap = picture.property("source").scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
            picture.setPixmap(pixmap)
            picture.parentWidget().layout().itemAt(1).widget().setMaximumWidth(max(120, pixmap.width()))


class Picture(QWidget):
    """One picture scaled to fit the space it is given (never forcing the window to grow)."""

    def __init__(self, placeholder: str = "", smooth: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder
        self.smooth = smooth
        self.image: np.ndarray | None = None
        self._pixmap = None
        self.setMinimumSize(80, 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: np.ndarray | None) -> None:
        self.image = image
        self._pixmap = None if image is None else to_pixmap(image)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 220)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._pixmap is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        size = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.smooth)
        painter.drawPixmap(QRect(QPoint(0, 0), size), self._pixmap)
