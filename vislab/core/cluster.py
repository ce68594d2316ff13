"""Classifying and embedding a folder on Ray Data: the local machinery, run by an actor pool, written to Parquet.

The driver lists the files (as ``vislab classify FOLDER`` does) and hands their paths to Ray Data
(``from_items``, not ``read_images``: a corrupt file must be a row with an error, never a failed job, and the
photos must be decoded as vislab decodes them). A pool of :class:`Worker` actors (``map_batches``) each load
the model once, as ``vislab classify`` loads it (ONNX Runtime when its export is cached or can be made, else
torch; on the GPUs Ray gives it with ``num_gpus``), run :func:`vislab.core.collection.process` on each batch
of paths (the same reading, preprocessing, content hashes and error records as a local run, without the store)
and return :func:`vislab.core.result_files.rows`; Ray Data writes them with ``write_parquet`` under the
result-file schema (:func:`vislab.core.result_files.schema`, with vislab's mark in the metadata).

- Paths: workers read the photos by path. On a cluster the folder must be on a path every worker sees (a
  shared filesystem mounted at the same place), and so must ``--out``; a file a worker cannot find is a row
  with an error.
- Weights: a ``--weights`` file is read once on the driver and shipped to the workers through Ray's object
  store (``ray.put``), so it need not be on a shared path; the bundled weights ship with vislab itself.
- Threads: an actor runs torch and ONNX Runtime on as many threads as Ray gave it CPUs (``VISLAB_THREADS``,
  read by :func:`vislab.core.fast.physical_cores`), so that actors sharing a machine do not oversubscribe it.
- First use: a machine's first run exports the model to ONNX once (its workers wait for the one export, behind a
  file lock in vislab's cache); later runs' workers open the cached export without importing torch.
- Retries: a worker that dies (a killed process, a lost node) is restarted and its batch run again (Ray Data's
  actor pool retries: ``max_restarts``/``max_task_retries``); each batch's rows are written once.

Ray is imported inside the functions: the core imports without the ``cluster`` extra, and a run without it is
a :class:`ClusterError` that says how to install it.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ClusterError, OptionError, VislabError

if TYPE_CHECKING:
    import pyarrow

    from .model import LoadedModel

#: What ``--ray`` without an address means: a Ray started in this process, on this machine's CPUs.
LOCAL = "local"
#: Photos per Ray block at most (a block is one task of an actor, and what a retry runs again).
BLOCK_ROWS = 256
#: Rows per Parquet file at least (blocks are gathered to this size before they are written).
FILE_ROWS = 4096

#: A worker that dies is started again, and its batch run again, as often as it takes (Ray Data's defaults too).
RETRIES = {"max_restarts": -1, "max_task_retries": -1}

_INSTALL = "pip install 'vislab[cluster]'"


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise ClusterError(f"running on Ray needs Ray Data and PyArrow: {_INSTALL}") from None
    return ray


def _quiet_ray() -> None:
    """Ray's INFO lines (execution plans, where the logs are, progress as log lines) off the user's terminal;
    its progress bars stay where stderr is a terminal."""
    for name in ("ray", "ray.train", "ray.tune"):
        logging.getLogger(name).setLevel(logging.ERROR)
    logging.getLogger("ray.data").setLevel(logging.CRITICAL)  # a failed job's errors: the exception says them
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = sys.stderr.isatty()
    context.print_on_execution_start = False
    context.verbose_stats_logs = False


def connect(address: str = LOCAL) -> float:
    """Start Ray here (``address`` :data:`LOCAL`, on every CPU of this machine, no dashboard) or join the
    cluster at ``address`` (``auto``: the one this machine belongs to; ``ray://host:10001``: through Ray
    Client). A Ray already initialised in this process is used as it is. Returns the seconds it took.

    Raises:
        ClusterError: Ray is not installed, or the cluster cannot be reached (naming the address).
    """
    ray = _ray()
    _quiet_ray()
    if ray.is_initialized():
        return 0.0
    # Ray's C++ core prints warnings on stderr (one per actor of a pool: "constructor arguments in the object
    # store"); its errors reach this process as exceptions. With a local Ray, its own processes log so too.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.ERROR, "configure_logging": True}
    start = time.perf_counter()
    _reachable(address)
    try:
        with _stderr_aside():  # the C++ core's line saying that it read that level
            if address == LOCAL:
                ray.init(num_cpus=os.cpu_count() or 1, include_dashboard=False, **quiet)
            else:
                ray.init(address=address, **quiet)
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError, gRPC errors...
        raise ClusterError(f"cannot {'start Ray here' if address == LOCAL else f'reach the Ray cluster at {address}'}"
                           f": {_first_line(exc)}") from None
    _quiet_ray()
    return time.perf_counter() - start


@contextmanager
def _stderr_aside() -> Iterator[None]:
    """Standard error (the file descriptor, which C++ writes to) into a temporary file while inside."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # no real stderr (a test's capture, a window): nothing to hide
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    with tempfile.TemporaryFile() as aside:
        os.dup2(aside.fileno(), fd)
        try:
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


