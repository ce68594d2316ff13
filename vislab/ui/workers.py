"""Running core work off the UI thread, and dropping answers that are no longer wanted.

Every request goes to a named *channel* (``classify``, ``explain``...). A new request on a channel
supersedes the previous one: the old one is asked to stop (cooperatively, through a
``threading.Event`` the core checks) and its answer, if it still comes, is dropped. So a result is never
shown under the wrong image or model, and the window never waits.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import VislabError


@dataclass
class Job:
    """What a running task knows about itself: its id, whether to stop, and how to report progress."""

    channel: str
    id: int
    cancel: threading.Event = field(default_factory=threading.Event)
    report: Callable[[int, int], None] = lambda done, total: None


class _Signals(QObject):
    finished = Signal(str, int, object)
    failed = Signal(str, int, str)
    progress = Signal(str, int, int, int)


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
            self.signals.failed.emit(job.channel, job.id, str(exc))
        except Exception as exc:  # a bug: say so in the window, keep the traceback for the log
            traceback.print_exc()
            self.signals.failed.emit(job.channel, job.id, f"unexpected error: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(job.channel, job.id, result)


class Runner(QObject):
    """Runs functions on a thread pool, one current request per channel.

    Signals:
        done(channel, result): the current request of ``channel`` finished.
        failed(channel, message): it failed with a user-facing message.
        progress(channel, done, total): it reported progress.
        busy(bool): whether anything is running.
    """

    done = Signal(str, object)
    failed = Signal(str, str)
    progress = Signal(str, int, int)
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._current: dict[str, Job] = {}
        self._running = 0
        self._next_id = 0

    def submit(self, channel: str, fn: Callable[[Job], Any], priority: int = 0) -> Job:
        """Run ``fn(job)`` on a worker as the new current request of ``channel``; queued work with a
        higher ``priority`` starts first."""
        self.cancel(channel)
        self._next_id += 1
        job = Job(channel, self._next_id)
        signals = self._signals
        job.report = lambda done, total: signals.progress.emit(channel, job.id, int(done), int(total))
        self._current[channel] = job
        self._running += 1
        if self._running == 1:
            self.busy.emit(True)
        self.pool.start(_Task(job, fn, self._signals), priority)
        return job

    def cancel(self, channel: str) -> None:
        """Ask the current request of ``channel`` to stop; its answer will be dropped."""
        job = self._current.pop(channel, None)
        if job is not None:
            job.cancel.set()

    def cancel_all(self) -> None:
        for channel in list(self._current):
            self.cancel(channel)

    def is_current(self, channel: str, job_id: int) -> bool:
        job = self._current.get(channel)
        return job is not None and job.id == job_id

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (for tests and shutdown)."""
        return self.pool.waitForDone(msecs)

    def _finish(self, channel: str, job_id: int) -> bool:
        self._running -= 1
        if self._running == 0:
            self.busy.emit(False)
        if not self.is_current(channel, job_id):
            return False
        del self._current[channel]
        return True

    def _on_finished(self, channel: str, job_id: int, result: object) -> None:
        if self._finish(channel, job_id):
            self.done.emit(channel, result)

    def _on_failed(self, channel: str, job_id: int, message: str) -> None:
        if self._finish(channel, job_id):
            self.failed.emit(channel, message)

    def _on_progress(self, channel: str, job_id: int, done: int, total: int) -> None:
        if self.is_current(channel, job_id):
            self.progress.emit(channel, done, total)
