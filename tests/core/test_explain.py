"""Explanations: each method on real and random models, checked against independent computations."""

from __future__ import annotations

import threading

import cv2
import numpy as np
import pytest
import timm
import torch

from vislab.core.catalog import get_spec, list_models
from vislab.core.errors import VislabError
from vislab.core.explain import (
    METHODS,
    ExplanationCancelled,
    LayerError,
    MethodNotApplicableError,
    explain,
    methods_for,
    methods_for_spec,
)
from vislab.core.explain.attention import rollout
from vislab.core.explain.layers import spatial_reshape, token_grid
from vislab.core.explain.patches import patch_attention, patch_grid
from vislab.core.images import read_image
from vislab.core.loading import load_model

TABBY, SPORTS_CAR = 281, 817
CAM_METHODS = ["gradcam", "gradcam++", "eigencam", "layercam"]


@pytest.fixture(scope="module")
def chelsea(cat):
    return read_image(cat)


@pytest.fixture(scope="module")
def vit():
    torch.manual_seed(0)  # random weights, the same on every run
    return load_model("vit_tiny_patch16_224", pretrained=False, device="cpu")


@pytest.fixture(scope="module")
def swin():
    torch.manual_seed(0)
    return load_model("swin_tiny_patch4_window7_224", pretrained=False, device="cpu")


def _is_heatmap(heatmap: np.ndarray, size: int = 224) -> None:
    assert heatmap.shape == (size, size) and heatmap.dtype == np.float32
    assert heatmap.min() >= 0.0 and heatmap.max() <= 1.0 and heatmap.max() > 0.99


@pytest.mark.parametrize("method", CAM_METHODS)
def test_cam_methods_light_up_the_cat(lite0, chelsea, method):
    result = explain(lite0, chelsea, method)
    _is_heatmap(result.heatmap)
    assert result.layer == "bn2" and result.target == TABBY and result.target_label == "tabby, tabby cat"
    assert result.view.shape == (224, 224, 3)
    # The face fills the middle of the crop; the top corners are background and ear tips.
    centre = result.heatmap[60:200, 50:175].mean()
    corners = np.concatenate([result.heatmap[:40, :40].ravel(), result.heatmap[:40, -40:].ravel()]).mean()
    assert centre > 2 * corners


def _independent_gradcam(model, image, target: int, layer: str) -> np.ndarray:
    """Grad-CAM from the paper's equations: alpha_k = mean over positions of dy_c / dA_k,
    L = ReLU(sum_k alpha_k A_k), bilinear to the input size, scaled to [0, 1]."""
    tensor = model.pipeline(image)[None].requires_grad_(True)
    saved = {}
    module = model.module.get_submodule(layer)
    handle = module.register_forward_hook(lambda _m, _i, out: saved.update(a=out))
    try:
        with torch.enable_grad():
            logits = model.module(tensor)
            activation = saved["a"]
            (grad,) = torch.autograd.grad(logits[0, target], activation)
    finally:
        handle.remove()
    alpha = grad[0].mean(dim=(1, 2))
    cam = torch.relu((alpha[:, None, None] * activation[0]).sum(0)).detach().numpy()
    cam = cv2.resize(cam, (224, 224))
    cam = cam - cam.min()
    return cam / (cam.max() + 1e-7)


@pytest.mark.parametrize("target", [TABBY, SPORTS_CAR])
def test_gradcam_matches_the_paper(lite0, chelsea, target):
    result = explain(lite0, chelsea, "gradcam", target=target)
    assert result.target == target
    expected = _independent_gradcam(lite0, chelsea, target, "bn2")
    assert np.allclose(result.heatmap, expected, atol=1e-4)


def test_any_class_can_be_the_target(lite0, chelsea):
    cat = explain(lite0, chelsea, "gradcam", target=TABBY)
    car = explain(lite0, chelsea, "gradcam", target=SPORTS_CAR)
    assert car.target_label == "sports car, sport car"
    assert np.corrcoef(cat.heatmap.ravel(), car.heatmap.ravel())[0, 1] < 0.9
    assert cat.probabilities[TABBY] == pytest.approx(car.probabilities[TABBY], abs=1e-5)
    with pytest.raises(VislabError, match="target class 1000 does not exist"):
        explain(lite0, chelsea, "gradcam", target=1000)


def test_layer_can_be_overridden(lite0, chelsea):
    result = explain(lite0, chelsea, "gradcam", layer="blocks.5")
    assert result.layer == "blocks.5"
    expected = _independent_gradcam(lite0, chelsea, result.target, "blocks.5")
    assert np.allclose(result.heatmap, expected, atol=1e-4)
    with pytest.raises(LayerError, match=r"EfficientNet-Lite0 has no layer 'blocks.55'; did you mean"):
        explain(lite0, chelsea, "gradcam", layer="blocks.55")


