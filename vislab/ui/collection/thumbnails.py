"""Thumbnails for the grid, made on workers only for the rows on screen, and kept (a bounded cache).

The grid asks for a row's thumbnail when it paints it; a row scrolled past before its turn is dropped from
the queue (the newest requests go first: what is on screen now). JPEGs decode at a reduced scale (PIL's
draft mode), so a 12-megapixel photo costs a few milliseconds, not a few hundred.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from ...core.errors import ImageReadError
from ...core.images import fit, read_image
from ..image_strip import error_badge
from ..qt_images import to_qimage

#: The side of a thumbnail, in pixels.
SIDE = 112
#: Thumbnails kept in memory (about 50 KB each: 60 MB at most).
KEEP = 1200
#: Requests waiting at most; older ones were scrolled past and are asked again if they come back.
QUEUE = 400


class _Signals(QObject):
    made = Signal(int, object)  # row, QImage or the reason it failed (str)


class _Worker(QRunnable):
    def __init__(self, loader: ThumbnailLoader) -> None:
        super().__init__()
        self.loader = loader
        self.setAutoDelete(True)

    def run(self) -> None:
        loader = self.loader
        while True:
            row = loader._next()
            if row is None:
                return
            try:
                image = read_image(loader.files[row], min_side=SIDE)
                result: object = to_qimage(square(fit(image, SIDE)))
            except ImageReadError as exc:
                result = exc.reason
            except Exception as exc:  # memory, a decoder's bug: the row says so, the others go on
                result = str(exc) or type(exc).__name__
            if loader._stopped.is_set():
                return
            loader._signals.made.emit(row, result)


class ThumbnailLoader(QObject):
    """Makes and keeps the thumbnails of ``files``.

    Signals:
        updated(first, last): thumbnails of rows in this span arrived (batched, at most every 50 ms).
    """

    updated = Signal(int, int)

    def __init__(self, files: Sequence[Path], threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = tuple(files)
        self.errors: dict[int, str] = {}
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()
        self._queue: deque[int] = deque()
        self._queued: set[int] = set()
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._running = 0
        self._threads = threads
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = _Signals(self)
        self._signals.made.connect(self._on_made)
        self._arrived: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._flush)
        self.placeholder = _placeholder(QColor(128, 128, 128, 40))
        self.broken = _broken()
        self._icons: dict[int, QIcon] = {}  # the cached thumbnails as icons (a view scales an icon to its size)
        self._placeholder_icon, self._broken_icon = QIcon(self.placeholder), QIcon(self.broken)

    def icon(self, row: int) -> QIcon:
        """:meth:`thumbnail` as an icon, which the grid and the table scale to their icon size."""
        icon = self._icons.get(row)
        if icon is not None:
            return icon
        pixmap = self.thumbnail(row)
        if pixmap is self.placeholder:
            return self._placeholder_icon
        if pixmap is self.broken:
            return self._broken_icon
        icon = self._icons[row] = QIcon(pixmap)
        return icon

    def thumbnail(self, row: int) -> QPixmap:
        """The row's thumbnail, or a placeholder while it is made (asking for it)."""
        pixmap = self._cache.get(row)
        if pixmap is not None:
            self._cache.move_to_end(row)
            return pixmap
        if row in self.errors:
            return self.broken
        self.request(row)
        return self.placeholder

    def has(self, row: int) -> bool:
        return row in self._cache

    def pixmap(self, row: int) -> QPixmap | None:
        """The row's thumbnail if it is made, without asking for it."""
        return self._cache.get(row)

    def request(self, row: int) -> None:
        with self._lock:
            if row in self._queued:
                self._queue.remove(row)  # to the front: it is on screen again
            self._queue.append(row)
            self._queued.add(row)
            while len(self._queue) > QUEUE:
                self._queued.discard(self._queue.popleft())
            start = self._running < self._threads
            if start:
                self._running += 1
        if start:
            self.pool.start(_Worker(self))

    def stop(self) -> None:
        """Drop what waits and stop the workers (the window closes)."""
        self._stopped.set()
        with self._lock:
            self._queue.clear()
            self._queued.clear()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def _next(self) -> int | None:
        with self._lock:
            if self._stopped.is_set() or not self._queue:
                self._running -= 1
                return None
            row = self._queue.pop()  # the newest request: what is on screen now
            self._queued.discard(row)
            return row

    def _on_made(self, row: int, result: object) -> None:
        if isinstance(result, QImage):
            self._cache[row] = QPixmap.fromImage(result)
            while len(self._cache) > KEEP:
                self._icons.pop(self._cache.popitem(last=False)[0], None)
        else:
            self.errors[row] = str(result)
        self._arrived.append(row)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if self._arrived:
            first, last = min(self._arrived), max(self._arrived)
            self._arrived = []
            self.updated.emit(first, last)


def square(image: np.ndarray) -> np.ndarray:
    """``image`` centred on a square of the background grey, so the grid lines up."""
    h, w = image.shape[:2]
    side = max(h, w)
    out = np.full((side, side, 3), 236, np.uint8)
    top, left = (side - h) // 2, (side - w) // 2
    out[top:top + h, left:left + w] = image
    return out


def _placeholder(colour: QColor) -> QPixmap:
    pixmap = QPixmap(SIDE, SIDE)
    pixmap.fill(colour)
    return pixmap


def _broken() -> QPixmap:
    return error_badge(_placeholder(QColor(179, 38, 30, 40)))
