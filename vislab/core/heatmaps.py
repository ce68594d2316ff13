"""Turning a heatmap into pictures: colour, blend over what the model saw, or map back onto the photo."""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np

from .errors import OptionError

#: Colormaps offered for overlays (any matplotlib colormap name also works).
COLORMAPS = ("jet", "turbo", "inferno", "viridis", "magma", "gray")


@cache
def _lut(colormap: str) -> np.ndarray:
    import matplotlib

    try:
        cmap = matplotlib.colormaps[colormap]
    except KeyError:
        raise OptionError(f"unknown colormap {colormap!r}; try {', '.join(COLORMAPS)}") from None
    return (cmap(np.linspace(0.0, 1.0, 256))[:, :3] * 255).round().astype(np.uint8)


def colorize(heatmap: np.ndarray, colormap: str = "jet") -> np.ndarray:
    """A [0, 1] heatmap as an RGB uint8 image through a matplotlib colormap."""
    index = (np.clip(heatmap, 0.0, 1.0) * 255).round().astype(np.uint8)
    return _lut(colormap)[index]


def check_alpha(alpha: float) -> float:
    """``alpha`` if it is a usable opacity, else an :class:`OptionError`."""
    if not 0.0 <= alpha <= 1.0:  # also refuses NaN
        raise OptionError(f"the opacity (alpha) must be between 0 and 1, not {alpha}")
    return alpha


def unit_range(values: np.ndarray) -> np.ndarray:
    """``values`` stretched to [0, 1] from their own minimum to maximum (all zeros when flat), float32."""
    values = values.astype(np.float64)
    low, high = float(values.min()), float(values.max())
    scaled = (values - low) / (high - low) if high > low else np.zeros_like(values)
    return scaled.astype(np.float32)


def resize_heatmap(heatmap: np.ndarray, height: int, width: int) -> np.ndarray:
    """The heatmap resized (bilinear) to ``height x width``, kept in [0, 1]."""
    if heatmap.shape == (height, width):
        return heatmap
    resized = cv2.resize(heatmap.astype(np.float32), (width, height), interpolation=cv2.INTER_LINEAR)
    return np.clip(resized, 0.0, 1.0)


def overlay(image: np.ndarray, heatmap: np.ndarray, alpha: float = 0.5, colormap: str = "jet") -> np.ndarray:
    """``image`` with the coloured heatmap blended over it: ``(1 - alpha) * image + alpha * colour``."""
    check_alpha(alpha)
    colour = colorize(resize_heatmap(heatmap, *image.shape[:2]), colormap)
    return cv2.addWeighted(image, 1.0 - alpha, colour, alpha, 0.0)


def on_original(photo: np.ndarray, heatmap: np.ndarray, crop_box: tuple[float, float, float, float],
                alpha: float = 0.5, colormap: str = "jet", outside: float = 0.35) -> np.ndarray:
    """The heatmap mapped back onto the whole photo.

    Args:
        photo: the original image.
        heatmap: over what the model saw.
        crop_box: (left, top, right, bottom) of that view in the photo's pixels
            (:meth:`~vislab.core.preprocess.InputPipeline.crop_box`).
        outside: brightness kept where the model never looked (0 black, 1 unchanged), so the cropped-away
            parts stay visible but plainly outside.
    """
    height, width = photo.shape[:2]
    left, top, right, bottom = (round(v) for v in crop_box)
    left, top = min(max(left, 0), width - 1), min(max(top, 0), height - 1)
    right, bottom = max(min(right, width), left + 1), max(min(bottom, height), top + 1)  # at least a pixel
    result = (photo.astype(np.float32) * outside).round().astype(np.uint8)
    inside = photo[top:bottom, left:right]
    result[top:bottom, left:right] = overlay(inside, heatmap, alpha, colormap)
    return result
