"""The shared model cache: one load for threads that ask at once, a waiter that outlives a stopped load, and a
damaged file in a library's download cache named instead of a traceback."""

from __future__ import annotations

import threading

import pytest

from vislab.core import loading
from vislab.core.errors import DownloadCancelled, WeightsError
from vislab.core.loading import ModelCache, load_model


def test_a_waiter_loads_the_model_itself_when_the_load_it_waited_for_was_stopped(monkeypatch):
    started, release = threading.Event(), threading.Event()
    calls = []
    real = loading.load_model

    def load(model_id, **kwargs):
        calls.append(kwargs.get("cancel"))
        if len(calls) == 1:  # the first asker's download, which its person then stops
            started.set()
            release.wait(30)
            raise DownloadCancelled("download cancelled")
        return real(model_id, **kwargs)

    monkeypatch.setattr(loading, "load_model", load)
    cache = ModelCache()
    stop = threading.Event()
    errors, models = [], []

    def first() -> None:
        try:
            cache.get("efficientnet_lite0", pretrained=False, device="cpu", cancel=stop)
        except DownloadCancelled as exc:
            errors.append(exc)

    owner = threading.Thread(target=first)
    owner.start()
    assert started.wait(30)
    waiter = threading.Thread(target=lambda: models.append(
        cache.get("efficientnet_lite0", pretrained=False, device="cpu", cancel=threading.Event())))
    waiter.start()
    stop.set()
    release.set()
    owner.join(60)
    waiter.join(120)
    assert len(errors) == 1 and len(models) == 1 and len(calls) == 2
    assert models[0].spec.id == "efficientnet_lite0" and cache.loaded() == models


def test_a_damaged_file_in_the_download_cache_is_named(monkeypatch, tmp_path):
    from vislab.core.catalog import get_spec

    spec = get_spec("torchvision/resnet18")
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    damaged = tmp_path / "torch" / "hub" / "checkpoints" / spec.weights_file
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"\x80\x02not really a checkpoint" * 200)
    with pytest.raises(WeightsError) as info:
        load_model(spec.id, device="cpu")
    message = str(info.value)
    assert message.startswith(f"{damaged}: the cached ResNet-18 weights cannot be read (")
    assert message.endswith("delete the file and vislab will fetch them again")
