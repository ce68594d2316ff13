"""``vislab train DATASET_FOLDER --out MODEL.safetensors``: transfer learning (or a small CNN from scratch) on a
folder of one subfolder per class; the file then works with ``--weights`` in every command."""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from ..core.catalog import DEFAULT_MODEL
from ..core.errors import VislabError
from .collection import open_store
from .options import device_option, json_option, positive
from .output import fail, note, print_json


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", metavar="DATASET_FOLDER", help="a folder with one subfolder of images per class")
    parser.add_argument("--out", required=True, metavar="MODEL.safetensors", help="the trained model's file")
    parser.add_argument("--model", default=DEFAULT_MODEL, metavar="ID",
                        help=f"the base model to transfer from (default {DEFAULT_MODEL}); see `vislab models`")
    parser.add_argument("--epochs", type=positive, default=30, metavar="N", help="most epochs (30)")
    parser.add_argument("--batch-size", type=positive, default=32, metavar="B", help="images per step (32)")
    parser.add_argument("--lr", type=_positive_float, default=1e-3, metavar="LR", help="learning rate (0.001)")
    parser.add_argument("--fine-tune-blocks", type=_count, default=0, metavar="K",
                        help="after the head, also train the base's last K blocks at learning rate 1e-5 (0: head only)")
    parser.add_argument("--augment", default="", metavar="LIST",
                        help="augmentations, comma-separated: flip,rotate,zoom,translate,color (none)")
    parser.add_argument("--val-split", type=_fraction, default=0.2, metavar="F",
                        help="fraction of each class held out for validation (0.2)")
    parser.add_argument("--patience", type=_count, default=5, metavar="P",
                        help="stop after P epochs without a better validation loss, keeping the best (5; 0 never)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (0)")
    parser.add_argument("--from-scratch", action="store_true",
                        help="train the course's small CNN from random initialisation instead")
    device_option(parser)
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Check everything, train, write the file only when a model was made."""
    from ..core.catalog import resolve_model
    from ..core.teach import Dataset, TrainConfig, parse_augment, train
    from ..core.teach.model_file import save_trained

    out = Path(options.out).expanduser()
    if out.suffix.lower() != ".safetensors":
        raise VislabError(f"--out {options.out}: the trained model is written as a .safetensors file")
    if out.is_dir():
        raise VislabError(f"--out {options.out}: is a folder")
    if not out.parent.is_dir():
        raise VislabError(f"--out {options.out}: no such folder {out.parent}")
    kind = "scratch" if options.from_scratch else "fine_tune" if options.fine_tune_blocks else "head"
    config = TrainConfig(kind=kind, epochs=options.epochs, batch_size=options.batch_size, lr=options.lr,
                         fine_tune_blocks=options.fine_tune_blocks, val_split=options.val_split,
                         augment=parse_augment(options.augment), patience=options.patience, seed=options.seed)
    config.check()
    dataset = Dataset.from_folder(options.dataset)
    problems = dataset.problems()
    if problems:
        for line in problems[:-1]:
            fail(line)
        raise VislabError(problems[-1])
    base = None
    if kind != "scratch":  # a base model without weights here is refused before anything else is said
        from ..core.loading import load_model

        spec = resolve_model(options.model)
        base = load_model(spec.id, device=options.device, fast_path=None)
        base.fast_ready()
    for line in dataset.warnings():
        note(line)
    store = open_store("the feature vectors are computed without the store") if kind != "scratch" else None
    reporter = _Reporter(config)
    result = train(dataset, config, base, store=store, progress=reporter)
    reporter.close()
    for path, reason in result.skipped:
        fail(f"skipped {reason if str(path) in reason else f'{path}: {reason}'}")
    save_trained(result, out, name=(dataset.root.name if dataset.root else "my classes"))
    if options.json:
        print_json({**result.to_dict(), "out": str(out)})
    else:
        accuracy = "n/a" if result.val_accuracy is None else f"{100 * result.val_accuracy:.1f} %"
        print(f"{config.describe()} on {base.spec.name if base else 'nothing'}: {len(result.classes)} classes, "
              f"{result.train_images} training and {result.val_images} validation images; "
              f"{result.epochs_run} epochs, best {result.best_epoch}; validation accuracy {accuracy}")
        for name, value in result.per_class.items():
            print(f"  {name:<20} {'n/a' if value is None else f'{100 * value:5.1f} %'}")
        print(f"saved {out}")
    return 0


class _Reporter:
    """Progress on stderr: a line per epoch; the feature pass as a count on a terminal."""

    def __init__(self, config) -> None:
        self.config = config
        self.started = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.last_stage = ""

    def __call__(self, event) -> None:
        from ..core.teach import Epoch

        if isinstance(event, Epoch):
            self._line("")
            val = "" if event.val_loss is None else (f" val_loss {event.val_loss:.4f} "
                                                     f"val_accuracy {event.val_accuracy:.3f}")
            print(f"epoch {event.epoch} ({event.stage}): loss {event.train_loss:.4f} accuracy "
                  f"{event.train_accuracy:.3f}{val} lr {event.lr:.2g}", file=sys.stderr)
            return
        if event.stage != self.last_stage and not self.tty:
            print(f"{event.stage} {event.total} images", file=sys.stderr)
        self.last_stage = event.stage
        if self.tty:
            self._line(f"{event.stage} {event.done}/{event.total}")

    def _line(self, text: str) -> None:
        if self.tty:
            sys.stderr.write(f"\r\033[K{text}")
            sys.stderr.flush()

    def close(self) -> None:
        self._line("")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return value


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"expected a fraction at least 0 and below 1, not {text!r}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 0, not {text!r}")
    return value
