"""``vislab preprocess IMAGE --op ...``: OpenCV ops applied in order, saved, with an optional strip of every step."""

from __future__ import annotations

import argparse

from .options import op_option, op_pipeline
from .output import check_outputs, write_outputs


def arguments(parser: argparse.ArgumentParser) -> None:
    """The image, one or more ``--op``, ``--out`` and ``--strip``."""
    parser.add_argument("image", metavar="IMAGE")
    op_option(parser, "an op and its parameters, e.g. canny:low=100,high=200 (repeatable, in order)", required=True)
    parser.add_argument("--out", required=True, metavar="FILE.png", help="where to save the result")
    parser.add_argument("--strip", metavar="FILE.png", help="also save a strip of every step")


def run(options: argparse.Namespace) -> int:
    """Save the result (and the strip) and print the steps; a file that cannot be written is one line and
    the other is still saved."""
    from ..core.images import read_image, save_image
    from ..core.montage import strip

    pipeline = op_pipeline(options)
    check_outputs(("--out", options.out, "image"), ("--strip", options.strip, "image"))
    image = read_image(options.image)
    pictures = {options.out: pipeline.apply(image)}
    if options.strip:
        pictures[options.strip] = strip(pipeline.previews(image))
    written = write_outputs([(path, lambda p: save_image(p, pictures[p])) for path in pictures])
    if options.out in written:
        print(" -> ".join(["input"] + [step.label() for step in pipeline.steps]) + f": saved to {options.out}")
    if options.strip in written:
        print(f"saved the strip of every step to {options.strip}")
    return 0 if len(written) == len(pictures) else 1
