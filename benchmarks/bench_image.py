"""Figure 2: a 12-megapixel JPEG to the model's input, against PIL's full decode and timm's transform."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image
from timm.data import create_transform, resolve_data_config

from vislab.core.images import read_image
from vislab.core.loading import load_model
from vislab.resources import resource_path

from ._harness import Result, interleaved

SAMPLES = ["chelsea.png", "coffee.png", "astronaut.png", "rocket.jpg", "grace_hopper.jpg"]


def big_jpeg(folder: Path, sample: str) -> Path:
    """A sample photo upscaled to 12 megapixels (4000 x 3000) and saved as a camera would (quality 92)."""
    image = Image.open(resource_path("samples", sample)).convert("RGB")
    size = (4000, 3000) if image.width >= image.height else (3000, 4000)
    path = folder / f"{Path(sample).stem}-12mp.jpg"
    image.resize(size, Image.Resampling.BICUBIC).save(path, quality=92)
    return path


def top5_difference(model, path: Path) -> float:
    """Largest change of a top-5 probability between the reduced-scale and the full decode."""
    exact = model.forward(model.pipeline(read_image(path))[None])[0][0]
    drafted = model.forward(model.pipeline(model.read(path))[None])[0][0]
    top5 = exact.topk(5).indices
    return float((exact[top5] - drafted[top5]).abs().max())


def run() -> list[Result]:
    model = load_model("efficientnet_lite0", device="cpu")
    model.fast_ready(timeout=300)
    timm_transform = create_transform(**resolve_data_config(model=model.module))
    with tempfile.TemporaryDirectory() as folder:
        paths = [big_jpeg(Path(folder), s) for s in SAMPLES]
        cat = paths[0]
        times = interleaved({"vislab": lambda: model.pipeline(model.read(cat)),
                             "plain": lambda: timm_transform(Image.open(cat).convert("RGB"))}, repeat=9, warmup=1)
        differences = {p.name: top5_difference(model, p) for p in paths}
    worst = max(differences, key=differences.get)
    return [
        Result("12 MP JPEG to model input", times["vislab"] * 1e3, 40.0, "ms",
               f"PIL full decode + timm transform: {times['plain'] * 1e3:.0f} ms "
               f"({times['vislab'] / times['plain']:.2f}x)"),
        Result("top-5 probability change, reduced vs full decode", differences[cat.name], 0.02, "",
               f"12 MP cat; the worst of {len(paths)} samples: {differences[worst]:.3f} ({worst})"),
    ]
