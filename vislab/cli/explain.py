"""``vislab explain IMAGE``: what the model looked at, as a class-activation or attention map."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.errors import OptionError
from .models import load_one
from .options import json_option, model_options, op_option, op_pipeline
from .output import ProgressBar, check_outputs, print_json, write_outputs

if TYPE_CHECKING:
    import numpy as np

    from ..core.explain import Explanation, MethodSpec
    from ..core.model import LoadedModel

#: The method settings among the options: (option, attribute), each refused for a method that does not use it.
_SETTINGS = (("--head", "head"), ("--head-fusion", "head_fusion"), ("--discard-ratio", "discard_ratio"))


def arguments(parser: argparse.ArgumentParser) -> None:
    """The image, the method and its settings, the model options and where to save the results."""
    parser.add_argument("image", metavar="IMAGE")
    parser.add_argument("--method", default="gradcam", metavar="METHOD", help="see `vislab methods` (gradcam)")
    model_options(parser)
    parser.add_argument("--target", type=int, metavar="CLASS_INDEX", help="class to explain (the top-1)")
    parser.add_argument("--layer", metavar="NAME", help="layer, as named_modules() names it (the model's default)")
    parser.add_argument("--head", type=int, metavar="N", help="attention head (attention; default: their mean)")
    parser.add_argument("--head-fusion", choices=("mean", "max", "min"), help="rollout: how heads fuse (mean)")
    parser.add_argument("--discard-ratio", type=float, metavar="R",
                        help="rollout: the share of weakest attention dropped per layer (0)")
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
    """Explain the image's top-1 (or ``--target``) class; every option is checked before the slow part, and
    an output file that cannot be written is one line, the other file and the results still coming."""
    import numpy as np

    from ..core.explain import explain, get_method
    from ..core.heatmaps import check_alpha, colorize
    from ..core.images import read_image

    method = get_method(options.method)
    check_settings(options, method)
    check_alpha(options.alpha)
    colorize(np.zeros((1, 1), np.float32), options.colormap)
    check_outputs(("--save-heatmap", options.save_heatmap, "npy"), ("--save-overlay", options.save_overlay, "image"))
    image = op_pipeline(options).apply(read_image(options.image))
    model = load_one(options)
    if options.random_weights:
        model = model.randomized()
    bar = ProgressBar(f"{options.method}")
    try:
        result = explain(model, image, options.method, target=options.target, layer=options.layer,
                         head=options.head, head_fusion=options.head_fusion or "mean",
                         discard_ratio=0.0 if options.discard_ratio is None else options.discard_ratio,
                         progress=bar.count)
    finally:
        bar.close()
    writes = _writes(options, image, model, result)
    written = write_outputs(writes)
    if options.json:
        print_json({"image": options.image, **result.to_dict()})
    else:
        probability = 100 * float(result.probabilities[result.target])
        head = f", head {result.head}" if result.head is not None else ""
        print(f"{method.name} of {result.model_id} at layer {result.layer}{head}, for class "
              f"{result.target} ({result.target_label}, {probability:.1f} %) in {result.seconds:.2f} s")
        for label, path in (("heatmap", options.save_heatmap), ("overlay", options.save_overlay)):
            if path in written:
                print(f"saved the {label} to {path}")
    return 0 if len(written) == len(writes) else 1


def _writes(options: argparse.Namespace, image: np.ndarray, model: LoadedModel,
            result: Explanation) -> list[tuple[str, Callable[[str], object]]]:
    """The files asked for, each as (path, the function that writes it there)."""
    from ..core.heatmaps import on_original, overlay
    from ..core.images import save_image

    def save_overlay(path: str) -> None:
        if options.on_original:
            picture = on_original(image, result.heatmap, model.pipeline.crop_box(*image.shape[:2]),
                                  options.alpha, options.colormap)
        else:
            picture = overlay(result.view, result.heatmap, options.alpha, options.colormap)
        save_image(path, picture)

    writes = ((options.save_heatmap, lambda p: _save_array(p, result.heatmap)), (options.save_overlay, save_overlay))
    return [(path, write) for path, write in writes if path]


def check_settings(options: argparse.Namespace, method: MethodSpec) -> None:
    """Refuse, before the model loads, an empty ``--layer`` and a method setting ``method`` does not use
    or whose value is out of range.

    Raises:
        OptionError: one line naming the option (and the method).
    """
    from ..core.explain import METHODS, check_rollout_settings

    if options.layer is not None and not options.layer.strip():
        raise OptionError("--layer is empty: name a layer as named_modules() names it, or leave --layer out for "
                          "the method's default")
    for option, name in _SETTINGS:
        if getattr(options, name) is not None and name not in method.settings:
            users = " and ".join(m.name for m in METHODS if name in m.settings)
            raise OptionError(f"{option} is a setting of {users}; {method.name} does not use it")
    if options.head is not None and options.head < 0:
        raise OptionError(f"--head must be 0 or more, not {options.head}")
    if method.id == "rollout":
        check_rollout_settings(options.head_fusion or "mean",
                               0.0 if options.discard_ratio is None else options.discard_ratio)


def _save_array(path: str, array: np.ndarray) -> None:
    import numpy as np

    with open(path, "wb") as fh:  # np.save on a name would add ".npy" to it
        np.save(fh, array)
