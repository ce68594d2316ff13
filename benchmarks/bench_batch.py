"""Figure 3: classifying 64 photos, vislab's classify_files against a plain batched timm loop."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import torch
from PIL import Image

from vislab.core.loading import load_model
from vislab.resources import resource_path

from ._harness import Result, interleaved

SAMPLES = ["chelsea.png", "coffee.png", "astronaut.png", "rocket.jpg", "grace_hopper.jpg"]
PHOTOS = 64
BATCH = 16


def photo_folder(folder: Path, count: int = PHOTOS) -> list[Path]:
    """``count`` camera-sized JPEGs (4032 x 3024, 12 megapixels) made from the samples."""
    made = []
    for sample in SAMPLES:
        image = Image.open(resource_path("samples", sample)).convert("RGB")
        size = (4032, 3024) if image.width >= image.height else (3024, 4032)
        path = folder / f"{Path(sample).stem}.jpg"
        image.resize(size, Image.Resampling.BICUBIC).save(path, quality=90)
        made.append(path)
    paths = []
    for i in range(count):
        path = folder / f"photo-{i:03d}.jpg"
        shutil.copyfile(made[i % len(made)], path)
        paths.append(path)
    return paths


def plain_loop(model_id: str):
    """A notebook's batch loop: open each file with PIL, the library's transform, one forward per batch."""
    import timm
    from timm.data import create_transform, resolve_data_config

    model = timm.create_model(model_id).eval()
    transform = create_transform(**resolve_data_config(model=model))

    def run(paths: list[Path]) -> list:
        answers = []
        for start in range(0, len(paths), BATCH):
            batch = torch.stack([transform(Image.open(p).convert("RGB")) for p in paths[start:start + BATCH]])
            with torch.inference_mode():
                answers += list(model(batch).softmax(-1).topk(5).indices)
        return answers

    return run


def run() -> list[Result]:
    model = load_model("efficientnet_lite0", device="cpu")
    model.fast_ready(timeout=300)
    plain = plain_loop("efficientnet_lite0")
    with tempfile.TemporaryDirectory() as folder:
        paths = photo_folder(Path(folder))
        times = interleaved({"vislab": lambda: list(model.classify_files(paths, 5, batch_size=BATCH)),
                             "plain": lambda: plain(paths)}, repeat=2, warmup=0)
    return [Result(f"{PHOTOS} photos (12 MP JPEG): plain loop / vislab", times["plain"] / times["vislab"], 2.0, "x",
                   f"{PHOTOS / times['vislab']:.1f} vs {PHOTOS / times['plain']:.1f} photos/s, on {model.backend}",
                   higher_is_better=True)]
