"""``vislab import-results DIR``: result files (Parquet, as a cluster run writes them) made here from real records
of the bundled EfficientNet-Lite0, read into a real store; ``vislab similar`` then answers from the store without
loading the model (checked in a process of its own, with the weights file gone and torch never imported)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("pyarrow")

from vislab.cli import main
from vislab.core import result_files
from vislab.core import store as store_module
from vislab.core.collection import process, scan, vectors
from vislab.core.collection import similar as nearest
from vislab.core.store import FILE_NAME, Store, model_key


@pytest.fixture(scope="module")
def make_folder(request):
    """tests/conftest.py's ``build_photo_folder`` (its fixture is per test; the folder here is per module)."""
    return request.config.pluginmanager.get_plugin(str(Path(__file__).parent / "conftest.py")).build_photo_folder


@pytest.fixture(scope="module")
def run(tmp_path_factory, lite0, make_folder) -> SimpleNamespace:
    """A labelled folder of 15 files (2 unreadable), its records computed here with no store, written as two
    result files (as two workers would), and the same records written again with a weights file as their source."""
    root = tmp_path_factory.mktemp("run")
    folder = make_folder(root / "photos")
    files = list(scan(folder).files)
    records = [r for batch in process(files, lite0, None, top_k=5) for r in batch]
    key = model_key(lite0)
    out = root / "out"
    out.mkdir()
    result_files.write(out / "part-00000.parquet", records[:8], lite0.spec.id, key, lite0.labels, lite0.weights)
    result_files.write(out / "part-00001.parquet", records[8:], lite0.spec.id, key, lite0.labels, lite0.weights)
    weights = root / "lite0-copy.pth"  # the same weights from a file: its results' source is that file
    return SimpleNamespace(folder=folder, files=files, records={r.path: r for r in records}, key=key, out=out,
                           weights=weights, labels=lite0.labels, root=root)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A store of this test's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv("VISLAB_DATA_DIR", str(folder))
    return folder / FILE_NAME


def _import(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["import-results", *[str(a) for a in args]])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_import_results_fills_the_store_and_importing_twice_changes_nothing(capsys, run, data):
    status, out, err = _import(capsys, run.out, "--json")
    assert status == 0, err
    summary = json.loads(out)
    assert (summary["rows"], summary["stored"], summary["errors"]) == (15, 13, 2)
    assert summary["models"] == [{"key": run.key, "model": "efficientnet_lite0", "source": "bundled"}]
    assert summary["files"] == [str(run.out / "part-00000.parquet"), str(run.out / "part-00001.parquet")]
    assert summary["store"] == str(data)
    with Store.open(data) as store:
        assert store.count() == store.count(run.key) == 13
        [stored] = store.models("efficientnet_lite0")
        assert (stored.key, stored.sources, stored.count, stored.description) == (run.key, ("bundled",), 13,
                                                                                  "efficientnet_lite0")
        found = store.lookup(run.key, run.files)
    assert len(found) == 13
    for path, record in found.items():  # the stored answers are the local computation's
        local = run.records[path]
        assert record.indices == local.indices and record.digest == local.digest
        assert np.allclose(record.probabilities, local.probabilities, atol=1e-6)
        assert np.array_equal(record.vector, local.vector)  # float16 both ways
        assert record.full_entropy == pytest.approx(local.full_entropy)

    status, out, err = _import(capsys, run.out)  # again: the same rows, no duplicates
    assert status == 0
    line, = out.splitlines()
    assert line == (f"15 rows from 2 result files: 13 answers stored, 2 error rows (efficientnet_lite0) in {data}")
    assert "empty.png" in err  # an example of an error row, as a note
    with Store.open(data) as store:
        assert store.count() == 13 and len(store.models()) == 1


