"""The model cache a front end shares. The window imports this module on worker threads only (it
imports torch)."""

from __future__ import annotations

# pytorch-grad-cam pulls in scikit-learn, SciPy and matplotlib: a second of imports. Imported here, while
# the engine starts, not in the middle of the first explanation (an import holds Python's lock for long
# stretches and the window's thread waits on it) nor while the window imports matplotlib itself (two
# threads importing matplotlib at once can see it half-initialised).
import pytorch_grad_cam  # noqa: F401

from . import fast
from .devices import use_physical_cores
from .loading import ModelCache

_cache = ModelCache()
use_physical_cores()


def models() -> ModelCache:
    """The shared model cache (three models at most)."""
    return _cache


def set_fast_path(enabled: bool) -> None:
    """Turn the ONNX Runtime fast path on or off (a setting); turning it on prepares it for the models
    already loaded, in the background."""
    fast.set_enabled(enabled)
    if enabled:
        for model in _cache.loaded():
            model.start_fast_path()
