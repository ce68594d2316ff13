"""``vislab classify FOLDER --ray`` and ``embed --ray`` on one local Ray (two CPUs) for the whole module: the same
answers as the local commands, Parquet that imports into the store, and a worker killed mid-job that costs no row."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

ray = pytest.importorskip("ray")
pq = pytest.importorskip("pyarrow.parquet")

from conftest import build_photo_folder  # noqa: E402

from vislab.cli import main  # noqa: E402
from vislab.core import result_files  # noqa: E402
from vislab.core.store import FILE_NAME, Store, file_digest  # noqa: E402

#: The title Ray gives an actor's process while it runs a batch of the pool.
BUSY_TITLE = b"ray::MapWorker(MapBatches(Worker)).submit"


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    """One local Ray for the module; its workers inherit the tests' sandboxed environment (tests/conftest.py)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """15 photo files of conftest's folder (a damaged JPEG and an empty PNG among them), flat, and a text file
    named .png: 16 files, 13 readable."""
    root = build_photo_folder(tmp_path_factory.mktemp("cluster") / "photos", labelled=False)
    (root / "notes.png").write_text("a text file, named as a photo")
    return root


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def classified(folder, tmp_path_factory) -> tuple[int, dict, str, Path]:
    """``classify --ray FOLDER --out DIR --json`` (the folder right after ``--ray`` is the folder, not an
    address), once for the module: status, summary, stderr, the folder."""
    out = tmp_path_factory.mktemp("results") / "run"
    status, stdout, stderr = _run("classify", "--ray", str(folder), "--out", str(out), "--json")
    return status, json.loads(stdout), stderr, out


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A store of this test's own."""
    monkeypatch.setenv("VISLAB_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / FILE_NAME


def _rows(out: Path) -> list[dict]:
    return pq.read_table(out).to_pylist()


def test_classify_on_ray_gives_the_local_answers(classified, folder, data, capsys):
    status, summary, stderr, out = classified
    assert main(["classify", str(folder), "--json"]) == 1
    captured = capsys.readouterr()
    local = {r["image"]: r for r in json.loads(captured.out)}
    rows = {r["path"]: r for r in _rows(out)}
    assert set(rows) == set(local) and len(rows) == 16
    for path, answer in local.items():
        row = rows[path]
        if "error" in answer:
            assert row["error"] == answer["error"] and row["indices"] == [] and row["vector"] is None
            continue
        assert row["error"] is None and row["model"] == "efficientnet_lite0" and row["source"] == "bundled"
        assert row["indices"][:5] == [p["index"] for p in answer["predictions"]]
        assert row["labels"][:5] == [p["label"] for p in answer["predictions"]]
        np.testing.assert_allclose(row["probabilities"][:5], [p["probability"] for p in answer["predictions"]],
                                   atol=1e-4)
    broken = sorted(Path(p).name for p, r in rows.items() if r["error"])
    assert broken == ["notes.png", "people_empty.png", "tabby_damaged.jpg"]
    # The command's own report: exit 1 as the local one, the same error lines, one summary.
    assert status == 1
    assert stderr.splitlines() == captured.err.splitlines()
    assert summary["rows"] == 16 and summary["workers"] == 2 and summary["out"] == str(out)
    assert [e["image"] for e in summary["errors"]] == [p for p, r in local.items() if "error" in r]
    assert pq.read_schema(next(out.glob("*.parquet"))).metadata[result_files.MARK] == result_files.VERSION.encode()


def test_the_results_import_into_the_store_and_similar_agrees(classified, folder, data, tmp_path, monkeypatch):
    query = folder / "tabby_chelsea.png"
    status, stdout, _ = _run("similar", str(query), str(folder), "-k", "5", "--json")
    computed = json.loads(stdout)
    assert status == 1 and len(computed) == 5  # three unreadable files; the model ran in this process
    monkeypatch.setenv("VISLAB_DATA_DIR", str(tmp_path / "imported"))
    with Store.open() as store:
        imported = result_files.import_results(classified[3], store)
        assert imported.rows == 16 and imported.stored == 13 and len(imported.errors) == 3
    status, stdout, _ = _run("similar", str(query), str(folder), "-k", "5", "--json")
    answered = json.loads(stdout)
    assert [a["image"] for a in answered] == [c["image"] for c in computed]
    np.testing.assert_allclose([a["similarity"] for a in answered], [c["similarity"] for c in computed], atol=1e-4)


def test_embed_on_ray_gives_the_local_vectors(folder, data, tmp_path, capsys):
    local = tmp_path / "vectors.npz"
    assert main(["embed", str(folder), "--out", str(local)]) == 1
    capsys.readouterr()
    out = tmp_path / "embedded"
    status, stdout, stderr = _run("embed", str(folder), "--ray", "--out", str(out))
    assert status == 1 and len(stderr.splitlines()) == 3
    assert stdout.startswith("16 rows embedded") and str(out) in stdout
    saved = np.load(local)
    rows = {r["path"]: r for r in _rows(out) if r["vector"] is not None}
    assert sorted(rows) == sorted(str(f) for f in saved["files"])
    for path, vector in zip(saved["files"], saved["vectors"], strict=True):
        np.testing.assert_allclose(np.asarray(rows[str(path)]["vector"], np.float32), vector, rtol=1e-3, atol=1e-3)


def test_a_weights_file_travels_to_the_workers(folder, lite0, tmp_path):
    import torch

    weights = tmp_path / "lite0.pth"
    torch.save(lite0.module.state_dict(), weights)
    bad = tmp_path / "bad.pth"
    bad.write_text("not weights")
    out = tmp_path / "weighted"
    status, _, stderr = _run("classify", str(folder / "espresso_coffee.png"), str(folder / "657_rocket.jpg"),
                             "--ray", "--out", str(out), "--weights", str(weights), "--workers", "1")
    assert status == 0, stderr
    rows = {Path(r["path"]).name: r for r in _rows(out)}
    assert rows["espresso_coffee.png"]["indices"][0] == 967 and rows["657_rocket.jpg"]["indices"][0] == 657
    # The file as named here (not a worker's copy) with its content's hash, as the store records a file.
    assert {r["source"] for r in rows.values()} == {f"{weights}#{file_digest(weights)}"}
    status, _, stderr = _run("classify", str(folder / "espresso_coffee.png"), "--ray", "--out", str(tmp_path / "b"),
                             "--weights", str(bad), "--workers", "1")
    assert status == 1 and stderr.splitlines()[-1].startswith(f"vislab: a worker could not load the model: {bad}: ")


def _busy_worker(deadline: float) -> int | None:
    """The pid of a pool actor's process while it runs a batch (Ray titles it so), None by the deadline."""
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if (entry / "cmdline").read_bytes().startswith(BUSY_TITLE):
                        return int(entry.name)
                except OSError:
                    continue
        time.sleep(0.02)
    return None


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the worker's process through /proc")
def test_a_worker_killed_mid_job_costs_no_row_and_repeats_none(folder, tmp_path, classified):
    out = tmp_path / "killed"
    shutil.copytree(classified[3], out)  # an earlier run's results, which this run replaces
    outcome: dict = {}

    def job() -> None:
        outcome["result"] = _run("classify", str(folder), "--ray", "--out", str(out), "--workers", "2",
                                 "--batch-size", "1", "--json")

    thread = threading.Thread(target=job)
    thread.start()
    pid = _busy_worker(time.monotonic() + 120)
    assert pid is not None, "no worker started a batch"
    os.kill(pid, signal.SIGKILL)
    assert thread.is_alive()  # killed mid-job
    thread.join(300)
    status, stdout, stderr = outcome["result"]
    assert status == 1 and json.loads(stdout)["rows"] == 16, stderr
    counts = Counter(r["path"] for r in _rows(out))
    assert sorted(counts) == sorted(str(f) for f in folder.iterdir() if f.suffix != ".txt")
    assert set(counts.values()) == {1}


# -- refused before any work ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("extra", "says"), [
    ((), "--ray writes Parquet result files: name their folder with --out DIR"),
    (("--op", "grayscale", "--out", "x"), "--op does not go with --ray"),
    (("--csv", "t.csv", "--out", "x"), "--csv does not go with --ray"),
])
def test_classify_on_ray_refuses_what_makes_no_sense(capsys, cat, extra, says):
    assert main(["classify", str(cat), "--ray", *extra]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"vislab: {says}")


