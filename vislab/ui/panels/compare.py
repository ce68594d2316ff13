"""The Compare panel: two to four models side by side on the current image."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import list_models
from ...core.weights import WeightsStatus, weights_status
from ..glossary import HelpButton
from ..i18n import Retranslatable
from ..image_row import Picture
from ..legend import ColorLegend
from ..model_picker import usable as _usable
from ..predictions_view import PredictionsView
from ..session import MAX_COMPARE, Session
from ..texts import error_text, family, method_name
from .common import stopped_text


class ModelChecklist(Retranslatable, QListWidget):
    """The catalog with a check box per model; models whose weights are not here are marked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setMaximumWidth(280)
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        checked = set(self.checked()) or {self.session.choices.model_id}
        self.clear()
        for spec in list_models():
            usable = _usable(spec, self.session.weights_files)  # a weights file loaded for it counts
            text = f"{spec.name} · {family(spec.family)}"
            item = QListWidgetItem(text if usable else self.tr("{0} (no weights here)").format(text))
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if spec.id in checked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def check_only(self, ids: list[str]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def cnn_vs_vit(session: Session) -> list[str]:
    """The lesson's preset: ResNet-50 against ViT-B/16 when both are at hand, else the bundled CNN against
    any ViT whose weights are here (a file the user loaded counts)."""
    def here(model_id: str) -> bool:
        spec = next(s for s in list_models() if s.id == model_id)
        return model_id in session.weights_files or weights_status(spec) in (WeightsStatus.BUNDLED,
                                                                              WeightsStatus.CACHED)

    if here("torchvision/resnet50") and here("vit_base_patch16_224"):
        return ["torchvision/resnet50", "vit_base_patch16_224"]
    vits = [s.id for s in list_models() if s.class_token and here(s.id)]
    return ["efficientnet_lite0", *(vits[:1] or ["vit_base_patch16_224"])]


class ComparePanel(Retranslatable, QWidget):
    """Two to four models on the current image: top-5, cost, latency here and each one's natural map."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.models = ModelChecklist(session)
        self.preset = QPushButton()
        self.run = QPushButton()
        self.agreement = QLabel("")
        body = self._build_columns()
        left = QVBoxLayout()
        left.addWidget(self.models, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preset)
        buttons.addWidget(HelpButton("cnn_vs_vit", self))
        buttons.addWidget(self.run)
        left.addLayout(buttons)
        left.addWidget(self.agreement)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(body, 1)
        self._results: dict[int, object] = {}
        self._shown: dict[int, object] = {}
        self._scored: dict[int, object] = {}  # each column's faithfulness scores (None while they come)
        self._count = 0
        self.preset.clicked.connect(self._on_preset)
        self.run.clicked.connect(self._on_run)
        session.feed("compare").ready.connect(self._on_column)
        session.feed("compare").failed.connect(self._on_failed)
        session.feed("compare").cancelled.connect(self._on_stopped)
        session.feed("faithfulness").ready.connect(self._on_scores)  # each column's map, scored once it shows
        session.feed("faithfulness").failed.connect(self._on_scores_failed)
        session.currentChanged.connect(self._clear)
        session.modelChanged.connect(lambda _id: self.models.refresh())  # a weights file loaded: usable now
        self.retranslate()

    def _build_columns(self) -> QGridLayout:
        """Each column's title, map and top-k bars, one grid row each, so the columns line up."""
        #: Each column's title, map, details and top-k bars; one grid row each, so the columns line up.
        self.columns: list[tuple[QLabel, Picture, QLabel]] = []
        self.bars: list[PredictionsView] = []
        self.cells: list[QWidget] = []
        self.legend = ColorLegend()  # the maps are Grad-CAM or rollout in jet, each scaled to its own range
        self.body = body = QGridLayout()
        body.setHorizontalSpacing(10)
        for column in range(MAX_COMPARE):
            title, picture, text = QLabel(), Picture(smooth=True), QLabel()
            picture.setMinimumSize(110, 100)
            for label in (title, text):
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            bars = PredictionsView(interactive=False)
            bars.setMinimumWidth(150)
            bars.min_row = 22
            text.setVisible(False)
            cell = QWidget()  # the map and its bars: side by side when the column is wide, else stacked
            stack = QBoxLayout(QBoxLayout.Direction.TopToBottom, cell)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(picture, 1)
            stack.addWidget(bars, 0, Qt.AlignmentFlag.AlignTop)
            body.addWidget(title, 0, column)
            body.addWidget(cell, 1, column)
            body.addWidget(text, 2, column)
            body.setColumnStretch(column, 1)
            self.columns.append((title, picture, text))
            self.bars.append(bars)
            self.cells.append(cell)
        body.addWidget(self.legend, 1, MAX_COMPARE)
        body.setRowStretch(1, 1)
        self.legend.setVisible(False)
        return body

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._arrange_cells)  # once the grid has given the cells their new sizes

    def _arrange_cells(self) -> None:
        """Each map beside its bars when the columns are wide enough for both at a useful size, else above."""
        for cell, bars in zip(self.cells, self.bars, strict=True):
            wide = cell.width() >= cell.height() + bars.minimumWidth() + 40
            direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            if cell.layout().direction() != direction:
                cell.layout().setDirection(direction)

    def retranslate(self) -> None:
        self.preset.setText(self.tr("CNN vs ViT"))
        self.preset.setToolTip(self.tr("ResNet-50 against ViT-B/16; offline, the bundled CNN against a ViT you have"))
        self.run.setText(self.tr("Compare"))
        self.run.setToolTip(self.tr("Compare the checked models (2 to {0}) on the current image").format(MAX_COMPARE))
        for result in list(self._shown.values()):
            self._on_column(result)

    def _on_preset(self) -> None:
        self.models.refresh()
        self.models.check_only(cnn_vs_vit(self.session))
        self._on_run()

    def _on_run(self) -> None:
        ids = self.models.checked()
        if not 2 <= len(ids) <= MAX_COMPARE:
            self.agreement.setText(self.tr("Check 2 to {0} models.").format(MAX_COMPARE))
            return
        self.session.cancel("compare")  # a comparison still running must not fill the new one's columns
        self._clear()
        if self.session.request() is None:
            self.agreement.setText(self.tr("Open a photo first."))
            return
        self._count = len(ids)
        self._use_columns(len(ids))
        for column, model_id in enumerate(ids):
            self.columns[column][0].setText(self.tr("computing…"))
            self.session.run("compare", slot=column, column=column, model_id=model_id)

    def _use_columns(self, count: int) -> None:
        """Show ``count`` columns sharing the width, the colour scale right after the last one."""
        for column in range(MAX_COMPARE):
            used = column < count
            for widget in (self.columns[column][0], self.cells[column]):
                widget.setVisible(used)
            self.body.setColumnStretch(column, 1 if used else 0)
        self.body.removeWidget(self.legend)
        self.body.addWidget(self.legend, 1, count)
        self._arrange_cells()

    def _clear(self, *_args) -> None:
        self._results, self._shown, self._scored = {}, {}, {}
        self.agreement.setText("")
        for (title, picture, text), bars in zip(self.columns, self.bars, strict=True):
            title.setText("")
            text.setText("")
            text.setVisible(False)
            picture.placeholder = ""
            picture.setToolTip("")
            picture.set_image(None)
            bars.clear("")
        self.legend.setVisible(False)

    def _on_column(self, result) -> None:
        column, col, overlay = result.column, result.result, result.overlay
        self._results[column] = col
        self._shown[column] = result
        title, picture, _text = self.columns[column]
        latency = self.tr("{0:.0f} ms here").format(1000 * col.latency) if col.latency is not None else ""
        title.setText(self.tr("<b>{0}</b><br>{1} · {2:.1f} M · {3:.2f} GFLOPs · {4}<br>map: {5}").format(
            escape(col.name), family(col.family), col.params / 1e6, col.gflops, latency,
            method_name(col.method)))
        picture.set_image(overlay)
        self.bars[column].set_predictions(col.predictions)
        self.legend.setVisible(True)
        if column not in self._scored:
            self._scored[column] = None
            self.session.run("faithfulness", ("compare", column), model_id=col.model_id, tag=("compare", column))
        self._show_scores(column)
        if len(self._results) == self._count:
            tops = {c.predictions[0].index for c in self._results.values()}
            self.agreement.setText(self.tr("Top-1 agrees") if len(tops) == 1 else self.tr("Top-1 differs"))

    def _on_scores(self, result) -> None:
        tag = result.slot
        column = tag[1] if isinstance(tag, tuple) and tag[0] == "compare" else None
        if column in self._scored and self._results[column].model_id == result.scores.model_id:
            self._scored[column] = result.scores
            self._show_scores(tag[1])

    def _on_scores_failed(self, error: Exception, slot) -> None:
        if isinstance(slot, tuple) and slot[0] == "compare" and slot[1] in self._scored:
            self._scored[slot[1]] = error

    def _show_scores(self, column: int) -> None:
        """Under the column's bars: its map's deletion and insertion areas (see the faithfulness view)."""
        scores, text = self._scored.get(column), self.columns[column][2]
        if scores is None or isinstance(scores, Exception):
            text.setVisible(False)
            return
        text.setText(self.tr("faithfulness: deletion <b>{0:.3f}</b> (lower is better) · insertion <b>{1:.3f}</b> "
                             "(higher is better)").format(scores.deletion_auc, scores.insertion_auc))
        text.setVisible(True)

    def _on_stopped(self, reason: str) -> None:
        """The comparison stopped before every column answered: the unanswered ones are emptied, and it says why."""
        for column, (title, picture, text) in enumerate(self.columns):
            if column not in self._results:
                title.setText("")
                text.setText("")
                picture.set_image(None)
        self.agreement.setText(escape(stopped_text(reason)))

    def _on_failed(self, error: Exception, column: int) -> None:
        """The reason goes where the column's map would be (word-wrapped), its title stays short."""
        title, picture, _text = self.columns[column]
        title.setText(self.tr("<b>Not compared</b>"))
        picture.set_image(None)
        picture.placeholder = error_text(error)
        picture.setToolTip(error_text(error))
        picture.update()
