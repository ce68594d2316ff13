"""``vislab compare`` and ``vislab sweep``: several models on one image, side by side or under a perturbation."""

from __future__ import annotations

import argparse

from .models import load_many
from .options import device_option, json_option, positive
from .output import ProgressBar, print_json, print_predictions, print_table, write_file


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
    parser.add_argument("--start", type=float, metavar="S", help="first strength (the perturbation's default)")
    parser.add_argument("--stop", type=float, metavar="S", help="last strength (the perturbation's default)")
    parser.add_argument("--steps", type=positive, default=13, metavar="N", help="strengths, evenly spaced (13)")
    parser.add_argument("--csv", metavar="FILE", help="save the table")
    parser.add_argument("--plot", metavar="FILE.png", help="save the plot")


def compare(options: argparse.Namespace) -> int:
    """Each model's top-k on the image, and whether their top-1 classes agree."""
    from ..core.experiments import compare, top1_agreement
    from ..core.images import read_image

    image = read_image(options.image)
    columns = compare(load_many(options), image, options.top_k)
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
    image = read_image(options.image)
    models = load_many(options, fast_path=True)
    bar = ProgressBar(f"{options.perturb} sweep")
    try:
        result = sweep(models, image, options.perturb, options.start, options.stop, options.steps,
                       progress=bar.count)
    finally:
        bar.close()
    if options.csv:
        write_file(options.csv, result.write_csv)
    if options.plot:
        write_file(options.plot, lambda p: result.plot(p, {m.spec.id: m.spec.name for m in models}))
    if options.json:
        print_json({"image": options.image, "perturbation": result.perturbation, "strengths": result.strengths,
                    "reference": {k: {"index": i, "label": lab} for k, (i, lab) in result.reference.items()},
                    "rows": [r.to_dict() for r in result.rows]})
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
    print_table(rows, right=set(header))
    print("* the top-1 class changed; references: " +
          ", ".join(f"{m}: {label}" for m, (_, label) in result.reference.items()))
    return 0
