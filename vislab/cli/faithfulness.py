"""``vislab faithfulness IMAGE``: how faithful each explanation method's map is (deletion, insertion, ROAD, sanity)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..core.errors import OptionError
from .models import load_one
from .options import json_option, model_options, positive
from .output import ProgressBar, check_outputs, fail, print_json, print_table, write_outputs

if TYPE_CHECKING:
    from ..core.errors import VislabError
    from ..core.faithfulness import Faithfulness


def arguments(parser: argparse.ArgumentParser) -> None:
    """The image, the methods, the model options, the scores asked for and where to save the plot."""
    parser.add_argument("image", metavar="IMAGE")
    model_options(parser)
    parser.add_argument("--methods", metavar="M1,M2,...",
                        help="methods to score, see `vislab methods` (default: every method for the model)")
    parser.add_argument("--target", type=int, metavar="CLASS_INDEX", help="class to explain and follow (the top-1)")
    parser.add_argument("--steps", type=positive, default=20, metavar="N",
                        help="equal steps of the deletion and insertion curves (20)")
    parser.add_argument("--road", action="store_true",
                        help="also ROAD, most- and least-relevant first (pytorch-grad-cam's; much slower)")
    parser.add_argument("--sanity", action="store_true",
                        help="also the rank correlation with the map on randomised weights (near 1: a bad sign)")
    parser.add_argument("--plot", metavar="FILE.png", help="save both curves of every method as a plot")
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Score each method's map of the image; a method the model does not support is listed with its error and
    the others still run. Exit status 1 when no method could be scored or the plot could not be written."""
    from ..core.explain import get_method, methods_for
    from ..core.faithfulness import check_steps, score_methods
    from ..core.images import read_image

    check_steps(options.steps)
    methods = _method_ids(options.methods)
    for method in methods or ():
        get_method(method)  # a mistyped name is one line, before the model loads
    check_outputs(("--plot", options.plot, "plot"))
    image = read_image(options.image)
    model = load_one(options, fast_path=True)  # many forward passes: ONNX Runtime when it exports
    if options.target is not None and not 0 <= options.target < len(model.labels):
        raise OptionError(f"--target {options.target}: classes are 0-{len(model.labels) - 1}")
    target = options.target if options.target is not None else model.classify(image, 1)[0].index
    ids = methods if methods is not None else [m.id for m in methods_for(model.module)]
    bar = ProgressBar("scoring", len(ids))
    try:
        results = score_methods(model, image, ids, target=target, steps=options.steps, with_road=options.road,
                                with_sanity=options.sanity, progress=bar.count)
    finally:
        bar.close()
    scored = {m: r for m, r in results.items() if not isinstance(r, Exception)}
    writes = []
    if options.plot:
        from ..core.faithfulness import plot

        names = {m: get_method(m).name for m in scored}
        writes.append((options.plot, lambda path: plot(path, scored, names)))
    written = write_outputs(writes)
    if options.json:
        print_json({"image": options.image, "model": model.spec.id,
                    "target": {"index": target, "label": model.labels[target]}, "steps": options.steps,
                    "methods": {m: _entry(r) for m, r in results.items()}})
    else:
        _print(model.spec.name, target, model.labels[target], options.steps, results)
        if options.plot in written:
            print(f"saved the plot to {options.plot}")
    return 0 if scored and len(written) == len(writes) else 1


def _method_ids(text: str | None) -> list[str] | None:
    if text is None:
        return None
    ids = [m.strip() for m in text.split(",") if m.strip()]
    if not ids:
        raise OptionError("--methods names no method; see `vislab methods`")
    return list(dict.fromkeys(ids))


def _entry(result: Faithfulness | VislabError) -> dict:
    return {"error": str(result)} if isinstance(result, Exception) else result.to_dict()


def _print(model: str, target: int, label: str, steps: int, results: dict) -> None:
    from ..core.explain import get_method

    print(f"Faithfulness on {model}, class {target} ({label}), {steps} steps; lower deletion and higher insertion "
          "are better")
    rows = [("method", "deletion", "insertion", "ROAD", "sanity", "seconds")]
    errors = []
    for method, result in results.items():
        if isinstance(result, Exception):
            errors.append(f"{method}: {result}")
            continue
        road = "—" if result.road is None else f"{result.road.combined:+.3f}"
        sanity = "—" if result.sanity is None else f"{result.sanity:.2f}"
        rows.append((get_method(method).name, f"{result.deletion_auc:.3f}", f"{result.insertion_auc:.3f}", road,
                     sanity, f"{result.seconds:.2f}"))
    if len(rows) > 1:
        print_table(rows, right={"deletion", "insertion", "ROAD", "sanity", "seconds"})
    for line in errors:
        fail(line)