def _reachable(address: str, timeout: float = 5.0) -> None:
    """Knock on a ``host:port`` or ``ray://host:port`` address first: Ray itself retries an unreachable one
    for minutes."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if address in (LOCAL, "auto") or not port.isdigit() or not host:
        return
    import socket

    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise ClusterError(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from None


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def is_remote(address: str) -> bool:
    """Whether the driver runs away from the cluster (Ray Client, ``ray://``): paths are then the cluster's,
    not this machine's."""
    return address.startswith("ray://")


def check_out_folder(path: str) -> bool:
    """Refuse, before any work, an ``--out`` folder that cannot take a run's result files: a file, a folder
    that cannot be written or whose parent does not exist, a non-empty folder that holds anything but vislab
    result files (an earlier run's results are replaced). Returns whether it holds an earlier run's results.

    Raises:
        OptionError: one line naming the folder and the reason.
    """
    if not path.strip():
        raise OptionError("--out is empty: name the folder to write the result files (Parquet) to")
    target = Path(path).expanduser()
    if target.exists() and not target.is_dir():
        raise OptionError(f"--out {path}: is a file; with --ray, --out names a folder of result files (Parquet)")
    if not target.exists():
        if not target.parent.is_dir():
            raise OptionError(f"--out {path}: the folder {target.parent} does not exist")
        if not os.access(target.parent, os.W_OK | os.X_OK):
            raise OptionError(f"--out {path}: the folder {target.parent} is not writable")
        return False
    if not os.access(target, os.W_OK | os.X_OK):
        raise OptionError(f"--out {path}: the folder is not writable")
    entries = [p for p in target.rglob("*") if not p.is_dir()]
    foreign = [p for p in entries if not _is_result_file(p)]
    if foreign:
        raise OptionError(f"--out {path}: the folder holds other files than vislab result files "
                          f"({foreign[0].relative_to(target)}); name an empty or a new folder")
    return bool(entries)


def _is_result_file(path: Path) -> bool:
    from .result_files import MARK

    if path.suffix != ".parquet":
        return False
    try:
        import pyarrow.parquet as pq

        return MARK in (pq.read_schema(path).metadata or {})
    except Exception:  # not Parquet, unreadable, or PyArrow missing: not ours to replace
        return False


@dataclass(frozen=True)
class Job:
    """What each worker loads and how the work is split.

    Attributes:
        model: the catalog id (resolved by the caller).
        weights: a weights file on this machine (shipped to the workers), or None for the model's own.
        device: where each worker runs the model (``auto``: a GPU when Ray gave it one, else the CPU).
        top_k: classes kept per photo.
        batch_size: photos per model batch.
        workers: the actor pool's size (None: one per ``cpus_per_worker`` CPUs of the cluster, at most one per
            GPU share when ``num_gpus_per_worker`` is set).
        num_gpus_per_worker: GPUs each actor takes (fractions share a GPU).
        cpus_per_worker: CPUs each actor takes, and the threads it runs torch and ONNX Runtime on.
        fast_path: ONNX Runtime where it serves (as ``vislab classify``); False keeps the workers on torch.
    """

    model: str
    weights: str | None = None
    device: str = "auto"
    top_k: int = 5
    batch_size: int = 16
    workers: int | None = None
    num_gpus_per_worker: float = 0.0
    cpus_per_worker: float = 1.0
    fast_path: bool = True


@dataclass
class Summary:
    """What a run wrote: rows, the (path, error line) of each unreadable file, the time the job took (Ray's
    start apart), where."""

    rows: int
    errors: list[tuple[str, str]]
    seconds: float
    out: str
    workers: int
    model: str
    startup_seconds: float = 0.0
    paths: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Rows per second of the job (Ray's start-up not counted)."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        return {"rows": self.rows, "errors": [{"image": p, "error": e} for p, e in self.errors],
                "seconds": round(self.seconds, 3),
                "rows_per_second": round(self.rate, 3), "startup_seconds": round(self.startup_seconds, 3),
                "workers": self.workers, "model": self.model, "out": self.out}


def default_workers(job: Job) -> int:
    """The pool size when ``--workers`` is not given: the cluster's CPUs over each worker's, and no more than
    its GPUs allow when workers take GPUs."""
    ray = _ray()
    resources = ray.cluster_resources()
    workers = int(resources.get("CPU", 1) // max(job.cpus_per_worker, 1e-9))
    if job.num_gpus_per_worker > 0:
        workers = min(workers, int(resources.get("GPU", 0) // job.num_gpus_per_worker))
        if workers < 1:
            raise ClusterError(f"--num-gpus-per-worker {job.num_gpus_per_worker:g}: the cluster has "
                               f"{resources.get('GPU', 0):g} GPUs")
    return max(1, workers)


def run(files: Sequence[str | Path], out: str, job: Job, *, replace: bool = False,
        remote_args: dict[str, Any] | None = None) -> Summary:
    """Classify and embed ``files`` on the Ray this process is connected to (:func:`connect`), writing one
    result row per file to the Parquet folder ``out`` (``replace``: an earlier run's files there go first).
    ``remote_args`` are extra options of the actors (Ray's ``max_restarts`` and the like).

    Raises:
        ClusterError: a worker cannot load the model, or the job fails (the reason in one line).
    """
    ray = _ray()
    from .result_files import schema

    workers = job.workers or default_workers(job)
    weights = _ship_weights(job.weights) if job.weights else None
    paths = [os.path.abspath(f) for f in files]  # a worker's working folder is not this one on a cluster
    if "://" not in out:  # so is --out: named here, written there
        out = os.path.abspath(os.path.expanduser(out))
    blocks = max(1, min(len(paths), max(4 * workers, math.ceil(len(paths) / BLOCK_ROWS))))
    start = time.perf_counter()
    try:
        dataset = ray.data.from_items([{"path": p} for p in paths], override_num_blocks=blocks)
        dataset = dataset.map_batches(
            Worker, batch_size=job.batch_size, batch_format="numpy", zero_copy_batch=True,
            compute=ray.data.ActorPoolStrategy(size=workers), fn_constructor_kwargs={"job": job, "weights": weights},
            num_cpus=job.cpus_per_worker, num_gpus=job.num_gpus_per_worker or None,
            **(RETRIES | (remote_args or {})))
        dataset.write_parquet(out, schema=schema(), min_rows_per_file=FILE_ROWS, ray_remote_args={"num_cpus": 0},
                              mode=ray.data.SaveMode.OVERWRITE if replace else ray.data.SaveMode.APPEND)
    except Exception as exc:
        raise _job_error(exc) from None
    seconds = time.perf_counter() - start
    written, errors = _written(out)
    order = {p: i for i, p in enumerate(paths)}
    errors.sort(key=lambda pair: order.get(pair[0], len(order)))  # in the order of the files, as a local run
    return Summary(len(written), errors, seconds, out, workers, job.model, paths=written)


def _ship_weights(path: str) -> tuple[str, Any, str]:
    """The weights file's name, its bytes in Ray's object store (read here, where the file is) and its source as
    the store records it (the path and the bytes' hash: :func:`vislab.core.store.weights_source`)."""
    ray = _ray()
    source = Path(path).expanduser()
    try:
        data = source.read_bytes()
    except OSError as exc:
        from .errors import WeightsError

        raise WeightsError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    from .store import weights_source

    return str(source.resolve()), ray.put(data), weights_source(source)


def _job_error(exc: BaseException) -> VislabError:
    """The one line a failed job is: vislab's own error from a worker as it is, else Ray's first line."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, VislabError):
            return current
        cause = getattr(current, "cause", None)
        current = cause if isinstance(cause, BaseException) else (current.__cause__ or current.__context__)
    for line in str(exc).splitlines():  # a worker's error, which Ray Data passes on as text only
        found = re.search(r"vislab\.core\.errors\.\w+: (.+)", line)
        if found:
            return ClusterError(found.group(1).strip())
    return ClusterError(f"the Ray job failed: {_first_line(exc)}")


def _written(out: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The paths of the rows written to ``out`` and the (path, error line) of those with an error: read here
    when the folder is seen from this machine, else by Ray on the cluster."""
    columns = ["path", "error"]
    if Path(out).expanduser().is_dir():
        import pyarrow.dataset as pads

        table = pads.dataset(str(Path(out).expanduser()), format="parquet").to_table(columns=columns)
    else:
        import ray.data

        table = ray.data.read_parquet(out, columns=columns).to_arrow_refs()
        import pyarrow as pa

        table = pa.concat_tables(_ray().get(table))
    paths = table.column("path").to_pylist()
    errors = [(p, e) for p, e in zip(paths, table.column("error").to_pylist(), strict=True) if e]
    return paths, errors


@contextmanager
def _machine_lock(path: Path) -> Iterator[None]:
    """Held by one process of this machine at a time (an advisory file lock; none where ``fcntl`` is not)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")
    except OSError:  # a read-only cache: no lock, as without fcntl
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Worker:
    """One actor of the pool: loads the model once, then turns batches of paths into result rows."""

    def __init__(self, job: Job, weights: tuple[str, Any, str] | None = None) -> None:
        threads = max(1, math.ceil(job.cpus_per_worker))
        os.environ["VISLAB_THREADS"] = str(threads)  # before vislab reads the CPU count (below)
        from . import fast

        fast.physical_cores.cache_clear()
        self.job = job
        self.source = weights[0] if weights else None
        self.recorded = weights[2] if weights else None  # the source the rows carry
        self._folder = None
        self.model: LoadedModel | Any = None
        self.error: VislabError | None = None
        try:
            self.model = self._load(self._weights_file(weights))
        except VislabError as exc:  # raised on the first batch: a failed creation would be retried forever
            self.error = ClusterError(f"a worker could not load the model: {self._named(str(exc))}")

    def _weights_file(self, weights: tuple[str, Any, str] | None) -> str | None:
        if weights is None:
            return None
        import ray

        name, ref, _recorded = weights
        self._folder = tempfile.TemporaryDirectory(prefix="vislab-weights-")
        path = Path(self._folder.name) / Path(name).name  # the suffix tells the loader the format
        path.write_bytes(ray.get(ref))
        return str(path)

    def _named(self, text: str) -> str:
        """``text`` naming the weights file as the user named it, not this worker's copy of it."""
        if self._folder is None or not self.source:
            return text
        return text.replace(str(Path(self._folder.name) / Path(self.source).name), self.source)

    def _load(self, weights: str | None):
        """The model as ``vislab classify`` loads it: torch-free from a cached export where one serves on the
        CPU, else on torch with its ONNX Runtime fast path, waiting for that to be ready."""
        from . import fast

        job = self.job
        device = job.device.lower()
        if device == "auto" and not job.num_gpus_per_worker:
            device = "cpu"  # Ray gave this worker no GPU
        if not (job.fast_path and device == "cpu" and fast.enabled()):
            return self._on_torch(weights, device)
        from .instant import served

        model = served(job.model, weights)
        if model is not None:
            return model
        # The first use on a machine exports the model to ONNX: one worker does, while the others beside it wait
        # for its export instead of making their own (each export is a process of its own); after that first
        # try, made or failed, they load at once.
        name = f".ray-{job.model.replace('/', '--')}-{Path(self.source or 'own').name}"
        tried = fast.onnx_dir() / f"{name}.tried"
        with _machine_lock(fast.onnx_dir() / f"{name}.lock"):
            model = served(job.model, weights)
            if model is None and not tried.exists():
                model = self._on_torch(weights, device)
                with contextlib.suppress(OSError):
                    tried.touch()
        return model or self._on_torch(weights, device)

    def _on_torch(self, weights: str | None, device: str):
        from . import fast
        from .loading import load_model

        job = self.job
        model = load_model(job.model, weights=weights, device=device, fast_path=None if job.fast_path else False)
        model.fast_ready()
        import torch

        torch.set_num_threads(fast.physical_cores())
        return model

    def __call__(self, batch: dict[str, Any]) -> pyarrow.Table:
        from .collection import process
        from .result_files import rows, table
        from .store import Record, model_key

        if self.error is not None:
            raise self.error
        paths = [Path(str(p)) for p in batch["path"]]
        model = self.model
        records: list[Record] = []
        try:
            for part in process(paths, model, None, top_k=max(self.job.top_k, 5), batch_size=self.job.batch_size):
                records += part
        except VislabError as exc:  # the model itself failed on this batch (damaged weights): each file says so
            records = [Record(p, "", 0, 0.0, error=f"{p}: {self._named(str(exc))}") for p in paths]
        source = self.recorded or model.weights
        return table(rows(records, model.spec.id, model_key(model), model.labels, source))
