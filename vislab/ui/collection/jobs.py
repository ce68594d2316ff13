"""The collection's work on the session's workers: classifying it (batches streamed back as they come),
and the computations over its feature vectors (neighbours, the map, the evaluation).

Everything runs on :attr:`Session.runner <vislab.ui.session.Session.runner>`, so closing the window stops
it like any analysis. A classification hands its batches to a queue the UI thread drains every 100 ms:
the grid and the table take each drain as one ``dataChanged``, never one per photo.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.errors import Cancelled
from ..engine import import_engine
from ..session import Session
from ..workers import Job

#: How often the UI thread takes what a classification sent.
DRAIN_MS = 100


@dataclass
class Rate:
    """Photos per second and the time left, measured over the photos the model ran on (stored results,
    which come at once, would make it look faster than it is)."""

    total: int
    done: int = 0
    computed: int = 0
    started: float = field(default_factory=time.perf_counter)
    first: float | None = None  # when the first computed batch arrived
    since_first: int = 0  # photos computed after that batch

    def add(self, count: int, computed: bool, now: float | None = None) -> None:
        now = time.perf_counter() if now is None else now
        self.done += count
        if computed:
            self.computed += count
            if self.first is None:
                self.first = now
            else:
                self.since_first += count

    def per_second(self, now: float | None = None) -> float | None:
        now = time.perf_counter() if now is None else now
        if self.first is None or self.since_first == 0 or now <= self.first:
            if self.computed and now > self.started:
                return self.computed / (now - self.started)
            return None
        return self.since_first / (now - self.first)

    def seconds_left(self, now: float | None = None) -> float | None:
        rate = self.per_second(now)
        return None if not rate else (self.total - self.done) / rate


def describe_seconds(seconds: float | None) -> str:
    """``1:05`` for 65 s, ``1:02:03`` for an hour and more; ``–`` when unknown."""
    if seconds is None:
        return "–"
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class CollectionJobs(QObject):
    """Runs one collection's work on the session's workers, one current job per name.

    Signals:
        records(list, bool): a batch of records arrived from the classification (True: the model ran on
            them; False: they came from the store).
        classes(tuple, list): the model's class names and each file's label as one of them (or None).
        notice(str): something the person should know (the store's corrupt file set aside).
        finished(str): the classification ended: ``done``, ``cancelled`` or ``failed``.
        failed(object): the classification's error (also sent to the window's message line by the session).
    """

    #: Photos per batch: a cancel takes effect between two, and each is one transaction of the store (8, not
    #: 16: half the activations in memory, and as fast on two cores; bench_collection_view).
    batch_size = 8

    records = Signal(list, bool)
    classes = Signal(tuple, list)
    notice = Signal(str)
    finished = Signal(str)
    failed = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.running = False
        self._run = 0  # the classification whose batches are taken; a stopped one's stragglers are dropped
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._drain = QTimer(self)
        self._drain.setInterval(DRAIN_MS)
        self._drain.timeout.connect(self.drain)
        runner = session.runner
        runner.done.connect(self._on_done)
        runner.failed.connect(self._on_failed)

    # --- any computation --------------------------------------------------------------------------------------

    def submit(self, name: str, fn: Callable[[Job], Any], done: Callable[[Any], None],
               failed: Callable[[Exception], None] | None = None) -> Job:
        """Run ``fn(job)`` on a worker; ``done(result)`` on the UI thread. A new job of the same ``name``
        supersedes the old one (its answer is dropped)."""
        job = self.session.runner.submit(self._channel(name), fn, tag=("collection", name))
        self._callbacks[job.id] = (done, failed)
        return job

    def cancel(self, name: str) -> None:
        job = self.session.runner.cancel(self._channel(name))
        if job is not None:
            self._callbacks.pop(job.id, None)

    def _channel(self, name: str) -> Hashable:
        return ("collection", id(self), name)

    def _on_done(self, job: Job, result: object) -> None:
        callbacks = self._callbacks.pop(job.id, None) if _ours(job) else None
        if callbacks is not None:
            callbacks[0](result)

    def _on_failed(self, job: Job, error: Exception) -> None:
        callbacks = self._callbacks.pop(job.id, None) if _ours(job) else None
        if callbacks is not None and callbacks[1] is not None:
            callbacks[1](error)

    # --- the classification -------------------------------------------------------------------------------------

    def classify(self, files: Sequence[Path], labels: Sequence[str | None], choices) -> None:
        """Classify and embed ``files`` with the chosen model, filling the store; what the store holds for
        this model comes back at once, the rest batch by batch."""
        files, labels = tuple(files), tuple(labels)
        model_id, weights, device = choices.model_id, choices.weights, choices.device
        batch_size = self.batch_size

        def work(job: Job, sink: Callable[..., None]) -> str:
            engine = import_engine()
            from ...core import collection as core
            from ...core.store import model_key

            model = engine.models().get(model_id, weights=weights, device=device, cancel=job.cancel)
            store = _classes_and_store(sink, tuple(model.labels), labels)
            try:
                stored = len(store.lookup(model_key(model), files))  # they come first, without the model
                for batch in core.process(files, model, store, top_k=5, batch_size=batch_size,
                                          cancel=core.cancel_from(job.cancel)):
                    computed = stored <= 0
                    stored -= len(batch)
                    sink("records", batch, computed)
            finally:
                store.close()
            return "done"

        self._stream(work)

    def show_stored(self, files: Sequence[Path], labels: Sequence[str | None], stored) -> None:
        """Show what the store holds for ``files`` under ``stored.key`` (imported results,
        :class:`~.results.StoredResults`), without loading the model: its class names come from its library (or
        from the names the results carried), a file's error row is its record, a file without either stays
        to be classified. It streams back as :meth:`classify` does (``records`` with computed False)."""
        files, labels = tuple(files), tuple(labels)

        def work(job: Job, sink: Callable[..., None]) -> str:
            from ...core import collection as core
            from ...core.store import Record

            store = _classes_and_store(sink, stored_class_names(stored.model_id, stored.class_names), labels)
            try:
                found = store.fetch(stored.key, store.identify(files))  # the import remembered their size and mtime
            finally:
                store.close()
            records = [found.get(p) or (Record(p, "", 0, 0.0, error=stored.failed[p]) if p in stored.failed else None)
                       for p in files]
            batch = [r for r in records if r is not None]
            for start in range(0, len(batch), core.STORED_BATCH):
                if job.cancel.is_set():
                    raise Cancelled("showing the results was stopped")
                sink("records", batch[start:start + core.STORED_BATCH], False)
            return "done"

        self._stream(work)

    def _stream(self, work: Callable[[Job, Callable[..., None]], str]) -> None:
        """Run ``work(job, sink)`` as this view's classification: what it sinks reaches :meth:`drain`, tagged
        with this run (a stopped run's late items are dropped there)."""
        self._run += 1
        run, queue_ = self._run, self._queue

        def sink(*item) -> None:
            queue_.put((run, *item))

        self.running = True
        self._drain.start()
        self.submit("classify", lambda job: work(job, sink), self._on_classified, self._on_classify_failed)

    def stop(self) -> None:
        """Stop the classification between two batches (what is stored stays)."""
        if self.running:
            self.cancel("classify")
            self.running = False
            self.drain()
            self.finished.emit("cancelled")

    def drain(self) -> None:
        """Hand what the worker sent to the views, one signal per kind (records batched together)."""
        batches: dict[bool, list] = {True: [], False: []}
        while True:
            try:
                run, *item = self._queue.get_nowait()
            except queue.Empty:
                break
            if run != self._run:
                continue  # a stopped run's last batch: stored, and the next run reads it from the store
            if item[0] == "records":
                batches[item[2]].extend(item[1])
            elif item[0] == "classes":
                self.classes.emit(item[1], item[2])
            elif item[0] == "notice":
                self.notice.emit(item[1])
        for computed in (False, True):
            if batches[computed]:
                self.records.emit(batches[computed], computed)
        if not self.running:
            self._drain.stop()

    def _on_classified(self, _result: object) -> None:
        self.running = False
        self.drain()
        self.finished.emit("done")

    def _on_classify_failed(self, error: Exception) -> None:
        self.running = False
        self.drain()
        if isinstance(error, Cancelled):
            self.finished.emit("cancelled")
            return
        self.failed.emit(error)
        self.finished.emit("failed")


def stored_class_names(model_id: str, seen: dict[int, str]) -> tuple[str, ...]:
    """A model's class names from its library (no model is loaded), or, for a model this vislab does not know,
    the names its results carried (``class N`` for the others)."""
    from ...core.catalog import get_spec
    from ...core.errors import VislabError
    from ...core.libraries import library

    try:
        spec = get_spec(model_id)
        return tuple(library(spec).labels(spec))
    except (VislabError, ImportError, OSError):
        count = max(seen, default=-1) + 1
        return tuple(seen.get(i, f"class {i}") for i in range(count))


def _classes_and_store(sink: Callable[..., None], names: tuple[str, ...], labels: Sequence[str | None]):
    """Sink the model's class names and each photo's folder label matched to them, then open the store (its
    notice sunk too, when a damaged file was set aside): the start of a classification's work."""
    from ...core.collection import match_label
    from ...core.store import Store

    matched = {label: match_label(label, names) for label in set(labels) if label is not None}
    sink("classes", names, [matched.get(label) for label in labels])
    store = Store.open()
    if store.notice:
        sink("notice", store.notice)
    return store


def _ours(job: Job) -> bool:
    return isinstance(job.tag, tuple) and len(job.tag) == 2 and job.tag[0] == "collection"
