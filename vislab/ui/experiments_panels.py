"""The Compare and Experiments panels: models side by side, and robustness sweeps with a live plot."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import list_models
from ..core.weights import WeightsStatus, weights_status
from .glossary import HelpButton
from .i18n import Retranslatable
from .image_row import Picture
from .panels import method_name
from .session import MAX_COMPARE, Session
from .texts import core_text, family


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
            usable = spec.id in self.session.weights_files or weights_status(spec) in (
                WeightsStatus.BUNDLED, WeightsStatus.CACHED, WeightsStatus.DOWNLOAD)
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
        self.columns: list[tuple[QLabel, Picture, QLabel]] = []
        body = QHBoxLayout()
        for _ in range(MAX_COMPARE):
            title, picture, text = QLabel(), Picture(smooth=True), QLabel()
            for label in (title, text):
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(picture, 1)
            column.addWidget(text)
            body.addLayout(column, 1)
            self.columns.append((title, picture, text))
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
        self._count = 0
        self.preset.clicked.connect(self._on_preset)
        self.run.clicked.connect(self._on_run)
        session.columnReady.connect(self._on_column)
        session.failed.connect(self._on_failed)
        session.currentChanged.connect(self._clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.preset.setText(self.tr("CNN vs ViT"))
        self.preset.setToolTip(self.tr("ResNet-50 against ViT-B/16; offline, the bundled CNN against a ViT you have"))
        self.run.setText(self.tr("Compare"))
        self.run.setToolTip(self.tr("Compare the checked models (2 to {0}) on the current image").format(MAX_COMPARE))
        for column, result in self._shown.items():
            self._on_column(column, result)

    def _on_preset(self) -> None:
        self.models.refresh()
        self.models.check_only(cnn_vs_vit(self.session))
        self._on_run()

    def _on_run(self) -> None:
        ids = self.models.checked()
        if not 2 <= len(ids) <= MAX_COMPARE:
            self.agreement.setText(self.tr("Check 2 to {0} models.").format(MAX_COMPARE))
            return
        self._clear()
        self._count = len(ids)
        for column, _model_id in enumerate(ids):
            self.columns[column][0].setText(self.tr("computing…"))
        self.session.compare(ids)

    def _clear(self, *_args) -> None:
        self._results, self._shown = {}, {}
        self.agreement.setText("")
        for title, picture, text in self.columns:
            title.setText("")
            text.setText("")
            picture.set_image(None)

    def _on_column(self, column: int, result) -> None:
        col, overlay = result.value
        self._results[column] = col
        self._shown[column] = result
        title, picture, text = self.columns[column]
        latency = self.tr("{0:.0f} ms here").format(1000 * col.latency) if col.latency is not None else ""
        title.setText(self.tr("<b>{0}</b><br>{1} · {2:.1f} M · {3:.2f} GFLOPs · {4}<br>map: {5}").format(
            escape(col.name), family(col.family), col.params / 1e6, col.gflops, latency,
            method_name(col.method)))
        picture.set_image(overlay)
        text.setText("<br>".join(f"{escape(p.label[:28])} {100 * p.probability:.1f} %" for p in col.predictions))
        if len(self._results) == self._count:
            tops = {c.predictions[0].index for c in self._results.values()}
            self.agreement.setText(self.tr("Top-1 agrees") if len(tops) == 1 else self.tr("Top-1 differs"))

    def _on_failed(self, channel: str, message: str) -> None:
        if channel.startswith("compare:"):
            self.columns[int(channel.split(":")[1])][0].setText(escape(message))


class SweepPanel(Retranslatable, QWidget):
    """A perturbation swept over a range for the models checked in the Compare panel, plotted live."""

    def __init__(self, session: Session, compare: ComparePanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ..core.experiments import PERTURBATIONS

        self.session, self.compare = session, compare
        self.perturbation = QComboBox()
        for p in PERTURBATIONS:
            self.perturbation.addItem(core_text(p.name), p.id)
        self.start, self.stop = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self.start, self.stop):
            box.setRange(-1000, 1000)
        self.steps = QSpinBox()
        self.steps.setRange(1, 100)
        self.steps.setValue(13)
        self.run, self.cancel, self.save_csv, self.save_png = (QPushButton() for _ in range(4))
        self.progress = QProgressBar()
        self.labels = [QLabel() for _ in range(5)]
        self.figure = Figure(figsize=(8, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.result = None
        self._names: dict[str, str] = {}
        row = QHBoxLayout()
        for widget in (self.labels[0], self.perturbation, self.labels[1], self.start, self.labels[2],
                       self.stop, self.labels[3], self.steps, self.run, self.cancel, self.progress,
                       self.save_csv, self.save_png):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.labels[4])
        layout.addWidget(self.canvas, 1)
        self.perturbation.currentIndexChanged.connect(self._on_perturbation)
        self.run.clicked.connect(self._on_run)
        self.cancel.clicked.connect(self._on_cancel)
        self.save_csv.clicked.connect(self._on_save_csv)
        self.save_png.clicked.connect(self._on_save_png)
        session.sweepReady.connect(self._on_result)
        session.progress.connect(self._on_progress)
        session.failed.connect(self._on_failed)
        self._on_perturbation()
        self._set_running(False)
        self.retranslate()

    def retranslate(self) -> None:
        from ..core.experiments import PERTURBATIONS

        for i, p in enumerate(PERTURBATIONS):
            self.perturbation.setItemText(i, core_text(p.name))
        for button, text in zip((self.run, self.cancel, self.save_csv, self.save_png),
                                (self.tr("Run"), self.tr("Cancel"), self.tr("Save table…"), self.tr("Save plot…")),
                                strict=True):
            button.setText(text)
        for label, text in zip(self.labels, (self.tr("Perturbation"), self.tr("from"), self.tr("to"),
                                             self.tr("steps"), self.tr("Models: those checked in the Compare "
                                                                       "panel.")), strict=True):
            label.setText(text)
        if self.result is not None:
            self._draw()

    def _plot_labels(self) -> dict[str, str]:
        from ..core.experiments import PERTURBATIONS

        spec = PERTURBATIONS.get(self.result.perturbation)
        return {"probability": self.tr("Probability of the original top-1 class"),
                "agreement": self.tr("Top-1 unchanged"), "no": self.tr("no"), "yes": self.tr("yes"),
                "xlabel": f"{core_text(spec.name)}: {core_text(spec.unit)}"}

    def _draw(self) -> None:
        self.result.draw(self.figure, self._names, self._plot_labels())
        self.canvas.draw_idle()

    def _on_perturbation(self, *_args) -> None:
        from ..core.experiments import PERTURBATIONS

        spec = PERTURBATIONS.get(self.perturbation.currentData())
        self.start.setValue(spec.start)
        self.stop.setValue(spec.stop)

    def _set_running(self, running: bool) -> None:
        self.run.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.save_csv.setEnabled(self.result is not None and not running)
        self.save_png.setEnabled(self.result is not None and not running)

    def _on_run(self) -> None:
        ids = self.compare.models.checked()
        if not ids:
            return
        self.progress.setValue(0)
        self._set_running(True)
        self.session.sweep(ids, self.perturbation.currentData(), self.start.value(), self.stop.value(),
                           self.steps.value())

    def _on_cancel(self) -> None:
        self.session.runner.cancel("sweep")
        self._set_running(False)

    def _on_progress(self, channel: str, done: int, total: int) -> None:
        if channel == "sweep" and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_result(self, result) -> None:
        self.result, self._names = result.value
        self._draw()
        self._set_running(False)

    def _on_failed(self, channel: str, message: str) -> None:
        if channel == "sweep":
            self._set_running(False)

    def _on_save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sweep"), "sweep.csv", "CSV (*.csv)")
        if path:
            self.result.write_csv(path)

    def _on_save_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the plot"), "sweep.png", "PNG (*.png)")
        if path:
            self.result.plot(path, self._names, self._plot_labels())
