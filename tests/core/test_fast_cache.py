"""The fast path's cache never serves false numbers nor leaks disk: an export that gives NaN is made again once
(or the model stays on torch), a killed export leaves nothing a clean start does not sweep and no orphan that
goes on exporting, and a cache folder that cannot be written costs one export per process, said once."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from vislab.core import _onnx, fast
from vislab.core.images import read_image
from vislab.core.loading import load_model

MODEL = "torchvision/resnet18"  # random weights: a 45 MB export made in a few seconds


@pytest.fixture
def fast_on(monkeypatch):
    """The fast path on, exporting in this process (the child process is tested by the killed export)."""
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", False)
    fast.set_enabled(True)
    yield
    fast.set_enabled(None)


@pytest.fixture
def private_cache(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own, as a process sees it first: not swept yet, nothing noted."""
    monkeypatch.setenv("VISLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_onnx, "_noted", set())
    monkeypatch.setattr(fast, "_swept", set())
    monkeypatch.setattr(fast, "_export_dirs", {})
    return tmp_path / "cache"


@pytest.fixture
def notes(caplog):
    """The fast path's log warnings, as a list read at the end."""
    caplog.set_level(logging.WARNING, logger="vislab.core.fast")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "vislab.core.fast"]


@pytest.fixture(scope="module")
def resnet():
    """One random-weights model for the file, on torch until a test starts its fast path (:func:`_start`)."""
    torch.manual_seed(0)
    model = load_model(MODEL, device="cpu", pretrained=False, fast_path=False)
    yield model
    model._fast = None


@pytest.fixture
def model(resnet):
    """The model with no fast path, before and after the test."""
    resnet._fast = None
    yield resnet
    resnet._fast = None


def _start(model):
    """Start a new fast path for ``model``, as a new load of the same weights would, and wait for it."""
    model._fast = None
    model.start_fast_path()
    model.fast_ready(timeout=120)
    return model._fast


def _poison(path: Path) -> None:
    """Overwrite 4 KiB of the classifier's weights in the ONNX file ``path`` with NaN."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path))
    weight = next(i for i in graph.graph.initializer if tuple(i.dims) == (1000, 512))
    values = numpy_helper.to_array(weight).copy()
    values.reshape(-1)[:1024] = np.nan
    weight.CopyFrom(numpy_helper.from_array(values, weight.name))
    onnx.save(graph, str(path))


def _photo_batch(model, cat: Path) -> torch.Tensor:
    return model.pipeline(read_image(cat))[None]


def test_a_cached_export_that_gives_nan_is_made_again_once(fast_on, private_cache, model, cat):
    first = _start(model)
    assert first.ready, first.reason
    _poison(first.path)
    again = _start(model)  # the same weights: it finds the damaged file
    assert again.ready, again.reason
    assert again.exported and again.path == first.path
    probs, embedding = model.forward(_photo_batch(model, cat))
    assert model.backend == "onnx" and bool(torch.isfinite(probs).all()) and bool(torch.isfinite(embedding).all())


def test_an_export_that_gives_nan_again_leaves_the_model_on_torch_with_one_note(fast_on, private_cache, model,
                                                                                 cat, monkeypatch, notes):
    exports = []

    def poisoned(loaded, target: Path, stop=None) -> None:
        exports.append(target)
        _onnx.export(_onnx.detached_copy(loaded), loaded.spec.classifier, loaded.pipeline.crop, target)
        _poison(target)

    path = _onnx.export_path(model.spec.id, model.pipeline.crop, _onnx.weights_hash(model.module))
    poisoned(model, path)  # a damaged file in the cache
    monkeypatch.setattr(_onnx, "export_model", poisoned)  # and every export made again damaged
    for _ in range(2):
        state = _start(model)
        assert state.state == "failed" and model.backend == "torch" and "not finite" in state.reason
        assert bool(torch.isfinite(model.forward(_photo_batch(model, cat))[0]).all())
    assert exports == [path] * 3  # made again once per load, never twice
    assert not path.exists()  # no file known to give NaN is kept
    assert len(notes()) == 1 and "ResNet-18 stays on torch" in notes()[0] and "not finite" in notes()[0]


def test_a_session_that_gives_nan_while_serving_hands_over_to_torch(fast_on, private_cache, model, cat, notes):
    assert _start(model).ready
    path = model._fast.path
    _poison(path)
    model._fast._session = _onnx.open_session(path)  # as if it had gone wrong after its check
    batch = _photo_batch(model, cat)
    probs, _ = model.forward(batch)
    assert bool(torch.isfinite(probs).all())
    assert model.fast_state == "failed" and model.backend == "torch"
    assert not path.exists()  # torch's answer is finite: the export was at fault, the next start makes it again
    model.forward(batch)
    assert len(notes()) == 1 and "stopped serving" in notes()[0]


_EXPORTING = textwrap.dedent("""
    import torch
    from vislab.core.loading import load_model
    torch.manual_seed(0)
    load_model("torchvision/resnet18", device="cpu", pretrained=False).fast_ready()
