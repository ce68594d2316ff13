"""Predictions without torch: the pipeline reproduced in NumPy/PIL, the manifest beside a cached export, and a
process that classifies without ever importing torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from vislab.core import _onnx, fast, instant, prepare
from vislab.core.catalog import list_models
from vislab.core.images import expand_paths, read_image
from vislab.core.libraries import library
from vislab.core.loading import load_model


@pytest.fixture
def fast_on(tmp_path, monkeypatch):
    """The fast path on, exporting in this process, into a private cache."""
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", False)
    monkeypatch.setenv("VISLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(instant, "_noted", set())
    fast.set_enabled(True)
    yield tmp_path / "cache"
    fast.set_enabled(None)


def _photos(samples):
    return [read_image(path) for path in expand_paths([samples])]


def test_every_catalog_pipeline_is_reproduced_without_torch(samples):
    photos = _photos(samples)
    seen = set()
    for spec in list_models():
        pipe = library(spec).input_pipeline(spec)
        fields = (pipe.resize, tuple(pipe.crop), pipe.interpolation, tuple(pipe.mean), tuple(pipe.std), pipe.backend)
        if fields in seen:
            continue
        seen.add(fields)
        mine = instant.Pipeline(*fields)
        for photo in photos:
            expected, got = pipe.cropped(photo).astype(int), mine.cropped(photo).astype(int)
            assert got.shape == expected.shape, spec.id
            difference = np.abs(expected - got)
            if pipe.backend == "pil":  # timm: PIL's own resize, exactly
                assert difference.max() == 0, spec.id
            else:  # torchvision's float resize: a rounding apart on a few pixels
                assert difference.max() <= 1 and (difference > 0).mean() < 1e-3, spec.id
            assert np.allclose(pipe(photo).numpy(), mine(photo), atol=0.02), spec.id
    assert {f[-1] for f in seen} == {"pil", "tensor"}


def _torch_answers(model, photos, k=5):
    fast.set_enabled(False)
    try:
        probs, _ = model.forward(torch.stack([model.pipeline(photo) for photo in photos]))
    finally:
        fast.set_enabled(True)
    return probs


CHILD = textwrap.dedent("""
    import json, sys
    from vislab.core import instant
    model = instant.open_instant(sys.argv[1], sys.argv[2] or None)
    answers = [[p.to_dict() for p in predictions] for _, predictions in model.classify_files(sys.argv[3:], 5)]
    print(json.dumps({"torch": "torch" in sys.modules, "answers": answers}))
""")


def _classify_in_child(cache, model_id, weights, paths):
    env = os.environ | {"VISLAB_CACHE_DIR": str(cache), "VISLAB_FAST": "1"}
    done = subprocess.run([sys.executable, "-c", CHILD, model_id, str(weights or ""), *map(str, paths)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_bundled_model_classifies_without_importing_torch(fast_on, samples):
    model = load_model("efficientnet_lite0", device="cpu")
    assert model.fast_ready(timeout=180), model._fast.reason
    manifest, reason = instant.find("efficientnet_lite0")
    assert manifest is not None, reason
    assert manifest.pipeline.crop == (224, 224) and manifest.labels == model.labels
    paths = expand_paths([samples])
    child = _classify_in_child(fast_on, "efficientnet_lite0", None, paths)
    assert child["torch"] is False  # the whole process never imported torch
    expected = _torch_answers(model, [model.read(path) for path in paths])
    for answer, probs in zip(child["answers"], expected, strict=True):
        assert [p["index"] for p in answer] == probs.topk(5).indices.tolist()
        assert np.allclose([p["probability"] for p in answer], probs.topk(5).values.numpy(), atol=1e-3)
    assert child["answers"][[p.name for p in paths].index("chelsea.png")][0]["label"] == "tabby, tabby cat"


def test_a_weights_file_export_is_recognised_until_the_file_changes(fast_on, tmp_path, cat):
    torch.manual_seed(0)
    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    weights = tmp_path / "mine.safetensors"
    save_file(architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    model = load_model("vit_tiny_patch16_224", weights=weights, device="cpu")
    assert model.fast_ready(timeout=180), model._fast.reason
    served = instant.open_instant("vit_tiny_patch16_224", weights)
    assert served is not None
    photo = read_image(cat)
    probs = _torch_answers(model, [photo])[0]
    got = served.classify(photo, 5)
    assert [p.index for p in got] == probs.topk(5).indices.tolist()
    assert abs(got[0].probability - float(probs.max())) < 1e-3
    # The bundled weights are another origin: no manifest for them from this export.
    assert instant.find("vit_tiny_patch16_224")[0] is None

    os.utime(weights, ns=(1, 1))  # the weights file changed since the export
    manifest, reason = instant.find("vit_tiny_patch16_224", weights)
    assert manifest is None and "changed" in reason
    assert instant.open_instant("vit_tiny_patch16_224", weights) is None


def test_a_damaged_manifest_or_export_falls_back_to_torch(fast_on, tmp_path, cat, monkeypatch):
    torch.manual_seed(0)
    weights = tmp_path / "w.safetensors"
    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    save_file(architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    model = load_model("vit_tiny_patch16_224", weights=weights, device="cpu")
    assert model.fast_ready(timeout=180)
    path = instant.manifest_path("vit_tiny_patch16_224", instant.origin_of(get_spec("vit_tiny_patch16_224"), weights))
    manifest = instant.find("vit_tiny_patch16_224", weights)[0]
    export = manifest.export

    with monkeypatch.context() as patch:  # another vislab or timm made it
        patch.setattr(instant, "versions", lambda spec: {"vislab": "0.0", "timm": "0.0"})
        assert instant.find("vit_tiny_patch16_224", weights)[1].startswith("its export was made by other versions")

    original = open(export, "rb").read()
    with open(export, "wb") as fh:  # same size, garbage inside
        fh.write(b"\0" * len(original))
    assert instant.open_instant("vit_tiny_patch16_224", weights) is None
    with open(export, "wb") as fh:
        fh.write(original[:100])
    assert "changed" in instant.find("vit_tiny_patch16_224", weights)[1]

    path.write_text("{not json", encoding="utf-8")
    assert "cannot be read" in instant.find("vit_tiny_patch16_224", weights)[1]
    path.unlink()
    assert "no torch-free export" in instant.find("vit_tiny_patch16_224", weights)[1]


def test_random_weights_get_no_manifest(fast_on):
    torch.manual_seed(0)
    model = load_model("vit_tiny_patch16_224", device="cpu", pretrained=False)
    assert model.fast_ready(timeout=180)
    assert not (fast_on / "onnx" / "instant").exists()


def test_an_export_made_in_the_background_outlives_its_parent(fast_on, tmp_path, monkeypatch):
    """A command that answered on torch leaves the export to a process of its own; the next start is torch-free."""
    import time

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", True)
    monkeypatch.setenv("VISLAB_FAST", "1")
    torch.manual_seed(0)
    weights = tmp_path / "w.safetensors"
    save_file(architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    child = prepare.prepare_detached("vit_tiny_patch16_224", weights)
    assert child is not None
    assert prepare.prepare_detached("vit_tiny_patch16_224", weights) is None  # one at a time
    assert child.wait(timeout=300) == 0
    manifest, reason = instant.find("vit_tiny_patch16_224", weights)
    assert manifest is not None, reason
    assert not instant.manifest_path("vit_tiny_patch16_224", str(weights.resolve())).with_suffix(".preparing").exists()
    assert time.time() - os.stat(manifest.export).st_mtime < 600
