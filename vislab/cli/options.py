"""Arguments that several commands share: the model options, ``--op``, ``--json`` and whole counts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..core.catalog import DEFAULT_MODEL

if TYPE_CHECKING:
    from ..core.ops import Pipeline


def model_options(parser: argparse.ArgumentParser) -> None:
    """``--model``, ``--weights`` and ``--device``, for commands that run one model."""
    parser.add_argument("--model", default=DEFAULT_MODEL, metavar="NAME",
                        help=f"catalog id or name, e.g. resnet18 or ViT-B/16 (default {DEFAULT_MODEL}); "
                             "see `vislab models`")
    parser.add_argument("--weights", metavar="FILE", help="a local .pth/.pt/.bin/.safetensors weights file, or a "
                        "model made by `vislab train` (then --model is not needed)")
    device_option(parser)


def device_option(parser: argparse.ArgumentParser) -> None:
    """``--device``: where the model runs."""
    parser.add_argument("--device", default="auto", metavar="D", help="cpu, cuda, cuda:N, mps or auto")


def json_option(parser: argparse.ArgumentParser) -> None:
    """``--json``: print JSON for scripts instead of text for people."""
    parser.add_argument("--json", action="store_true", help="print JSON")


def op_option(parser: argparse.ArgumentParser, help_text: str, required: bool = False) -> None:
    """``--op NAME[:p=v,...]``, repeatable, collected in order as ``options.ops``."""
    parser.add_argument("--op", action="append", default=[], required=required, metavar="NAME[:p=v,...]",
                        dest="ops", help=help_text)


def op_pipeline(options: argparse.Namespace) -> Pipeline:
    """The ``--op`` options as a pipeline; a bad op or parameter raises before anything slow runs."""
    from ..core.ops import Pipeline

    return Pipeline.parse(options.ops)


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1, with a message that quotes the bad value."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value
