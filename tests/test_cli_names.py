"""``--model``, ``--models`` and ``vislab models`` take the names people type; the JSON carries full ids."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest
import torch

from vislab.cli import main
from vislab.core.catalog import MODELS, get_spec, search_models


@pytest.fixture(scope="module")
def vit_weights(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A ViT-Tiny weights file with random weights: no download here."""
    from vislab.core.libraries import architecture

    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("weights") / "vit_tiny.pth"
    torch.save({"state_dict": architecture(get_spec("vit_tiny_patch16_224")).state_dict()}, path)
    return str(path)


@pytest.fixture
def second_resnet18() -> Iterator[None]:
    """A made-up timm entry sharing torchvision's display name ResNet-18."""
    spec = MODELS.register(dataclasses.replace(get_spec("torchvision/resnet18"), id="resnet18_gn", source="timm"))
    yield
    MODELS.unregister(spec.id)


@pytest.mark.parametrize("name", ["efficientnet_lite0", "EfficientNet-Lite0", "efficientnet-lite0"])
def test_classify_takes_a_display_name_and_reports_the_id(capsys: pytest.CaptureFixture, cat, name: str) -> None:
    assert main(["classify", str(cat), "--model", name, "--json", "--top-k", "1"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["model"] == "efficientnet_lite0"


@pytest.mark.parametrize("name", ["resnet18", "ResNet-18", "torchvision/resnet18"])
def test_the_course_names_find_resnet18(capsys: pytest.CaptureFixture, cat, name: str) -> None:
    # found, and then honestly missing its weights offline: never "unknown model"
    assert main(["classify", str(cat), "--model", name]) == 1
    assert capsys.readouterr().err.startswith("vislab: ResNet-18 weights are not on this computer")


def test_an_ambiguous_name_is_one_line_with_the_candidates(capsys: pytest.CaptureFixture, cat,
                                                           second_resnet18: None) -> None:
    assert main(["classify", str(cat), "--model", "ResNet-18"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "vislab: ambiguous model 'ResNet-18': it could be torchvision/resnet18, resnet18_gn; give one of these ids"]


def test_an_unknown_name_suggests_the_models_it_is_part_of(capsys: pytest.CaptureFixture, cat) -> None:
    assert main(["classify", str(cat), "--model", "resnet"]) == 1
    assert capsys.readouterr().err.strip() == ("vislab: unknown model 'resnet'; did you mean torchvision/resnet18, "
                                               "torchvision/resnet50, torchvision/resnet101?")


def test_compare_takes_names_in_models_and_weights(capsys: pytest.CaptureFixture, cat, vit_weights: str) -> None:
    code = main(["compare", str(cat), "--models", "EfficientNet-Lite0, ViT-Tiny/16",
                 "--weights", f"vit-tiny/16={vit_weights}", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [m["model"] for m in out["models"]] == ["efficientnet_lite0", "vit_tiny_patch16_224"]


def test_weights_for_a_name_outside_models_is_refused(capsys: pytest.CaptureFixture, cat, vit_weights: str) -> None:
    code = main(["compare", str(cat), "--models", "efficientnet_lite0", "--weights", f"ViT-Tiny/16={vit_weights}"])
    assert code == 1
    assert capsys.readouterr().err.startswith("vislab: --weights expects ID=FILE with an ID from --models")


@pytest.mark.parametrize("word", ["resnet", "transformer", "2021", "swin-t", "vit_*", "ViT"])
def test_models_lists_what_the_search_finds(capsys: pytest.CaptureFixture, word: str) -> None:
    assert main(["models", word, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [s.id for s in search_models(word)] != []


def test_models_resnet_finds_the_three_resnets(capsys: pytest.CaptureFixture) -> None:
    assert main(["models", "resnet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[2:]] == [
        "torchvision/resnet18", "torchvision/resnet50", "torchvision/resnet101"]


def test_models_that_finds_nothing_says_so(capsys: pytest.CaptureFixture) -> None:
    assert main(["models", "nothing"]) == 1
    assert capsys.readouterr().err.strip() == "no model matches 'nothing'"