def test_scorecam_reports_progress_and_can_be_cancelled(lite0, chelsea):
    seen: list[tuple[int, int]] = []
    result = explain(lite0, chelsea, "scorecam", layer="blocks.2.0.bn1", progress=lambda d, t: seen.append((d, t)))
    _is_heatmap(result.heatmap)
    assert seen[-1] == (144, 144) and len(seen) == 5  # 144 channels, 32 masked images a pass
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExplanationCancelled):
        explain(lite0, chelsea, "scorecam", layer="blocks.2.0.bn1", cancel=cancel)


def test_randomised_weights_change_the_map(lite0, chelsea):
    """Adebayo et al. 2018: a map that survives randomising the weights explains nothing about them."""
    trained = explain(lite0, chelsea, "gradcam", target=TABBY)
    random = explain(lite0.randomized(), chelsea, "gradcam", target=TABBY)
    assert random.model_id == trained.model_id and random.target == TABBY
    assert np.corrcoef(trained.heatmap.ravel(), random.heatmap.ravel())[0, 1] < 0.5
    assert lite0.randomized() is lite0.randomized()
    assert lite0.classify(chelsea, 1)[0].index == TABBY  # the trained model is untouched


@pytest.mark.parametrize("method", [m.id for m in METHODS if m.id != "scorecam"])
def test_every_method_runs_on_a_vit(vit, chelsea, method):
    result = explain(vit, chelsea, method)
    assert result.heatmap.shape == (224, 224) and 0.0 <= result.heatmap.min() <= result.heatmap.max() <= 1.0
    assert result.heatmap.max() > 0.9


@pytest.mark.parametrize("method", CAM_METHODS)
def test_cam_methods_run_on_swin_channels_last(swin, chelsea, method):
    result = explain(swin, chelsea, method)
    assert result.layer == "layers.3.blocks.1.norm1"
    _is_heatmap(result.heatmap)


def test_attention_methods_name_the_ones_that_apply(lite0, swin, vit, chelsea):
    with pytest.raises(MethodNotApplicableError, match=r"Methods for EfficientNet-Lite0: gradcam, gradcam\+\+"):
        explain(lite0, chelsea, "rollout")
    with pytest.raises(MethodNotApplicableError, match="Swin-T"):
        explain(swin, chelsea, "attention")
    assert methods_for(lite0.module)[0].id == "gradcam"
    assert [m.id for m in methods_for_spec(swin.spec)] == [m.id for m in methods_for(swin.module)]
    assert [m.id for m in methods_for_spec(vit.spec)][:2] == ["rollout", "attention"]


