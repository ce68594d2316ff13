"""The fast path: forward passes that need no gradient, on ONNX Runtime when the model exports.

After a model loads, a background thread has a child process export it to ONNX (probabilities and the
pre-logits embedding in one graph), then opens an ONNX Runtime session on the CPU; until that is ready, and
for ever if the export fails, torch serves. (The exporter holds Python's lock for a tenth of a second at a
time, which would freeze the window's thread; in a child process it cannot.) Each export is kept in
:func:`cache_dir` under the model id, input size and a hash of the weights, so a model exports once. A new
session is checked against torch on a random batch before it serves. Explanations, which need gradients,
hooks or attention, always run on torch.

Turn the fast path off for the whole process with :func:`set_enabled` or the ``VISLAB_FAST=0`` environment
variable; ``VISLAB_CACHE_DIR`` moves the cache. This module is the switch and the cache folder, and imports
no torch (a window may call it from its own thread); the machinery is in :mod:`vislab.core._onnx`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_enabled: bool | None = None


def set_enabled(enabled: bool | None) -> None:
    """Turn the fast path on or off for this process; None goes back to ``VISLAB_FAST`` (default on).

    Models already loaded switch at their next forward pass; their sessions are kept.
    """
    global _enabled  # noqa: PLW0603 - one process-wide switch
    _enabled = enabled


def enabled() -> bool:
    """Whether forward passes may run on ONNX Runtime now."""
    if _enabled is not None:
        return _enabled
    return os.environ.get("VISLAB_FAST", "1").strip().lower() not in ("0", "false", "no", "off")


def cache_dir() -> Path:
    """vislab's cache folder: ``VISLAB_CACHE_DIR``, else the platform's user cache folder."""
    override = os.environ.get("VISLAB_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "vislab" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "vislab"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "vislab"


def onnx_dir() -> Path:
    """Where the ONNX exports are kept."""
    return cache_dir() / "onnx"
