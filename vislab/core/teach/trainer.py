"""Training a classifier for a :class:`~vislab.core.teach.dataset.Dataset`: transfer learning and from scratch.

Three kinds, as in the course:

- ``head``: the base model stays frozen and only a new linear head is trained, on the base's feature vectors
  (pre-logits), computed once: read from the collection store when it has them (:func:`vislab.core.collection.
  process`), and, with augmentation, :attr:`TrainConfig.copies` augmented copies per training image computed once
  and kept for the process. Each epoch is then a small matrix product, not a forward pass through the base.
- ``fine_tune``: the head as above, then the head and the last K blocks of the base together, with their own
  lower learning rate (:attr:`TrainConfig.fine_tune_lr`, 1e-5 style), forward and backward through the base on
  freshly augmented images each epoch.
- ``scratch``: :class:`~vislab.core.teach.scratch.SmallCNN` from random initialisation on the same images and
  augmentation.

Every run keeps a per-epoch :class:`Epoch` history, stops early when the validation loss has not improved for
:attr:`TrainConfig.patience` epochs (restoring the best epoch's weights), lowers the learning rate on a plateau,
and reports through ``progress``; setting ``cancel`` stops it after the current epoch keeping the best so far.
"""

from __future__ import annotations

import math
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import torch
from torch import nn

from ..errors import Cancelled, OptionError, VislabError
from .augment import augment_image, augmenter, parse_augment
from .dataset import Dataset, DatasetError, split
from .scratch import SCRATCH_PIPELINE, SmallCNN

if TYPE_CHECKING:
    from ..model import LoadedModel
    from ..preprocess import InputPipeline
    from ..store import Store

__all__ = ["Epoch", "Kind", "Mistake", "Step", "TrainConfig", "TrainResult", "TrainingCancelled", "train",
           "trainable_units"]

Kind = Literal["head", "fine_tune", "scratch"]
#: How much the validation loss must fall to count as better (early stopping, the best epoch).
MIN_DELTA = 1e-4
#: Augmented feature vectors kept for the process: (model key, file digest, augmentations, seed, copy) -> vector.
_AUGMENTED: dict[tuple, np.ndarray] = {}
_AUGMENTED_LIMIT = 200_000


class TrainingCancelled(Cancelled):
    """Training was stopped before any epoch finished: there is nothing to keep."""


@dataclass(frozen=True)
class TrainConfig:
    """How to train.

    Attributes:
        kind: ``head``, ``fine_tune`` or ``scratch`` (see the module docstring).
        epochs: most epochs (of the head; of the small CNN from scratch).
        batch_size: images (or feature vectors) per optimiser step.
        lr: the head's (and the small CNN's) learning rate, for Adam.
        fine_tune_blocks: K, the base's last blocks trained with the head (``fine_tune``).
        fine_tune_lr: their learning rate, and the head's during fine-tuning.
        fine_tune_epochs: most epochs of the fine-tuning stage.
        val_split: the fraction of each class held out for validation.
        augment: augmentation ids (see :data:`~vislab.core.teach.augment.AUGMENTATIONS`).
        copies: augmented copies of each training image for head-only training (0 without augmentation).
        patience: epochs without a better validation loss before stopping (0: never stop early).
        reduce_lr: halve the learning rate after ``max(1, patience // 2)`` epochs without improvement.
        weight_decay: Adam's L2 penalty.
        seed: the split, the initialisation, the shuffling and the augmentation.
    """

    kind: Kind = "head"
    epochs: int = 30
    batch_size: int = 32
    lr: float = 1e-3
    fine_tune_blocks: int = 0
    fine_tune_lr: float = 1e-5
    fine_tune_epochs: int = 5
    val_split: float = 0.2
    augment: tuple[str, ...] = ()
    copies: int = 2
    patience: int = 5
    reduce_lr: bool = True
    weight_decay: float = 1e-4
    seed: int = 0

    def check(self) -> None:
        """Raise :class:`OptionError` naming the first bad setting."""
        if self.kind not in ("head", "fine_tune", "scratch"):
            raise OptionError(f"unknown kind of training {self.kind!r}; use head, fine_tune or scratch")
        for name in ("epochs", "batch_size"):
            if getattr(self, name) < 1:
                raise OptionError(f"{name.replace('_', ' ')} must be at least 1, not {getattr(self, name)}")
        for name in ("lr", "fine_tune_lr"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value > 0):
                raise OptionError(f"the learning rate must be a positive number, not {value}")
        if self.kind == "fine_tune" and self.fine_tune_blocks < 1:
            raise OptionError("fine-tuning needs at least 1 block to train (--fine-tune-blocks)")
        if self.patience < 0 or self.copies < 0 or self.fine_tune_epochs < 1:
            raise OptionError("patience and augmented copies cannot be negative, fine-tune epochs at least 1")
        if not 0.0 <= self.val_split < 1.0:
            raise OptionError(f"the validation fraction must be at least 0 and less than 1, not {self.val_split}")
        parse_augment(list(self.augment))

    def describe(self) -> str:
        """What is trained, in words (the model file and the model card say it)."""
        if self.kind == "scratch":
            return "small CNN from scratch"
        if self.kind == "fine_tune":
            return f"head + last {self.fine_tune_blocks} block{'s' if self.fine_tune_blocks != 1 else ''}"
        return "head only"


