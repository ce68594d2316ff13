"""The model cache a front end shares. The window imports this module on worker threads only (it
imports torch)."""

from __future__ import annotations

from .inference import ModelCache

_cache = ModelCache()


def models() -> ModelCache:
    """The shared model cache (three models at most)."""
    return _cache