def test_imported_files_are_not_hashed_again_and_a_changed_one_is_not_matched(capsys, run, data, monkeypatch,
                                                                              tmp_path):
    assert _import(capsys, run.out)[0] == 0
    hashed: list[Path] = []
    real = store_module.file_digest
    monkeypatch.setattr(store_module, "file_digest", lambda path: hashed.append(Path(path)) or real(path))
    with Store.open(data) as store:
        assert len(store.lookup(run.key, run.files)) == 13
        # Only the two unreadable files (error rows, not stored) were hashed: the others' size and mtime matched.
        assert sorted(p.name for p in hashed) == ["damaged.jpg", "empty.png"]
    # A copy elsewhere is found by its content; a changed file is not matched (and would be computed again).
    changed = tmp_path / "changed.png"
    changed.write_bytes(next(p for p in run.files if p.name == "coffee.png").read_bytes() + b"\0")
    with Store.open(data) as store:
        assert store.lookup(run.key, [changed]) == {}


def _similar(folder: Path, query: Path, *extra: str, env: dict) -> subprocess.CompletedProcess:
    code = ("import sys\nfrom vislab.cli import main\n"
            f"status = main(['similar', {str(query)!r}, {str(folder)!r}, '-k', '4', '--json', *{list(extra)!r}])\n"
            "print('torch' in sys.modules, file=sys.stderr)\nsys.exit(status)\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300,
                          check=False)


