"""The status bar: what ran the model and how long it took, and the promise that images stay here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .i18n import Retranslatable
from .model_bar import device_label

#: What the status line says in each state of the window, before predictions (``{0}`` the device, ``{1}`` the
#: model's name, ``{2}`` seconds or a detail).
STATES = {
    "starting": QT_TRANSLATE_NOOP("StatusLine", "starting…"),
    "torch": QT_TRANSLATE_NOOP("StatusLine", "starting: loading torch…"),
    "libraries": QT_TRANSLATE_NOOP("StatusLine", "starting: loading timm and torchvision…"),
    "methods": QT_TRANSLATE_NOOP("StatusLine", "starting: loading the explanation methods…"),
    "model": QT_TRANSLATE_NOOP("StatusLine", "starting: loading {2}…"),
    "ready": QT_TRANSLATE_NOOP("StatusLine", "{0} · {1} · ready ({2:.1f} s)"),
    "classifying": QT_TRANSLATE_NOOP("StatusLine", "{0} · {1} · classifying…"),
    "failed": QT_TRANSLATE_NOOP("StatusLine", "{0} · {1} · no predictions"),
    "unreadable": QT_TRANSLATE_NOOP("StatusLine", "{0} · {1} · this photo cannot be read"),
    "engine_failed": QT_TRANSLATE_NOOP("StatusLine", "The engine could not start: see the message above."),
}


class StatusLine(Retranslatable, QStatusBar):
    """The model's state on the left (what start-up is loading, ready, classifying, or what ran the
    predictions), privacy on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_model = QLabel()
        self.status_time = QLabel("")
        self.privacy = QLabel()
        self.live_rates = QLabel()  # while Live runs: camera fps · predictions/s · maps/s
        self.live_rates.setVisible(False)
        self.addWidget(self.status_model)
        self.addWidget(self.status_time)
        self.addWidget(self.live_rates)
        self.addPermanentWidget(self.privacy)
        self.retranslate()

    def show_status(self, result, *, state: str = "starting", device: str = "", model: str = "",
                    detail: object = "") -> None:
        """What ran ``result`` (the current predictions) and how long it took; without a result, the window's
        ``state`` (a key of :data:`STATES`) on ``device`` with ``model`` (its name) and ``detail``."""
        if result is None:
            self.status_model.setToolTip("")
            self.status_time.setText("")
            self.status_model.setText(self.tr(STATES[state]).format(device, model, detail if detail != "" else 0))
            return
        backend = "ONNX Runtime" if result.backend == "onnx" else "PyTorch"
        self.status_model.setText(f"{device_label(result.device)} · {result.model_id} · {backend}")
        self.status_model.setToolTip(self.tr("What ran the model for these predictions"))
        self.status_time.setText(self.tr("loaded in {0:.1f} s · this image {1:.0f} ms").format(
            result.load_seconds, 1000 * result.seconds))

    def show_rates(self, rates, *, starting: bool = False) -> None:
        """Live's three rates (a :class:`~vislab.core.live.LiveRates`); None hides them, or says Live is starting."""
        self.live_rates.setVisible(rates is not None or starting)
        if rates is None:
            self.live_rates.setText(self.tr("Live: starting…") if starting else "")
            return
        self.live_rates.setText(self.tr("Live: camera {0:.0f} fps · {1:.1f} predictions/s · {2:.1f} maps/s").format(
            rates.camera_fps, rates.predictions_per_s, rates.maps_per_s))

    def retranslate(self) -> None:
        self.privacy.setText(self.tr("Images stay on this computer"))
        self.privacy.setToolTip(self.tr("vislab makes no network call except a weights download you ask for."))
