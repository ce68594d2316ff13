"""timm (``huggingface/pytorch-image-models``): architectures by name, weights from the Hugging Face Hub."""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import ModelSpec
from ._base import ModelLibrary, ProgressCallback, reporting_tqdm

if TYPE_CHECKING:
    import torch

    from ..preprocess import InputPipeline

#: The file names timm's hub repositories keep weights under, the preferred first.
HUB_FILES = ("model.safetensors", "pytorch_model.bin")


class TimmLibrary(ModelLibrary):
    """Models built by ``timm.create_model``; ``spec.weights`` is timm's ``arch.tag`` name."""

    id = "timm"

    def architecture(self, spec: ModelSpec) -> torch.nn.Module:
        import timm

        return timm.create_model(spec.weights, pretrained=False)

    def pretrained(self, spec: ModelSpec, path: Path) -> torch.nn.Module:
        import timm

        return timm.create_model(spec.weights, pretrained=True, pretrained_cfg_overlay={"file": str(path)})

    def labels(self, spec: ModelSpec) -> tuple[str, ...]:
        return _imagenet_labels()

    def input_pipeline(self, spec: ModelSpec) -> InputPipeline:
        return _pipeline(spec)

    def hub_id(self, spec: ModelSpec) -> str:
        return f"timm/{spec.weights}"

    def cached_file(self, spec: ModelSpec) -> Path | None:
        from huggingface_hub import constants, try_to_load_from_cache

        for filename in HUB_FILES:
            found = try_to_load_from_cache(self.hub_id(spec), filename, cache_dir=constants.HF_HUB_CACHE)
            if isinstance(found, str) and os.path.isfile(found):
                return Path(found)
        return None

    def download(self, spec: ModelSpec, progress: ProgressCallback | None,
                 cancel: threading.Event | None) -> Path:
        from huggingface_hub import hf_hub_download

        path = hf_hub_download(self.hub_id(spec), HUB_FILES[0], library_name="timm",
                               tqdm_class=reporting_tqdm(progress, cancel))
        return Path(path)

    def url(self, spec: ModelSpec) -> str:
        return f"https://huggingface.co/{self.hub_id(spec)}"

    def weights_filename(self, spec: ModelSpec) -> str:
        return HUB_FILES[0]


@cache
def _imagenet_labels() -> tuple[str, ...]:
    from timm.data import ImageNetInfo

    return tuple(ImageNetInfo("imagenet-1k").label_descriptions())


@cache
def _pipeline(spec: ModelSpec) -> InputPipeline:
    """``timm.data.create_transform``'s evaluation steps, read back as an :class:`InputPipeline`."""
    from timm.data import create_transform, resolve_data_config
    from timm.models import get_pretrained_cfg

    from ..preprocess import InputPipeline

    config = resolve_data_config({}, pretrained_cfg=get_pretrained_cfg(spec.weights).to_dict())
    steps = create_transform(**config, is_training=False).transforms
    resize, crop = steps[0], steps[1]
    if type(resize).__name__ != "Resize" or type(crop).__name__ != "CenterCrop":
        raise NotImplementedError(f"{spec.id}: timm pipeline {steps} is not resize + centre crop")
    size = resize.size if isinstance(resize.size, int) else min(resize.size)
    _, h, w = config["input_size"]
    return InputPipeline(resize=size, crop=(h, w), interpolation=config["interpolation"],
                         mean=tuple(config["mean"]), std=tuple(config["std"]), backend="pil")
