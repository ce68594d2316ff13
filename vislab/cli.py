"""vislab's command line: the window, and the core's work from a terminal or a script.

    vislab [IMAGE...]                      the window, with these images
    vislab models [--json]                 the model catalog and each model's weights status
    vislab classify IMAGE... [--model ID] [--weights FILE] [--top-k K] [--device D] [--json]
    vislab devices [--json]                the devices models can run on here

A mistake (a bad file, an unknown model) is one line on stderr naming the thing and the reason; the
exit status is 0 only when everything asked for succeeded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .core.catalog import DEFAULT_MODEL, list_models
from .core.errors import VislabError

COMMANDS = ("models", "classify", "devices")


def main(argv: Sequence[str] | None = None) -> int:
    """Run vislab with ``argv`` (default: the process arguments) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
            options = _parser().parse_args(args)
            return options.run(options)
        return _gui(args)
    except VislabError as exc:
        _fail(str(exc))
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130


def _fail(message: str) -> None:
    print(f"vislab: {message}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vislab", description="A desktop lab for looking inside image classifiers. "
        "Run `vislab IMAGE...` for the window, or one of these commands:")
    parser.add_argument("--version", action="version", version=f"vislab {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    models = sub.add_parser("models", help="list the model catalog and where each model's weights are")
    models.add_argument("pattern", nargs="?", help="only ids matching this shell pattern, e.g. 'vit_*'")
    models.add_argument("--json", action="store_true", help="print JSON")
    models.set_defaults(run=_models)

    classify = sub.add_parser("classify", help="top-k ImageNet classes for images")
    classify.add_argument("images", nargs="+", metavar="IMAGE")
    classify.add_argument("--model", default=DEFAULT_MODEL, metavar="ID",
                          help=f"catalog id (default {DEFAULT_MODEL}); see `vislab models`")
    classify.add_argument("--weights", metavar="FILE", help="a local .pth/.pt/.bin/.safetensors weights file")
    classify.add_argument("--top-k", type=_positive, default=5, metavar="K", help="classes to show (5)")
    classify.add_argument("--device", default="auto", metavar="D", help="cpu, cuda, cuda:N, mps or auto")
    classify.add_argument("--json", action="store_true", help="print JSON")
    classify.set_defaults(run=_classify)

    devices = sub.add_parser("devices", help="the devices models can run on here")
    devices.add_argument("--json", action="store_true", help="print JSON")
    devices.set_defaults(run=_devices)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


# --- models -------------------------------------------------------------------------------------------------

def _models(options: argparse.Namespace) -> int:
    from .core.weights import describe_status, weights_status

    specs = list_models(options.pattern)
    rows = []
    for spec in specs:
        status = weights_status(spec)
        row = spec.to_dict()
        row["pretrained"] = row.pop("weights")
        row["weights"] = status.value
        row["weights_status"] = describe_status(spec, status)
        rows.append(row)
    if options.json:
        print(json.dumps(rows, indent=2))
        return 0
    table = [("id", "name", "family", "year", "params", "GFLOPs", "top-1", "input", "weights")]
    table += [(r["id"], r["name"], r["family"], str(r["year"]), f"{r['params'] / 1e6:.1f} M",
               f"{r['gflops']:.2f}", f"{r['top1']:.1f} %", f"{r['input_size']} px", r["weights_status"])
              for r in rows]
    _print_table(table, right={"year", "params", "GFLOPs", "top-1", "input"})
    if not rows:
        print(f"no model id matches {options.pattern!r}", file=sys.stderr)
        return 1
    return 0


def _print_table(rows: list[tuple[str, ...]], right: set[str], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    header = rows[0]
    for n, row in enumerate(rows):
        cells = [cell.rjust(w) if header[i] in right else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip(), file=out)
        if n == 0:
            print("  ".join("-" * w for w in widths), file=out)


# --- devices ------------------------------------------------------------------------------------------------

def _devices(options: argparse.Namespace) -> int:
    from .core.devices import available_devices, describe_device, resolve_device

    names = available_devices()
    best = str(resolve_device("auto"))
    if options.json:
        print(json.dumps([{"name": n, "description": describe_device(n), "auto": n == best} for n in names]))
    else:
        for name in names:
            print(f"{name:8s}  {describe_device(name)}{'  (auto)' if name == best else ''}")
    return 0


# --- classify -----------------------------------------------------------------------------------------------

def _classify(options: argparse.Namespace) -> int:
    from .core.catalog import get_spec
    from .core.inference import load_model

    spec = get_spec(options.model)  # an unknown id fails before anything slow happens
    bar = _ProgressBar(f"downloading {spec.name} weights")
    model = load_model(spec.id, weights=options.weights, device=options.device, progress=bar.bytes)
    bar.close()

    results: list[dict] = []
    failures = 0
    images = _ProgressBar("classifying", total=len(options.images)) if len(options.images) > 1 else None
    for chunk in _chunks(options.images, 16):
        for result in _classify_chunk(model, chunk, options.top_k):
            results.append(result)
            if "error" in result:
                failures += 1
                _fail(result["error"])
            elif not options.json:
                _print_predictions(result, images)
            if images:
                images.step()
    if images:
        images.close()
    if options.json:
        print(json.dumps(results, indent=2))
    return 1 if failures else 0


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _classify_chunk(model, paths: Sequence[str], top_k: int) -> list[dict]:
    from .core.images import read_image

    results: list[dict] = [{"image": p} for p in paths]
    good: list[tuple[dict, object]] = []
    for result in results:
        try:
            good.append((result, read_image(result["image"])))
        except VislabError as exc:
            result["error"] = str(exc)
    if good:
        predictions = model.classify_batch([img for _, img in good], top_k)
        for (result, _), preds in zip(good, predictions, strict=True):
            result["model"] = model.spec.id
            result["predictions"] = [p.to_dict() for p in preds]
    return results


def _print_predictions(result: dict, bar: _ProgressBar | None) -> None:
    if bar:
        bar.clear()
    print(f"\n{result['image']}  ({result['model']})")
    preds = result["predictions"]
    width = max(len(p["label"]) for p in preds)
    for rank, p in enumerate(preds, 1):
        print(f"  {rank:2d}. {p['label']:<{width}}  {100 * p['probability']:6.2f} %  #{p['index']}")


class _ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, label: str, total: int = 0, stream: TextIO | None = None) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self.drawn = False

    def bytes(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self._draw(f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB")

    def step(self) -> None:
        self.done += 1
        self._draw(f"{self.done}/{self.total}")

    def _draw(self, text: str) -> None:
        if not self.active:
            return
        filled = int(30 * self.done / self.total) if self.total else 0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {text}  ")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False

    def close(self) -> None:
        self.clear()


# --- the window ---------------------------------------------------------------------------------------------

def _gui(paths: list[str]) -> int:
    missing = [p for p in paths if p.startswith("-")]
    if missing:
        _parser().parse_args(paths)  # prints usage and exits for an unknown option
    try:
        from .ui.app import run  # the window is optional until it exists
    except ImportError:
        _fail("the vislab window is not part of this version yet. Meanwhile: "
              "`vislab classify IMAGE...` classifies images, `vislab models` lists the models, "
              "`vislab --help` shows everything.")
        return 2
    return run([str(Path(p)) for p in paths])
