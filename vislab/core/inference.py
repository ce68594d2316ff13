"""Temporary re-exports while the code moves: import from :mod:`vislab.core.model` (``LoadedModel``,
``Prediction``) and :mod:`vislab.core.loading` (``load_model``, ``ModelCache``) instead."""

from __future__ import annotations

from .libraries import architecture as _architecture
from .loading import DEFAULT_CACHE_SIZE, ModelCache, build_module, load_model
from .model import LoadedModel, Prediction

__all__ = ["DEFAULT_CACHE_SIZE", "LoadedModel", "ModelCache", "Prediction", "_architecture", "build_module",
           "load_model"]
