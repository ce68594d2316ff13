"""The ONNX Runtime fast path agrees with torch, exports once, and never fails a user."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading

import pytest
import torch

from vislab.core import _onnx, fast
from vislab.core.images import read_image
from vislab.core.loading import load_model

PARITY = ["efficientnet_lite0", "vit_tiny_patch16_224", "torchvision/resnet18", "convnext_tiny"]


@pytest.fixture
def fast_on(monkeypatch):
    """The fast path on, exporting in this process (a child process costs a torch import per export); the
    export in a child process, the default, is tested by itself."""
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", False)
    fast.set_enabled(True)
    yield
    fast.set_enabled(None)


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VISLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_onnx, "_noted", set())
    return tmp_path / "cache"


def _load(model_id: str):
    torch.manual_seed(0)  # the same random weights every time: the same cache file
    return load_model(model_id, device="cpu", pretrained=model_id == "efficientnet_lite0")


def _both_paths(model, batch: torch.Tensor):
    assert model.backend == "onnx"
    onnx = model.forward(batch)
    fast.set_enabled(False)
    try:
        assert model.backend == "torch"
        return onnx, model.forward(batch)
    finally:
        fast.set_enabled(True)


@pytest.mark.parametrize("model_id", PARITY)
def test_onnx_runtime_agrees_with_torch(fast_on, cat, samples, model_id):
    model = _load(model_id)
    assert model.fast_ready(timeout=120), model._fast.reason
    images = [read_image(cat), read_image(samples / "coffee.png")]
    batch = torch.stack([model.pipeline(image) for image in images])
    (probs, embedding), (torch_probs, torch_embedding) = _both_paths(model, batch)
    assert probs.shape == torch_probs.shape == (2, 1000)
    assert torch.equal(probs.topk(5).indices, torch_probs.topk(5).indices)
    assert float((probs - torch_probs).abs().max()) <= 1e-4
    assert torch.allclose(embedding, torch_embedding, rtol=1e-3, atol=1e-3)
    if model_id == "efficientnet_lite0":
        assert model.classify(images[0], 1)[0].label == "tabby, tabby cat"


def test_an_export_is_made_in_a_child_process_and_reused_on_the_next_load(fast_on, private_cache, monkeypatch):
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", True)
    first = _load("torchvision/resnet18")
    assert first.fast_ready(timeout=120)
    assert first._fast.exported and first._fast.path.parent == private_cache / "onnx"
    written = first._fast.path.stat().st_mtime_ns
    second = _load("torchvision/resnet18")
    assert second.fast_ready(timeout=120)
    assert not second._fast.exported and second._fast.path == first._fast.path
    assert second._fast.path.stat().st_mtime_ns == written
    assert len(list(private_cache.joinpath("onnx").iterdir())) == 1  # no partial files left behind


def test_a_model_that_fails_to_export_stays_on_torch_with_one_note(fast_on, private_cache, monkeypatch, caplog, cat):
    def broken(*_args, **_kwargs):
        raise RuntimeError("unsupported operator")

    monkeypatch.setattr(_onnx, "export_model", broken)
    with caplog.at_level(logging.WARNING, logger="vislab.core.fast"):
        for _ in range(2):
            model = _load("vit_tiny_patch16_224")
            assert not model.fast_ready(timeout=120)
            assert model.fast_state == "failed" and model.backend == "torch"
            assert len(model.classify(read_image(cat), 3)) == 3
    notes = [r.getMessage() for r in caplog.records if r.name == "vislab.core.fast"]
    assert len(notes) == 1 and "ViT-Tiny/16 stays on torch" in notes[0] and "unsupported operator" in notes[0]


def test_a_session_that_disagrees_with_torch_never_serves(fast_on, private_cache, monkeypatch):
    monkeypatch.setattr(_onnx, "PROBABILITY_TOLERANCE", -1.0)
    model = _load("torchvision/resnet18")
    assert not model.fast_ready(timeout=120)
    assert "disagrees with torch" in model._fast.reason and model.backend == "torch"


def test_the_switch_turns_the_fast_path_off(monkeypatch):
    monkeypatch.setenv("VISLAB_FAST", "0")
    assert not fast.enabled()
    model = _load("torchvision/resnet18")
    assert model.fast_state == "off" and model.backend == "torch" and not model.fast_ready(0)
    monkeypatch.setenv("VISLAB_FAST", "1")
    assert fast.enabled()
    fast.set_enabled(False)
    try:
        assert not fast.enabled()
    finally:
        fast.set_enabled(None)


def test_explanation_copies_stay_on_torch(fast_on, lite0):
    assert lite0.randomized().fast_state == "off"


def test_the_cache_folder_follows_platform_conventions(monkeypatch, tmp_path):
    monkeypatch.setenv("VISLAB_CACHE_DIR", str(tmp_path / "mine"))
    assert fast.onnx_dir() == tmp_path / "mine" / "onnx"
    monkeypatch.delenv("VISLAB_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if fast.sys.platform.startswith("linux"):
        assert fast.cache_dir() == tmp_path / "xdg" / "vislab"


def test_a_child_process_that_fails_names_the_reason(private_cache, lite0, monkeypatch):
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", True)
    with pytest.raises(RuntimeError, match="Unexpected key"):
        _onnx.export_model(_Broken(lite0), private_cache / "x.onnx")


class _Broken:
    """A loaded model whose weights do not fit its architecture."""

    def __init__(self, model) -> None:
        self.spec, self.pipeline = model.spec, model.pipeline
        self.module = torch.nn.Linear(2, 2)


def test_the_switch_imports_no_torch():
    code = "import sys, vislab.core.fast as f; f.set_enabled(False); print('torch' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.strip() == "False"


def test_a_cached_export_that_disagrees_is_made_again(fast_on, private_cache):
    """An export left by an older vislab, timm or ONNX Runtime that no longer matches torch is replaced."""
    model = _load("torchvision/resnet18")
    assert model.fast_ready(timeout=120)
    path = model._fast.path
    other = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(),
                                torch.nn.Linear(8, 1000)).eval()
    _onnx.export(other, "3", (224, 224), path)  # the same file name, other numbers
    again = _load("torchvision/resnet18")  # the same weights: it finds that file in the cache
    assert again.fast_ready(timeout=120) and again._fast.exported and again.backend == "onnx"
    assert again._fast.path == path


def test_latency_is_read_only_and_follows_what_serves(fast_on, private_cache):
    """The fast path's thread writes nothing on the model: the model's latency is derived from its own
    torch warm-up and from its fast path's timing."""
    model = load_model("torchvision/resnet18", device="cpu", pretrained=False, fast_path=False)
    assert isinstance(type(model).latency, property) and type(model).latency.fset is None
    with pytest.raises(AttributeError):
        model.latency = 1.0
    torch_latency = model.latency
    assert torch_latency is not None and torch_latency > 0
    before = dict(vars(model))
    model.start_fast_path()
    assert model.fast_ready(timeout=120), model._fast.reason
    after = dict(vars(model))
    assert after.pop("_fast") is model._fast and before.pop("_fast") is None
    assert after.keys() == before.keys() and all(after[k] is before[k] for k in before)
    assert model.backend == "onnx" and model.latency == model._fast.latency
    fast.set_enabled(False)
    try:
        assert model.backend == "torch" and model.latency == torch_latency
    finally:
        fast.set_enabled(True)


