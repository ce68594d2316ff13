"""``vislab classify FOLDER --ray [ADDRESS] --out DIR`` and ``vislab embed FOLDER --ray ...``: the same work on Ray
Data, written to a folder of Parquet result files (:mod:`vislab.core.cluster`), which ``vislab import-results``
and the window's File > Open results... read into the collection store."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from pathlib import Path

from ..core.errors import OptionError, WeightsError
from .output import fail, note, print_json

#: An ``--ray`` value that names a cluster: ``auto``, ``ray://host:port`` or a head node's ``host:port``.
_ADDRESS = re.compile(r"^(auto|local|[a-z]+://.+|[\w.\-\[\]:]+:\d+)$")


def address_or_folder(args: list[str]) -> list[str]:
    """``vislab classify --ray photos/ --out r/``: a word after ``--ray`` that names no cluster is the
    command's next argument (the folder), not the address; argparse alone would take it as the address."""
    args = list(args)
    for i, word in enumerate(args[:-1]):
        if word == "--ray" and not args[i + 1].startswith("-") and not _ADDRESS.match(args[i + 1]):
            args[i] = "--ray=local"
    return args


def non_negative(text: str) -> float:
    """An argparse type: a number of at least 0 (a fraction of a GPU is fine)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, not {text!r}")
    return value


def ray_options(parser: argparse.ArgumentParser, *, out: bool) -> None:
    """``--ray [ADDRESS]``, ``--workers``, ``--num-gpus-per-worker`` (and ``--out DIR`` when the command has no
    ``--out`` of its own)."""
    from .options import positive

    group = parser.add_argument_group("on a Ray cluster (pip install 'vislab[cluster]')")
    group.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                       help="run on Ray Data and write Parquet result files to --out DIR: no ADDRESS starts a Ray "
                            "on this machine, 'auto' joins the cluster this machine belongs to, ray://HOST:10001 "
                            "one through Ray Client; the files must be on a path every worker sees")
    if out:
        group.add_argument("--out", metavar="DIR", help="with --ray: the folder for the result files (Parquet); an "
                                                        "earlier run's files there are replaced")
    group.add_argument("--workers", type=positive, metavar="N",
                       help="with --ray: how many workers load the model and run it (default: one per CPU)")
    group.add_argument("--num-gpus-per-worker", type=non_negative, default=0.0, metavar="N",
                       help="with --ray: GPUs each worker takes (0: the CPU; 0.5: two workers share a GPU)")


def wanted(options: argparse.Namespace) -> bool:
    """Whether the command runs on Ray; the Ray-only options without ``--ray`` are refused."""
    if options.ray is not None:
        return True
    if options.workers is not None or options.num_gpus_per_worker:
        given = "--workers" if options.workers is not None else "--num-gpus-per-worker"
        raise OptionError(f"{given} is for a run on Ray: add --ray (or --ray ADDRESS)")
    return False


def run(options: argparse.Namespace, command: str) -> int:
    """Run ``classify`` or ``embed`` (``command``) on Ray: every file's row in ``--out``; one summary line (or
    ``--json``), each unreadable file an error line; exit status 1 when any row has an error."""
    from ..core import cluster
    from ..core.catalog import resolve_model
    from .collection import _files_or_fail

    address = _address(options)
    replace = _check(options, command, address)
    spec = resolve_model(options.model)  # an unknown name fails before Ray starts
    if options.weights is not None and not Path(options.weights).expanduser().is_file():
        raise WeightsError(f"{options.weights}: no such file")
    files, empty = _files_or_fail(options.images)
    if not files:
        return 1
    ours = not _ray_running()
    # Ray prints what its raylets report (a worker that died and is retried) on stdout, from a thread of its
    # own: on stderr while the job runs, so that stdout is the summary alone (--json).
    with contextlib.redirect_stdout(sys.stderr):
        startup = cluster.connect(address)
        try:
            job = cluster.Job(spec.id, options.weights, options.device, top_k=getattr(options, "top_k", 5),
                              batch_size=options.batch_size, workers=options.workers,
                              num_gpus_per_worker=options.num_gpus_per_worker)
            summary = cluster.run(files, options.out, job, replace=replace)
        finally:
            if ours:  # the Ray this command started
                import ray

                ray.shutdown()
    summary.startup_seconds = startup
    for _, error in summary.errors:
        fail(error)
    missing = len(files) - summary.rows
    if missing:
        note(f"{missing} of {len(files)} files have no row in {options.out}" if missing > 0 else
             f"{options.out} holds {-missing} rows more than the {len(files)} files")
    if options.json:
        print_json(summary.to_dict())
    else:
        print(_line(summary, len(summary.errors), command))
    return 1 if empty or summary.errors or missing else 0


def _line(summary, errors: int, command: str) -> str:
    what = "classified and embedded" if command == "classify" else "embedded (and classified)"
    started = f"; Ray started in {summary.startup_seconds:.1f} s" if summary.startup_seconds else ""
    return (f"{summary.rows} rows {what} with {summary.model} ({errors} error{'s' if errors != 1 else ''}) in "
            f"{summary.seconds:.1f} s, {summary.rate:.1f} rows/s on {summary.workers} "
            f"worker{'s' if summary.workers != 1 else ''}{started}; written to {summary.out}")


def _address(options: argparse.Namespace) -> str:
    """The ``--ray`` value; a folder typed right after ``--ray`` (which argparse took for an address) goes back
    to the images."""
    address = options.ray.strip()
    if not _ADDRESS.match(address):
        if Path(address).exists():
            options.images.insert(0, address)
            return "local"
        raise OptionError(f"--ray {options.ray}: is not a Ray address (auto, ray://HOST:10001 or HOST:PORT)")
    return address


def _check(options: argparse.Namespace, command: str, address: str) -> bool:
    """Refuse what makes no sense on Ray, and a bad ``--out``, before any work; True when ``--out`` holds an
    earlier run's results (replaced)."""
    from ..core.cluster import check_out_folder, is_remote

    for option, value in (("--op", getattr(options, "ops", None)), ("--csv", getattr(options, "csv", None))):
        if value:
            raise OptionError(f"{option} does not go with --ray: a run on Ray writes every photo's row to the "
                              f"Parquet files in --out, unchanged by ops (run without --ray for {option})")
    if options.out is None:
        raise OptionError(f"--ray writes Parquet result files: name their folder with --out DIR "
                          f"(vislab {command} FOLDER --ray --out results/)")
    if command == "embed" and options.out.lower().endswith(".npz"):
        raise OptionError(f"--out {options.out}: with --ray, --out names a folder of result files (Parquet), "
                          "not a .npz file")
    if "://" in options.out or is_remote(address):
        return False  # the cluster's storage or filesystem, not this machine's: Ray checks it there
    return check_out_folder(options.out)


def _ray_running() -> bool:
    try:
        import ray
    except ImportError:
        return False
    return ray.is_initialized()
