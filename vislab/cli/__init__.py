"""vislab's command line: the window, and the core's work from a terminal or a script.

    vislab [IMAGE...]                      the window, with these images
    vislab models [--json]                 the model catalog and each model's weights status
    vislab classify FOLDER_OR_FILES... [--model ID] [--weights FILE] [--top-k K] [--device D] [--csv FILE] [--json]
    vislab embed FOLDER_OR_FILES... [--model ID] [--out FILE.npz]      feature vectors + file list
    vislab classify|embed FOLDER --ray [ADDRESS] --out DIR [--workers N] [--num-gpus-per-worker N]   on Ray Data,
                                                                         to Parquet result files
    vislab import-results DIR [--json]     a cluster run's result files into the collection store
    vislab similar QUERY_IMAGE FOLDER [-k K] [--model ID] [--json]      the look-alikes, best first
    vislab similarity IMAGE_A IMAGE_B [--models A,B] [--json]            cosine of their feature vectors
    vislab evaluate FOLDER [--model ID] [--json] [--confusion FILE.png]  one subfolder per class: accuracy, matrix
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
    vislab doctor [--json]                 versions, devices, where resources and weights were found

A mistake (a bad file, an unknown model) is one line on stderr naming the thing and the reason; the
exit status is 0 only when everything asked for succeeded. Output files are checked before the work
starts, and one that cannot be written is one line while the others and the results still come;
``--json`` prints strict JSON (never NaN), and a model whose output is not finite is an error. classify,
embed, similar, similarity and evaluate read and fill one collection store (:mod:`vislab.core.store`). The
commands are the entries of :data:`vislab.cli.commands.COMMANDS`; each command's module imports torch
only when it runs.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core.errors import VislabError
from . import commands, gui
from .output import fail

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run vislab with ``argv`` (default: the process arguments) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and (args[0] in commands.COMMANDS or args[0] in ("-h", "--help", "--version")):
            if args[0] in ("classify", "embed"):
                from .cluster import address_or_folder

                args = address_or_folder(args)
            options = commands.build_parser().parse_args(args)
            return options.run(options)
        _refuse_a_mistyped_command(args)
        return gui.open_window(args)
    except VislabError as exc:
        fail(str(exc))
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `vislab ... | head`: the reader has gone, and nothing more is to be said
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's exit does not complain about stdout
        return 141


def _refuse_a_mistyped_command(args: list[str]) -> None:
    """``vislab clasify cat.jpg`` is a typo, not a photo called "clasify" for the window."""
    first = args[0] if args else ""
    if not first or first.startswith("-") or Path(first).exists():
        return
    close = difflib.get_close_matches(first, commands.COMMANDS.ids(), n=1, cutoff=0.75)
    if close:
        raise VislabError(f"unknown command {first!r}; did you mean {close[0]}? (`vislab --help` lists them)")
