"""The window's centre as two modes: the picture, or the Collection view of the folder opened last."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QWidget

from ..session import Session
from .results import ResultsImport

if TYPE_CHECKING:
    from .view import CollectionView


class CollectionMode(QObject):
    """Holds the centre's :attr:`stack` (the picture first) and the Collection view once a folder is open.

    Args:
        session: the window's session.
        picture: the picture's widget (the centre's first mode).
        say: the window's message sink.

    Signals:
        changed(bool): whether the collection is shown now.
    """

    changed = Signal(bool)

    def __init__(self, session: Session, picture: QWidget, say: Callable[..., None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.say = session, say
        self.stack = QStackedWidget()
        self.stack.addWidget(picture)
        self.view: CollectionView | None = None
        self.results = ResultsImport(session, self.open, say, self)  # File ▸ Open results…
        self._picture_sizes: list[int] | None = None  # the window's rows before the collection took more

    def open(self, collection, stored=None) -> CollectionView:
        """Show ``collection`` (what :func:`vislab.core.collection.scan` found) and start classifying it, or,
        given ``stored`` (imported results, :class:`~.results.StoredResults`), show their answers from the store
        without the model; the collection opened before goes."""
        from .view import CollectionView  # when a folder opens: off the window's start-up

        if self.view is not None:
            self.view.stop()
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
        view = self.view = CollectionView(self.session, collection)
        view.backClicked.connect(lambda: self.show(False))
        view.message.connect(self.say)
        self.stack.addWidget(view)
        self.show(True)
        if stored is None:
            view.classify()
        else:
            view.show_stored(stored)
        return view

    @property
    def shown(self) -> bool:
        return self.view is not None and self.stack.currentWidget() is self.view

    def show(self, on: bool) -> None:
        """The collection (when one is open) or the picture."""
        if on and self.view is None:
            # About this mode: the word goes once a collection opens (MainWindow withdraws it).
            self.say(self.tr("No collection is open: open a folder (Ctrl+Shift+O) or drop one on the window."),
                     about=self)
            on = False
        if on != self.shown:
            self._make_room(on)
        self.stack.setCurrentIndex(1 if on else 0)
        self.changed.emit(on)

    def _make_room(self, on: bool) -> None:
        """The collection takes three quarters of the window's height from the panels below it (on a 1280x720
        projector the grid would be one row high); the picture gets its rows back."""
        top = self.stack.parentWidget()
        rows = top.parentWidget() if top is not None else None
        if not isinstance(rows, QSplitter) or rows.orientation() != Qt.Orientation.Vertical or rows.count() != 2:
            return
        sizes = rows.sizes()
        total = sum(sizes)
        if on and total and sizes[1] > 0.28 * total:
            self._picture_sizes = sizes
            rows.setSizes([total - total * 28 // 100, total * 28 // 100])
        elif not on and self._picture_sizes is not None:
            rows.setSizes(self._picture_sizes)
            self._picture_sizes = None

    def toggle(self) -> None:
        self.show(not self.shown)

    def stop(self) -> None:
        """The window closes: stop the collection's work (a thumbnail being made finishes first: its worker must
        not outlive the view it reports to)."""
        if self.view is not None:
            self.view.stop()
            self.view.thumbs.wait(5000)
