"""Predictions without torch: a cached ONNX export, what it needs recorded beside it, its pipeline in NumPy.

``import torch`` takes seconds; predictions do not need it once a model's ONNX export is in the cache. When a
model's fast path is ready (:mod:`vislab.core._onnx`), :func:`record` writes a manifest beside the export: the
model id, where its weights came from (the weights file's path, size and modification time), the input pipeline,
the class names, and the versions of vislab and the model's library that made them. :func:`open_instant` finds the
manifest for a (model, weights) pair and checks it, importing nothing heavier than NumPy, PIL and ONNX Runtime;
an :class:`InstantModel` then classifies photos as :class:`~vislab.core.model.LoadedModel` does:

- the photo is read as the torch path reads it (:func:`~vislab.core.images.read_image`, big JPEGs decoded at
  the reduced scale the pipeline allows);
- its shorter side is resized with PIL, with the model's interpolation (PIL's resize filters antialias, as timm's
  PIL transform and torchvision's ``antialias=True`` tensor resize both do), the centre is cropped with
  torchvision's rounding, and the crop is scaled to [0, 1] and normalised;
- the session is the export the fast path checked against torch.

Anything that does not fit (no manifest, a weights file changed or gone, another vislab or library version, a
pipeline this module cannot reproduce, a damaged export) is a reason :func:`open_instant` returns with ``None``:
the caller loads the model on torch, which makes a fresh export (and manifest) for next time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from .catalog import ModelSpec, get_spec
from .errors import Cancelled, ImageReadError, VislabError, WeightsError
from .fast import onnx_dir, open_session, part_path
from .images import check_aspect, read_image
from .predictions import Prediction

if TYPE_CHECKING:
    import onnxruntime

    from .model import LoadedModel

log = logging.getLogger(__name__)

#: The manifest's format; another one is not read.
VERSION = 2
#: The interpolations reproduced here (PIL's filters), by the name :class:`~vislab.core.preprocess.InputPipeline`
#: uses.
FILTERS = {"bilinear": Image.Resampling.BILINEAR, "bicubic": Image.Resampling.BICUBIC,
           "nearest": Image.Resampling.NEAREST, "lanczos": Image.Resampling.LANCZOS}

_noted: set[str] = set()
_noted_lock = threading.Lock()


def origin_of(spec: ModelSpec, weights: str | Path | None) -> str:
    """Where a model's weights come from, in the words :attr:`LoadedModel.weights` uses: a weights file's
    resolved path, else ``bundled`` or ``pretrained``."""
    if weights is not None:
        return str(Path(weights).expanduser().resolve())
    return "bundled" if spec.bundled else "pretrained"


def manifest_path(model_id: str, origin: str) -> Path:
    """The manifest for a model and its weights' origin."""
    digest = hashlib.blake2b(f"{model_id}\0{origin}".encode(), digest_size=8).hexdigest()
    return onnx_dir() / "instant" / f"{model_id.replace('/', '--')}-{digest}.json"


def versions(spec: ModelSpec) -> dict[str, str]:
    """The versions of what decides the export, the pipeline and the labels: vislab and the model's library."""
    names = ("vislab", "timm" if spec.source == "timm" else "torchvision")
    return {name: _version(name) for name in names}


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _identity(path: Path) -> list:
    stat = path.stat()
    return [str(path), stat.st_size, stat.st_mtime_ns]


@dataclass(frozen=True)
class Pipeline:
    """:class:`~vislab.core.preprocess.InputPipeline` in NumPy and PIL (the same fields)."""

    resize: int
    crop: tuple[int, int]
    interpolation: str
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    backend: str

    def __post_init__(self) -> None:
        if self.interpolation not in FILTERS:
            raise ValueError(f"{self.interpolation} interpolation is not reproduced without torch")
        if self.backend not in ("pil", "tensor"):
            raise ValueError(f"a {self.backend!r} resize is not reproduced without torch")

    @property
    def min_source_side(self) -> int:
        return 2 * self.resize

    def cropped(self, image: np.ndarray) -> np.ndarray:
        """What the model sees, uint8 RGB ``crop`` pixels: torchvision's ``resize`` then ``center_crop``."""
        height, width = image.shape[:2]
        check_aspect(height, width)
        short, long = (width, height) if width <= height else (height, width)
        new_short, new_long = self.resize, int(self.resize * long / short)
        size = (new_short, new_long) if width <= height else (new_long, new_short)  # PIL's (width, height)
        if self.backend == "pil" or self.interpolation not in _KERNELS:
            resized = np.asarray(Image.fromarray(image).resize(size, FILTERS[self.interpolation]))
        else:  # torchvision's antialiased tensor resize works in floats: no rounding between the two passes
            resized = _resize_float(image, size[1], size[0], self.interpolation)
        crop_h, crop_w = self.crop
        h, w = resized.shape[:2]
        if crop_h > h or crop_w > w:  # torchvision pads with zeros first
            top, left = (crop_h - h) // 2 if crop_h > h else 0, (crop_w - w) // 2 if crop_w > w else 0
            padded = np.zeros((max(h, crop_h), max(w, crop_w), 3), np.uint8)
            padded[top:top + h, left:left + w] = resized
            resized, h, w = padded, *padded.shape[:2]
        top, left = round((h - crop_h) / 2.0), round((w - crop_w) / 2.0)
        return resized[top:top + crop_h, left:left + crop_w]

    def __call__(self, image: np.ndarray) -> np.ndarray:
        """The model's ``3 x H x W`` float32 input for an RGB uint8 image."""
        view = self.cropped(image).astype(np.float32) / np.float32(255.0)
        normalised = (view - np.asarray(self.mean, np.float32)) / np.asarray(self.std, np.float32)
        return np.ascontiguousarray(normalised.transpose(2, 0, 1))


