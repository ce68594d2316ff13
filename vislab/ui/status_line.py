"""The status bar: what ran the model and how long it took, and the promise that images stay here."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .i18n import Retranslatable
from .model_bar import device_label


class StatusLine(Retranslatable, QStatusBar):
    """The model's state on the left (starting, ready, or what ran the predictions), privacy on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_model = QLabel()
        self.status_time = QLabel("")
        self.privacy = QLabel()
        self.addWidget(self.status_model)
        self.addWidget(self.status_time)
        self.addPermanentWidget(self.privacy)
        self.retranslate()

    def show_status(self, result, *, engine_ready: bool, device: str, ready_seconds: float) -> None:
        """Starting, ready on ``device``, or what ran ``result`` (the current predictions) and how long it
        took."""
        if result is None:
            self.status_model.setToolTip("")
            self.status_time.setText("")
            if engine_ready:
                self.status_model.setText(self.tr("{0} · ready ({1:.1f} s)").format(device, ready_seconds))
            else:
                self.status_model.setText(self.tr("starting…"))
            return
        backend = "ONNX Runtime" if result.backend == "onnx" else "PyTorch"
        self.status_model.setText(f"{device_label(result.device)} · {result.model_id} · {backend}")
        self.status_model.setToolTip(self.tr("What ran the model for these predictions"))
        self.status_time.setText(self.tr("loaded in {0:.1f} s · this image {1:.0f} ms").format(
            result.load_seconds, 1000 * result.seconds))

    def retranslate(self) -> None:
        self.privacy.setText(self.tr("Images stay on this computer"))
        self.privacy.setToolTip(self.tr("vislab makes no network call except a weights download you ask for."))