""")


def _children(pid: int) -> list[int]:
    """The pids of the running processes whose parent is ``pid`` (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid and fields[0] not in "ZX":
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] not in "ZX"
    except OSError:
        return False


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"{what} within {timeout} s")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table in /proc")
def test_a_killed_export_leaves_no_orphan_and_a_clean_start_sweeps_what_it_left(fast_on, private_cache, model,
                                                                                  tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = os.environ | {"VISLAB_FAST": "1", "VISLAB_CACHE_DIR": str(private_cache), "TMPDIR": str(temp)}
    parent = subprocess.Popen([sys.executable, "-c", _EXPORTING], env=env, stderr=subprocess.PIPE)
    try:
        def handed_over():  # the weights for the exporting process, and that process
            assert not list(temp.glob("vislab-export-*")), "the weights went to the system's temporary folder"
            assert parent.poll() is None, parent.stderr.read().decode()
            return list(private_cache.glob("onnx/*.weights.part")) and _children(parent.pid)

        child = _wait_for(handed_over, 90, "no exporting process started")[0]
        time.sleep(1.0)  # the child is under way: importing torch, or exporting
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
    finally:
        parent.kill()
        parent.wait()
    _wait_for(lambda: not _running(child), 60, "the exporting process outlived its parent")
    left = [p.name for p in private_cache.joinpath("onnx").iterdir()]
    assert left and all(name.endswith(".part") for name in left), left  # what a kill leaves ...
    assert not list(temp.glob("vislab*"))  # ... and only in the cache folder
    clean = _start(model)  # a clean start: the first fast path of this process with this cache
    assert clean.ready, clean.reason
    assert [p.name for p in private_cache.joinpath("onnx").iterdir()] == [clean.path.name]


_ORPHAN = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from vislab.core import _onnx
    out = Path(sys.argv[1])
    partial = out.with_name(f"{out.name}.{os.getpid()}-1.part")
    partial.write_bytes(b"half an export")
    sys.platform = "other"  # no prctl: the parent-pid watcher alone, as on macOS
    _onnx.die_with_parent(out)
    out.with_name("watching").write_text(str(os.getpid()))
    time.sleep(60)
""")


_MIDDLE = textwrap.dedent("""
    import os, subprocess, sys, time
    from pathlib import Path
    code, out = sys.argv[1:]
    child = subprocess.Popen([sys.executable, "-c", code, out],
                             env=os.environ | {os.environ["PARENT_ENV"]: str(os.getpid())})
    while not Path(out).with_name("watching").exists():
        if child.poll() is not None:
            sys.exit(f"the export process ended first, with status {child.returncode}")
        time.sleep(0.05)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="a Windows orphan keeps its parent pid")
