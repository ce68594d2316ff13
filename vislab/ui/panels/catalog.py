"""The Models panel: every model as a sortable table, timed on this machine, and top-1 against latency.

The lecture's accuracy table, live: "Measure here" times each catalog architecture on the CPU, one model
at a time in the background (its own weights when they are here, random ones otherwise: the latency does
not depend on the weight values), and the scatter of published top-1 against measured latency grows as
each model is done.
"""

from __future__ import annotations

import math
import statistics

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import ModelSpec, get_spec, list_models
from ...core.measure import WARM_UP_PASSES, Measurement
from ..i18n import Retranslatable
from ..model_picker import weights_text
from ..session import Session
from ..texts import error_text, family

#: Numbers sort by this role, so 138 M comes after 61 M.
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: One colour per family in the scatter.
FAMILY_COLOURS = {"CNN": "tab:blue", "Transformer": "tab:orange", "Hybrid": "tab:green"}
#: Steps of the progress bar per model (its forward passes report inside that).
STEPS = 100

MODEL, FAMILY, YEAR, PARAMS, GFLOPS, TOP1, WEIGHTS, LATENCY, TIMED_WITH = range(9)
#: Before anything is measured here: seconds of CPU per GFLOP of a forward pass, and to build a model per
#: million parameters (plus a fixed part); a measurement replaces the first.
GUESS_SECONDS_PER_GFLOP = 0.03
BUILD_SECONDS, BUILD_SECONDS_PER_M = 0.3, 0.015
#: Scatter points labelled at most (the selected and the Pareto-optimal ones); the rest on hover.
MAX_LABELS = 8


def estimate_seconds(specs: list[ModelSpec], measured: dict[str, Measurement], passes: int) -> float:
    """How long timing ``specs`` should take on this machine: building each model, plus its warm-up and timed
    passes at its latency, measured here already or estimated from its GFLOPs at the rate the models measured
    so far ran (a guess before any). An estimate, never a promise."""
    rates = [m.latency / get_spec(m.model_id).gflops for m in measured.values() if get_spec(m.model_id).gflops]
    rate = statistics.median(rates) if rates else GUESS_SECONDS_PER_GFLOP
    total = 0.0
    for spec in specs:
        latency = measured[spec.id].latency if spec.id in measured else rate * spec.gflops
        total += BUILD_SECONDS + BUILD_SECONDS_PER_M * spec.params / 1e6 + (WARM_UP_PASSES + passes) * latency
    return total


def pareto_ids(points: list[tuple[str, float, float]]) -> list[str]:
    """The models no other beats on both latency (lower) and top-1 (higher): ``points`` are (id, latency,
    top-1)."""
    return [i for i, x, y in points
            if not any((x2 <= x and y2 >= y) and (x2 < x or y2 > y) for _, x2, y2 in points)]


