"""The fast path: forward passes that need no gradient, on ONNX Runtime when the model exports.

After a model loads, a background thread has a child process export it to ONNX (probabilities and the
pre-logits embedding in one graph), then opens an ONNX Runtime session on the CPU; until that is ready, and
for ever if the export fails, torch serves. (The exporter holds Python's lock for a tenth of a second at a
time, which would freeze the window's thread; in a child process it cannot.) Each export is kept in
:func:`cache_dir` under the model id, input size and a hash of the weights, so a model exports once. A new
session is checked against torch on a random batch before it serves. Explanations, which need gradients,
hooks or attention, always run on torch.

Turn the fast path off for the whole process with :func:`set_enabled` or the ``VISLAB_FAST=0`` environment
variable; ``VISLAB_CACHE_DIR`` moves the cache. This module is the switch and the cache folder, and imports
no torch (a window may call it from its own thread); the machinery is in :mod:`vislab.core._onnx`.

Temporary files (the weights handed to the exporting process, the export being written) live in the cache
folder, named after the process that writes them (:func:`part_path`); when the first fast path of a process
starts (:func:`start_cache`), the folder is swept of those whose process is gone. A cache folder that cannot be
written is said once (a read-only folder, a full disk), and the exports are kept in a temporary folder for the process
instead.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import onnxruntime

log = logging.getLogger(__name__)

#: A temporary file older than this is stale even when a process with its pid is alive (the pid was reused):
#: four times the longest an export may take.
STALE_AFTER = 3600.0

#: ``<target>.<pid>-<thread>[.<kind>].part``: a temporary file of :func:`part_path`.
_PART = re.compile(r"\.(\d+)-\d+(?:\.[a-z]+)?\.part$")
#: The temporary folders of :func:`export_dir` for a cache folder that cannot be written (``<pid>`` first), and
#: those of vislab versions that kept the weights for the exporting process in the system's temporary folder.
_TEMP = re.compile(r"^vislab-onnx-(\d+)-")
_OLD_TEMP = "vislab-export-"

_enabled: bool | None = None
_export_dirs: dict[Path, Path] = {}  # cache folder -> where this process writes its exports
_swept: set[Path] = set()
_folders_lock = threading.Lock()


def set_enabled(enabled: bool | None) -> None:
    """Turn the fast path on or off for this process; None goes back to ``VISLAB_FAST`` (default on).

    Models already loaded switch at their next forward pass; their sessions are kept.
    """
    global _enabled  # noqa: PLW0603 - one process-wide switch
    _enabled = enabled


def enabled() -> bool:
    """Whether forward passes may run on ONNX Runtime now."""
    if _enabled is not None:
        return _enabled
    return os.environ.get("VISLAB_FAST", "1").strip().lower() not in ("0", "false", "no", "off")


@cache
def physical_cores() -> int:
    """Physical CPU cores this process may use (hyper-threads share a core's arithmetic units), or
    ``VISLAB_THREADS`` when that is set (the CPUs Ray gave a worker: :mod:`vislab.core.cluster`)."""
    cap = os.environ.get("VISLAB_THREADS", "").strip()
    if cap.isdigit() and int(cap) >= 1:
        return int(cap)
    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    cores = set()
    for cpu in allowed:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            cores.add(((topology / "physical_package_id").read_text().strip(),
                       (topology / "core_id").read_text().strip()))
        except OSError:
            cores.add(("cpu", str(cpu)))
    return max(1, len(cores) or os.cpu_count() or 1)


def gpu_present() -> bool:
    """Whether this machine seems to have a GPU torch would take for ``device="auto"`` (CUDA or Apple's), told
    without importing torch: a command that will run many photos should not take the CPU-only path there."""
    if sys.platform == "darwin":
        import platform

        return platform.machine() == "arm64"
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is not None and visible.strip() in ("", "-1"):
        return False
    return Path("/dev/nvidiactl").exists() or Path("/proc/driver/nvidia/version").exists()


def open_session(path: Path) -> onnxruntime.InferenceSession:
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


def cache_dir() -> Path:
    """vislab's cache folder: ``VISLAB_CACHE_DIR``, else the platform's user cache folder."""
    override = os.environ.get("VISLAB_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "vislab" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "vislab"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "vislab"


def onnx_dir() -> Path:
    """Where the ONNX exports are kept."""
    return cache_dir() / "onnx"


def start_cache() -> None:
    """Sweep the cache folder of stale temporary files (see :func:`sweep`), the first time a fast path starts
    in this process with this folder."""
    folder = onnx_dir()
    with _folders_lock:
        if folder in _swept:
            return
        _swept.add(folder)
    sweep(folder)


def export_dir() -> Path:
    """The folder new exports are written to: :func:`onnx_dir`, or, when that cannot be written, a temporary
    folder kept until this process ends (said once, naming both). Asked only when an export is to be made: a
    read-only cache that holds the export is no trouble."""
    folder = onnx_dir()
    with _folders_lock:
        if folder not in _export_dirs:
            problem = _write_problem(folder)
            _export_dirs[folder] = folder if problem is None else _process_folder(folder, problem)
        return _export_dirs[folder]


def export_dirs() -> list[Path]:
    """Where an export may be found, best first: this process's temporary folder, when the cache folder could
    not be written, then the cache folder."""
    folder = onnx_dir()
    with _folders_lock:
        kept = _export_dirs.get(folder, folder)
    return [kept, folder] if kept != folder else [folder]


def part_path(target: Path, kind: str = "") -> Path:
    """A temporary file beside ``target`` for this process and thread (``kind`` tells two apart): a reader
    never takes it for an export, and :func:`sweep` removes it once its process is gone."""
    suffix = f".{kind}" if kind else ""
    return target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}{suffix}.part")


def sweep(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files that killed processes left in ``folder`` (those of processes no longer
    alive, and any older than :data:`STALE_AFTER`) and the temporary export folders they left in the system's
    temporary folder (those of processes no longer alive: a live one may hold its folder for days). Returns
    what was removed; what cannot be removed is left (a read-only cache)."""
    now = time.time() if now is None else now
    removed = []
    for path in _entries(folder):
        match = _PART.search(path.name)
        if match and _stale(path, int(match.group(1)), now) and _remove(path):
            removed.append(path)
    for path in _entries(Path(tempfile.gettempdir())):
        match = _TEMP.match(path.name)
        if match:  # on Windows, where no pid is known to be dead, the age alone
            stale = not _alive(int(match.group(1))) or (sys.platform == "win32" and _older(path, now))
        else:
            stale = path.name.startswith(_OLD_TEMP) and _older(path, now)
        if stale and _remove(path):
            removed.append(path)
    if removed:
        log.info("removed %d temporary file(s) of ONNX exports that were stopped: %s", len(removed),
                 ", ".join(str(path) for path in removed))
    return removed


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:  # no such folder yet, or not readable: nothing to sweep
        return []


def _stale(path: Path, pid: int, now: float) -> bool:
    return not _alive(pid) or _older(path, now)


def _older(path: Path, now: float) -> bool:
    try:
        return now - path.lstat().st_mtime > STALE_AFTER
    except OSError:
        return False


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs; always True on Windows, where only the age decides (``os.kill`` there
    ends the process)."""
    if pid == os.getpid() or sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no right to ask: alive
        return True
    return True


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:  # swept meanwhile by another process
        return False
    except OSError as exc:
        log.debug("could not remove %s: %s", path, exc)
        return False
    return True


def _write_problem(folder: Path) -> OSError | None:
    """None when a file can be made in ``folder`` (made first if need be), else why not. A real write, not
    ``os.access``, which answers yes to root on a read-only folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return exc
    return None


def _process_folder(folder: Path, problem: OSError) -> Path:
    """A temporary folder for this process's exports, removed when it ends (or by a later :func:`sweep`)."""
    kept = Path(tempfile.mkdtemp(prefix=f"vislab-onnx-{os.getpid()}-"))
    atexit.register(shutil.rmtree, kept, ignore_errors=True)
    reason = problem.strerror or str(problem)
    log.warning("the cache folder %s cannot be written (%s): ONNX exports are kept in %s until vislab ends "
                "and made again next time", folder, reason, kept)
    return kept
