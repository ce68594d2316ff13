"""The model libraries vislab builds architectures with (timm, torchvision), behind one interface."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import ModelSpec

if TYPE_CHECKING:
    import torch


def architecture(spec: ModelSpec) -> torch.nn.Module:
    """``spec``'s architecture with its library's random initialisation (temporary: being split)."""
    if spec.source == "timm":
        import timm

        return timm.create_model(spec.weights, pretrained=False)
    from torchvision.models import get_model

    # Inception-v3 warns unless told which initialisation to use; its default one is fine here.
    kwargs = {"init_weights": False} if spec.arch == "inception_v3" else {}
    return get_model(spec.arch, weights=None, **kwargs)
