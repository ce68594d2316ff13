"""A model's export made by a process of its own, for the next start: ``python -m vislab.core.prepare MODEL_ID
[WEIGHTS]`` loads the model, waits for its fast path (the export, its check against torch and the torch-free
manifest, :mod:`vislab.core.instant`) and leaves.

A command that answered a few photos on torch at once, rather than wait for a first export, starts one such process
as it ends (:func:`prepare_detached`); unlike the export child of :mod:`vislab.core._onnx`, it outlives its parent.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from . import _onnx
from .catalog import get_spec
from .fast import _alive, enabled
from .instant import manifest_path, origin_of

log = logging.getLogger("vislab.core.fast")


def _marker(model_id: str, weights: str | Path | None) -> Path:
    return manifest_path(model_id, origin_of(get_spec(model_id), weights)).with_suffix(".preparing")


def prepare_detached(model_id: str, weights: str | Path | None = None) -> subprocess.Popen | None:
    """Make ``model``'s export (and its torch-free manifest) in a process of its own that outlives this one:
    for a command that answered on torch without waiting for the export, so that its next run starts without
    torch. One such process per model and weights at a time; None when one is already at work, or when this is
    a frozen application (which has no ``python -m``) or the fast path is off."""
    if not _onnx.EXPORT_IN_CHILD or not enabled():
        return None
    marker = _marker(model_id, weights)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        text = marker.read_text().strip() if marker.exists() else ""
        pid = int(text) if text.isdigit() else 0
        if pid and _alive(pid) and time.time() - marker.stat().st_mtime < 900:
            return None
        command = [sys.executable, "-m", "vislab.core.prepare", model_id, str(weights or "")]
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True,
                                 env=os.environ | {"OMP_NUM_THREADS": "1"})
        marker.write_text(str(child.pid))
        return child
    except OSError as exc:
        log.info("could not start preparing %s in the background: %s", model_id, exc)
        return None


def _prepare_main(model_id: str, weights: str) -> None:
    """The process of :func:`prepare_detached`: load the model, wait for its fast path, leave."""
    import torch

    from .loading import load_model

    _onnx.EXPORT_IN_CHILD = False  # this process is the one in the background: it exports itself
    torch.set_num_threads(1)
    try:
        model = load_model(model_id, weights=weights or None, device="cpu", fast_path=True)
        model.fast_ready(timeout=900)
    finally:
        _marker(model_id, weights or None).unlink(missing_ok=True)


if __name__ == "__main__":
    _prepare_main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
