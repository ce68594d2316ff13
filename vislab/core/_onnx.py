"""The machinery of the fast path (see :mod:`vislab.core.fast`): export to ONNX, in a child process, and
an ONNX Runtime session per loaded model, prepared on a background thread and checked against torch.

``python -m vislab.core._onnx MODEL_ID WEIGHTS HEIGHT WIDTH OUT [SETTINGS]`` is the child process;
``SETTINGS`` is a JSON object of the module's attributes that are settings, not weights (see
:meth:`vislab.core.libraries.ModelLibrary.settings`).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from .catalog import get_spec
from .devices import physical_cores
from .fast import enabled, onnx_dir
from .libraries import library

if TYPE_CHECKING:
    from .model import LoadedModel

log = logging.getLogger("vislab.core.fast")

#: The ONNX operator set the exports use.
OPSET = 17
#: A new session serves only when its probabilities are this close to torch's on a random batch.
PROBABILITY_TOLERANCE = 1e-4
#: Export in a child process (not possible from a frozen application, which has no ``python -m``).
EXPORT_IN_CHILD = not getattr(sys, "frozen", False)

_noted: set[str] = set()
_noted_lock = threading.Lock()


def weights_hash(module: torch.nn.Module) -> str:
    """A short hash of every parameter and buffer of ``module``: two loads of the same weights agree."""
    digest = hashlib.blake2b(digest_size=12)
    for name, tensor in module.state_dict().items():
        data = tensor.detach().cpu().contiguous()
        digest.update(f"{name}:{data.dtype}:{tuple(data.shape)}".encode())
        digest.update(data.reshape(-1).view(torch.uint8).numpy().data)
    return digest.hexdigest()


def export_path(model_id: str, size: tuple[int, int], digest: str) -> Path:
    """The cache file for one (model id, input size, weights hash)."""
    safe = model_id.replace("/", "--")
    return onnx_dir() / f"{safe}-{size[0]}x{size[1]}-{digest}-opset{OPSET}.onnx"


class _Outputs(torch.nn.Module):
    """A model returning (probabilities, pre-logits embedding): what :meth:`LoadedModel.forward` gives."""

    def __init__(self, module: torch.nn.Module, classifier: str) -> None:
        super().__init__()
        self.module = module
        self._inputs: list[torch.Tensor] = []
        module.get_submodule(classifier).register_forward_pre_hook(lambda _m, args: self._inputs.append(args[0]))
        self.eval()  # the exporter restores this mode afterwards: a training-mode wrapper would leave BN training

    def forward(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.module(batch)
        embedding = self._inputs.pop().flatten(1)
        return logits.float().softmax(dim=-1), embedding.float()


def detached_copy(model: LoadedModel) -> torch.nn.Module:
    """A copy of the model's module without vislab's hooks, to export while the original keeps serving."""
    with model.lock:  # no explanation's hooks on it while it is copied
        classifier = model.module.get_submodule(model.spec.classifier)
        hooks = dict(classifier._forward_pre_hooks)
        classifier._forward_pre_hooks.clear()
        try:
            clone = copy.deepcopy(model.module)
        finally:
            classifier._forward_pre_hooks.update(hooks)
    return clone.eval().requires_grad_(False)


def export(module: torch.nn.Module, classifier: str, size: tuple[int, int], path: Path) -> None:
    """Export ``module`` (probabilities and embedding, any batch size) to the ONNX file ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.part")
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")  # the legacy exporter's deprecation and tracer warnings
            torch.onnx.export(_Outputs(module, classifier), (torch.zeros(1, 3, *size),), str(partial),
                              dynamo=False, opset_version=OPSET, input_names=["input"],
                              output_names=["probabilities", "embedding"],
                              dynamic_axes={"input": {0: "batch"}, "probabilities": {0: "batch"},
                                            "embedding": {0: "batch"}})
        os.replace(partial, path)  # a reader never sees half a file
    finally:
        partial.unlink(missing_ok=True)


def export_model(model: LoadedModel, path: Path) -> None:
    """Export ``model`` to ``path``: in a child process (:data:`EXPORT_IN_CHILD`), else here from a copy."""
    size = model.pipeline.crop
    if not EXPORT_IN_CHILD:
        export(detached_copy(model), model.spec.classifier, size, path)
        return
    with tempfile.TemporaryDirectory(prefix="vislab-export-") as folder:
        weights = Path(folder) / "weights.pt"
        torch.save(model.module.state_dict(), weights)
        settings = json.dumps(library(model.spec).settings(model.spec, model.module))
        command = [sys.executable, "-m", "vislab.core._onnx", model.spec.id, str(weights), str(size[0]),
                   str(size[1]), str(path), settings]
        done = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False,
                              env=os.environ | {"OMP_NUM_THREADS": "1"})
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise RuntimeError(lines[-1] if lines else f"the exporting process ended with status {done.returncode}")


