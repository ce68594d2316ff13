"""The model libraries vislab builds architectures with, one module each, behind one interface.

:func:`library` gives the :class:`ModelLibrary` of a catalog entry (by its ``source``); adding a library
is one module and one :meth:`Registry.register` line here. Importing this package imports neither torch
nor the libraries themselves: each method imports what it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import ModelSpec
from ..errors import UnknownNameError
from ..registry import Registry
from ._base import ModelLibrary, ProgressCallback, Settings, reporting_tqdm
from .timm_library import TimmLibrary
from .torchvision_library import TorchvisionLibrary

if TYPE_CHECKING:
    import torch

__all__ = ["LIBRARIES", "ModelLibrary", "ProgressCallback", "Settings", "architecture", "library",
           "reporting_tqdm"]

#: Every model library, keyed by the catalog's ``source``.
LIBRARIES: Registry[ModelLibrary] = Registry("model library")
LIBRARIES.register(TimmLibrary())
LIBRARIES.register(TorchvisionLibrary())


def library(spec: ModelSpec) -> ModelLibrary:
    """The library that builds ``spec``.

    Raises:
        UnknownNameError: ``spec.source`` is no known library, naming the model and the known ones.
    """
    try:
        return LIBRARIES.get(spec.source)
    except UnknownNameError as exc:
        raise UnknownNameError(f"{spec.id}: {exc}") from None


def architecture(spec: ModelSpec) -> torch.nn.Module:
    """``spec``'s architecture with its library's random initialisation (tests, the sanity check)."""
    return library(spec).architecture(spec)
