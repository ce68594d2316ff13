"""The File menu's work: images in (open, open a folder, paste, drop, recent files) and results out (save or
copy the picture shown, export the predictions)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.exports import write_predictions
from ..core.images import IMAGE_SUFFIXES, save_image
from .qt_images import from_qimage, to_qimage
from .session import Session
from .settings import Settings


class FileCommands(QObject):
    """Moves images into the session and results out to files, asking with dialogs over ``window``.

    Args:
        window: the parent of the dialogs.
        session: where images go.
        settings: where the recent files are kept.
        picture: gives the picture shown and its caption.
        predictions: gives the predictions shown, or None.
        say: shows a message to the person (non-modal).
        open_collection: shows a folder as a collection (given what :func:`~vislab.core.collection.scan`
            found); None: a folder's images only join the image strip.
        import_results: reads a folder of result files (a cluster run's) into the store and shows them (File ▸
            Open results…); None: the command only says it is not available.

    Signals:
        recentChanged(list): the recent files changed; the list, newest first.
    """

    recentChanged = Signal(list)

    def __init__(self, window: QWidget, session: Session, settings: Settings,
                 picture: Callable[[], tuple[np.ndarray | None, str]], predictions: Callable[[], object | None],
                 say: Callable[[str], None], open_collection: Callable[[object], object] | None = None,
                 import_results: Callable[[str], object] | None = None) -> None:
        super().__init__(window)
        self.open_collection = open_collection
        self.import_results = import_results
        self.window = window
        self.session = session
        self.settings = settings
        self.picture = picture
        self.predictions = predictions
        self.say = say

    # --- images in ---------------------------------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> None:
        """Add files and folders to the session; those that added an image become recent files. A folder
        opens as a collection; its images also join the image strip when there are at most
        :data:`~vislab.ui.collection.STRIP_LIMIT` of them (a larger folder joins it photo by photo, as they
        are chosen)."""
        added = [(str(path), self._add(path)) for path in paths]
        recorded = [path for path, count in added if count]
        for path in recorded:
            self.settings.add_recent(path)
        if recorded:
            self.recentChanged.emit(self.settings.get("recent"))
        else:
            self.say(self.tr("No images found in {0}").format(", ".join(str(p) for p in paths)))

    def _add(self, path: str) -> int:
        """Add one file or folder; returns how many images it holds."""
        if self.open_collection is None or not _is_folder(path):
            return len(self.session.add_paths([path]))
        from ..core.collection import scan  # off the window's start-up
        from .collection import STRIP_LIMIT

        collection = scan(path)
        if collection.files:
            self.open_collection(collection)
            if len(collection.files) <= STRIP_LIMIT:
                self.session.add_paths(collection.files)
        return len(collection.files)

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        """Whether ``mime`` (dragged or on the clipboard) holds files or an image."""
        return mime.hasUrls() or mime.hasImage()

    def take(self, mime: QMimeData) -> None:
        """Add the local files of ``mime``, or else its image."""
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.add_paths(files)
        elif mime.hasImage():
            self.session.add_array(from_qimage(mime.imageData()), f"pasted {len(self.session.images) + 1}")

    def open_images(self) -> None:
        patterns = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Open images"), "",
                                                self.tr("Images ({0});;All files (*)").format(patterns))
        if files:
            self.add_paths(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a folder of images"))
        if folder:
            self.add_paths([folder])

    def open_results(self) -> None:
        """File ▸ Open results…: a folder of result files (Parquet, from ``vislab classify FOLDER --ray``), in
        the folder chosen last time."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a folder of results (Parquet files)"),
                                                  self.settings.get("results_folder"))
        if folder:
            self.settings.set("results_folder", folder)
            self.open_results_folder(folder)

    def open_results_folder(self, folder: str) -> None:
        """Read ``folder``'s result files into the store and show them as a collection."""
        if self.import_results is None:
            self.say(self.tr("Results open in the Collection view, which this window does not have."))
            return
        self.import_results(folder)

    def paste(self) -> None:
        """Add the clipboard's image, image files, or a path typed as text."""
        mime = QGuiApplication.clipboard().mimeData()
        if self.accepts(mime):
            self.take(mime)
        elif mime.hasText() and _existing_path(mime.text().strip()):
            self.add_paths([mime.text().strip()])
        else:
            self.say(self.tr("The clipboard holds no image."))

    # --- results out -------------------------------------------------------------------------------------------

    def save_view(self) -> None:
        picture, _ = self.picture()
        if picture is None:
            self.say(self.tr("Nothing to save yet."))
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save the picture"), "vislab.png",
                                              "PNG (*.png);;JPEG (*.jpg)")
        if path:
            try:
                save_image(path, picture)
            except Exception as exc:  # a file the user chose: say why, keep going
                self.say(str(exc))

    def copy_view(self) -> None:
        picture, _ = self.picture()
        if picture is not None:
            QGuiApplication.clipboard().setImage(to_qimage(picture))

    def export_predictions(self) -> None:
        result = self.predictions()
        if result is None:
            self.say(self.tr("No predictions to export yet."))
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export predictions"), "predictions.csv",
                                              "CSV (*.csv);;JSON (*.json)")
        if path:
            try:
                write_predictions(path, self.session.images[result.image].source, result)
            except OSError as exc:
                self.say(self.tr("{0}: could not be written ({1})").format(path, exc.strerror or exc))


def _is_folder(path: str) -> bool:
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False


def _existing_path(text: str) -> bool:
    try:
        return bool(text) and Path(text).exists()
    except (OSError, ValueError):  # text too long or with NUL bytes to be a path
        return False
