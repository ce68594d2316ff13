"""Classifying many image files: read and preprocess on a few threads while the model runs a batch.

One image's failure, whatever it is (a damaged file, an op that fails, an image too thin for the model, running
out of memory), is an error entry for that image; every other image keeps its result, in order.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import torch

from .errors import Cancelled, ImageReadError, VislabError
from .images import read_image

if TYPE_CHECKING:
    from .model import LoadedModel, Prediction

#: Called on each photo before the model's pipeline (an OpenCV op pipeline).
Transform = Callable[[np.ndarray], np.ndarray]

T = TypeVar("T")

#: Makes one image's answer from its full probability row and its pre-logits embedding (1-D CPU tensors).
Answer = Callable[[torch.Tensor, torch.Tensor], T]


def classify_files(model: LoadedModel, paths: Sequence[str | Path], top_k: int = 5, batch_size: int = 16, *,
                   transform: Transform | None = None, draft: bool = True,
                   workers: int = 2) -> Iterator[tuple[str | Path, list[Prediction] | VislabError]]:
    """Top-k predictions of ``model`` for image files, in order, each file's or the error that stopped it.

    Files are read and preprocessed on ``workers`` threads while the model runs the batch before; the
    reading stays one batch ahead of the model. Any exception while one file is read, transformed, resized or
    classified (``MemoryError`` included) becomes that file's entry, an :class:`ImageReadError` naming the file
    and the reason, with the original as its ``__cause__``; when the model fails on a whole batch, each of its
    images is run alone, so that only the ones it fails on get an error. Only :class:`Cancelled` stops the work.

    Args:
        transform: applied to each photo before the model's pipeline (an OpenCV op pipeline).
        draft: decode big JPEGs at reduced scale (:meth:`LoadedModel.read`); False reads every pixel, as a
            ``transform`` whose parameters are in pixels of the full photo needs.
    """
    return run_files(model, paths, lambda probs, _embedding: model.top_k(probs, top_k), batch_size,
                     transform=transform, draft=draft, workers=workers)


def run_files(model: LoadedModel, paths: Sequence[str | Path], answer: Answer[T], batch_size: int = 16, *,
              transform: Transform | None = None, draft: bool = True,
              workers: int = 2) -> Iterator[tuple[str | Path, T | VislabError]]:
    """:func:`classify_files` with the answer made by ``answer(probabilities, embedding)`` from each image's
    full probability row and pre-logits embedding (1-D tensors on the CPU); each model batch's entries are
    yielded together, after the batch ran."""
    def prepare(path: str | Path) -> torch.Tensor:
        stage = "reading it"
        try:
            image = model.read(path) if draft else read_image(path)
            if transform is not None:
                stage = "applying the ops to it"
                image = transform(image)
            stage = "preparing it for the model"
            return model.pipeline(image)
        except (Cancelled, ImageReadError):
            raise
        except Exception as exc:
            raise image_error(path, exc, stage) from exc

    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="vislab-read") as pool:
        pending: deque[tuple[str | Path, Future[torch.Tensor]]] = deque()
        queue = iter(paths)
        try:
            for path in itertools.islice(queue, 2 * batch_size):  # one batch ahead of the model
                pending.append((path, pool.submit(prepare, path)))
            while pending:
                batch: list[tuple[str | Path, torch.Tensor | VislabError]] = []
                for _ in range(min(batch_size, len(pending))):
                    path, future = pending.popleft()
                    batch.append((path, _outcome(path, future)))
                    for more in itertools.islice(queue, 1):
                        pending.append((more, pool.submit(prepare, more)))
                yield from zip((path for path, _ in batch), _answers(model, batch, answer), strict=True)
        finally:  # stopped early (cancelled, or the caller closed the generator): read no further
            for _, future in pending:
                future.cancel()


def image_error(path: str | Path, exc: BaseException, stage: str = "classifying it") -> ImageReadError:
    """``exc``, raised while working on the file ``path``, as that file's entry: one line naming the file.

    An :class:`ImageReadError` is kept as it is; anything else is wrapped, with ``exc`` (without its
    traceback, which would keep the image's arrays alive) as the ``__cause__``.
    """
    if isinstance(exc, ImageReadError):
        return exc.with_traceback(None)
    if isinstance(exc, VislabError):
        reason = str(exc)
    elif isinstance(exc, MemoryError | torch.OutOfMemoryError) or "can't allocate memory" in str(exc):
        reason = f"ran out of memory while {stage}"
    else:
        reason = f"failed while {stage} ({type(exc).__name__}: {exc})".replace(": )", ")")
    error = ImageReadError(path, reason)
    error.__cause__ = exc.with_traceback(None)
    return error


def _outcome(path: str | Path, future: Future[torch.Tensor]) -> torch.Tensor | VislabError:
    try:
        return future.result()
    except Cancelled:
        raise
    except Exception as exc:
        return image_error(path, exc, "reading it")


def _answers(model: LoadedModel, batch: list[tuple[str | Path, torch.Tensor | VislabError]],
             answer: Answer[T]) -> list[T | VislabError]:
    """Each entry's answer: its error as it is, or ``answer`` of the model's output for its input. The inputs
    run as one batch; when that fails, one by one, so that only the images the model fails on get an error."""
    answers: list[T | VislabError] = [a if isinstance(a, VislabError) else None for _, a in batch]
    inputs = [(i, path, a) for i, (path, a) in enumerate(batch) if isinstance(a, torch.Tensor)]
    if len(inputs) > 1:
        try:
            probs, embeddings = model.forward(torch.stack([tensor for _, _, tensor in inputs]))
            for (i, _, _), p, e in zip(inputs, probs, embeddings, strict=True):
                answers[i] = answer(p, e)
            return answers
        except Cancelled:
            raise
        except Exception:  # run each image alone, below: only the ones the model fails on get an error
            pass
    for i, path, tensor in inputs:
        try:
            probs, embeddings = model.forward(tensor[None])
            answers[i] = answer(probs[0], embeddings[0])
        except Cancelled:
            raise
        except Exception as exc:
            answers[i] = image_error(path, exc)
    return answers
