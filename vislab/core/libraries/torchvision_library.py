"""torchvision: architectures from ``torchvision.models``, weights from its ``WeightsEnum`` via torch hub.

Inception-v3's quirks live here: a random one is built with ``init_weights=False`` (else torchvision
warns), and the pretrained one transforms its input, a setting kept as an attribute, not a weight.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import ModelSpec
from ._base import ModelLibrary, ProgressCallback, reporting_tqdm

if TYPE_CHECKING:
    import torch

    from ..preprocess import InputPipeline

#: Keyword arguments for building an architecture with random weights, by architecture.
_ARCHITECTURE_KWARGS: dict[str, dict[str, object]] = {
    # Inception-v3 warns unless told which initialisation to use; its default one is fine here.
    "inception_v3": {"init_weights": False},
}
#: Module attributes that are settings, not weights, by architecture.
_SETTINGS: dict[str, tuple[str, ...]] = {
    # The pretrained Inception-v3 re-normalises its input from ImageNet's statistics to [-1, 1].
    "inception_v3": ("transform_input",),
}


class TorchvisionLibrary(ModelLibrary):
    """Models built by ``torchvision.models.get_model``; ``spec.weights`` names a ``WeightsEnum`` member."""

    id = "torchvision"

    def architecture(self, spec: ModelSpec) -> torch.nn.Module:
        from torchvision.models import get_model

        return get_model(spec.arch, weights=None, **_ARCHITECTURE_KWARGS.get(spec.arch, {}))

    def pretrained(self, spec: ModelSpec, path: Path) -> torch.nn.Module:
        from torchvision.models import get_model

        # The file is in torch hub's cache (cached_file, download), so torchvision loads it from there,
        # with its own per-model fix-ups (no network).
        return get_model(spec.arch, weights=spec.weights)

    def labels(self, spec: ModelSpec) -> tuple[str, ...]:
        return _categories(spec.weights)

    def input_pipeline(self, spec: ModelSpec) -> InputPipeline:
        return _pipeline(spec.weights)

    def cached_file(self, spec: ModelSpec) -> Path | None:
        path = torch_hub_checkpoints() / spec.weights_file
        return path if path.is_file() else None

    def download(self, spec: ModelSpec, progress: ProgressCallback | None,
                 cancel: threading.Event | None) -> Path:
        import torch.hub

        target = torch_hub_checkpoints() / spec.weights_file
        target.parent.mkdir(parents=True, exist_ok=True)
        match = re.search(r"-([a-f0-9]+)\.", spec.weights_file)
        with torch_hub_reporting(progress, cancel):
            torch.hub.download_url_to_file(self.url(spec), str(target), match.group(1) if match else None,
                                           progress=True)
        return target

    def url(self, spec: ModelSpec) -> str:
        from torchvision.models import get_weight

        return get_weight(spec.weights).url

    def weights_filename(self, spec: ModelSpec) -> str:
        return spec.weights_file

    def settings(self, spec: ModelSpec, module: torch.nn.Module) -> dict[str, bool | int | float | str]:
        return {name: getattr(module, name) for name in _SETTINGS.get(spec.arch, ()) if hasattr(module, name)}


def torch_hub_checkpoints() -> Path:
    """torch hub's checkpoint folder, where torchvision keeps downloaded weights."""
    # Never an import here: the window asks from its own thread, maybe while a worker is importing torch, and
    # importing a half-initialised torch fails (KeyError: 'torch') or waits for the whole import.
    get_dir = getattr(getattr(sys.modules.get("torch"), "hub", None), "get_dir", None)
    if get_dir is not None:  # torch.hub is loaded: its own answer (set_dir included)
        return Path(get_dir()) / "checkpoints"
    # torch.hub.get_dir()'s rule, so that listing the catalog does not import torch.
    cache_home = os.environ.get("XDG_CACHE_HOME", os.path.join("~", ".cache"))
    home = os.environ.get("TORCH_HOME", os.path.join(cache_home, "torch"))
    return Path(os.path.expanduser(home)) / "hub" / "checkpoints"


_hub_tqdm_lock = threading.Lock()


@contextmanager
def torch_hub_reporting(progress: ProgressCallback | None, cancel: threading.Event | None) -> Iterator[None]:
    """Make torch hub's downloads report to ``progress`` and honour ``cancel`` while inside."""
    # torch.hub.download_url_to_file takes no progress callback; it draws with the module's `tqdm`.
    import torch.hub

    with _hub_tqdm_lock:
        original = torch.hub.tqdm
        torch.hub.tqdm = reporting_tqdm(progress, cancel)
        try:
            yield
        finally:
            torch.hub.tqdm = original


@cache
def _categories(weights: str) -> tuple[str, ...]:
    from torchvision.models import get_weight

    return tuple(get_weight(weights).meta["categories"])


@cache
def _pipeline(weights: str) -> InputPipeline:
    """The weights' ``transforms()`` preset, read back as an :class:`InputPipeline`."""
    from torchvision.models import get_weight

    from ..preprocess import InputPipeline

    preset = get_weight(weights).transforms()
    crop = preset.crop_size[0]
    return InputPipeline(resize=preset.resize_size[0], crop=(crop, crop),
                         interpolation=preset.interpolation.value, mean=tuple(preset.mean),
                         std=tuple(preset.std), backend="tensor")
