"""Building a catalog model's module with its weights (bundled, cached, downloaded, a local file, or random):
the step :func:`vislab.core.loading.load_model` and a trained model's file
(:mod:`vislab.core.teach.model_file`) share, below both."""

from __future__ import annotations

import threading
from pathlib import Path

import torch

from .catalog import ModelSpec
from .errors import VislabError, WeightsError
from .libraries import library
from .weights import ProgressCallback, fetch_pretrained, load_checked, map_bundled, read_state_dict


def build_module(spec: ModelSpec, weights: str | Path | None = None, *, pretrained: bool = True,
                 progress: ProgressCallback | None = None,
                 cancel: threading.Event | None = None) -> tuple[torch.nn.Module, str]:
    """The architecture of ``spec`` with its weights, and where those came from.

    Args:
        spec: the catalog entry.
        weights: a local weights file to load instead of the pretrained ones.
        pretrained: False gives randomly initialised weights (tests, the randomisation sanity check).
        progress: download progress callback, see :func:`~vislab.core.weights.fetch_pretrained`.
        cancel: set it to stop a download.
    """
    lib = library(spec)
    if weights is not None:
        state = read_state_dict(weights)
        module = lib.architecture(spec)
        load_checked(module, state, str(weights), spec.name)
        return module, str(weights)
    if not pretrained:
        return lib.architecture(spec), "random"
    path = fetch_pretrained(spec, progress, cancel)
    if spec.bundled:  # another package's file, renamed onto the library's architecture
        module = lib.architecture(spec)
        module.load_state_dict(map_bundled(module, path))
        return module, "bundled"
    try:
        return lib.pretrained(spec, path), "pretrained"
    except VislabError:
        raise
    except Exception as exc:  # a damaged file in the library's download cache
        raise WeightsError(f"{path}: the cached {spec.name} weights cannot be read ({type(exc).__name__}: "
                           f"{str(exc).strip()[:160]}); delete the file and vislab will fetch them again") from None