def test_without_prctl_an_orphaned_export_ends_and_removes_its_partial_file(tmp_path):
    out = tmp_path / "m.onnx"
    subprocess.run([sys.executable, "-c", _MIDDLE, _ORPHAN, str(out)], check=True, timeout=90,
                   env=os.environ | {"PARENT_ENV": _onnx.PARENT_ENV})  # it ends: its child is orphaned
    orphan = int((tmp_path / "watching").read_text())

    def ended() -> bool:
        try:
            os.kill(orphan, 0)
        except ProcessLookupError:
            return True
        return sys.platform.startswith("linux") and not _running(orphan)  # a zombie nobody reaped yet

    _wait_for(ended, 60, "the orphaned export went on")
    assert [p.name for p in tmp_path.iterdir()] == ["watching"]


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_start_sweeps_the_temporary_files_of_dead_processes_and_old_ones(private_cache, tmp_path, monkeypatch):
    onnx, temp = private_cache / "onnx", tmp_path / "tmp"
    onnx.mkdir(parents=True)
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    dead, me, old = _dead_pid(), os.getpid(), time.time() - 2 * fast.STALE_AFTER
    gone = [onnx / f"m.onnx.{dead}-1.part", onnx / f"m.onnx.{dead}-1.weights.part", onnx / f"m.onnx.{me}-2.part",
            temp / f"vislab-onnx-{dead}-x1", temp / "vislab-export-x2"]
    kept = [onnx / f"m.onnx.{me}-3.part", onnx / "m.onnx", temp / f"vislab-onnx-{me}-x3", temp / "vislab-export-x4",
            temp / "other.part", temp / f"vislab-onnx-{me}-x5"]
    for path in gone + kept:
        if path.parent == temp and path.name.startswith("vislab-"):
            path.mkdir()
            (path / "weights.pt").write_bytes(b"w")
        else:
            path.write_bytes(b"w")
    for path in (gone[2], gone[4]):  # a live pid (reused) or no pid, but older than any export takes
        os.utime(path, (old, old))
    os.utime(kept[-1], (old, old))  # the folder of a live process that has run for hours
    fast.start_cache()
    assert sorted(onnx.iterdir()) + sorted(temp.iterdir()) == sorted(kept[:2]) + sorted(kept[2:])
    late = onnx / f"m.onnx.{dead}-4.part"
    late.write_bytes(b"w")
    fast.start_cache()  # once per process and cache folder
    assert late.exists()


def _immutable(folder: Path) -> None:
    if shutil.which("chattr") is None:
        pytest.skip("no chattr to make a folder read-only for root")
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False).returncode != 0:
        pytest.skip("this file system (or user) cannot make a folder immutable")


#: chmod 0o555 stops every user but root, so it is a case only where the tests do not run as root.
READ_ONLY_CASES = [*(["chmod"] if hasattr(os, "geteuid") and os.geteuid() != 0 else []), "immutable", "under-a-file"]


@pytest.fixture(params=READ_ONLY_CASES)
def read_only_cache(request, private_cache, monkeypatch) -> Path:
    """A cache folder, empty, that nobody can write to, root included: its ``onnx`` folder."""
    onnx = private_cache / "onnx"
    if request.param == "under-a-file":  # the cache path goes through a regular file: no one can make it
        private_cache.write_bytes(b"not a folder")
        onnx = private_cache / "cache" / "onnx"
        monkeypatch.setenv("VISLAB_CACHE_DIR", str(private_cache / "cache"))
        yield onnx
        return
    onnx.mkdir(parents=True)
    if request.param == "chmod":
        onnx.chmod(0o555)
    else:
        _immutable(onnx)
    try:
        yield onnx
    finally:
        if request.param == "chmod":
            onnx.chmod(0o755)
        else:
            subprocess.run(["chattr", "-i", str(onnx)], check=False)


def test_a_read_only_cache_is_said_once_and_the_process_exports_once(fast_on, read_only_cache, model, tmp_path,
                                                                    monkeypatch, notes):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    first = _start(model)
    assert first.ready, first.reason
    assert first.exported and first.path.parent.parent == temp
    second = _start(model)
    assert second.ready, second.reason
    assert not second.exported and second.path == first.path
    assert not read_only_cache.is_dir() or not list(read_only_cache.iterdir())
    assert len(notes()) == 1, notes()
    assert str(read_only_cache) in notes()[0] and "cannot be written" in notes()[0]
    shutil.rmtree(first.path.parent)  # what the end of the process would remove
