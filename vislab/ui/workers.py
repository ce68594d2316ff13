"""Running core work off the UI thread, and dropping answers that are no longer wanted.

Every request goes to a *channel* (any hashable: ``("explain", None)``, ``("load", 3)``). A new request on
a channel supersedes the previous one: the old one is asked to stop (cooperatively, through a
``threading.Event`` the core checks) and its answer, if it still comes, is dropped. So a result is never
shown under the wrong image or model, and the window never waits. Answers and failures cross back to the
UI thread as objects: the result, or the exception itself, with the :class:`Job` they belong to.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import VislabError


@dataclass
class Job:
    """What a running task knows about itself: its channel and id, whether to stop, how to report
    progress, and a tag its submitter reads back when the answer comes."""

    channel: Hashable
    id: int
    cancel: threading.Event = field(default_factory=threading.Event)
    report: Callable[[int, int], None] = lambda done, total: None
    tag: Any = None
    #: Says what the task is doing now, in a word the submitter translates (``say("torch")``).
    say: Callable[..., None] = lambda stage, detail="": None
    #: Other work of the same runner was queued or running at some time while this one was: what it timed
    #: competed for the cores.
    shared: bool = False


class _Signals(QObject):
    finished = Signal(object, object)
    failed = Signal(object, object)
    progress = Signal(object, int, int)
    stage = Signal(object, str, str)


class _Task(QRunnable):
    def __init__(self, job: Job, fn: Callable[[Job], Any], signals: _Signals) -> None:
        super().__init__()
        self.job, self.fn, self.signals = job, fn, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        job = self.job
        try:
            result = self.fn(job)
        except VislabError as exc:
            self.signals.failed.emit(job, exc)
        except Exception as exc:  # a bug, or memory: say so in the window, keep the traceback for the log
            traceback.print_exc()
            self.signals.failed.emit(job, exc)
        else:
            self.signals.finished.emit(job, result)


class Runner(QObject):
    """Runs functions on a thread pool, one current request per channel.

    Signals:
        done(job, result): the current request of ``job.channel`` finished.
        failed(job, error): it raised ``error`` (the exception object).
        progress(job, done, total): it reported progress.
        stage(job, stage, detail): it said what it is doing now (:attr:`Job.say`).
        busy(bool): whether anything is running.
    """

    done = Signal(object, object)
    failed = Signal(object, object)
    progress = Signal(object, int, int)
    stage = Signal(object, str, str)
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._signals.stage.connect(self._on_stage)
        self._current: dict[Hashable, Job] = {}
        self._active: dict[int, Job] = {}  # submitted and not finished, superseded ones included
        self._running = 0
        self._next_id = 0

    def submit(self, channel: Hashable, fn: Callable[[Job], Any], priority: int = 0, tag: Any = None) -> Job:
        """Run ``fn(job)`` on a worker as the new current request of ``channel``; queued work with a
        higher ``priority`` starts first."""
        self.cancel(channel)
        self._next_id += 1
        job = Job(channel, self._next_id, tag=tag)
        signals = self._signals
        job.report = lambda done, total: signals.progress.emit(job, int(done), int(total))
        job.say = lambda stage, detail="": signals.stage.emit(job, str(stage), str(detail))
        if self._active:  # they share the cores from now on
            job.shared = True
            for other in self._active.values():
                other.shared = True
        self._active[job.id] = job
        self._current[channel] = job
        self._running += 1
        if self._running == 1:
            self.busy.emit(True)
        self.pool.start(_Task(job, fn, self._signals), priority)
        return job

    def cancel(self, channel: Hashable) -> Job | None:
        """Ask the current request of ``channel`` to stop; its answer will be dropped. Returns it."""
        job = self._current.pop(channel, None)
        if job is not None:
            job.cancel.set()
        return job

    def cancel_matching(self, match: Callable[[Job], bool]) -> list[Job]:
        """Cancel every current request for which ``match(job)`` is true; returns them."""
        return [self.cancel(job.channel) for job in list(self._current.values()) if match(job)]

    def cancel_all(self) -> None:
        for channel in list(self._current):
            self.cancel(channel)

    def current(self, channel: Hashable) -> Job | None:
        return self._current.get(channel)

    def idle(self) -> bool:
        """Whether nothing submitted here is queued or running."""
        return self._running == 0

    def is_current(self, job: Job) -> bool:
        return self._current.get(job.channel) is job

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (for tests and shutdown)."""
        return self.pool.waitForDone(msecs)

    def _finish(self, job: Job) -> bool:
        self._active.pop(job.id, None)
        self._running -= 1
        if self._running == 0:
            self.busy.emit(False)
        if not self.is_current(job):
            return False
        del self._current[job.channel]
        return True

    def _on_finished(self, job: Job, result: object) -> None:
        if self._finish(job):
            self.done.emit(job, result)

    def _on_failed(self, job: Job, error: object) -> None:
        if self._finish(job):
            self.failed.emit(job, error)

    def _on_progress(self, job: Job, done: int, total: int) -> None:
        if self.is_current(job):
            self.progress.emit(job, done, total)

    def _on_stage(self, job: Job, stage: str, detail: str) -> None:
        if self.is_current(job):
            self.stage.emit(job, stage, detail)
