"""The machinery of the fast path (see :mod:`vislab.core.fast`): export to ONNX, in a child process, and
an ONNX Runtime session per loaded model, prepared on a background thread and checked against torch.

``python -m vislab.core._onnx MODEL_ID WEIGHTS HEIGHT WIDTH OUT [SETTINGS]`` is the child process;
``SETTINGS`` is a JSON object of the module's attributes that are settings, not weights (see
:meth:`vislab.core.libraries.ModelLibrary.settings`). The child dies with the process that started it
(:func:`die_with_parent`): an export nobody waits for is never finished.

A session serves only while its outputs are finite and agree with torch's: a cached export that fails the
check is made again once, and one that gives NaN later, while serving, hands that batch and the model's later
ones to torch.
"""

from __future__ import annotations

import atexit
import copy
import ctypes
import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from .catalog import get_spec
from .fast import enabled, export_dir, export_dirs, onnx_dir, open_session, part_path, start_cache
from .libraries import library

if TYPE_CHECKING:
    import onnxruntime

    from .model import LoadedModel

log = logging.getLogger("vislab.core.fast")

#: The ONNX operator set the exports use.
OPSET = 17
#: A new session serves only when its probabilities are this close to torch's on a random batch.
PROBABILITY_TOLERANCE = 1e-4
#: Export in a child process (not possible from a frozen application, which has no ``python -m``).
EXPORT_IN_CHILD = not getattr(sys, "frozen", False)
#: The environment variable that gives the exporting process its parent's pid (see :func:`die_with_parent`).
PARENT_ENV = "VISLAB_EXPORT_PARENT"
#: Seconds between two looks of the exporting process at its parent.
PARENT_CHECK_INTERVAL = 0.2
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_noted: set[str] = set()
_noted_lock = threading.Lock()
#: Seconds the process, ending, waits for a preparation to stop at its next step (see :meth:`FastPath.abandon`).
ABANDON_WAIT = 20
_preparing: weakref.WeakSet[FastPath] = weakref.WeakSet()


class _Abandoned(Exception):
    """The process is ending: a preparation stops at its next step."""


class SessionMismatch(ValueError):
    """An ONNX Runtime session whose outputs are not finite or not torch's: its export is made again once."""


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


