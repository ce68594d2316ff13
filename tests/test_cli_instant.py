"""`vislab classify` without torch: a warm cache answers in a process that never imports torch; a cold one answers
on torch at once and leaves the export to a process of its own, for the next run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
import torch

from vislab.core import _onnx, fast, instant
from vislab.core.loading import load_model

CLASSIFY = textwrap.dedent("""
    import contextlib, io, json, sys
    from vislab.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["classify", *sys.argv[1:], "--json"])
    print(json.dumps({"status": status, "torch": "torch" in sys.modules, "results": json.loads(out.getvalue())}))
""")


def _classify(env: dict, *paths) -> dict:
    done = subprocess.run([sys.executable, "-c", CLASSIFY, *map(str, paths)], env=os.environ | env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def dirs(tmp_path):
    return {"VISLAB_CACHE_DIR": str(tmp_path / "cache"), "VISLAB_DATA_DIR": str(tmp_path / "data"),
            "VISLAB_FAST": "1", "CUDA_VISIBLE_DEVICES": ""}  # the CPU path, wherever the test runs


def test_a_warm_cache_classifies_without_importing_torch(dirs, monkeypatch, samples, lite0):
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", False)
    monkeypatch.setenv("VISLAB_CACHE_DIR", dirs["VISLAB_CACHE_DIR"])
    fast.set_enabled(True)
    try:
        model = load_model("efficientnet_lite0", device="cpu")
        assert model.fast_ready(timeout=300)
    finally:
        fast.set_enabled(None)
    paths = [samples / "chelsea.png", samples / "coffee.png", samples / "missing.png"]
    run = _classify(dirs, *paths)
    assert run["torch"] is False
    assert run["status"] == 1 and "error" in run["results"][2]  # a missing file is its own error, as ever
    for result, path in zip(run["results"][:2], paths, strict=False):
        expected = lite0.forward_torch(lite0.pipeline(lite0.read(path))[None])[0][0]
        assert [p["index"] for p in result["predictions"]] == expected.topk(5).indices.tolist()
        assert np.allclose([p["probability"] for p in result["predictions"]], expected.topk(5).values, atol=1e-3)
    again = _classify(dirs, *paths[:2])  # from the store this time, still without torch
    assert again["torch"] is False and again["results"] == run["results"][:2]


def test_a_cold_cache_answers_at_once_and_exports_for_next_time(dirs, tmp_path, cat):
    from safetensors.torch import save_file

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    torch.manual_seed(0)
    weights = tmp_path / "vit.safetensors"
    save_file(architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    first = _classify(dirs, cat, "--model", "vit_tiny_patch16_224", "--weights", weights)
    assert first["status"] == 0 and first["torch"] is True
    os.environ["VISLAB_CACHE_DIR"], saved = dirs["VISLAB_CACHE_DIR"], os.environ["VISLAB_CACHE_DIR"]
    try:
        deadline = time.monotonic() + 300
        while instant.find("vit_tiny_patch16_224", weights)[0] is None and time.monotonic() < deadline:
            time.sleep(0.5)  # the export is made by a process that outlived the command
        assert instant.find("vit_tiny_patch16_224", weights)[0] is not None
    finally:
        os.environ["VISLAB_CACHE_DIR"] = saved
    second = _classify(dirs | {"VISLAB_DATA_DIR": str(tmp_path / "other-data")}, cat, "--model",
                       "vit_tiny_patch16_224", "--weights", weights)
    assert second["torch"] is False
    top = [p["index"] for p in first["results"][0]["predictions"]]
    assert [p["index"] for p in second["results"][0]["predictions"]] == top
