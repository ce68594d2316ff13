"""vislab faithfulness: the JSON shape, a method the model does not support, the plot and one-line mistakes."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from vislab.cli import main


def test_json_shape_with_an_unsupported_method_and_a_plot(capsys, cat, tmp_path):
    plot = tmp_path / "curves.png"
    code = main(["faithfulness", str(cat), "--methods", "gradcam,rollout", "--steps", "2", "--sanity",
                 "--plot", str(plot), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"image", "model", "target", "steps", "methods"}
    assert out["image"] == str(cat) and out["model"] == "efficientnet_lite0" and out["steps"] == 2
    assert out["target"] == {"index": 281, "label": "tabby, tabby cat"}
    assert list(out["methods"]) == ["gradcam", "rollout"]
    gradcam = out["methods"]["gradcam"]
    assert set(gradcam) == {"deletion_auc", "insertion_auc", "deletion_curve", "insertion_curve", "road", "sanity",
                            "seconds"}
    assert len(gradcam["deletion_curve"]) == len(gradcam["insertion_curve"]) == 3
    assert 0 <= gradcam["deletion_auc"] <= 1 and 0 <= gradcam["insertion_auc"] <= 1
    assert gradcam["road"] is None and -1 <= gradcam["sanity"] <= 1 and gradcam["seconds"] > 0
    assert set(out["methods"]["rollout"]) == {"error"}
    assert "does not apply to EfficientNet-Lite0" in out["methods"]["rollout"]["error"]
    assert Image.open(plot).size[0] > 500


def test_text_lists_the_scores_and_the_error(capsys, cat):
    assert main(["faithfulness", str(cat), "--methods", "eigencam,attention", "--steps", "1", "--target", "282"]) == 0
    captured = capsys.readouterr()
    assert "class 282 (tiger cat)" in captured.out and "Eigen-CAM" in captured.out
    assert captured.err.strip().startswith("vislab: attention: Attention does not apply to EfficientNet-Lite0")


@pytest.mark.parametrize(("args", "message"), [
    (["--methods", "gradcamm"], "vislab: unknown explanation method 'gradcamm'; did you mean gradcam"),
    (["--methods", " , "], "vislab: --methods names no method"),
    (["--steps", "5000"], "vislab: the number of steps must be a whole number from 1 to 224, not 5000"),
    (["--plot", "/nonexistent/dir/x.png"], "vislab: --plot /nonexistent/dir/x.png: the folder /nonexistent/dir"),
    (["--target", "5000"], "vislab: --target 5000: classes are 0-999"),
])
def test_mistakes_are_one_line(capsys, cat, args, message):
    assert main(["faithfulness", str(cat), *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and not any("Traceback" in line for line in err)


def test_zero_steps_is_a_usage_error(capsys, cat):
    with pytest.raises(SystemExit) as info:
        main(["faithfulness", str(cat), "--steps", "0"])
    assert info.value.code == 2
    assert "argument --steps: expected a whole number of at least 1, not '0'" in capsys.readouterr().err