@dataclass(frozen=True)
class Epoch:
    """One epoch's figures; ``stage`` is ``head``, ``fine_tune`` or ``scratch``."""

    epoch: int
    train_loss: float
    val_loss: float | None
    train_accuracy: float
    val_accuracy: float | None
    lr: float
    seconds: float
    stage: str

    def to_dict(self) -> dict:
        return {"epoch": self.epoch, "train_loss": self.train_loss, "val_loss": self.val_loss,
                "train_accuracy": self.train_accuracy, "val_accuracy": self.val_accuracy, "lr": self.lr}


@dataclass(frozen=True)
class Step:
    """Progress before the epochs: ``stage`` (``features``, ``augmenting``, ``reading``) ``done`` of ``total``."""

    stage: str
    done: int
    total: int


@dataclass(frozen=True)
class Mistake:
    """A validation image the model got wrong, with every class's probability."""

    path: Path
    true: int
    predicted: int
    probabilities: tuple[float, ...]


@dataclass
class TrainResult:
    """What a run made and how well it does on the validation images.

    Attributes:
        classes: the class names, in the model's order.
        kind, config: what was trained and how.
        module: the trained network (the base with its new head, or the small CNN), in eval mode on the CPU.
        pipeline: its input pipeline.
        base: the base model's catalog id (None from scratch).
        history: every epoch, in order.
        best_epoch: the epoch whose weights were kept (1-based; 0 when none ran).
        stopped_early: early stopping ended the run; ``stopped`` : the person did.
        train_images, val_images: how many images each side of the split had.
        val_accuracy, per_class: accuracy on the validation images, overall and per class (None without them).
        confusion: rows true class, columns predicted, counts; ``members[(true, predicted)]`` the files.
        mistakes: the misclassified validation images.
        skipped: (file, reason) for each unreadable file left out.
        seconds: from start to the usable model.
        trained_names: the dotted names of the trained parts ("" for all): the model file keeps their tensors.
        base_weights: the hash of the base model's weights (see :func:`~vislab.core.teach.model_file.base_hash`).
    """

    classes: list[str]
    kind: Kind
    config: TrainConfig
    module: nn.Module
    pipeline: InputPipeline
    base: str | None
    history: list[Epoch] = field(default_factory=list)
    best_epoch: int = 0
    stopped_early: bool = False
    stopped: bool = False
    train_images: int = 0
    val_images: int = 0
    val_accuracy: float | None = None
    per_class: dict[str, float | None] = field(default_factory=dict)
    confusion: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int64))
    members: dict[tuple[int, int], list[Path]] = field(default_factory=dict)
    mistakes: list[Mistake] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: float = 0.0
    trained_names: tuple[str, ...] = ()
    base_weights: str = ""

    @property
    def epochs_run(self) -> int:
        return len(self.history)

    def to_dict(self) -> dict:
        """The JSON ``vislab train --json`` prints (without ``out``)."""
        return {"classes": list(self.classes), "train_images": self.train_images, "val_images": self.val_images,
                "epochs_run": self.epochs_run, "best_epoch": self.best_epoch, "val_accuracy": self.val_accuracy,
                "history": [e.to_dict() for e in self.history]}


ProgressCallback = Callable[[Step | Epoch], None]


