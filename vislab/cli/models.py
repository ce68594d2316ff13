"""Loading the model (or models) a command asked for, with a download bar and every name checked first.

Names are what people type (``resnet18``, ``ViT-B/16``); the core's ``resolve_model`` turns each into its
catalog entry, so everything after this point, JSON included, carries the full id.
"""

from __future__ import annotations

import argparse
import contextlib
from typing import TYPE_CHECKING

from ..core.errors import UnknownModelError, VislabError
from .output import ProgressBar, note

if TYPE_CHECKING:
    from ..core.catalog import ModelSpec
    from ..core.model import LoadedModel


#: Up to this many images, a command answers on torch at once rather than wait for a first export (which then
#: finishes in a process of its own, for the next run: :func:`vislab.core.prepare.prepare_detached`).
WAIT_FOR_EXPORT_FROM = 24


def load_one(options: argparse.Namespace, fast_path: bool = False, *, images: int | None = None,
             torch_free: bool = False) -> LoadedModel:
    """The model of ``--model``/``--weights``/``--device``.

    With ``fast_path`` (many forward passes to come) it runs on ONNX Runtime: one export on first use, then from
    vislab's cache; a model that does not export runs on torch. ``images`` says how many photos are to come: for
    fewer than :data:`WAIT_FOR_EXPORT_FROM` the command does not wait for a first export. ``torch_free``: the
    caller needs predictions and feature vectors only, so a model whose export is cached is served without
    importing torch at all (:mod:`vislab.core.instant`).
    """
    from ..core.catalog import resolve_model

    spec = resolve_model(options.model)  # an unknown or ambiguous name fails before anything slow happens
    device = str(options.device).lower()
    if torch_free and fast_path and device in ("auto", "cpu"):
        from ..core import fast, instant

        on_cpu = device == "cpu" or not fast.gpu_present()  # "auto" takes a GPU where there is one
        served = instant.served(spec.id, options.weights) if fast.enabled() and on_cpu else None
        if served is not None:
            return served
    from ..core.loading import load_model

    bar = ProgressBar(f"downloading {spec.name} weights")
    try:
        model = load_model(spec.id, weights=options.weights, device=options.device, progress=bar.bytes,
                           fast_path=None if fast_path else False)
    finally:
        bar.close()
    if images is None or images >= WAIT_FOR_EXPORT_FROM:
        model.fast_ready()
    elif model.fast_state == "pending":
        import atexit

        from ..core._onnx import EXPORT_IN_CHILD
        from ..core.prepare import prepare_detached

        def for_next_time() -> None:  # once this run has answered, if its own export did not finish meanwhile
            if model.fast_state != "pending":
                return
            if EXPORT_IN_CHILD:
                prepare_detached(spec.id, options.weights)
            else:  # a frozen app exports on a thread of this process: leaving under it would abort the process
                with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C meanwhile: no traceback from atexit
                    model.fast_ready(timeout=900)

        atexit.register(for_next_time)
    return model


def load_many(options: argparse.Namespace, fast_path: bool = False) -> list[LoadedModel]:
    """The models of ``--models A,B`` with their ``--weights NAME=FILE``, every name checked before any loads."""
    from ..core.catalog import resolve_model
    from ..core.loading import load_model

    named = [resolve_model(m.strip()) for m in options.models.split(",") if m.strip()]
    if not named:
        raise VislabError("--models names no model")
    specs = list({spec.id: spec for spec in named}.values())  # each model loads and runs once
    if len(specs) < len(named):
        repeated = [s.id for s in specs if sum(n.id == s.id for n in named) > 1]
        note(f"{', '.join(repeated)} {'is' if len(repeated) == 1 else 'are'} named more than once in --models; "
             "each model runs once")
    files = _weights_files(options.weights, specs)
    models = [load_model(s.id, weights=files.get(s.id), device=options.device,
                         fast_path=None if fast_path else False) for s in specs]
    for model in models:
        model.fast_ready()
    return models


def _weights_files(items: list[str], specs: list[ModelSpec]) -> dict[str, str]:
    """``--weights NAME=FILE`` options as a map from model id to file; each NAME must be one of ``--models``."""
    from ..core.catalog import resolve_model

    ids = {spec.id for spec in specs}
    files = {}
    for item in items:
        name, sep, path = item.partition("=")
        try:
            model_id = resolve_model(name).id if sep else None
        except UnknownModelError:
            model_id = None
        if model_id not in ids:
            raise VislabError(f"--weights expects ID=FILE with an ID from --models, not {item!r}")
        if not path.strip():
            raise VislabError(f"--weights {item!r} names no file after '='")
        files[model_id] = path
    return files
