"""Overlays, maps on the original photo, feature maps and first-layer filters."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
import torch

from vislab.core.explain import explain
from vislab.core.features import feature_grid, feature_maps, filter_grid, first_conv, spatial_layers
from vislab.core.heatmaps import colorize, on_original, overlay
from vislab.core.images import read_image
from vislab.core.loading import load_model


def test_colorize_uses_the_matplotlib_colormap():
    heat = np.array([[0.0, 0.5, 1.0]], np.float32)
    expected = (matplotlib.colormaps["inferno"](np.array([0, 128, 255]) / 255)[:, :3] * 255).round()
    assert np.array_equal(colorize(heat, "inferno")[0], expected.astype(np.uint8))
    with pytest.raises(ValueError, match="unknown colormap 'nope'"):
        colorize(heat, "nope")


def test_overlay_alpha_blends():
    image = np.full((4, 4, 3), 100, np.uint8)
    heat = np.ones((2, 2), np.float32)
    assert np.array_equal(overlay(image, heat, alpha=0.0), image)
    assert np.array_equal(overlay(image, heat, alpha=1.0), colorize(np.ones((4, 4)), "jet"))
    half = overlay(image, heat, alpha=0.5)
    assert np.abs(half.astype(int) - (image.astype(int) + colorize(np.ones((4, 4)))) / 2).max() <= 1
    with pytest.raises(ValueError, match="alpha"):
        overlay(image, heat, alpha=1.5)


def test_heatmap_on_the_original_photo(lite0, cat):
    photo = read_image(cat)  # 300 x 451; the model saw a 256 -> 224 centre crop
    result = explain(lite0, photo, "gradcam")
    box = lite0.pipeline.crop_box(*photo.shape[:2])
    mapped = on_original(photo, result.heatmap, box, alpha=0.5, outside=0.35)
    assert mapped.shape == photo.shape
    left, top, right, bottom = (round(v) for v in box)
    assert (left, top, right, bottom) == (94, 19, 357, 281)  # 300 px -> 256, a 224 crop: 262.5 px of photo
    assert np.abs(mapped[:, :left].astype(int) - photo[:, :left] * 0.35).max() <= 0.5 + 1e-6
    inside = overlay(photo[top:bottom, left:right], result.heatmap, 0.5)
    assert np.array_equal(mapped[top:bottom, left:right], inside)


def test_feature_maps_are_the_layer_output_strongest_first(lite0, cat):
    image = read_image(cat)
    maps = feature_maps(lite0, image, "blocks.2")
    captured = {}
    handle = lite0.module.blocks[2].register_forward_hook(lambda _m, _i, out: captured.update(out=out))
    with torch.no_grad():
        lite0.module(lite0.pipeline(image)[None])
    handle.remove()
    direct = captured["out"][0].numpy()
    assert maps.maps.shape == direct.shape == (40, 28, 28)
    assert np.allclose(maps.maps, direct[maps.channels], atol=1e-5)
    assert np.all(np.diff(maps.strength) <= 0)
    assert np.isclose(maps.strength[0], np.abs(direct).mean(axis=(1, 2)).max())
    grid = feature_grid(maps, count=16, columns=4, cell=32)
    assert grid.shape == (4 * 34 + 2, 4 * 34 + 2, 3)


def test_vit_feature_maps_sit_on_the_patch_grid(cat):
    vit = load_model("vit_tiny_patch16_224", pretrained=False, device="cpu")
    maps = feature_maps(vit, read_image(cat), "blocks.3")
    assert maps.maps.shape == (192, 14, 14)
    assert "blocks.11" in spatial_layers(vit) and "blocks" not in spatial_layers(vit)


def test_a_thin_photo_still_maps(lite0):
    photo = np.full((1, 600, 3), 90, np.uint8)
    box = lite0.pipeline.crop_box(1, 600)
    assert on_original(photo, np.ones((224, 224), np.float32), box).shape == (1, 600, 3)


def test_patch_embedding_and_training_only_layers(cat):
    from vislab.core.explain import LayerError

    torch.manual_seed(0)
    vit = load_model("vit_tiny_patch16_224", pretrained=False, device="cpu")
    image = read_image(cat)
    assert feature_maps(vit, image, "patch_embed").maps.shape == (192, 14, 14)  # before the class token
    with pytest.raises(LayerError, match="does not run when the model classifies"):
        feature_maps(vit, image, "blocks.0.attn.attn_drop")
    with pytest.raises(LayerError, match="does not run when the model classifies"):
        explain(vit, image, "gradcam", layer="blocks.0.attn.attn_drop")
    inception = load_model("torchvision/inception_v3", pretrained=False, device="cpu")
    layers = spatial_layers(inception)
    assert "Mixed_7c" in layers and "AuxLogits" not in layers


def test_first_layer_filters(lite0):
    name, weights = first_conv(lite0)
    assert name == "conv_stem" and tuple(weights.shape) == (32, 3, 3, 3)
    grid = filter_grid(weights, count=32, columns=8, cell=24)
    assert grid.shape == (4 * 26 + 2, 8 * 26 + 2, 3)
    assert spatial_layers(lite0)[:2] == ["conv_stem", "bn1"]


def test_feature_maps_and_explanations_can_run_at_once(lite0, cat):
    """The window runs them on two workers over one model: neither may see the other's forward pass."""
    import threading

    image = read_image(cat)
    errors: list[BaseException] = []

    def repeat(fn) -> None:
        try:
            for _ in range(4):
                fn()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=repeat, args=(lambda: explain(lite0, image, "gradcam"),)),
               threading.Thread(target=repeat, args=(lambda: feature_maps(lite0, image, "bn2"),))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