# -- the one entry point ------------------------------------------------------------------------------------------


def train(dataset: Dataset, config: TrainConfig, base: LoadedModel | None = None, *, store: Store | None = None,
          progress: ProgressCallback | None = None, cancel: threading.Event | None = None) -> TrainResult:
    """Train ``config.kind`` on ``dataset`` (a base model is needed except from scratch).

    Raises:
        DatasetError: fewer than 2 classes, an empty class, or too few readable images left to train.
        OptionError: a bad setting.
        TrainingCancelled: ``cancel`` was set before the first epoch ended.
    """
    config.check()
    dataset.check()
    if config.kind != "scratch" and base is None:
        raise OptionError("transfer learning needs a base model")
    if config.kind != "scratch" and base.spec.base_id:
        raise OptionError(f"{base.spec.name} was trained in vislab; train on a catalog model instead")
    if config.kind == "fine_tune" and base is not None:
        units = trainable_units(base.module, base.spec.classifier)
        blocks = sum(1 for _, _, is_block in units if is_block)
        if config.fine_tune_blocks > blocks:
            raise OptionError(f"{base.spec.name} has {blocks} blocks; --fine-tune-blocks {config.fine_tune_blocks} "
                              "is too many")
    start = time.perf_counter()
    report = progress or (lambda _event: None)
    torch.manual_seed(config.seed)
    if config.kind == "scratch":
        result = _train_images(dataset, config, None, report, cancel)
    else:
        result = _train_transfer(dataset, config, base, store, report, cancel)
    if base is not None and config.kind != "scratch":
        from .model_file import base_hash

        result.base_weights = base.memo("teach:base_hash", lambda: base_hash(base.module))
    result.seconds = time.perf_counter() - start
    return result


# -- head-only (and the first stage of fine-tuning) ---------------------------------------------------------------


def _train_transfer(dataset: Dataset, config: TrainConfig, base: LoadedModel, store: Store | None,
                    report: ProgressCallback, cancel: threading.Event | None) -> TrainResult:
    from ..collection import process

    items = dataset.items()
    files = [path for path, _ in items]
    records = []
    for batch in process(files, base, store, top_k=1, cancel=_cancel_check(cancel),
                         progress=lambda done, total: report(Step("features", done, total))):
        records += batch
    by_path = {r.path: r for r in records}
    skipped = [(p, by_path[p].error or "no feature vector") for p in files
               if p not in by_path or by_path[p].vector is None]
    usable = [(p, label) for p, label in items if p in by_path and by_path[p].vector is not None]
    parts = _split(dataset, usable, config, skipped)
    vectors = np.stack([np.asarray(by_path[p].vector, dtype=np.float32) for p, _ in usable])
    labels = np.asarray([label for _, label in usable], dtype=np.int64)
    train_x, train_y = vectors[list(parts.train)], labels[list(parts.train)]
    extra_x, extra_y = _augmented(base, [usable[i] for i in parts.train], {p: by_path[p].digest for p, _ in usable},
                                  config, report, cancel, store)
    if len(extra_x):
        train_x, train_y = np.concatenate([train_x, extra_x]), np.concatenate([train_y, extra_y])
    val_x, val_y = vectors[list(parts.val)], labels[list(parts.val)]
    head, history, best, early, stopped = _fit_head(train_x, train_y, val_x, val_y, len(dataset.classes), config,
                                                    report, cancel)
    module = _copy_module(base)
    from .model_file import set_submodule

    set_submodule(module, base.spec.classifier, head)
    module.eval().requires_grad_(False)
    result = TrainResult(dataset.names, config.kind, config, module, base.pipeline, base.spec.id, history, best,
                         early, stopped, len(parts.train), len(parts.val), skipped=skipped,
                         trained_names=(base.spec.classifier,))
    val_files = [usable[i][0] for i in parts.val]
    if config.kind == "fine_tune" and not stopped:
        train_files = [usable[i] for i in parts.train]
        _fine_tune(result, base, train_files, [usable[i] for i in parts.val], report, cancel)
        _evaluate_images(result, [usable[i] for i in parts.val], base.read)
    else:
        with torch.no_grad():
            probs = head(torch.from_numpy(val_x)).softmax(-1).numpy() if len(val_x) else np.zeros((0, 0))
        _summarise(result, val_files, val_y, probs)
    return result


