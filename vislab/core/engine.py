"""The process-wide pieces a front end shares: one model cache, and image copies sized for display.

The window imports this module on a worker thread only (it imports torch).
"""

from __future__ import annotations

import cv2
import numpy as np

from .inference import ModelCache

#: Longest side of the copies the window displays (the models always get the full photo).
DISPLAY_SIDE = 1600

_cache = ModelCache()


def models() -> ModelCache:
    """The shared model cache (three models at most)."""
    return _cache


def fit(image: np.ndarray, side: int) -> np.ndarray:
    """``image`` scaled down (area interpolation) so its longer side is at most ``side`` pixels."""
    h, w = image.shape[:2]
    if max(h, w) <= side:
        return image
    scale = side / max(h, w)
    return cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)


def display_copy(image: np.ndarray, side: int = DISPLAY_SIDE) -> np.ndarray:
    return fit(image, side)


def thumbnail(image: np.ndarray, side: int) -> np.ndarray:
    return fit(image, side)
