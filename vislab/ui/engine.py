"""The core's heavy modules, imported on a worker, one thread at a time."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

_ENGINE_LOCK = threading.Lock()

#: What :func:`import_engine` says it is loading, in order (the status line words them).
STAGES = ("torch", "libraries", "methods")


def import_engine(say: Callable[[str], None] | None = None):
    """The core's heavy modules (torch, timm, torchvision, grad-cam, matplotlib), imported by one worker at a
    time: two threads importing torchvision at once can meet a half-initialised module and fail with an
    ImportError. Every job that runs a model calls this first (it costs nothing once the modules are loaded).

    Args:
        say: told each of :data:`STAGES` before its modules load (only those not loaded yet), so that the
            window can say what start-up is doing.
    """
    def stage(name: str, module: str) -> None:
        if say is not None and module not in sys.modules:
            say(name)

    with _ENGINE_LOCK:
        stage("torch", "torch")
        import torch  # noqa: F401 - the slowest, and the one that fails when the installation is broken

        stage("libraries", "timm")
        import timm  # noqa: F401
        import torchvision  # noqa: F401

        stage("methods", "vislab.core.explain.methods")
        import matplotlib.colors  # noqa: F401 - the colour maps; the UI thread imports it after the engine
        from matplotlib.backends import backend_qtagg  # noqa: F401 - for the plots, off the UI thread

        from ..core import engine, experiments, features, measure  # noqa: F401
        from ..core.explain import methods, patches  # noqa: F401
    return engine
