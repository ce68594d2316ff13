"""The colour-scale legend drawn beside a map: the colormap in use as a bar, with what its ends mean."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.heatmaps import colorize
from .i18n import Retranslatable
from .qt_images import to_pixmap


class ColorLegend(Retranslatable, QWidget):
    """A vertical colour bar for :attr:`colormap`, ``high`` at the top and ``low`` at the bottom.

    The end labels default to "high" and "low" (a map scaled to its own range has no units); :meth:`set_ends`
    gives others ("1" and "0" for a probability drop, say). The tooltip says what the colours mean.
    """

    def __init__(self, colormap: str = "jet", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colormap = ""
        self._ends: tuple[str, str] | None = None
        self._ramp = None
        self.meaning = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.set_colormap(colormap)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.meaning or self.tr("Colour scale of the map: from its weakest value (bottom) to its "
                                                "strongest (top)"))
        self.updateGeometry()
        self.update()

    def set_colormap(self, colormap: str) -> None:
        """Draw the bar in ``colormap`` (a name of :data:`~vislab.core.heatmaps.COLORMAPS`)."""
        if colormap != self.colormap:
            self.colormap = colormap
            self._ramp = None  # made when first drawn: the colormaps come from matplotlib, not imported at start-up
            self.update()

    def _bar(self):
        if self._ramp is None:
            ramp = colorize(np.linspace(1.0, 0.0, 256, dtype=np.float32)[:, None], self.colormap)
            self._ramp = to_pixmap(np.ascontiguousarray(np.repeat(ramp, 8, axis=1)))
        return self._ramp

    def set_ends(self, low: str, high: str, meaning: str = "") -> None:
        """Label the bar's ends (already translated) and say in the tooltip what the colours measure."""
        self._ends = (low, high)
        self.meaning = meaning
        self.retranslate()

    def ends(self) -> tuple[str, str]:
        """The (bottom, top) labels as shown."""
        return self._ends or (self.tr("low"), self.tr("high"))

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(max(metrics.horizontalAdvance(t) for t in self.ends()) + 8, 160)

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(self.sizeHint().width(), 3 * metrics.height() + 8)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        low, high = self.ends()
        bar = QRect((self.width() - 14) // 2, line + 2, 14, max(8, self.height() - 2 * line - 4))
        painter.drawPixmap(bar, self._bar())
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(QRect(0, 0, self.width(), line), Qt.AlignmentFlag.AlignCenter, high)
        painter.drawText(QRect(0, bar.bottom() + 2, self.width(), line), Qt.AlignmentFlag.AlignCenter, low)

    def colour_at(self, fraction: float) -> tuple[int, int, int]:
        """The bar's colour ``fraction`` of the way up (0 the bottom, 1 the top), as drawn (for the tests)."""
        return tuple(int(v) for v in colorize(np.array([[fraction]], np.float32), self.colormap)[0, 0])
