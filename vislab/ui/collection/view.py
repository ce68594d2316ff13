"""The Collection view: a folder of photos as a mode of the window's centre.

The grid and the table show the same rows (one :class:`~.model.CollectionModel` behind one
:class:`~.model.CollectionFilter`, one selection); selecting a photo makes it the session's current image,
so the predictions, the picture and every panel follow it. The classification runs on the session's workers
(:class:`~.jobs.CollectionJobs`) and fills the rows as batches arrive; when it ends (or is cancelled) the
feature vectors give the neighbours, the map and, for a labelled folder, the evaluation.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import list_models
from ...core.weights import WeightsStatus, weights_status
from ..engine import import_engine
from ..i18n import Retranslatable
from ..qt_images import from_qimage
from ..session import Session
from ..texts import error_text
from ..workers import Job
from .export import write_table
from .faithfulness import FaithfulnessPage
from .grid import CollectionTable, ThumbnailGrid
from .header import RunHeader
from .jobs import CollectionJobs, Rate
from .mistakes import MistakesView
from .model import COLUMN_IDS, KINDS, ROW_ROLE, CollectionFilter, CollectionModel
from .similar import K, SimilarRow
from .thumbnails import ThumbnailLoader

#: The orders the sort box offers: (id, label, column, descending).
SORTS = (
    ("name", QT_TRANSLATE_NOOP("CollectionView", "Sort: path"), "file", False),
    ("confident", QT_TRANSLATE_NOOP("CollectionView", "Sort: most confident"), "probability", True),
    ("hesitant", QT_TRANSLATE_NOOP("CollectionView", "Sort: least confident"), "probability", False),
    ("margin", QT_TRANSLATE_NOOP("CollectionView", "Sort: smallest margin"), "margin", False),
    ("entropy", QT_TRANSLATE_NOOP("CollectionView", "Sort: highest entropy"), "entropy", True),
    ("wrong", QT_TRANSLATE_NOOP("CollectionView", "Sort: confidently wrong first"), "correct", True),
    ("unusual", QT_TRANSLATE_NOOP("CollectionView", "Sort: most unusual"), "outlier", True),
    ("duplicates", QT_TRANSLATE_NOOP("CollectionView", "Sort: near-duplicates"), "duplicate", True),
)
#: The views of the rows, by tab.
PAGES = (QT_TRANSLATE_NOOP("CollectionView", "Grid"), QT_TRANSLATE_NOOP("CollectionView", "Table"),
         QT_TRANSLATE_NOOP("CollectionView", "Map"), QT_TRANSLATE_NOOP("CollectionView", "Mistakes"),
         QT_TRANSLATE_NOOP("CollectionView", "Faithfulness"))
#: The CNN the comparison always shows (bundled: it needs no download).
COMPARE_CNN = "efficientnet_lite0"


class CollectionView(Retranslatable, QWidget):
    """A folder of photos: the grid, the table, the map and the mistakes, over the session.

    Signals:
        backClicked(): show the picture again.
        message(str): something to tell the person (the window's message line).
    """

    backClicked = Signal()
    message = Signal(str)

    def __init__(self, session: Session, collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.collection = collection
        self.rate = Rate(len(collection.files))
        self.model_id = ""  # the model of the rows' results
        self._choice: tuple[str, str | None] | None = None  # and its weights file (None: its own weights)
        self._switching = False
        self.matrix: np.ndarray | None = None  # the feature vectors of matrix_rows, L2-normalised
        self.matrix_rows: list[int] = []
        self.evaluation = None
        self.layouts: dict[str, tuple[np.ndarray, list[int]]] = {}
        self.current_row: int | None = None
        self._syncing = False
        self.thumbs = ThumbnailLoader(collection.files, parent=self)
        self.model = CollectionModel(collection, self.thumbs.icon, self)
        self.proxy = CollectionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.jobs = CollectionJobs(session, self)
        self._build()
        self._connect()
        self.retranslate()
        self.header.set_title(collection.root, len(collection.files), session.choices.model_id)
        self.header.set_progress(0, len(collection.files), None, None)

    # --- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = RunHeader()
        self.grid = ThumbnailGrid()
        self.grid.setModel(self.proxy)
        self.table = CollectionTable()
        self.table.setModel(self.proxy)
        self.table.setSelectionModel(self.grid.selectionModel())  # one selection for both
        self.table.show_labels(self.model.labelled)
        self.map_page = QWidget()
        QVBoxLayout(self.map_page).setContentsMargins(0, 0, 0, 0)
        self.map_hint = QLabel()
        self.map_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_hint.setWordWrap(True)
        self.map_page.layout().addWidget(self.map_hint)
        self.map = None  # built when first shown with the engine loaded (matplotlib)
        self.mistakes = MistakesView()
        self.faithfulness = FaithfulnessPage(self.session, self.jobs, self.faithfulness_photos)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        for page in (self.grid, self.table, self.map_page, self.mistakes, self.faithfulness):
            self.pages.addTab(page, "")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        for key, _text in KINDS:
            self.kind.addItem("", key)
        self.classes = QComboBox()
        self.classes.addItem("", None)
        self.sort = QComboBox()
        for key, *_rest in SORTS:
            self.sort.addItem("", key)
        self.group = QLabel()
        self.show_all = QToolButton()
        self.export = QToolButton()
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export)
        self.export.setMenu(self.export_menu)
        self._export_actions = [self.export_menu.addAction("") for _ in range(4)]
        self.similar = SimilarRow(self.thumbs.thumbnail, lambda row: self.model.files[row].name)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.search, 1)
        for widget in (self.kind, self.classes, self.sort, self.group, self.show_all, self.export):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addLayout(controls)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.similar)
        self._show_group(None)

    def _connect(self) -> None:
        self.header.classifyClicked.connect(self.classify)
        self.header.cancelClicked.connect(self.cancel)
        self.header.backClicked.connect(self.backClicked)
        self.thumbs.updated.connect(self._on_thumbnails)
        self.jobs.records.connect(self._on_records)
        self.jobs.classes.connect(self._on_classes)
        self.jobs.notice.connect(self.message)
        self.jobs.finished.connect(self._on_finished)
        self.jobs.failed.connect(lambda error: self.header.set_state("failed", error_text(error)))
        self.grid.selectionModel().currentChanged.connect(lambda index, _old: self._on_chosen(index))
        self.grid.activated.connect(lambda _index: self.backClicked.emit())
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.kind.currentIndexChanged.connect(lambda _i: self.proxy.set_filter(kind=self.kind.currentData()))
        self.classes.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(class_name=self.classes.currentData()))
        self.sort.currentIndexChanged.connect(lambda _i: self.apply_sort(self.sort.currentData()))
        self.show_all.clicked.connect(lambda: self.show_rows(None))
        self.pages.currentChanged.connect(self._on_page)
        self.mistakes.cellChosen.connect(self.show_rows)
        self.mistakes.wrongFirst.connect(self.wrong_first)
        self.similar.chosen.connect(self.choose_row)
        self.similar.compareWith.connect(self.compare_with)
        self.similar.queryDropped.connect(self.find_similar_to)
        for action, slot in zip(self._export_actions, (lambda: self._export_dialog("csv"),
                                                       lambda: self._export_dialog("json"),
                                                       lambda: self._export_dialog("confusion"),
                                                       lambda: self._export_dialog("map")), strict=True):
            action.triggered.connect(slot)
        self.session.currentChanged.connect(self._on_session_current)
        self.session.modelChanged.connect(self._on_model_changed)
        self.session.engineReady.connect(lambda *_a: self._on_page(self.pages.currentIndex()))

    def retranslate(self) -> None:
        for i, text in enumerate(PAGES):
            self.pages.setTabText(i, self.tr(text))
        for i, (_key, text) in enumerate(KINDS):
            self.kind.setItemText(i, self.tr(text))
        self.classes.setItemText(0, self.tr("All classes"))
        self.classes.setToolTip(self.tr("Only the images labelled or predicted as this class"))
        for i, (_key, text, *_rest) in enumerate(SORTS):
            self.sort.setItemText(i, self.tr(text))
        self.search.setPlaceholderText(self.tr("Filter by name or folder"))
        self.show_all.setText(self.tr("Show all"))
        self.export.setText(self.tr("Export"))
        for action, text in zip(self._export_actions, (self.tr("Table as CSV…"), self.tr("Table as JSON…"),
                                                       self.tr("Confusion matrix as PNG…"),
                                                       self.tr("Map as PNG…")), strict=True):
            action.setText(text)
        self.map_hint.setText(self.tr("The map appears once the images have feature vectors (classify the "
                                      "collection)."))
        self._show_empty_mistakes()
        self._show_group(self.proxy.rows)

    # --- classifying ----------------------------------------------------------------------------------------

    def classify(self) -> None:
        """Classify the collection with the chosen model (stored results first, at once)."""
        choices = self.session.choices
        if self._choice is not None and (choices.model_id, choices.weights) != self._choice:
            self._forget_results()  # imported results of another model: never shown as this one's
        self.model_id, self._choice = choices.model_id, (choices.model_id, choices.weights)
        self.header.set_title(self.collection.root, len(self.collection.files), choices.model_id)
        self.rate = Rate(len(self.collection.files))  # a resumed run gets what is stored again, at once
        self.header.set_state("running")
        self.header.set_progress(self.model.done(), len(self.collection.files), None, None)
        self.jobs.classify(self.collection.files, self.collection.labels, choices)

    def show_stored(self, stored) -> None:
        """Show imported results (:class:`~.results.StoredResults`: a cluster run's, read into the store) without
        loading or running the model; the table, the map, similar images and the mistakes come from them. The
        window's model is left as it is: choosing another one classifies the collection with it, as usual."""
        self.model_id, self._choice = stored.model_id, (stored.model_id, stored.weights)
        self.header.set_title(self.collection.root, len(self.collection.files), stored.model_id)
        self.rate = Rate(len(self.collection.files))
        self.header.set_state("running")
        self.header.set_progress(self.model.done(), len(self.collection.files), None, None)
        self.jobs.show_stored(self.collection.files, self.collection.labels, stored)

    def cancel(self) -> None:
        """Stop the classification after the batch in progress; what was done is kept (and stored)."""
        self.jobs.stop()

    def stop(self) -> None:
        """The view goes away: stop everything it started."""
        self.jobs.stop()
        for name in ("analyse", "tsne", "similar", "compare", "export", "faithfulness"):
            self.jobs.cancel(name)
        self.thumbs.stop()

    def _on_classes(self, names: tuple, label_index: list) -> None:
        self.model.set_class_names(names, label_index)

    def _on_records(self, records: list, computed: bool) -> None:
        self.model.add_records(records)
        self.rate.add(len(records), computed)
        done = self.model.done()
        self.header.set_progress(done, len(self.collection.files), self.rate.per_second(),
                                 self.rate.seconds_left())

    def _on_finished(self, status: str) -> None:
        if self._switching:
            return
        if status != "failed":
            self.header.set_state(status)
        self.header.set_progress(self.model.done(), len(self.collection.files), None, None)
        if self.model.done():
            self.analyse()

    def _on_model_changed(self, model_id: str) -> None:
        """Another model (or weights file): its results (stored ones at once), its vectors and its map; the
        rows computed with the one before are dropped, never shown as this one's."""
        choice = (model_id, self.session.choices.weights)
        if self._choice is None or choice == self._choice:
            return
        self._forget_results()
        self.classify()

    def _forget_results(self) -> None:
        """Drop the rows' results, their vectors and their map (another model's are coming)."""
        self._switching = True
        try:
            self.jobs.stop()
            for name in ("analyse", "tsne", "similar", "compare"):
                self.jobs.cancel(name)
            self.model.clear_records()
            self.matrix, self.matrix_rows, self.layouts, self.evaluation = None, [], {}, None
            self.mistakes.set_evaluation(None, ())
            self._show_empty_mistakes()
            if self.map is not None:
                self.map.set_layout(np.zeros((0, 2), np.float32), [], "")
        finally:
            self._switching = False

    # --- what the vectors give ------------------------------------------------------------------------------

    def analyse(self) -> None:
        """Neighbours, outliers, the evaluation and the PCA map from the records so far (on a worker); t-SNE
        follows."""
        records, labels, names = list(self.model.records), self.collection.labels, self.model.class_names
        labelled = self.model.labelled

        def work(job: Job) -> dict:
            from ...core import collection as core

            rows = [i for i, r in enumerate(records) if r is not None]
            chosen = [records[i] for i in rows]
            matrix = core.vectors(chosen)
            pairs = [(rows[a], rows[b], s) for a, b, s in core.duplicates(matrix)]
            scores = core.outlier_scores(matrix)
            outliers = [math.nan] * len(records)
            for i, row in enumerate(rows):
                outliers[row] = float(scores[i])
            evaluation = core.evaluate(chosen, [labels[i] for i in rows], names) if labelled and names else None
            mapped = [i for i, r in enumerate(chosen) if r.error is None and r.vector is not None]
            xy = core.layout(matrix[mapped], "pca")
            return {"matrix": matrix, "rows": rows, "pairs": pairs, "outliers": outliers, "evaluation": evaluation,
                    "map": (xy, [rows[i] for i in mapped], mapped)}

        self.jobs.submit("analyse", work, self._on_analysed, self._on_analysis_failed)

    def _on_analysed(self, result: dict) -> None:
        self.matrix, self.matrix_rows = result["matrix"], result["rows"]
        self.model.set_neighbours(result["pairs"], result["outliers"])
        self.evaluation = result["evaluation"]
        self.mistakes.set_evaluation(self.evaluation, self.matrix_rows)
        self._show_empty_mistakes()
        self._fill_classes()
        xy, rows, mapped = result["map"]
        self.layouts = {"pca": (xy, rows)}
        self._show_map(pending=len(rows) > 3)
        if len(rows) > 3:
            matrix = self.matrix[mapped]

            def tsne(job: Job) -> np.ndarray:
                from ...core import collection as core

                return core.layout(matrix, "tsne", cancel=core.cancel_from(job.cancel))

            self.jobs.submit("tsne", tsne, lambda out: self._on_tsne(out, rows), self._on_analysis_failed)
        self._update_similar()

    def _on_tsne(self, xy: np.ndarray, rows: list[int]) -> None:
        self.layouts["tsne"] = (xy, rows)
        self._show_map()

    def _on_analysis_failed(self, error: Exception) -> None:
        self.message.emit(error_text(error))

    def _fill_classes(self) -> None:
        """The class filter's choices: the labels, then the predicted classes, most frequent first."""
        chosen = self.classes.currentData()
        names: dict[str, int] = {}
        for row in range(len(self.model.files)):
            for name in (self.model.labels[row], self.model.top1_name(row)):
                if name:
                    names[name] = names.get(name, 0) + 1
        self.classes.blockSignals(True)
        while self.classes.count() > 1:
            self.classes.removeItem(1)
        for name in sorted(names, key=lambda n: (-names[n], n)):
            self.classes.addItem(f"{name} ({names[name]})", name)
        index = self.classes.findData(chosen)
        self.classes.setCurrentIndex(max(0, index))
        self.classes.blockSignals(False)

    def _show_empty_mistakes(self) -> None:
        if not self.model.labelled:
            text = self.tr("This folder is not one subfolder per class, so there are no labels to check the model "
                           "against. Name subfolders after ImageNet classes (\"tabby\", \"281\", \"golden "
                           "retriever\") to see what the model gets wrong.")
        elif self.evaluation is not None and not self.evaluation.classes:
            text = self.tr("None of the subfolder names is an ImageNet class ({0}): the images still get feature "
                           "vectors, the map and similarity.").format(", ".join(self.evaluation.unmatched[:6]))
        else:
            text = self.tr("The evaluation appears once the collection is classified.")
        self.mistakes.set_empty(text)

    # --- the map --------------------------------------------------------------------------------------------

    def _on_page(self, index: int) -> None:
        if index == PAGES.index("Map") and self.map is None and self.session.engine_ready:
            self._build_map()

    def _build_map(self) -> None:
        from .map_view import MapView

        self.map = MapView(lambda row: str(self.model.files[row].relative_to(self.collection.root)),
                           self._thumbnail_array)
        self.map_hint.hide()
        self.map_page.layout().addWidget(self.map)
        self.map.pointChosen.connect(self.choose_row)
        self.map.groupSelected.connect(lambda rows: self.show_rows(rows or None, switch=False))
        self._show_map()

    def _show_map(self, pending: bool = False) -> None:
        if self.map is None or not self.layouts:
            return
        method = "tsne" if "tsne" in self.layouts else "pca"
        xy, rows = self.layouts[method]
        self.map.set_categories(self.model.labels if self.model.labelled else [None] * len(self.model.files),
                                [self.model.top1_name(row) for row in range(len(self.model.files))])
        self.map.set_layout(xy, rows, method, pending=self.tr("t-SNE") if method == "pca" and pending else "")

    def _thumbnail_array(self, row: int) -> np.ndarray | None:
        pixmap = self.thumbs.pixmap(row)
        if pixmap is None:
            self.thumbs.request(row)
            return None
        return from_qimage(pixmap.toImage())

    # --- choosing -------------------------------------------------------------------------------------------

    def show_rows(self, rows, switch: bool = True) -> None:
        """Show only ``rows`` (a confusion cell, a selection on the map) in the grid and the table; None shows
        them all again."""
        rows = None if rows is None else list(rows)
        self.proxy.set_filter(rows=rows)
        self._show_group(rows)
        if switch and rows is not None:
            self.pages.setCurrentIndex(PAGES.index("Grid"))

    def _show_group(self, rows) -> None:
        visible = rows is not None
        self.group.setVisible(visible)
        self.show_all.setVisible(visible)
        if visible:
            self.group.setText(self.tr("{0} chosen").format(len(rows)))

    def faithfulness_photos(self) -> tuple[list[Path], bool]:
        """The photos the faithfulness summary scores: the selected ones, in the order shown (True), else all
        those shown (False)."""
        shown = self.proxy.source_rows()
        selected = {index.data(ROW_ROLE) for index in self.grid.selectionModel().selectedIndexes()}
        rows = [row for row in shown if row in selected]
        return [self.model.files[row] for row in (rows or shown)], bool(rows)

    def apply_sort(self, key: str) -> None:
        for sort_id, _text, column, descending in SORTS:
            if sort_id == key:
                order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
                self.table.sortByColumn(COLUMN_IDS.index(column), order)
                return

    def wrong_first(self) -> None:
        """The wrong predictions only, the most confident first, in the table."""
        self.kind.setCurrentIndex(self.kind.findData("wrong"))
        self.sort.setCurrentIndex(self.sort.findData("wrong"))
        self.apply_sort("wrong")
        self.pages.setCurrentIndex(PAGES.index("Table"))

    def choose_row(self, row: int) -> None:
        """Select ``row`` in the grid and the table (clearing a filter that hides it) and make it current."""
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.show_rows(None, switch=False)
            self.kind.setCurrentIndex(0)
            self.classes.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.grid.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.grid.scrollTo(index)

    def _on_chosen(self, index) -> None:
        if not index.isValid() or self._syncing:
            return
        row = index.data(ROW_ROLE)
        self.current_row = row
        self.make_current(row)
        self._update_similar()

    def make_current(self, row: int) -> None:
        """Make the photo of ``row`` the session's current image (adding it to the image strip if needed)."""
        source = str(self.model.files[row])
        images = self.session.images
        for i in range(len(images) - 1, -1, -1):
            if images[i].source == source:
                self.session.set_current(i)
                return
        self.session.add_paths([self.model.files[row]])
        self.session.set_current(len(self.session.images) - 1)

    def _on_session_current(self, index: int) -> None:
        """The current image changed elsewhere (the strip, the arrows): select it here if it is one of ours."""
        if not 0 <= index < len(self.session.images):
            return
        row = self.model.row_of(self.session.images[index].source)
        if row is None or row == self.current_row:
            if row is None:
                self.current_row = None
                self._update_similar(query=self.session.images[index].source)
            return
        self.current_row = row
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if proxy_index.isValid():
            self._syncing = True
            try:
                self.grid.selectionModel().setCurrentIndex(
                    proxy_index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.grid.scrollTo(proxy_index)
            finally:
                self._syncing = False
        self._update_similar()

    # --- similar images -------------------------------------------------------------------------------------

    def _update_similar(self, query: str | None = None) -> None:
        """The nearest neighbours of the current row (from the stored vectors), or of an image outside the
        collection (``query``: its vector is computed with the model)."""
        if query is not None:
            self.find_similar_to(query)
            return
        row = self.current_row
        if row is None:
            return
        name = self.model.files[row].name
        self.similar.set_query(name)
        record = self.model.records[row]
        if self.matrix is None or row not in self.matrix_rows:
            self.similar.set_message(self.tr("Similar images appear once the collection is classified."))
            return
        if record is None or record.error:
            self.similar.set_message(self.tr("{0} has no feature vector: it cannot be read.").format(name))
            return
        matrix, rows, i = self.matrix, self.matrix_rows, self.matrix_rows.index(row)

        def work(job: Job) -> list[tuple[int, float]]:
            from ...core import collection as core

            return [(rows[j], score) for j, score in core.similar(matrix, matrix[i], k=K, exclude=i)]

        self.jobs.submit("similar", work, self.similar.set_results, self._on_similar_failed)

    def find_similar_to(self, path: str) -> None:
        """The collection's images most like the photo at ``path`` (outside the collection or not)."""
        row = self.model.row_of(path)
        if row is not None and self.matrix is not None and row in self.matrix_rows:
            self.current_row = row
            self._update_similar()
            return
        if self.matrix is None:
            self.similar.set_message(self.tr("Similar images appear once the collection is classified."))
            return
        if path.startswith("<"):  # pasted: no file to read
            self.similar.set_message(self.tr("A pasted image has no file: save it to compare it with the "
                                             "collection."))
            return
        self.similar.set_query(Path(path).name)
        matrix, rows, choices = self.matrix, self.matrix_rows, self.session.choices
        # The model and weights of the rows' vectors (imported results may come from other weights than the window's).
        model_id, weights = self._choice or (choices.model_id, choices.weights)
        device = choices.device

        def work(job: Job) -> list[tuple[int, float]]:
            engine = import_engine()
            from ...core import collection as core

            model = engine.models().get(model_id, weights=weights, device=device, cancel=job.cancel)
            vector = core.query_vector(model, path)
            return [(rows[j], score) for j, score in core.similar(matrix, vector, k=K)]

        self.jobs.submit("similar", work, self.similar.set_results, self._on_similar_failed)

    def _on_similar_failed(self, error: Exception) -> None:
        self.similar.set_message(error_text(error))

    def compare_with(self, row: int) -> None:
        """The cosine similarity of the current image and ``row`` under the chosen model, a CNN and a ViT."""
        current = self.session.current
        if not 0 <= current < len(self.session.images) or self.session.images[current].source.startswith("<"):
            return
        a, b = self.session.images[current].source, str(self.model.files[row])
        choices = self.session.choices
        models = list(dict.fromkeys([choices.model_id, COMPARE_CNN, _vit_model(self.session.weights_files)]))
        weights_files = dict(self.session.weights_files)
        if choices.weights:
            weights_files[choices.model_id] = choices.weights
        device = choices.device

        def work(job: Job) -> list[tuple[str, float | None, str]]:
            engine = import_engine()
            from ...core import collection as core
            from ...core.catalog import get_spec

            scores = []
            for model_id in models:
                spec = get_spec(model_id)
                if model_id not in weights_files and weights_status(spec) == WeightsStatus.DOWNLOAD:
                    scores.append((spec.name, None, "weights not downloaded (the Models panel fetches them)"))
                    continue
                try:
                    model = engine.models().get(model_id, weights=weights_files.get(model_id), device=device,
                                                cancel=job.cancel)
                    scores.append((spec.name, core.cosine(core.query_vector(model, a), core.query_vector(model, b)),
                                   ""))
                except Exception as exc:  # one model failing leaves the others' numbers
                    scores.append((spec.name, None, error_text(exc)))
            return scores

        names = (Path(a).name, Path(b).name)
        self.jobs.submit("compare", work, lambda scores: self.similar.set_comparison(*names, scores),
                         self._on_similar_failed)

    def _on_thumbnails(self, first: int, last: int) -> None:
        self.model.dataChanged.emit(self.model.index(first, 0), self.model.index(last, 0),
                                    [Qt.ItemDataRole.DecorationRole])
        if any(first <= row <= last for row, _s in self.similar.results):
            self.similar.refresh_thumbnails()

    # --- exports --------------------------------------------------------------------------------------------

    def export_table(self, path: str | Path) -> Path:
        """The rows shown, in the order shown, as CSV or JSON (by the file's suffix)."""
        return write_table(path, self.model, self.proxy.source_rows())

    def export_confusion(self, path: str | Path) -> None:
        """The confusion matrix as a PNG (drawn on a worker)."""
        evaluation, title = self.evaluation, self.tr("{0} on {1}").format(self.model_id, self.collection.root.name)

        def work(job: Job) -> str:
            from ...core.collection import confusion_figure

            confusion_figure(evaluation, title=title).savefig(path, dpi=150)
            return str(path)

        self.jobs.submit("export", work, lambda saved: self.message.emit(self.tr("Saved {0}").format(saved)),
                         self._on_analysis_failed)

    def _export_dialog(self, what: str) -> None:
        if what in ("csv", "json"):
            pattern = "CSV (*.csv)" if what == "csv" else "JSON (*.json)"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the table"), f"collection.{what}", pattern)
            if path:
                try:
                    self.export_table(path)
                except OSError as exc:
                    self.message.emit(self.tr("{0}: could not be written ({1})").format(path, exc.strerror or exc))
            return
        if what == "confusion" and (self.evaluation is None or not self.evaluation.classes):
            self.message.emit(self.tr("No confusion matrix: the folder has no ImageNet labels, or is not classified "
                                      "yet."))
            return
        if what == "map" and (self.map is None or not self.layouts):
            self.message.emit(self.tr("No map yet: classify the collection and open the Map tab."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PNG"), f"{what}.png", "PNG (*.png)")
        if not path:
            return
        if what == "confusion":
            self.export_confusion(path)
            return
        try:
            self.map.save(path)
        except OSError as exc:
            self.message.emit(self.tr("{0}: could not be written ({1})").format(path, exc.strerror or exc))


def _vit_model(weights_files: dict[str, str]) -> str:
    """The ViT the comparison shows: the first whose weights are here, else the smallest to download."""
    vits = [spec for spec in list_models() if spec.family == "Transformer" and spec.id.startswith(("vit_", "deit_"))]
    for spec in vits:
        if spec.id in weights_files or weights_status(spec) in (WeightsStatus.BUNDLED, WeightsStatus.CACHED):
            return spec.id
    tiny = [spec.id for spec in vits if "tiny" in spec.id]
    return tiny[0] if tiny else vits[0].id