def test_similar_answers_from_imported_results_without_loading_the_model(capsys, run, data, lite0, tmp_path):
    import torch

    torch.save(lite0.module.state_dict(), run.weights)
    out = tmp_path / "from-file"
    out.mkdir()
    records = list(run.records.values())
    result_files.write(out / "part.parquet", records, lite0.spec.id, run.key, lite0.labels, str(run.weights))
    with Store.open(data) as store:
        result_files.import_results(out, store)
        [stored] = store.models("efficientnet_lite0")
        # The file is here: its path with its content hash (weights overwritten later are another source).
        assert stored.sources == (f"{run.weights.resolve()}#{store_module.file_digest(run.weights)}",)
    run.weights.unlink()  # the model cannot be loaded from it any more: an answer can only come from the store

    # The folder holds an unreadable file (an error row, no answer): read with PIL alone, it is that error.
    folder, query = run.folder / "tabby", run.folder / "espresso" / "coffee.png"
    env = {**os.environ, "VISLAB_DATA_DIR": str(data.parent)}
    done = _similar(folder, query, "--weights", str(run.weights), env=env)
    assert done.returncode == 1  # as without the store: the unreadable file is one line, the others answer
    *errors, imported = done.stderr.strip().splitlines()
    assert imported == "False"  # torch was never imported
    assert errors == [f"vislab: {run.records[folder / 'damaged.jpg'].error}"]
    found = json.loads(done.stdout)
    files = list(scan(folder).files)
    local = [run.records[f] for f in files]
    expected = nearest(vectors(local), run.records[query].vector, 4)
    assert [item["image"] for item in found] == [str(files[i]) for i, _s in expected]
    assert [item["similarity"] for item in found] == pytest.approx([s for _i, s in expected], abs=1e-5)

    # Not these weights' results (no --weights: the bundled ones): the model loads, and says the same.
    assert main(["similar", str(query), str(folder), "-k", "4", "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == found and captured.err.splitlines() == errors


def test_evaluate_answers_from_imported_results_without_loading_the_model(capsys, run, data, tmp_path):
    from vislab.core.collection import evaluate

    out = tmp_path / "from-file"
    out.mkdir()
    gone = tmp_path / "cluster" / "finetuned.pth"  # the weights stayed on the cluster: loading them here fails
    result_files.write(out / "part.parquet", list(run.records.values()), "efficientnet_lite0", run.key, run.labels,
                       str(gone))
    assert _import(capsys, out)[0] == 0
    status = main(["evaluate", str(run.folder), "--weights", str(gone), "--json"])
    captured = capsys.readouterr()
    assert status == 1  # the two unreadable files, one line each, as without the store
    assert len(captured.err.splitlines()) == 3 and "no ImageNet class (people)" in captured.err
    collection = scan(run.folder)
    expected = evaluate([run.records[f] for f in collection.files], collection.labels, run.labels)
    assert json.loads(captured.out) == json.loads(json.dumps(expected.to_dict("efficientnet_lite0", 15)))


def test_similar_loads_the_model_when_a_photo_has_no_stored_answer(capsys, run, data, tmp_path):
    from PIL import Image

    assert _import(capsys, run.out)[0] == 0
    folder = tmp_path / "more"
    folder.mkdir()
    for name in ("coffee.png", "coffee_crop.png"):
        (folder / name).write_bytes((run.folder / "espresso" / name).read_bytes())
    Image.open(run.folder / "espresso" / "coffee.png").rotate(5).save(folder / "coffee_turned.png")  # not in the run
    env = {**os.environ, "VISLAB_DATA_DIR": str(data.parent)}
    done = _similar(folder, run.folder / "espresso" / "coffee.png", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "True"  # it loaded the model for the new photo
    assert {Path(item["image"]).name for item in json.loads(done.stdout)} == {"coffee.png", "coffee_crop.png",
                                                                               "coffee_turned.png"}


def _not_vislab(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"name": ["a", "b"], "value": [1, 2]}), path)
    return path


def _truncated(run, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (run.out / "part-00000.parquet").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("case, reason", [
    ("missing", "no such folder of result files"),
    ("empty", "holds no result files (.parquet)"),
    ("not_vislab", "is not a vislab result file (no path, digest, size, mtime_ns column)"),
    ("truncated", "is not a readable Parquet file"),
])
def test_bad_input_is_one_message_and_a_failing_status(capsys, run, data, tmp_path, case, reason):
    target = {"missing": lambda: tmp_path / "nowhere",
              "empty": lambda: (tmp_path / "empty").mkdir() or tmp_path / "empty",
              "not_vislab": lambda: _not_vislab(tmp_path / "other" / "table.parquet").parent,
              "truncated": lambda: _truncated(run, tmp_path / "cut" / "part.parquet").parent}[case]()
    status, out, err = _import(capsys, target)
    assert status == 1 and out == ""
    line, = err.splitlines()
    assert line.startswith("vislab: ") and reason in line and "Traceback" not in err
    if data.exists():  # a damaged file is found once the store is open: nothing of it was stored
        with Store.open(data) as store:
            assert store.count() == 0


def test_without_pyarrow_the_message_says_how_to_install_it(capsys, run, data, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what `import pyarrow` meets where it is not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    status, _out, err = _import(capsys, run.out)
    assert status == 1
    assert err.strip() == "vislab: reading and writing result files needs PyArrow: pip install 'vislab[cluster]'"


def test_the_photos_here_make_a_collection_labelled_like_a_scanned_folder(run, tmp_path):
    elsewhere = Path("/cluster/scratch/photos/tabby/x.jpg")
    collection, missing = result_files.local_collection([*reversed(run.files), elsewhere, run.files[0]])
    scanned = scan(run.folder)
    assert (collection.root, collection.files, collection.labels) == (scanned.root, scanned.files, scanned.labels)
    assert missing == [elsewhere]
    flat, _ = result_files.local_collection([p for p in run.files if p.parent.name == "tabby"])
    assert flat.root == run.folder / "tabby" and not flat.labelled


def test_a_row_without_its_model_key_is_refused_naming_the_file(capsys, run, data, tmp_path):
    import pyarrow.parquet as pq

    table = pq.read_table(run.out / "part-00000.parquet")
    keys = table.column("model_key").to_pylist()
    keys[3] = None
    bad = tmp_path / "bad" / "part.parquet"
    bad.parent.mkdir()
    pq.write_table(table.set_column(table.schema.get_field_index("model_key"), "model_key", [keys]), bad)
    status, _out, err = _import(capsys, bad.parent)
    assert status == 1
    assert err.strip().startswith(f"vislab: {bad}: a row without a path, model or model key")