def test_out_must_be_an_empty_folder_or_an_earlier_runs(capsys, cat, tmp_path, classified):
    from vislab.core.cluster import check_out_folder

    a_file = tmp_path / "a.txt"
    a_file.write_text("x")
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "mine.csv").write_text("a,b")
    for out, says in ((a_file, "is a file; with --ray, --out names a folder of result files (Parquet)"),
                      (taken, "the folder holds other files than vislab result files (mine.csv); name an empty or "
                              "a new folder"),
                      (tmp_path / "no" / "such", f"the folder {tmp_path / 'no'} does not exist")):
        assert main(["classify", str(cat), "--ray", "--out", str(out)]) == 1
        assert capsys.readouterr().err.splitlines() == [f"vislab: --out {out}: {says}"]
    assert check_out_folder(str(classified[3])) is True  # an earlier run's results: replaced
    assert check_out_folder(str(tmp_path / "new")) is False


def test_embed_on_ray_takes_a_folder_not_an_npz(capsys, cat, tmp_path):
    assert main(["embed", str(cat), "--ray", "--out", str(tmp_path / "v.npz")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"vislab: --out {tmp_path / 'v.npz'}: with --ray, --out names a folder of result files (Parquet), "
        "not a .npz file"]


def test_ray_options_without_ray_are_refused(capsys, cat, tmp_path):
    assert main(["classify", str(cat), "--workers", "2"]) == 1
    assert capsys.readouterr().err.splitlines() == ["vislab: --workers is for a run on Ray: add --ray (or --ray "
                                                    "ADDRESS)"]
    assert main(["classify", str(cat), "--out", str(tmp_path / "r")]) == 1
    assert "--out is for a run on Ray" in capsys.readouterr().err


def test_without_ray_installed_it_says_how_to_install_it(capsys, cat, tmp_path, monkeypatch):
    import sys

    for name in ("ray", "ray.data"):
        monkeypatch.setitem(sys.modules, name, None)  # `import ray` fails as it does without the extra
    assert main(["classify", str(cat), "--ray", "--out", str(tmp_path / "r")]) == 1
    assert capsys.readouterr().err.splitlines() == ["vislab: running on Ray needs Ray Data and PyArrow: pip install "
                                                    "'vislab[cluster]'"]


def test_an_unreachable_cluster_is_one_line_naming_it(tmp_path, cat):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "vislab", "classify", str(cat), "--ray", "127.0.0.1:9",
                           "--out", str(tmp_path / "r")], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["vislab: cannot reach the Ray cluster at 127.0.0.1:9: Connection refused"]


def test_a_word_after_ray_is_an_address_only_when_it_names_a_cluster():
    from vislab.cli.cluster import address_or_folder

    assert address_or_folder(["classify", "--ray", "photos/", "--out", "r"]) == [
        "classify", "--ray=local", "photos/", "--out", "r"]
    for address in ("auto", "ray://head:10001", "10.0.0.5:6379", "local"):
        assert address_or_folder(["classify", "p", "--ray", address]) == ["classify", "p", "--ray", address]
    assert address_or_folder(["embed", "p", "--ray", "--out", "r"]) == ["embed", "p", "--ray", "--out", "r"]