def _bicubic(x: np.ndarray) -> np.ndarray:
    x, a = np.abs(x), -0.5  # PIL's (and torch's antialiased) a
    return np.where(x < 1, ((a + 2) * x - (a + 3)) * x * x + 1, np.where(x < 2, (((x - 5) * x + 8) * x - 4) * a, 0.0))


#: The antialiased kernels of torch's ``interpolate(antialias=True)``: (function, support).
_KERNELS = {"bilinear": (lambda x: np.clip(1 - np.abs(x), 0, None), 1.0), "bicubic": (_bicubic, 2.0)}


def _taps(n_in: int, n_out: int, interpolation: str) -> list[tuple[int, np.ndarray]]:
    """For each output pixel along one axis, its first input pixel and its weights (PIL's and torch's
    antialiased coefficients: the kernel widened by the scale when shrinking)."""
    kernel, support = _KERNELS[interpolation]
    scale = n_in / n_out
    stretch = max(scale, 1.0)
    reach = support * stretch
    taps = []
    for i in range(n_out):
        center = (i + 0.5) * scale
        first, last = max(int(center - reach + 0.5), 0), min(int(center + reach + 0.5), n_in)
        w = kernel((np.arange(first, last) - center + 0.5) / stretch)
        total = w.sum()
        taps.append((first, (w / total if total else w).astype(np.float32)))
    return taps


def _resize_float(image: np.ndarray, height: int, width: int, interpolation: str) -> np.ndarray:
    """torchvision's ``resize(uint8 tensor, antialias=True)``: two separable passes in float32, rounded once."""
    f = image.astype(np.float32)
    rows = np.stack([np.tensordot(w, f[first:first + len(w)], axes=1)
                     for first, w in _taps(f.shape[0], height, interpolation)])
    out = np.stack([np.tensordot(w, rows[:, first:first + len(w)], axes=([0], [1]))
                    for first, w in _taps(f.shape[1], width, interpolation)], axis=1)
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


@dataclass(frozen=True)
class Manifest:
    """What an export needs to serve predictions alone (the JSON file beside it)."""

    model_id: str
    origin: str
    export: str  # the ONNX file's path
    export_size: int
    weights_file: list  # [path, size, mtime_ns] of the weights the export was made from
    pipeline: Pipeline
    labels: tuple[str, ...]
    made_by: dict[str, str]
    store_key: str  # the model's identity in the collection store (:func:`vislab.core.store.model_key`)
    version: int = VERSION

    def to_json(self) -> str:
        data = asdict(self)
        data["labels"] = list(self.labels)
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        if data.get("version") != VERSION:
            raise ValueError(f"a manifest of format {data.get('version')}, not {VERSION}")
        pipeline = data.pop("pipeline")
        pipeline["crop"], pipeline["mean"], pipeline["std"] = (tuple(pipeline[k]) for k in ("crop", "mean", "std"))
        data["labels"] = tuple(data["labels"])
        return cls(pipeline=Pipeline(**pipeline), **data)


def record(model: LoadedModel, export: Path) -> Path | None:
    """Write the manifest of ``model``'s export (made or found by its fast path); None when its weights
    cannot be recognised later (random ones) or the manifest cannot be written (said in the log)."""
    if model.weights == "random" or model.weights.startswith("randomised"):
        return None
    try:
        weights_file = _weights_file(model)
        if weights_file is None:
            return None
        pipe = model.pipeline
        manifest = Manifest(model.spec.id, model.weights if model.weights in ("bundled", "pretrained")
                            else origin_of(model.spec, model.weights), str(export), export.stat().st_size,
                            _identity(weights_file),
                            Pipeline(pipe.resize, tuple(pipe.crop), pipe.interpolation, tuple(pipe.mean),
                                     tuple(pipe.std), pipe.backend),
                            tuple(model.labels), versions(model.spec), _store_key(model))
        path = manifest_path(model.spec.id, manifest.origin)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = part_path(path)
        partial.write_text(manifest.to_json(), encoding="utf-8")
        os.replace(partial, path)
        return path
    except (OSError, ValueError) as exc:
        log.info("no torch-free manifest for %s: %s", model.spec.name, exc)
        return None


