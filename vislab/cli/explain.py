"""``vislab explain IMAGE``: what the model looked at, as a class-activation or attention map."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .models import load_one
from .options import json_option, model_options, op_option, op_pipeline
from .output import ProgressBar, print_json, write_file

if TYPE_CHECKING:
    import numpy as np


def arguments(parser: argparse.ArgumentParser) -> None:
    """The image, the method and its settings, the model options and where to save the results."""
    parser.add_argument("image", metavar="IMAGE")
    parser.add_argument("--method", default="gradcam", metavar="METHOD", help="see `vislab methods` (gradcam)")
    model_options(parser)
    parser.add_argument("--target", type=int, metavar="CLASS_INDEX", help="class to explain (the top-1)")
    parser.add_argument("--layer", metavar="NAME", help="layer, as named_modules() names it (the model's default)")
    parser.add_argument("--head", type=int, metavar="N", help="attention head (attention; default: their mean)")
    parser.add_argument("--head-fusion", choices=("mean", "max", "min"), default="mean", help="rollout")
    parser.add_argument("--discard-ratio", type=float, default=0.0, metavar="R", help="rollout (0)")
    parser.add_argument("--random-weights", action="store_true",
                        help="explain a randomly initialised copy of the model (the sanity check)")
    op_option(parser, "preprocess the image with this op first (repeatable)")
    parser.add_argument("--save-heatmap", metavar="FILE.npy", help="the heatmap as a float32 array in [0, 1]")
    parser.add_argument("--save-overlay", metavar="FILE.png", help="the heatmap blended over what the model saw")
    parser.add_argument("--on-original", action="store_true", help="overlay on the whole photo instead")
    parser.add_argument("--alpha", type=float, default=0.5, help="heatmap opacity in the overlay (0.5)")
    parser.add_argument("--colormap", default="jet", help="matplotlib colormap for the overlay (jet)")
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Explain the image's top-1 (or ``--target``) class; every option is checked before the slow part."""
    import numpy as np

    from ..core.explain import explain, get_method
    from ..core.heatmaps import check_alpha, colorize, on_original, overlay
    from ..core.images import read_image, save_image

    get_method(options.method)
    check_alpha(options.alpha)
    colorize(np.zeros((1, 1), np.float32), options.colormap)
    image = op_pipeline(options).apply(read_image(options.image))
    model = load_one(options)
    if options.random_weights:
        model = model.randomized()
    bar = ProgressBar(f"{options.method}")
    try:
        result = explain(model, image, options.method, target=options.target, layer=options.layer,
                         head=options.head, head_fusion=options.head_fusion, discard_ratio=options.discard_ratio,
                         progress=bar.count)
    finally:
        bar.close()
    if options.save_heatmap:
        write_file(options.save_heatmap, lambda p: _save_array(p, result.heatmap))
    if options.save_overlay:
        if options.on_original:
            picture = on_original(image, result.heatmap, model.pipeline.crop_box(*image.shape[:2]),
                                  options.alpha, options.colormap)
        else:
            picture = overlay(result.view, result.heatmap, options.alpha, options.colormap)
        save_image(options.save_overlay, picture)
    if options.json:
        print_json({"image": options.image, **result.to_dict()})
        return 0
    probability = 100 * float(result.probabilities[result.target])
    head = f", head {result.head}" if result.head is not None else ""
    print(f"{get_method(result.method).name} of {result.model_id} at layer {result.layer}{head}, for class "
          f"{result.target} ({result.target_label}, {probability:.1f} %) in {result.seconds:.2f} s")
    for label, path in (("heatmap", options.save_heatmap), ("overlay", options.save_overlay)):
        if path:
            print(f"saved the {label} to {path}")
    return 0


def _save_array(path: str, array: np.ndarray) -> None:
    import numpy as np

    with open(path, "wb") as fh:  # np.save on a name would add ".npy" to it
        np.save(fh, array)
