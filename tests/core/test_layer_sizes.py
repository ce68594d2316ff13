"""Layer output sizes for the layer lists, the sanity check's two maps, and the methods' honest flags."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from vislab.core.analyses import Choices, Request, run_analysis
from vislab.core.explain import METHODS, get_method, map_similarity, sanity_check
from vislab.core.features import layer_label, layer_shapes, size_text, spatial_layers, spatial_shapes
from vislab.core.images import read_image
from vislab.core.loading import load_model


@pytest.fixture(scope="module")
def resnet():
    return load_model("torchvision/resnet18", pretrained=False, device="cpu", fast_path=False)


@pytest.fixture(scope="module")
def vit():
    return load_model("vit_tiny_patch16_224", pretrained=False, device="cpu", fast_path=False)


def _hooked_shapes(model, names):
    """Each layer's output shape from forward hooks of our own: the independent computation."""
    seen = {}

    def hook(name):
        def keep(_module, _inputs, out) -> None:
            seen.setdefault(name, tuple(out.shape))

        return keep

    handles = [model.module.get_submodule(n).register_forward_hook(hook(n)) for n in names]
    with torch.no_grad():
        model.module(torch.zeros(1, 3, *model.pipeline.crop))
    for handle in handles:
        handle.remove()
    return seen


def test_a_resnets_layer_sizes_match_its_own_hooks(resnet):
    shapes = spatial_shapes(resnet)
    assert list(shapes) == spatial_layers(resnet)
    assert {"conv1", "layer1.0", "layer4.1"} <= set(shapes)
    direct = _hooked_shapes(resnet, list(shapes))
    for name, (height, width, channels) in shapes.items():
        _batch, c, h, w = direct[name]
        assert (h, w, c) == (height, width, channels), name
    assert shapes["layer4.1"] == (7, 7, 512) and shapes["conv1"] == (112, 112, 64)
    assert layer_label("layer4.1", shapes) == "layer4.1 · 7x7x512"
    assert layer_label("nowhere", shapes) == "nowhere" and size_text((14, 14, 192)) == "14x14x192"


def test_sizes_are_measured_once_per_model(resnet, monkeypatch):
    spatial_shapes(resnet)
    calls = []
    monkeypatch.setattr(resnet.module, "forward", lambda *a: calls.append(a))
    assert spatial_shapes(resnet)["layer4.1"] == (7, 7, 512) and calls == []  # memoised: no second forward


def test_a_vits_token_layers_are_laid_out_on_the_patch_grid(vit):
    from vislab.core.explain.attention import attention_layers

    shapes = layer_shapes(vit, attention_layers(vit.module))
    assert shapes["blocks.11.attn"] == (14, 14, 192)  # 197 tokens less the class token, 192 wide
    assert spatial_shapes(vit)["blocks.11"] == (14, 14, 192)


def test_the_explain_and_features_answers_carry_the_sizes(lite0, cat):
    request = Request(0, read_image(cat), Choices(method="gradcam"))
    explained = run_analysis("explain", request)
    assert explained.layer_sizes[lite0.spec.target_layer] == spatial_shapes(lite0)[lite0.spec.target_layer]
    assert set(explained.layers) == set(explained.layer_sizes)
    assert len(explained.labels) == 1000 and explained.labels[281] == lite0.labels[281]
    features = run_analysis("features", request)
    assert features.layer_sizes == explained.layer_sizes
    assert len(features.cells) == 16 and len(features.cell_channels) == 16
    assert features.cells[0].shape == (96, 96, 3)


def _spearman(a, b):
    """Rank correlation by hand (no ties in these float maps)."""
    ra, rb = (np.argsort(np.argsort(x.ravel())).astype(float) for x in (a, b))
    return float(np.corrcoef(ra, rb)[0, 1])


def test_the_sanity_check_explains_the_same_class_on_both_models(lite0, cat):
    photo = read_image(cat)
    check = sanity_check(lite0, photo, "gradcam", target=285)
    assert check.trained.target == check.randomized.target == 285
    assert check.trained.heatmap.shape == check.randomized.heatmap.shape
    a, b = check.trained.heatmap, check.randomized.heatmap
    if len(np.unique(a)) == a.size and len(np.unique(b)) == b.size:
        assert check.similarity == pytest.approx(_spearman(a, b), abs=1e-6)
    assert -1.0 <= check.similarity < 0.9  # a randomised model gives a different map
    assert map_similarity(a, a) == pytest.approx(1.0)
    top1 = sanity_check(lite0, photo, "gradcam")
    assert top1.randomized.target == top1.trained.target == int(top1.trained.probabilities.argmax())


def test_the_randomised_answer_carries_the_trained_map(lite0, cat):
    answer = run_analysis("explain", Request(0, read_image(cat), Choices(randomized=True)))
    assert answer.trained is not None and answer.similarity is not None
    assert answer.trained.target == answer.explanation.target
    plain = run_analysis("explain", Request(0, read_image(cat), Choices()))
    assert plain.trained is None and plain.similarity is None


def test_methods_say_which_ignore_the_layer_or_the_class():
    assert {m.id for m in METHODS if not m.uses_layer} == {"rollout", "occlusion"}
    assert {m.id for m in METHODS if m.class_agnostic} == {"eigencam", "attention", "rollout"}
    assert get_method("gradcam").class_agnostic is False


def test_an_explanation_says_whether_its_map_depends_on_the_class(lite0, cat):
    from vislab.core.explain import explain

    photo = read_image(cat)
    assert explain(lite0, photo, "eigencam").class_specific is False
    assert explain(lite0, photo, "gradcam").class_specific is True