def _store_key(model: LoadedModel) -> str:
    from .store import model_key

    return model_key(model)


def _weights_file(model: LoadedModel) -> Path | None:
    """The file ``model``'s weights were read from."""
    if model.weights == "bundled":
        from .weights import bundled_file

        return bundled_file(model.spec)
    if model.weights == "pretrained":
        from .libraries import library

        return library(model.spec).cached_file(model.spec)
    path = Path(model.weights).expanduser().resolve()
    return path if path.is_file() else None


def find(model_id: str, weights: str | Path | None = None) -> tuple[Manifest | None, str]:
    """The manifest that still holds for ``model_id`` with ``weights`` (None: its bundled or pretrained
    weights), or None and the reason."""
    try:
        spec = get_spec(model_id)
    except VislabError as exc:
        return None, str(exc)
    origin = origin_of(spec, weights)
    path = manifest_path(spec.id, origin)
    try:
        manifest = Manifest.from_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, "the model has no torch-free export yet"
    except (OSError, ValueError, TypeError, KeyError) as exc:
        return None, f"its manifest {path} cannot be read ({exc})"
    if (manifest.model_id, manifest.origin) != (spec.id, origin):
        return None, f"its manifest {path} is another model's"
    if manifest.made_by != versions(spec):
        return None, "its export was made by other versions of vislab or its library"
    recorded = Path(manifest.weights_file[0])
    try:
        if _identity(recorded) != manifest.weights_file:
            return None, f"the weights file {recorded} changed since the export"
        if Path(manifest.export).stat().st_size != manifest.export_size:
            return None, f"the export {manifest.export} changed"
    except OSError as exc:
        return None, f"a file it needs is gone ({exc.filename})"
    return manifest, ""


def open_instant(model_id: str, weights: str | Path | None = None) -> InstantModel | None:
    """The torch-free model for ``model_id`` and ``weights``, or None (with the reason logged once) when its
    export and manifest are not in the cache or no longer hold."""
    manifest, reason = find(model_id, weights)
    if manifest is None:
        _note_once(f"{model_id}:{weights}", f"{model_id} runs on torch: {reason}")
        return None
    try:
        start = time.perf_counter()
        session = open_session(Path(manifest.export))
        return InstantModel(get_spec(model_id), manifest, session, open_seconds=time.perf_counter() - start)
    except Exception as exc:  # a damaged export: torch makes it again
        _note_once(f"{model_id}:{weights}", f"{model_id} runs on torch: its export cannot be opened ({exc})")
        return None


_served: dict[tuple[str, str], tuple[float, InstantModel]] = {}
_served_lock = threading.Lock()


def served(model_id: str, weights: str | Path | None = None) -> InstantModel | None:
    """:func:`open_instant`, kept for the process: the session is opened once per model and weights, and made
    again when the manifest is rewritten (a new export)."""
    try:
        spec = get_spec(model_id)
        path = manifest_path(spec.id, origin_of(spec, weights))
        stamp = path.stat().st_mtime_ns
    except (VislabError, OSError):
        return None
    key = (spec.id, origin_of(spec, weights))
    with _served_lock:
        kept = _served.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        model = open_instant(model_id, weights)
        if model is not None:
            _served[key] = (stamp, model)
        return model


def _image_error(path: str | Path, exc: BaseException, stage: str) -> ImageReadError:
    """``exc``, raised while working on ``path``, as that file's one-line entry (as
    :func:`vislab.core.batch.image_error` words it)."""
    if isinstance(exc, ImageReadError):
        return exc
    if isinstance(exc, VislabError):
        reason = str(exc)
    elif isinstance(exc, MemoryError):
        reason = f"ran out of memory while {stage}"
    else:
        reason = f"failed while {stage} ({type(exc).__name__}: {exc})".replace(": )", ")")
    error = ImageReadError(path, reason)
    error.__cause__ = exc.with_traceback(None)
    return error


def _note_once(key: str, message: str) -> None:
    with _noted_lock:
        if key in _noted:
            return
        _noted.add(key)
    log.info(message)


