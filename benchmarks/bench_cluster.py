"""Figures for a run on Ray (issue 18): ``classify FOLDER --ray`` on a local Ray against the local ``classify
FOLDER`` on the same photos, both computing every answer (no store), and how the pool scales from one worker to
two; Ray's start-up apart.

Both sides load the model as the command does (ONNX Runtime from the cached export, else torch with its fast
path). Rates are photos per second past each run's fixed cost: the time of all the photos less that of a few
(twice the CPUs), whose time is the fixed cost itself (on Ray: the workers start and load the model, the rows
are written to Parquet and counted), reported apart, as is Ray's own start. ``VISLAB_BENCH_CLUSTER_PHOTOS`` sets
the folder's size (200 by default), of :func:`benchmarks.bench_collection.mixed_folder`'s mix (a quarter
12-megapixel JPEGs). Ray gets this machine's CPUs; each worker takes one, and runs the model on one thread while
two more read and decode the photos (as the local command's readers do): on two cores one worker already keeps
both busy, so a second one can only show that it costs nothing, not that it doubles the rate.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from vislab.core import cluster, fast
from vislab.core.collection import process
from vislab.core.loading import load_model

from ._harness import Result
from .bench_collection import mixed_folder

MODEL = "efficientnet_lite0"
BATCH = 16


def photo_count() -> int:
    return max(8, int(os.environ.get("VISLAB_BENCH_CLUSTER_PHOTOS", "200")))


def local_seconds(paths: list[Path]) -> float:
    """The local ``classify FOLDER`` without a store: the model loaded as the command loads it, then every photo."""
    from vislab.core.instant import served

    start = time.perf_counter()
    model = served(MODEL) if fast.enabled() else None
    if model is None:
        model = load_model(MODEL, device="cpu")
        model.fast_ready()
    records = [r for batch in process(paths, model, None, batch_size=BATCH) for r in batch]
    seconds = time.perf_counter() - start
    assert sum(r.error is None for r in records) == len(paths)
    return seconds


def ray_seconds(paths: list[Path], out: Path, workers: int) -> float:
    summary = cluster.run(paths, str(out), cluster.Job(MODEL, batch_size=BATCH, workers=workers), replace=out.exists())
    assert summary.rows == len(paths) and not summary.errors, summary.errors[:3]
    return summary.seconds


def run() -> list[Result]:
    import ray

    warm = load_model(MODEL, device="cpu")  # the export (and its manifest) the runs below find in the cache
    warm.fast_ready(timeout=300)
    backend = warm.backend
    n, cpus = photo_count(), os.cpu_count() or 1
    few = 2 * cpus  # a job this small is the fixed cost: the pool's start, its batches' hand-over, the writing
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = mixed_folder(folder, n)
        local = {"few": [], "all": []}
        for _ in range(2):
            local["few"].append(local_seconds(paths[:few]))
            local["all"].append(local_seconds(paths))
        startup = cluster.connect()
        jobs: dict[tuple[int, str], list[float]] = {}
        try:
            out = folder / "results"
            ray_seconds(paths[:few], out, cpus)  # once untimed: Ray starts its worker processes
            for _ in range(2):
                for workers in (cpus, 1):
                    for part, chosen in (("few", paths[:few]), ("all", paths)):
                        jobs.setdefault((workers, part), []).append(ray_seconds(chosen, out, workers))
        finally:
            ray.shutdown()

    def rate(times: dict[str, list[float]]) -> float:  # photos per second past the fixed cost
        return (n - few) / max(1e-9, statistics.median(times["all"]) - statistics.median(times["few"]))

    local_rate = rate(local)
    pool = {w: rate({"few": jobs[(w, "few")], "all": jobs[(w, "all")]}) for w in (cpus, 1)}
    fixed = statistics.median(jobs[(cpus, "few")])
    whole = n / statistics.median(jobs[(cpus, "all")])
    return [
        Result(f"classify + embed {n} photos: --ray ({cpus} workers, local Ray) / local classify, photos/s",
               pool[cpus] / local_rate, 0.7, "x",
               f"{pool[cpus]:.1f} vs {local_rate:.1f} photos/s ({pool[cpus] / cpus:.1f} per core on Ray), past each "
               f"run's fixed cost; the whole job {whole:.1f} photos/s; on {backend}", higher_is_better=True),
        Result(f"--ray start-up (a local Ray on {cpus} CPUs)", startup, 15.0, "s",
               "ray.init, once per command"),
        Result(f"--ray fixed cost of a job ({cpus} workers)", fixed, 10.0, "s",
               f"a job of {few} photos: the workers start and load the model, the rows are written and counted"),
        Result(f"--ray scaling: {cpus} workers / 1 worker", pool[cpus] / pool[1], 0.9, "x",
               f"{pool[cpus]:.1f} vs {pool[1]:.1f} photos/s; one worker's readers already use a second core; more "
               "cores were not available here", higher_is_better=True),
    ]


if __name__ == "__main__":
    for result in run():
        print(f"{result.name}: {result.value:.2f} {result.unit} (goal {result.goal:g}; {result.detail})")
