"""Laying several images out as one: grids of feature maps and filters, strips of preprocessing steps."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np


def tile(cells: Sequence[np.ndarray], columns: int, gap: int = 2, background: int = 255) -> np.ndarray:
    """Equally sized RGB images on a grid ``columns`` wide, with a ``gap``-pixel margin."""
    if not cells:
        raise ValueError("nothing to tile")
    h, w = cells[0].shape[:2]
    rows = -(-len(cells) // columns)
    grid = np.full((rows * (h + gap) + gap, columns * (w + gap) + gap, 3), background, np.uint8)
    for i, cell in enumerate(cells):
        r, c = divmod(i, columns)
        y, x = gap + r * (h + gap), gap + c * (w + gap)
        grid[y:y + h, x:x + w] = cell
    return grid


def strip(images: Sequence[tuple[str, np.ndarray]], height: int = 200, gap: int = 8) -> np.ndarray:
    """Images side by side at the same height, each with its label underneath, on white."""
    label_band = 28
    cells = []
    for label, image in images:
        h, w = image.shape[:2]
        width = max(1, round(w * height / h))
        cell = np.full((height + label_band, width, 3), 255, np.uint8)
        cell[:height] = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
        text = _fit(label, width)
        cv2.putText(cell, text, (2, height + 19), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (40, 40, 40), 1, cv2.LINE_AA)
        cells.append(cell)
    total = sum(c.shape[1] for c in cells) + gap * (len(cells) + 1)
    out = np.full((height + label_band + 2 * gap, total, 3), 255, np.uint8)
    x = gap
    for cell in cells:
        out[gap:gap + cell.shape[0], x:x + cell.shape[1]] = cell
        x += cell.shape[1] + gap
    return out


def _fit(label: str, width: int) -> str:
    """``label`` shortened with ".." until it fits ``width`` pixels (Hershey fonts have no ellipsis)."""
    def fits(text: str) -> bool:
        return cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 0.45, 1)[0][0] <= width - 4

    if fits(label):
        return label
    while label and not fits(label + ".."):
        label = label[:-1]
    return label + ".."
