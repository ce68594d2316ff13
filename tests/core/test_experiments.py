"""Comparison, robustness sweeps and occlusion sensitivity."""

from __future__ import annotations

import csv

import numpy as np
import pytest
import torch

from vislab.core.errors import OptionError
from vislab.core.experiments import PERTURBATIONS, UnknownPerturbationError, compare, sweep, top1_agreement
from vislab.core.explain import explain
from vislab.core.images import read_image
from vislab.core.loading import load_model


@pytest.fixture(scope="module")
def chelsea(cat):
    return read_image(cat)


@pytest.fixture(scope="module")
def vit():
    torch.manual_seed(0)
    return load_model("vit_tiny_patch16_224", pretrained=False, device="cpu")


def test_sweep_step_zero_is_classify(lite0, vit, chelsea):
    result = sweep([lite0, vit], chelsea, "rotate", 0, 360, 13)
    assert result.strengths == [30.0 * i for i in range(13)]
    for model in (lite0, vit):
        top = model.classify(chelsea, 1)[0]
        assert result.reference[model.spec.id] == (top.index, top.label)
        probability, agreement = result.curve(model.spec.id)
        assert probability[0] == pytest.approx(top.probability, abs=1e-6)
        assert agreement[0] == 1.0 and len(probability) == 13
    assert len(result.rows) == 26


def test_sweep_follows_the_op(lite0, chelsea):
    result = sweep([lite0], chelsea, "noise", 0, 60, 3)
    noisy = PERTURBATIONS.get("noise").apply(chelsea, 60.0)
    probs, _ = lite0.forward(lite0.pipeline(noisy)[None])
    assert result.rows[-1].probability == pytest.approx(float(probs[0, result.reference["efficientnet_lite0"][0]]),
                                                        abs=1e-6)
    assert np.array_equal(PERTURBATIONS.get("noise").apply(chelsea, 0.0), chelsea)


def test_sweep_files_and_mistakes(lite0, chelsea, tmp_path):
    result = sweep([lite0], chelsea, "blur", steps=4)
    result.write_csv(tmp_path / "s.csv")
    rows = list(csv.DictReader(open(tmp_path / "s.csv", encoding="utf-8")))
    assert [float(r["strength"]) for r in rows] == pytest.approx(list(np.linspace(0, 8, 4)))
    result.plot(tmp_path / "s.png")
    assert read_image(tmp_path / "s.png").shape[2] == 3
    with pytest.raises(UnknownPerturbationError, match="unknown perturbation 'spin'"):
        sweep([lite0], chelsea, "spin")
    with pytest.raises(OptionError, match="at least 1 step"):
        sweep([lite0], chelsea, "rotate", steps=0)


def test_compare_uses_each_models_natural_map(lite0, vit, chelsea):
    columns = compare([lite0, vit], chelsea, top_k=3)
    assert [c.method for c in columns] == ["gradcam", "rollout"]
    assert [p.index for p in columns[0].predictions] == [p.index for p in lite0.classify(chelsea, 3)]
    assert all(c.heatmap.shape == (224, 224) for c in columns)
    assert top1_agreement(columns) == (columns[0].predictions[0].index == columns[1].predictions[0].index)
    assert top1_agreement(columns[:1])


def test_occlusion_sensitivity_matches_a_direct_computation(lite0, chelsea):
    """Zeiler & Fergus, one square at a time: 32 px grey squares every 16 px over the 224 px input; each
    pixel gets the mean probability drop of the squares covering it; the positive part, scaled to [0, 1]."""
    result = explain(lite0, chelsea, "occlusion", target=281)
    assert result.layer == "input" and result.heatmap.shape == (224, 224)
    tensor = lite0.pipeline(chelsea)[None]
    grey = (0.5 - torch.tensor(lite0.pipeline.mean)) / torch.tensor(lite0.pipeline.std)
    base = lite0.forward(tensor)[0][0, 281].item()
    total, count = np.zeros((224, 224)), np.zeros((224, 224))
    for y in range(0, 224 - 32 + 1, 16):
        for x in range(0, 224 - 32 + 1, 16):
            occluded = tensor.clone()
            occluded[0, :, y:y + 32, x:x + 32] = grey[:, None, None]
            total[y:y + 32, x:x + 32] += base - lite0.forward(occluded)[0][0, 281].item()
            count[y:y + 32, x:x + 32] += 1
    expected = np.maximum(total / count, 0)
    expected = (expected - expected.min()) / (expected.max() - expected.min())
    assert np.allclose(result.heatmap, expected, atol=1e-4)


def test_a_model_given_twice_runs_once(lite0, chelsea):
    once = sweep([lite0], chelsea, "rotate", 0, 360, 3)
    twice = sweep([lite0, lite0], chelsea, "rotate", 0, 360, 3)
    assert twice.rows == once.rows and list(twice.reference) == ["efficientnet_lite0"]
    assert [len(a) for a in twice.curve("efficientnet_lite0")] == [3, 3]
    assert [c.model_id for c in compare([lite0, lite0], chelsea, top_k=1)] == ["efficientnet_lite0"]
    with pytest.raises(OptionError, match="efficientnet_lite0 is given twice with different weights"):
        sweep([lite0, lite0.randomized()], chelsea, "rotate", steps=2)


@pytest.mark.parametrize(("start", "stop"), [(float("nan"), 1.0), (0.0, float("inf"))])
def test_sweep_strengths_must_be_finite(lite0, chelsea, start, stop):
    with pytest.raises(OptionError, match="must be finite numbers"):
        sweep([lite0], chelsea, "blur", start, stop, 2)
