"""The Explain panel: method, layer, head and target of the map the picture shows; the sanity check's two
maps side by side."""

from __future__ import annotations

from PySide6.QtCore import QSize, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import get_spec
from ...core.heatmaps import overlay
from ..faithfulness_view import FaithfulnessView
from ..glossary import HelpButton
from ..i18n import Retranslatable
from ..image_row import Picture
from ..legend import ColorLegend
from ..session import Session
from ..texts import core_text, error_text, method_name
from .common import ShowsAnalyses, hint

#: Between a class's index and its names in the class box ("817 · sports car, sport car").
SEP = " · "


def class_entries(labels: tuple[str, ...]) -> list[str]:
    """The class box's entries, "index · names", in index order."""
    return [f"{index}{SEP}{label}" for index, label in enumerate(labels)]


def find_class(text: str, labels: tuple[str, ...]) -> list[int]:
    """The classes ``text`` names, best first: an index ("817", or a whole entry), else a class one of whose
    names ("sports car" of "sports car, sport car") is ``text`` (any case), else those whose names contain it.
    With no labels known yet, only an index is understood."""
    text = text.strip()
    head = text.split(SEP, 1)[0].strip().lstrip("#")
    if head.isdigit():
        index = int(head)
        return [index] if not labels or index < len(labels) else []
    wanted = text.casefold()
    if not wanted:
        return []
    names = [[name.strip().casefold() for name in label.split(",")] for label in labels]
    exact = [i for i, n in enumerate(names) if wanted in n or wanted == labels[i].casefold()]
    return exact or [i for i, label in enumerate(labels) if wanted in label.casefold()]


