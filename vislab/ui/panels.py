"""The bottom panels: explain, feature maps, preprocessing and what the model sees."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import get_spec
from ..core.ops import OPS, OpError, Param, Pipeline, Step, get_op
from .glossary import HelpButton
from .i18n import Retranslatable
from .image_row import ImageRow, Picture
from .session import ModelView, Session
from .texts import core_text


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ExplainPanel(Retranslatable, QWidget):
    """Method, layer, head and target for the explanation; the map itself shows in the image view."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.method = QComboBox()
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method.setMinimumContentsLength(16)
        self.layer = QComboBox()
        self.layer.setEditable(True)
        self.head = QSpinBox()
        self.head.setRange(-1, 63)
        self.head.setValue(-1)
        self.target = QLabel()
        self.top1 = QPushButton()
        self.randomized = QCheckBox()
        self.about = _hint("")
        self.state = QLabel("")
        self.cancel = QPushButton()
        self.cancel.setVisible(False)
        self.labels = [QLabel() for _ in range(3)]
        self._result = None
        self._lay_out()
        self._connect()
        self.retranslate()
        if session.engine_ready:
            self._on_model(session.choices.model_id)

    def retranslate(self) -> None:
        self.method.setToolTip(self.tr("How the map is computed; the list fits the model."))
        self.layer.setToolTip(self.tr("The layer the map is taken from, as the model names it."))
        self.head.setSpecialValueText(self.tr("mean of heads"))
        self.head.setToolTip(self.tr("Attention head (attention method)"))
        self.top1.setText(self.tr("Use top-1"))
        self.top1.setToolTip(self.tr("Explain the most likely class again"))
        self.randomized.setText(self.tr("Randomised weights (sanity check)"))
        self.randomized.setToolTip(self.tr("Explain a randomly initialised copy of the model: a trustworthy map "
                                           "changes completely (Adebayo et al. 2018)."))
        self.cancel.setText(self.tr("Cancel"))
        for label, text in zip(self.labels, (self.tr("Method"), self.tr("Layer"), self.tr("Head")), strict=True):
            label.setText(text)
        if self._result is None:
            self.target.setText(self.tr("target: the top-1 class"))
        else:
            self._show_result(self._result)
        if self.method.count():
            for i in range(self.method.count()):
                self.method.setItemText(i, method_name(self.method.itemData(i)))
            self._describe(self.method.currentData(), reset=False)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        for label, widget in zip(self.labels, (self.method, self.layer, self.head), strict=True):
            row.addWidget(label)
            row.addWidget(widget, 1 if widget is self.layer else 0)
        row.addWidget(HelpButton("attention_head", self))
        row.addSpacing(12)
        row.addWidget(self.randomized)
        row.addWidget(HelpButton("cam", self))
        self.target.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        target = QHBoxLayout()
        target.addWidget(self.target, 1)
        target.addWidget(self.top1)
        status = QHBoxLayout()
        status.addWidget(self.state, 1)
        status.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(target)
        layout.addWidget(self.about)
        layout.addLayout(status)
        layout.addStretch(1)

    def _connect(self) -> None:
        session = self.session
        self.method.activated.connect(self._on_method)
        self.layer.activated.connect(self._on_layer)
        self.layer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.layer.lineEdit().returnPressed.connect(self._on_layer)
        self.head.valueChanged.connect(lambda v: session.set_explain(head=None if v < 0 else v))
        self.top1.clicked.connect(lambda: session.set_explain(target=None))
        self.randomized.toggled.connect(lambda on: session.set_explain(randomized=on))
        self.cancel.clicked.connect(self._on_cancel)
        session.currentChanged.connect(self._on_image)
        session.failed.connect(self._on_failed)
        session.modelChanged.connect(self._on_model)
        session.engineReady.connect(self._on_engine_ready)
        session.explanationReady.connect(self._on_result)
        session.progress.connect(self._on_progress)

    def _on_cancel(self) -> None:
        self.session.runner.cancel("explain")
        self.cancel.setVisible(False)
        self.state.setText(self.tr("Cancelled."))

    def _on_image(self, _index: int) -> None:
        self._result = None
        self.target.setText(self.tr("target: the top-1 class"))
        self.state.setText("")
        self.cancel.setVisible(False)

    def _on_failed(self, channel: str, message: str) -> None:
        if channel == "explain":
            self._result = None
            self.state.setText(message)
            self.cancel.setVisible(False)

    def _reset_head(self) -> None:
        self.head.blockSignals(True)
        self.head.setValue(-1)
        self.head.blockSignals(False)

    def _on_engine_ready(self, *_args) -> None:
        self._on_model(self.session.choices.model_id)

    def _on_model(self, model_id: str) -> None:
        self._result = None
        if not self.session.engine_ready:
            return  # the method registry imports torch: wait until the engine has, off the UI thread
        from ..core.explain.methods import methods_for_spec

        spec = get_spec(model_id)
        methods = methods_for_spec(spec)
        self.method.clear()
        for m in methods:
            self.method.addItem(core_text(m.name), m.id)
        wanted = self.session.choices.method
        ids = [m.id for m in methods]
        chosen = wanted if wanted in ids else ids[0]
        self.method.setCurrentIndex(ids.index(chosen))
        if chosen != wanted:
            self.session.set_explain(method=chosen)
        self.layer.clear()
        self.layer.addItem("", None)
        self._reset_head()
        self._describe(chosen)

    def _describe(self, method_id: str, reset: bool = True) -> None:
        from ..core.explain.methods import get_method

        m = get_method(method_id)
        self.about.setText(self.tr("<b>{0}</b> ({1}) — {2} <i>Cost: {3}.</i>").format(
            core_text(m.name), m.year, core_text(m.description), core_text(m.cost)))
        self.head.setEnabled(method_id == "attention")
        self.layer.setEnabled(method_id != "rollout")
        if self.layer.count():
            default = self.tr("all blocks") if method_id == "rollout" else (
                self.tr("the last block") if m.kind == "attention"
                else get_spec(self.session.choices.model_id).target_layer)
            self.layer.setItemText(0, self.tr("{0} (default)").format(default))
            if reset:
                self.layer.setCurrentIndex(0)
            self.layer.lineEdit().setCursorPosition(0)  # the start of a long name, not its end
        if reset:
            self._reset_head()

    def _on_method(self) -> None:
        method_id = self.method.currentData()
        self._describe(method_id)
        self.session.set_explain(method=method_id)

    def _on_layer(self) -> None:
        text = self.layer.currentText().strip()  # a listed layer, or a name typed in
        layer = None if not text or text == self.layer.itemText(0) else text
        if layer != self.session.choices.layer:  # Enter and activated both arrive for one choice
            self.session.set_explain(layer=layer)

    def set_layers(self, layers: list[str]) -> None:
        default = self.layer.itemText(0) if self.layer.count() else ""
        self.layer.clear()
        if default:
            self.layer.addItem(default, None)
        for name in layers:
            self.layer.addItem(name, name)

    def _on_result(self, result) -> None:
        if [self.layer.itemText(i) for i in range(1, self.layer.count())] != list(result.layers):
            current = self.layer.currentText()
            self.set_layers(list(result.layers))
            self.layer.setCurrentText(current)
            self.layer.lineEdit().setCursorPosition(0)
        if result.heads:
            self.head.setMaximum(result.heads - 1)
        self._result = result
        self._show_result(result)
        self.cancel.setVisible(False)

    def _show_result(self, result) -> None:
        e = result.explanation
        probability = 100 * float(e.probabilities[e.target])
        self.target.setText(self.tr("target: <b>{0}</b> (#{1}, {2:.1f} %)").format(e.target_label, e.target,
                                                                                  probability))
        if result.randomized:
            self.state.setText(self.tr("{0} at {1} on randomised weights in {2:.0f} ms").format(
                method_name(e.method), e.layer, 1000 * e.seconds))
        else:
            self.state.setText(self.tr("{0} at {1} in {2:.0f} ms").format(method_name(e.method), e.layer,
                                                                          1000 * e.seconds))

    def _on_progress(self, channel: str, done: int, total: int) -> None:
        if channel == "explain" and total:
            self.state.setText(self.tr("computing… {0} of {1}").format(done, total))
            self.cancel.setVisible(True)


