"""Classifying many image files: read and preprocess on a few threads while the model runs a batch."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from .errors import VislabError
from .images import read_image

if TYPE_CHECKING:
    from .model import LoadedModel, Prediction

#: Called on each photo before the model's pipeline (an OpenCV op pipeline).
Transform = Callable[[np.ndarray], np.ndarray]


def classify_files(model: LoadedModel, paths: Sequence[str | Path], top_k: int = 5, batch_size: int = 16, *,
                   transform: Transform | None = None, draft: bool = True,
                   workers: int = 2) -> Iterator[tuple[str | Path, list[Prediction] | VislabError]]:
    """Top-k predictions of ``model`` for image files, in order, each file's or the error that stopped it.

    Files are read and preprocessed on ``workers`` threads while the model runs the batch before; the
    reading stays one batch ahead of the model.

    Args:
        transform: applied to each photo before the model's pipeline (an OpenCV op pipeline).
        draft: decode big JPEGs at reduced scale (:meth:`LoadedModel.read`); False reads every pixel, as a
            ``transform`` whose parameters are in pixels of the full photo needs.
    """
    def prepare(path: str | Path) -> torch.Tensor:
        image = model.read(path) if draft else read_image(path)
        return model.pipeline(transform(image) if transform is not None else image)

    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="vislab-read") as pool:
        pending: deque[tuple[str | Path, Future[torch.Tensor]]] = deque()
        queue = iter(paths)
        for path in itertools.islice(queue, 2 * batch_size):  # one batch ahead of the model
            pending.append((path, pool.submit(prepare, path)))
        while pending:
            done: list[tuple[str | Path, VislabError | None]] = []
            tensors = []
            for _ in range(min(batch_size, len(pending))):
                path, future = pending.popleft()
                try:
                    tensors.append(future.result())
                    done.append((path, None))
                except VislabError as exc:
                    done.append((path, exc))
                for more in itertools.islice(queue, 1):
                    pending.append((more, pool.submit(prepare, more)))
            probs = iter(model.forward(torch.stack(tensors))[0] if tensors else ())
            for path, error in done:
                yield path, error if error is not None else model.top_k(next(probs), top_k)
