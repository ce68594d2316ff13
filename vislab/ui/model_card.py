"""What a person wants to know about the current model, with the latency measured here.

The latency a model measures as it loads competes with whatever else starts at the same time (torch's import,
the first photos, the first map), so it is shown as provisional ("≈ 1176 ms, provisional") until the session
times the model while nothing else runs (:class:`~vislab.ui.session.Timing`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..core.catalog import get_spec
from ..core.weights import weights_status
from .i18n import Retranslatable
from .texts import core_text, family, status_text


class ModelCard(Retranslatable, QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(8)
        self._model_id: str | None = None
        self._weights: str | None = None
        self._latency: float | None = None
        self._device = ""
        self._timed: dict[str, float] = {}  # by device: timed while nothing else ran

    @property
    def provisional(self) -> bool:
        """Whether the latency shown was measured while other work competed for the cores."""
        return self._latency is not None and self._device not in self._timed

    def show_model(self, model_id: str, weights: str | None = None) -> None:
        if (model_id, weights) != (self._model_id, self._weights):
            self._timed = {}
        self._model_id, self._weights, self._latency = model_id, weights, None
        self._render()

    def set_latency(self, seconds: float | None, device: str = "") -> None:
        """The latency the model measured when it loaded (provisional until :meth:`set_timed` for ``device``)."""
        self._latency = seconds
        self._device = device
        self._render()

    def set_timed(self, timing, device: str) -> None:
        """A :class:`~vislab.ui.session.Timing` of this card's model, made while nothing else ran."""
        if (timing.model_id, timing.weights) == (self._model_id, self._weights):
            self._timed[device] = timing.seconds
            self._latency, self._device = timing.seconds, device
            self._render()

    def retranslate(self) -> None:
        self._render()

    def _render(self) -> None:
        if self._model_id is None:
            return
        spec = get_spec(self._model_id)
        weights = (self.tr("file {0}").format(escape(self._weights)) if self._weights
                   else escape(status_text(spec, weights_status(spec))))
        device = self._device or self.tr("this computer")
        if self._latency is None:
            latency = self.tr("not measured yet")
        elif self._device in self._timed:
            latency = self.tr("{0:.0f} ms on {1}").format(1000 * self._timed[self._device], escape(device))
        else:
            latency = self.tr("≈ {0:.0f} ms on {1} (provisional: measured while other work ran)").format(
                1000 * self._latency, escape(device))
        rows = [(self.tr("Family"), family(spec.family)), (self.tr("Year"), str(spec.year)),
                (self.tr("Parameters"), f"{spec.params / 1e6:.1f} M"), (self.tr("GFLOPs"), f"{spec.gflops:.2f}"),
                (self.tr("ImageNet top-1"), f"{spec.top1:.1f} %"),
                (self.tr("Input"), f"{spec.input_size} x {spec.input_size} px"),
                (self.tr("Weights"), weights), (self.tr("Latency"), latency)]
        table = "".join(f"<tr><td style='color:palette(mid);padding-right:10px'>{k}</td>"
                        f"<td align='right'>{v}</td></tr>" for k, v in rows)
        notes = f"<p style='margin-top:6px'>{escape(core_text(spec.notes))}</p>" if spec.notes else ""
        self.setText(f"<b style='font-size:large'>{escape(spec.name)}</b>"
                     f"<div style='margin-bottom:6px'><i>{escape(spec.paper)}</i></div>"
                     f"<table width='100%'>{table}</table>{notes}")