class FeaturesPanel(Retranslatable, QWidget):
    """A layer's strongest feature maps, and the first layer's filters."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layer = QComboBox()
        self.maps = Picture("", smooth=False)
        self.filters = Picture("", smooth=False)
        self.caption = QLabel()
        self.filters_caption = QLabel()
        self.layer_label = QLabel()
        self._result = None
        top = QHBoxLayout()
        top.addWidget(self.layer_label)
        top.addWidget(self.layer, 1)
        top.addWidget(HelpButton("feature_map", self))
        top.addWidget(HelpButton("convolution", self))
        top.addStretch(2)
        left = QVBoxLayout()
        left.addWidget(self.caption)
        left.addWidget(self.maps, 1)
        right = QVBoxLayout()
        right.addWidget(self.filters_caption)
        right.addWidget(self.filters, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(16)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.layer.activated.connect(lambda _row: session.set_feature_layer(self.layer.currentText()))
        session.featuresReady.connect(self._on_result)
        session.modelChanged.connect(self._on_model)
        session.currentChanged.connect(self._clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.layer.setToolTip(self.tr("Early layers respond to edges and colours, later ones to shapes and parts."))
        self.layer_label.setText(self.tr("Layer"))
        self.maps.placeholder = self.tr("Feature maps appear here.")
        self.maps.update()
        if self._result is not None:
            self._show_captions(self._result)

    def _on_model(self, _model_id: str) -> None:
        self.layer.clear()
        self._clear()

    def _clear(self, *_args) -> None:
        self._result = None
        self.maps.set_image(None)
        self.filters.set_image(None)
        self.caption.setText("")
        self.filters_caption.setText("")

    def _on_result(self, result) -> None:
        if self.layer.count() != len(result.layers):
            self.layer.clear()
            self.layer.addItems(result.layers)
        self.layer.setCurrentText(result.layer)
        self.maps.set_image(result.grid)
        self.filters.set_image(result.filters)
        self._result = result
        self._show_captions(result)

    def _show_captions(self, result) -> None:
        self.caption.setText(self.tr("The 16 strongest of the {0} channels of <b>{1}</b>").format(
            result.channels, result.layer))
        self.filters_caption.setText(self.tr("Learned filters of the first layer, <b>{0}</b>").format(
            result.filters_name))


class ParamEditor(QWidget):
    """Sliders and spin boxes for one step's parameters, built from its op spec."""

    changed = Signal(object)  # the new Step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.step: Step | None = None
        self.editors: dict[str, QWidget] = {}

    def edit(self, step: Step | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        self.step = step
        if step is None:
            return
        spec = get_op(step.op)
        values = dict(step.params)
        if not spec.params:
            self.form.addRow(QLabel(self.tr("No parameters.")))
        for param in spec.params:
            editor = self._editor(param, values[param.name])
            self.editors[param.name] = editor
            label = QLabel(param.name)
            label.setToolTip(core_text(param.help))
            self.form.addRow(label, editor)

    def _editor(self, param: Param, value) -> QWidget:
        if param.kind == "choice":
            box = QComboBox()
            box.addItems(list(param.choices))
            box.setCurrentText(str(value))
            box.currentTextChanged.connect(lambda v, n=param.name: self._set(n, v))
            return box
        if param.kind == "bool":
            check = QCheckBox()
            check.setChecked(bool(value))
            check.toggled.connect(lambda v, n=param.name: self._set(n, v))
            return check
        is_int = param.kind == "int"
        spin = QSpinBox() if is_int else QDoubleSpinBox()
        lo = param.minimum if param.minimum is not None else -1e6
        hi = param.maximum if param.maximum is not None else 1e6
        if is_int:
            spin.setRange(int(lo), int(hi))
            spin.setSingleStep(int(param.step or 1))
        else:
            spin.setDecimals(2)
            spin.setRange(lo, hi)
            spin.setSingleStep(param.step or 0.1)
        spin.setValue(value)
        spin.setToolTip(core_text(param.help))
        slider = QSlider(Qt.Orientation.Horizontal)
        steps = 1000
        slider.setRange(0, steps)
        slider.setValue(round((value - lo) / (hi - lo) * steps) if hi > lo else 0)

        def from_slider(position: int) -> None:
            raw = lo + (hi - lo) * position / steps
            if is_int:
                raw = round(raw)
                if param.odd and raw % 2 == 0:
                    raw = min(int(hi), raw + 1)
            spin.setValue(raw)

        slider.valueChanged.connect(from_slider)
        spin.valueChanged.connect(lambda v, n=param.name: self._set(n, v))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(slider, 1)
        line.addWidget(spin)
        return row

    def _set(self, name: str, value) -> None:
        if self.step is None:
            return
        values = dict(self.step.params)
        values[name] = value
        try:
            step = Step.make(self.step.op, **values)
        except OpError:
            return  # an even kernel size mid-typing: wait for a valid value
        self.step = step
        self.changed.emit(step)


class PreprocessPanel(Retranslatable, QWidget):
    """An editable pipeline of OpenCV ops, its preview strip, and whether the model sees the result."""

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
        session.previewsReady.connect(self._on_previews)
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
            self.list.item(row).setText(f"{row + 1}. {self.step_label(step.label())}")
        if self._previews is not None:
            self._on_previews(self._previews)

    def _clear(self, *_args) -> None:
        self._previews = None
        self.strip.set_images([])

    def _on_previews(self, result) -> None:
        self._previews = result
        self.strip.set_images([(self.step_label(label), image) for label, image in result.value])

    def step_label(self, label: str) -> str:
        """A step's label (``Gaussian blur (ksize=9)``, as the core writes it) in the interface's language."""
        if label == "input":
            return self.tr("input")
        for op in OPS:
            if label == op.name or label.startswith(op.name + " ("):
                return core_text(op.name) + label[len(op.name):]
        return label

    def set_steps(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self._refresh_list(len(self.steps) - 1)
        self._publish()

    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([f"{i + 1}. {self.step_label(s.label())}" for i, s in enumerate(self.steps)])
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
            self.list.item(row).setText(f"{row + 1}. {self.step_label(step.label())}")
            self._debounce.start()  # sliders move in many small steps

    def _publish(self) -> None:
        self.session.set_pipeline(Pipeline(tuple(self.steps)))


class ModelViewPanel(Retranslatable, QWidget):
    """The model's own input pipeline, stage by stage, with a ViT's patch grid over the crop."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = ImageRow()
        self.about = _hint("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.row, 1)
        layout.addWidget(self.about)
        session.stagesReady.connect(self._on_result)
        session.currentChanged.connect(self._clear)
        session.modelChanged.connect(self._clear)
        self._result = None

    def retranslate(self) -> None:
        if self._result is not None:
            self._on_result(self._result)

    def _clear(self, *_args) -> None:
        self._result = None
        self.row.set_images([])
        self.about.setText("")

    def _on_result(self, result) -> None:
        self._result = result
        view: ModelView = result.value
        stages = list(view.stages)
        captions = {"original": self.tr("Original"), "resized": self.tr("Resized"),
                    "cropped": self.tr("Cropped: what the model sees"),
                    "normalised": self.tr("Normalised (shown de-normalised)")}
        if view.grid is not None:
            name, crop = stages[2]
            stages[2] = (name, draw_patch_grid(crop, view.grid))
        self.row.set_images([(f"{captions[name]} · {img.shape[1]}x{img.shape[0]}", img) for name, img in stages])
        tokens = ""
        if view.grid is not None:
            h, w = view.grid
            tokens = " " + self.tr("The crop is cut into {0} x {1} = {2} patches; each becomes a token, plus "
                                   "{3} prefix (class) token(s): N = {4} tokens.").format(
                h, w, h * w, view.prefix_tokens, view.tokens)
        self.about.setText(describe_pipeline(view.pipeline) + tokens)


def draw_patch_grid(image: np.ndarray, grid: tuple[int, int]) -> np.ndarray:
    """The image with the patch grid drawn over it in white."""
    out = image.copy()
    h, w = out.shape[:2]
    for r in range(1, grid[0]):
        out[round(r * h / grid[0]), :] = 255
    for c in range(1, grid[1]):
        out[:, round(c * w / grid[1])] = 255
    return out


def method_name(method_id: str) -> str:
    """An explanation method's name in the interface's language."""
    from ..core.explain.methods import get_method

    return core_text(get_method(method_id).name)


def describe_pipeline(pipeline) -> str:
    """A model's input pipeline in one sentence, in the interface's language."""
    mean = ", ".join(f"{m:.3f}" for m in pipeline.mean)
    std = ", ".join(f"{s:.3f}" for s in pipeline.std)
    return QCoreApplication.translate(
        "ModelViewPanel", "Resize the shorter side to {0} px ({1}), crop the centre {2}x{3}, scale to [0, 1] and "
        "normalise with mean ({4}) and std ({5}).").format(pipeline.resize, pipeline.interpolation,
                                                          pipeline.crop[1], pipeline.crop[0], mean, std)
