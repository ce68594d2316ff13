"""The names people type find their models: ``resnet18``, ``ViT-B/16``, ``swin-t``, and searches for ``vit``."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

import pytest

from vislab.core.catalog import MODELS, ModelSpec, get_spec, resolve_model, search_models
from vislab.core.errors import AmbiguousModelError, UnknownModelError

ARCH_COUNTS = Counter(spec.arch for spec in MODELS)


@pytest.mark.parametrize("spec", list(MODELS), ids=lambda s: s.id)
def test_every_id_unprefixed_id_and_name_resolves_to_its_own_entry(spec: ModelSpec) -> None:
    names = [spec.id, spec.name, spec.name.lower(), spec.name.upper(), f"  {spec.name} "]
    if ARCH_COUNTS[spec.arch] == 1:
        names += [spec.arch, spec.arch.upper()]
    for name in names:
        assert resolve_model(name) is spec, name


def test_no_two_entries_share_a_name_once_case_and_separators_are_ignored() -> None:
    def squash(text: str) -> str:
        return "".join(c for c in text.casefold() if c not in "-_/. ")

    keys = Counter(key for spec in MODELS for key in {squash(n) for n in (spec.id, spec.arch, spec.name)})
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize(("name", "model_id"), [
    ("resnet18", "torchvision/resnet18"),
    ("ResNet-18", "torchvision/resnet18"),
    ("resnet-18", "torchvision/resnet18"),
    ("ViT-B/16", "vit_base_patch16_224"),
    ("vit-b/16", "vit_base_patch16_224"),
    ("vit_b_16", "vit_base_patch16_224"),  # torchvision's own name for it
    ("swin-t", "swin_tiny_patch4_window7_224"),
    ("swin_t", "swin_tiny_patch4_window7_224"),
    ("inception v3", "torchvision/inception_v3"),
    ("MobileNetV3-Large", "torchvision/mobilenet_v3_large"),
    ("efficientnet_b0", "torchvision/efficientnet_b0"),
    ("EfficientNet-Lite0", "efficientnet_lite0"),
])
def test_the_forms_people_type(name: str, model_id: str) -> None:
    assert resolve_model(name).id == model_id


def test_get_spec_stays_strict() -> None:
    assert get_spec("torchvision/resnet18").name == "ResNet-18"
    with pytest.raises(UnknownModelError):
        get_spec("resnet18")


@pytest.fixture
def second_resnet50() -> Iterator[ModelSpec]:
    """A made-up timm ResNet-50 that shares torchvision's display name."""
    spec = dataclasses.replace(get_spec("torchvision/resnet50"), id="resnet50_gn", source="timm")
    MODELS.register(spec)
    yield spec
    MODELS.unregister(spec.id)


@pytest.mark.parametrize("name", ["ResNet-50", "resnet-50", "Resnet 50"])
def test_an_ambiguous_name_lists_the_candidates(second_resnet50: ModelSpec, name: str) -> None:
    with pytest.raises(AmbiguousModelError,
                       match=rf"ambiguous model '{name}': it could be torchvision/resnet50, resnet50_gn;"):
        resolve_model(name)


def test_exact_and_case_only_matches_come_first(second_resnet50: ModelSpec) -> None:
    assert resolve_model("resnet50_gn") is second_resnet50
    assert resolve_model("torchvision/resnet50").id == "torchvision/resnet50"
    # torchvision's unprefixed id, before the separator-blind comparison that would find both
    assert resolve_model("ResNet50").id == "torchvision/resnet50"


def test_an_ambiguous_name_is_an_unknown_model_to_callers() -> None:
    assert issubclass(AmbiguousModelError, UnknownModelError)


@pytest.mark.parametrize(("name", "suggested"), [
    ("resnet5", "torchvision/resnet50"),
    ("resnt18", "torchvision/resnet18"),
    ("vit", "vit_base_patch16_224, vit_base_patch32_224, vit_small_patch16_224, vit_tiny_patch16_224"),
    ("deit", "deit_small_patch16_224"),
])
def test_an_unknown_name_suggests_close_entries(name: str, suggested: str) -> None:
    with pytest.raises(UnknownModelError, match=rf"unknown model '{name}'; did you mean .*{suggested}") as info:
        resolve_model(name)
    assert not isinstance(info.value, AmbiguousModelError)


def test_a_name_like_nothing_lists_the_catalog() -> None:
    with pytest.raises(UnknownModelError, match=r"unknown model 'nope'; known: efficientnet_lite0, "):
        resolve_model("nope")


@pytest.mark.parametrize(("pattern", "ids"), [
    ("resnet", ["torchvision/resnet18", "torchvision/resnet50", "torchvision/resnet101"]),
    ("ResNet", ["torchvision/resnet18", "torchvision/resnet50", "torchvision/resnet101"]),
    ("vit", ["vit_base_patch16_224", "vit_base_patch32_224", "vit_small_patch16_224", "vit_tiny_patch16_224",
             "maxvit_tiny_tf_224"]),
    ("2021", ["swin_tiny_patch4_window7_224", "coatnet_0_rw_224"]),
    ("swin-t", ["swin_tiny_patch4_window7_224"]),
    ("vit 16", ["vit_base_patch16_224", "vit_small_patch16_224", "vit_tiny_patch16_224"]),
    ("vit_*", ["vit_base_patch16_224", "vit_base_patch32_224", "vit_small_patch16_224", "vit_tiny_patch16_224"]),
    ("resnet*", ["torchvision/resnet18", "torchvision/resnet50", "torchvision/resnet101"]),
    ("torchvision/resnet1*", ["torchvision/resnet18", "torchvision/resnet101"]),
    ("nothing", []),
    ("nothing*", []),
])
def test_search_finds_words_in_ids_names_families_and_years(pattern: str, ids: list[str]) -> None:
    assert [spec.id for spec in search_models(pattern)] == ids


def test_search_by_family_and_blank_searches() -> None:
    assert search_models("transformer") == [s for s in MODELS if s.family == "Transformer"]
    assert search_models("HYBRID") == [s for s in MODELS if s.family == "Hybrid"]
    assert search_models(None) == search_models("") == search_models("  ") == list(MODELS)
