"""The core's heavy modules, imported on a worker, one thread at a time."""

from __future__ import annotations

import threading

_ENGINE_LOCK = threading.Lock()


def import_engine():
    """The core's heavy modules (torch, timm, torchvision, grad-cam, matplotlib), imported by one worker at a
    time: two threads importing torchvision at once can meet a half-initialised module and fail with an
    ImportError. Every job that runs a model calls this first (it costs nothing once the modules are loaded)."""
    with _ENGINE_LOCK:
        import matplotlib.colors  # noqa: F401 - the colour maps; the UI thread imports it after the engine
        from matplotlib.backends import backend_qtagg  # noqa: F401 - for the plots, off the UI thread

        from ..core import engine, experiments, features, measure  # noqa: F401
        from ..core.explain import methods, patches  # noqa: F401
    return engine
