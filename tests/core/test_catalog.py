"""The catalog's figures agree with the libraries, and every entry builds."""

from __future__ import annotations

import pytest
import torch

from vislab.core.catalog import DEFAULT_MODEL, MODELS, ModelSpec, get_spec, list_models
from vislab.core.errors import UnknownModelError
from vislab.core.libraries import architecture, library
from vislab.core.registry import Registry

COURSE = ["torchvision/alexnet", "torchvision/vgg16", "torchvision/resnet18", "torchvision/resnet50",
          "torchvision/resnet101", "torchvision/inception_v3", "torchvision/densenet121",
          "torchvision/mobilenet_v3_large", "torchvision/efficientnet_b0", "efficientnet_lite0",
          "convnext_tiny", "vit_base_patch16_224", "vit_base_patch32_224", "vit_tiny_patch16_224",
          "deit_small_patch16_224", "swin_tiny_patch4_window7_224", "focalnet_tiny_srf"]
TORCHVISION = [s for s in MODELS if s.source == "torchvision"]
TIMM = [s for s in MODELS if s.source == "timm"]


def test_catalog_covers_the_course():
    assert len(MODELS) >= 18
    for model_id in COURSE:
        assert model_id in MODELS
    assert {s.family for s in MODELS} == {"CNN", "Transformer", "Hybrid"}
    assert get_spec(DEFAULT_MODEL).bundled
    assert get_spec("torchvision/inception_v3").input_size == 299


def test_unknown_model_suggests_close_ids():
    with pytest.raises(UnknownModelError, match=r"unknown model 'resnet5'.*resnet50"):
        get_spec("resnet5")


def test_duplicate_registration_raises():
    registry: Registry[ModelSpec] = Registry("model")
    spec = get_spec(DEFAULT_MODEL)
    registry.register(spec)
    with pytest.raises(ValueError, match="duplicate model id 'efficientnet_lite0'"):
        registry.register(spec)


def test_list_models_filters_with_patterns():
    assert [s.id for s in list_models("vit_*")] == [
        "vit_base_patch16_224", "vit_base_patch32_224", "vit_small_patch16_224", "vit_tiny_patch16_224"]
    assert list_models("nothing*") == []


@pytest.mark.parametrize("spec", TORCHVISION, ids=lambda s: s.id)
def test_torchvision_entries_match_weights_meta(spec):
    from torchvision.models import get_weight

    weights = get_weight(spec.weights)
    meta = weights.meta
    assert spec.params == meta["num_params"]
    assert spec.gflops == pytest.approx(meta["_ops"], abs=0.005)
    assert spec.top1 == pytest.approx(meta["_metrics"]["ImageNet-1K"]["acc@1"])
    assert spec.weights_mb == pytest.approx(meta["_file_size"], abs=0.05)
    assert spec.weights_file == weights.url.rsplit("/", 1)[-1]
    assert spec.input_size == weights.transforms().crop_size[0]


@pytest.mark.parametrize("spec", TIMM, ids=lambda s: s.id)
def test_timm_entries_match_pretrained_cfg(spec):
    from timm.models import get_pretrained_cfg

    cfg = get_pretrained_cfg(spec.weights)
    assert cfg is not None, f"timm has no pretrained tag {spec.weights}"
    assert cfg.input_size == (3, spec.input_size, spec.input_size)
    assert cfg.classifier == spec.classifier
    assert cfg.num_classes == 1000


@pytest.mark.parametrize("spec", list(MODELS), ids=lambda s: s.id)
def test_every_entry_builds_with_its_declared_size_and_layers(spec):
    with torch.device("meta"):
        module = architecture(spec)
    assert sum(p.numel() for p in module.parameters()) == spec.params
    classifier = module.get_submodule(spec.classifier)
    assert isinstance(classifier, torch.nn.Linear) and classifier.out_features == 1000
    module.get_submodule(spec.target_layer)


@pytest.mark.parametrize("spec", [s for s in MODELS if s.source == "timm"], ids=lambda s: s.id)
def test_class_token_flag_matches_the_architecture(spec):
    from vislab.core.explain.attention import supports_cls_attention

    with torch.device("meta"):
        module = architecture(spec)
    assert spec.class_token == supports_cls_attention(module)


def test_specs_are_frozen_and_serialisable():
    spec = get_spec("torchvision/resnet50")
    with pytest.raises(AttributeError):
        spec.top1 = 99.0  # type: ignore[misc]
    data = spec.to_dict()
    assert data["id"] == "torchvision/resnet50" and data["family"] == "CNN"
    assert spec.arch == "resnet50" and library(spec).hub_id(spec) is None
    convnext = get_spec("convnext_tiny")
    assert library(convnext).hub_id(convnext) == "timm/convnext_tiny.fb_in1k"
