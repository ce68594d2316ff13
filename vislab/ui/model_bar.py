"""The model bar under the menus: the model, the device it runs on, how many classes to show, and a busy
indicator with a cancel button; the Model menu's commands act on the same choices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QWidget,
)

from ..core.catalog import get_spec
from ..core.weights import WEIGHTS_SUFFIXES
from .i18n import Retranslatable
from .model_picker import ModelPicker
from .session import Session
from .settings import Settings


def device_label(name: str) -> str:
    """A device's name as the person reads it: "CPU", "CUDA", "Apple GPU"."""
    if name == "mps":
        return QCoreApplication.translate("ModelBar", "Apple GPU")
    return "CPU" if name == "cpu" else name.upper()


class ModelBar(Retranslatable, QToolBar):
    """Sends the person's choice of model, device and k to ``session``; ``settings`` keeps the fast path."""

    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.setObjectName("modelToolbar")
        self.setMovable(False)
        self.picker = ModelPicker()
        self.device = QComboBox()
        self.device.addItem("CPU", "cpu")
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 20)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(110)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.cancel = QPushButton()
        self.model_label, self.device_label = QLabel(), QLabel()
        self.addWidget(self.model_label)
        self.addWidget(self.picker)
        self.addSeparator()
        self.addWidget(self.device_label)
        self.addWidget(self.device)
        self.addSeparator()
        self.addWidget(self.top_k)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        # Widgets in a toolbar show and hide through their actions.
        self.busy_action = self.addWidget(self.busy)
        self.cancel_action = self.addWidget(self.cancel)
        self.busy_action.setVisible(False)
        self.cancel_action.setVisible(False)
        self.picker.modelChosen.connect(session.set_model)
        self.device.activated.connect(lambda _row: session.set_device(self.device.currentData()))
        self.top_k.valueChanged.connect(session.set_top_k)
        session.modelChanged.connect(self._on_model_changed)
        self.retranslate()

    def _on_model_changed(self, model_id: str) -> None:
        """The picker follows: the chosen model selected, a weights file loaded for it named."""
        self.picker.set_weights_files(self.session.weights_files)
        self.picker.select(model_id)

    def device_name(self) -> str:
        """The chosen device, in words."""
        return device_label(self.device.currentData() or "cpu")

    def fall_back_to_cpu(self) -> None:
        self.device.setCurrentIndex(max(0, self.device.findData("cpu")))
        self.session.set_device("cpu")

    def load_weights(self) -> None:
        """Ask for a weights file for the chosen architecture, and use it."""
        patterns = " ".join(f"*{s}" for s in WEIGHTS_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self.window(), self.tr("Weights for {0}").format(get_spec(self.session.choices.model_id).name), "",
            self.tr("Weights ({0})").format(patterns))
        if path:
            self.session.set_model(self.session.choices.model_id, weights=path)

    def use_pretrained(self) -> None:
        self.session.set_model(self.session.choices.model_id, weights=None)

    def set_fast_path(self, on: bool) -> None:
        """Classify with ONNX Runtime (remembered)."""
        self.settings.set("fast_path", on)
        self.session.set_fast_path(on)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Model"))
        self.model_label.setText(" {} ".format(self.tr("Model")))
        self.device_label.setText(" {} ".format(self.tr("Device")))
        self.device.setToolTip(self.tr("Where the model runs (only devices present on this computer)"))
        for i in range(self.device.count()):
            self.device.setItemText(i, device_label(self.device.itemData(i)))
        self.top_k.setPrefix(self.tr("Top-"))
        self.top_k.setToolTip(self.tr("How many classes to show"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop the download or the long computation"))
