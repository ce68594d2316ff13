"""explain, features, preprocess, methods and ops from the command line."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
import torch
from PIL import Image

from vislab.cli import main
from vislab.core.images import read_image


@pytest.fixture(scope="module")
def vit_weights(tmp_path_factory):
    """A ViT-Tiny weights file, as a user would bring one (random weights: no download here)."""
    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture as _architecture

    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("weights") / "vit_tiny.pth"
    torch.save({"state_dict": _architecture(get_spec("vit_tiny_patch16_224")).state_dict()}, path)
    return path


def test_explain_json_and_files(capsys, cat, tmp_path):
    heatmap, picture = tmp_path / "cat.npy", tmp_path / "cat_cam.png"
    code = main(["explain", str(cat), "--method", "gradcam", "--save-heatmap", str(heatmap),
                 "--save-overlay", str(picture), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"image": str(cat), "model": "efficientnet_lite0", "method": "gradcam", "layer": "bn2",
                   "target": {"index": 281, "label": "tabby, tabby cat"}, "heatmap_shape": [224, 224],
                   "head": None}
    saved = np.load(heatmap)
    assert saved.shape == (224, 224) and saved.dtype == np.float32 and 0 <= saved.min() <= saved.max() <= 1
    assert Image.open(picture).size == (224, 224)


def test_explain_overlay_on_the_original(capsys, cat, tmp_path):
    picture = tmp_path / "whole.png"
    assert main(["explain", str(cat), "--target", "817", "--save-overlay", str(picture), "--on-original"]) == 0
    assert "for class 817 (sports car, sport car" in capsys.readouterr().out
    assert Image.open(picture).size == (451, 300)


def test_rollout_on_a_vit_given_by_file(capsys, cat, vit_weights):
    code = main(["explain", str(cat), "--method", "rollout", "--model", "vit_tiny_patch16_224",
                 "--weights", str(vit_weights), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["method"] == "rollout" and out["layer"] == "blocks" and out["heatmap_shape"] == [224, 224]
    code = main(["explain", str(cat), "--method", "attention", "--layer", "blocks.2", "--head", "1",
                 "--model", "vit_tiny_patch16_224", "--weights", str(vit_weights), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layer"] == "blocks.2.attn" and out["head"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--method", "rollout"], "vislab: Attention rollout does not apply to EfficientNet-Lite0"),
    (["--method", "gradcamm"], "vislab: unknown explanation method 'gradcamm'; did you mean gradcam"),
    (["--layer", "nope"], "vislab: EfficientNet-Lite0 has no layer 'nope'"),
    (["--target", "5000"], "vislab: target class 5000 does not exist"),
    (["--save-overlay", "/nonexistent/dir/x.png"],
     "vislab: --save-overlay /nonexistent/dir/x.png: the folder /nonexistent/dir does not exist"),
    (["--alpha", "2"], "vislab: the opacity (alpha) must be between 0 and 1, not 2.0"),
    (["--colormap", "nope"], "vislab: unknown colormap 'nope'"),
])
def test_explain_mistakes_are_one_line(capsys, cat, args, message):
    assert main(["explain", str(cat), *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(message)


def test_bad_options_fail_before_anything_is_written(capsys, cat, tmp_path, vit_weights):
    heatmap = tmp_path / "h.npy"
    assert main(["explain", str(cat), "--alpha", "nan", "--save-heatmap", str(heatmap)]) == 1
    assert not heatmap.exists()
    assert capsys.readouterr().err.strip() == "vislab: the opacity (alpha) must be between 0 and 1, not nan"
    code = main(["explain", str(cat), "--method", "rollout", "--discard-ratio", "1.5", "--model",
                 "vit_tiny_patch16_224", "--weights", str(vit_weights)])
    assert code == 1
    assert capsys.readouterr().err.strip() == "vislab: discard ratio must be at least 0 and below 1, not 1.5"


def test_heatmap_is_saved_under_the_name_given(capsys, cat, tmp_path):
    assert main(["explain", str(cat), "--save-heatmap", str(tmp_path / "heat")]) == 0
    assert np.load(tmp_path / "heat").shape == (224, 224)
    assert not (tmp_path / "heat.npy").exists()


def test_random_weights_toggle(capsys, cat, tmp_path):
    trained, random = tmp_path / "t.npy", tmp_path / "r.npy"
    assert main(["explain", str(cat), "--target", "281", "--save-heatmap", str(trained)]) == 0
    assert main(["explain", str(cat), "--target", "281", "--random-weights", "--save-heatmap", str(random)]) == 0
    capsys.readouterr()
    assert np.corrcoef(np.load(trained).ravel(), np.load(random).ravel())[0, 1] < 0.5


def test_preprocess_matches_opencv(capsys, cat, tmp_path):
    out, strip = tmp_path / "edges.png", tmp_path / "strip.png"
    code = main(["preprocess", str(cat), "--op", "grayscale", "--op", "canny:low=100,high=200",
                 "--out", str(out), "--strip", str(strip)])
    assert code == 0
    assert capsys.readouterr().out.startswith("input -> Grayscale -> Canny edges (low=100, high=200)")
    expected = cv2.Canny(cv2.cvtColor(read_image(cat), cv2.COLOR_RGB2GRAY), 100, 200)
    assert np.array_equal(read_image(out)[..., 0], expected)
    assert read_image(strip).shape[1] > 3 * 200


@pytest.mark.parametrize(("op", "message"), [
    ("blur", "vislab: unknown op 'blur'"),
    ("gaussian_blur:ksize=4", "vislab: gaussian_blur: ksize must be odd"),
])
def test_preprocess_mistakes(capsys, cat, tmp_path, op, message):
    assert main(["preprocess", str(cat), "--op", op, "--out", str(tmp_path / "x.png")]) == 1
    assert capsys.readouterr().err.startswith(message)
    assert not (tmp_path / "x.png").exists()


def test_classify_follows_preprocessing(capsys, cat):
    assert main(["classify", str(cat), "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)[0]["predictions"]
    assert main(["classify", str(cat), "--op", "grayscale", "--json"]) == 0
    grey = json.loads(capsys.readouterr().out)[0]["predictions"]
    assert plain[0]["probability"] != grey[0]["probability"]


def test_features_and_filters(capsys, cat, tmp_path):
    assert main(["features", str(cat), "--layer", "blocks.3", "--count", "8", "--out", str(tmp_path / "f.png")]) == 0
    assert "the 8 strongest of the 80 channels of blocks.3 (14x14)" in capsys.readouterr().out
    assert main(["features", str(cat), "--filters", "--out", str(tmp_path / "w.png")]) == 0
    assert "16 of the 32 filters of conv_stem (3x3)" in capsys.readouterr().out
    assert read_image(tmp_path / "w.png").shape[2] == 3


def test_methods_and_ops_listings(capsys):
    assert main(["methods", "--json"]) == 0
    methods = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in methods] == ["gradcam", "gradcam++", "scorecam", "eigencam", "layercam",
                                          "occlusion", "attention", "rollout"]
    assert {m["id"]: m["models"] for m in methods}["occlusion"] == "all"
    assert main(["ops", "--json"]) == 0
    ops = {o["id"]: o for o in json.loads(capsys.readouterr().out)}
    assert ops["canny"]["params"][0]["name"] == "low" and "normalize" in ops
    assert main(["ops"]) == 0
    assert "canny:low=100.0,high=200.0" in capsys.readouterr().out


def test_compare_a_cnn_and_a_vit_from_a_file(capsys, cat, vit_weights):
    code = main(["compare", str(cat), "--models", "efficientnet_lite0,vit_tiny_patch16_224",
                 "--weights", f"vit_tiny_patch16_224={vit_weights}", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [m["model"] for m in out["models"]] == ["efficientnet_lite0", "vit_tiny_patch16_224"]
    assert [m["method"] for m in out["models"]] == ["gradcam", "rollout"]
    assert out["models"][0]["predictions"][0]["label"] == "tabby, tabby cat"
    assert isinstance(out["top1_agreement"], bool) and out["models"][1]["family"] == "Transformer"


def test_sweep_rotation_step_zero_equals_classify(capsys, cat, vit_weights, tmp_path):
    assert main(["classify", str(cat), "--json", "--top-k", "1"]) == 0
    classified = json.loads(capsys.readouterr().out)[0]["predictions"][0]
    code = main(["sweep", str(cat), "--models", "efficientnet_lite0,vit_tiny_patch16_224",
                 "--weights", f"vit_tiny_patch16_224={vit_weights}", "--perturb", "rotate", "--start", "0",
                 "--stop", "360", "--steps", "13", "--csv", str(tmp_path / "s.csv"), "--plot",
                 str(tmp_path / "s.png"), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    first = out["rows"][0]
    assert first["model_id"] == "efficientnet_lite0" and first["strength"] == 0
    assert first["top1"] == classified["index"]
    assert first["probability"] == pytest.approx(classified["probability"], abs=1e-6)
    assert len(out["rows"]) == 26 and (tmp_path / "s.csv").exists() and (tmp_path / "s.png").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--models", "efficientnet_lite0", "--perturb", "spin"], "vislab: unknown perturbation 'spin'"),
    (["--models", "efficientnet_lite0,nope", "--perturb", "rotate"], "vislab: unknown model 'nope'"),
    (["--models", "efficientnet_lite0", "--perturb", "rotate", "--weights", "x=y.pth"],
     "vislab: --weights expects ID=FILE with an ID from --models"),
])
def test_sweep_mistakes(capsys, cat, args, message):
    assert main(["sweep", str(cat), *args]) == 1
    assert capsys.readouterr().err.startswith(message)
