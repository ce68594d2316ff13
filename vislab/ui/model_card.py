"""What a person wants to know about the current model, with the latency measured here."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..core.catalog import get_spec
from ..core.weights import describe_status


class ModelCard(QLabel):
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

    def show_model(self, model_id: str, weights: str | None = None) -> None:
        self._model_id, self._weights, self._latency = model_id, weights, None
        self._render()

    def set_latency(self, seconds: float | None, device: str = "") -> None:
        self._latency = seconds
        self._device = device
        self._render()

    def _render(self) -> None:
        if self._model_id is None:
            return
        spec = get_spec(self._model_id)
        weights = f"file {escape(self._weights)}" if self._weights else escape(describe_status(spec))
        latency = (f"{1000 * self._latency:.0f} ms on {escape(getattr(self, '_device', '') or 'this computer')}"
                   if self._latency is not None else "not measured yet")
        rows = [("Family", spec.family), ("Year", str(spec.year)),
                ("Parameters", f"{spec.params / 1e6:.1f} M"), ("GFLOPs", f"{spec.gflops:.2f}"),
                ("ImageNet top-1", f"{spec.top1:.1f} %"), ("Input", f"{spec.input_size} x {spec.input_size} px"),
                ("Weights", weights), ("Latency", latency)]
        table = "".join(f"<tr><td style='color:palette(mid);padding-right:10px'>{k}</td>"
                        f"<td align='right'>{v}</td></tr>" for k, v in rows)
        notes = f"<p style='margin-top:6px'>{escape(spec.notes)}</p>" if spec.notes else ""
        self.setText(f"<b style='font-size:large'>{escape(spec.name)}</b>"
                     f"<div style='margin-bottom:6px'><i>{escape(spec.paper)}</i></div>"
                     f"<table width='100%'>{table}</table>{notes}")
