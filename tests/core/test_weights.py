"""Weights: where they come from, how files are read, and what is refused."""

from __future__ import annotations

import functools
import http.server
import itertools
import os
import pickle
import threading
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from vislab.core import weights as W
from vislab.core.catalog import get_spec
from vislab.core.errors import DownloadCancelled, WeightsError, WeightsUnavailableError
from vislab.core.libraries import architecture
from vislab.core.libraries.torchvision_library import torch_hub_reporting
from vislab.core.loading import load_model

RESNET18 = get_spec("torchvision/resnet18")
VIT_TINY = get_spec("vit_tiny_patch16_224")


class _Payload:
    """A pickle that would create a file if it were ever unpickled without weights_only."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_that_would_run_code_is_refused_and_not_run(tmp_path):
    marker = tmp_path / "ran"
    path = tmp_path / "evil.pth"
    torch.save({"fc.weight": torch.zeros(2, 2), "x": _Payload(marker)}, path)
    with pytest.raises(WeightsError, match=r"evil.pth: refused: the file asks to run Python code \([a-z]+\.system\)"):
        W.read_state_dict(path)
    with pytest.raises(WeightsError, match="refused"):
        load_model("torchvision/resnet18", weights=path, device="cpu")
    assert not marker.exists()


def test_containers_and_prefixes_are_unwrapped(tmp_path):
    tensors = {"a.weight": torch.ones(2), "b.bias": torch.zeros(3)}
    for name, wrapped in [
        ("plain.pth", tensors),
        ("ckpt.pt", {"epoch": 3, "state_dict": tensors, "optimizer": {}}),
        ("model.bin", {"model": {f"module.{k}": v for k, v in tensors.items()}}),
        ("best.pth", {"state_dict": tensors, "best_acc1": torch.tensor(76.1)}),
    ]:
        torch.save(wrapped, tmp_path / name)
        read = W.read_state_dict(tmp_path / name)
        assert set(read) == set(tensors), name
    save_file(tensors, str(tmp_path / "w.safetensors"))
    assert set(W.read_state_dict(tmp_path / "w.safetensors")) == set(tensors)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("weights.pth", b"", "the file is empty"),
    ("weights.pth", b"definitely not a checkpoint",
     "not a PyTorch weights file \\(neither the zip archive torch.save writes nor a legacy torch pickle\\)"),
    ("weights.safetensors", b"\x08\x00\x00\x00\x00\x00\x00\x00{garbage", "not a valid safetensors file"),
    ("weights.onnx", b"123", "not a weights file vislab reads"),
])
def test_unreadable_files_say_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WeightsError, match=message):
        W.read_state_dict(path)
    with pytest.raises(WeightsError, match="no such file"):
        W.read_state_dict(tmp_path / "missing.pth")


@pytest.mark.parametrize("content", [{"a": 1}, [1, 2, 3], {"fc.weight": [0.5, 0.25]}])
def test_a_raw_pickle_is_named_and_never_reaches_torch(capfd, tmp_path, content):
    path = tmp_path / "raw.pth"
    path.write_bytes(pickle.dumps(content, protocol=4))
    with pytest.raises(WeightsError, match=r"raw\.pth: a Python pickle, not a plain state dict saved by torch.save; "
                                           r"vislab did not load it, for safety"):
        W.read_state_dict(path)
    assert capfd.readouterr().err == ""


def test_legacy_and_protocol_4_torch_files(capfd, tmp_path):
    tensors = {"fc.weight": torch.ones(2)}
    torch.save(tensors, tmp_path / "legacy.pth", _use_new_zipfile_serialization=False)
    assert set(W.read_state_dict(tmp_path / "legacy.pth")) == {"fc.weight"}
    torch.save(tensors, tmp_path / "p4.pth", pickle_protocol=4)
    with pytest.raises(WeightsError, match=r"p4\.pth: the file uses pickle instructions that torch's safe loader "
                                           r"does not read"):
        W.read_state_dict(tmp_path / "p4.pth")
    assert capfd.readouterr().err == ""


def test_a_file_for_another_model_names_the_keys(tmp_path):
    path = tmp_path / "vit.pth"
    torch.save(architecture(VIT_TINY).state_dict(), path)
    with pytest.raises(WeightsError) as info:
        load_model("torchvision/resnet18", weights=path, device="cpu")
    message = str(info.value)
    assert message.startswith(f"{path} does not fit ResNet-18: keys ")
    assert "missing (conv1.weight" in message and "unexpected (cls_token" in message


def test_a_head_of_another_size_is_a_shape_mismatch(tmp_path):
    state = architecture(RESNET18).state_dict()
    state["fc.weight"] = torch.zeros(10, 512)
    state["fc.bias"] = torch.zeros(10)
    torch.save(state, tmp_path / "ten.pth")
    with pytest.raises(WeightsError, match=r"fc.weight is \[10, 512\] in the file, \[1000, 512\] in the model"):
        load_model("torchvision/resnet18", weights=tmp_path / "ten.pth", device="cpu")


def test_a_weights_file_loads_exactly(tmp_path):
    torch.manual_seed(0)
    source = architecture(RESNET18).eval()
    save_file(source.state_dict(), str(tmp_path / "r18.safetensors"))
    model = load_model("torchvision/resnet18", weights=tmp_path / "r18.safetensors", device="cpu")
    x = torch.randn(1, 3, 224, 224)
    with torch.inference_mode():
        assert torch.equal(model.module(x), source(x))
    assert model.weights == str(tmp_path / "r18.safetensors")


def test_bundled_weights_map_positionally_with_every_shape_checked(tmp_path):
    path = W.bundled_file(get_spec("efficientnet_lite0"))
    assert path is not None and path.name == "efficientnet-lite0-57934424.pth"
    module = architecture(get_spec("efficientnet_lite0"))
    mapped = W.map_bundled(module, path)
    original = torch.load(path, weights_only=True)
    assert len(mapped) == len(original) == 296
    assert torch.equal(mapped["conv_stem.weight"], original["_conv_stem.weight"])
    assert torch.equal(mapped["classifier.weight"], original["_fc.weight"])
    # A package whose tensors changed order must fail loudly, not load nonsense.
    items = list(original.items())
    items[0], items[1] = items[1], items[0]
    torch.save(dict(items), tmp_path / "changed.pth")
    with pytest.raises(WeightsError, match=r"does not map onto conv_stem.weight.*the package has changed"):
        W.map_bundled(module, tmp_path / "changed.pth")
    torch.save(dict(items[:-1]), tmp_path / "short.pth")
    with pytest.raises(WeightsError, match="295 tensors, timm's efficientnet_lite0 has 296"):
        W.map_bundled(module, tmp_path / "short.pth")


def test_status_bundled_download_and_offline(monkeypatch):
    assert W.weights_status(get_spec("efficientnet_lite0")) is W.WeightsStatus.BUNDLED
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("VISLAB_OFFLINE", raising=False)
    assert W.weights_status(RESNET18) is W.WeightsStatus.DOWNLOAD
    assert W.describe_status(RESNET18) == "download 45 MB"
    monkeypatch.setenv("VISLAB_OFFLINE", "1")
    assert W.weights_status(RESNET18) is W.WeightsStatus.OFFLINE
    assert W.describe_status(VIT_TINY) == "unavailable offline"


def test_offline_message_says_how_to_use_a_local_file():
    with pytest.raises(WeightsUnavailableError) as info:
        load_model("torchvision/resnet18", device="cpu")
    message = str(info.value)
    assert "ResNet-18 weights are not on this computer" in message and "offline" in message
    assert "https://download.pytorch.org/models/resnet18-f37072fd.pth" in message
    assert "--weights FILE" in message


def test_torchvision_weights_in_torch_hub_cache_are_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path))
    torch.manual_seed(1)
    source = architecture(RESNET18).eval()
    target = tmp_path / "hub" / "checkpoints" / RESNET18.weights_file
    target.parent.mkdir(parents=True)
    torch.save(source.state_dict(), target)
    assert W.weights_status(RESNET18) is W.WeightsStatus.CACHED
    model = load_model("torchvision/resnet18", device="cpu")
    assert model.weights == "pretrained"
    assert torch.equal(model.module.fc.weight, source.fc.weight)


def test_timm_weights_in_hugging_face_cache_are_cached(tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    repo = tmp_path / f"models--timm--{VIT_TINY.weights}"
    snapshot = repo / "snapshots" / "0123456789abcdef0123456789abcdef01234567"
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(snapshot.name)
    torch.manual_seed(2)
    source = architecture(VIT_TINY).eval()
    save_file(source.state_dict(), str(snapshot / "model.safetensors"))
    assert W.weights_status(VIT_TINY) is W.WeightsStatus.CACHED
    model = load_model(VIT_TINY.id, device="cpu")
    assert model.weights == "pretrained"
    assert torch.equal(model.module.head.weight, source.head.weight)


@pytest.fixture
def served_file(tmp_path):
    """A 3 MB file served over HTTP on loopback, like a weights download."""
    data = os.urandom(3_000_000)
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "weights-abc.pth").write_bytes(data)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "www"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.handle_error = lambda *args: None  # a cancelled download hangs up on purpose
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weights-abc.pth", data
    server.shutdown()


def test_library_download_reports_progress(served_file, tmp_path):
    import torch.hub

    url, data = served_file
    seen: list[tuple[int, int]] = []
    with torch_hub_reporting(lambda done, total: seen.append((done, total)), None):
        torch.hub.download_url_to_file(url, str(tmp_path / "got.pth"), progress=True)
    assert (tmp_path / "got.pth").read_bytes() == data
    assert seen[-1] == (len(data), len(data)) and len(seen) > 2
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_library_download_can_be_cancelled(served_file, tmp_path):
    import torch.hub

    url, _ = served_file
    cancel = threading.Event()

    def progress(done, total):
        if done > 100_000:
            cancel.set()

    with pytest.raises(DownloadCancelled), torch_hub_reporting(progress, cancel):
        torch.hub.download_url_to_file(url, str(tmp_path / "got.pth"), progress=True)
    assert list(tmp_path.glob("got.pth*")) == []
