"""Finding layers by name and turning their outputs into ``B x C x H x W`` maps.

Shapes come from the model, never from constants: a ViT's prefix tokens (class, distillation, register)
from ``num_prefix_tokens``, its patch grid from ``patch_embed.grid_size``, Swin's channels-last layout
from ``output_fmt``.
"""

from __future__ import annotations

import difflib
import math

import torch

from ..errors import LayerError


def get_layer(module: torch.nn.Module, name: str, model_name: str = "the model") -> torch.nn.Module:
    """The submodule called ``name`` (as ``named_modules()`` spells it), or a :class:`LayerError` that
    suggests close names."""
    try:
        return module.get_submodule(name)
    except AttributeError:
        names = [n for n, _ in module.named_modules() if n]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(close)}?" if close else f"layers look like {', '.join(names[-3:])}"
        raise LayerError(f"{model_name} has no layer {name!r}; {hint}") from None


def is_channels_last(model: torch.nn.Module, layer: torch.nn.Module) -> bool:
    """True for 4-D outputs laid out ``B x H x W x C`` (timm's Swin and other NHWC models)."""
    if isinstance(layer, (torch.nn.Conv2d, torch.nn.BatchNorm2d)):
        return False
    return getattr(model, "output_fmt", "NCHW") == "NHWC"


def token_grid(model: torch.nn.Module, tokens: int) -> tuple[int, tuple[int, int]]:
    """(prefix tokens, patch grid) for a sequence of ``tokens`` tokens from ``model``."""
    prefix = int(getattr(model, "num_prefix_tokens", 0) or 0)
    grid = getattr(getattr(model, "patch_embed", None), "grid_size", None)
    if grid is not None:
        for before in (prefix, 0):  # layers before the class token is added (the patch embedding) have none
            if grid[0] * grid[1] == tokens - before:
                return before, (int(grid[0]), int(grid[1]))
    patches = tokens - prefix
    side = math.isqrt(patches)
    if side * side != patches:
        raise LayerError(f"cannot lay {patches} tokens out on a square patch grid")
    return prefix, (side, side)


def spatial_reshape(model: torch.nn.Module, layer: torch.nn.Module):
    """A function that turns the layer's output into ``B x C x H x W`` (the identity when it already is)."""
    channels_last = is_channels_last(model, layer)

    def reshape(output: torch.Tensor) -> torch.Tensor:
        if isinstance(output, (tuple, list)):
            output = output[0]
        if output.ndim == 3:  # B x tokens x C: drop the prefix tokens, lay the patches on their grid
            prefix, (h, w) = token_grid(model, output.shape[1])
            return output[:, prefix:, :].reshape(output.shape[0], h, w, output.shape[2]).permute(0, 3, 1, 2)
        if output.ndim == 4 and channels_last:
            return output.permute(0, 3, 1, 2)
        if output.ndim == 4:
            return output
        raise LayerError(f"the layer's output has shape {list(output.shape)}, not a spatial map")

    return reshape