def _export_main(model_id: str, weights: str, height: str, width: str, path: str, settings: str = "{}") -> None:
    """The child process of :func:`export_model`: rebuild the architecture, load the weights and the
    settings, export."""
    torch.set_num_threads(1)
    spec = get_spec(model_id)
    source = library(spec)
    module = source.architecture(spec)
    module.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
    source.apply_settings(spec, module, json.loads(settings))
    export(module.eval().requires_grad_(False), spec.classifier, (int(height), int(width)), Path(path))


def open_session(path: Path):
    """An ONNX Runtime CPU session over ``path``, on as many threads as the machine has physical cores."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = physical_cores()
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Idle threads sleep instead of spinning: a spinning pool takes the cores that the window, the photo
    # decoders and torch need between two forward passes.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class FastPath:
    """One model's ONNX Runtime session, made on a background thread.

    :attr:`state` is ``pending`` until the session is ready (``ready``) or the model stays on torch
    (``failed``, with :attr:`reason`). :attr:`exported` says whether this process exported the model or
    found it in the cache.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.state = "pending"
        self.reason = ""
        self.path: Path | None = None
        self.exported = False
        self.latency: float | None = None
        self._session = None
        self._done = threading.Event()

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the session is ready or has failed; True when it is ready."""
        self._done.wait(timeout)
        return self.ready

    def run(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Probabilities and embeddings for a CPU batch (ONNX Runtime sessions run from any thread)."""
        array = batch.detach().to(torch.float32).contiguous().numpy()
        probs, embedding = self._session.run(None, {"input": array})
        return torch.from_numpy(probs), torch.from_numpy(embedding)

    def start(self, model: LoadedModel) -> threading.Thread:
        """Prepare the session for ``model`` on a daemon thread."""
        thread = threading.Thread(target=self._prepare, args=(model,), name=f"vislab-onnx-{self.name}", daemon=True)
        thread.start()
        return thread

    def _prepare(self, model: LoadedModel) -> None:
        try:
            self._session, self.path = self._open_or_export(model)
            try:
                self._check(model)
            except ValueError:
                if self.exported:
                    raise
                # A cached export that disagrees (made by an older vislab, timm or ONNX Runtime): once more.
                self.path.unlink(missing_ok=True)
                self._session, self.path = self._open_or_export(model)
                self._check(model)
            self.state = "ready"
        except Exception as exc:  # any failure leaves the model on torch, with one note
            self._session = None
            self.state, self.reason = "failed", f"{type(exc).__name__}: {exc}".strip()
            _note_once(model, self.reason)
        finally:
            self._done.set()

    def _open_or_export(self, model: LoadedModel):
        path = export_path(model.spec.id, model.pipeline.crop, weights_hash(model.module))
        if path.exists():
            try:
                return open_session(path), path
            except Exception:  # a damaged cache file: export it again
                path.unlink(missing_ok=True)
        export_model(model, path)
        self.exported = True
        return open_session(path), path

    def _check(self, model: LoadedModel) -> None:
        """Compare the session with torch on a random batch of two, then time one image (the warm-up)."""
        generator = torch.Generator().manual_seed(0)
        batch = torch.randn(2, 3, *model.pipeline.crop, generator=generator)
        expected, expected_embedding = model.forward_torch(batch)
        probs, embedding = self.run(batch)
        difference = float((probs - expected).abs().max())
        if difference > PROBABILITY_TOLERANCE or not torch.allclose(embedding, expected_embedding, rtol=1e-3,
                                                                     atol=1e-3):
            raise ValueError(f"ONNX Runtime disagrees with torch (probabilities differ by {difference:.2g})")
        single = batch[:1]
        start = time.perf_counter()
        self.run(single)
        self.latency = time.perf_counter() - start


def _note_once(model: LoadedModel, reason: str) -> None:
    key = f"{model.spec.id}:{model.weights}"
    with _noted_lock:
        if key in _noted:
            return
        _noted.add(key)
    log.warning("%s stays on torch: the ONNX Runtime fast path could not be prepared (%s)", model.spec.name, reason)


def attach(model: LoadedModel) -> FastPath | None:
    """Start preparing ``model``'s fast path; None when it is off or the model is not on the CPU."""
    if not enabled() or model.device.type != "cpu":
        return None
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        _note_once(model, "onnxruntime is not installed")
        return None
    fast = FastPath(model.spec.id)
    fast.start(model)
    return fast


if __name__ == "__main__":
    _export_main(*sys.argv[1:])
