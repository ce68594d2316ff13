"""Choosing a model: a searchable list grouped by family, with each model's weights status.

Typing searches with the core's ``search_models``, the same search as ``vislab models PATTERN``: a word may be
part of a model's id, name, family or year (``resnet``, ``swin-t``, ``2021``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ..core.catalog import TRAINED, ModelSpec, list_models, search_models
from ..core.weights import WeightsStatus, weights_status
from .i18n import Retranslatable
from .texts import family as family_name
from .texts import status_text

FAMILIES = ("CNN", "Transformer", "Hybrid")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def weights_text(spec: ModelSpec, weights_file: str | None) -> str:
    """Where a model's weights are, in words: the file the person loaded for it, else its status."""
    if weights_file:
        return QCoreApplication.translate("ModelPicker", "file {0}").format(Path(weights_file).name)
    return status_text(spec, weights_status(spec))


def usable(spec: ModelSpec, weights_files: dict[str, str]) -> bool:
    """Whether the model can run here: a file loaded for it, or its weights bundled, cached or downloadable."""
    return spec.id in weights_files or weights_status(spec) in (WeightsStatus.BUNDLED, WeightsStatus.CACHED,
                                                                 WeightsStatus.DOWNLOAD)


class ModelSearch(QSortFilterProxyModel):
    """The picker's rows that the core's search finds for the typed text; family headers left out."""

    def __init__(self, source: QStandardItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._ids = {spec.id for spec in search_models()}

    def set_text(self, text: str) -> None:
        """Show the models ``search_models(text)`` finds."""
        ids = {spec.id for spec in search_models(text)}
        ids |= {spec.id for spec in TRAINED if text.strip().casefold() in spec.name.casefold()}
        if not hasattr(self, "endFilterChange"):  # Qt before 6.10
            self._ids = ids
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE) in self._ids


class ModelPicker(Retranslatable, QComboBox):
    """A combo box of the catalog; typing searches it. Emits ``modelChosen(id)``. A model the person loaded a
    weights file for says so (:meth:`set_weights_files`), not "unavailable offline"."""

    modelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(34)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._model = QStandardItemModel(self)
        self._files: dict[str, str] = {}
        self.setModel(self._model)
        self.refresh()
        self.search = ModelSearch(self._model, self)
        # The search filters; the completer only shows its rows. A choice in the popup maps back through
        # the proxy to the combo's own row, which the combo selects and reports as ``activated``.
        completer = QCompleter(self.search, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self.search.set_text)
        self.activated.connect(self._on_activated)
        self.lineEdit().editingFinished.connect(self._restore_text)
        self._set_tips()

    def _set_tips(self) -> None:
        self.setToolTip(self.tr("The model: type to search. Grouped by family; each shows where its weights are."))
        self.setAccessibleName(self.tr("Model"))

    def retranslate(self) -> None:
        self._set_tips()
        self.refresh()

    def set_weights_files(self, files: dict[str, str]) -> None:
        """The weights files the person loaded, by model id; the list says so."""
        if files != self._files:
            self._files = dict(files)
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
        trained = [spec for spec in TRAINED if spec.id in self._files]  # models made in Teach, with their file
        if trained:
            header = QStandardItem("— {} —".format(self.tr("My models")))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self._model.appendRow(header)
            for spec in trained:
                self._model.appendRow(self._item(spec))
        if current:
            self.select(current)

    def _item(self, spec: ModelSpec) -> QStandardItem:
        status = weights_status(spec)
        item = QStandardItem(f"{spec.name} · {weights_text(spec, self._files.get(spec.id))}")
        item.setData(spec.id, ID_ROLE)
        tip = self.tr("{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %").format(
            spec.id, spec.params / 1e6, spec.gflops, spec.top1)
        if spec.id in self._files:
            tip += "\n" + self.tr("Weights from {0}").format(self._files[spec.id])
        elif status is WeightsStatus.OFFLINE:
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

    def _restore_text(self) -> None:
        row = self.currentIndex()
        if row >= 0:
            self.lineEdit().setText(self._model.item(row).text())
