"""The Collection view: a folder of photos as a mode of the window's centre (grid, table, map, mistakes)."""

from __future__ import annotations

from .view import STRIP_LIMIT, CollectionView

__all__ = ["STRIP_LIMIT", "CollectionView"]