def _split(dataset: Dataset, usable: list[tuple[Path, int]], config: TrainConfig, skipped: list) -> object:
    counts = np.bincount([label for _, label in usable], minlength=len(dataset.classes))
    empty = [name for name, n in zip(dataset.names, counts, strict=True) if n == 0]
    if empty:
        raise DatasetError(f"{dataset.where()}: no readable image in class {', '.join(map(repr, empty))} "
                           f"({len(skipped)} unreadable file{'s' if len(skipped) != 1 else ''} skipped)")
    parts = split([label for _, label in usable], config.val_split, config.seed)
    if not parts.train:
        raise DatasetError(f"{dataset.where()}: no image left to train on")
    return parts


def _augmented(base: LoadedModel, train: list[tuple[Path, int]], digests: dict[Path, str], config: TrainConfig,
               report: ProgressCallback, cancel: threading.Event | None,
               store: Store | None) -> tuple[np.ndarray, np.ndarray]:
    """``config.copies`` augmented feature vectors of each training image, each computed once per process."""
    if not config.augment or config.copies == 0 or not train:
        return np.zeros((0, 0), np.float32), np.zeros(0, np.int64)
    from ..store import model_key

    key = model_key(base)
    names = tuple(config.augment)
    transform = augmenter(names)
    wanted = [(path, label, c) for path, label in train for c in range(config.copies)]
    todo = [(path, label, c) for path, label, c in wanted if (key, digests[path], names, config.seed, c)
            not in _AUGMENTED]
    total, done = len(wanted), len(wanted) - len(todo)
    report(Step("augmenting", done, total))
    batch: list[tuple[tuple, torch.Tensor]] = []

    def flush() -> None:
        nonlocal done
        if not batch:
            return
        _probs, embedding = base.forward(torch.stack([t for _, t in batch]))
        for (cache_key, _), vector in zip(batch, embedding.numpy().astype(np.float32), strict=True):
            _AUGMENTED[cache_key] = vector
        done += len(batch)
        batch.clear()
        report(Step("augmenting", done, total))

    views: dict[Path, np.ndarray] = {}
    for path, _label, c in todo:
        _check(cancel)
        if path not in views:
            views = {path: base.pipeline.cropped(base.read(path))}
        with torch.random.fork_rng(devices=[]):  # the copy depends on (seed, file, copy), not on the order
            torch.manual_seed(zlib.crc32(f"{config.seed}:{digests[path]}:{c}".encode()))
            view = augment_image(views[path], transform)
        batch.append(((key, digests[path], names, config.seed, c), base.pipeline.to_tensor(view)))
        if len(batch) == 16:
            flush()
    flush()
    if len(_AUGMENTED) > _AUGMENTED_LIMIT:
        _AUGMENTED.clear()
    vectors = np.stack([_AUGMENTED[(key, digests[p], names, config.seed, c)] for p, _, c in wanted])
    return vectors, np.asarray([label for _, label, _ in wanted], dtype=np.int64)


