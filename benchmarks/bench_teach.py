"""Teach: head-only transfer learning on stored feature vectors against the course's plain PyTorch loop.

The plain loop (frozen EfficientNet-Lite0, a new linear head, Adam, every epoch reading each image with PIL, the
model's transform and a forward pass through the base) is timed for :data:`PLAIN_EPOCHS_TIMED` real epochs.
Because the base is frozen and nothing is augmented, the loop's later epochs compute exactly what a replay of
the same optimiser steps on the features of its first epoch computes; the replay says how many epochs it needs
to reach vislab's validation accuracy, and its time is that many times the measured epoch. vislab's time is
from Train to a usable model with an empty store (the feature pass included), and again with the vectors
stored.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import torch
from PIL import Image
from torch import nn

from vislab.core.loading import load_model
from vislab.core.store import Store
from vislab.core.teach import Dataset, TrainConfig, train
from vislab.core.teach.model_file import load_trained, save_trained
from vislab.core.teach.samples import write_digits

from ._harness import Result

IMAGES_PER_CLASS = 100  # 1,000 digits
SMALL_PER_CLASS = 30  # 300 digits
PLAIN_EPOCHS_TIMED = 1
PLAIN_MAX_EPOCHS = 200
BATCH = 32
SEED = 0


def _plain_loop(model, files: list[tuple[Path, int]], val: list[tuple[Path, int]], target: float):
    """The course's loop; returns (seconds per real epoch, epochs needed to reach ``target``, its accuracy)."""
    from timm.data import create_transform, resolve_data_config

    from vislab.core.libraries import architecture

    base = architecture(model.spec)
    base.load_state_dict(model.module.state_dict())
    base.reset_classifier(0)
    base.eval().requires_grad_(False)
    transform = create_transform(**resolve_data_config(model=base))
    torch.manual_seed(SEED)
    head = nn.Linear(base.num_features, 10)
    optimizer = torch.optim.Adam(head.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(SEED)

    def features(items):
        out = []
        for start in range(0, len(items), BATCH):
            batch = torch.stack([transform(Image.open(p).convert("RGB")) for p, _ in items[start:start + BATCH]])
            with torch.no_grad():
                out.append(base(batch))
        return torch.cat(out)

    labels = torch.tensor([label for _, label in files])
    val_labels = torch.tensor([label for _, label in val])

    def epoch(train_x: torch.Tensor, val_x: torch.Tensor) -> float:
        order = torch.randperm(len(train_x), generator=generator)
        for start in range(0, len(order), BATCH):
            index = order[start:start + BATCH]
            loss = loss_fn(head(train_x[index]), labels[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            return float((head(val_x).argmax(-1) == val_labels).float().mean())

    began = time.perf_counter()
    stored = None
    accuracy, needed = 0.0, None
    for n in range(1, PLAIN_EPOCHS_TIMED + 1):  # real epochs: every image through the base, every epoch
        train_x, val_x = features(files), features(val)
        stored = stored or (train_x, val_x)
        accuracy = epoch(train_x, val_x)
        if needed is None and accuracy >= target:
            needed = n
    per_epoch = (time.perf_counter() - began) / PLAIN_EPOCHS_TIMED
    n = PLAIN_EPOCHS_TIMED
    while needed is None and n < PLAIN_MAX_EPOCHS:  # the same steps, replayed on the same features
        n += 1
        accuracy = epoch(*stored)
        if accuracy >= target:
            needed = n
    return per_epoch, needed, accuracy


def run() -> list[Result]:
    model = load_model("efficientnet_lite0", device="cpu")
    model.fast_ready(timeout=300)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        root = write_digits(Path(folder) / "digits", per_class=IMAGES_PER_CLASS)
        config = TrainConfig(epochs=60, patience=8, val_split=0.2, seed=SEED)
        with Store.open(Path(folder) / "cold.sqlite3") as store:
            began = time.perf_counter()
            head = train(Dataset.from_folder(root), config, model, store=store)
            cold = time.perf_counter() - began
            began = time.perf_counter()
            again = train(Dataset.from_folder(root), config, model, store=store)
            warm = time.perf_counter() - began
        dataset = Dataset.from_folder(root)
        items = dataset.items()
        from vislab.core.teach import split

        parts = split([label for _, label in items], config.val_split, SEED)
        per_epoch, needed, plain_accuracy = _plain_loop(model, [items[i] for i in parts.train],
                                                        [items[i] for i in parts.val], head.val_accuracy)
        plain = per_epoch * (needed or PLAIN_MAX_EPOCHS)
        reached = f"{needed} epochs" if needed else f"not in {PLAIN_MAX_EPOCHS} epochs ({plain_accuracy:.3f})"
        results.append(Result(
            "head on 1,000 images to the same val. accuracy: plain loop / vislab", plain / cold, 20.0, "x",
            f"vislab {cold:.1f} s from an empty store ({head.epochs_run} epochs, val. acc. {head.val_accuracy:.3f}), "
            f"{warm:.2f} s with the vectors stored ({plain / warm:.0f}x); plain loop {per_epoch:.1f} s an epoch "
            f"x {reached} = {plain:.0f} s (epochs after {PLAIN_EPOCHS_TIMED} replayed on its own features)",
            higher_is_better=True))
        del again

        small = write_digits(Path(folder) / "small", per_class=SMALL_PER_CLASS)
        with Store.open(Path(folder) / "small.sqlite3") as store:
            began = time.perf_counter()
            result = train(Dataset.from_folder(small), TrainConfig(seed=SEED), model, store=store)
            usable = load_trained(save_trained(result, Path(folder) / "small.safetensors", name="digits"), device="cpu")
            seconds = time.perf_counter() - began
            results.append(Result("300 images: Train to a usable model", seconds, 60.0, "s",
                                  f"head only, {result.epochs_run} epochs, val. acc. {result.val_accuracy:.3f}, "
                                  f"feature pass included; model {usable.spec.name}"))
            fine = train(Dataset.from_folder(small), TrainConfig(kind="fine_tune", fine_tune_blocks=1,
                                                                 fine_tune_epochs=3, seed=SEED), model, store=store)
            scratch = train(Dataset.from_folder(small), TrainConfig(kind="scratch", epochs=30, lr=3e-3,
                                                                    seed=SEED))
        results.append(Result("300 images: fine-tuning (head + last block, 3 epochs) minus head only",
                              100 * (fine.val_accuracy - result.val_accuracy), -100.0, "points",
                              f"head {result.val_accuracy:.3f} in {result.seconds:.1f} s, fine-tuned "
                              f"{fine.val_accuracy:.3f} in {fine.seconds:.1f} s; small CNN from scratch "
                              f"{scratch.val_accuracy:.3f} in {scratch.seconds:.1f} s ({scratch.epochs_run} epochs)",
                              higher_is_better=True))
    return results
