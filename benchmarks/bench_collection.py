"""Figures for collections (issue 13): classify + embed a folder of mixed photos through the store against a plain
torch/timm loop, reopening the same folder, and find-similar among 10,000 stored vectors against one classification.

``VISLAB_BENCH_PHOTOS`` sets the folder's size (2,000 by default; a smaller N for a quick run). A quarter of the
photos are 12-megapixel JPEGs, the rest 1600x1200 and 800x600 JPEGs and 640x480 PNGs; each file's bytes differ
(a few bytes after the image's end), so the content hashes do too. ``VISLAB_BENCH_PLAIN`` times the plain loop on
only that many of them (every fourth kind in turn, so the same mix) and compares photos per second: on a slow
machine the plain loop over 2,000 photos takes most of an hour.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from vislab.core.collection import process, scan, similar, vectors
from vislab.core.loading import load_model
from vislab.core.store import Record, Store, model_key
from vislab.resources import resource_path

from ._harness import Result, interleaved

SAMPLES = ["chelsea.png", "coffee.png", "astronaut.png", "rocket.jpg", "grace_hopper.jpg"]
#: (width, height, format) of the photo kinds, in turn: one in four is a 12 MP camera JPEG.
SIZES = [(4032, 3024, "JPEG"), (1600, 1200, "JPEG"), (800, 600, "JPEG"), (640, 480, "PNG")]
BATCH = 16
STORED = 10_000


def photo_count() -> int:
    return max(8, int(os.environ.get("VISLAB_BENCH_PHOTOS", "2000")))


def plain_count(n: int) -> int:
    wanted = int(os.environ.get("VISLAB_BENCH_PLAIN", n))
    return max(len(SIZES) * len(SAMPLES), min(n, wanted))


def mixed_folder(folder: Path, count: int) -> list[Path]:
    """``count`` photos of mixed sizes under ``folder`` (in a few subfolders), each file's bytes its own."""
    bases: list[tuple[bytes, str]] = []
    for sample in SAMPLES:
        image = Image.open(resource_path("samples", sample)).convert("RGB")
        for width, height, fmt in SIZES:
            size = (width, height) if image.width >= image.height else (height, width)
            path = folder / f"base.{fmt.lower()}"
            image.resize(size, Image.Resampling.BICUBIC).save(path, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
            bases.append((path.read_bytes(), ".jpg" if fmt == "JPEG" else ".png"))
            path.unlink()
    paths = []
    for i in range(count):
        data, suffix = bases[i % len(bases)]  # sample-major: the sizes take turns
        sub = folder / "photos" / f"part-{i % 8}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"photo-{i:05d}{suffix}"
        path.write_bytes(data + i.to_bytes(4, "little"))  # after the image's end: decoders ignore it
        paths.append(path)
    return paths


def plain_loop(model_id: str):
    """A notebook's loop for predictions and embeddings: PIL, timm's own transform, one forward per batch, the
    pre-logits features from ``forward_head(pre_logits=True)`` and the classifier on them."""
    import timm
    from timm.data import create_transform, resolve_data_config

    model = timm.create_model(model_id).eval()
    transform = create_transform(**resolve_data_config(model=model))

    def run(paths: list[Path]) -> list:
        answers = []
        for start in range(0, len(paths), BATCH):
            batch = torch.stack([transform(Image.open(p).convert("RGB")) for p in paths[start:start + BATCH]])
            with torch.inference_mode():
                features = model.forward_head(model.forward_features(batch), pre_logits=True)
                probs = model.get_classifier()(features).softmax(-1)
            answers += list(zip(probs.topk(5).indices, features.numpy().astype(np.float16), strict=True))
        return answers

    return run


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def run() -> list[Result]:
    model = load_model("efficientnet_lite0", device="cpu")
    model.fast_ready(timeout=300)
    n = photo_count()
    plain = plain_loop("efficientnet_lite0")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = mixed_folder(folder, n)
        root = folder / "photos"
        plain_n = plain_count(n)
        plain_s, _ = _timed(lambda: plain(paths[:plain_n]))
        with Store.open(folder / "store.sqlite3") as store:
            first_s, first = _timed(lambda: [r for b in process(scan(root).files, model, store, batch_size=BATCH)
                                             for r in b])
        assert sum(r.error is None for r in first) == n

        def reopen() -> list[Record]:  # a fresh process's view: open the file, list the folder, read the results
            with Store.open(folder / "store.sqlite3") as again:
                return [r for b in process(scan(root).files, model, again, batch_size=BATCH) for r in b]

        reopen_s = interleaved({"reopen": reopen}, repeat=3, warmup=1)["reopen"]
        vislab_rate, plain_rate = n / first_s, plain_n / plain_s
        results.append(Result(f"classify + embed {n} mixed photos: plain loop / vislab", vislab_rate / plain_rate, 3.0,
                              "x", f"{vislab_rate:.1f} vs {plain_rate:.1f} photos/s (plain loop timed on {plain_n}), "
                              f"on {model.backend}", higher_is_better=True))
        results.append(Result(f"reopening the {n} photos / first run", 100 * reopen_s / first_s, 2.0, "%",
                              f"{1000 * reopen_s:.0f} ms vs {first_s:.1f} s: stat, no hashing, no model"))

        # Find-similar among 10,000 stored vectors: the store holds them, the search is one product.
        rng = np.random.default_rng(0)
        d = first[0].vector.shape[0]
        fake = [Record(Path(f"/nowhere/{i}.jpg"), f"{i:032x}", 1, 0.0, (0, 1, 2, 3, 4), (0.5, 0.2, 0.1, 0.1, 0.1),
                       rng.normal(size=d).astype(np.float32), None, 1.0) for i in range(STORED)]
        with Store.open(folder / "vectors.sqlite3") as store:
            for start in range(0, STORED, 500):
                store.put("bench", fake[start:start + 500])
            ids = {r.path: store_id for r, store_id in zip(fake, _ids(fake), strict=True)}
            load_s, loaded = _timed(lambda: store.fetch("bench", ids))
        matrix = vectors(list(loaded.values()))
        image = model.read(paths[1])
        query = matrix[123]
        times = interleaved({"search": lambda: similar(matrix, query, k=8), "classify": lambda: model.classify(image)},
                            repeat=20, warmup=3)
        results.append(Result(f"find similar among {STORED} stored vectors / one classification",
                              times["search"] / times["classify"], 0.5, "x",
                              f"{1000 * times['search']:.2f} ms vs {1000 * times['classify']:.1f} ms; reading the "
                              f"{STORED} float16 vectors from the store: {1000 * load_s:.0f} ms (once)"))
        assert model_key(model)  # the key the runs above used: computed once per loaded model
    return results


def _ids(records: list[Record]):
    from vislab.core.store import FileId

    return [FileId(r.digest, r.size, 0) for r in records]


if __name__ == "__main__":
    for result in run():
        print(f"{result.name}: {result.value:.2f} {result.unit} (goal {result.goal:g}; {result.detail})")
