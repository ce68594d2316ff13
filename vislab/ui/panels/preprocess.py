"""The Preprocessing panel: an editable pipeline of OpenCV ops, its previews, and whether the model
sees the result."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.ops import OPS, Pipeline, Step
from ..i18n import Retranslatable
from ..image_row import ImageRow
from ..session import Session
from ..texts import core_text, error_text, step_label
from .common import ShowsAnalyses
from .param_editor import ParamEditor


class PreprocessPanel(ShowsAnalyses, Retranslatable, QWidget):
    """An editable pipeline of OpenCV ops, its preview strip, and whether the model sees the result."""

    ANALYSES = ("previews",)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.steps: list[Step] = []
        self._previews = None
        self.ops = QComboBox()
        for op in OPS:
            self.ops.addItem(op.name, op.id)
        self.add, self.remove, self.up, self.down = (QPushButton() for _ in range(4))
        self.list = QListWidget()
        self.list.setMaximumWidth(300)
        self.list.setMinimumHeight(40)
        self.editor = ParamEditor()
        self.feed = QCheckBox()
        self.strip = ImageRow()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._publish)

        buttons = QHBoxLayout()
        buttons.addWidget(self.ops, 1)
        for b in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.list, 1)
        left.addWidget(self.feed)
        middle = QVBoxLayout()
        middle.addWidget(self.editor)
        middle.addStretch(1)
        body = QHBoxLayout(self)
        body.addLayout(left, 2)
        body.addLayout(middle, 2)
        body.addWidget(self.strip, 5)

        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.list.currentRowChanged.connect(self._on_row)
        self.editor.changed.connect(self._on_step_changed)
        self.feed.toggled.connect(session.set_feed_pipeline)
        session.feed("previews").ready.connect(self._on_previews)
        session.feed("previews").failed.connect(self._on_failed)
        session.currentChanged.connect(self._clear)
        self.retranslate()

    def retranslate(self) -> None:
        for i, op in enumerate(OPS):
            self.ops.setItemText(i, core_text(op.name))
            self.ops.setItemData(i, core_text(op.description), Qt.ItemDataRole.ToolTipRole)
        for button, text in zip((self.add, self.remove, self.up, self.down),
                                (self.tr("Add"), self.tr("Remove"), self.tr("Up"), self.tr("Down")), strict=True):
            button.setText(text)
        self.feed.setText(self.tr("Feed to the model"))
        self.feed.setToolTip(self.tr("Classify and explain the preprocessed image instead of the original"))
        self.editor.edit(self.editor.step)
        for row, step in enumerate(self.steps):
            self.list.item(row).setText(f"{row + 1}. {step_label(step)}")
        if self._previews is not None:
            self._on_previews(self._previews)

    def _clear(self, *_args) -> None:
        self._previews = None
        self.strip.set_images([])

    def _on_previews(self, result) -> None:
        self._previews = result
        self.strip.set_images([(self.tr("input"), result.input)] +
                              [(step_label(step), picture) for step, picture in result.steps])

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._previews = None
        self.strip.set_images([])
        self.strip.setToolTip(error_text(error))

    def set_steps(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self._refresh_list(len(self.steps) - 1)
        self._publish()

    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([f"{i + 1}. {step_label(s)}" for i, s in enumerate(self.steps)])
        self.list.blockSignals(False)
        self.list.setCurrentRow(select)
        self.editor.edit(self.steps[select] if 0 <= select < len(self.steps) else None)

    def _on_add(self) -> None:
        self.steps.append(Step.make(self.ops.currentData()))
        self._refresh_list(len(self.steps) - 1)
        self._publish()

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.steps):
            del self.steps[row]
            self._refresh_list(min(row, len(self.steps) - 1))
            self._publish()

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        other = row + delta
        if 0 <= row < len(self.steps) and 0 <= other < len(self.steps):
            self.steps[row], self.steps[other] = self.steps[other], self.steps[row]
            self._refresh_list(other)
            self._publish()

    def _on_row(self, row: int) -> None:
        self.editor.edit(self.steps[row] if 0 <= row < len(self.steps) else None)

    def _on_step_changed(self, step: Step) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.steps):
            self.steps[row] = step
            self.list.item(row).setText(f"{row + 1}. {step_label(step)}")
            self._debounce.start()  # sliders move in many small steps

    def _publish(self) -> None:
        self.session.set_pipeline(Pipeline(tuple(self.steps)))
