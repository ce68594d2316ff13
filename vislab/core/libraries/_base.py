"""The interface every model library implements, and the download plumbing they share.

A library builds catalog architectures, loads their pretrained weights, names their classes, gives the
input pipeline the weights were trained with and knows where its downloads live. Everything that differs
between timm and torchvision is behind these methods, one module per library, so the rest of vislab
never asks which library a model comes from.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..catalog import ModelSpec
from ..errors import DownloadCancelled, check_cancel

if TYPE_CHECKING:
    import torch

    from ..preprocess import InputPipeline

#: Called with (bytes done, bytes in all; 0 when unknown) while weights download.
ProgressCallback = Callable[[int, int], None]
#: A setting kept as an attribute of a built module (not in its state dict), by attribute name.
Settings = Mapping[str, bool | int | float | str]


class ModelLibrary(ABC):
    """One library that builds catalog models: the methods vislab calls instead of branching on it.

    Every method takes the catalog entry: one library object serves all of its models.
    """

    #: The catalog's :attr:`ModelSpec.source` this library serves (``timm``, ``torchvision``).
    id: ClassVar[str]

    @abstractmethod
    def architecture(self, spec: ModelSpec) -> torch.nn.Module:
        """``spec``'s architecture with the library's own random initialisation."""

    @abstractmethod
    def pretrained(self, spec: ModelSpec, path: Path) -> torch.nn.Module:
        """``spec``'s architecture with its pretrained weights, from ``path``, where
        :meth:`cached_file` or :meth:`download` found them."""

    @abstractmethod
    def labels(self, spec: ModelSpec) -> tuple[str, ...]:
        """The 1000 ImageNet-1k class names as the library spells them."""

    @abstractmethod
    def input_pipeline(self, spec: ModelSpec) -> InputPipeline:
        """The pipeline ``spec``'s weights were trained with, from the library's own configuration."""

    @abstractmethod
    def cached_file(self, spec: ModelSpec) -> Path | None:
        """The pretrained weights file already in the library's download cache, or None."""

    @abstractmethod
    def download(self, spec: ModelSpec, progress: ProgressCallback | None,
                 cancel: threading.Event | None) -> Path:
        """Download the pretrained weights into the library's cache and return the file.

        Raises:
            DownloadCancelled: ``cancel`` was set; any other error means "not downloaded".
        """

    @abstractmethod
    def url(self, spec: ModelSpec) -> str:
        """Where the pretrained weights live online, for people who fetch them by hand."""

    @abstractmethod
    def weights_filename(self, spec: ModelSpec) -> str:
        """The name of the file to fetch from :meth:`url`."""

    def hub_id(self, spec: ModelSpec) -> str | None:
        """The Hugging Face Hub repository the weights come from; None when they are not on the hub."""
        return None

    def settings(self, spec: ModelSpec, module: torch.nn.Module) -> dict[str, bool | int | float | str]:
        """Attributes of a built ``module`` that are settings, not weights: what a state dict does not
        carry and a rebuilt architecture must be given (the ONNX export's child process). None here."""
        return {}

    def apply_settings(self, spec: ModelSpec, module: torch.nn.Module, settings: Settings) -> None:
        """Give a freshly built ``module`` the :meth:`settings` of another one."""
        for name, value in settings.items():
            if not hasattr(module, name):
                raise ValueError(f"{spec.id} has no setting {name!r}")
            setattr(module, name, value)


def reporting_tqdm(progress: ProgressCallback | None, cancel: threading.Event | None) -> type:
    """A tqdm class for the libraries' downloads that reports to ``progress`` and honours ``cancel``."""
    from tqdm import tqdm

    class ReportingTqdm(tqdm):
        def __init__(self, *args, **kwargs) -> None:
            kwargs.pop("name", None)
            kwargs["disable"] = True  # vislab draws its own progress
            super().__init__(*args, **kwargs)
            self.done = int(kwargs.get("initial") or 0)

        def update(self, n: float | None = 1) -> bool | None:
            self.done += int(n or 0)
            if progress is not None:
                progress(self.done, int(self.total or 0))
            check_cancel(cancel, DownloadCancelled, "download cancelled")
            return super().update(n)

    return ReportingTqdm
