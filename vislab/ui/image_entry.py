"""One photo in the window's list: where it comes from, its thumbnail, and why it cannot be read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass
class ImageEntry:
    """One photo in the strip.

    Attributes:
        error: why it cannot be read, in a few words (the reason, without the path), or None.
    """

    source: str
    name: str
    loader: Callable[[], np.ndarray] = field(repr=False, default=None)
    thumbnail: np.ndarray | None = None
    error: str | None = None
    size: tuple[int, int] | None = None


def file_reader(path: str) -> Callable[[], np.ndarray]:
    def read() -> np.ndarray:
        from ..core.images import read_image  # on the worker that reads it

        return read_image(path)

    return read
