"""What the commands output: never a false number, never invalid JSON, no file checked too late, no result lost."""

from __future__ import annotations

import csv
import errno
import json
import pickle

import pytest

import vislab.core.images
import vislab.core.loading
from vislab.cli import main
from vislab.cli.output import print_json
from vislab.core.errors import VislabError
from vislab.core.experiments import SweepResult


def strict_json(text: str) -> object:
    """``text`` parsed as strict JSON: NaN and infinity, which Python's parser accepts, are errors."""
    def refuse(name: str) -> object:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def nothing_slow(monkeypatch):
    """Reading the image or loading a model fails the test: a check that must come first did not."""
    def slow(*_args, **_kwargs):
        raise AssertionError("the work started before the options were checked")

    monkeypatch.setattr(vislab.core.loading, "load_model", slow)
    monkeypatch.setattr(vislab.core.images, "read_image", slow)


# --- Item 3: a model whose output is not finite ------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ["classify", "{cat}", "--weights", "{weights}", "--json"],
    ["classify", "{cat}", "--weights", "{weights}"],
    ["compare", "{cat}", "--models", "efficientnet_lite0", "--weights", "efficientnet_lite0={weights}", "--json"],
    ["sweep", "{cat}", "--models", "efficientnet_lite0", "--weights", "efficientnet_lite0={weights}",
     "--perturb", "rotate", "--steps", "2", "--json"],
])
def test_nan_weights_are_one_error_naming_the_file(capsys, cat, nan_weights, command):
    args = [a.format(cat=cat, weights=nan_weights) for a in command]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "NaN" not in captured.out and "nan %" not in captured.out
    assert captured.err.splitlines() == [f"vislab: {nan_weights}: the model's output is not finite (NaN or "
                                         "infinity): the weights are damaged"]


def test_json_output_is_strict(capsys, cat):
    assert main(["classify", str(cat), "--json", "--top-k", "2"]) == 0
    assert strict_json(capsys.readouterr().out)[0]["predictions"][0]["index"] in (281, 282)
    with pytest.raises(VislabError, match="not finite"):
        print_json({"probability": float("nan")})
    with pytest.raises(VislabError, match="not finite"):
        print_json([float("inf")])
    assert capsys.readouterr().out == ""


def test_sweep_strengths_must_be_finite(capsys, cat):
    with pytest.raises(SystemExit):
        main(["sweep", str(cat), "--models", "efficientnet_lite0", "--perturb", "rotate", "--start", "nan"])
    assert "expected a finite number, not 'nan'" in capsys.readouterr().err


# --- Item 4: the same model twice --------------------------------------------------------------------------

def test_a_model_named_twice_is_swept_once(capsys, cat, tmp_path):
    sweep = ["sweep", str(cat), "--perturb", "rotate", "--start", "0", "--stop", "360", "--steps", "3"]
    assert main([*sweep, "--models", "efficientnet_lite0"]) == 0
    once = capsys.readouterr().out
    assert main([*sweep, "--models", "efficientnet_lite0,efficientnet_lite0"]) == 0
    captured = capsys.readouterr()
    assert captured.out == once  # the same table: no shifted rows, no second column
    assert captured.err.splitlines() == ["vislab: note: efficientnet_lite0 is named more than once in --models; "
                                         "each model runs once"]
    table, plot = tmp_path / "s.csv", tmp_path / "s.png"
    code = main([*sweep, "--models", "efficientnet_lite0,efficientnet_lite0", "--csv", str(table), "--plot",
                 str(plot), "--json"])
    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err
    out = strict_json(captured.out)
    assert [r["strength"] for r in out["rows"]] == [0, 180, 360] and list(out["reference"]) == ["efficientnet_lite0"]
    assert len(list(csv.DictReader(open(table, encoding="utf-8")))) == 3
    assert plot.stat().st_size > 0


def test_a_model_named_twice_is_compared_once(capsys, cat):
    code = main(["compare", str(cat), "--models", "efficientnet_lite0,efficientnet_lite0", "--json", "--top-k", "1"])
    captured = capsys.readouterr()
    assert code == 0 and captured.err.startswith("vislab: note: efficientnet_lite0 is named more than once")
    out = strict_json(captured.out)
    assert [m["model"] for m in out["models"]] == ["efficientnet_lite0"] and out["top1_agreement"] is True


