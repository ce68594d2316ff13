"""Result files: one Parquet row per photo with its top-k answer and feature vector, as a cluster run writes
them (``vislab classify FOLDER --ray --out DIR``) and as :func:`import_results` reads them into the
collection store, so that the window and ``vislab similar`` answer from them without running the model.

A row is one file under one model: ``path`` (as the worker saw it), ``digest`` (the store's content hash),
``size``, ``mtime_ns``, ``model`` (catalog id), ``model_key`` (the store's key: id, weights hash, pipeline),
``weights`` (the weights' hash alone), ``source`` (where the weights came from: ``bundled``, ``pretrained``,
``random`` or a file's path, as :attr:`LoadedModel.weights <vislab.core.model.LoadedModel.weights>` says),
``indices``, ``labels`` and ``probabilities`` (top-k, best first),
``entropy`` (of the whole distribution, nats), ``vector`` (the pre-logits feature vector, float16 precision as
the store keeps it) and ``error`` (one line naming the file and the reason, else null; an unreadable file is a
row with an error, never a failed job). PyArrow comes with the ``cluster`` extra (``pip install
vislab[cluster]``); without it these functions raise a :class:`ResultsError` that says so.

Reading: :func:`files` finds a folder's result files, :func:`total_rows` counts their rows from the footers,
:func:`read_groups` yields their rows as records per file and model (with the weights' source and the class names
the rows carry), :func:`import_results` stores them (the store records each key's source and each file's size and
mtime, so that later commands neither load the model nor hash those files again), and :func:`local_collection`
makes the imported photos that are on this computer a collection for the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ResultsError
from .store import Record

if TYPE_CHECKING:
    from .collection import Collection
    from .store import Store

#: The columns of a result file, in order.
COLUMNS = ("path", "digest", "size", "mtime_ns", "model", "model_key", "weights", "source", "indices", "labels",
           "probabilities", "entropy", "vector", "error")
#: The key of the file-level metadata that marks a Parquet file as vislab's, and its layout's version.
MARK = b"vislab.results"
VERSION = "1"


def _arrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ResultsError("reading and writing result files needs PyArrow: pip install 'vislab[cluster]'") from None
    return pa, pq


def schema():
    """The Arrow schema of a result file (with vislab's mark in its metadata)."""
    pa, _ = _arrow()
    return pa.schema([
        ("path", pa.string()), ("digest", pa.string()), ("size", pa.int64()), ("mtime_ns", pa.int64()),
        ("model", pa.string()), ("model_key", pa.string()), ("weights", pa.string()), ("source", pa.string()),
        ("indices", pa.list_(pa.int32())), ("labels", pa.list_(pa.string())),
        ("probabilities", pa.list_(pa.float32())), ("entropy", pa.float64()), ("vector", pa.list_(pa.float32())),
        ("error", pa.string()),
    ], metadata={MARK: VERSION.encode()})


def weights_hash(key: str) -> str:
    """The weights' hash inside a store key (``id|weights=HASH|pipeline=...``), or "" when it has none."""
    for part in key.split("|"):
        if part.startswith("weights="):
            return part[len("weights="):]
    return ""


def rows(records: Sequence[Record], model_id: str, key: str, labels: Sequence[str],
         source: str = "") -> dict[str, list[Any]]:
    """The records as result-file columns (plain lists, one entry per record, in :data:`COLUMNS` order);
    ``source`` is where the weights came from (:attr:`LoadedModel.weights`)."""
    weights = weights_hash(key)
    out: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for r in records:
        ok = r.error is None and bool(r.indices)
        values = (str(r.path), r.digest, int(r.size), round(r.mtime * 1e9), model_id, key, weights, source,
                  [int(i) for i in r.indices] if ok else [], [labels[i] for i in r.indices] if ok else [],
                  [float(p) for p in r.probabilities] if ok else [],
                  r.full_entropy if ok and r.full_entropy is not None and np.isfinite(r.full_entropy) else None,
                  None if not ok or r.vector is None else np.asarray(r.vector, dtype=np.float32).tolist(),
                  None if ok else (r.error or f"{r.path}: no answer"))
        for name, value in zip(COLUMNS, values, strict=True):
            out[name].append(value)
    return out


def table(columns: dict[str, list[Any]]):
    """A :func:`rows` result as an Arrow table with the result-file schema."""
    pa, _ = _arrow()
    return pa.Table.from_pydict(columns, schema=schema())


def write(path: str | Path, records: Sequence[Record], model_id: str, key: str, labels: Sequence[str],
          source: str = "") -> Path:
    """Write one result file (what a cluster run writes, in one piece: for tests and small runs)."""
    _, pq = _arrow()
    path = Path(path)
    pq.write_table(table(rows(records, model_id, key, labels, source)), path)
    return path


def files(folder: str | Path) -> list[Path]:
    """The Parquet files of a result folder (or the one file named), in name order.

    Raises:
        ResultsError: it does not exist, or holds no Parquet file.
    """
    folder = Path(folder).expanduser()
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise ResultsError(f"{folder}: no such folder of result files")
    found = sorted(p for p in folder.rglob("*.parquet") if p.is_file())
    if not found:
        raise ResultsError(f"{folder}: holds no result files (.parquet); write them with "
                           "'vislab classify FOLDER --ray --out DIR'")
    return found


@dataclass
class ImportSummary:
    """What :func:`import_results` read: how many rows, stored answers and errors, under which models.

    Attributes:
        rows, stored: the rows read, and those stored as answers (the others are errors).
        errors: each error row's message.
        models: store key -> catalog id.
        sources: store key -> where its weights came from (the ``source`` column; "" when not given).
        class_names: store key -> {class index: name}, the names the rows' top-k carried (a model whose
            library is not here still gets its predictions named).
        paths: every row's path, in file order.
        files: the result files read.
        counts: store key -> the answers stored under it.
        failed: an error row's path -> its message.
    """

    rows: int = 0
    stored: int = 0
    errors: list[str] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)  # store key -> catalog id
    paths: list[Path] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    class_names: dict[str, dict[int, str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)

    @property
    def main_key(self) -> str | None:
        """The key with the most stored answers (the one to show when the results hold several models)."""
        return max(self.counts, key=lambda k: (self.counts[k], k)) if self.counts else None

    def to_dict(self, store: str | Path | None = None) -> dict:
        """The shape ``vislab import-results --json`` prints."""
        return {"rows": self.rows, "stored": self.stored, "errors": len(self.errors),
                "models": [{"key": key, "model": model, "source": self.sources.get(key, "")}
                           for key, model in self.models.items()],
                "files": [str(f) for f in self.files], "store": None if store is None else str(store)}


@dataclass
class Group:
    """Rows of one result file under one model, as :func:`read_groups` yields them."""

    file: Path
    key: str
    model_id: str
    source: str
    records: list[Record]
    class_names: dict[int, str]


def total_rows(folder: str | Path) -> int:
    """How many rows a result folder holds, from the files' footers alone (0 for a file that cannot be read:
    :func:`read` says why)."""
    pa, pq = _arrow()
    total = 0
    for path in files(folder):
        try:
            total += pq.ParquetFile(path).metadata.num_rows
        except (OSError, pa.ArrowException):
            continue
    return total


def read(folder: str | Path, batch_rows: int = 4096) -> Iterator[tuple[str, str, list[Record]]]:
    """``(model_key, model_id, records)`` batches of a result folder's rows (an error row is a record with
    ``error`` set).

    Raises:
        ResultsError: a file is not a vislab result file or cannot be read (named, with the reason).
    """
    for group in read_groups(folder, batch_rows):
        yield group.key, group.model_id, group.records


def read_groups(folder: str | Path, batch_rows: int = 4096) -> Iterator[Group]:
    """The rows of a result folder in :class:`Group` batches, with where the weights came from and the class
    names the rows carry.

    Raises:
        ResultsError: a file is not a vislab result file or cannot be read (named, with the reason).
    """
    pa, pq = _arrow()
    for path in files(folder):
        try:
            handle = pq.ParquetFile(path)
        except (OSError, pa.ArrowException) as exc:
            raise ResultsError(f"{path}: is not a readable Parquet file ({exc})") from None
        metadata = handle.schema_arrow.metadata or {}
        missing = [c for c in COLUMNS if c not in handle.schema_arrow.names]
        if MARK not in metadata and missing:
            raise ResultsError(f"{path}: is not a vislab result file (no {', '.join(missing[:4])} column)")
        if metadata.get(MARK, VERSION.encode()).decode() != VERSION:
            raise ResultsError(f"{path}: was written by another version of vislab (layout "
                               f"{metadata[MARK].decode()!r}, this one reads {VERSION!r})")
        batches = handle.iter_batches(batch_size=batch_rows, columns=list(COLUMNS))
        while True:
            try:
                batch = next(batches, None)
            except (OSError, pa.ArrowException) as exc:
                raise ResultsError(f"{path}: cannot be read ({exc})") from None
            if batch is None:
                break
            yield from _groups(path, batch.to_pydict())


def _groups(path: Path, columns: dict[str, list[Any]]) -> Iterator[Group]:
    groups: dict[tuple[str, str, str], Group] = {}
    for i in range(len(columns["path"])):
        if not columns["path"][i] or not columns["model_key"][i] or not columns["model"][i]:
            raise ResultsError(f"{path}: a row without a path, model or model key ({columns['path'][i]!r}): "
                               "not a result file vislab wrote")
        error = columns["error"][i]
        vector = columns["vector"][i]
        record = Record(Path(columns["path"][i]), columns["digest"][i] or "", int(columns["size"][i] or 0),
                        (columns["mtime_ns"][i] or 0) / 1e9,
                        () if error else tuple(columns["indices"][i] or ()),
                        () if error else tuple(columns["probabilities"][i] or ()),
                        None if error or vector is None else np.asarray(vector, dtype=np.float32),
                        error, None if error else columns["entropy"][i])
        ident = (columns["model_key"][i], columns["model"][i], columns["source"][i] or "")
        group = groups.get(ident)
        if group is None:
            group = groups[ident] = Group(path, *ident, [], {})
        group.records.append(record)
        if not error:
            group.class_names.update(zip(record.indices, columns["labels"][i] or (), strict=False))
    yield from groups.values()


def import_results(folder: str | Path, store: Store, *, progress: Callable[[int], None] | None = None,
                   cancel: Callable[[], None] | None = None) -> ImportSummary:
    """Read a result folder into ``store`` (one transaction per batch): afterwards the collection view and the
    commands find these photos' answers without running the model. ``progress(rows_read)`` follows each
    batch; ``cancel()`` is called between batches (what was stored stays).

    Raises:
        ResultsError: the folder holds no readable vislab result files.
        StoreError: the store cannot be written.
    """
    summary = ImportSummary()
    for group in read_groups(folder):
        if cancel is not None:
            cancel()
        records, key = group.records, group.key
        store.put(key, records, group.model_id, source=group.source)
        summary.rows += len(records)
        stored = sum(r.ok and bool(r.digest) for r in records)
        summary.stored += stored
        summary.counts[key] = summary.counts.get(key, 0) + stored
        summary.errors += [r.error for r in records if r.error]
        summary.failed.update((r.path, r.error) for r in records if r.error)
        summary.models[key] = group.model_id
        if group.source:
            summary.sources.setdefault(key, group.source)
        summary.class_names.setdefault(key, {}).update(group.class_names)
        summary.paths += [r.path for r in records]
        if not summary.files or summary.files[-1] != group.file:
            summary.files.append(group.file)
        if progress is not None:
            progress(summary.rows)
    return summary


def local_collection(paths: Sequence[Path]) -> tuple[Collection, list[Path]]:
    """The photos of ``paths`` that are on this computer as a :class:`~vislab.core.collection.Collection`
    (rooted at their common folder, sorted and labelled by their first subfolder as
    :func:`~vislab.core.collection.scan` does), and those that are not (results made on another machine)."""
    import os

    from .collection import Collection

    here, missing = [], []
    for path in dict.fromkeys(Path(p) for p in paths):
        (here if os.path.isfile(path) else missing).append(path)
    here.sort(key=lambda p: str(p).lower())
    if not here:
        return Collection(Path(), (), ()), missing
    root = Path(os.path.commonpath([str(p.parent) for p in here]))
    parts = [p.relative_to(root).parts for p in here]
    in_classes = all(len(part) > 1 for part in parts)
    labels = tuple(part[0] if in_classes else None for part in parts)
    return Collection(root, tuple(here), labels), missing
