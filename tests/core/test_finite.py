"""A model whose output is not finite (NaN or infinity) is an error naming its weights, never a result."""

from __future__ import annotations

import re

import pytest
import torch

from vislab.core import fast
from vislab.core.errors import VislabError, WeightsError
from vislab.core.explain import explain
from vislab.core.images import read_image
from vislab.core.loading import load_model

DAMAGED = "the model's output is not finite (NaN or infinity): the weights are damaged"
DAMAGED_RE = re.escape(DAMAGED)


@pytest.fixture
def random_lite0():
    torch.manual_seed(0)
    return load_model("efficientnet_lite0", pretrained=False, device="cpu")


def test_a_weights_file_with_nan_does_not_load(nan_weights):
    with pytest.raises(WeightsError) as info:
        load_model("efficientnet_lite0", weights=nan_weights, device="cpu")
    assert str(info.value) == f"{nan_weights}: {DAMAGED}"


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_weights_damaged_after_loading_fail_every_answer(random_lite0, cat, value):
    image = read_image(cat)
    random_lite0.classify(image)  # finite until the damage
    with torch.no_grad():
        random_lite0.module.get_submodule("classifier").bias[0] = value
    with pytest.raises(WeightsError, match=f"^EfficientNet-Lite0 \\(random weights\\): {DAMAGED_RE}$"):
        random_lite0.classify(image)
    try:  # a batch may stop, or give each file the error: never a result
        answers = [answer for _, answer in random_lite0.classify_files([cat])]
    except WeightsError as exc:
        answers = [exc]
    assert len(answers) == 1 and isinstance(answers[0], VislabError) and DAMAGED in str(answers[0])
    with pytest.raises(WeightsError, match=DAMAGED_RE):  # compare's path: the explanation's own forward pass
        explain(random_lite0, image, "gradcam")


def test_a_fast_path_that_answers_nan_gives_way_to_torch(random_lite0, monkeypatch):
    class NanFastPath:
        ready, state, latency = True, "ready", None

        def run(self, batch, embedding=True):
            return torch.full((len(batch), 1000), float("nan")), torch.zeros(len(batch), 1280)

    monkeypatch.setattr(fast, "enabled", lambda: True)
    monkeypatch.setattr(random_lite0, "_fast", NanFastPath())
    assert random_lite0.backend == "onnx"
    batch = torch.zeros(2, 3, *random_lite0.pipeline.crop)
    probs, embedding = random_lite0.forward(batch)
    expected, expected_embedding = random_lite0.forward_torch(batch)
    assert torch.equal(probs, expected) and torch.equal(embedding, expected_embedding)
