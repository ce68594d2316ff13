"""Top-k predictions as labelled horizontal bars; clicking a class makes it the explanation target."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .i18n import Retranslatable

#: Height of a row at the normal font; rows grow with the font (presentation mode).
ROW = 30
#: A bar's thickness as a share of the font's height, on a desktop and in presentation mode.
BAR_SHARE, THICK_BAR_SHARE = 1 / 6, 0.5
#: A class name too long for one line wraps onto this many lines, at most, before it is shortened.
MAX_LINES = 2
#: Room for wrapping: no class name needs more.
_TALL = 10_000


class PredictionsView(Retranslatable, QWidget):
    """Bars for a list of :class:`~vislab.core.model.Prediction` (duck-typed: index, label, probability).

    Signals:
        classClicked(int): the class index of the clicked row.
    """

    classClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        #: False where a click chooses nothing (Compare's columns): no hand cursor, no "click" tooltip.
        self.interactive = interactive
        #: The smallest row height (at the normal font); Compare's columns are more compact.
        self.min_row = ROW
        self.items: list = []
        self.target: int | None = None
        self.placeholder = ""
        self._hover = -1
        #: The bars' thickness as a share of the font's height: thin on a desktop, thick on a projector.
        self.bar_share = BAR_SHARE
        self.setMouseTracking(True)
        self.setMinimumWidth(260)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Click a class to see where the model finds it (the explanation target).")
                        if self.interactive else "")

    def set_predictions(self, items: list, target: int | None = None) -> None:
        self.items = list(items)
        self.target = target
        self.updateGeometry()
        self.update()

    def set_target(self, target: int | None) -> None:
        self.target = target
        self.update()

    def clear(self, placeholder: str | None = None) -> None:
        if placeholder is not None:
            self.placeholder = placeholder
        self.set_predictions([])

    def set_thick(self, thick: bool) -> None:
        """Thick bars, to be read from the back of a room (presentation mode), or the desktop's thin ones."""
        self.bar_share = THICK_BAR_SHARE if thick else BAR_SHARE
        self.updateGeometry()
        self.update()

    def cut_labels(self) -> list[str]:
        """The class names that do not fit the view's width in :data:`MAX_LINES` lines, drawn shortened."""
        return [item.label for item in self.items if self._lines_for(item.label) > MAX_LINES]

    def _lines_for(self, label: str) -> int:
        """How many lines ``label`` takes, wrapped at word boundaries in the room a class name has (a word wider
        than the room counts as more lines than are allowed)."""
        metrics = QFontMetrics(self.font())
        room = max(1, self.label_width())
        if any(metrics.horizontalAdvance(word) > room for word in label.split()):
            return MAX_LINES + 1
        box = metrics.boundingRect(0, 0, room, _TALL, int(Qt.TextFlag.TextWordWrap), label)
        return max(1, round(box.height() / metrics.lineSpacing()))

    def label_lines(self) -> int:
        """The lines every row gives its class name: as many as the longest one needs, up to :data:`MAX_LINES`
        (rows keep one height, so the bars stay evenly spaced)."""
        return min(MAX_LINES, max([self._lines_for(item.label) for item in self.items] or [1]))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        lines = self.label_lines()
        if lines != getattr(self, "_lines", 1):  # a narrower view wraps a name: the rows grow
            self._lines = lines
            self.updateGeometry()

    def _percent_width(self, metrics: QFontMetrics) -> int:
        return metrics.horizontalAdvance("100.0 %") + 8

    def bar_height(self) -> int:
        return max(5, round(QFontMetrics(self.font()).height() * self.bar_share))

    def row_height(self) -> int:
        metrics = QFontMetrics(self.font())
        text = metrics.height() + (self.label_lines() - 1) * metrics.lineSpacing()
        return max(self.min_row, text + 9 + self.bar_height())

    def sizeHint(self) -> QSize:
        return QSize(300, max(self.row_height() * max(len(self.items), 3) + 8, 60))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.row_height() * max(len(self.items), 1) + 8)

    def row_at(self, y: float) -> int:
        row = int((y - 4) // self.row_height())
        return row if 0 <= row < len(self.items) else -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row != self._hover:
            self._hover = row
            pointing = row >= 0 and self.interactive
            self.setCursor(Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor)
            self.update()

    def label_width(self) -> int:
        """The room a class name has before it is elided."""
        metrics = QFontMetrics(self.font())
        return self.width() - (metrics.horizontalAdvance("100.0 %") + 8) - 12

    def is_elided(self, row: int) -> bool:
        """Whether row ``row``'s class name is shortened on screen (its tooltip then gives it in full)."""
        return self._lines_for(self.items[row].label) > MAX_LINES

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self.row_at(event.pos().y())
            if row >= 0:  # the full class name, and its number, whatever was elided
                item = self.items[row]
                QToolTip.showText(event.globalPos(), f"{item.label} (#{item.index})\n{self.toolTip()}".strip(),
                                  self)
                return True
        return super().event(event)

    def leaveEvent(self, event) -> None:
        self._hover = -1
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton and self.interactive:
            self.classClicked.emit(self.items[row].index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        if not self.items:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        accent = palette.color(QPalette.ColorRole.Highlight)
        metrics = QFontMetrics(self.font())
        width = self.width()
        percent_w = self._percent_width(metrics)
        height = self.row_height()
        bar = self.bar_height()
        for row, item in enumerate(self.items):
            top = 4 + row * height
            if row == self._hover or item.index == self.target:
                shade = QColor(accent)
                shade.setAlpha(40 if item.index == self.target else 20)
                painter.fillRect(QRectF(0, top, width, height), shade)
            label = item.label
            if self._lines_for(label) > MAX_LINES:  # shortened only when wrapping cannot show it whole
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, self.label_width() * MAX_LINES)
            painter.setPen(text)
            painter.drawText(QRectF(8, top + 1, width - percent_w - 8, height - bar - 5),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                             label)
            painter.drawText(QRectF(width - percent_w, top + 1, percent_w - 8, height - bar - 5),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{100 * item.probability:.1f} %")
            track = QRectF(8, top + height - bar - 4, width - 16, bar)
            painter.setPen(Qt.PenStyle.NoPen)
            faint = QColor(text)
            faint.setAlpha(30)
            painter.setBrush(faint)
            painter.drawRoundedRect(track, bar / 2, bar / 2)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRectF(track.left(), track.top(), max(2.0, track.width() * item.probability),
                                           track.height()), bar / 2, bar / 2)