def _fit_head(train_x: np.ndarray, train_y: np.ndarray, val_x: np.ndarray, val_y: np.ndarray, classes: int,
              config: TrainConfig, report: ProgressCallback,
              cancel: threading.Event | None) -> tuple[nn.Linear, list[Epoch], int, bool, bool]:
    """A linear head on feature vectors, trained on standardised features and folded back to raw ones."""
    mean = train_x.mean(axis=0)
    std = train_x.std(axis=0)
    # A feature constant over the training images (a channel that is always 0 after a ReLU) is left unscaled:
    # divided by ~0, its weight, which the data never moves, would come back folded as ~1e6 times itself.
    std = np.where(std > 1e-3, std, 1.0).astype(train_x.dtype)
    xs = torch.from_numpy((train_x - mean) / std)
    ys = torch.from_numpy(train_y)
    vx = torch.from_numpy((val_x - mean) / std) if len(val_x) else None
    vy = torch.from_numpy(val_y) if len(val_y) else None
    head = nn.Linear(xs.shape[1], classes)
    optimizer = torch.optim.Adam(head.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(config.seed)

    def train_epoch() -> tuple[float, float]:
        head.train()
        order = torch.randperm(len(xs), generator=generator)
        total_loss, correct = 0.0, 0
        for start in range(0, len(xs), config.batch_size):
            index = order[start:start + config.batch_size]
            logits = head(xs[index])
            loss = loss_fn(logits, ys[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(index)
            correct += int((logits.argmax(-1) == ys[index]).sum())
        return total_loss / len(xs), correct / len(xs)

    def validate() -> tuple[float | None, float | None]:
        if vx is None:
            return None, None
        head.eval()
        with torch.no_grad():
            logits = head(vx)
            return float(loss_fn(logits, vy)), float((logits.argmax(-1) == vy).float().mean())

    loop = _Loop(config, config.epochs, optimizer, "head", report, cancel)
    history, best, early, stopped = loop.run(head, train_epoch, validate)
    with torch.no_grad():  # w·(x - m)/s + b  ==  (w/s)·x + (b - (w/s)·m)
        weight = head.weight / torch.from_numpy(std)
        bias = head.bias - weight @ torch.from_numpy(mean)
        head.weight.copy_(weight)
        head.bias.copy_(bias)
    head.eval()
    return head, history, best, early, stopped


class _Loop:
    """Epochs with early stopping (restore best), reduce-LR-on-plateau, progress and cooperative stop."""

    def __init__(self, config: TrainConfig, epochs: int, optimizer: torch.optim.Optimizer, stage: str,
                 report: ProgressCallback, cancel: threading.Event | None, first_epoch: int = 1,
                 allow_empty: bool = False) -> None:
        self.config, self.epochs, self.optimizer, self.stage = config, epochs, optimizer, stage
        self.report, self.cancel, self.first, self.allow_empty = report, cancel, first_epoch, allow_empty
        self.scheduler = (torch.optim.lr_scheduler.ReduceLROnPlateau(
            optimizer, factor=0.5, patience=max(1, config.patience // 2)) if config.reduce_lr else None)

    def run(self, module: nn.Module, train_epoch: Callable[[], tuple[float, float]],
            validate: Callable[[], tuple[float | None, float | None]]) -> tuple[list[Epoch], int, bool, bool]:
        history: list[Epoch] = []
        best_loss, best_epoch, best_state, waited = math.inf, 0, None, 0
        early = stopped = False
        for n in range(self.epochs):
            if self.cancel is not None and self.cancel.is_set():
                stopped = True
                break
            began = time.perf_counter()
            lr = self.optimizer.param_groups[0]["lr"]
            train_loss, train_acc = train_epoch()
            val_loss, val_acc = validate()
            watched = val_loss if val_loss is not None else train_loss
            epoch = Epoch(self.first + n, train_loss, val_loss, train_acc, val_acc, lr, time.perf_counter() - began,
                          self.stage)
            history.append(epoch)
            if watched < best_loss - MIN_DELTA:
                best_loss, best_epoch, waited = watched, epoch.epoch, 0
                best_state = {k: v.detach().clone() for k, v in module.state_dict().items()}
            else:
                waited += 1
            if self.scheduler is not None:
                self.scheduler.step(watched)
            self.report(epoch)
            if self.config.patience and waited >= self.config.patience:
                early = True
                break
        if not history and not self.allow_empty:
            raise TrainingCancelled("training was stopped before the first epoch ended")
        if best_state is not None:
            module.load_state_dict(best_state)
        return history, best_epoch, early, stopped


# -- fine-tuning and from scratch: forward passes on images ------------------------------------------------------


def trainable_units(module: nn.Module, classifier: str) -> list[tuple[str, nn.Module, bool]]:
    """The base's parts in order, as (dotted name, module, is a block): the children of a top-level sequence
    (``blocks.6``, ``layer4.1``, ``features.12``) are blocks; other parts with weights (``conv_head``, ``norm``)
    are not; the classifier is left out."""
    units: list[tuple[str, nn.Module, bool]] = []
    for name, child in module.named_children():
        if name == classifier:
            continue
        holds_classifier = classifier.startswith(name + ".")
        if isinstance(child, (nn.Sequential, nn.ModuleList)) and not holds_classifier:
            units += [(f"{name}.{sub}", grand, True) for sub, grand in child.named_children()]
        elif holds_classifier:
            units += [(f"{name}.{sub}", grand, False) for sub, grand in child.named_children()
                      if f"{name}.{sub}" != classifier]
        else:
            units.append((name, child, False))
    return [u for u in units if any(True for _ in u[1].parameters())]


def _last_blocks(module: nn.Module, classifier: str, k: int) -> list[str]:
    """The dotted names of the last ``k`` blocks and every part with weights after them."""
    units = trainable_units(module, classifier)
    blocks = [i for i, (_, _, is_block) in enumerate(units) if is_block]
    return [name for name, _, _ in units[blocks[-k]:]]


def _fine_tune(result: TrainResult, base: LoadedModel, train: list[tuple[Path, int]], val: list[tuple[Path, int]],
               report: ProgressCallback, cancel: threading.Event | None) -> None:
    config = result.config
    module = result.module
    names = [*_last_blocks(module, base.spec.classifier, config.fine_tune_blocks), base.spec.classifier]
    params = [p for name in names for p in module.get_submodule(name).parameters()]
    for p in params:
        p.requires_grad_(True)
    optimizer = torch.optim.Adam(params, lr=config.fine_tune_lr, weight_decay=config.weight_decay)
    data = _ImageData(train, val, base.read, base.pipeline, config, report, cancel)
    loop = _Loop(config, config.fine_tune_epochs, optimizer, "fine_tune", report, cancel,
                 first_epoch=len(result.history) + 1, allow_empty=True)
    # BatchNorm statistics and dropout stay as in evaluation: a few hundred images would only disturb them.
    history, best, early, stopped = loop.run(module, *data.epoch_functions(module, optimizer))
    module.eval().requires_grad_(False)
    result.history += history
    if best:
        result.best_epoch = best
    result.stopped_early, result.stopped = early, stopped
    result.trained_names = tuple(names)


def _train_images(dataset: Dataset, config: TrainConfig, _base: None, report: ProgressCallback,
                  cancel: threading.Event | None) -> TrainResult:
    from ..images import read_image

    def read(path: Path) -> np.ndarray:
        return read_image(path, min_side=SCRATCH_PIPELINE.min_source_side)

    items = dataset.items()
    views, skipped = _read_views(items, read, SCRATCH_PIPELINE, report, cancel)
    usable = [(p, label) for p, label in items if p in views]
    parts = _split(dataset, usable, config, skipped)
    train, val = [usable[i] for i in parts.train], [usable[i] for i in parts.val]
    module = SmallCNN(len(dataset.classes))
    optimizer = torch.optim.Adam(module.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    data = _ImageData(train, val, read, SCRATCH_PIPELINE, config, report, cancel, views)
    loop = _Loop(config, config.epochs, optimizer, "scratch", report, cancel)
    history, best, early, stopped = loop.run(module, *data.epoch_functions(module, optimizer, train_mode=True))
    module.eval().requires_grad_(False)
    result = TrainResult(dataset.names, "scratch", config, module, SCRATCH_PIPELINE, None, history, best, early,
                         stopped, len(train), len(val), skipped=skipped, trained_names=("",))
    _evaluate_images(result, val, read, views)
    return result


def _read_views(items: Sequence[tuple[Path, int]], read: Callable[[Path], np.ndarray], pipeline: InputPipeline,
                report: ProgressCallback, cancel: threading.Event | None) -> tuple[dict[Path, np.ndarray], list]:
    """The model's view (cropped uint8) of each readable file, and (file, reason) for the others."""
    views, skipped = {}, []
    for i, (path, _) in enumerate(items):
        _check(cancel)
        try:
            views[path] = np.array(pipeline.cropped(read(path)))
        except VislabError as exc:
            skipped.append((path, str(exc)))
        if i % 16 == 15 or i == len(items) - 1:
            report(Step("reading", i + 1, len(items)))
    return views, skipped


class _ImageData:
    """Training and validation images held as the model's views; each epoch augments the training ones anew."""

    def __init__(self, train: list[tuple[Path, int]], val: list[tuple[Path, int]], read: Callable[[Path], np.ndarray],
                 pipeline: InputPipeline, config: TrainConfig, report: ProgressCallback,
                 cancel: threading.Event | None, views: dict[Path, np.ndarray] | None = None) -> None:
        if views is None:
            views, _ = _read_views(train + val, read, pipeline, report, cancel)
        self.train = [(views[p], label) for p, label in train if p in views]
        self.val = [(views[p], label) for p, label in val if p in views]
        self.pipeline, self.config, self.cancel = pipeline, config, cancel
        self.transform = augmenter(config.augment)
        self.generator = torch.Generator().manual_seed(config.seed)

    def epoch_functions(self, module: nn.Module, optimizer: torch.optim.Optimizer, train_mode: bool = False):
        loss_fn = nn.CrossEntropyLoss()
        size = self.config.batch_size

        def train_epoch() -> tuple[float, float]:
            module.train(train_mode)
            order = torch.randperm(len(self.train), generator=self.generator).tolist()
            total, correct = 0.0, 0
            for start in range(0, len(order), size):
                chosen = [self.train[i] for i in order[start:start + size]]
                inputs = torch.stack([self.pipeline.to_tensor(augment_image(v, self.transform)) for v, _ in chosen])
                targets = torch.tensor([label for _, label in chosen])
                logits = module(inputs)
                loss = loss_fn(logits, targets)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += loss.item() * len(chosen)
                correct += int((logits.argmax(-1) == targets).sum())
            module.eval()
            return total / len(order), correct / len(order)

        def validate() -> tuple[float | None, float | None]:
            if not self.val:
                return None, None
            logits, targets = self.logits(module)
            return float(loss_fn(logits, targets)), float((logits.argmax(-1) == targets).float().mean())

        return train_epoch, validate

    def logits(self, module: nn.Module) -> tuple[torch.Tensor, torch.Tensor]:
        module.eval()
        outputs = []
        with torch.no_grad():
            for start in range(0, len(self.val), 64):
                chunk = self.val[start:start + 64]
                outputs.append(module(torch.stack([self.pipeline.to_tensor(v) for v, _ in chunk])))
        return torch.cat(outputs), torch.tensor([label for _, label in self.val])


def _evaluate_images(result: TrainResult, val: list[tuple[Path, int]], read: Callable[[Path], np.ndarray],
                     views: dict[Path, np.ndarray] | None = None) -> None:
    if not val:
        _summarise(result, [], np.zeros(0, np.int64), np.zeros((0, len(result.classes))))
        return
    if views is None:
        views, _ = _read_views(val, read, result.pipeline, lambda _e: None, None)
    kept = [(p, label) for p, label in val if p in views]
    with torch.no_grad():
        inputs = torch.stack([result.pipeline.to_tensor(views[p]) for p, _ in kept])
        probs = torch.cat([result.module(inputs[i:i + 64]) for i in range(0, len(inputs), 64)]).softmax(-1).numpy()
    _summarise(result, [p for p, _ in kept], np.asarray([label for _, label in kept]), probs)


def _summarise(result: TrainResult, files: list[Path], truth: np.ndarray, probs: np.ndarray) -> None:
    """Validation accuracy, per class, the confusion matrix with its members, the mistakes."""
    n = len(result.classes)
    result.confusion = np.zeros((n, n), dtype=np.int64)
    result.members = {}
    result.mistakes = []
    if not len(files):
        result.val_accuracy = None
        result.per_class = {name: None for name in result.classes}
        return
    predicted = probs.argmax(-1)
    for path, t, p, row in zip(files, truth, predicted, probs, strict=True):
        result.confusion[t, p] += 1
        result.members.setdefault((int(t), int(p)), []).append(path)
        if t != p:
            result.mistakes.append(Mistake(path, int(t), int(p), tuple(float(x) for x in row)))
    result.val_accuracy = float((predicted == truth).mean())
    totals = result.confusion.sum(axis=1)
    result.per_class = {name: (float(result.confusion[i, i] / totals[i]) if totals[i] else None)
                        for i, name in enumerate(result.classes)}
    result.mistakes.sort(key=lambda m: -m.probabilities[m.predicted])


# -- small helpers ------------------------------------------------------------------------------------------------


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise TrainingCancelled("training was stopped before the first epoch ended")


def _cancel_check(cancel: threading.Event | None) -> Callable[[], None] | None:
    if cancel is None:
        return None
    return lambda: _check(cancel)


def _copy_module(base: LoadedModel) -> nn.Module:
    """A copy of the base's network that shares nothing with it (not its hooks either)."""
    from ..libraries import architecture

    module = architecture(base.spec)
    module.load_state_dict(base.module.state_dict())
    return module
