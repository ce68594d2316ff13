"""vislab's command line: the window, and the core's work from a terminal or a script.

    vislab [IMAGE...]                      the window, with these images
    vislab models [--json]                 the model catalog and each model's weights status
    vislab classify IMAGE... [--model ID] [--weights FILE] [--top-k K] [--device D] [--json]
    vislab devices [--json]                the devices models can run on here
    vislab explain IMAGE --method METHOD [--model ID] [--weights FILE] [--target CLASS_INDEX] [--layer NAME]
                   [--save-heatmap FILE.npy] [--save-overlay FILE.png] [--json]
    vislab features IMAGE [--model ID] [--layer NAME | --filters] --out FILE.png
    vislab preprocess IMAGE --op NAME[:param=value,...] [--op ...] --out FILE.png [--strip FILE.png]
    vislab compare IMAGE --models A,B [--weights ID=FILE] [--top-k K] [--json]
    vislab sweep IMAGE --models A,B --perturb rotate [--start S] [--stop S] [--steps N] [--csv FILE]
                 [--plot FILE.png] [--json]
    vislab methods [--json]                the explanation methods
    vislab ops [--json]                    the OpenCV preprocessing ops

A mistake (a bad file, an unknown model) is one line on stderr naming the thing and the reason; the
exit status is 0 only when everything asked for succeeded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .core.catalog import DEFAULT_MODEL, list_models
from .core.errors import VislabError

COMMANDS = ("models", "classify", "devices", "explain", "features", "preprocess", "methods", "ops", "compare",
            "sweep")


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
    for add in (_add_listings, _add_classify, _add_explain, _add_features, _add_preprocess, _add_experiments):
        add(sub)
    return parser


def _add_listings(sub) -> None:
    models = sub.add_parser("models", help="list the model catalog and where each model's weights are")
    models.add_argument("pattern", nargs="?", help="only ids matching this shell pattern, e.g. 'vit_*'")
    models.add_argument("--json", action="store_true", help="print JSON")
    models.set_defaults(run=_models)
    for name, run, text in (("devices", _devices, "the devices models can run on here"),
                            ("methods", _methods, "the explanation methods"),
                            ("ops", _ops, "the OpenCV preprocessing ops and their parameters")):
        command = sub.add_parser(name, help=text)
        command.add_argument("--json", action="store_true", help="print JSON")
        command.set_defaults(run=run)


def _add_classify(sub) -> None:
    classify = sub.add_parser("classify", help="top-k ImageNet classes for images")
    classify.add_argument("images", nargs="+", metavar="IMAGE")
    _model_options(classify)
    classify.add_argument("--top-k", type=_positive, default=5, metavar="K", help="classes to show (5)")
    _op_option(classify, "preprocess each image with this op first (repeatable; see `vislab ops`)")
    classify.add_argument("--json", action="store_true", help="print JSON")
    classify.set_defaults(run=_classify)


def _add_explain(sub) -> None:
    explain = sub.add_parser("explain", help="what the model looked at: a class-activation or attention map")
    explain.add_argument("image", metavar="IMAGE")
    explain.add_argument("--method", default="gradcam", metavar="METHOD", help="see `vislab methods` (gradcam)")
    _model_options(explain)
    explain.add_argument("--target", type=int, metavar="CLASS_INDEX", help="class to explain (the top-1)")
    explain.add_argument("--layer", metavar="NAME", help="layer, as named_modules() names it (the model's default)")
    explain.add_argument("--head", type=int, metavar="N", help="attention head (attention; default: their mean)")
    explain.add_argument("--head-fusion", choices=("mean", "max", "min"), default="mean", help="rollout")
    explain.add_argument("--discard-ratio", type=float, default=0.0, metavar="R", help="rollout (0)")
    explain.add_argument("--random-weights", action="store_true",
                         help="explain a randomly initialised copy of the model (the sanity check)")
    _op_option(explain, "preprocess the image with this op first (repeatable)")
    explain.add_argument("--save-heatmap", metavar="FILE.npy", help="the heatmap as a float32 array in [0, 1]")
    explain.add_argument("--save-overlay", metavar="FILE.png", help="the heatmap blended over what the model saw")
    explain.add_argument("--on-original", action="store_true", help="overlay on the whole photo instead")
    explain.add_argument("--alpha", type=float, default=0.5, help="heatmap opacity in the overlay (0.5)")
    explain.add_argument("--colormap", default="jet", help="matplotlib colormap for the overlay (jet)")
    explain.add_argument("--json", action="store_true", help="print JSON")
    explain.set_defaults(run=_explain)


def _add_features(sub) -> None:
    features = sub.add_parser("features", help="a layer's strongest feature maps, or the first layer's filters")
    features.add_argument("image", metavar="IMAGE")
    _model_options(features)
    which = features.add_mutually_exclusive_group()
    which.add_argument("--layer", metavar="NAME", help="layer whose activations to show (the model's CAM layer)")
    which.add_argument("--filters", action="store_true", help="show the first convolution's filters instead")
    features.add_argument("--count", type=_positive, default=16, metavar="N", help="how many (16)")
    features.add_argument("--out", required=True, metavar="FILE.png", help="where to save the grid")
    features.set_defaults(run=_features)


def _add_preprocess(sub) -> None:
    preprocess = sub.add_parser("preprocess", help="apply OpenCV ops to an image")
    preprocess.add_argument("image", metavar="IMAGE")
    _op_option(preprocess, "an op and its parameters, e.g. canny:low=100,high=200 (repeatable, in order)",
               required=True)
    preprocess.add_argument("--out", required=True, metavar="FILE.png", help="where to save the result")
    preprocess.add_argument("--strip", metavar="FILE.png", help="also save a strip of every step")
    preprocess.set_defaults(run=_preprocess)


def _add_experiments(sub) -> None:
    compare = sub.add_parser("compare", help="several models side by side on one image")
    sweep = sub.add_parser("sweep", help="how confidence changes as a perturbation grows")
    for parser in (compare, sweep):
        parser.add_argument("image", metavar="IMAGE")
        parser.add_argument("--models", required=True, metavar="A,B", help="catalog ids, comma-separated")
        parser.add_argument("--weights", action="append", default=[], metavar="ID=FILE",
                            help="a local weights file for one of the models (repeatable)")
        parser.add_argument("--device", default="auto", metavar="D", help="cpu, cuda, cuda:N, mps or auto")
        parser.add_argument("--json", action="store_true", help="print JSON")
    compare.add_argument("--top-k", type=_positive, default=5, metavar="K", help="classes per model (5)")
    compare.set_defaults(run=_compare)
    sweep.add_argument("--perturb", required=True, metavar="NAME",
                       help="rotate, blur, noise, brightness, occlusion or jpeg")
    sweep.add_argument("--start", type=float, metavar="S", help="first strength (the perturbation's default)")
    sweep.add_argument("--stop", type=float, metavar="S", help="last strength (the perturbation's default)")
    sweep.add_argument("--steps", type=_positive, default=13, metavar="N", help="strengths, evenly spaced (13)")
    sweep.add_argument("--csv", metavar="FILE", help="save the table")
    sweep.add_argument("--plot", metavar="FILE.png", help="save the plot")
    sweep.set_defaults(run=_sweep)


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=DEFAULT_MODEL, metavar="ID",
                        help=f"catalog id (default {DEFAULT_MODEL}); see `vislab models`")
    parser.add_argument("--weights", metavar="FILE", help="a local .pth/.pt/.bin/.safetensors weights file")
    parser.add_argument("--device", default="auto", metavar="D", help="cpu, cuda, cuda:N, mps or auto")


def _op_option(parser: argparse.ArgumentParser, help_text: str, required: bool = False) -> None:
    parser.add_argument("--op", action="append", default=[], required=required, metavar="NAME[:p=v,...]",
                        dest="ops", help=help_text)


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
        return 0 if rows else 1
    table = [("id", "name", "family", "year", "params", "GFLOPs", "top-1", "input", "weights")]
    table += [(r["id"], r["name"], r["family"], str(r["year"]), f"{r['params'] / 1e6:.1f} M",
               f"{r['gflops']:.2f}", f"{r['top1']:.1f} %", f"{r['input_size']} px", r["weights_status"])
              for r in rows]
    _print_table(table, right={"year", "params", "GFLOPs", "top-1", "input"})
    if not rows:
        print(f"no model id matches {options.pattern!r}", file=sys.stderr)
        return 1
    return 0


def _print_table(rows: list[tuple[str, ...]], right: set[str]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    header = rows[0]
    for n, row in enumerate(rows):
        cells = [cell.rjust(w) if header[i] in right else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


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

def _load(options: argparse.Namespace, fast_path: bool = False):
    """The chosen model. With ``fast_path`` (many forward passes to come) it waits for the ONNX Runtime
    session: one export on first use, then from vislab's cache; a model that does not export runs on torch."""
    from .core.catalog import get_spec
    from .core.inference import load_model

    spec = get_spec(options.model)  # an unknown id fails before anything slow happens
    bar = _ProgressBar(f"downloading {spec.name} weights")
    try:
        model = load_model(spec.id, weights=options.weights, device=options.device, progress=bar.bytes,
                           fast_path=None if fast_path else False)
    finally:
        bar.close()
    model.fast_ready()
    return model


