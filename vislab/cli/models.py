"""Loading the model (or models) a command asked for, with a download bar and every id checked first."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..core.errors import VislabError
from .output import ProgressBar

if TYPE_CHECKING:
    from ..core.model import LoadedModel


def load_one(options: argparse.Namespace, fast_path: bool = False) -> LoadedModel:
    """The model of ``--model``/``--weights``/``--device``.

    With ``fast_path`` (many forward passes to come) it waits for the ONNX Runtime session: one export
    on first use, then from vislab's cache; a model that does not export runs on torch.
    """
    from ..core.catalog import get_spec
    from ..core.loading import load_model

    spec = get_spec(options.model)  # an unknown id fails before anything slow happens
    bar = ProgressBar(f"downloading {spec.name} weights")
    try:
        model = load_model(spec.id, weights=options.weights, device=options.device, progress=bar.bytes,
                           fast_path=None if fast_path else False)
    finally:
        bar.close()
    model.fast_ready()
    return model


def load_many(options: argparse.Namespace, fast_path: bool = False) -> list[LoadedModel]:
    """The models of ``--models A,B`` with their ``--weights ID=FILE``, every id checked before any loads."""
    from ..core.catalog import get_spec
    from ..core.loading import load_model

    ids = [m.strip() for m in options.models.split(",") if m.strip()]
    files = _weights_files(options.weights, ids)
    for model_id in ids:
        get_spec(model_id)
    if not ids:
        raise VislabError("--models names no model")
    models = [load_model(m, weights=files.get(m), device=options.device, fast_path=None if fast_path else False)
              for m in ids]
    for model in models:
        model.fast_ready()
    return models


def _weights_files(items: list[str], ids: list[str]) -> dict[str, str]:
    """``--weights ID=FILE`` options as a map from model id to file; each ID must be one of ``--models``."""
    files = {}
    for item in items:
        model_id, sep, path = item.partition("=")
        if not sep or model_id not in ids:
            raise VislabError(f"--weights expects ID=FILE with an ID from --models, not {item!r}")
        files[model_id] = path
    return files
