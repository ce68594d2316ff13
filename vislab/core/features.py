"""Feature maps layer by layer, and the filters of the first layer, as image grids.

"The first layers see edges and colours, later ones shapes and parts": these are the pictures for it.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import torch

from .errors import VislabError
from .explain.layers import LayerError, get_layer, spatial_reshape
from .heatmaps import colorize, unit_range
from .montage import tile


@dataclass(frozen=True)
class FeatureMaps:
    """A layer's activations for one image, strongest channel first.

    Attributes:
        layer: the module name.
        maps: float32 ``C x h x w``, sorted by :attr:`strength`, strongest first.
        channels: the original channel index of each map.
        strength: mean absolute activation of each map.
    """

    layer: str
    maps: np.ndarray
    channels: np.ndarray
    strength: np.ndarray


def spatial_layers(model) -> list[str]:
    """Layers worth showing in a feature-map picker, input to output: the model's top-level layers, with
    containers (``blocks``, ``features``, ``layer4``...) opened one level, plus its default CAM layer;
    only those that run when the model classifies and give a spatial map (checked once per model)."""
    return list(spatial_shapes(model))


def spatial_shapes(model) -> dict[str, tuple[int, int, int]]:
    """:func:`spatial_layers` with each layer's output size as a map, ``(height, width, channels)``, from
    one probe forward pass with hooks (once per model)."""
    return model.memo("spatial-layers", lambda: layer_shapes(model, _candidate_layers(model)))


def layer_shapes(model, names) -> dict[str, tuple[int, int, int]]:
    """The output size of each layer in ``names`` laid out as a map, ``(height, width, channels)``, from one
    forward pass of the model's input size with hooks; layers that do not run, or whose output is no map,
    are left out. Input order is kept."""
    return _probe(model, list(names))


def size_text(shape: tuple[int, int, int]) -> str:
    """A layer's output size as the layer lists show it: ``7x7x512`` (height x width x channels)."""
    return "x".join(str(v) for v in shape)


def layer_label(name: str, shapes: dict[str, tuple[int, int, int]]) -> str:
    """``layer4 · 7x7x512``: a layer's name with its output size, when known."""
    return f"{name} · {size_text(shapes[name])}" if name in shapes else name


def _candidate_layers(model) -> list[str]:
    containers = (torch.nn.Sequential, torch.nn.ModuleList, torch.nn.ModuleDict)
    spatial = (torch.nn.Conv2d, torch.nn.BatchNorm2d, torch.nn.LayerNorm)
    head = model.spec.classifier.split(".")[0]
    wanted = {model.spec.target_layer}
    for name, module in model.module.named_children():
        if name == head:
            continue
        children = [f"{name}.{child}" for child, _ in module.named_children()]
        wanted.update(children if isinstance(module, containers) and children else [name])
    return [name for name, module in model.module.named_modules()
            if name in wanted and any(isinstance(m, spatial) for m in module.modules())]


def _probe(model, names: list[str]) -> dict[str, tuple[int, int, int]]:
    """The layers among ``names`` that run on an input and whose output lays out as a map, with its size."""
    shapes: dict[str, tuple[int, int, int]] = {}
    handles = []

    def keep(name, module):
        reshape = spatial_reshape(model.module, module)

        def hook(_m, _i, out) -> None:
            try:
                laid_out = reshape(out)
            except VislabError:
                return
            if laid_out.ndim == 4 and name not in shapes:
                _, channels, height, width = laid_out.shape
                shapes[name] = (int(height), int(width), int(channels))

        return hook

    h, w = model.pipeline.crop
    with model.lock, torch.inference_mode():
        for name in names:
            module = model.module.get_submodule(name)
            handles.append(module.register_forward_hook(keep(name, module)))
        try:
            model.module(torch.zeros(1, 3, h, w, device=model.device))
        finally:
            for handle in handles:
                handle.remove()
    return {n: shapes[n] for n in names if n in shapes}


def feature_maps(model, image: np.ndarray, layer: str) -> FeatureMaps:
    """The activations of ``layer`` (a module name) for ``image``, as channel maps, strongest first."""
    module = get_layer(model.module, layer, model.spec.name)
    reshape = spatial_reshape(model.module, module)
    captured: list[torch.Tensor] = []
    tensor = model.pipeline(image)[None].to(model.device)
    with model.lock, torch.inference_mode():  # the hook inside the lock: it must see only this forward
        handle = module.register_forward_hook(lambda _m, _i, out: captured.append(reshape(out).detach()))
        try:
            model.module(tensor)
        finally:
            handle.remove()
    if not captured:
        raise LayerError(f"{model.spec.name}'s layer {layer!r} does not run when the model classifies "
                         "(it is only used in training)")
    maps = captured[0][0].float().cpu().numpy()
    strength = np.abs(maps).mean(axis=(1, 2))
    order = np.argsort(-strength, kind="stable")
    return FeatureMaps(layer, maps[order], order, strength[order])


def first_conv(model) -> tuple[str, torch.Tensor]:
    """The first convolution (a ViT's patch embedding is one) and its weights ``out x in x k x k``."""
    for name, module in model.module.named_modules():
        if isinstance(module, torch.nn.Conv2d) and module.in_channels == 3:
            return name, module.weight.detach().float().cpu()
    raise VislabError(f"{model.spec.name} has no convolution on the RGB input")


def feature_cells(features: FeatureMaps, count: int = 16, cell: int = 96,
                  colormap: str = "viridis") -> list[np.ndarray]:
    """The ``count`` strongest channels, each scaled to its own range, as RGB pictures ``cell`` pixels
    square (nearest-neighbour: one block per activation)."""
    cells = []
    for fmap in features.maps[:count]:
        big = cv2.resize(unit_range(fmap), (cell, cell), interpolation=cv2.INTER_NEAREST)
        cells.append(colorize(big, colormap))
    return cells


def feature_grid(features: FeatureMaps, count: int = 16, columns: int = 4, cell: int = 96,
                 colormap: str = "viridis") -> np.ndarray:
    """The ``count`` strongest channels, each scaled to its own range, as one RGB grid image."""
    return tile(feature_cells(features, count, cell, colormap), columns)


def filter_grid(weights: torch.Tensor, count: int = 64, columns: int = 8, cell: int = 48) -> np.ndarray:
    """First-layer filters as RGB pictures, each scaled symmetrically around zero (grey is 0)."""
    cells = []
    for kernel in weights[:count].numpy():
        peak = float(np.abs(kernel).max()) or 1.0
        rgb = ((kernel.transpose(1, 2, 0) / peak) * 0.5 + 0.5).clip(0, 1)
        cells.append(cv2.resize((rgb * 255).round().astype(np.uint8), (cell, cell),
                                interpolation=cv2.INTER_NEAREST))
    return tile(cells, columns)
