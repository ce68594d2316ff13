"""A ViT's patches: "an image is worth 16x16 words".

The crop the model sees is cut into a grid of ``P x P`` patches; each becomes a token, and the class
token (plus any distillation or register tokens) is put in front: ``N = HW / P^2 + prefix`` tokens. Every
attention layer holds, for each head, how much each token attends to every other. :func:`patch_attention`
computes all of them once per image; :meth:`PatchAttention.of_patch` then answers "where does this patch
look?" for any patch, layer and head without running the model again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import OptionError
from .attention import attention_layers, extract_attention, supports_cls_attention
from .layers import LayerError, token_grid


@dataclass(frozen=True)
class PatchGrid:
    """How a model cuts its input into tokens.

    Attributes:
        crop: the input's (height, width) in pixels.
        patch: a patch's (height, width) in pixels.
        grid: the patch grid, (rows, columns).
        prefix: tokens before the patches (the class token, distillation or register tokens).
    """

    crop: tuple[int, int]
    patch: tuple[int, int]
    grid: tuple[int, int]
    prefix: int

    @property
    def patches(self) -> int:
        return self.grid[0] * self.grid[1]

    @property
    def tokens(self) -> int:
        """N = HW / P^2 + prefix tokens."""
        return self.patches + self.prefix

    def patch_at(self, x: float, y: float) -> tuple[int, int]:
        """The (row, column) of the patch under a point given as fractions of the crop's width and height."""
        row = min(self.grid[0] - 1, max(0, int(y * self.grid[0])))
        column = min(self.grid[1] - 1, max(0, int(x * self.grid[1])))
        return row, column


def patch_grid(module) -> PatchGrid:
    """The token layout of a ViT-style timm model (from its ``patch_embed``, never from constants)."""
    embed = getattr(module, "patch_embed", None)
    if embed is None or not hasattr(embed, "grid_size"):
        raise LayerError("this model does not cut its input into patch tokens")
    rows, columns = (int(v) for v in embed.grid_size)
    patch = tuple(int(v) for v in embed.patch_size)
    prefix, _ = token_grid(module, rows * columns + int(getattr(module, "num_prefix_tokens", 0) or 0))
    return PatchGrid((rows * patch[0], columns * patch[1]), patch, (rows, columns), prefix)


@dataclass(frozen=True)
class PatchAttention:
    """Every layer's attention for one image.

    Attributes:
        layout: the token layout.
        layers: the attention layers' names, first to last.
        attentions: per layer, an array ``heads x N x N`` of attention probabilities (rows sum to 1:
            row ``i`` is how token ``i`` spreads its attention).
        view: the crop the model saw (uint8 RGB).
    """

    layout: PatchGrid
    layers: tuple[str, ...]
    attentions: tuple[np.ndarray, ...]
    view: np.ndarray

    @property
    def heads(self) -> int:
        return int(self.attentions[0].shape[0])

    def of_patch(self, patch: tuple[int, int], layer: int = -1, head: int | None = None) -> np.ndarray:
        """How much the patch at (row, column) attends to every patch, on the patch grid (probabilities of
        one head, or the mean over heads; the share it gives the prefix tokens is left out)."""
        rows, columns = self.layout.grid
        row, column = patch
        if not (0 <= row < rows and 0 <= column < columns):
            raise OptionError(f"patch ({row}, {column}) is outside the {rows} x {columns} grid")
        if not -len(self.layers) <= layer < len(self.layers):
            raise OptionError(f"layer {layer} does not exist; this model has layers 0-{len(self.layers) - 1}")
        attention = self.attentions[layer]
        if head is not None and not 0 <= head < self.heads:
            raise OptionError(f"head {head} does not exist; this layer has heads 0-{self.heads - 1}")
        query = self.layout.prefix + row * columns + column
        weights = attention[head, query] if head is not None else attention[:, query].mean(0)
        return weights[self.layout.prefix:].reshape(rows, columns)

    def to_prefix(self, patch: tuple[int, int], layer: int = -1, head: int | None = None) -> float:
        """The share of the patch's attention that goes to the class (and other prefix) tokens."""
        columns = self.layout.grid[1]
        attention = self.attentions[layer]
        query = self.layout.prefix + patch[0] * columns + patch[1]
        weights = attention[head, query] if head is not None else attention[:, query].mean(0)
        return float(weights[:self.layout.prefix].sum())


def patch_attention(model, image: np.ndarray) -> PatchAttention:
    """All attention layers of a ViT-style ``model`` (a :class:`~vislab.core.model.LoadedModel`) on
    an RGB uint8 ``image``, from one forward pass."""
    module = model.module
    if not supports_cls_attention(module):
        raise LayerError(f"{model.spec.name} has no global attention between patch tokens; "
                         "the patch view is for ViT-style models")
    view = model.pipeline.cropped(image)
    attentions, _ = extract_attention(model, model.pipeline.to_tensor(view).unsqueeze(0))
    return PatchAttention(patch_grid(module), attention_layers(module),
                          tuple(a.numpy() for a in attentions), view)
