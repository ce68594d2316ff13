"""The grid of thumbnails and the table: two views of the same filtered rows, one selection between them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from .model import COLUMN_IDS, LABEL_COLUMNS
from .thumbnails import SIDE


class ThumbnailGrid(QListView):
    """Thumbnails with the file name, virtualised: only the rows on screen are asked for their data (uniform
    item sizes, laid out in batches), so a folder of 10,000 photos opens at once and scrolls smoothly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(400)
        self.setIconSize(QSize(SIDE, SIDE))
        self.setGridSize(QSize(SIDE + 22, SIDE + 34))
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)


class CollectionTable(QTableView):
    """The rows as a sortable table; the label columns show only for a labelled folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No sort column at first: the files' order as found, and no 10,000-row sort while the folder opens.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(28, 28))
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(32)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def setModel(self, model) -> None:
        super().setModel(model)
        for column, width in (("file", 230), ("folder", 100), ("top1", 160), ("probability", 90), ("margin", 70),
                              ("entropy", 70), ("label", 100), ("correct", 64), ("duplicate", 190)):
            self.horizontalHeader().resizeSection(COLUMN_IDS.index(column), width)

    def show_labels(self, labelled: bool) -> None:
        for column in LABEL_COLUMNS:
            self.setColumnHidden(COLUMN_IDS.index(column), not labelled)
