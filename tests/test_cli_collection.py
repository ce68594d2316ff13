"""``vislab classify FOLDER``, ``embed``, ``similar``, ``similarity`` and ``evaluate`` over a real folder, all reading
and filling the same SQLite store; a classify killed mid-run loses at most its batch in flight."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from vislab.cli import main
from vislab.core.collection import cosine
from vislab.core.store import FILE_NAME, Store

TRUTH = {"tabby": 281, "espresso": 967, "657": 657}


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A store of this test's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv("VISLAB_DATA_DIR", str(folder))
    return folder / FILE_NAME


def _created(db_path: Path) -> dict[str, float]:
    db = sqlite3.connect(db_path)
    try:
        return dict(db.execute("SELECT digest, created FROM results"))
    finally:
        db.close()


def _classify(capsys, *args: str) -> tuple[int, list[dict], str]:
    status = main(["classify", *args, "--json"])
    captured = capsys.readouterr()
    return status, json.loads(captured.out), captured.err


def test_classify_a_folder_fills_the_store_and_a_second_run_reads_it(capsys, photo_folder, data, tmp_path):
    table = tmp_path / "table.csv"
    status, out, err = _classify(capsys, str(photo_folder), "--csv", str(table))
    assert status == 1  # two unreadable files, each one line; the others classified
    files = sorted((p for p in photo_folder.rglob("*") if p.suffix in (".png", ".jpg")), key=lambda p: str(p).lower())
    assert [r["image"] for r in out] == [str(p) for p in files]
    errors = [r for r in out if "error" in r]
    assert [Path(r["image"]).name for r in errors] == ["empty.png", "damaged.jpg"]
    assert err.splitlines() == [f"vislab: {r['error']}" for r in errors]
    coffee = next(r for r in out if r["image"].endswith("coffee.png"))
    assert coffee["model"] == "efficientnet_lite0" and coffee["predictions"][0]["label"] == "espresso"
    assert len(coffee["predictions"]) == 5
    rows = list(csv.DictReader(table.open()))
    assert [r["image"] for r in rows] == [r["image"] for r in out]
    assert rows[0].keys() == {"image", "class_index", "class", "probability", "margin", "entropy", "error"}
    row = next(r for r in rows if r["image"].endswith("coffee.png"))
    assert int(row["class_index"]) == 967 and float(row["margin"]) > 0.5 and float(row["entropy"]) > 0
    assert next(r for r in rows if r["image"].endswith("empty.png"))["error"].endswith("the file is empty (0 bytes)")
    created = _created(data)
    assert len(created) == 13
    status, again, _ = _classify(capsys, str(photo_folder), "--top-k", "2")
    assert _created(data) == created  # nothing computed again
    assert [r.get("predictions", [])[:2] for r in again] == [r.get("predictions", [])[:2] for r in out]
    assert all(len(r["predictions"]) == 2 for r in again if "error" not in r)


def test_classify_with_ops_neither_reads_nor_fills_the_store(capsys, cat, data):
    status, out, _ = _classify(capsys, str(cat), "--op", "grayscale")
    assert status == 0 and out[0]["predictions"]
    assert not data.exists() or not _created(data)


def test_embed_saves_the_vectors_and_the_file_list(capsys, photo_folder, data, tmp_path):
    out = tmp_path / "vectors.npz"
    assert main(["embed", str(photo_folder), "--out", str(out), "--json"]) == 1
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["images"] == 13 and summary["dimensions"] == 1280 and len(summary["errors"]) == 2
    saved = np.load(out, allow_pickle=False)
    files = [str(f) for f in saved["files"]]
    assert saved["vectors"].shape == (13, 1280) and saved["vectors"].dtype == np.float32
    assert str(saved["model"]) == "efficientnet_lite0" and not any("empty" in f or "damaged" in f for f in files)
    with Store.open(data) as store:
        assert store.count() == 13
        found = store.lookup(next(iter(_keys(data))), [Path(f) for f in files])
    for f, vector in zip(files, saved["vectors"], strict=True):
        assert np.array_equal(found[Path(f)].vector, vector)


def _keys(db_path: Path) -> set[str]:
    db = sqlite3.connect(db_path)
    try:
        return {key for (key,) in db.execute("SELECT DISTINCT model_key FROM results")}
    finally:
        db.close()


def test_embed_refuses_an_out_that_is_not_npz_before_any_work(capsys, cat, tmp_path):
    assert main(["embed", str(cat), "--out", str(tmp_path / "v.npy")]) == 1
    assert capsys.readouterr().err.splitlines() == [f"vislab: --out {tmp_path / 'v.npy'}: vislab writes the vectors "
                                                    "as .npz, not .npy"]


def test_similar_gives_the_nearest_images_best_first(capsys, photo_folder, data, tmp_path):
    query = photo_folder / "tabby" / "chelsea.png"
    assert main(["similar", str(query), str(photo_folder), "-k", "4", "--json"]) == 1  # the two unreadable files
    captured = capsys.readouterr()
    found = json.loads(captured.out)
    assert len(found) == 4 and all(set(item) == {"image", "similarity"} for item in found)
    assert str(query) not in [item["image"] for item in found]  # the query itself is left out
    assert all("/tabby/" in item["image"] for item in found)
    scores = [item["similarity"] for item in found]
    assert scores == sorted(scores, reverse=True) and 0.8 < scores[0] <= 1.0
    out = tmp_path / "v.npz"
    assert main(["embed", str(photo_folder), "--out", str(out)]) == 1
    capsys.readouterr()
    saved = np.load(out)
    index = {f: i for i, f in enumerate(str(f) for f in saved["files"])}
    for item in found:  # the same numbers as the cosine of the saved vectors
        expected = cosine(saved["vectors"][index[str(query)]], saved["vectors"][index[item["image"]]])
        assert item["similarity"] == pytest.approx(expected, abs=1e-5)


def test_similar_with_a_query_from_outside_the_folder(capsys, photo_folder, data, cat):
    assert main(["similar", str(cat), str(photo_folder / "espresso"), "-k", "10", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 3 and all("coffee" in item["image"] for item in found)


def test_similarity_of_an_image_to_itself_is_one_and_to_its_flip_high(capsys, photo_folder, data):
    cat, flipped = photo_folder / "tabby" / "chelsea.png", photo_folder / "tabby" / "chelsea_flipped.png"
    assert main(["similarity", str(cat), str(cat), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"efficientnet_lite0": pytest.approx(1.0, abs=1e-5)}
    assert main(["similarity", str(cat), str(flipped), "--models", "efficientnet_lite0", "--json"]) == 0
    assert 0.85 < json.loads(capsys.readouterr().out)["efficientnet_lite0"] < 1.0
    assert main(["similarity", str(cat), str(photo_folder / "espresso" / "coffee.png")]) == 0
    text = capsys.readouterr().out
    assert "1 is the same direction" in text and "efficientnet_lite0" in text


def test_similarity_of_a_missing_file_is_one_line(capsys, cat, tmp_path):
    assert main(["similarity", str(cat), str(tmp_path / "nope.png"), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.splitlines() == [f"vislab: {tmp_path / 'nope.png'}: no such file"]


def test_evaluate_counts_agree_with_classify(capsys, photo_folder, data, tmp_path):
    confusion = tmp_path / "confusion.png"
    assert main(["evaluate", str(photo_folder), "--json", "--confusion", str(confusion)]) == 1
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert list(result) == ["model", "images", "accuracy", "top5_accuracy", "per_class", "classes", "confusion",
                            "unlabelled", "errors"]
    assert "people" in captured.err and confusion.stat().st_size > 5000
    assert result["model"] == "efficientnet_lite0" and result["images"] == 15
    assert result["classes"] == ["657", "espresso", "tabby"] and len(result["errors"]) == 2
    assert sorted(Path(p).name for p in result["unlabelled"]) == ["astronaut.png", "grace_hopper.jpg"]
    _, classified, _ = _classify(capsys, str(photo_folder))
    top1 = {r["image"]: [p["index"] for p in r["predictions"]] for r in classified if "predictions" in r}
    per_class = {}
    for image, indices in top1.items():
        label = Path(image).parent.name
        if label in TRUTH:
            n, correct, top5 = per_class.get(label, (0, 0, 0))
            per_class[label] = (n + 1, correct + (indices[0] == TRUTH[label]), top5 + (TRUTH[label] in indices))
    assert {k: {"n": v["n"], "accuracy": v["accuracy"]} for k, v in result["per_class"].items()} == {
        label: {"n": n, "accuracy": pytest.approx(c / n)} for label, (n, c, _) in per_class.items()}
    total = sum(n for n, _, _ in per_class.values())
    assert result["accuracy"] == pytest.approx(sum(c for _, c, _ in per_class.values()) / total)
    assert result["top5_accuracy"] == pytest.approx(sum(t for _, _, t in per_class.values()) / total)
    for row, label in enumerate(result["classes"]):
        assert sum(result["confusion"][row]) == per_class[label][0]
        assert result["confusion"][row][row] == per_class[label][1]


def test_evaluate_prints_a_readable_report(capsys, photo_folder, data):
    assert main(["evaluate", str(photo_folder)]) == 1
    out = capsys.readouterr().out
    assert "accuracy" in out and "confusion matrix (rows: folder, columns: predicted)" in out and "other" in out


@pytest.mark.parametrize("layout, message", [
    ("flat", "is not one subfolder per class (images lie directly in it), so it has no labels to evaluate against"),
    ("unknown", "no subfolder names an ImageNet class by index or name (people)"),
])
def test_evaluate_of_a_folder_without_usable_labels_is_one_line(capsys, tmp_path, make_photo_folder, layout, message):
    if layout == "flat":
        root = make_photo_folder(tmp_path / "flat", labelled=False)
    else:
        root = tmp_path / "unknown"
        (root / "people").mkdir(parents=True)
        (root / "people" / "a.png").write_bytes((Path(__file__).parent.parent / "resources" / "samples" /
                                                 "astronaut.png").read_bytes())
    assert main(["evaluate", str(root), "--json"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"vislab: {root}: {message}"]


def test_a_classify_killed_mid_run_loses_at_most_its_batch_and_a_rerun_completes(capsys, photo_folder, data):
    env = os.environ | {"VISLAB_DATA_DIR": str(data.parent)}
    child = subprocess.Popen([sys.executable, "-m", "vislab", "classify", str(photo_folder), "--batch-size", "2",
                              "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and child.poll() is None:
            if data.exists():
                try:
                    db = sqlite3.connect(f"file:{data}?mode=ro", uri=True, timeout=1)
                    stored = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
                    db.close()
                except sqlite3.OperationalError:  # the tables are not made yet
                    stored = 0
                if stored:
                    break
            time.sleep(0.01)
        assert child.poll() is None, "classify ended before it could be killed"
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
    with Store.open(data) as store:
        assert store.notice is None  # the file is sound
        kept = store.count()
    assert 2 <= kept < 13 and kept % 2 == 0  # whole batches only
    before = _created(data)
    status, out, _ = _classify(capsys, str(photo_folder), "--batch-size", "2")
    assert status == 1 and len(out) == 15 and sum("predictions" in r for r in out) == 13
    after = _created(data)
    assert len(after) == 13 and all(after[d] == t for d, t in before.items())  # earlier batches reused