class SquarePicture(Picture):
    """A map that asks for a square of its own, so the colour scale sits right beside it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(200, 200)


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
        self.classes = QLineEdit()  # any of the classes as the target, by number or by name
        self.classes.setClearButtonEnabled(True)
        self.classes.setMinimumWidth(220)
        self._class_model = QStringListModel(self)
        completer = QCompleter(self._class_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.classes.setCompleter(completer)
        self.class_label = QLabel()
        self.labels_known: tuple[str, ...] = ()
        self.top1 = QPushButton()
        self.randomized = QCheckBox()
        self.sanity = QWidget()  # the sanity check: trained and randomised maps side by side
        self.trained_map, self.random_map = SquarePicture(smooth=True), SquarePicture(smooth=True)
        self.trained_caption, self.random_caption, self.similarity = QLabel(), QLabel(), hint("")
        self.sanity_legend = ColorLegend()
        self.about = hint("")
        self.state = QLabel("")
        self.cancel = QPushButton()
        self.cancel.setVisible(False)
        self.labels = [QLabel() for _ in range(3)]
        self.faithfulness = FaithfulnessView(session)  # the map's scores, under it
        self._result = None
        self._layer_sizes: dict = {}  # each layer's output size, by name, from the last answer
        self._listed_sizes: dict = {}  # the sizes the layer list shows
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
        self.class_label.setText(self.tr("Target class"))
        self.classes.setPlaceholderText(self.tr("type a class: 817 or sports car"))
        self.classes.setToolTip(self.tr("Explain any of the model's classes: type its number or one of its names "
                                        "and press Enter, or pick it from the list"))
        self.trained_caption.setText(self.tr("Trained weights"))
        self.random_caption.setText(self.tr("Randomised weights"))
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
        target.addWidget(self.class_label)
        target.addWidget(self.classes)
        target.addWidget(self.top1)
        target.addWidget(self.target, 1)
        status = QHBoxLayout()
        status.addWidget(self.state, 1)
        status.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(target)
        layout.addWidget(self.about)
        layout.addLayout(status)
        layout.addWidget(self._build_sanity(), 1)
        layout.addWidget(self.faithfulness, 1)
        layout.addStretch(0)

    def _build_sanity(self) -> QWidget:
        grid = QGridLayout(self.sanity)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (caption, picture) in enumerate(((self.trained_caption, self.trained_map),
                                                     (self.random_caption, self.random_map))):
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 0, column)
            grid.addWidget(picture, 1, column)
            picture.setMinimumSize(140, 140)
        grid.addWidget(self.sanity_legend, 1, 2)
        grid.addWidget(self.similarity, 0, 3, 2, 1)
        grid.setColumnStretch(3, 1)
        self.sanity.setVisible(False)
        return self.sanity

    def _connect(self) -> None:
        session = self.session
        self.method.activated.connect(self._on_method)
        self.layer.activated.connect(self._on_layer)
        self.layer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.layer.lineEdit().returnPressed.connect(self._on_layer)
        self.head.valueChanged.connect(lambda v: session.set_explain(head=None if v < 0 else v))
        self.top1.clicked.connect(self._on_top1)
        self.classes.returnPressed.connect(self._on_class_typed)
        self.classes.completer().activated.connect(self._on_class_typed)
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
        self.sanity.setVisible(False)
        self.state.setText(self.tr("Cancelled."))

    def _on_image(self, _index: int) -> None:
        self._result = None
        self.target.setText(self.tr("target: the top-1 class"))
        self.state.setText("")
        self.cancel.setVisible(False)
        self.sanity.setVisible(False)
        if not self.classes.hasFocus():
            self.classes.clear()

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._result = None
        self.state.setText(error_text(error))
        self.cancel.setVisible(False)
        self.sanity.setVisible(False)

    def _reset_head(self) -> None:
        self.head.blockSignals(True)
        self.head.setValue(-1)
        self.head.blockSignals(False)

    def _on_engine_ready(self, *_args) -> None:
        self._on_model(self.session.choices.model_id)

    def _on_model(self, model_id: str) -> None:
        self._result = None
        self._layer_sizes, self._listed_sizes = {}, {}
        self.sanity.setVisible(False)
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
        self.layer.setEnabled(m.uses_layer)
        self.layer.setToolTip(self.tr("The layer the map is taken from, as the model names it, with its output "
                                      "size (height x width x channels).") if m.uses_layer else
                              self.tr("{0} does not use a layer.").format(core_text(m.name)))
        for widget in (self.classes, self.top1):  # a map that is the same for every class has no target
            widget.setEnabled(not m.class_agnostic)
        if self.layer.count():
            self._set_default_item(m)
            if reset:
                self.layer.setCurrentIndex(0)
            self.layer.lineEdit().setCursorPosition(0)  # the start of a long name, not its end
        if reset:
            self._reset_head()

    def _set_default_item(self, m) -> None:
        if not m.uses_layer:
            default = self.tr("all blocks") if m.id == "rollout" else self.tr("the input")
        elif m.kind == "attention":
            default = self.tr("the last block")
        else:
            default = get_spec(self.session.choices.model_id).target_layer
            sizes = getattr(self, "_layer_sizes", {})
            if default in sizes:
                default = layer_text(default, sizes[default])
        self.layer.setItemText(0, self.tr("{0} (default)").format(default))

    def _on_method(self) -> None:
        method_id = self.method.currentData()
        self._describe(method_id)
        self.session.set_explain(method=method_id)

    def _on_layer(self) -> None:
        text = self.layer.currentText().strip()  # a listed layer, or a name typed in
        index = self.layer.findText(text)
        if index >= 0:
            layer = self.layer.itemData(index)
        else:
            layer = text.split(SEP, 1)[0].strip() or None
        if layer != self.session.choices.layer:  # Enter and activated both arrive for one choice
            self.session.set_explain(layer=layer)

    def set_layers(self, layers: list[str], sizes: dict | None = None) -> None:
        """The listed layers, each with its output size (``layer4 · 7x7x512``) when known."""
        sizes = sizes or {}
        default = self.layer.itemText(0) if self.layer.count() else ""
        self.layer.clear()
        if default:
            self.layer.addItem(default, None)
        for name in layers:
            self.layer.addItem(layer_text(name, sizes[name]) if name in sizes else name, name)

    def layer_names(self) -> list[str]:
        """The listed layers' names (without their sizes)."""
        return [self.layer.itemData(i) for i in range(1, self.layer.count())]

    # --- the target class -------------------------------------------------------------------------------------

    def _on_top1(self) -> None:
        self.classes.clear()
        self.session.set_explain(target=None)

    def _on_class_typed(self, text: str | None = None) -> None:
        """Enter in the class box, or an entry picked from its list: that class becomes the target."""
        text = self.classes.text() if text is None else text
        if not text.strip():
            self._on_top1()
            return
        found = find_class(text, self.labels_known)
        if not found:
            self.state.setText(self.tr("No class matches “{0}”: type a number from 0 to {1} or a class name.")
                               .format(text.strip(), max(len(self.labels_known), 1000) - 1))
            return
        self.set_target(found[0])

    def set_target(self, index: int) -> None:
        """Make class ``index`` the target, as a click on a prediction row does."""
        if self.labels_known:
            self.classes.setText(class_entries(self.labels_known)[index])
            self.classes.setCursorPosition(0)
        shown = self._result is not None and self._result.explanation.target == index
        if index != self.session.choices.target or not shown:  # Enter after a pick from the list: asked once
            self.session.set_explain(target=index)

    def _set_labels(self, labels: tuple[str, ...]) -> None:
        if labels and labels != self.labels_known:
            self.labels_known = tuple(labels)
            self._class_model.setStringList(class_entries(self.labels_known))

    # --- answers ----------------------------------------------------------------------------------------------

    def _on_result(self, result) -> None:
        self._layer_sizes = dict(result.layer_sizes)
        typing = self.layer.lineEdit().hasFocus()
        if not typing and (self.layer_names() != list(result.layers) or self._listed_sizes != self._layer_sizes):
            self._listed_sizes = self._layer_sizes
            current = self.session.choices.layer
            self.set_layers(list(result.layers), self._layer_sizes)
            index = self.layer.findData(current) if current else 0
            if index >= 0:
                self.layer.setCurrentIndex(index)
            else:
                self.layer.setEditText(current)
            self.layer.lineEdit().setCursorPosition(0)
        if self.method.currentData():
            from ...core.explain.methods import get_method

            self._set_default_item(get_method(self.method.currentData()))
            if self.layer.currentIndex() == 0 and not typing:
                self.layer.setEditText(self.layer.itemText(0))
                self.layer.lineEdit().setCursorPosition(0)
        if result.heads:
            self.head.setMaximum(result.heads - 1)
        self._set_labels(result.labels)
        self._result = result
        self._show_result(result)
        self._show_sanity(result)
        self.faithfulness.show_explanation(result)
        self.cancel.setVisible(False)

    def _show_result(self, result) -> None:
        e = result.explanation
        probability = 100 * float(e.probabilities[e.target])
        if not e.class_specific:
            self.target.setText(self.tr("no target class: {0} gives the same map whatever the class (the model "
                                        "answers <b>{1}</b>)").format(method_name(e.method), e.target_label))
        else:
            self.target.setText(self.tr("target: <b>{0}</b> (#{1}, {2:.1f} %)").format(e.target_label, e.target,
                                                                                      probability))
            if not self.classes.hasFocus() and self.labels_known:
                self.classes.setText(class_entries(self.labels_known)[e.target])
                self.classes.setCursorPosition(0)
        if result.randomized:
            self.state.setText(self.tr("{0} at {1} on randomised weights in {2:.0f} ms").format(
                method_name(e.method), e.layer, 1000 * e.seconds))
        else:
            self.state.setText(self.tr("{0} at {1} in {2:.0f} ms").format(method_name(e.method), e.layer,
                                                                          1000 * e.seconds))

    def _show_sanity(self, result) -> None:
        """With the randomised weights: the trained map beside the randomised one, and how alike they are."""
        trained = result.trained
        self.sanity.setVisible(trained is not None)
        if trained is None:
            return
        randomized = result.explanation
        self.trained_map.set_image(overlay(trained.view, trained.heatmap, 0.5, self.sanity_legend.colormap))
        self.random_map.set_image(overlay(randomized.view, randomized.heatmap, 0.5, self.sanity_legend.colormap))
        target = (self.tr("class {0} (#{1})").format(trained.target_label, trained.target) if trained.class_specific
                  else self.tr("the same map for every class"))
        verdict = (self.tr("the map follows what the model learned: the method passes the check")
                   if result.similarity < 0.5 else
                   self.tr("the map hardly depends on what the model learned: be wary of it"))
        self.similarity.setText(self.tr(
            "Both maps for {0}. Similarity (Spearman rank correlation of the maps' pixels): <b>{1:.2f}</b> "
            "(1 = the same map, 0 = unrelated) — {2}.").format(target, result.similarity, verdict))

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.state.setText(self.tr("computing… {0} of {1}").format(done, total))
            self.cancel.setVisible(True)


def layer_text(name: str, size: tuple[int, int, int]) -> str:
    """``layer4 · 7x7x512``: a layer and its output size (height x width x channels)."""
    return f"{name}{SEP}{'x'.join(str(v) for v in size)}"