@dataclass
class InstantModel:
    """A model served by ONNX Runtime alone: predictions and feature vectors, no torch."""

    spec: ModelSpec
    manifest: Manifest
    session: onnxruntime.InferenceSession
    open_seconds: float = 0.0
    backend: str = "onnx"

    @property
    def pipeline(self) -> Pipeline:
        return self.manifest.pipeline

    @property
    def labels(self) -> tuple[str, ...]:
        return self.manifest.labels

    @property
    def weights(self) -> str:
        return self.manifest.origin

    @property
    def store_key(self) -> str:
        """The model's identity in the collection store, recorded when the export was checked against torch."""
        return self.manifest.store_key

    def read(self, path: str | Path) -> np.ndarray:
        """The photo at ``path`` as the model needs it (see :meth:`LoadedModel.read`)."""
        return read_image(path, min_side=self.pipeline.min_source_side)

    def embed(self, image: np.ndarray) -> np.ndarray:
        """The image's pre-logits embedding (see :meth:`LoadedModel.embed`)."""
        return self.forward(self.pipeline(image)[None])[1][0]

    def forward(self, batch: np.ndarray, embedding: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
        """Probabilities and embeddings for a ``N x 3 x H x W`` float32 batch (without ``embedding``, the
        probabilities alone: the embedding output costs a copy predictions do not need).

        Raises:
            WeightsError: the output is not finite.
        """
        outputs = None if embedding else ["probabilities"]
        probs, *rest = self.session.run(outputs, {"input": np.ascontiguousarray(batch, np.float32)})
        embedding = rest[0] if rest else None
        if not np.isfinite(probs).all():
            raise WeightsError(f"{self.spec.name} ({self.weights} weights): the model's output is not finite "
                               "(NaN or infinity): the weights are damaged")
        return probs, embedding

    def top_k(self, probs: np.ndarray, k: int) -> list[Prediction]:
        k = max(1, min(int(k), probs.size))
        order = np.argsort(-probs, kind="stable")[:k]
        return [Prediction(int(i), self.labels[int(i)], float(probs[i])) for i in order]

    def classify(self, image: np.ndarray, top_k: int = 5) -> list[Prediction]:
        """The ``top_k`` most likely classes for an RGB uint8 image."""
        probs, _ = self.forward(self.pipeline(image)[None], embedding=False)
        return self.top_k(probs[0], top_k)

    def classify_files(self, paths: Sequence[str | Path], top_k: int = 5, batch_size: int = 16,
                       ) -> Iterator[tuple[str | Path, list[Prediction] | VislabError]]:
        """Top-k predictions for image files, in order, each file's or the error that stopped it (as
        :meth:`LoadedModel.classify_files`, without ops)."""
        return self.run_files(paths, lambda probs, _embedding: self.top_k(probs, top_k), batch_size)

    def run_files(self, paths: Sequence[str | Path], answer, batch_size: int = 16, *, workers: int = 2,
                  ) -> Iterator[tuple[str | Path, object]]:
        """Each file's ``answer(probabilities, embedding)`` (1-D arrays) or the error that stopped it, in order
        (as :func:`vislab.core.batch.run_files`): read and prepared on ``workers`` threads, a batch ahead."""
        def prepare(path: str | Path) -> np.ndarray:
            try:
                return self.pipeline(self.read(path))
            except (Cancelled, ImageReadError):
                raise
            except Exception as exc:
                raise _image_error(path, exc, "preparing it for the model") from exc

        paths = list(paths)
        chunks = [paths[start:start + batch_size] for start in range(0, len(paths), batch_size)]
        with ThreadPoolExecutor(max(1, workers), thread_name_prefix="vislab-read") as pool:
            submitted = [[(p, pool.submit(prepare, p)) for p in chunk] for chunk in chunks[:1]]
            try:
                for index, chunk in enumerate(chunks):
                    if index + 1 < len(chunks):  # the next batch is read while this one runs
                        submitted.append([(p, pool.submit(prepare, p)) for p in chunks[index + 1]])
                    inputs = [_outcome(path, future) for path, future in submitted[index]]
                    submitted[index] = []
                    yield from zip(chunk, self._answers(inputs, answer), strict=True)
            finally:  # stopped early: read no further
                for batch in submitted:
                    for _, future in batch:
                        future.cancel()

    def _answers(self, inputs: list, answer) -> list:
        good = [i for i, x in enumerate(inputs) if isinstance(x, np.ndarray)]
        answers = list(inputs)  # the errors stay
        if good:
            try:
                probs, embedding = self.forward(np.stack([inputs[i] for i in good]))
                for i, p, e in zip(good, probs, embedding, strict=True):
                    answers[i] = answer(p, e)
            except VislabError as exc:
                for i in good:
                    answers[i] = exc
        return answers


def _outcome(path: str | Path, future) -> np.ndarray | VislabError:
    try:
        return future.result()
    except Cancelled:
        raise
    except VislabError as exc:
        return exc
    except Exception as exc:
        return _image_error(path, exc, "reading it")
