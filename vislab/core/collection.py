"""Collections: a folder of photos, their answers and feature vectors, what looks alike and what the model gets wrong.

:func:`scan` lists a folder's photos (and their labels, when it is one subfolder per class, as torchvision's
``ImageFolder``) without decoding any; :func:`process` classifies and embeds them in one pass, through the
store; the rest is numpy and scikit-learn over the L2-normalised vectors (:func:`vectors`): nearest neighbours
by cosine (:func:`similar`), a 2-D :func:`layout`, :func:`duplicates`, :func:`outlier_scores`, and
:func:`evaluate` against the folder labels, with its :func:`confusion_figure`.

Search is brute force: one matrix-vector product over every stored vector, exact, no index to build or keep
in step with the store. At 10,000 vectors of 1,280 dimensions that reads 51 MB, a few milliseconds (tens on a
busy two-core machine), under half a classification. A query's cost grows with n while the model's does not:
around 100,000 vectors (0.5 GB of float32 read per query) search costs as much as classifying the query, and
the all-pairs work (:func:`duplicates`, :func:`outlier_scores`, O(n²): seconds at 10,000) becomes minutes.
Past that point, or when the matrix no longer fits in memory, an approximate nearest-neighbour index
(FAISS, hnswlib) is the right tool.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .errors import CollectionCancelled, ImageReadError, OptionError, VislabError
from .images import is_image_path
from .store import FileId, Record, Store, identify, model_key

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .model import LoadedModel

__all__ = ["Collection", "Evaluation", "Record", "confusion_figure", "cosine", "duplicates", "evaluate",
           "layout", "map_figure", "match_label", "outlier_scores", "process", "query_vector", "scan", "similar",
           "vectors"]

#: How many stored records one yielded batch holds at most (a big reopened folder arrives in a few steps).
STORED_BATCH = 1024
#: The layouts :func:`layout` makes.
LAYOUTS = ("pca", "tsne")


@dataclass(frozen=True)
class Collection:
    """The photos under a folder, recursively, sorted as :func:`vislab.core.images.expand_paths` sorts.

    Attributes:
        root: the folder.
        files: every image file under it.
        labels: each file's first subfolder under ``root`` when the folder is one subfolder per class (no image
            directly in ``root``), else None for every file.
    """

    root: Path
    files: tuple[Path, ...]
    labels: tuple[str | None, ...]

    def __len__(self) -> int:
        return len(self.files)

    @property
    def labelled(self) -> bool:
        return any(label is not None for label in self.labels)

    @property
    def classes(self) -> list[str]:
        """The distinct labels, in file order."""
        return list(dict.fromkeys(label for label in self.labels if label is not None))


def scan(folder: str | Path) -> Collection:
    """The :class:`Collection` under ``folder``: names and stat only, no image is opened.

    Raises:
        ImageReadError: ``folder`` does not exist or is not a folder.
    """
    root = Path(folder).expanduser()
    if not root.exists():
        raise ImageReadError(root, "no such folder")
    if not root.is_dir():
        raise ImageReadError(root, "is a file, not a folder")
    found: list[str] = []
    stack = [str(root)]
    while stack:  # os.scandir: the file type comes with the listing, no stat per file on most systems
        top = stack.pop()
        try:
            with os.scandir(top) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif is_image_path(entry.name) and entry.is_file():
                            found.append(entry.path)
                    except OSError:
                        continue
        except OSError:
            continue
    found.sort(key=str.lower)
    files = tuple(Path(p) for p in found)
    parts = [p.relative_to(root).parts for p in files]
    in_classes = bool(files) and all(len(part) > 1 for part in parts)
    labels = tuple(part[0] if in_classes else None for part in parts)
    return Collection(root, files, labels)


def match_label(name: str, class_names: Sequence[str]) -> int | None:
    """The class a folder name means: its index (``"281"``), or any of its comma-separated names, in any case,
    with ``_`` or ``-`` for spaces (``"tabby"``, ``"Golden_Retriever"``); None when it names none."""
    text = name.strip()
    if text.isdigit():
        index = int(text)
        return index if index < len(class_names) else None
    wanted = _squash(text)
    if not wanted:
        return None
    for index, names in _class_names(tuple(class_names)).items():
        if wanted in names:
            return index
    return None


def _squash(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


_NAME_TABLES: dict[tuple[str, ...], dict[int, frozenset[str]]] = {}


def _class_names(class_names: tuple[str, ...]) -> dict[int, frozenset[str]]:
    table = _NAME_TABLES.get(class_names)
    if table is None:
        table = {i: frozenset(_squash(n) for n in names.split(",")) for i, names in enumerate(class_names)}
        _NAME_TABLES[class_names] = table
    return table


# -- classifying and embedding ---------------------------------------------------------------------------------


def process(files: Sequence[str | Path], model: LoadedModel, store: Store | None, *, top_k: int = 5,
            batch_size: int = 16, cancel: Callable[[], None] | None = None,
            progress: Callable[[int, int], None] | None = None, workers: int = 2) -> Iterator[list[Record]]:
    """Classify and embed ``files`` in one pass, yielding batches of records in file order as they are ready.

    Records already in ``store`` come first, without running the model; the others are computed through the
    fast machinery of :func:`vislab.core.batch.run_files` (draft JPEG decoding, reading on threads, ONNX
    Runtime when the fast path serves), and each computed batch is written to the store in one transaction
    before it is yielded. ``cancel()`` is called between batches: when it raises :class:`Cancelled` the work
    stops there (what was stored stays, and a rerun resumes). An unreadable file is a record with ``error`` set,
    never an exception. ``progress(done, total)`` follows each batch.
    """
    paths = [Path(f) for f in files]
    key = model_key(model) if store is not None else ""
    ids: dict[Path, FileId] = store.identify(paths) if store is not None else identify(paths)
    stored = store.fetch(key, ids) if store is not None else {}
    k = max(1, min(int(top_k), len(model.labels)))
    ready = [stored[p] for p in paths if p in stored and len(stored[p].indices) >= k and stored[p].vector is not None]
    counter = _Progress(len(paths), progress)
    for start in range(0, len(ready), STORED_BATCH):
        yield counter.add([_trimmed(r, k) for r in ready[start:start + STORED_BATCH]])
    ready_paths = {r.path for r in ready}
    todo = [p for p in paths if p not in ready_paths]
    if todo:
        yield from _compute(todo, ids, model, store, key, k, batch_size, cancel, counter, workers)


class _Progress:
    def __init__(self, total: int, report: Callable[[int, int], None] | None) -> None:
        self.done, self.total, self.report = 0, total, report

    def add(self, batch: list[Record]) -> list[Record]:
        self.done += len(batch)
        if self.report is not None:
            self.report(self.done, self.total)
        return batch


def _compute(todo: list[Path], ids: dict[Path, FileId], model: LoadedModel, store: Store | None, key: str, k: int,
             batch_size: int, cancel: Callable[[], None] | None, counter: _Progress,
             workers: int) -> Iterator[list[Record]]:
    """The records of files the store did not hold, a batch at a time, each stored before it is yielded."""
    def answer(probs, embedding) -> tuple[list[int], list[float], float, np.ndarray]:
        probs = np.asarray(probs, dtype=np.float32)  # a torch tensor or, on the torch-free path, an array
        indices = np.argsort(-probs, kind="stable")[:k]
        p = np.clip(probs.astype(np.float64), 1e-30, None)
        # Rounded to float16 as the store keeps it, so that a result reads the same computed or reopened.
        vector = np.asarray(embedding, dtype=np.float32).astype(np.float16).astype(np.float32)
        return indices.tolist(), probs[indices].tolist(), float(-(p * np.log(p)).sum()), vector

    def finish(batch: list[Record]) -> list[Record]:
        if store is not None:
            store.put(key, batch, model.spec.id, source=model.weights)
        return counter.add(batch)

    if cancel is not None:
        cancel()
    if hasattr(model, "run_files"):  # the torch-free model reads and runs files itself
        outputs = model.run_files(todo, answer, batch_size, workers=workers)
    else:
        from .batch import run_files

        outputs = run_files(model, todo, answer, batch_size, workers=workers)
    batch: list[Record] = []
    try:
        for path, out in outputs:
            batch.append(_record(path, ids.get(path), out))
            if len(batch) == batch_size:
                yield finish(batch)
                batch = []
                if cancel is not None and counter.done < counter.total:
                    cancel()
        if batch:
            yield finish(batch)
    finally:
        outputs.close()


def _trimmed(record: Record, k: int) -> Record:
    if len(record.indices) == k:
        return record
    return Record(record.path, record.digest, record.size, record.mtime, record.indices[:k],
                  record.probabilities[:k], record.vector, record.error, record.full_entropy)


def _record(path: Path, fid: FileId | None, out) -> Record:
    if isinstance(out, VislabError):
        return Record(path, fid.digest if fid else "", fid.size if fid else 0, fid.mtime_ns / 1e9 if fid else 0.0,
                      error=str(out))
    indices, probabilities, entropy, vector = out
    if fid is None:  # read as an image, yet not identified: it changed or vanished meanwhile
        return Record(path, "", 0, 0.0, error=f"{path}: changed or vanished while it was read")
    return Record(path, fid.digest, fid.size, fid.mtime_ns / 1e9, tuple(indices), tuple(probabilities), vector,
                  None, entropy)


def cancel_from(event) -> Callable[[], None]:
    """A ``cancel`` callable for :func:`process` from a :class:`threading.Event`."""
    def check() -> None:
        if event.is_set():
            raise CollectionCancelled("classifying the collection was stopped")

    return check


def query_vector(model: LoadedModel, path: str | Path) -> np.ndarray:
    """The L2-normalised feature vector of one photo (a query from outside the collection).

    Raises:
        ImageReadError: naming the file and the reason.
    """
    vector = model.embed(model.read(path)).astype(np.float32)
    return _normalised(vector)


# -- vectors --------------------------------------------------------------------------------------------------


def vectors(records: Sequence[Record]) -> np.ndarray:
    """The records' feature vectors as an ``(n, d)`` float32 matrix with L2-normalised rows (zero rows for the
    records without one)."""
    dims = {r.vector.shape[-1] for r in records if r.vector is not None}
    if len(dims) > 1:
        raise OptionError(f"the records hold vectors of different lengths ({sorted(dims)}): they come from "
                          "different models")
    d = dims.pop() if dims else 0
    matrix = np.zeros((len(records), d), dtype=np.float32)
    for i, r in enumerate(records):
        if r.vector is not None:
            matrix[i] = r.vector
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix


def _normalised(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32).ravel()
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """The cosine similarity of two vectors (0 when either is zero): 1 for the same direction."""
    a = np.asarray(a, dtype=np.float64).ravel()
    b = np.asarray(b, dtype=np.float64).ravel()
    norms = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.clip(a @ b / norms, -1.0, 1.0)) if norms > 0 else 0.0


def similar(matrix: np.ndarray, query: np.ndarray, k: int = 8, exclude: int | None = None) -> list[tuple[int, float]]:
    """The ``k`` rows of ``matrix`` (L2-normalised, from :func:`vectors`) most like ``query``, by cosine, best
    first, as ``(row, similarity)``; zero rows (records without a vector) and ``exclude`` are left out."""
    n = matrix.shape[0]
    if n == 0 or k < 1:
        return []
    q = _normalised(query)
    if q.shape[0] != matrix.shape[1]:
        raise OptionError(f"the query vector has {q.shape[0]} dimensions and the collection's {matrix.shape[1]}: "
                          "they come from different models")
    if not q.any():
        return []  # a query without a vector is like nothing
    scores = matrix @ q
    if exclude is not None and 0 <= exclude < n:
        scores[exclude] = -np.inf
    zero = np.flatnonzero(scores == 0)
    if zero.size:  # exactly 0: usually a row without a vector
        scores[zero[~matrix[zero].any(axis=1)]] = -np.inf
    k = min(k, n)
    top = np.argpartition(-scores, k - 1)[:k] if k < n else np.arange(n)
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(i), float(min(1.0, scores[i]))) for i in top if np.isfinite(scores[i])]


def layout(matrix: np.ndarray, method: str = "pca", *, seed: int = 0,
           cancel: Callable[[], None] | None = None) -> np.ndarray:
    """The rows of ``matrix`` laid out in 2-D: ``pca`` (scikit-learn PCA, at once) or ``tsne`` (scikit-learn
    t-SNE on cosine distances, initialised from PCA; seconds for thousands of rows). ``cancel()`` is called
    before and after the slow part."""
    if method not in LAYOUTS:
        raise OptionError(f"unknown layout {method!r}; choose one of {', '.join(LAYOUTS)}")
    n = matrix.shape[0]
    out = np.zeros((n, 2), dtype=np.float32)
    if n < 2 or matrix.shape[1] < 2:
        return out
    if cancel is not None:
        cancel()
    if method == "tsne" and n > 3:
        from sklearn.manifold import TSNE

        tsne = TSNE(n_components=2, perplexity=min(30.0, (n - 1) / 3), init="pca", metric="cosine",
                    random_state=seed)
        out[:] = tsne.fit_transform(matrix.astype(np.float32))
    else:
        from sklearn.decomposition import PCA

        components = min(2, n, matrix.shape[1])
        out[:, :components] = PCA(n_components=components, random_state=seed).fit_transform(matrix)
    if cancel is not None:
        cancel()
    return out


def _blocks(matrix: np.ndarray, size: int = 1024) -> Iterator[tuple[int, np.ndarray]]:
    """``(start, similarities of rows start.. to every row)`` in blocks, so that 10,000 rows never make a
    10,000 x 10,000 matrix at once."""
    for start in range(0, matrix.shape[0], size):
        yield start, matrix[start:start + size] @ matrix.T


def duplicates(matrix: np.ndarray, threshold: float = 0.95) -> list[tuple[int, int, float]]:
    """Pairs of rows ``(i, j, similarity)`` with ``i < j`` and cosine at least ``threshold``, most alike first."""
    pairs: list[tuple[int, int, float]] = []
    empty = ~matrix.any(axis=1) if matrix.size else np.ones(matrix.shape[0], bool)
    size = 1024
    for start in range(0, matrix.shape[0], size):
        block = matrix[start:start + size] @ matrix[start:].T  # each pair once: the upper triangle only
        rows, cols = np.nonzero(block >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i, j = start + r, start + c
            if i < j and not empty[i] and not empty[j]:
                pairs.append((i, j, float(min(1.0, block[r, c]))))
    pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
    return pairs


def outlier_scores(matrix: np.ndarray, k: int = 5) -> np.ndarray:
    """How unusual each row is: 1 minus its mean cosine to its ``k`` nearest other rows (higher is more
    unusual); NaN for zero rows (no vector) and when there is no other row."""
    n = matrix.shape[0]
    scores = np.full(n, np.nan, dtype=np.float32)
    if n < 2 or matrix.shape[1] == 0:
        return scores
    empty = ~matrix.any(axis=1)
    k = max(1, min(k, n - 1 - int(empty.sum())))
    for start, block in _blocks(matrix):
        block[:, empty] = -np.inf
        block[np.arange(block.shape[0]), np.arange(start, start + block.shape[0])] = -np.inf
        nearest = -np.partition(-block, k - 1, axis=1)[:, :k]
        with np.errstate(invalid="ignore"):
            scores[start:start + block.shape[0]] = 1.0 - nearest.mean(axis=1)
    scores[empty] = np.nan
    scores[~np.isfinite(scores)] = np.nan
    return scores


# -- evaluation -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    """How the model does on a labelled folder.

    Attributes:
        classes: the folder labels that name an ImageNet class, in file order.
        class_indices: the ImageNet class each of ``classes`` names.
        confusion: rows: true label in ``classes`` order; columns: the predicted class, the same classes and
            then "other" (a prediction outside the folder's classes).
        accuracy, top5_accuracy: over the classified images whose label names a class (None when none does).
        per_class: ``{label: {"n", "accuracy"}}``.
        unlabelled: the images without a label, or whose label names no ImageNet class.
        errors: ``{"image", "error"}`` for each image that could not be classified.
        unmatched: the folder labels that name no ImageNet class.
    """

    classes: list[str]
    class_indices: list[int]
    confusion: list[list[int]]
    accuracy: float | None
    top5_accuracy: float | None
    per_class: dict[str, dict]
    unlabelled: list[str]
    errors: list[dict]
    unmatched: list[str] = field(default_factory=list)
    cells: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def columns(self) -> list[str]:
        """The confusion matrix's column names: the classes, then "other"."""
        return [*self.classes, "other"]

    def members(self, row: int, col: int) -> list[int]:
        """Indices (into the evaluated records) of the images in one cell of :attr:`confusion`."""
        return list(self.cells.get((row, col), ()))

    def to_dict(self, model_id: str, images: int) -> dict:
        """The shape ``vislab evaluate --json`` prints."""
        return {"model": model_id, "images": images, "accuracy": self.accuracy, "top5_accuracy": self.top5_accuracy,
                "per_class": self.per_class, "classes": self.classes, "confusion": self.confusion,
                "unlabelled": self.unlabelled, "errors": self.errors}


def evaluate(records: Sequence[Record], labels: Sequence[str | None], class_names: Sequence[str]) -> Evaluation:
    """Accuracy, top-5 accuracy, per-class accuracy and the confusion matrix of ``records`` against their folder
    ``labels`` (one per record), matching each label to an ImageNet class with :func:`match_label`."""
    if len(records) != len(labels):
        raise OptionError(f"{len(records)} records and {len(labels)} labels: give one label per record")
    matched: dict[str, int | None] = {}
    for label in labels:
        if label is not None and label not in matched:
            matched[label] = match_label(label, class_names)
    classes = [label for label, index in matched.items() if index is not None]
    class_indices = [matched[label] for label in classes]
    row_of = {label: i for i, label in enumerate(classes)}
    column_of: dict[int, int] = {}
    for i, index in enumerate(class_indices):
        column_of.setdefault(index, i)
    other = len(classes)
    confusion = [[0] * (len(classes) + 1) for _ in classes]
    cells: dict[tuple[int, int], list[int]] = {}
    hits = {label: [0, 0] for label in classes}  # n, correct
    top1 = top5 = counted = 0
    unlabelled, errors = [], []
    for i, (record, label) in enumerate(zip(records, labels, strict=True)):
        if record.error is not None or not record.indices:
            errors.append({"image": str(record.path), "error": record.error or f"{record.path}: no result"})
            continue
        if label is None or matched.get(label) is None:
            unlabelled.append(str(record.path))
            continue
        row, truth = row_of[label], matched[label]
        col = column_of.get(record.indices[0], other)
        confusion[row][col] += 1
        cells.setdefault((row, col), []).append(i)
        counted += 1
        hits[label][0] += 1
        if record.indices[0] == truth:
            top1 += 1
            hits[label][1] += 1
        if truth in record.indices[:5]:
            top5 += 1
    per_class = {label: {"n": n, "accuracy": (c / n if n else None)} for label, (n, c) in hits.items()}
    return Evaluation(classes, class_indices, confusion, top1 / counted if counted else None,
                      top5 / counted if counted else None, per_class, unlabelled, errors,
                      [label for label, index in matched.items() if index is None],
                      {cell: tuple(members) for cell, members in cells.items()})


def confusion_figure(evaluation: Evaluation, *, title: str | None = None) -> Figure:
    """The confusion matrix as a matplotlib figure (no pyplot: an Agg canvas, or the window's Qt canvas)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows, cols = evaluation.classes, evaluation.columns
    side = max(4.0, 0.45 * len(cols) + 2.5)
    figure = Figure(figsize=(side, max(3.5, 0.45 * len(rows) + 2.2)), layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    data = np.asarray(evaluation.confusion, dtype=float).reshape(len(rows), len(cols))
    totals = data.sum(axis=1, keepdims=True)
    shares = np.divide(data, totals, out=np.zeros_like(data), where=totals > 0)
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for r in range(len(rows)):
        for c in range(len(cols)):
            if data[r, c]:
                ax.text(c, r, f"{int(data[r, c])}", ha="center", va="center",
                        color="white" if shares[r, c] > 0.5 else "black", fontsize=8)
    ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)), rows, fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true label (folder)")
    accuracy = evaluation.accuracy
    ax.set_title(title or ("confusion matrix" + (f" — accuracy {100 * accuracy:.1f} %" if accuracy is not None
                                                 else "")), fontsize=10)
    figure.colorbar(image, ax=ax, label="share of the row")
    return figure


def map_figure(points: np.ndarray, groups: Sequence[str | None] | None = None, *, title: str = "") -> Figure:
    """A 2-D layout (:func:`layout`) as a scatter plot, coloured by ``groups`` (labels or predicted classes)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 5), layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    names = list(dict.fromkeys(g for g in (groups or []) if g is not None))
    if not names:
        ax.scatter(points[:, 0], points[:, 1], s=12)
    else:
        for name in names[:20]:
            mask = np.array([g == name for g in groups])
            ax.scatter(points[mask, 0], points[mask, 1], s=12, label=name)
        if len(names) <= 20:
            ax.legend(fontsize=7, markerscale=1.5, loc="best")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=10)
    return figure


def finite(value: float | None) -> float | None:
    """``value`` when it is a finite number, else None (for strict JSON)."""
    return value if value is not None and math.isfinite(value) else None

