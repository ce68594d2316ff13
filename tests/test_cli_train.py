"""``vislab train`` and the trained model's file with ``classify`` and ``explain``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vislab.cli import main
from vislab.core.teach.samples import write_digits

KEYS = {"classes", "train_images", "val_images", "epochs_run", "best_epoch", "val_accuracy", "history", "out"}
EPOCH_KEYS = {"epoch", "train_loss", "val_loss", "train_accuracy", "val_accuracy", "lr"}


@pytest.fixture(scope="module")
def digits(tmp_path_factory) -> Path:
    """Four digits, eight images each; the first image of '3' is unreadable."""
    root = write_digits(tmp_path_factory.mktemp("cli") / "digits", per_class=8, classes=4)
    (root / "3" / "001.png").write_bytes(b"not a png")
    return root


@pytest.fixture(scope="module")
def trained(digits, tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "digits.safetensors"
    code = main(["train", str(digits), "--out", str(out), "--epochs", "40", "--val-split", "0.25", "--json"])
    return code, out


def test_train_prints_exactly_the_json(digits, tmp_path, capsys):
    out = tmp_path / "m.safetensors"
    assert main(["train", str(digits), "--out", str(out), "--epochs", "6", "--patience", "0", "--augment",
                 "rotate,zoom", "--seed", "1", "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert set(data) == KEYS and data["classes"] == ["0", "1", "2", "3"] and data["out"] == str(out)
    assert data["train_images"] + data["val_images"] == 31 and data["val_images"] == 7  # 2 a class, 1 of 7 in "3"
    assert data["epochs_run"] == 6 and len(data["history"]) == 6 and 1 <= data["best_epoch"] <= 6
    assert all(set(e) == EPOCH_KEYS for e in data["history"]) and data["history"][0]["epoch"] == 1
    assert 0.0 <= data["val_accuracy"] <= 1.0
    assert "epoch 6 (head)" in captured.err and "001.png" in captured.err and "skipped" in captured.err


def test_classify_and_explain_with_the_trained_file(trained, digits, capsys, tmp_path):
    code, out = trained
    assert code == 0 and out.is_file()
    capsys.readouterr()
    image = digits / "2" / "002.png"
    assert main(["classify", str(image), "--weights", str(out), "--top-k", "3", "--json"]) == 0
    text = capsys.readouterr().out
    answer = json.loads(text)
    labels = [p["label"] for p in _predictions(answer)]
    assert len(labels) == 3 and set(labels) <= {"0", "1", "2", "3"}
    overlay = tmp_path / "cam.png"
    assert main(["explain", str(image), "--weights", str(out), "--method", "gradcam", "--target", "2",
                 "--save-overlay", str(overlay), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"] == {"index": 2, "label": "2"} and overlay.is_file()


def _predictions(answer) -> list[dict]:
    """The prediction rows of classify's JSON (one image: an object or a one-item list)."""
    item = answer[0] if isinstance(answer, list) else answer
    return item["predictions"]


@pytest.mark.parametrize("case, message", [
    ("one_class", "only 1 class; training needs at least 2 classes"),
    ("empty_class", "class 'b' has no images"),
    ("missing", "no such folder"),
    ("unreadable_class", "no readable image in class '1'"),
])
def test_bad_datasets_get_one_line_and_no_file(case, message, digits, tmp_path, capsys):
    root = tmp_path / "set"
    if case == "one_class":
        shutil.copytree(digits / "0", root / "0")
    elif case == "empty_class":
        shutil.copytree(digits / "0", root / "a")
        (root / "b").mkdir()
    elif case == "unreadable_class":
        shutil.copytree(digits / "0", root / "0")
        (root / "1").mkdir()
        (root / "1" / "bad.png").write_bytes(b"nothing")
    out = tmp_path / "never.safetensors"
    capsys.readouterr()
    assert main(["train", str(root), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and err[-1].startswith("vislab: ")
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_base_without_weights_and_bad_options(digits, tmp_path, capsys):
    out = tmp_path / "never.safetensors"
    assert main(["train", str(digits), "--out", str(out), "--model", "resnet18"]) == 1
    err = capsys.readouterr().err
    assert "ResNet-18 weights are not on this computer" in err and len(err.strip().splitlines()) == 1
    assert main(["train", str(digits), "--out", str(tmp_path / "m.pth")]) == 1
    assert "written as a .safetensors file" in capsys.readouterr().err
    assert main(["train", str(digits), "--out", str(out), "--augment", "blur"]) == 1
    assert "unknown augmentation 'blur'" in capsys.readouterr().err
    assert main(["train", str(digits), "--out", str(out), "--fine-tune-blocks", "99"]) == 1
    assert "--fine-tune-blocks 99 is too many" in capsys.readouterr().err
    assert not out.exists()
