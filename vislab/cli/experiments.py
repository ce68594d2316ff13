"""``vislab compare`` and ``vislab sweep``: several models on one image, side by side or under a perturbation."""

from __future__ import annotations

import argparse
import math
from collections import Counter
from typing import TYPE_CHECKING

from .models import load_many
from .options import device_option, json_option, positive
from .output import ProgressBar, check_outputs, note, print_json, print_predictions, print_table, write_outputs

if TYPE_CHECKING:
    from ..core.experiments import SweepResult
    from ..core.model import LoadedModel


def _many_models_arguments(parser: argparse.ArgumentParser) -> None:
    """The image, ``--models A,B``, their ``--weights ID=FILE``, ``--device`` and ``--json``."""
    parser.add_argument("image", metavar="IMAGE")
    parser.add_argument("--models", required=True, metavar="A,B", help="catalog ids, comma-separated")
    parser.add_argument("--weights", action="append", default=[], metavar="ID=FILE",
                        help="a local weights file for one of the models (repeatable)")
    device_option(parser)
    json_option(parser)


def compare_arguments(parser: argparse.ArgumentParser) -> None:
    """The shared arguments and ``--top-k``."""
    _many_models_arguments(parser)
    parser.add_argument("--top-k", type=positive, default=5, metavar="K", help="classes per model (5)")


def sweep_arguments(parser: argparse.ArgumentParser) -> None:
    """The shared arguments, the perturbation and its range, and where to save the table and the plot."""
    _many_models_arguments(parser)
    parser.add_argument("--perturb", required=True, metavar="NAME",
                        help="rotate, blur, noise, brightness, occlusion or jpeg")
    parser.add_argument("--start", type=_finite, metavar="S", help="first strength (the perturbation's default)")
    parser.add_argument("--stop", type=_finite, metavar="S", help="last strength (the perturbation's default)")
    parser.add_argument("--steps", type=positive, default=13, metavar="N", help="strengths, evenly spaced (13)")
    parser.add_argument("--csv", metavar="FILE", help="save the table")
    parser.add_argument("--plot", metavar="FILE.png", help="save the plot")


def _finite(text: str) -> float:
    """An argparse type: a finite number, with a message that quotes the bad value."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, not {text!r}")
    return value


def _distinct(models: list[LoadedModel]) -> list[LoadedModel]:
    """The models with each id once, and one note naming those given more than once."""
    from ..core.experiments import distinct_models

    unique = distinct_models(models)
    if len(unique) < len(models):
        repeated = [m for m, n in Counter(m.spec.id for m in models).items() if n > 1]
        note(f"{', '.join(repeated)} {'is' if len(repeated) == 1 else 'are'} named more than once in --models; "
             "each model runs once")
    return unique


def compare(options: argparse.Namespace) -> int:
    """Each model's top-k on the image, and whether their top-1 classes agree."""
    from ..core.experiments import compare, top1_agreement
    from ..core.images import read_image

    image = read_image(options.image)
    columns = compare(_distinct(load_many(options)), image, options.top_k)
    agree = top1_agreement(columns)
    if options.json:
        print_json({"image": options.image, "top1_agreement": agree, "models": [c.to_dict() for c in columns]})
        return 0
    for c in columns:
        latency = f"{1000 * c.latency:.0f} ms" if c.latency is not None else "-"
        print(f"\n{c.name} ({c.model_id}) · {c.family} · {c.params / 1e6:.1f} M params · {c.gflops:.2f} GFLOPs · "
              f"{latency} · map: {c.method}")
        print_predictions(c.predictions)
    print(f"\ntop-1 {'agrees' if agree else 'differs'} across the {len(columns)} models")
    return 0


def sweep(options: argparse.Namespace) -> int:
    """Each model's confidence in its unperturbed top-1 class as the perturbation grows."""
    from ..core.experiments import PERTURBATIONS, sweep
    from ..core.images import read_image

    PERTURBATIONS.get(options.perturb)
    check_outputs(("--csv", options.csv, "csv"), ("--plot", options.plot, "plot"))
    image = read_image(options.image)
    models = _distinct(load_many(options, fast_path=True))
    bar = ProgressBar(f"{options.perturb} sweep")
    try:
        result = sweep(models, image, options.perturb, options.start, options.stop, options.steps,
                       progress=bar.count)
    finally:
        bar.close()
    names = {m.spec.id: m.spec.name for m in models}
    writes = [(path, write) for path, write in ((options.csv, result.write_csv),
                                                (options.plot, lambda p: result.plot(p, names))) if path]
    code = 0 if len(write_outputs(writes)) == len(writes) else 1
    if options.json:
        print_json({"image": options.image, "perturbation": result.perturbation, "strengths": result.strengths,
                    "reference": {k: {"index": i, "label": lab} for k, (i, lab) in result.reference.items()},
                    "rows": [r.to_dict() for r in result.rows]})
    else:
        _print_sweep(result)
    return code


def _print_sweep(result: SweepResult) -> None:
    """The sweep as a table: a row per strength, a column per model, ``*`` where the top-1 class changed."""
    header = ("strength", *(f"{m} p(top-1)" for m in result.reference))
    columns = [result.rows_of(m) for m in result.reference]
    rows = [header]
    for i, strength in enumerate(result.strengths):
        cells = [f"{100 * c[i].probability:5.1f} %{'' if c[i].agrees else ' *'}" for c in columns]
        rows.append((f"{strength:g}", *cells))
    print_table(rows, right=set(header))
    print("* the top-1 class changed; references: " +
          ", ".join(f"{m}: {label}" for m, (_, label) in result.reference.items()))
