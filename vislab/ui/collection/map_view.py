"""The collection in two dimensions: each photo a point (or its thumbnail) placed by its feature vector,
coloured by its label or its predicted class. Hover names the file, a click makes it current, a lasso or a
box selects a group (the grid and the table then show that group).

Built once the engine is loaded (matplotlib is imported on a worker then: importing it on two threads at
once can see it half-initialised).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.offsetbox import AnnotationBbox, OffsetImage
from matplotlib.path import Path as MplPath
from matplotlib.widgets import LassoSelector, RectangleSelector
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import Retranslatable

#: How a click on the map acts (labels translated when shown).
TOOLS = (("point", QT_TRANSLATE_NOOP("MapView", "Click: make current")),
         ("lasso", QT_TRANSLATE_NOOP("MapView", "Lasso: select a group")),
         ("box", QT_TRANSLATE_NOOP("MapView", "Box: select a group")))
#: Colour by what (labels translated when shown).
COLOURS = (("label", QT_TRANSLATE_NOOP("MapView", "Colour by label")),
           ("predicted", QT_TRANSLATE_NOOP("MapView", "Colour by predicted class")))
#: Thumbnails are drawn for at most this many points (beyond, the map is points only).
MAX_THUMBNAILS = 300
#: How near the pointer must be to a point to name it, in pixels.
HOVER_PX = 8
LEGEND = 10


class MapView(Retranslatable, QWidget):
    """Signals: pointChosen(row), groupSelected(list of rows; empty: the selection was cleared).

    Args:
        names: ``names(row)`` gives a row's file name (for the hover text).
        thumbnail: ``thumbnail(row)`` gives the row's thumbnail as an RGB array, or None when it is not
            made yet (it is asked for).
    """

    pointChosen = Signal(int)
    groupSelected = Signal(list)

    def __init__(self, names: Callable[[int], str], thumbnail: Callable[[int], np.ndarray | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names, self.thumbnail_of = names, thumbnail
        self.xy = np.zeros((0, 2), np.float32)
        self.rows: list[int] = []
        self.method = ""
        self.pending = ""
        self.categories: dict[str, Sequence[str | None]] = {"label": (), "predicted": ()}
        self.selected: set[int] = set()
        self.figure = Figure(figsize=(5, 4), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.axes = self.figure.add_subplot()
        self._hover = None
        self._selector = None
        self.colour = QComboBox()
        self.tool = QComboBox()
        self.thumbnails = QCheckBox()
        self.clear = QPushButton()
        self.status = QLabel()
        for combo, items in ((self.colour, COLOURS), (self.tool, TOOLS)):
            for key, _text in items:
                combo.addItem("", key)
        controls = QHBoxLayout()
        for widget in (self.colour, self.tool, self.thumbnails, self.clear):
            controls.addWidget(widget)
        controls.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.canvas, 1)
        self.colour.currentIndexChanged.connect(lambda _i: self.draw())
        self.thumbnails.toggled.connect(lambda _on: self.draw())
        self.tool.currentIndexChanged.connect(lambda _i: self._set_tool())
        self.clear.clicked.connect(lambda: self.select([]))
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.retranslate()

    # --- what it shows ---------------------------------------------------------------------------------------

    def set_layout(self, xy: np.ndarray, rows: Sequence[int], method: str, pending: str = "") -> None:
        """Place ``rows`` at ``xy`` (n, 2), computed by ``method``; ``pending`` names a better layout on its
        way (t-SNE after PCA)."""
        self.xy, self.rows, self.method, self.pending = np.asarray(xy, np.float32), list(rows), method, pending
        self.draw()

    def set_categories(self, labels: Sequence[str | None], predicted: Sequence[str | None]) -> None:
        """Each collection row's label and predicted class (for the colours)."""
        self.categories = {"label": labels, "predicted": predicted}

    def select(self, rows: Sequence[int]) -> None:
        """Highlight ``rows`` and tell the grid (an empty list clears the group)."""
        self.selected = set(rows)
        self.draw()
        self.groupSelected.emit(sorted(self.selected))

    def draw(self) -> None:
        ax = self.axes
        ax.clear()
        ax.set_xticks([])
        ax.set_yticks([])
        if not len(self.rows):
            ax.text(0.5, 0.5, self.tr("The map appears once the images have feature vectors."),
                    ha="center", va="center", transform=ax.transAxes, wrap=True)
            self._finish()
            return
        key = self.colour.currentData() or "label"
        names = [self._category(key, row) for row in self.rows]
        order = _by_count(names)
        palette = _palette(len(order))
        colours = np.array([palette[order.index(name)] for name in names])
        sizes = 36 if len(self.rows) < 500 else 10
        ax.scatter(self.xy[:, 0], self.xy[:, 1], c=colours, s=sizes, linewidths=0, alpha=0.85)
        if self.selected:
            chosen = [i for i, row in enumerate(self.rows) if row in self.selected]
            ax.scatter(self.xy[chosen, 0], self.xy[chosen, 1], s=sizes * 3, facecolors="none",
                       edgecolors="black", linewidths=1.2)
        if self.thumbnails.isChecked() and len(self.rows) <= MAX_THUMBNAILS:
            self._draw_thumbnails()
        for name in order[:LEGEND]:
            ax.scatter([], [], color=palette[order.index(name)], s=30, label=name)
        if len(order) > LEGEND:
            ax.scatter([], [], color="white", s=0, label=self.tr("+ {0} more").format(len(order) - LEGEND))
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
        self._hover = ax.annotate("", (0, 0), xytext=(8, 8), textcoords="offset points", fontsize="small",
                                  bbox={"boxstyle": "round", "fc": "white", "alpha": 0.9}, visible=False)
        self._finish()

    def _draw_thumbnails(self) -> None:
        for (x, y), row in zip(self.xy, self.rows, strict=True):
            image = self.thumbnail_of(row)
            if image is not None:
                box = AnnotationBbox(OffsetImage(image, zoom=0.3), (x, y), frameon=False, pad=0)
                self.axes.add_artist(box)

    def _category(self, key: str, row: int) -> str:
        values = self.categories.get(key) or ()
        value = values[row] if row < len(values) else None
        return value if value else self.tr("(none)")

    def _finish(self) -> None:
        text = {"pca": self.tr("PCA"), "tsne": self.tr("t-SNE")}.get(self.method, self.method)
        if self.pending:
            text = self.tr("{0} · {1} on its way…").format(text, self.pending)
        self.status.setText(text)
        self.canvas.draw_idle()

    # --- the pointer ---------------------------------------------------------------------------------------

    def nearest(self, x_px: float, y_px: float) -> int | None:
        """The collection row of the point nearest to a pixel position of the canvas, within
        :data:`HOVER_PX`."""
        if not len(self.rows):
            return None
        screen = self.axes.transData.transform(self.xy)
        distances = np.hypot(screen[:, 0] - x_px, screen[:, 1] - y_px)
        best = int(np.argmin(distances))
        return self.rows[best] if distances[best] <= HOVER_PX else None

    def _on_motion(self, event) -> None:
        if self._hover is None or event.inaxes is not self.axes:
            return
        row = self.nearest(event.x, event.y)
        visible = row is not None
        if visible:
            self._hover.xy = (event.xdata, event.ydata)
            self._hover.set_text(self.names(row))
        if visible or self._hover.get_visible():
            self._hover.set_visible(visible)
            self.canvas.draw_idle()

    def _on_press(self, event) -> None:
        if self.tool.currentData() != "point" or event.inaxes is not self.axes or event.button != 1:
            return
        row = self.nearest(event.x, event.y)
        if row is not None:
            self.pointChosen.emit(row)

    def _set_tool(self) -> None:
        if self._selector is not None:
            self._selector.set_active(False)
            self._selector.disconnect_events()
            self._selector = None
        tool = self.tool.currentData()
        if tool == "lasso":
            self._selector = LassoSelector(self.axes, self._on_lasso)
        elif tool == "box":
            self._selector = RectangleSelector(self.axes, self._on_box, useblit=False, interactive=False)

    def _on_lasso(self, vertices) -> None:
        inside = MplPath(vertices).contains_points(self.xy)
        self.select([row for row, keep in zip(self.rows, inside, strict=True) if keep])

    def _on_box(self, press, release) -> None:
        (x0, x1), (y0, y1) = sorted((press.xdata, release.xdata)), sorted((press.ydata, release.ydata))
        inside = (self.xy[:, 0] >= x0) & (self.xy[:, 0] <= x1) & (self.xy[:, 1] >= y0) & (self.xy[:, 1] <= y1)
        self.select([row for row, keep in zip(self.rows, inside, strict=True) if keep])

    def save(self, path: str) -> None:
        self.figure.savefig(path, dpi=150)

    def retranslate(self) -> None:
        for combo, items in ((self.colour, COLOURS), (self.tool, TOOLS)):
            for i, (_key, text) in enumerate(items):
                combo.setItemText(i, self.tr(text))
        self.thumbnails.setText(self.tr("Thumbnails"))
        self.thumbnails.setToolTip(self.tr("Draw each photo in its place (up to {0} photos)").format(MAX_THUMBNAILS))
        self.clear.setText(self.tr("Clear selection"))
        self.canvas.setToolTip(self.tr("Photos the model sees alike are near each other. Hover to name a photo."))
        if self.rows or self.method:
            self.draw()


def _by_count(names: Sequence[str]) -> list[str]:
    """The distinct names, the most frequent first (ties by name)."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n))


def _palette(n: int) -> list[tuple[float, float, float, float]]:
    from matplotlib import colormaps

    cmap = colormaps["tab20"] if n > 10 else colormaps["tab10"]
    return [cmap(i % cmap.N) for i in range(max(1, n))]