class CatalogPanel(Retranslatable, QWidget):
    """The catalog as a table with a "Measure here" button and a live top-1 against latency scatter."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, passes: int = 5) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.session = session
        self.passes = passes
        self.measurements: dict[str, Measurement] = {}  # by model id, in the order they arrived
        self._failed: set[str] = set()
        self._queue: list[str] = []
        self._total = 0
        self._done = 0
        self._measured = 0
        self._current = ""
        self.running = False
        self.model, self.proxy, self.table = self._make_table()
        self.measure = QPushButton(self.tr("Measure here"))
        self.measure.setToolTip(self.tr("Time every model on this computer's CPU, one at a time"))
        self.measure_selected = QPushButton(self.tr("Measure selected"))
        self.measure_selected.setToolTip(self.tr("Time only the models selected in the table"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.status = QLabel(self.tr("Latency has not been measured here yet."))
        self.estimate = QLabel()  # how long "Measure here" will take, before it starts
        self.estimate.setWordWrap(True)
        self.figure = Figure(figsize=(4, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumWidth(300)
        self.axes = self.figure.add_subplot()
        self._points: list[tuple[str, float, float]] = []  # (model id, latency in ms, top-1) as plotted
        self._hover = None  # the annotation that names the point under the mouse
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self._lay_out()
        self._connect()
        self.refresh()
        self.proxy.sort(-1)  # the catalog's own order until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._update_plot()
        self._set_running(False)
        self._update_estimate()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for widget in (self.measure, self.measure_selected, self.progress):
            buttons.addWidget(widget)
        buttons.addWidget(self.status, 1)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.canvas)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 500])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.estimate)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.measure.clicked.connect(self._on_measure)
        self.measure_selected.clicked.connect(self._on_measure_selected)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        feed = self.session.feed("measure")
        feed.ready.connect(self._on_done)
        feed.failed.connect(self._on_failed)
        feed.progress.connect(self._on_progress)
        feed.cancelled.connect(self._on_stopped)
        self.session.modelChanged.connect(self._on_model_changed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_table)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_table()

    def fit_table(self) -> None:
        """Give the table the width its columns need (no sideways scrolling) and the scatter the rest; a window
        too narrow for both keeps the scatter at its minimum."""
        table = self.table
        table.resizeColumnsToContents()
        needed = (table.horizontalHeader().length() + 2 * table.frameWidth()
                  + table.verticalScrollBar().sizeHint().width() + 2)
        total = sum(self.splitter.sizes()) or self.splitter.width()
        if total > 0:
            width = min(needed, total - self.canvas.minimumWidth())
            self.splitter.setSizes([width, total - width])

    def _on_selection(self, *_args) -> None:
        self._update_plot()
        self._update_estimate()

    def retranslate(self) -> None:
        """The buttons, headers, rows and plot in the current language (measurements kept)."""
        self.measure_selected.setText(self.tr("Measure selected"))
        self.measure_selected.setToolTip(self.tr("Time only the models selected in the table"))
        self.measure.setToolTip(self.tr("Time every model on this computer's CPU, one at a time"))
        self.table.setAccessibleName(self.tr("Model catalog"))
        for column, (title, tip) in enumerate(self._columns()):
            header = self.model.horizontalHeaderItem(column)
            header.setText(title)
            header.setToolTip(tip)
        if not self.running and not self.measurements:
            self.status.setText(self.tr("Latency has not been measured here yet."))
        for row in range(self.model.rowCount()):  # in place: the selection and the order stay
            self._word_cells(row, get_spec(self.model.item(row, MODEL).data(ID_ROLE)))
        self._update_plot()
        self._set_running(self.running)
        self._update_estimate()

    # --- the table ------------------------------------------------------------------------------------------

    def _make_table(self) -> tuple[QStandardItemModel, QSortFilterProxyModel, QTableView]:
        model = QStandardItemModel(0, len(self._columns()), self)
        for column, (title, tip) in enumerate(self._columns()):
            header = QStandardItem(title)
            header.setToolTip(tip)
            model.setHorizontalHeaderItem(column, header)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView()
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setAccessibleName(self.tr("Model catalog"))
        return model, proxy, table

    def _columns(self) -> list[tuple[str, str]]:
        """Each column's header and its tooltip."""
        return [
            (self.tr("Model"), self.tr("The model's name; hover over it for its paper")),
            (self.tr("Family"), self.tr("CNN, Transformer, or Hybrid (convolutions and attention)")),
            (self.tr("Year"), self.tr("Year of the paper")),
            (self.tr("Params\n(M)"), self.tr("Learned weights, in millions")),
            (self.tr("GFLOPs"), self.tr("Billions of multiply-adds for one 224 px image (299 px for Inception)")),
            (self.tr("Top-1\n(%)"), self.tr("Published ImageNet top-1 accuracy of the pretrained weights")),
            (self.tr("Weights"), self.tr("Where the pretrained weights are: bundled, cached, download or offline")),
            (self.tr("Latency\nhere (ms)"), self.tr("Median time of one image's forward pass on this CPU")),
            (self.tr("Timed\nwith"), self.tr("Weights used for timing; random weights run as fast as trained ones")),
        ]


    def _weights_label(self, weights: str) -> str:
        labels = {"bundled": self.tr("bundled"), "pretrained": self.tr("pretrained"), "random": self.tr("random")}
        return labels.get(weights, weights)

    def _status_label(self, spec: ModelSpec) -> str:
        """Where the weights are; a file the person loaded for the model says so."""
        return weights_text(spec, self.session.weights_files.get(spec.id))

    def _on_model_changed(self, _model_id: str) -> None:
        """A weights file may have been loaded: the Weights column follows (in place, keeping the order)."""
        for row in range(self.model.rowCount()):
            self._word_cells(row, get_spec(self.model.item(row, MODEL).data(ID_ROLE)))

    def refresh(self) -> None:
        """Rebuild the rows (weights may have been downloaded meanwhile), keeping the latencies."""
        self.model.setRowCount(0)
        for row, spec in enumerate(list_models()):
            self.model.appendRow(self._row(spec))
            self._word_cells(row, spec)

    def _word_cells(self, row: int, spec: ModelSpec) -> None:
        """The row's texts in words, in the current language: its family, weights status, paper, latency."""
        self.model.item(row, MODEL).setToolTip(self.tr("{0}\n{1} ({2})").format(spec.id, spec.paper, spec.year))
        self.model.item(row, FAMILY).setText(family(spec.family))
        status = self._status_label(spec)
        self.model.item(row, WEIGHTS).setText(status)
        self.model.item(row, WEIGHTS).setData(status, SORT_ROLE)
        if spec.id in self.measurements:
            self._show_measurement(self.measurements[spec.id])
        elif spec.id in self._failed:
            self.model.item(row, LATENCY).setText(self.tr("failed"))

    def _row(self, spec: ModelSpec) -> list[QStandardItem]:
        def cell(text: str, key: object, number: bool = False) -> QStandardItem:
            item = QStandardItem(text)
            item.setData(key, SORT_ROLE)
            if number:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return item

        name = cell(spec.name, spec.name.lower())
        name.setData(spec.id, ID_ROLE)
        return [  # the texts in words come from _word_cells
            name,
            cell("", spec.family),
            cell(str(spec.year), float(spec.year), True),
            cell(f"{spec.params / 1e6:.1f}", float(spec.params), True),
            cell(f"{spec.gflops:.2f}", float(spec.gflops), True),
            cell(f"{spec.top1:.1f}", float(spec.top1), True),
            cell("", ""),
            cell("", math.inf, True),  # not measured yet: last when sorted fastest first
            cell("", ""),
        ]

    def row_of(self, model_id: str) -> int:
        """The source-model row of ``model_id``."""
        for row in range(self.model.rowCount()):
            if self.model.item(row, MODEL).data(ID_ROLE) == model_id:
                return row
        raise KeyError(model_id)

    def latency_text(self, model_id: str) -> str:
        """What the latency cell of ``model_id`` shows."""
        return self.model.item(self.row_of(model_id), LATENCY).text()

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows, top to bottom as shown."""
        rows = sorted(self.table.selectionModel().selectedRows(MODEL), key=lambda index: index.row())
        return [self.proxy.mapToSource(index).data(ID_ROLE) for index in rows]

    def select(self, model_ids: list[str]) -> None:
        """Select the rows of ``model_ids`` (for tests and presets)."""
        self.table.clearSelection()
        flags = (self.table.selectionModel().SelectionFlag.Select | self.table.selectionModel().SelectionFlag.Rows)
        for model_id in model_ids:
            index = self.proxy.mapFromSource(self.model.index(self.row_of(model_id), MODEL))
            self.table.selectionModel().select(index, flags)

    # --- measuring ------------------------------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.measure.setText(self.tr("Cancel") if running else self.tr("Measure here"))
        self.measure_selected.setEnabled(not running)
        self.progress.setVisible(running)

    def _on_measure(self) -> None:
        if self.running:
            self._on_cancel()
        else:
            self.start([spec.id for spec in list_models()])

    def duration_text(self, model_ids: list[str]) -> str:
        """How long measuring ``model_ids`` should take, in words, said to be an estimate."""
        seconds = estimate_seconds([get_spec(m) for m in model_ids], self.measurements, self.passes)
        if seconds < 90:
            span = self.tr("about {0:.0f} s").format(max(5, 5 * round(seconds / 5)))
        else:
            span = self.tr("about {0:.0f} min").format(max(2, round(seconds / 60)))
        return self.tr("{0} for {1} models (an estimate from their size and what was measured here)").format(
            span, len(model_ids))

    def _update_estimate(self) -> None:
        """The buttons say how long they will take before they start."""
        everything = self.duration_text([spec.id for spec in list_models()])
        self.measure.setToolTip(self.tr("Time every model on this computer's CPU, one at a time: {0}").format(
            everything))
        selected = self.selected_ids()
        self.measure_selected.setToolTip(
            self.tr("Time only the models selected in the table: {0}").format(self.duration_text(selected))
            if selected else self.tr("Time only the models selected in the table"))
        if not self.running:
            self.estimate.setText(self.tr("Measure here: {0}.").format(everything))

    def _on_measure_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.start(ids)
        else:
            self.status.setText(self.tr("Select models in the table first."))

    def start(self, model_ids: list[str]) -> None:
        """Time ``model_ids`` one after another in the background."""
        self._started_estimate = self.duration_text(list(model_ids))
        self._queue, self._total, self._done, self._measured = list(model_ids), len(model_ids), 0, 0
        self.progress.setRange(0, STEPS * self._total)
        self.progress.setValue(0)
        self._set_running(True)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            self._set_running(False)
            self.status.setText(self.tr("Measured {0} of {1} models on this computer's CPU.").format(
                self._measured, self._total))
            self._update_estimate()
            return
        model_id = self._current = self._queue.pop(0)
        self.status.setText(self.tr("{0} of {1} · {2}").format(self._done + 1, self._total,
                                                                 get_spec(model_id).name))
        self.estimate.setText(self._started_estimate)
        self.session.run("measure", model_id=model_id, passes=self.passes)

    def _on_cancel(self) -> None:
        self.session.cancel("measure")
        self._on_stopped()

    def _on_stopped(self, _reason: str = "") -> None:
        """Stopped by the person, or from elsewhere: the queue is dropped and the panel is ready again."""
        if not self.running:
            return
        self._queue = []
        self._set_running(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled after {0} of {1} models.").format(self._done, self._total))
        self._update_estimate()

    def _on_progress(self, done: int, total: int) -> None:
        if total and self.running:
            self.progress.setValue(STEPS * self._done + STEPS * done // total)

    def _on_done(self, result) -> None:
        if not self.running:
            return
        measurement = result.measurement
        self._failed.discard(measurement.model_id)
        self.measurements[measurement.model_id] = measurement
        self._measured += 1
        self._show_measurement(measurement)
        self._update_plot()
        self._advance()

    def _on_failed(self, error: Exception, _slot=None) -> None:
        if not self.running:
            return
        message = error_text(error)
        self._failed.add(self._current)
        latency = self.model.item(self.row_of(self._current), LATENCY)
        latency.setText(self.tr("failed"))
        latency.setToolTip(message)
        self._advance()

    def _advance(self) -> None:
        self._done += 1
        self.progress.setValue(STEPS * self._done)
        self._next()

    def _show_measurement(self, measurement: Measurement) -> None:
        row = self.row_of(measurement.model_id)
        latency = self.model.item(row, LATENCY)
        latency.setText(f"{1000 * measurement.latency:.1f}")
        latency.setData(measurement.latency, SORT_ROLE)
        latency.setToolTip(self.tr("median of {0} passes; fastest {1} ms").format(
            measurement.passes, f"{1000 * measurement.best:.1f}"))
        timed = self.model.item(row, TIMED_WITH)
        timed.setText(self._weights_label(measurement.weights))
        timed.setData(measurement.weights, SORT_ROLE)

    # --- the scatter ----------------------------------------------------------------------------------------

    def _update_plot(self) -> None:
        ax = self.axes
        ax.clear()
        self._hover = None
        ax.set_xlabel(self.tr("Latency here (ms, log scale)"), fontsize=10)
        ax.set_ylabel(self.tr("ImageNet top-1 (%)"), fontsize=10)
        ax.set_title(self.tr("Accuracy against speed on this computer"), fontsize=11)
        ax.grid(True, which="both", alpha=0.3)
        ax.tick_params(labelsize=9)
        self._points = [(m.model_id, 1000 * m.latency, get_spec(m.model_id).top1) for m in self.measurements.values()]
        for name, colour in FAMILY_COLOURS.items():
            points = [(x, y) for i, x, y in self._points if get_spec(i).family == name]
            if points:
                ax.scatter([x for x, _ in points], [y for _, y in points], color=colour, label=family(name),
                           zorder=3)
        if self.measurements:
            from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

            ax.set_xscale("log")
            ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:g}"))  # 2, 5, 10, 20, 50 ms
            ax.xaxis.set_minor_formatter(NullFormatter())
            ax.margins(x=0.25, y=0.1)  # room for the names beside the points
            ax.legend(loc="lower right", fontsize=9)
            self._label_points()
        else:
            ax.text(0.5, 0.5, self.tr('Press "Measure here" to time the models'),
                    ha="center", va="center", transform=ax.transAxes)
        self.canvas.draw_idle()

    def label_candidates(self) -> list[str]:
        """The points worth naming, most wanted first: the selected models, then the best trade-offs (no model
        both faster and more accurate: the fastest and the most accurate among them)."""
        selected = [i for i in self.selected_ids() if i in self.measurements]
        best = sorted(pareto_ids(self._points), key=lambda i: self.measurements[i].latency)
        return list(dict.fromkeys(selected + best))

    def _label_points(self) -> None:
        """Name the candidates (:meth:`label_candidates`, at most :data:`MAX_LABELS`) where a name overlaps no
        other: beside its point on the right, else on the left, above or below; one that fits nowhere is left
        to the hover. The names never pile up."""
        ax = self.axes
        ax.autoscale_view()
        self.canvas.draw()  # the layout is settled: the names' boxes are where they will be drawn
        renderer = self.canvas.get_renderer()
        taken = [ax.get_legend().get_window_extent(renderer)] if ax.get_legend() else []
        where = {i: (x, y) for i, x, y in self._points}
        placed = 0
        selected = set(self.selected_ids())
        for model_id in self.label_candidates():
            if placed >= MAX_LABELS and model_id not in selected:
                break
            for offset, align in (((5, 3), "left"), ((-5, 3), "right"), ((0, 7), "center"), ((0, -13), "center")):
                text = ax.annotate(get_spec(model_id).name, where[model_id], xytext=offset,
                                   textcoords="offset points", fontsize=8, ha=align,
                                   weight="bold" if model_id in selected else "normal")
                box = text.get_window_extent(renderer)
                inside = ax.bbox.contains(box.x0, box.y0) and ax.bbox.contains(box.x1, box.y1)
                if inside and not any(box.overlaps(other) for other in taken):
                    taken.append(box)
                    placed += 1
                    break
                text.remove()

    def labelled_ids(self) -> list[str]:
        """The models named on the scatter now."""
        names = {t.get_text() for t in self.axes.texts}
        return [i for i, _x, _y in self._points if get_spec(i).name in names]

    def _on_motion(self, event) -> None:
        """Name the point under the mouse."""
        ax = self.axes
        if event.inaxes is not ax or not self._points:
            return
        near = None
        for model_id, x, y in self._points:
            px, py = ax.transData.transform((x, y))
            if (px - event.x) ** 2 + (py - event.y) ** 2 <= 8 ** 2:
                near = (model_id, x, y)
                break
        if self._hover is not None:
            self._hover.remove()
            self._hover = None
        if near is not None:
            model_id, x, y = near
            self._hover = ax.annotate(self.tr("{0}: {1:.1f} ms, {2:.1f} %").format(get_spec(model_id).name, x, y),
                                      (x, y), xytext=(6, -14), textcoords="offset points", fontsize=9,
                                      bbox={"boxstyle": "round", "fc": "lightyellow", "alpha": 0.9}, zorder=5)
        self.canvas.draw_idle()

    def plotted_ids(self) -> list[str]:
        """The models the scatter shows, one point each."""
        return [m.model_id for m in self.measurements.values()]
