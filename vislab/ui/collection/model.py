"""The rows of a collection, one per file, for the grid, the table and the exports.

:class:`CollectionModel` holds the files of a :class:`~vislab.core.collection.Collection` and, as they
arrive, their :class:`~vislab.core.collection.Record` (prediction, feature vector, error) and the columns
computed from all of them (near-duplicates, outlier scores). :class:`CollectionFilter` sorts and filters it;
the grid (column 0, thumbnails) and the table show the same filtered rows.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

#: The table's columns, by id, with their headers (translated when shown, context ``CollectionModel``).
COLUMNS = (
    ("file", QT_TRANSLATE_NOOP("CollectionModel", "File")),
    ("folder", QT_TRANSLATE_NOOP("CollectionModel", "Folder")),
    ("top1", QT_TRANSLATE_NOOP("CollectionModel", "Top-1")),
    ("probability", QT_TRANSLATE_NOOP("CollectionModel", "Probability")),
    ("margin", QT_TRANSLATE_NOOP("CollectionModel", "Margin")),
    ("entropy", QT_TRANSLATE_NOOP("CollectionModel", "Entropy")),
    ("label", QT_TRANSLATE_NOOP("CollectionModel", "Label")),
    ("correct", QT_TRANSLATE_NOOP("CollectionModel", "Correct")),
    ("duplicate", QT_TRANSLATE_NOOP("CollectionModel", "Near-duplicate of")),
    ("outlier", QT_TRANSLATE_NOOP("CollectionModel", "Unusual")),
)
COLUMN_IDS = tuple(c for c, _ in COLUMNS)
#: Columns shown only for a folder with one subfolder per class.
LABEL_COLUMNS = ("label", "correct")
#: The value each row sorts by (numbers for numbers, None last).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's index in the model (the same through any proxy).
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
WRONG = QColor("#b3261e")
RIGHT = QColor("#1b7a3a")

#: What the filter lets through, by id (labels translated when shown, context ``CollectionView``).
KINDS = (
    ("all", QT_TRANSLATE_NOOP("CollectionView", "All images")),
    ("wrong", QT_TRANSLATE_NOOP("CollectionView", "Wrong only")),
    ("right", QT_TRANSLATE_NOOP("CollectionView", "Right only")),
    ("errors", QT_TRANSLATE_NOOP("CollectionView", "Unreadable")),
    ("pending", QT_TRANSLATE_NOOP("CollectionView", "Not classified yet")),
)


class CollectionModel(QAbstractTableModel):
    """One row per file of a collection.

    Args:
        collection: what :func:`vislab.core.collection.scan` found (``root``, ``files``, ``labels``).
        thumbnail: ``thumbnail(row)`` gives the row's thumbnail (a QIcon) or a placeholder, asking for it
            when it is not made yet (the grid asks only for the rows it shows).
    """

    def __init__(self, collection, thumbnail: Callable[[int], object] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.files: tuple[Path, ...] = tuple(collection.files)
        self.labels: tuple[str | None, ...] = tuple(collection.labels)
        self.labelled = any(label is not None for label in self.labels)
        self.records: list = [None] * len(self.files)
        self.class_names: Sequence[str] = ()
        self.label_index: list[int | None] = [None] * len(self.files)  #: the ImageNet class of each label
        self.duplicates: dict[int, tuple[int, float]] = {}  #: row -> (its closest twin, similarity)
        self.outliers: list[float] | None = None
        self.thumbnail = thumbnail
        self._rows: dict[Path, int] | None = None  # made when first needed, not while the folder opens
        self._root = str(collection.root).rstrip("/\\") + os.sep

    # --- what arrives ---------------------------------------------------------------------------------------

    @property
    def _row_of(self) -> dict[Path, int]:
        if self._rows is None:
            self._rows = {path: row for row, path in enumerate(self.files)}
        return self._rows

    def row_of(self, path: str | Path) -> int | None:
        return self._row_of.get(Path(path))

    def set_class_names(self, names: Sequence[str], label_index: Sequence[int | None]) -> None:
        """The model's class names and each row's label as one of them (None: not an ImageNet class)."""
        self.class_names = tuple(names)
        self.label_index = list(label_index)
        self._changed(0, len(self.files) - 1)

    def add_records(self, records: Sequence) -> None:
        """Take a batch of records; one ``dataChanged`` over the rows they span."""
        rows = []
        for record in records:
            row = self._row_of.get(Path(record.path))
            if row is not None:
                self.records[row] = record
                rows.append(row)
        if rows:
            self._changed(min(rows), max(rows))

    def clear_records(self) -> None:
        """Forget every result (another model was chosen)."""
        self.records = [None] * len(self.files)
        self.duplicates, self.outliers = {}, None
        self._changed(0, len(self.files) - 1)

    def set_neighbours(self, duplicates: Sequence[tuple[int, int, float]], outliers: Sequence[float] | None) -> None:
        """The near-duplicate pairs (rows and similarity) and each row's outlier score."""
        best: dict[int, tuple[int, float]] = {}
        for a, b, score in duplicates:
            for row, other in ((a, b), (b, a)):
                if row not in best or score > best[row][1]:
                    best[row] = (other, float(score))
        self.duplicates = best
        self.outliers = None if outliers is None else [float(v) for v in outliers]
        self._changed(0, len(self.files) - 1)

    def _changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # --- what a row says ------------------------------------------------------------------------------------

    def done(self) -> int:
        return sum(record is not None for record in self.records)

    def correct(self, row: int) -> bool | None:
        """Whether the top-1 class is the row's label; None when unknown (no label, not an ImageNet class,
        not classified, unreadable)."""
        record, truth = self.records[row], self.label_index[row]
        if record is None or record.error or truth is None or not record.indices:
            return None
        return record.top1 == truth

    def top1_name(self, row: int) -> str:
        record = self.records[row]
        if record is None or record.error or not record.indices:
            return ""
        top1 = record.top1
        return self.class_names[top1] if 0 <= top1 < len(self.class_names) else str(top1)

    def value(self, row: int, column: str) -> object:
        """The row's value in ``column``, as the exports write it (None when there is none)."""
        record = self.records[row]
        if column == "file":
            return self.files[row].name
        if column == "folder":
            return _relative_folder(self.files[row], self._root)
        if column == "label":
            return self.labels[row]
        if column == "correct":
            return self.correct(row)
        if column == "duplicate":
            twin = self.duplicates.get(row)
            return None if twin is None else (self.files[twin[0]].name, twin[1])
        if column == "outlier":
            return None if self.outliers is None or record is None or record.error else self.outliers[row]
        if record is None or record.error or not record.indices:
            return None
        if column == "top1":
            return self.top1_name(row)
        return float(getattr(record, column))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.files)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CollectionModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), COLUMN_IDS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == "file" and self.thumbnail is not None:
            return self.thumbnail(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            record, correct = self.records[row], self.correct(row)
            if (record is not None and record.error) or correct is False:
                return WRONG
            if correct and column == "correct":
                return RIGHT
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("probability", "margin", "entropy", "outlier"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, column: str) -> str:
        record = self.records[row]
        if column == "file":
            return ("⚠ " if record is not None and record.error else "") + self.files[row].name
        if column == "top1" and record is not None and record.error:
            return QCoreApplication.translate("CollectionModel", "cannot be read")
        value = self.value(row, column)
        if value is None:
            return ""
        if column == "correct":
            return "✓" if value else "✗"
        if column == "duplicate":
            return f"{value[0]} · {value[1]:.3f}"
        if column == "probability":
            return f"{100 * value:.1f} %"
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    def _sort_value(self, row: int, column: str) -> object:
        """What the row sorts by: numbers as numbers, the missing last (ascending); ``correct`` sorts the
        confidently wrong first when descending (a wrong row's value is its probability, a right one's -1)."""
        if column == "correct":
            correct, record = self.correct(row), self.records[row]
            if correct is None:
                return -2.0
            return -1.0 if correct else float(record.probability)
        if column == "duplicate":
            twin = self.duplicates.get(row)
            return -1.0 if twin is None else twin[1]
        value = self.value(row, column)
        if value is None:
            return -math.inf if column in ("probability", "margin", "entropy", "outlier") else ""
        return value.lower() if isinstance(value, str) else value

    def _tooltip(self, row: int) -> str:
        record = self.records[row]
        lines = [str(self.files[row])]
        if record is None:
            lines.append(QCoreApplication.translate("CollectionModel", "not classified yet"))
        elif record.error:
            lines.append(record.error)
        elif record.indices:
            lines.append(f"{self.top1_name(row)} · {100 * record.probability:.1f} %")
        if self.labels[row] is not None:
            lines.append(QCoreApplication.translate("CollectionModel", "label: {0}").format(self.labels[row]))
        return "\n".join(lines)


def _relative_folder(path: Path, root: str) -> str:
    """The folder of ``path`` under ``root`` (which ends with a separator), "" for ``root`` itself (string
    operations: ``Path.relative_to`` costs a second for 10,000 rows)."""
    parent = os.path.dirname(str(path)) + os.sep
    if not parent.startswith(root):
        return parent.rstrip(os.sep)
    return parent[len(root):].rstrip(os.sep).replace(os.sep, "/")


class CollectionFilter(QSortFilterProxyModel):
    """The rows to show: a kind (:data:`KINDS`), a class (by label or prediction), a text in the file's
    path, and a group of rows (a confusion-matrix cell, a selection on the map)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = "all"
        self.class_name: str | None = None
        self.text = ""
        self.rows: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # results arriving never reorder the grid under the person's eyes

    def collection(self) -> CollectionModel:
        return self.sourceModel()

    def set_filter(self, *, kind: str | None = None, class_name: str | bool | None = False, text: str | None = None,
                   rows: frozenset[int] | bool | None = False) -> None:
        """Change any part of the filter (``False``: leave that part as it is)."""
        changing = hasattr(self, "beginFilterChange")  # Qt 6.10; invalidateFilter() before it
        if changing:
            self.beginFilterChange()
        if kind is not None:
            self.kind = kind
        if class_name is not False:
            self.class_name = class_name or None
        if text is not None:
            self.text = text.lower()
        if rows is not False:
            self.rows = None if rows is None else frozenset(rows)
        if changing:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if self.rows is not None and row not in self.rows:
            return False
        if self.text and self.text not in str(model.files[row]).lower():
            return False
        if self.class_name is not None and self.class_name not in (model.labels[row], model.top1_name(row)):
            return False
        if self.kind == "all":
            return True
        record = model.records[row]
        if self.kind == "pending":
            return record is None
        if self.kind == "errors":
            return record is not None and bool(record.error)
        correct = model.correct(row)
        return correct is (self.kind == "right")

    def source_rows(self) -> list[int]:
        """The model rows shown, in the order shown."""
        return [self.mapToSource(self.index(i, 0)).row() for i in range(self.rowCount())]
