"""ViT attention: the raw attention of one layer and head, and attention rollout.

Attention probabilities come from timm's ``AttentionExtract`` (hooks on each block's ``attn_drop``, with
fused attention switched off for the extraction so the probabilities exist as a tensor).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Literal

import numpy as np
import torch

from ..errors import OptionError
from ..heatmaps import unit_range
from .layers import LayerError, token_grid

HeadFusion = Literal["mean", "max", "min"]


_LAYERS: weakref.WeakKeyDictionary[torch.nn.Module, tuple[str, ...]] = weakref.WeakKeyDictionary()


def attention_layers(module: torch.nn.Module) -> tuple[str, ...]:
    """Names of the global self-attention modules of a ViT-style model, first to last (looked up once
    per model: walking the module tree costs more than the rollout itself)."""
    names = _LAYERS.get(module)
    if names is None:
        names = _LAYERS[module] = tuple(
            name for name, m in module.named_modules()
            if name.startswith("blocks.") and hasattr(m, "attn_drop") and hasattr(m, "fused_attn"))
    return names


def supports_cls_attention(module: torch.nn.Module) -> bool:
    """True for models whose class token attends globally over patch tokens (ViT, DeiT)."""
    return int(getattr(module, "num_prefix_tokens", 0) or 0) >= 1 and bool(attention_layers(module))


def resolve_attention_layer(module: torch.nn.Module, name: str | None) -> str:
    """The attention module named by ``name``: a block index (``5``), a block (``blocks.5``), its
    attention (``blocks.5.attn``) or None for the last one."""
    layers = attention_layers(module)
    if name is None:
        return layers[-1]
    text = str(name).strip()
    if text.lstrip("-").isdigit():
        index = int(text)
        if -len(layers) <= index < len(layers):
            return layers[index]
    for candidate in (text, f"{text}.attn", text.removesuffix(".attn_drop")):
        if candidate in layers:
            return candidate
    raise LayerError(f"no attention layer {name!r}; choose one of blocks.0.attn ... blocks.{len(layers) - 1}.attn "
                     f"(or a block number 0-{len(layers) - 1})")


@contextmanager
def _unfused(modules: Sequence[torch.nn.Module]) -> Iterator[None]:
    saved = [m.fused_attn for m in modules]
    for m in modules:
        m.fused_attn = False
    try:
        yield
    finally:
        for m, value in zip(modules, saved, strict=True):
            m.fused_attn = value


def _extractor(model):
    """timm's AttentionExtract on every attention layer, built once per model (call it holding
    ``model.lock``). Its hooks stay on ``attn_drop``, which timm runs only with fused attention off: vislab
    turns it off only while it holds the lock, so ordinary passes reach them only where timm's fused
    attention is switched off for the whole process (``TIMM_FUSED_ATTN=0``), and then they merely
    overwrite the extractor's last maps."""
    from timm.utils import AttentionExtract

    names = [f"{n}.attn_drop" for n in attention_layers(model.module)]
    return model.memo("attention-extract", lambda: AttentionExtract(model.module, names=names, method="hook"))


def extract_attention(model, tensor: torch.Tensor,
                      layers: Sequence[str] | None = None) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Attention probabilities (each ``heads x N x N``, first layer first) and the class probabilities,
    from one forward pass of ``model`` (a :class:`~vislab.core.model.LoadedModel`)."""
    module = model.module
    names = list(layers) if layers is not None else attention_layers(module)
    logits: list[torch.Tensor] = []
    with model.lock, _unfused([module.get_submodule(n) for n in names]), torch.inference_mode():
        extractor = _extractor(model)
        handle = module.register_forward_hook(lambda _m, _i, out: logits.append(out))
        try:
            maps = extractor(tensor.to(model.device))
        finally:
            handle.remove()
    attentions = [maps[f"{n}.attn_drop"][0].float().cpu() for n in names]
    return attentions, logits[0].float().softmax(-1)[0].cpu()


def cls_attention(attention: torch.Tensor, prefix: int, grid: tuple[int, int], head: int | None) -> np.ndarray:
    """How much the class token attends to each patch, on the patch grid (one head, or their mean)."""
    heads = attention.shape[0]
    if head is not None and not 0 <= head < heads:
        raise LayerError(f"head {head} does not exist; this layer has heads 0-{heads - 1}")
    row = attention[head, 0, prefix:] if head is not None else attention[:, 0, prefix:].mean(0)
    return unit_range(row.reshape(grid).numpy())


def rollout(attentions: Sequence[torch.Tensor], prefix: int, grid: tuple[int, int],
            head_fusion: HeadFusion = "mean", discard_ratio: float = 0.0) -> np.ndarray:
    """Attention rollout (Abnar & Zuidema 2020) on the patch grid, scaled to [0, 1].

    Per layer: fuse the heads (mean by default), optionally zero the weakest ``discard_ratio`` of the
    entries (never the class token's own), add the identity for the residual path (0.5 A + 0.5 I),
    renormalise the rows, and multiply the layers from first to last; the class token's row over the
    patch tokens is the map.
    """
    if head_fusion not in ("mean", "max", "min"):
        raise OptionError(f"head fusion must be mean, max or min, not {head_fusion!r}")
    if not 0.0 <= discard_ratio < 1.0:
        raise OptionError(f"discard ratio must be at least 0 and below 1, not {discard_ratio}")
    tokens = attentions[0].shape[-1]
    eye = torch.eye(tokens)
    layers = []
    for attention in attentions:
        fused = getattr(attention.float(), head_fusion)(dim=0)
        fused = fused.values if head_fusion != "mean" else fused
        if discard_ratio > 0:
            flat = fused.flatten()  # a view: zeroing it zeroes ``fused``
            weakest = flat.topk(int(flat.numel() * discard_ratio), largest=False).indices
            flat[weakest[weakest != 0]] = 0
        layer = fused.mul_(0.5).add_(eye, alpha=0.5)
        layers.append(layer.div_(layer.sum(dim=-1, keepdim=True)))
    # The rollout is A_L ... A_2 A_1; only its class-token row is needed, so multiply that row through
    # the layers from the last to the first: the same product, in vector-matrix steps.
    row = eye[0]
    for layer in reversed(layers):
        row = row @ layer
    return unit_range(row[prefix:].reshape(grid).numpy())


def grid_of(module: torch.nn.Module, attention: torch.Tensor) -> tuple[int, tuple[int, int]]:
    return token_grid(module, attention.shape[-1])
