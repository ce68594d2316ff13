"""``vislab classify IMAGE|FOLDER...``: the top-k classes of each image, the images of folders included."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import DirectoryNotImageError, VislabError
from .models import load_one
from .options import json_option, model_options, op_option, op_pipeline, positive
from .output import ProgressBar, fail, print_json, print_predictions


def arguments(parser: argparse.ArgumentParser) -> None:
    """The images or folders, the model options, ``--top-k``, ``--op`` and ``--json``."""
    parser.add_argument("images", nargs="+", metavar="IMAGE",
                        help="image files, or folders whose images (and their subfolders') to classify")
    model_options(parser)
    parser.add_argument("--top-k", type=positive, default=5, metavar="K", help="classes to show (5)")
    op_option(parser, "preprocess each image with this op first (repeatable; see `vislab ops`)")
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Classify every image; a file or folder that fails is one error line and the others carry on."""
    pipeline = op_pipeline(options)  # a bad op fails before the model loads
    model = load_one(options, fast_path=True)
    inputs = expand_inputs(options.images)
    bar = ProgressBar("classifying", total=len(inputs)) if len(inputs) > 1 else None
    # Ops take lengths in pixels of the whole photo: with ops, every pixel is decoded.
    transform = pipeline.apply if pipeline.steps else None
    answers = model.classify_files([i for i in inputs if not isinstance(i, DirectoryNotImageError)], options.top_k,
                                   transform=transform, draft=transform is None)
    results: list[dict] = []
    for item in inputs:
        path, answer = (item.path, item) if isinstance(item, DirectoryNotImageError) else next(answers)
        result: dict = {"image": str(path)}
        results.append(result)
        if isinstance(answer, VislabError):
            result["error"] = str(answer)
            fail(result["error"])
        else:
            result["model"] = model.spec.id
            result["predictions"] = [p.to_dict() for p in answer]
            if not options.json:
                if bar:
                    bar.clear()
                print(f"\n{result['image']}  ({result['model']})")
                print_predictions(answer)
        if bar:
            bar.step()
    if bar:
        bar.close()
    if options.json:
        print_json(results)
    return 1 if any("error" in r for r in results) else 0


def expand_inputs(arguments: list[str]) -> list[str | Path | DirectoryNotImageError]:
    """The files to classify, in order: a file as given, a folder's images (recursively, in name order, as
    the window opens a dropped folder), or, for a folder without any image, the error that says so."""
    from ..core.images import expand_paths

    inputs: list[str | Path | DirectoryNotImageError] = []
    for argument in arguments:
        if not Path(argument).is_dir():
            inputs.append(argument)  # as typed: it names the result, and reading it reports what is wrong
            continue
        found = expand_paths([argument])
        inputs += found or [DirectoryNotImageError(argument, "no images in this folder")]
    return inputs
