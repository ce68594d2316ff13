"""numpy RGB images to Qt images and back."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap


def to_qimage(image: np.ndarray) -> QImage:
    """A QImage copy of an RGB (or grey) uint8 array."""
    image = np.ascontiguousarray(image)
    if image.ndim == 2:
        h, w = image.shape
        return QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    h, w = image.shape[:2]
    return QImage(image.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def to_pixmap(image: np.ndarray) -> QPixmap:
    return QPixmap.fromImage(to_qimage(image))


def from_qimage(image: QImage) -> np.ndarray:
    """An RGB uint8 array from any QImage (a pasted picture)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = rgb.width(), rgb.height()
    data = np.frombuffer(rgb.constBits(), np.uint8, count=rgb.bytesPerLine() * h)
    return data.reshape(h, rgb.bytesPerLine())[:, : 3 * w].reshape(h, w, 3).copy()
