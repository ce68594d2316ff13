"""The trained model's file: one ``.safetensors`` holding the trained weights, with what they mean in its metadata.

The metadata (safetensors keeps a ``str -> str`` map in the header) names the format, the base architecture id,
a hash of the base weights, the class names, what was trained (and which tensors that is) and the input
pipeline. A head-only model stores only its head (a few kilobytes); the base weights are the catalog's own,
checked against the hash when the file is loaded. Loading never unpickles anything; a file whose metadata does
not match its tensors, or whose base model is unknown or has other weights here, is refused with a
:class:`~vislab.core.errors.WeightsError` naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

import torch
from torch import nn

from ..catalog import MODELS, TRAINED, ModelSpec
from ..errors import WeightsError
from ..preprocess import InputPipeline
from .scratch import ARCH_ID, SmallCNN

if TYPE_CHECKING:
    from ..model import LoadedModel
    from .trainer import TrainResult

__all__ = ["FORMAT", "FORMAT_VERSION", "export_onnx", "is_trained_file", "load_trained", "read_metadata",
           "save_trained", "trained_dir"]

FORMAT = "vislab.trained"
FORMAT_VERSION = 1
_REQUIRED = ("base", "base_weights", "classes", "trained", "pipeline", "name")


def trained_dir() -> Path:
    """Where the window keeps the models the person chose to use (under vislab's data folder)."""
    from ..store import data_dir

    return data_dir() / "trained"


def base_hash(module: nn.Module) -> str:
    """The hash of a base model's weights that a trained file records (that of the ONNX fast path's cache)."""
    from .._onnx import weights_hash

    return weights_hash(module)


# -- writing ------------------------------------------------------------------------------------------------------


def save_trained(result: TrainResult, path: str | Path, *, name: str, base_weights: str = "") -> Path:
    """Write ``result``'s trained weights and metadata to ``path`` (a ``.safetensors`` file), atomically.

    Args:
        result: what :func:`~vislab.core.teach.train` made.
        path: the file; its folder is made if needed.
        name: what the model is of (the dataset's name: "leaves"), shown in "My model: leaves · on ...".
        base_weights: :func:`base_hash` of the base model (defaults to the result's own record).

    Raises:
        WeightsError: the path does not end in ``.safetensors`` or cannot be written.
    """
    from safetensors.torch import save_file

    path = Path(path).expanduser()
    if path.suffix.lower() != ".safetensors":
        raise WeightsError(f"{path}: a trained model is saved as a .safetensors file")
    prefixes = tuple(result.trained_names)
    state = result.module.state_dict()
    tensors = {k: v.detach().cpu().contiguous().clone() for k, v in state.items()
               if any(_under(k, p) for p in prefixes)}
    info = {"kind": result.kind, "describe": result.config.describe(), "tensors": list(prefixes),
            "blocks": result.config.fine_tune_blocks if result.kind == "fine_tune" else 0,
            "epochs_run": result.epochs_run, "best_epoch": result.best_epoch, "val_accuracy": result.val_accuracy,
            "train_images": result.train_images, "val_images": result.val_images,
            "augment": list(result.config.augment)}
    metadata = {"format": FORMAT, "format_version": str(FORMAT_VERSION), "base": result.base or ARCH_ID,
                "base_weights": base_weights or result.base_weights,
                "classes": json.dumps(result.classes), "trained": json.dumps(info),
                "pipeline": json.dumps(asdict(result.pipeline)), "name": name.strip() or "my classes"}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        save_file(tensors, str(partial), metadata=metadata)
        os.replace(partial, path)
    except OSError as exc:
        raise WeightsError(f"{path}: the model could not be saved ({exc.strerror or exc})") from None
    return path


def _under(key: str, prefix: str) -> bool:
    return prefix in ("", key) or key.startswith(prefix + ".")


# -- reading ------------------------------------------------------------------------------------------------------


def read_metadata(path: str | Path) -> dict[str, str] | None:
    """The metadata of a vislab trained-model file, or None for any other file (another safetensors file, a
    ``.pth``, a missing file): only the header is read."""
    path = Path(path)
    if path.suffix.lower() != ".safetensors" or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            size = int.from_bytes(fh.read(8), "little")
            if not 0 < size < 100_000_000:
                return None
            header = json.loads(fh.read(size))
    except (OSError, ValueError):
        return None
    metadata = header.get("__metadata__") if isinstance(header, dict) else None
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT:
        return None
    return {str(k): str(v) for k, v in metadata.items()}


def is_trained_file(path: str | Path | None) -> bool:
    """True when ``path`` is a model trained in vislab (see :func:`save_trained`)."""
    return path is not None and read_metadata(path) is not None


def load_trained(path: str | Path, *, device: str | torch.device = "auto", progress=None,
                 cancel: threading.Event | None = None) -> LoadedModel:
    """The trained model in ``path`` as a :class:`~vislab.core.model.LoadedModel` with its own class names and a
    derived spec ("My model: leaves · on EfficientNet-Lite0"), registered so that :func:`~vislab.core.catalog.
    get_spec` finds it. It runs on torch (the ONNX fast path's export rebuilds catalog models only).

    Raises:
        WeightsError: naming the file and why it is refused.
        WeightsUnavailableError: the base model's weights are not on this computer.
    """
    from safetensors.torch import load_file

    from ..devices import resolve_device, use_physical_cores
    from ..model import LoadedModel

    start = time.perf_counter()
    path = Path(path).expanduser()
    meta = read_metadata(path)
    if meta is None:
        raise WeightsError(f"{path}: not a model trained in vislab")
    classes, info, pipeline = _parse(path, meta)
    try:
        tensors = load_file(str(path), device="cpu")
    except Exception as exc:  # safetensors raises its own error types
        raise WeightsError(f"{path}: not a valid safetensors file ({str(exc).strip()[:160]})") from None
    strays = [k for k in tensors if not any(_under(k, p) for p in info["tensors"])]
    if strays or not tensors:
        raise WeightsError(f"{path}: the metadata does not match the tensors ("
                           f"{'no tensors' if not tensors else 'tensors outside what was trained: ' + strays[0]})")
    use_physical_cores()
    base = meta["base"]
    if base == ARCH_ID:
        module, spec = _scratch_module(path, classes, tensors), None
    else:
        if base not in MODELS:
            raise WeightsError(f"{path}: trained on {base!r}, a base model this vislab does not know")
        spec = MODELS.get(base)
        module = _transfer_module(path, spec, meta["base_weights"], classes, tensors, progress, cancel)
    _load_into(path, module, tensors)
    module.eval().requires_grad_(False)
    target = resolve_device(device)
    module.to(target)
    derived = _register(_derived_spec(spec, meta["name"], classes, info, pipeline, module, path, tensors))
    model = LoadedModel(derived, module, pipeline, target, str(path), tuple(classes))
    model.warm_up()
    model.load_seconds = time.perf_counter() - start
    return model


def _parse(path: Path, meta: dict[str, str]) -> tuple[list[str], dict, InputPipeline]:
    missing = [k for k in _REQUIRED if k not in meta]
    if missing:
        raise WeightsError(f"{path}: the metadata lacks {', '.join(missing)}")
    try:
        version = int(meta.get("format_version", "1"))
    except ValueError:
        version = 0
    if version > FORMAT_VERSION:
        raise WeightsError(f"{path}: written by a newer vislab (trained-model format {version}); update vislab")
    try:
        classes = json.loads(meta["classes"])
        info = json.loads(meta["trained"])
        fields = json.loads(meta["pipeline"])
        pipeline = InputPipeline(int(fields["resize"]), tuple(int(v) for v in fields["crop"]),
                                 str(fields["interpolation"]), tuple(float(v) for v in fields["mean"]),
                                 tuple(float(v) for v in fields["std"]), str(fields["backend"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise WeightsError(f"{path}: the metadata is damaged ({type(exc).__name__}: {exc})") from None
    if (not isinstance(classes, list) or len(classes) < 2 or not all(isinstance(c, str) and c for c in classes)
            or len(set(classes)) != len(classes)):
        raise WeightsError(f"{path}: the metadata's class names are not a list of 2 or more distinct names")
    if not isinstance(info, dict) or not isinstance(info.get("tensors"), list):
        raise WeightsError(f"{path}: the metadata does not say which tensors were trained")
    if len(pipeline.crop) != 2 or pipeline.backend not in ("pil", "tensor"):
        raise WeightsError(f"{path}: the metadata's input pipeline is not one vislab knows")
    return classes, info, pipeline


def _scratch_module(path: Path, classes: list[str], tensors: dict[str, torch.Tensor]) -> nn.Module:
    weight = tensors.get("classifier.weight")
    if weight is None or weight.shape[0] != len(classes):
        held = "no classifier" if weight is None else f"{weight.shape[0]} classes"
        raise WeightsError(f"{path}: the metadata does not match the tensors: {len(classes)} class names, "
                           f"the weights hold {held}")
    return SmallCNN(len(classes))


def _transfer_module(path: Path, spec: ModelSpec, digest: str, classes: list[str], tensors: dict[str, torch.Tensor],
                     progress, cancel: threading.Event | None) -> nn.Module:
    from ..building import build_module
    module, _origin = build_module(spec, progress=progress, cancel=cancel)
    if digest and base_hash(module) != digest:
        raise WeightsError(f"{path}: trained on other {spec.name} weights than the ones on this computer "
                           "(their hash differs); the head would read features it was not trained on")
    old = module.get_submodule(spec.classifier)
    weight = tensors.get(f"{spec.classifier}.weight")
    if weight is None or weight.ndim != 2:
        raise WeightsError(f"{path}: the metadata does not match the tensors: no {spec.classifier}.weight")
    if weight.shape[0] != len(classes):
        raise WeightsError(f"{path}: the metadata does not match the tensors: {len(classes)} class names, "
                           f"the head has {weight.shape[0]} outputs")
    features = getattr(old, "in_features", None)
    if features is not None and weight.shape[1] != features:
        raise WeightsError(f"{path}: the head reads {weight.shape[1]} features, {spec.name} gives {features}")
    set_submodule(module, spec.classifier, nn.Linear(weight.shape[1], len(classes)))
    return module


def _load_into(path: Path, module: nn.Module, tensors: dict[str, torch.Tensor]) -> None:
    own = module.state_dict()
    unknown = [k for k in tensors if k not in own]
    if unknown:
        raise WeightsError(f"{path}: the metadata does not match the tensors: {unknown[0]} is not in the model")
    shaped = [k for k in tensors if tensors[k].shape != own[k].shape]
    if shaped:
        k = shaped[0]
        raise WeightsError(f"{path}: the metadata does not match the tensors: {k} is {list(tensors[k].shape)} in "
                           f"the file, {list(own[k].shape)} in the model")
    module.load_state_dict(tensors, strict=False)


def _derived_spec(base: ModelSpec | None, name: str, classes: list[str], info: dict, pipeline: InputPipeline,
                  module: nn.Module, path: Path, tensors: dict[str, torch.Tensor]) -> ModelSpec:
    digest = hashlib.blake2b(digest_size=6)
    for key in sorted(tensors):
        digest.update(key.encode())
        digest.update(tensors[key].contiguous().reshape(-1).view(torch.uint8).numpy().tobytes())
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "model"
    accuracy = info.get("val_accuracy")
    shown = f"{len(classes)} classes ({', '.join(classes[:4])}{', ...' if len(classes) > 4 else ''})"
    notes = (f"Trained in vislab on {shown}: {info.get('describe', info.get('kind', ''))}"
             + (f"; validation accuracy {accuracy * 100:.1f} %." if isinstance(accuracy, (int, float)) else "."))
    params = sum(p.numel() for p in module.parameters())
    mb = round(path.stat().st_size / 1e6, 2)
    model_id = f"trained/{slug}-{digest.hexdigest()}"
    top1 = float(accuracy) * 100 if isinstance(accuracy, (int, float)) else 0.0
    if base is None:
        return ModelSpec(id=model_id, name=f"My model: {name} · small CNN from scratch", family="CNN", year=2026,
                         paper="", paper_url="", params=params, gflops=0.0, top1=top1,
                         input_size=pipeline.crop[0], weights_mb=mb, source="timm", weights="", weights_file=path.name,
                         classifier="classifier", target_layer="features.2", licence="yours", notes=notes,
                         base_id=ARCH_ID)
    return replace(base, id=model_id, name=f"My model: {name} · on {base.name}", params=params, top1=top1,
                   weights_mb=mb, bundled=False, notes=notes, base_id=base.id, licence=base.licence)


def _register(spec: ModelSpec) -> ModelSpec:
    if spec.id in TRAINED:
        TRAINED.unregister(spec.id)
    return TRAINED.register(spec)


# -- ONNX -------------------------------------------------------------------------------------------------------


def export_onnx(model: LoadedModel, path: str | Path) -> Path:
    """Export a (trained) model to ONNX the way the fast path exports catalog models: probabilities and the
    pre-logits embedding, any batch size, at the pipeline's crop size.

    Raises:
        WeightsError: the file cannot be written or the export fails, naming the file.
    """
    from .._onnx import detached_copy, export

    path = Path(path).expanduser()
    if path.suffix.lower() != ".onnx":
        raise WeightsError(f"{path}: an ONNX export is a .onnx file")
    try:
        export(detached_copy(model).cpu(), model.spec.classifier, model.pipeline.crop, path)
    except OSError as exc:
        raise WeightsError(f"{path}: the export could not be written ({exc.strerror or exc})") from None
    except Exception as exc:  # the exporter's own errors
        raise WeightsError(f"{path}: {model.spec.name} could not be exported to ONNX ({exc})") from None
    return path


def set_submodule(module: nn.Module, dotted: str, new: nn.Module) -> None:
    """Put ``new`` in ``module`` at the dotted name ``dotted`` (the classifier a head replaces)."""
    parent_name, _, leaf = dotted.rpartition(".")
    parent = module.get_submodule(parent_name) if parent_name else module
    setattr(parent, leaf, new)
