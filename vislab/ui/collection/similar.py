"""Below the collection: the current image's nearest neighbours by cosine similarity of their feature
vectors (thumbnails with the score), and the comparison of two images under several models."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..i18n import Retranslatable
from .thumbnails import SIDE

#: Neighbours shown.
K = 8
#: Their thumbnails' side.
SMALL = 64


class SimilarRow(Retranslatable, QWidget):
    """The neighbours of the current image, and the comparison of it with one of them.

    Signals:
        compareWith(row): a neighbour was clicked: compare the current image with it.
        chosen(row): a neighbour was double-clicked: make it the current image.
        queryDropped(str): an image file was dropped here: find what looks like it.
    """

    compareWith = Signal(int)
    chosen = Signal(int)
    queryDropped = Signal(str)

    def __init__(self, thumbnail: Callable[[int], QPixmap], names: Callable[[int], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnail, self.names = thumbnail, names
        self.results: list[tuple[int, float]] = []
        self._query = ""
        self._message = ""
        self.setAcceptDrops(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setMaximumWidth(170)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setIconSize(QSize(SMALL, SMALL))
        self.list.setGridSize(QSize(SMALL + 26, SMALL + 22))
        self.list.setFixedHeight(SMALL + 40)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemClicked.connect(lambda item: self.compareWith.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.list.itemDoubleClicked.connect(lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.comparison = QLabel()
        self.comparison.setWordWrap(True)
        self.comparison.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption)
        top.addWidget(self.list, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.comparison)
        self.retranslate()

    def set_query(self, name: str) -> None:
        """Neighbours of ``name`` are on their way."""
        self._query, self._message = name, ""
        self.results = []
        self.list.clear()
        self.comparison.clear()
        self._show_caption()

    def set_message(self, text: str) -> None:
        """Why there are no neighbours (no vectors yet, the current image cannot be read...)."""
        self._message = text
        self.results = []
        self.list.clear()
        self._show_caption()

    def set_results(self, results: Sequence[tuple[int, float]]) -> None:
        """The neighbours: (collection row, cosine similarity), best first."""
        self._message = ""
        self.results = list(results)
        self.list.clear()
        for row, score in self.results:
            item = QListWidgetItem(self._icon(row), f"{score:.3f}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setToolTip(self.tr("{0}\ncosine similarity {1:.3f}\nclick: compare; double-click: show").format(
                self.names(row), score))
            self.list.addItem(item)
        self._show_caption()

    def refresh_thumbnails(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setIcon(self._icon(item.data(Qt.ItemDataRole.UserRole)))

    def _icon(self, row: int):
        pixmap = self.thumbnail(row)
        return pixmap.scaled(SMALL, SMALL, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation) if pixmap.width() == SIDE else pixmap

    def set_comparison(self, a: str, b: str, scores: Sequence[tuple[str, float | None, str]]) -> None:
        """Show the cosine similarity of images ``a`` and ``b`` under each model: (model, score or None,
        why there is none)."""
        parts = []
        for model, score, why in scores:
            value = f"<b>{score:.3f}</b>" if score is not None else escape(why)
            parts.append(f"{escape(model)}: {value}")
        self.comparison.setText(self.tr("{0} and {1}: {2}<br><i>Cosine similarity of the two feature vectors: "
                                        "1 means the model sees the same things, 0 nothing in common. Compare "
                                        "numbers within one model, not across models.</i>").format(
            escape(a), escape(b), " · ".join(parts)))

    def retranslate(self) -> None:
        self.list.setToolTip(self.tr("The most similar images in the collection. Drop an image here to find "
                                     "what looks like it."))
        self._show_caption()

    def _show_caption(self) -> None:
        if self._message:
            self.caption.setText(self._message)
        elif self._query:
            text = self.tr("Similar to {0}:") if self.results else self.tr("Looking for images like {0}…")
            self.caption.setText(text.format(self._query))
        else:
            self.caption.setText(self.tr("Select an image to see the most similar ones."))

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.queryDropped.emit(files[0])
            event.acceptProposedAction()
