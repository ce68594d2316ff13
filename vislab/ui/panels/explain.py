"""The Explain panel: method, layer, head and target of the map the picture shows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import get_spec
from ..glossary import HelpButton
from ..i18n import Retranslatable
from ..session import Session
from ..texts import core_text, error_text, method_name
from .common import ShowsAnalyses, hint


class ExplainPanel(ShowsAnalyses, Retranslatable, QWidget):
    """Method, layer, head and target for the explanation; the map itself shows in the image view."""

    ANALYSES = ("explain",)

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
        self.about = hint("")
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
        feed = session.feed("explain")
        feed.ready.connect(self._on_result)
        feed.failed.connect(self._on_failed)
        feed.progress.connect(self._on_progress)
        feed.cancelled.connect(self._on_cancelled)
        session.currentChanged.connect(self._on_image)
        session.modelChanged.connect(self._on_model)
        session.engineReady.connect(self._on_engine_ready)

    def _on_cancel(self) -> None:
        self.session.cancel("explain")

    def _on_cancelled(self) -> None:
        self._result = None
        self.cancel.setVisible(False)
        self.state.setText(self.tr("Cancelled."))

    def _on_image(self, _index: int) -> None:
        self._result = None
        self.target.setText(self.tr("target: the top-1 class"))
        self.state.setText("")
        self.cancel.setVisible(False)

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._result = None
        self.state.setText(error_text(error))
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
        from ...core.explain.methods import methods_for_spec

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
        from ...core.explain.methods import get_method

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

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.state.setText(self.tr("computing… {0} of {1}").format(done, total))
            self.cancel.setVisible(True)