# --- Item 5: output files are checked before the work ------------------------------------------------------

@pytest.mark.parametrize(("command", "message"), [
    (["sweep", "{cat}", "--models", "efficientnet_lite0", "--perturb", "rotate", "--plot", "{tmp}/x.xyz"],
     "vislab: --plot {tmp}/x.xyz: vislab writes a plot as .eps, "),
    (["sweep", "{cat}", "--models", "efficientnet_lite0", "--perturb", "rotate", "--plot", "{tmp}/plot"],
     "vislab: --plot {tmp}/plot: vislab writes a plot as .eps, "),
    (["sweep", "{cat}", "--models", "efficientnet_lite0", "--perturb", "rotate", "--plot", "{tmp}"],
     "vislab: --plot {tmp}: is a folder; name a file in it"),
    (["sweep", "{cat}", "--models", "efficientnet_lite0", "--perturb", "rotate", "--csv", "/nonexistent/x.csv"],
     "vislab: --csv /nonexistent/x.csv: the folder /nonexistent does not exist"),
    (["sweep", "{cat}", "--models", "efficientnet_lite0", "--perturb", "rotate", "--csv", "{tmp}/x.png"],
     "vislab: --csv {tmp}/x.png: vislab writes a table as .csv, not .png"),
    (["sweep", "{cat}", "--models", "efficientnet_lite0", "--perturb", "rotate", "--csv", "{tmp}/s.csv",
      "--plot", "{tmp}/s.csv"], "vislab: --plot {tmp}/s.csv: vislab writes a plot as"),
    (["explain", "{cat}", "--save-heatmap", "{tmp}/h.png"],
     "vislab: --save-heatmap {tmp}/h.png: vislab writes an array as .npy, not .png"),
    (["explain", "{cat}", "--save-overlay", "{tmp}/o.npy"],
     "vislab: --save-overlay {tmp}/o.npy: vislab writes an image as .jpg, .jpeg, .png"),
    (["explain", "{cat}", "--save-heatmap", "{tmp}/h.npy", "--save-overlay", "/nonexistent/o.png"],
     "vislab: --save-overlay /nonexistent/o.png: the folder /nonexistent does not exist"),
    (["explain", "{cat}", "--save-overlay", ""], "vislab: --save-overlay is empty: name the file to write"),
    (["features", "{cat}", "--out", "{tmp}/f.xyz"], "vislab: --out {tmp}/f.xyz: vislab writes an image as"),
    (["features", "{cat}", "--out", "{tmp}"], "vislab: --out {tmp}: is a folder"),
    (["preprocess", "{cat}", "--op", "grayscale", "--out", "{tmp}/p.png", "--strip", "/nonexistent/s.png"],
     "vislab: --strip /nonexistent/s.png: the folder /nonexistent does not exist"),
    (["preprocess", "{cat}", "--op", "grayscale", "--out", "{tmp}/p.png", "--strip", "{tmp}/p.png"],
     "vislab: --out and --strip both name {tmp}/p.png: give each its own file"),
])
def test_outputs_are_checked_before_the_work(capsys, cat, tmp_path, nothing_slow, command, message):
    args = [a.format(cat=cat, tmp=tmp_path) for a in command]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.splitlines()
    assert len(err) == 1 and err[0].startswith(message.format(tmp=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_fails_keeps_the_others_and_the_results(capsys, cat, tmp_path, monkeypatch):
    def disk_full(self, path, *args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SweepResult, "plot", disk_full)
    table, plot = tmp_path / "s.csv", tmp_path / "s.png"
    code = main(["sweep", str(cat), "--models", "efficientnet_lite0", "--perturb", "blur", "--steps", "2",
                 "--csv", str(table), "--plot", str(plot), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [f"vislab: {plot}: could not be written (No space left on device)"]
    assert len(strict_json(captured.out)["rows"]) == 2
    assert len(list(csv.DictReader(open(table, encoding="utf-8")))) == 2 and not plot.exists()


def test_a_picture_that_fails_keeps_the_other(capsys, cat, tmp_path, monkeypatch):
    real = vislab.core.images.save_image
    out, strip = tmp_path / "p.png", tmp_path / "s.png"

    def save(path, image):
        if str(path) == str(out):
            raise vislab.core.images.ImageWriteError(path, "could not be written (disk full)")
        return real(path, image)

    monkeypatch.setattr(vislab.core.images, "save_image", save)
    assert main(["preprocess", str(cat), "--op", "grayscale", "--out", str(out), "--strip", str(strip)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"vislab: {out}: could not be written (disk full)"]
    assert captured.out.splitlines() == [f"saved the strip of every step to {strip}"]
    assert strip.exists() and not out.exists()


def test_explain_keeps_the_heatmap_when_the_overlay_fails(capsys, cat, tmp_path, monkeypatch):
    def save(path, image):
        raise vislab.core.images.ImageWriteError(path, "could not be written (disk full)")

    monkeypatch.setattr(vislab.core.images, "save_image", save)
    heatmap, picture = tmp_path / "h.npy", tmp_path / "o.png"
    code = main(["explain", str(cat), "--save-heatmap", str(heatmap), "--save-overlay", str(picture), "--json"])
    captured = capsys.readouterr()
    assert code == 1 and heatmap.exists() and not picture.exists()
    assert captured.err.splitlines() == [f"vislab: {picture}: could not be written (disk full)"]
    assert strict_json(captured.out)["target"]["index"] == 281


# --- Item 7: a raw pickle, an empty layer name, settings a method does not use ------------------------------

@pytest.mark.parametrize("content", [{"a": 1}, [1, 2, 3]])
def test_a_raw_pickle_is_named_and_torch_stays_quiet(capfd, cat, tmp_path, content):
    path = tmp_path / "raw.pth"
    path.write_bytes(pickle.dumps(content, protocol=4))
    assert main(["classify", str(cat), "--weights", str(path)]) == 1
    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"vislab: {path}: a Python pickle, not a plain state dict saved by torch.save; vislab did not load it, "
        "for safety (unpickling can run code). Save only the weights (torch.save(model.state_dict(), FILE)) or "
        "use a .safetensors file."]


@pytest.mark.parametrize(("args", "message"), [
    (["explain", "{cat}", "--layer", ""], "vislab: --layer is empty: name a layer as named_modules() names it"),
    (["explain", "{cat}", "--layer", "  "], "vislab: --layer is empty"),
    (["features", "{cat}", "--layer", "", "--out", "{tmp}/f.png"], "vislab: --layer is empty"),
    (["explain", "{cat}", "--head", "99"], "vislab: --head is a setting of Attention; Grad-CAM does not use it"),
    (["explain", "{cat}", "--method", "rollout", "--head", "1"],
     "vislab: --head is a setting of Attention; Attention rollout does not use it"),
    (["explain", "{cat}", "--method", "attention", "--head", "-1"], "vislab: --head must be 0 or more, not -1"),
    (["explain", "{cat}", "--discard-ratio", "0.5"],
     "vislab: --discard-ratio is a setting of Attention rollout; Grad-CAM does not use it"),
    (["explain", "{cat}", "--method", "attention", "--head-fusion", "max"],
     "vislab: --head-fusion is a setting of Attention rollout; Attention does not use it"),
    (["explain", "{cat}", "--method", "rollout", "--discard-ratio", "1.5"],
     "vislab: discard ratio must be at least 0 and below 1, not 1.5"),
    (["explain", "{cat}", "--method", "rollout", "--discard-ratio", "nan"],
     "vislab: discard ratio must be at least 0 and below 1, not nan"),
])
def test_explain_settings_are_refused_before_the_model_loads(capsys, cat, tmp_path, nothing_slow, args, message):
    assert main([a.format(cat=cat, tmp=tmp_path) for a in args]) == 1
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert captured.out == "" and len(err) == 1 and err[0].startswith(message)
