"""``vislab classify FOLDER``: the images in a folder and its subfolders, as the window opens a dropped folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vislab.cli import main


@pytest.fixture
def photos(tmp_path: Path, samples: Path) -> Path:
    """Real photos under mixed-case names, a subfolder two deep, a text file and an empty subfolder."""
    root = tmp_path / "photos"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "nested" / "empty").mkdir()
    shutil.copy(samples / "coffee.png", root / "Coffee.png")
    shutil.copy(samples / "astronaut.png", root / "astronaut.png")
    shutil.copy(samples / "chelsea.png", root / "nested" / "deeper" / "chelsea.png")
    shutil.copy(samples / "rocket.jpg", root / "nested" / "rocket.jpg")
    (root / "notes.txt").write_text("not a photo, and not picked up")
    return root


@pytest.fixture
def no_images(tmp_path: Path) -> Path:
    """A folder that holds files and a subfolder, but no image at all."""
    root = tmp_path / "nothing here"
    (root / "sub").mkdir(parents=True)
    (root / "readme.txt").write_text("no photos")
    return root


def test_a_folder_is_its_images_recursively_in_name_order(capsys, photos):
    assert main(["classify", str(photos), "--json", "--top-k", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    names = ["astronaut.png", "Coffee.png", "nested/deeper/chelsea.png", "nested/rocket.jpg"]
    assert [r["image"] for r in out] == [str(photos / n) for n in names]
    assert all(r["model"] == "efficientnet_lite0" and len(r["predictions"]) == 1 for r in out)
    assert out[1]["predictions"][0]["label"] == "espresso"
    assert out[2]["predictions"][0]["index"] in (281, 282)


def test_a_folder_without_images_is_one_error_and_the_rest_is_classified(capsys, cat, photos, no_images):
    args = [str(no_images), str(cat), str(photos / "nested")]
    assert main(["classify", *args, "--json", "--top-k", "2"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"vislab: {no_images}: no images in this folder"]
    out = json.loads(captured.out)
    assert [r["image"] for r in out] == [str(no_images), str(cat), str(photos / "nested" / "deeper" / "chelsea.png"),
                                         str(photos / "nested" / "rocket.jpg")]
    assert out[0] == {"image": str(no_images), "error": f"{no_images}: no images in this folder"}
    assert out[1]["predictions"][0]["index"] in (281, 282) and out[2]["predictions"] == out[1]["predictions"]
    assert "predictions" in out[3]


def test_a_folder_prints_one_table_per_image(capsys, photos):
    assert main(["classify", str(photos / "nested"), "--top-k", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    headers = [line for line in lines if line.endswith("(efficientnet_lite0)")]
    assert headers == [f"{photos / 'nested' / 'deeper' / 'chelsea.png'}  (efficientnet_lite0)",
                       f"{photos / 'nested' / 'rocket.jpg'}  (efficientnet_lite0)"]