def test_turning_the_fast_path_on_twice_at_once_starts_one(fast_on, private_cache):
    model = load_model("torchvision/resnet18", device="cpu", pretrained=False, fast_path=False)
    threads = [threading.Thread(target=model.start_fast_path) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first = model._fast
    assert first is not None and model.fast_ready(timeout=120)
    model.start_fast_path()
    assert model._fast is first
    assert model._fast_lock is not model._memo_lock


def _exporting_children() -> list[int]:
    """The pids of this process's children that run an export (``python -m vislab.core._onnx``)."""
    import os
    from pathlib import Path

    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()
            command = entry.joinpath("cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"vislab.core._onnx" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the children from /proc")
def test_a_process_ending_mid_export_stops_the_export_first_without_a_note(fast_on, private_cache, monkeypatch,
                                                                            caplog):
    # A daemon thread still in torch or ONNX Runtime when the interpreter goes aborts the process
    # ("terminate called without an active exception") after a command has answered: at exit, the
    # preparation stops at its next step, its export child ended, before the interpreter goes on.
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", True)
    with caplog.at_level(logging.WARNING, logger="vislab.core.fast"):
        model = _load("torchvision/resnet18")
        deadline = threading.Event()
        for _ in range(600):  # the export child starts once the reference batch is made
            if _exporting_children():
                break
            deadline.wait(0.1)
        assert _exporting_children(), "no export started"
        _onnx._abandon_all()  # what the interpreter calls at exit
        assert model._fast._done.is_set() and not model._fast._thread.is_alive()
    assert model.fast_state == "failed" and model._fast.reason.startswith("stopped")
    assert _exporting_children() == []
    assert not [r for r in caplog.records if r.name == "vislab.core.fast"]  # no "stays on torch" note
    assert not list(private_cache.joinpath("onnx").glob("*.onnx"))  # nothing half made is kept
