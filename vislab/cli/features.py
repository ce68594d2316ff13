"""``vislab features IMAGE``: a layer's strongest feature maps, or the first convolution's filters, as a grid."""

from __future__ import annotations

import argparse

from ..core.errors import OptionError
from .models import load_one
from .options import model_options, positive
from .output import check_outputs


def arguments(parser: argparse.ArgumentParser) -> None:
    """The image, the model options, ``--layer`` or ``--filters``, ``--count`` and ``--out``."""
    parser.add_argument("image", metavar="IMAGE")
    model_options(parser)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--layer", metavar="NAME", help="layer whose activations to show (the model's CAM layer)")
    which.add_argument("--filters", action="store_true", help="show the first convolution's filters instead")
    parser.add_argument("--count", type=positive, default=16, metavar="N", help="how many (16)")
    parser.add_argument("--out", required=True, metavar="FILE.png", help="where to save the grid")


def run(options: argparse.Namespace) -> int:
    """Save the grid to ``--out`` and say in one line what it shows; the options are checked first."""
    from ..core.features import feature_grid, feature_maps, filter_grid, first_conv
    from ..core.images import read_image, save_image

    if options.layer is not None and not options.layer.strip():
        raise OptionError("--layer is empty: name a layer as named_modules() names it, or leave --layer out for "
                          "the model's CAM layer")
    check_outputs(("--out", options.out, "image"))
    image = read_image(options.image)
    model = load_one(options)
    if options.filters:
        name, weights = first_conv(model)
        save_image(options.out, filter_grid(weights, count=options.count))
        print(f"{min(options.count, weights.shape[0])} of the {weights.shape[0]} filters of {name} "
              f"({weights.shape[2]}x{weights.shape[3]}) saved to {options.out}")
        return 0
    layer = model.spec.target_layer if options.layer is None else options.layer
    maps = feature_maps(model, image, layer)
    save_image(options.out, feature_grid(maps, count=options.count))
    print(f"the {min(options.count, len(maps.channels))} strongest of the {len(maps.channels)} channels of "
          f"{layer} ({maps.maps.shape[1]}x{maps.maps.shape[2]}) saved to {options.out}")
    return 0
