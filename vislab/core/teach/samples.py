"""A sample dataset that ships offline: scikit-learn's handwritten digits as a class-folder dataset of PNGs."""

from __future__ import annotations

from pathlib import Path

import numpy as np

__all__ = ["write_digits"]


def write_digits(root: str | Path, per_class: int = 30, side: int = 64, classes: int = 10) -> Path:
    """Write the first ``per_class`` images of each of the first ``classes`` digits (of 1,797 8x8 images,
    ``sklearn.datasets.load_digits``) under ``root/<digit>/NNN.png``: dark ink on white, RGB, upscaled to
    ``side`` pixels. Returns ``root``."""
    from PIL import Image
    from sklearn.datasets import load_digits

    root = Path(root)
    digits = load_digits()
    counts: dict[int, int] = {}
    for pixels, target in zip(digits.images, digits.target, strict=True):
        label = int(target)
        if label >= classes or counts.get(label, 0) >= per_class:
            continue
        counts[label] = counts.get(label, 0) + 1
        ink = (255 - pixels / 16 * 255).astype(np.uint8)
        folder = root / str(label)
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(ink).resize((side, side), Image.Resampling.BILINEAR).convert("RGB").save(
            folder / f"{counts[label]:03d}.png")
    return root
