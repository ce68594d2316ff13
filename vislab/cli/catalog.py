"""The listings: ``vislab models``, ``devices``, ``methods`` and ``ops``. Listing the catalog imports no torch."""

from __future__ import annotations

import argparse
import sys

from ..core.catalog import search_models
from .options import json_option
from .output import print_json, print_table


def models_arguments(parser: argparse.ArgumentParser) -> None:
    """``vislab models [PATTERN] [--json]``."""
    parser.add_argument("pattern", nargs="?",
                        help="only models with this word in their id, name, family or year (resnet, "
                             "transformer, 2021), or matching this shell pattern ('vit_*')")
    json_option(parser)


def listing_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of a listing that takes only ``--json``."""
    json_option(parser)


def models(options: argparse.Namespace) -> int:
    """The model catalog with each model's weights status; 1 when the pattern finds no model."""
    from ..core.weights import describe_status, weights_status

    rows = []
    for spec in search_models(options.pattern):
        status = weights_status(spec)
        row = spec.to_dict()
        row["pretrained"] = row.pop("weights")
        row["weights"] = status.value
        row["weights_status"] = describe_status(spec, status)
        rows.append(row)
    if options.json:
        print_json(rows)
        return 0 if rows else 1
    table = [("id", "name", "family", "year", "params", "GFLOPs", "top-1", "input", "weights")]
    table += [(r["id"], r["name"], r["family"], str(r["year"]), f"{r['params'] / 1e6:.1f} M",
               f"{r['gflops']:.2f}", f"{r['top1']:.1f} %", f"{r['input_size']} px", r["weights_status"])
              for r in rows]
    print_table(table, right={"year", "params", "GFLOPs", "top-1", "input"})
    if not rows:
        print(f"no model matches {options.pattern!r}", file=sys.stderr)
        return 1
    return 0


def devices(options: argparse.Namespace) -> int:
    """The devices models can run on here, marking the one ``auto`` picks."""
    from ..core.devices import available_devices, describe_device, resolve_device

    names = available_devices()
    best = str(resolve_device("auto"))
    if options.json:
        print_json([{"name": n, "description": describe_device(n), "auto": n == best} for n in names], indent=None)
    else:
        for name in names:
            print(f"{name:8s}  {describe_device(name)}{'  (auto)' if name == best else ''}")
    return 0


def methods(options: argparse.Namespace) -> int:
    """The explanation methods, with their paper, cost and the models they apply to."""
    from ..core.explain import METHODS

    rows = [{"id": m.id, "name": m.name, "kind": m.kind, "year": m.year, "paper": m.paper,
             "paper_url": m.paper_url, "class_specific": m.class_specific, "cost": m.cost,
             "models": "all" if m.kind != "attention" else "ViT-style (class token)", "description": m.description}
            for m in METHODS]
    if options.json:
        print_json(rows)
        return 0
    print_table([("id", "name", "year", "models", "cost")] +
                [(r["id"], r["name"], str(r["year"]), r["models"], r["cost"]) for r in rows], right={"year"})
    return 0


def ops(options: argparse.Namespace) -> int:
    """The OpenCV preprocessing ops, each with its parameters' defaults, as ``--op`` takes them."""
    from ..core.ops import OPS

    if options.json:
        print_json([op.to_dict() for op in OPS])
        return 0
    for op in OPS:
        params = ",".join(f"{p.name}={p.default}" for p in op.params)
        print(f"{op.id}{':' + params if params else ''}")
        print(f"    {op.description}")
    return 0
