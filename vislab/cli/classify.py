"""``vislab classify FOLDER_OR_FILES...``: the top-k classes of each image, the images of folders included.

Results are read from and written to the collection store (see :mod:`vislab.cli.collection`): a photo seen
before under the same model and weights is not run again, and a run that was stopped resumes where it stopped.
With ``--op`` the photos are changed before the model, so those results are neither read nor stored.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from ..core.errors import DirectoryNotImageError, OptionError, VislabError
from . import cluster
from .collection import batch_option, image_files, open_store, run_records
from .models import load_one
from .options import json_option, model_options, op_option, op_pipeline, positive
from .output import ProgressBar, check_outputs, fail, print_json, print_predictions, write_outputs


def arguments(parser: argparse.ArgumentParser) -> None:
    """The images or folders, the model options, ``--top-k``, ``--op``, ``--csv``, ``--json`` and the options of
    a run on Ray (:mod:`vislab.cli.cluster`)."""
    parser.add_argument("images", nargs="+", metavar="FOLDER_OR_FILES",
                        help="image files, or folders whose images (and their subfolders') to classify")
    model_options(parser)
    parser.add_argument("--top-k", type=positive, default=5, metavar="K", help="classes to show (5)")
    op_option(parser, "preprocess each image with this op first (repeatable; see `vislab ops`); such results "
                      "are not stored")
    parser.add_argument("--csv", metavar="FILE",
                        help="save a table: image, class index, class, probability, margin, entropy, error")
    batch_option(parser)
    json_option(parser)
    cluster.ray_options(parser, out=True)


def run(options: argparse.Namespace) -> int:
    """Classify every image; a file or folder that fails is one error line and the others carry on."""
    if cluster.wanted(options):
        return cluster.run(options, "classify")
    if options.out is not None:
        raise OptionError("--out is for a run on Ray (the folder of its result files): add --ray, or use --csv")
    pipeline = op_pipeline(options)  # a bad op fails before the model loads
    check_outputs(("--csv", options.csv, "csv"))
    inputs = image_files(options.images)
    files = [Path(i) for i in inputs if not isinstance(i, DirectoryNotImageError)]
    # Without ops, predictions need no torch when the model's export is cached (vislab.core.instant).
    model = load_one(options, fast_path=True, images=len(files), torch_free=not pipeline.steps)
    bar = ProgressBar("classifying", total=len(files)) if len(files) > 1 else None
    printer = _Printer(inputs, model, options, bar)
    if pipeline.steps:
        # Ops take lengths in pixels of the whole photo: with ops, every pixel is decoded.
        answers = model.classify_files(files, options.top_k, transform=pipeline.apply, draft=False,
                                       batch_size=options.batch_size)
        for path, answer in answers:
            printer.answers[path] = answer
            printer.flush()
            if bar:
                bar.step()
    else:
        def on_batch(found) -> None:
            printer.answers.update((path, _predictions(model, r, options.top_k)) for path, r in found.items()
                                   if path not in printer.answers)
            printer.flush()

        run_records(files, model, open_store(), top_k=options.top_k, batch_size=options.batch_size, bar=bar,
                    on_batch=on_batch)
    printer.flush()
    if bar:
        bar.close()
    if options.csv:
        write_outputs([(options.csv, lambda path: _write_csv(path, printer.results, printer.records))])
    if options.json:
        print_json(printer.results)
    return 1 if any("error" in r for r in printer.results) else 0


def _predictions(model, record, top_k: int):
    from ..core.predictions import Prediction

    if record.error:
        return VislabError(record.error)
    return [Prediction(i, model.labels[i], p) for i, p in zip(record.indices[:top_k], record.probabilities[:top_k],
                                                              strict=True)], record


class _Printer:
    """Prints each result as soon as every earlier input's is known: the output keeps the order typed."""

    def __init__(self, inputs, model, options: argparse.Namespace, bar: ProgressBar | None) -> None:
        self.inputs, self.model, self.options, self.bar = inputs, model, options, bar
        self.answers: dict = {}
        self.results: list[dict] = []
        self.records: list = []  # each result's Record, when it came through the store

    def flush(self) -> None:
        while len(self.results) < len(self.inputs):
            item = self.inputs[len(self.results)]
            if isinstance(item, DirectoryNotImageError):
                path, answer = item.path, item
            elif Path(item) in self.answers:
                path, answer = item, self.answers[Path(item)]
            else:
                return
            self._show(path, answer)

    def _show(self, path, answer) -> None:
        result: dict = {"image": str(path)}
        self.results.append(result)
        self.records.append(answer[1] if isinstance(answer, tuple) else None)
        if isinstance(answer, VislabError):
            result["error"] = str(answer)
            if self.bar:
                self.bar.clear()
            fail(result["error"])
            return
        predictions = answer[0] if isinstance(answer, tuple) else answer
        result["model"] = self.model.spec.id
        result["predictions"] = [p.to_dict() for p in predictions]
        if not self.options.json:
            if self.bar:
                self.bar.clear()
            print(f"\n{result['image']}  ({result['model']})")
            print_predictions(predictions)


def _write_csv(path: str, results: list[dict], records: list) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["image", "class_index", "class", "probability", "margin", "entropy", "error"])
        for result, record in zip(results, records, strict=True):
            if "error" in result:
                writer.writerow([result["image"], "", "", "", "", "", result["error"]])
                continue
            top = result["predictions"][0]
            margin = record.margin if record is not None else (
                top["probability"] - result["predictions"][1]["probability"] if len(result["predictions"]) > 1
                else top["probability"])
            entropy = record.entropy if record is not None else None
            writer.writerow([result["image"], top["index"], top["label"], f"{top['probability']:.6f}",
                             f"{margin:.6f}", "" if entropy is None else f"{entropy:.6f}", ""])
