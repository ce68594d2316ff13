"""A horizontal row of labelled pictures (preview strips, the model's input stages)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from .qt_images import to_pixmap


class ImageRow(QScrollArea):
    """Pictures side by side at one height, each with a caption; scrolls sideways when long."""

    def __init__(self, height: int = 150, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture_height = height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._layout = QHBoxLayout(self._inner)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(10)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.setMinimumHeight(height + 48)
        self.cells: list[QLabel] = []

    def set_images(self, images: list[tuple[str, np.ndarray]]) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.cells = []
        for index, (caption, image) in enumerate(images):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(3)
            picture = QLabel()
            pixmap = to_pixmap(image)
            picture.setPixmap(pixmap.scaledToHeight(self.picture_height, Qt.TransformationMode.SmoothTransformation))
            picture.setToolTip(f"{caption}: {image.shape[1]} x {image.shape[0]} px")
            text = QLabel(caption)
            text.setWordWrap(True)
            text.setMaximumWidth(max(120, picture.pixmap().width()))
            column.addWidget(picture)
            column.addWidget(text)
            self._layout.insertWidget(index, cell)
            self.cells.append(picture)
