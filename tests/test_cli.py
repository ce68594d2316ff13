"""The command line end to end: what scripts and people see."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from vislab.cli import main

MODEL_FIELDS = {"id", "name", "family", "year", "paper", "params", "gflops", "top1", "input_size", "weights",
                "weights_mb", "source"}


def test_classify_a_cat_as_json(capsys, cat):
    assert main(["classify", str(cat), "--json", "--top-k", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 1 and out[0]["image"] == str(cat) and out[0]["model"] == "efficientnet_lite0"
    preds = out[0]["predictions"]
    assert len(preds) == 3 and set(preds[0]) == {"index", "label", "probability"}
    assert preds[0]["label"] in ("tabby, tabby cat", "tiger cat")


def test_good_inputs_survive_bad_ones(capsys, tmp_path, cat, samples):
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    args = [str(cat), str(text), str(samples / "coffee.png"), str(empty)]
    assert main(["classify", *args, "--json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [r["image"] for r in out] == args
    assert out[0]["predictions"][0]["index"] in (281, 282)
    assert out[2]["predictions"][0]["label"] == "espresso"
    assert "not an image" in out[1]["error"] and "empty" in out[3]["error"]
    errors = captured.err.strip().splitlines()
    assert errors == [f"vislab: {text}: is not an image vislab can read (supported: jpg, jpeg, png, webp, bmp, "
                      "tif, tiff, gif)", f"vislab: {empty}: the file is empty (0 bytes)"]


def test_classify_prints_a_readable_table(capsys, samples):
    assert main(["classify", str(samples / "coffee.png"), "--top-k", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == f"{samples / 'coffee.png'}  (efficientnet_lite0)"
    assert lines[1].split()[:2] == ["1.", "espresso"] and lines[1].endswith("#967")
    assert lines[2].split()[:2] == ["2.", "cup"]


@pytest.mark.parametrize(("args", "message"), [
    (["--model", "resnet5"], "vislab: unknown model 'resnet5'; did you mean"),
    (["--device", "cuda:9"], "vislab: device 'cuda:9' is not available here"),
    (["--weights", "/nonexistent/w.pth"], "vislab: /nonexistent/w.pth: no such file"),
    (["--model", "torchvision/resnet50"], "vislab: ResNet-50 weights are not on this computer"),
])
def test_mistakes_are_one_line_without_traceback(capsys, cat, args, message):
    assert main(["classify", str(cat), *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(message)


def test_models_json_lists_the_catalog(capsys):
    assert main(["models", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 18 and MODEL_FIELDS <= set(rows[0])
    by_id = {r["id"]: r for r in rows}
    assert by_id["efficientnet_lite0"]["weights"] == "bundled"
    assert by_id["torchvision/resnet50"]["weights"] == "unavailable offline"
    assert by_id["torchvision/resnet50"]["params"] == 25_557_032


def test_models_table_is_aligned(capsys):
    assert main(["models", "vit_*"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "name", "family", "year", "params", "GFLOPs", "top-1", "input", "weights"]
    assert len(lines) == 2 + 4
    assert len({line.index("Transformer") for line in lines[2:]}) == 1


def test_images_without_a_command_open_the_window(monkeypatch, cat):
    import vislab.ui.app

    opened: list = []
    monkeypatch.setattr(vislab.ui.app, "run", lambda paths: opened.append(paths) or 0)
    assert main([str(cat), "other.png"]) == 0
    assert main([]) == 0
    assert opened == [[str(cat), "other.png"], []]


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--bogus"])
    assert info.value.code == 2
    assert "usage: vislab" in capsys.readouterr().err


def test_installed_command_end_to_end(cat, tmp_path):
    bad = tmp_path / "cut.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    run = subprocess.run([sys.executable, "-m", "vislab", "classify", str(cat), str(bad), "--json"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1 and "cut.jpg" in run.stderr
    out = json.loads(run.stdout)
    assert out[0]["predictions"][0]["label"] in ("tabby, tabby cat", "tiger cat") and "error" in out[1]


def test_a_reader_that_goes_away_is_no_traceback():
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-m", "vislab", "ops", "--json"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    child.stdout.close()  # the reader is gone before the first line (as `| head` is after its first)
    stderr = child.stderr.read()
    assert child.wait(timeout=120) == 141 and "Traceback" not in stderr and stderr.strip() == ""
