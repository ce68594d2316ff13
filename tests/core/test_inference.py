"""Real predictions from the bundled model, each library's own preprocessing, and the model cache."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
from PIL import Image

from vislab.core.catalog import get_spec
from vislab.core.devices import available_devices, resolve_device
from vislab.core.errors import DeviceError, ImageReadError
from vislab.core.images import read_image
from vislab.core.libraries import library
from vislab.core.loading import ModelCache, load_model

TABBY, TIGER_CAT, EGYPTIAN_CAT, ESPRESSO, CUP = 281, 282, 285, 967, 968


def test_the_bundled_model_knows_a_tabby_cat(lite0, cat):
    top5 = lite0.classify(read_image(cat), top_k=5)
    assert top5[0].index in (TABBY, TIGER_CAT)
    assert {TABBY, TIGER_CAT, EGYPTIAN_CAT} <= {p.index for p in top5}
    assert top5[0].label == "tabby, tabby cat"
    assert top5[0].probability > 0.3
    assert [p.probability for p in top5] == sorted((p.probability for p in top5), reverse=True)


def test_the_bundled_model_knows_espresso(lite0, samples):
    top2 = lite0.classify(read_image(samples / "coffee.png"), top_k=2)
    assert [p.index for p in top2] == [ESPRESSO, CUP]
    assert top2[0].probability > 0.6


def test_batch_equals_one_at_a_time(lite0, samples):
    images = [read_image(samples / n) for n in ("chelsea.png", "coffee.png", "rocket.jpg")]
    batched = lite0.classify_batch(images, top_k=3, batch_size=2)
    for image, answer in zip(images, batched, strict=True):
        single = lite0.classify(image, top_k=3)
        assert [p.index for p in answer] == [p.index for p in single]
        assert np.allclose([p.probability for p in answer], [p.probability for p in single], atol=1e-5)


def test_embedding_is_what_the_classifier_reads(lite0, cat):
    image = read_image(cat)
    embedding = lite0.embed(image)
    assert embedding.shape == (1280,)
    with torch.inference_mode():
        logits = lite0.module.classifier(torch.from_numpy(embedding)[None])
    probs = logits.softmax(-1)[0]
    assert int(probs.argmax()) == lite0.classify(image, 1)[0].index
    assert float(probs.max()) == pytest.approx(lite0.classify(image, 1)[0].probability, abs=1e-5)


def test_latency_is_measured_at_load(lite0):
    assert lite0.latency is not None and 0 < lite0.latency < lite0.load_seconds


def test_top_k_is_clamped(lite0, cat):
    assert len(lite0.classify(read_image(cat), top_k=5000)) == 1000
    assert len(lite0.classify(read_image(cat), top_k=0)) == 1


def test_timm_pipeline_matches_timm_create_transform(cat):
    from timm.data import create_transform, resolve_data_config
    from timm.models import get_pretrained_cfg

    spec = get_spec("efficientnet_lite0")
    image = read_image(cat)
    config = resolve_data_config({}, pretrained_cfg=get_pretrained_cfg(spec.weights).to_dict())
    expected = create_transform(**config)(Image.fromarray(image))
    assert torch.equal(library(spec).input_pipeline(spec)(image), expected)


@pytest.mark.parametrize("model_id", ["torchvision/resnet50", "torchvision/inception_v3"])
def test_torchvision_pipeline_matches_weights_transforms(samples, model_id):
    from torchvision.models import get_weight

    spec = get_spec(model_id)
    image = read_image(samples / "grace_hopper.jpg")
    expected = get_weight(spec.weights).transforms()(torch.from_numpy(image).permute(2, 0, 1))
    got = library(spec).input_pipeline(spec)(image)
    assert got.shape == (3, spec.input_size, spec.input_size)
    assert torch.equal(got, expected)


def test_pipeline_stages_are_images(cat):
    spec = get_spec("vit_base_patch16_224")
    pipeline = library(spec).input_pipeline(spec)
    image = read_image(cat)  # 300 x 451
    stages = dict(pipeline.stages(image))
    assert list(stages) == ["original", "resized", "cropped", "normalised"]
    assert stages["resized"].shape == (248, 372, 3)  # shorter side floor(224 / 0.9), long side truncated
    assert stages["cropped"].shape == (224, 224, 3)
    assert np.abs(stages["normalised"].astype(int) - stages["cropped"]).max() <= 1
    assert "crop the centre 224x224" in pipeline.describe()
    left, top, right, _ = pipeline.crop_box(300, 451)
    assert (right - left) == pytest.approx(224 * 300 / 248) and top == pytest.approx(300 * (1 - 224 / 248) / 2)


@pytest.mark.parametrize(("model_id", "embedding"), [
    ("vit_tiny_patch16_224", 192),
    ("swin_tiny_patch4_window7_224", 768),
    ("torchvision/resnet18", 512),
    ("torchvision/inception_v3", 2048),
    ("coatnet_0_rw_224", 768),
])
def test_catalog_architectures_run_with_random_weights(cat, model_id, embedding):
    model = load_model(model_id, pretrained=False, device="cpu")
    assert model.weights == "random"
    image = read_image(cat)
    probs, emb = model.forward(model.pipeline(image)[None])
    assert probs.shape == (1, 1000) and emb.shape == (1, embedding)
    assert float(probs.sum()) == pytest.approx(1.0, abs=1e-4)
    assert len(model.classify(image, 3)) == 3 and len(model.labels) == 1000


def test_class_names_come_from_each_library():
    resnet, convnext = get_spec("torchvision/resnet50"), get_spec("convnext_tiny")
    assert library(resnet).labels(resnet)[TABBY] == "tabby"
    assert library(convnext).labels(convnext)[TIGER_CAT] == "tiger cat"


def test_devices():
    assert available_devices()[0] == "cpu"
    assert resolve_device("cpu") == torch.device("cpu")
    if not torch.cuda.is_available():
        assert resolve_device("auto") == torch.device("cpu")
        with pytest.raises(DeviceError, match=r"device 'cuda:7' is not available here; available: cpu"):
            resolve_device("cuda:7")
    with pytest.raises(DeviceError, match="'tpu'"):
        load_model("efficientnet_lite0", device="tpu")


def test_cache_keeps_a_bounded_number_of_models():
    cache = ModelCache(max_models=2)
    first = cache.get("vit_tiny_patch16_224", pretrained=False, device="cpu")
    assert cache.get("vit_tiny_patch16_224", pretrained=False, device="cpu") is first
    cache.get("torchvision/resnet18", pretrained=False, device="cpu")
    cache.get("efficientnet_lite0", device="cpu")
    held = [m.spec.id for m in cache.loaded()]
    assert held == ["torchvision/resnet18", "efficientnet_lite0"]
    assert cache.get("vit_tiny_patch16_224", pretrained=False, device="cpu") is not first


def test_cache_shares_one_load_between_threads():
    cache = ModelCache()
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("efficientnet_lite0", device="cpu")))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r is results[0] for r in results)


def test_classify_files_reads_ahead_and_keeps_order_and_errors(lite0, samples, tmp_path):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    names = ["chelsea.png", "coffee.png", "rocket.jpg"]
    paths = [samples / names[0], empty, samples / names[1], samples / names[2]]
    answers = list(lite0.classify_files(paths, top_k=2, batch_size=2))
    assert [p for p, _ in answers] == paths
    assert isinstance(answers[1][1], ImageReadError) and "empty" in str(answers[1][1])
    for (_, got), name in zip([answers[0], answers[2], answers[3]], names, strict=True):
        expected = lite0.classify(read_image(samples / name), top_k=2)
        assert [p.index for p in got] == [p.index for p in expected]
        assert np.allclose([p.probability for p in got], [p.probability for p in expected], atol=1e-5)


def test_model_views_are_kept_per_photo_and_pipeline(lite0, cat):
    image = read_image(cat)
    view = lite0.pipeline.cropped(image)
    assert lite0.pipeline.cropped(image) is view
    assert lite0.pipeline.cropped(image.copy()) is not view
    assert np.array_equal(lite0.pipeline.cropped(image.copy()), view)


def test_a_helper_built_while_the_model_runs_does_not_deadlock_with_one_asked_for_under_the_model_lock():
    """The feature-layer probe is built inside memo() and runs the model (it takes the model lock); the
    attention extractor is asked for while the model lock is held. Both at once, in the order that deadlocked."""
    torch.manual_seed(0)
    model = load_model("torchvision/resnet18", pretrained=False, device="cpu", fast_path=False)
    in_make, holds_lock, done = threading.Event(), threading.Event(), []

    def probe() -> str:
        in_make.set()
        holds_lock.wait(10)
        with model.lock:  # what the probe does: run the model
            return "layers"

    def extractor_under_the_model_lock() -> None:
        in_make.wait(10)
        with model.lock:
            holds_lock.set()
            done.append(model.memo("extractor", lambda: "extractor"))

    threads = [threading.Thread(target=lambda: done.append(model.memo("layers", probe)), daemon=True),
               threading.Thread(target=extractor_under_the_model_lock, daemon=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(done) == ["extractor", "layers"]
    assert model.memo("layers", lambda: "again") == "layers"  # built once
