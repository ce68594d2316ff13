"""The class bins: each class a row with its count (and a warning sign), thumbnails of the chosen class, images
and folders dropped on a bin added to it, and a class-folder dataset opened in one step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.teach import MIN_IMAGES, Dataset, DatasetError
from ..i18n import Retranslatable

#: Thumbnails shown for the chosen class.
MAX_THUMBNAILS = 48
THUMB = 56


class BinList(QListWidget):
    """The classes; files dropped on a row go to that class, on the empty space to a new class named after
    the folder. Emits ``dropped(class name or "", paths)``."""

    dropped = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        item = self.itemAt(event.position().toPoint())
        self.dropped.emit(item.data(Qt.ItemDataRole.UserRole) if item else "", paths)
        event.acceptProposedAction()


class ClassBins(Retranslatable, QWidget):
    """Edits a :class:`Dataset`. Emits ``changed()`` after every edit and ``failed(message)`` for a refused one."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, dataset: Dataset | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset or Dataset()
        self.title = QLabel()
        self.list = BinList()
        self.list.setMinimumWidth(170)
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbs.setMinimumHeight(THUMB + 16)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.add_button, self.rename_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        self.open_button, self.sample_button = QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        opening = QHBoxLayout()
        opening.addWidget(self.open_button)
        opening.addWidget(self.sample_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(opening)
        layout.addWidget(self.list, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.thumbs, 1)
        layout.addWidget(self.warnings)
        self.add_button.clicked.connect(self._on_add)
        self.rename_button.clicked.connect(self._on_rename)
        self.remove_button.clicked.connect(self._on_remove)
        self.open_button.clicked.connect(self._on_open)
        self.list.currentItemChanged.connect(lambda *_: self._update_thumbnails())
        self.list.dropped.connect(self._on_dropped)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("<b>Classes</b> — drop images or folders on a class"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add an empty class"))
        self.rename_button.setText(self.tr("Rename"))
        self.remove_button.setText(self.tr("Remove"))
        self.open_button.setText(self.tr("Open dataset..."))
        self.open_button.setToolTip(self.tr("A folder with one subfolder of images per class (ImageFolder layout)"))
        self.sample_button.setText(self.tr("Digits sample"))
        self.sample_button.setToolTip(self.tr("scikit-learn's handwritten digits, 30 of each, as a dataset to try"))
        self.refresh()

    # -- editing ----------------------------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.refresh()
        self.changed.emit()

    def open_folder(self, folder: str | Path) -> None:
        try:
            self.set_dataset(Dataset.from_folder(folder))
        except DatasetError as exc:
            self.failed.emit(str(exc))

    def current_class(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_to(self, name: str, paths: list[str]) -> None:
        """Add files or folders to class ``name`` ("" : a new class named after the first folder or file)."""
        try:
            if not name:
                first = Path(paths[0]) if paths else None
                if first is None:
                    return
                name = first.name if first.is_dir() else first.parent.name
                if name not in self.dataset.classes:
                    self.dataset.add_class(name)
            self.dataset.add_files(name, paths)
        except DatasetError as exc:
            self.failed.emit(str(exc))
            return
        self.refresh(select=name)
        self.changed.emit()

    def _on_dropped(self, name: str, paths: list) -> None:
        self.add_to(name, paths)

    def _on_add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a class"), self.tr("Class name:"))
        if ok:
            self._edit(lambda: self.dataset.add_class(name))

    def _on_rename(self) -> None:
        old = self.current_class()
        if old is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename the class"), self.tr("New name:"), text=old)
        if ok:
            self._edit(lambda: self.dataset.rename_class(old, new))

    def _on_remove(self) -> None:
        name = self.current_class()
        if name is not None:
            self._edit(lambda: (self.dataset.remove_class(name), None)[1])

    def _on_open(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of class subfolders"))
        if folder:
            self.open_folder(folder)

    def _edit(self, change) -> None:
        try:
            selected = change()
        except DatasetError as exc:
            self.failed.emit(str(exc))
            return
        self.refresh(select=selected)
        self.changed.emit()

    # -- showing ----------------------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        keep = select or self.current_class()
        self.list.blockSignals(True)
        self.list.clear()
        for name, n in self.dataset.counts().items():
            few = n < MIN_IMAGES
            text = self.tr("{0} · {1} images").format(name, n) + ("  ⚠" if few else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if few:
                item.setToolTip(self.tr("Fewer than {0} images: with a fifth held out for validation, its "
                                        "accuracy can only be a few values, and a head learns these photos, not "
                                        "the class").format(MIN_IMAGES))
            self.list.addItem(item)
            if name == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        lines = self.dataset.problems() + self.dataset.warnings() if self.dataset.classes else []
        self.warnings.setText("\n".join(f"⚠ {line}" for line in lines))
        self.rename_button.setEnabled(self.list.count() > 0)
        self.remove_button.setEnabled(self.list.count() > 0)
        self._update_thumbnails()

    def _update_thumbnails(self) -> None:
        self.thumbs.clear()
        name = self.current_class()
        if name is None:
            return
        for path in self.dataset.classes.get(name, [])[:MAX_THUMBNAILS]:
            pixmap = QPixmap(str(path))
            item = QListWidgetItem(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation)), "")
            item.setToolTip(str(path))
            self.thumbs.addItem(item)
