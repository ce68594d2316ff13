"""The registry of vislab's commands: the one list that the parser and :func:`vislab.cli.main` read.

Adding a command is one :class:`Command` entry in :data:`COMMANDS`; ``main`` treats a first argument
that names no entry as image paths for the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from .. import __version__
from ..core.registry import Registry
from . import (
    catalog,
    classify,
    collection,
    doctor,
    experiments,
    explain,
    faithfulness,
    features,
    live,
    preprocess,
    results,
    train,
)


@dataclass(frozen=True)
class Command:
    """One subcommand of ``vislab``.

    Attributes:
        id: the word typed after ``vislab``.
        help: one line for ``vislab --help``.
        add_arguments: adds the command's own arguments to its parser.
        run: does the work with the parsed options and returns the exit status.
    """

    id: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: Registry[Command] = Registry("command")

for _command in (
    Command("models", "list the model catalog and where each model's weights are", catalog.models_arguments,
            catalog.models),
    Command("devices", "the devices models can run on here", catalog.listing_arguments, catalog.devices),
    Command("methods", "the explanation methods", catalog.listing_arguments, catalog.methods),
    Command("ops", "the OpenCV preprocessing ops and their parameters", catalog.listing_arguments, catalog.ops),
    Command("classify", "top-k ImageNet classes for images and folders (kept in the collection store)",
            classify.arguments, classify.run),
    Command("embed", "feature vectors (pre-logits embeddings) of images and folders", collection.embed_arguments,
            collection.embed),
    Command("similar", "the images of a folder most like a query image", collection.similar_arguments,
            collection.similar),
    Command("similarity", "cosine similarity of two images' feature vectors, under one or more models",
            collection.similarity_arguments, collection.similarity),
    Command("evaluate", "accuracy and confusion matrix on a folder of one subfolder per class",
            collection.evaluate_arguments, collection.evaluate),
    Command("import-results", "a cluster run's result files (Parquet) into the collection store, to answer from "
            "without the model", results.arguments, results.run),
    Command("explain", "what the model looked at: a class-activation or attention map", explain.arguments,
            explain.run),
    Command("faithfulness", "how faithful each explanation method's map is: deletion, insertion, ROAD, sanity",
            faithfulness.arguments, faithfulness.run),
    Command("features", "a layer's strongest feature maps, or the first layer's filters", features.arguments,
            features.run),
    Command("live", "a camera or video file classified and explained at its own pace", live.arguments, live.run),
    Command("preprocess", "apply OpenCV ops to an image", preprocess.arguments, preprocess.run),
    Command("compare", "several models side by side on one image", experiments.compare_arguments,
            experiments.compare),
    Command("sweep", "how confidence changes as a perturbation grows", experiments.sweep_arguments,
            experiments.sweep),
    Command("train", "teach a model your own classes from a folder of class subfolders (transfer learning)",
            train.arguments, train.run),
    Command("doctor", "what vislab runs on here: versions, devices, its resources, weights and torchvision's ops",
            doctor.arguments, doctor.run),
):
    COMMANDS.register(_command)


def build_parser() -> argparse.ArgumentParser:
    """The ``vislab`` parser with one subparser per registered command, in registration order."""
    parser = argparse.ArgumentParser(
        prog="vislab", description="A desktop lab for looking inside image classifiers. "
        "Run `vislab IMAGE...` for the window, or one of these commands:")
    parser.add_argument("--version", action="version", version=f"vislab {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command_parser = sub.add_parser(command.id, help=command.help)
        command.add_arguments(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser
