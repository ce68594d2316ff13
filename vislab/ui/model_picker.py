"""Choosing a model: a searchable list grouped by family, with each model's weights status."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ..core.catalog import ModelSpec, list_models
from ..core.weights import WeightsStatus, weights_status
from .i18n import Retranslatable
from .texts import family as family_name
from .texts import status_text

FAMILIES = ("CNN", "Transformer", "Hybrid")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ModelPicker(Retranslatable, QComboBox):
    """A combo box of the catalog; typing filters it. Emits ``modelChosen(id)``."""

    modelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(34)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.refresh()
        completer = QCompleter(self._model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.activated[str].connect(self._on_text_chosen)
        self.activated.connect(self._on_activated)
        self.lineEdit().editingFinished.connect(self._restore_text)
        self._set_tips()

    def _set_tips(self) -> None:
        self.setToolTip(self.tr("The model: type to search. Grouped by family; each shows where its weights are."))
        self.setAccessibleName(self.tr("Model"))

    def retranslate(self) -> None:
        self._set_tips()
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list (weights may have been downloaded meanwhile)."""
        current = self.current_id()
        self._model.clear()
        for family in FAMILIES:
            header = QStandardItem(f"— {family_name(family)} —")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self._model.appendRow(header)
            for spec in list_models():
                if spec.family == family:
                    self._model.appendRow(self._item(spec))
        if current:
            self.select(current)

    def _item(self, spec: ModelSpec) -> QStandardItem:
        status = weights_status(spec)
        item = QStandardItem(f"{spec.name} · {status_text(spec, status)}")
        item.setData(spec.id, ID_ROLE)
        tip = self.tr("{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %").format(
            spec.id, spec.params / 1e6, spec.gflops, spec.top1)
        if status is WeightsStatus.OFFLINE:
            tip += "\n" + self.tr("Not on this computer: load a weights file for it.")
        item.setToolTip(tip)
        return item

    def current_id(self) -> str | None:
        index = self.currentIndex()
        return self._model.item(index).data(ID_ROLE) if index >= 0 and self._model.item(index) else None

    def select(self, model_id: str) -> None:
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(ID_ROLE) == model_id:
                self.setCurrentIndex(row)
                return

    def _on_activated(self, row: int) -> None:
        model_id = self._model.item(row).data(ID_ROLE)
        if model_id:
            self.modelChosen.emit(model_id)

    def _on_text_chosen(self, text: str) -> None:
        for row in range(self._model.rowCount()):
            if self._model.item(row).text() == text:
                self.setCurrentIndex(row)
                self._on_activated(row)
                return

    def _restore_text(self) -> None:
        row = self.currentIndex()
        if row >= 0:
            self.lineEdit().setText(self._model.item(row).text())
