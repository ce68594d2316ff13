"""``vislab live`` on a video file standing in for the camera."""

from __future__ import annotations

import json

import cv2
import pytest

from vislab.cli import main
from vislab.core.images import read_image
from vislab.core.live import write_video


@pytest.fixture(scope="module")
def video(samples, tmp_path_factory):
    """20 frames of the cat then 20 of the coffee cup at 10 fps."""
    def frames(name: str) -> list:
        return [cv2.resize(read_image(samples / name), (224, 224), interpolation=cv2.INTER_AREA)] * 20

    return write_video(tmp_path_factory.mktemp("cli-live") / "cat_then_cup.avi",
                       frames("chelsea.png") + frames("coffee.png"), 10)


def test_live_json_one_object_per_processed_frame(capsys, video):
    assert main(["live", str(video), "--max-frames", "4", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 4
    assert all(set(row) == {"frame", "top1", "latency_ms", "map"} for row in rows)
    assert all(set(row["top1"]) == {"index", "label", "probability"} for row in rows)
    frames = [row["frame"] for row in rows]
    assert frames == sorted(set(frames)) and frames[0] == 0
    assert rows[0]["map"] is True  # the first frame gets its map (Grad-CAM, the CNN's first method)
    assert all(row["top1"]["index"] in (281, 282, 285) and 0 < row["top1"]["probability"] <= 1 for row in rows)
    assert all(row["latency_ms"] > 0 for row in rows)


def test_live_plays_to_the_end_of_the_file(capsys, video):
    assert main(["live", str(video), "--method", "none"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("frame     0") and "map" not in captured.out
    assert "espresso" in lines[-1] or "cup" in lines[-1]
    assert int(lines[-1].split()[1]) >= 35
    assert "frames processed of 40 read from" in captured.err


@pytest.mark.parametrize(("args", "message"), [
    (["live", "missing.avi"], "vislab: missing.avi: no such file\n"),
    (["live", "8"], "vislab: camera 8: no camera answers at this index (unplugged, or used by another program)\n"),
    (["live", "0", "--method", "gradcma"], "vislab: unknown explanation method 'gradcma'"),
])
def test_live_mistakes_are_one_line(capsys, args, message):
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(message) and captured.err.count("\n") == 1 and not captured.out