def _independent_attention(vit, image) -> list[torch.Tensor]:
    """Each block's attention probabilities recomputed from its qkv projection: softmax(q k^T / sqrt(d))."""
    inputs: list[torch.Tensor] = []
    handles = [block.attn.register_forward_pre_hook(lambda _m, args: inputs.append(args[0]))
               for block in vit.module.blocks]
    try:
        with torch.no_grad():
            vit.module(vit.pipeline(image)[None])
    finally:
        for h in handles:
            h.remove()
    maps = []
    for block, x in zip(vit.module.blocks, inputs, strict=True):
        attn = block.attn
        b, n, c = x.shape
        qkv = attn.qkv(x).reshape(b, n, 3, attn.num_heads, c // attn.num_heads).permute(2, 0, 3, 1, 4)
        q, k = qkv[0], qkv[1]
        maps.append(((q @ k.transpose(-2, -1)) * (c // attn.num_heads) ** -0.5).softmax(-1)[0])
    return maps


def _independent_rollout(maps: list[torch.Tensor]) -> np.ndarray:
    """Abnar & Zuidema: average heads, 0.5 A + 0.5 I, rows to 1, product first to last, CLS row."""
    result = np.eye(maps[0].shape[-1])
    for attention in maps:
        a = attention.double().numpy().mean(0)
        a = 0.5 * a + 0.5 * np.eye(a.shape[0])
        a = a / a.sum(-1, keepdims=True)
        result = a @ result
    mask = result[0, 1:].reshape(14, 14)
    return (mask - mask.min()) / (mask.max() - mask.min())


def test_rollout_matches_an_independent_computation(vit, chelsea):
    result = explain(vit, chelsea, "rollout")
    assert result.layer == "blocks"
    expected = cv2.resize(_independent_rollout(_independent_attention(vit, chelsea)).astype(np.float32),
                          (224, 224), interpolation=cv2.INTER_LINEAR)
    assert np.allclose(result.heatmap, np.clip(expected, 0, 1), atol=1e-4)


def test_raw_attention_of_a_layer_and_head(vit, chelsea):
    maps = _independent_attention(vit, chelsea)
    result = explain(vit, chelsea, "attention", layer="blocks.4", head=2)
    assert result.layer == "blocks.4.attn" and result.head == 2
    row = maps[4][2, 0, 1:].reshape(14, 14).numpy()
    row = (row - row.min()) / (row.max() - row.min())
    expected = np.clip(cv2.resize(row.astype(np.float32), (224, 224), interpolation=cv2.INTER_LINEAR), 0, 1)
    assert np.allclose(result.heatmap, expected, atol=1e-4)
    assert explain(vit, chelsea, "attention", layer="4").layer == "blocks.4.attn"
    with pytest.raises(LayerError, match=r"head 3 does not exist; this layer has heads 0-2"):
        explain(vit, chelsea, "attention", head=3)
    with pytest.raises(LayerError, match=r"no attention layer 'blocks.40'"):
        explain(vit, chelsea, "attention", layer="blocks.40")


def test_rollout_options():
    torch.manual_seed(0)
    maps = [torch.rand(3, 5, 5).softmax(-1) for _ in range(2)]
    mean = rollout(maps, 1, (2, 2))
    assert mean.shape == (2, 2) and mean.min() == 0.0 and mean.max() == 1.0
    assert not np.allclose(rollout(maps, 1, (2, 2), head_fusion="max"), mean)
    assert not np.allclose(rollout(maps, 1, (2, 2), discard_ratio=0.5), mean)
    with pytest.raises(ValueError, match="head fusion"):
        rollout(maps, 1, (2, 2), head_fusion="median")


def test_prefix_tokens_and_grid_come_from_the_model():
    from timm.models.vision_transformer import VisionTransformer

    model = VisionTransformer(img_size=(64, 96), patch_size=16, embed_dim=32, depth=1, num_heads=2, reg_tokens=4,
                              num_classes=10).eval()
    assert token_grid(model, 5 + 4 * 6) == (5, (4, 6))
    tokens = torch.arange(29 * 32, dtype=torch.float32).reshape(1, 29, 32)
    grid = spatial_reshape(model, model.blocks[0].norm1)(tokens)
    assert grid.shape == (1, 32, 4, 6)
    assert torch.equal(grid[0, :, 0, 1], tokens[0, 6])  # the first patch after 5 prefix tokens, one step right


# --- the patch view ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("model_id", [s.id for s in list_models() if s.class_token])
def test_patch_view_token_count_per_model(model_id):
    """N = HW / P^2 + the class token, for every class-token model in the catalog, from the built model."""
    spec = get_spec(model_id)
    with torch.device("meta"):  # the layout needs the architecture, not its weights
        module = timm.create_model(spec.arch, pretrained=False)
    layout = patch_grid(module)
    patch = int(spec.arch.split("patch")[1].split("_")[0])  # "vit_base_patch32_224" -> 32
    assert layout.patch == (patch, patch) and layout.crop == (spec.input_size, spec.input_size)
    assert layout.tokens == (spec.input_size // patch) ** 2 + 1


def test_a_patch_attends_as_an_independent_computation_says(vit, chelsea):
    maps = _independent_attention(vit, chelsea)
    patches = patch_attention(vit, chelsea)
    assert patches.layout.tokens == 197 == patches.attentions[0].shape[-1]
    assert patches.layers == tuple(f"blocks.{i}.attn" for i in range(12)) and patches.heads == 3
    assert patches.view.shape == (224, 224, 3)
    row, column = patches.layout.patch_at(0.99, 0.5)  # the middle of the right edge
    assert (row, column) == (7, 13)
    query = 1 + row * 14 + column
    one_head = patches.of_patch((row, column), layer=4, head=2)
    assert np.allclose(one_head, maps[4][2, query, 1:].reshape(14, 14).numpy(), atol=1e-5)
    mean = patches.of_patch((row, column))
    assert np.allclose(mean, maps[-1][:, query, 1:].mean(0).reshape(14, 14).numpy(), atol=1e-5)
    assert mean.sum() + patches.to_prefix((row, column)) == pytest.approx(1.0, abs=1e-4)
    with pytest.raises(VislabError, match=r"head 3 does not exist"):
        patches.of_patch((0, 0), head=3)
    with pytest.raises(VislabError, match=r"patch \(14, 0\) is outside the 14 x 14 grid"):
        patches.of_patch((14, 0))


def test_the_patch_view_is_for_vits(lite0, swin, chelsea):
    for model in (lite0, swin):
        with pytest.raises(LayerError, match="the patch view is for ViT-style models"):
            patch_attention(model, chelsea)


@pytest.mark.parametrize(("model_id", "layer"), [("torchvision/densenet121", None), ("torchvision/resnet18", "bn1"),
                                                 ("torchvision/resnet18", "layer4.1.bn2")])
def test_gradcam_on_a_layer_followed_by_an_in_place_op(chelsea, model_id, layer):
    """DenseNet's default layer and ResNet's batch norms feed ReLU(inplace=True) or a residual +=."""
    torch.manual_seed(0)
    model = load_model(model_id, pretrained=False, device="cpu")
    result = explain(model, chelsea, "gradcam", layer=layer)
    assert result.heatmap.shape == (224, 224) and np.isfinite(result.heatmap).all()