def discard(path: Path) -> None:
    """Remove an export that failed; one in a read-only cache stays (and :func:`vislab.core.fast.export_dirs`
    puts the process's own exports first)."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("could not remove %s: %s", path, exc)


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
    partial = part_path(path)
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


def export_model(model: LoadedModel, path: Path, stop: threading.Event | None = None) -> None:
    """Export ``model`` to ``path``: in a child process (:data:`EXPORT_IN_CHILD`), else here from a copy.

    The weights for the child go to a temporary file beside ``path`` (see :func:`vislab.core.fast.part_path`),
    never to the system's temporary folder, so that a killed export leaves nothing a later start cannot sweep.
    When ``stop`` is set meanwhile the child is ended and :class:`_Abandoned` raised.
    """
    size = model.pipeline.crop
    if not EXPORT_IN_CHILD:
        export(detached_copy(model), model.spec.classifier, size, path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    weights = part_path(path, "weights")
    try:
        torch.save(model.module.state_dict(), weights)
        settings = json.dumps(library(model.spec).settings(model.spec, model.module))
        command = [sys.executable, "-m", "vislab.core._onnx", model.spec.id, str(weights), str(size[0]),
                   str(size[1]), str(path), settings]
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=os.environ | {"OMP_NUM_THREADS": "1", PARENT_ENV: str(os.getpid())})
        deadline = time.monotonic() + 900
        while True:
            try:
                _out, err = child.communicate(timeout=0.2)  # retried after a timeout without losing output
                break
            except subprocess.TimeoutExpired:
                late = time.monotonic() > deadline
                if late or (stop is not None and stop.is_set()):
                    child.kill()
                    child.communicate()
                    raise (TimeoutError("the export took more than 900 s") if late else _Abandoned()) from None
    finally:
        weights.unlink(missing_ok=True)
    if child.returncode != 0:
        lines = [line for line in err.strip().splitlines() if line.strip()]
        raise RuntimeError(lines[-1] if lines else f"the exporting process ended with status {child.returncode}")


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


def die_with_parent(out: Path) -> None:
    """Make this exporting process end when the process that started it ends: on Linux the kernel kills it
    (``PR_SET_PDEATHSIG``); everywhere a watcher thread ends it, removing its partial export of ``out``, once
    its parent pid changes (an orphan is adopted by another process)."""
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no prctl in this libc: the watcher alone
            pass
    _end_if_orphaned(parent, out)  # the parent may have died before the line above
    threading.Thread(target=_watch_parent, args=(parent, out), name="vislab-export-parent", daemon=True).start()


def _watch_parent(parent: int, out: Path) -> None:
    while True:
        time.sleep(PARENT_CHECK_INTERVAL)
        _end_if_orphaned(parent, out)


def _end_if_orphaned(parent: int, out: Path) -> None:
    if os.getppid() == parent:
        return
    for partial in out.parent.glob(f"{out.name}.{os.getpid()}-*.part"):
        partial.unlink(missing_ok=True)
    os._exit(3)


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
        self._session: onnxruntime.InferenceSession | None = None
        self._model: weakref.ref[LoadedModel] | None = None  # for torch when a batch is not finite
        self._done = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def ready(self) -> bool:
        """Whether the session serves."""
        return self.state == "ready"

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the session is ready or has failed; True when it is ready."""
        self._done.wait(timeout)
        return self.ready

    def run(self, batch: torch.Tensor, embedding: bool = True) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Probabilities and embeddings for a CPU batch (ONNX Runtime sessions run from any thread).

        Outputs that are not finite never leave: that batch goes to torch, and so do the later ones (the fast
        path fails, with the model's one note); when torch's are finite the export is at fault and is removed,
        so that the next start makes it again.
        """
        session = self._session
        if session is not None:
            probs, vectors = _infer(session, batch, embedding)
            if _finite(probs, vectors):
                return probs, vectors
        model = self._model() if self._model is not None else None
        if model is None:
            raise RuntimeError(f"the fast path of {self.name} has no model to fall back on")
        blamed = False
        try:
            expected = model.forward_torch(batch)
            blamed = _finite(*expected)
            return expected
        finally:
            if session is not None:
                self._fail(model, "ONNX Runtime gave outputs that are not finite (NaN or infinity)", blamed)

    def start(self, model: LoadedModel) -> threading.Thread:
        """Prepare the session for ``model`` on a daemon thread."""
        self._model = weakref.ref(model)
        thread = self._thread = threading.Thread(target=self._prepare, args=(model,), name=f"vislab-onnx-{self.name}",
                                                 daemon=True)
        _preparing.add(self)
        thread.start()
        return thread

    def abandon(self, timeout: float = ABANDON_WAIT) -> None:
        """The process is ending: stop the preparation at its next step (an export under way is ended) and wait
        for it. A daemon thread still inside torch or ONNX Runtime when the interpreter goes would abort the
        process ("terminate called without an active exception") after its work was done."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            # An export in this process (a frozen app's) cannot be ended: it is waited for, as long as it takes.
            self._thread.join(timeout if EXPORT_IN_CHILD else 900)

    def _step(self) -> None:
        if self._stop.is_set():
            raise _Abandoned

    def _prepare(self, model: LoadedModel) -> None:
        try:
            start_cache()
            self._step()
            batch, expected = _reference(model)
            self._step()
            name = export_path(model.spec.id, model.pipeline.crop, weights_hash(model.module)).name
            self._session, self.path = self._open_or_export(model, name)
            self._step()
            try:
                self._check(batch, expected)
            except SessionMismatch:
                if self.exported:
                    raise
                # A cached export that disagrees (damaged, or made by an older vislab, timm or ONNX Runtime):
                # once more, and not from the same file when a read-only cache kept it.
                discard(self.path)
                self._session, self.path = self._open_or_export(model, name, avoid=self.path)
                self._check(batch, expected)
            self.state = "ready"
            self._step()
            from .instant import record

            record(model, self.path)  # so that the next start can classify before torch loads
        except _Abandoned:  # the process is ending: no note, and the export is for another run to make
            self._session = None
            self.state, self.reason = "failed", "stopped: the process ended first"
        except Exception as exc:  # any failure leaves the model on torch, with one note
            self._session = None
            if isinstance(exc, SessionMismatch) and self.path is not None:
                discard(self.path)  # never keep an export known to be wrong
            self.state, self.reason = "failed", f"{type(exc).__name__}: {exc}".strip()
            _note_once(model, self.reason)
        finally:
            self._done.set()

    def _open_or_export(self, model: LoadedModel, name: str,
                        avoid: Path | None = None) -> tuple[onnxruntime.InferenceSession, Path]:
        for path in (folder / name for folder in export_dirs()):
            if path == avoid or not path.exists():
                continue
            try:
                return open_session(path), path
            except Exception:  # a damaged cache file: export it again
                discard(path)
        path = export_dir() / name
        self._step()
        export_model(model, path, stop=self._stop)
        self.exported = True
        return open_session(path), path

    def _check(self, batch: torch.Tensor, expected: tuple[torch.Tensor, torch.Tensor]) -> None:
        """Compare the session with torch's ``expected`` outputs for ``batch``, then time one image (the
        warm-up)."""
        probs, embedding = _infer(self._session, batch)
        if not _finite(probs, embedding):
            raise SessionMismatch("ONNX Runtime gives outputs that are not finite (NaN or infinity) where "
                                  "torch's are finite")
        expected_probs, expected_embedding = expected
        difference = float((probs - expected_probs).abs().max())
        if difference > PROBABILITY_TOLERANCE or not torch.allclose(embedding, expected_embedding, rtol=1e-3,
                                                                     atol=1e-3):
            raise SessionMismatch(f"ONNX Runtime disagrees with torch (probabilities differ by {difference:.2g})")
        start = time.perf_counter()
        _infer(self._session, batch[:1])
        self.latency = time.perf_counter() - start

    def _fail(self, model: LoadedModel, reason: str, blamed: bool) -> None:
        """Stop serving: later batches go to torch; ``blamed``: the export is wrong, remove it."""
        self.state, self.reason = "failed", reason
        self._session = None
        if blamed and self.path is not None:
            discard(self.path)
        _note_once(model, reason, "stopped serving")


def _reference(model: LoadedModel) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
    """A random batch of two and torch's outputs for it, which a session must match; a model whose outputs
    are not finite on torch has nothing to match (and no export is made for it)."""
    generator = torch.Generator().manual_seed(0)
    batch = torch.randn(2, 3, *model.pipeline.crop, generator=generator)
    expected = model.forward_torch(batch)
    if not _finite(*expected):
        raise RuntimeError("the model's outputs on torch are not finite (NaN or infinity)")
    return batch, expected


def _infer(session: onnxruntime.InferenceSession, batch: torch.Tensor,
           embedding: bool = True) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The session's outputs for ``batch``; without ``embedding`` only the probabilities are fetched (the
    embedding output costs ONNX Runtime a copy that predictions alone do not need)."""
    array = batch.detach().to(torch.float32).contiguous().numpy()
    if not embedding:
        return torch.from_numpy(session.run(["probabilities"], {"input": array})[0]), None
    probs, vectors = session.run(None, {"input": array})
    return torch.from_numpy(probs), torch.from_numpy(vectors)


def _finite(probs: torch.Tensor, embedding: torch.Tensor | None) -> bool:
    return bool(torch.isfinite(probs).all()) and (embedding is None or bool(torch.isfinite(embedding).all()))


def _note_once(model: LoadedModel, reason: str, what: str = "could not be prepared") -> None:
    """The one warning per model and weights in a process that its fast path ``what`` (and why)."""
    key = f"{model.spec.id}:{model.weights}"
    with _noted_lock:
        if key in _noted:
            return
        _noted.add(key)
    log.warning("%s stays on torch: the ONNX Runtime fast path %s (%s)", model.spec.name, what, reason)


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


@atexit.register
def _abandon_all() -> None:
    """At exit, every preparation still under way stops (see :meth:`FastPath.abandon`)."""
    for fast in list(_preparing):
        if not fast._done.is_set():
            fast.abandon()


if __name__ == "__main__":
    die_with_parent(Path(sys.argv[5]))
    _export_main(*sys.argv[1:])
