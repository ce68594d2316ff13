"""Live training curves: loss and accuracy per epoch, train and validation, the kept epoch marked; a second run
(from scratch) drawn on the same axes, dashed."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.teach import Epoch
from ..i18n import Retranslatable

#: Line style per run: transfer learning solid, from scratch dashed.
STYLES = {"transfer": "-", "scratch": "--"}


class Curves(Retranslatable, QWidget):
    """Two plots (loss, accuracy) with one point per epoch for each run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=(5, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.loss_axes, self.accuracy_axes = self.figure.subplots(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.runs: dict[str, list[Epoch]] = {}
        self.best: dict[str, int] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.redraw()

    def clear(self, run: str | None = None) -> None:
        """Forget one run (or all)."""
        for key in [run] if run else list(self.runs):
            self.runs.pop(key, None)
            self.best.pop(key, None)
        self.redraw()

    def add(self, run: str, epoch: Epoch) -> None:
        self.runs.setdefault(run, []).append(epoch)
        self.redraw()

    def mark_best(self, run: str, epoch: int) -> None:
        """Mark the epoch whose weights were kept (early stopping restores it)."""
        self.best[run] = epoch
        self.redraw()

    def points(self, run: str) -> int:
        return len(self.runs.get(run, []))

    def redraw(self) -> None:
        names = {"transfer": self.tr("transfer"), "scratch": self.tr("from scratch")}
        for axes, title, train_key, val_key in (
                (self.loss_axes, self.tr("Loss"), "train_loss", "val_loss"),
                (self.accuracy_axes, self.tr("Accuracy"), "train_accuracy", "val_accuracy")):
            axes.clear()
            axes.set_title(title, fontsize=9)
            axes.set_xlabel(self.tr("epoch"), fontsize=8)
            axes.tick_params(labelsize=7)
            axes.grid(alpha=0.3)
            for run, epochs in self.runs.items():
                xs = [e.epoch for e in epochs]
                style = STYLES.get(run, "-")
                axes.plot(xs, [getattr(e, train_key) for e in epochs], style, color="tab:blue", marker=".",
                          label=self.tr("{0}: train").format(names.get(run, run)))
                val = [(e.epoch, getattr(e, val_key)) for e in epochs if getattr(e, val_key) is not None]
                if val:
                    axes.plot(*zip(*val, strict=True), style, color="tab:orange", marker=".",
                              label=self.tr("{0}: validation").format(names.get(run, run)))
                if run in self.best:
                    axes.axvline(self.best[run], color="tab:green", linestyle=style, alpha=0.7,
                                 label=self.tr("{0}: kept epoch {1}").format(names.get(run, run), self.best[run]))
            if self.runs and axes is self.accuracy_axes:
                axes.set_ylim(0, 1.02)
                axes.legend(fontsize=7, loc="lower right")
        self.canvas.draw_idle()
