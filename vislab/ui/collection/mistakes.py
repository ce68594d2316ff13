"""What the model gets wrong in a labelled folder: accuracy, top-5, per class, and the confusion matrix,
whose cells are buttons: a click shows exactly those images in the grid."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import Retranslatable


class ConfusionModel(QAbstractTableModel):
    """The confusion matrix: rows are the true labels, columns the predictions (the folder's classes, then
    "other" for a prediction outside them); a cell's shade is its share of its row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.evaluation = None

    def set_evaluation(self, evaluation) -> None:
        self.beginResetModel()
        self.evaluation = evaluation
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if self.evaluation is None or parent.isValid() else len(self.evaluation.confusion)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if self.evaluation is None or parent.isValid() or not self.evaluation.confusion:
            return 0
        return len(self.evaluation.confusion[0])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.evaluation is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        classes = self.evaluation.classes
        if orientation == Qt.Orientation.Vertical:
            name = classes[section]
            stats = self.evaluation.per_class.get(name, {})
            n, accuracy = stats.get("n", 0), stats.get("accuracy")
            share = "–" if accuracy is None else f"{100 * accuracy:.0f} %"
            if role == Qt.ItemDataRole.ToolTipRole:
                return name
            return self.tr("{0} · {1} of {2}").format(name, share, n)
        # The last column: predictions outside the folder's classes.
        name = classes[section] if section < len(classes) else self.tr("other")
        return _short(name) if role == Qt.ItemDataRole.DisplayRole else name

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.evaluation is None:
            return None
        row, column = index.row(), index.column()
        count = self.evaluation.confusion[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count:
            share = count / max(1, sum(self.evaluation.confusion[row]))
            base = (27, 122, 58) if row == column else (179, 38, 30)
            return QColor(*base, int(40 + 200 * share))
        if role == Qt.ItemDataRole.ForegroundRole and count:
            share = count / max(1, sum(self.evaluation.confusion[row]))
            return QColor("white") if share > 0.5 else None
        return None


def _short(name: str, width: int = 14) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


class MistakesView(Retranslatable, QWidget):
    """The evaluation of a labelled folder.

    Signals:
        cellChosen(list): the model rows of the images in the cell clicked.
        wrongFirst(): the person asked for the confidently wrong images first.
    """

    cellChosen = Signal(list)
    wrongFirst = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evaluation = None
        self.rows: Sequence[int] = ()  # the evaluated records' model rows
        self._empty = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wrong = QPushButton()
        self.wrong.clicked.connect(self.wrongFirst)
        self.matrix = QTableView()
        self.matrix.setModel(ConfusionModel(self))
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.clicked.connect(self._on_cell)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.wrong)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.matrix, 1)
        self.retranslate()

    @property
    def confusion(self) -> ConfusionModel:
        return self.matrix.model()

    def set_evaluation(self, evaluation, rows: Sequence[int]) -> None:
        """Show ``evaluation`` (None: the folder has no ImageNet labels); ``rows`` maps its record indices to
        the collection's rows."""
        self.evaluation, self.rows = evaluation, tuple(rows)
        self.confusion.set_evaluation(evaluation if evaluation is not None and evaluation.classes else None)
        self._show()

    def set_empty(self, text: str) -> None:
        """What to say while there is nothing to evaluate."""
        self._empty = text
        self._show()

    def members(self, row: int, column: int) -> list[int]:
        """The collection rows in one cell."""
        return [self.rows[i] for i in self.evaluation.members(row, column)]

    def _on_cell(self, index: QModelIndex) -> None:
        if self.evaluation is not None and index.isValid():
            self.cellChosen.emit(self.members(index.row(), index.column()))

    def retranslate(self) -> None:
        self.wrong.setText(self.tr("Confidently wrong first"))
        self.wrong.setToolTip(self.tr("The table, wrong predictions only, the most confident first"))
        self.matrix.setToolTip(self.tr("Rows: the true label (the subfolder); columns: what the model said. "
                                       "Click a cell to see exactly those images."))
        self._show()

    def _show(self) -> None:
        e = self.evaluation
        self.wrong.setVisible(e is not None and bool(e.classes))
        self.matrix.setVisible(e is not None and bool(e.classes))
        if e is None or not e.classes:
            self.summary.setText(self._empty)
            return
        evaluated = sum(sum(row) for row in e.confusion)
        text = self.tr("<b>Accuracy {0:.1f} %</b> · top-5 {1:.1f} % · {2} labelled images in {3} classes").format(
            100 * e.accuracy, 100 * e.top5_accuracy, evaluated, len(e.classes))
        if e.unlabelled:
            text += self.tr(" · {0} in folders that are not ImageNet classes").format(len(e.unlabelled))
        if e.errors:
            text += self.tr(" · {0} unreadable").format(len(e.errors))
        self.summary.setText(text)
