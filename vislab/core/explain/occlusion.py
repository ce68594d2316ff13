"""Occlusion sensitivity (Zeiler & Fergus 2014): slide a grey square over what the model sees and map
how much the target class's probability drops."""

from __future__ import annotations

import threading

import numpy as np
import torch

from ..errors import ExplanationCancelled, check_cancel
from ..heatmaps import unit_range

BATCH = 16


def occlusion_map(model, tensor: torch.Tensor, target: int | None, patch: int | None = None,
                  stride: int | None = None, progress=None,
                  cancel: threading.Event | None = None) -> tuple[np.ndarray, torch.Tensor]:
    """The drop in the target probability with a grey square over each position, averaged where squares
    overlap, scaled to [0, 1] at the input's resolution; and the unoccluded probabilities.

    Args:
        model: a :class:`~vislab.core.model.LoadedModel`.
        tensor: the model input, ``1 x 3 x H x W``.
        target: the class; None uses the top-1 class.
        patch, stride: the square's side and step in input pixels (default: a seventh of the side, and
            half of that).
    """
    _, _, height, width = tensor.shape
    patch = patch or max(8, min(height, width) // 7)
    stride = stride or max(1, patch // 2)
    probs, _ = model.forward(tensor)
    probs = probs[0]
    index = int(probs.argmax()) if target is None else target
    grey = (0.5 - torch.tensor(model.pipeline.mean)) / torch.tensor(model.pipeline.std)
    positions = [(y, x) for y in range(0, height - patch + 1, stride) for x in range(0, width - patch + 1, stride)]
    drops = np.zeros((height, width), np.float64)
    counts = np.zeros((height, width), np.float64)
    for start in range(0, len(positions), BATCH):
        check_cancel(cancel, ExplanationCancelled, "explanation cancelled")
        chunk = positions[start:start + BATCH]
        batch = tensor.repeat(len(chunk), 1, 1, 1)
        for i, (y, x) in enumerate(chunk):
            batch[i, :, y:y + patch, x:x + patch] = grey[:, None, None]
        occluded, _ = model.forward(batch)
        for (y, x), p in zip(chunk, occluded[:, index].tolist(), strict=True):
            drops[y:y + patch, x:x + patch] += float(probs[index]) - p
            counts[y:y + patch, x:x + patch] += 1
        if progress is not None:
            progress(min(start + BATCH, len(positions)), len(positions))
    sensitivity = np.where(counts > 0, drops / np.maximum(counts, 1), 0.0)
    return unit_range(np.maximum(sensitivity, 0.0)), probs