def _pipeline(options: argparse.Namespace):
    from .core.ops import Pipeline

    return Pipeline.parse(options.ops)


def _classify(options: argparse.Namespace) -> int:
    pipeline = _pipeline(options)  # a bad op fails before the model loads
    model = _load(options, fast_path=True)

    results: list[dict] = []
    failures = 0
    images = _ProgressBar("classifying", total=len(options.images)) if len(options.images) > 1 else None
    # Ops take lengths in pixels of the whole photo: with ops, every pixel is decoded.
    transform = pipeline.apply if pipeline.steps else None
    for path, answer in model.classify_files(options.images, options.top_k, transform=transform,
                                             draft=transform is None):
        result: dict = {"image": path}
        results.append(result)
        if isinstance(answer, VislabError):
            result["error"] = str(answer)
            failures += 1
            _fail(result["error"])
        else:
            result["model"] = model.spec.id
            result["predictions"] = [p.to_dict() for p in answer]
            if not options.json:
                _print_predictions(result, images)
        if images:
            images.step()
    if images:
        images.close()
    if options.json:
        print(json.dumps(results, indent=2))
    return 1 if failures else 0


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

    def __init__(self, label: str, total: int = 0) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = sys.stderr
        self.active = self.stream.isatty()
        self.drawn = False

    def bytes(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self._draw(f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB")

    def bytes_free(self, done: int, total: int) -> None:
        """Progress in plain counts (Score-CAM's channels)."""
        self.done, self.total = done, total
        self._draw(f"{done}/{total}")

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


# --- explain, features, preprocess ----------------------------------------------------------------------------

def _explain(options: argparse.Namespace) -> int:
    import numpy as np

    from .core.explain import explain, get_method
    from .core.heatmaps import check_alpha, colorize, on_original, overlay
    from .core.images import read_image, save_image

    get_method(options.method)
    check_alpha(options.alpha)  # options are checked before the slow part
    colorize(np.zeros((1, 1), np.float32), options.colormap)
    pipeline = _pipeline(options)
    image = pipeline.apply(read_image(options.image))
    model = _load(options)
    if options.random_weights:
        model = model.randomized()
    bar = _ProgressBar(f"{options.method}")
    try:
        result = explain(model, image, options.method, target=options.target, layer=options.layer,
                         head=options.head, head_fusion=options.head_fusion, discard_ratio=options.discard_ratio,
                         progress=bar.bytes_free)
    finally:
        bar.close()
    if options.save_heatmap:
        _write(options.save_heatmap, lambda p: _save_array(p, result.heatmap))
    if options.save_overlay:
        if options.on_original:
            picture = on_original(image, result.heatmap, model.pipeline.crop_box(*image.shape[:2]),
                                  options.alpha, options.colormap)
        else:
            picture = overlay(result.view, result.heatmap, options.alpha, options.colormap)
        save_image(options.save_overlay, picture)
    if options.json:
        print(json.dumps({"image": options.image, **result.to_dict()}, indent=2))
        return 0
    probability = 100 * float(result.probabilities[result.target])
    head = f", head {result.head}" if result.head is not None else ""
    print(f"{get_method(result.method).name} of {result.model_id} at layer {result.layer}{head}, for class "
          f"{result.target} ({result.target_label}, {probability:.1f} %) in {result.seconds:.2f} s")
    for label, path in (("heatmap", options.save_heatmap), ("overlay", options.save_overlay)):
        if path:
            print(f"saved the {label} to {path}")
    return 0


def _save_array(path: str, array) -> None:
    import numpy as np

    with open(path, "wb") as fh:  # np.save on a name would add ".npy" to it
        np.save(fh, array)


def _write(path: str, write) -> None:
    try:
        write(path)
    except OSError as exc:
        raise VislabError(f"{path}: could not be written ({exc.strerror or exc})") from None


def _features(options: argparse.Namespace) -> int:
    from .core.features import feature_grid, feature_maps, filter_grid, first_conv
    from .core.images import read_image, save_image

    image = read_image(options.image)
    model = _load(options)
    if options.filters:
        name, weights = first_conv(model)
        save_image(options.out, filter_grid(weights, count=options.count))
        print(f"{min(options.count, weights.shape[0])} of the {weights.shape[0]} filters of {name} "
              f"({weights.shape[2]}x{weights.shape[3]}) saved to {options.out}")
        return 0
    layer = options.layer or model.spec.target_layer
    maps = feature_maps(model, image, layer)
    save_image(options.out, feature_grid(maps, count=options.count))
    print(f"the {min(options.count, len(maps.channels))} strongest of the {len(maps.channels)} channels of "
          f"{layer} ({maps.maps.shape[1]}x{maps.maps.shape[2]}) saved to {options.out}")
    return 0


def _preprocess(options: argparse.Namespace) -> int:
    from .core.images import read_image, save_image
    from .core.montage import strip

    pipeline = _pipeline(options)
    image = read_image(options.image)
    save_image(options.out, pipeline.apply(image))
    if options.strip:
        save_image(options.strip, strip(pipeline.previews(image)))
    print(" -> ".join(["input"] + [step.label() for step in pipeline.steps]) + f": saved to {options.out}")
    return 0


def _methods(options: argparse.Namespace) -> int:
    from .core.explain import METHODS

    rows = [{"id": m.id, "name": m.name, "kind": m.kind, "year": m.year, "paper": m.paper,
             "paper_url": m.paper_url, "class_specific": m.class_specific, "cost": m.cost,
             "models": "all" if m.kind != "attention" else "ViT-style (class token)", "description": m.description}
            for m in METHODS]
    if options.json:
        print(json.dumps(rows, indent=2))
        return 0
    _print_table([("id", "name", "year", "models", "cost")] +
                 [(r["id"], r["name"], str(r["year"]), r["models"], r["cost"]) for r in rows], right={"year"})
    return 0


def _ops(options: argparse.Namespace) -> int:
    from .core.ops import OPS

    if options.json:
        print(json.dumps([op.to_dict() for op in OPS], indent=2))
        return 0
    for op in OPS:
        params = ",".join(f"{p.name}={p.default}" for p in op.params)
        print(f"{op.id}{':' + params if params else ''}")
        print(f"    {op.description}")
    return 0


# --- compare and sweep ------------------------------------------------------------------------------------------

def _load_many(options: argparse.Namespace, fast_path: bool = False) -> list:
    from .core.catalog import get_spec
    from .core.inference import load_model

    ids = [m.strip() for m in options.models.split(",") if m.strip()]
    files = {}
    for item in options.weights:
        model_id, sep, path = item.partition("=")
        if not sep or model_id not in ids:
            raise VislabError(f"--weights expects ID=FILE with an ID from --models, not {item!r}")
        files[model_id] = path
    for model_id in ids:
        get_spec(model_id)  # every id checked before anything loads
    if not ids:
        raise VislabError("--models names no model")
    models = [load_model(m, weights=files.get(m), device=options.device, fast_path=None if fast_path else False)
              for m in ids]
    for model in models:
        model.fast_ready()
    return models


def _compare(options: argparse.Namespace) -> int:
    from .core.experiments import compare, top1_agreement
    from .core.images import read_image

    image = read_image(options.image)
    columns = compare(_load_many(options), image, options.top_k)
    agree = top1_agreement(columns)
    if options.json:
        print(json.dumps({"image": options.image, "top1_agreement": agree,
                          "models": [c.to_dict() for c in columns]}, indent=2))
        return 0
    for c in columns:
        latency = f"{1000 * c.latency:.0f} ms" if c.latency is not None else "-"
        print(f"\n{c.name} ({c.model_id}) · {c.family} · {c.params / 1e6:.1f} M params · {c.gflops:.2f} GFLOPs · "
              f"{latency} · map: {c.method}")
        width = max(len(p.label) for p in c.predictions)
        for rank, p in enumerate(c.predictions, 1):
            print(f"  {rank:2d}. {p.label:<{width}}  {100 * p.probability:6.2f} %  #{p.index}")
    print(f"\ntop-1 {'agrees' if agree else 'differs'} across the {len(columns)} models")
    return 0


def _sweep(options: argparse.Namespace) -> int:
    from .core.experiments import PERTURBATIONS, sweep
    from .core.images import read_image

    PERTURBATIONS.get(options.perturb)
    image = read_image(options.image)
    models = _load_many(options, fast_path=True)
    bar = _ProgressBar(f"{options.perturb} sweep")
    try:
        result = sweep(models, image, options.perturb, options.start, options.stop, options.steps,
                       progress=bar.bytes_free)
    finally:
        bar.close()
    if options.csv:
        _write(options.csv, result.write_csv)
    if options.plot:
        _write(options.plot, lambda p: result.plot(p, {m.spec.id: m.spec.name for m in models}))
    if options.json:
        print(json.dumps({"image": options.image, "perturbation": result.perturbation,
                          "strengths": result.strengths,
                          "reference": {k: {"index": i, "label": lab} for k, (i, lab) in result.reference.items()},
                          "rows": [r.to_dict() for r in result.rows]}, indent=2))
        return 0
    ids = list(result.reference)
    header = ("strength", *(f"{m} p(top-1)" for m in ids))
    rows = [header]
    for i, strength in enumerate(result.strengths):
        cells = [f"{strength:g}"]
        for m in ids:
            row = result.rows[i * len(ids) + ids.index(m)]
            cells.append(f"{100 * row.probability:5.1f} %{'' if row.agrees else ' *'}")
        rows.append(tuple(cells))
    _print_table(rows, right=set(header))
    print("* the top-1 class changed; references: " +
          ", ".join(f"{m}: {label}" for m, (_, label) in result.reference.items()))
    return 0


# --- the window ---------------------------------------------------------------------------------------------

def _gui(paths: list[str]) -> int:
    if any(p.startswith("-") for p in paths):
        _parser().parse_args(paths)  # prints usage and exits for an unknown option
    from .ui.app import run

    return run([str(Path(p)) for p in paths])
