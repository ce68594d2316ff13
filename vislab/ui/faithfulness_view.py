"""How faithful the map on screen is: its deletion and insertion areas and a small plot of both curves, and a
sortable table that scores every method the model has, each with the time it took.

The scores come from the core's ``faithfulness`` analysis, run on the session's workers (never on this thread):
one run for the map on screen (scored as it is, not made again), one run per method for the table. Every answer
carries the slot it was asked for; a new photo or model clears what was shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import Retranslatable
from .panels.common import stopped_text
from .session import Session
from .texts import error_text, method_name

#: The slot of the run for the map on screen; the table's runs are ``(ALL, method id)``.
MAP, ALL = "map", "all"
#: The table's columns: method, deletion area, insertion area, seconds.
METHOD, DELETION, INSERTION, SECONDS = range(4)


class NumberItem(QTableWidgetItem):
    """A table cell that shows a number with fixed decimals and sorts by its value (an empty one sorts last)."""

    def __init__(self, value: float | None, decimals: int = 3) -> None:
        super().__init__("" if value is None else f"{value:.{decimals}f}")
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.value, getattr(other, "value", None)
        if mine is None or theirs is None:
            return theirs is None and mine is not None
        return mine < theirs


class FaithfulnessView(Retranslatable, QWidget):
    """The scores of the map the Explain panel shows, and of every method on demand."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = QLabel()
        self.areas.setTextFormat(Qt.TextFormat.RichText)
        self.areas.setWordWrap(True)
        # The plot is made with the first scores, after the engine has imported matplotlib on a worker: the
        # Explain panel is built at start-up, and importing matplotlib here would hold the window's first show.
        self.figure = self.canvas = None
        self._plot = QVBoxLayout()
        self._plot.setContentsMargins(0, 0, 0, 0)
        self.score_all = QPushButton()
        self.cancel = QPushButton()
        self.cancel.setVisible(False)
        self.state = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.horizontalHeader().setSortIndicator(METHOD, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(False)
        self.scores = None  #: the scores of the map on screen, once they came
        self._shown = None  # the explanation the map run was asked for
        self._pending: set[str] = set()  # the table's methods still being scored
        self._lay_out()
        self._connect()
        self.retranslate()
        self._draw()

    def retranslate(self) -> None:
        self.score_all.setText(self.tr("Score all methods"))
        self.score_all.setToolTip(self.tr("Deletion and insertion areas of every method for this model, on this "
                                          "photo and class, with the time each took"))
        self.cancel.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels([self.tr("Method"), self.tr("Deletion ↓"), self.tr("Insertion ↑"),
                                              self.tr("Seconds")])
        if self.canvas is not None:
            self.canvas.setToolTip(self._plot_tip())
        self._show_areas()
        self._draw()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.score_all)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.state, 1)
        methods = QVBoxLayout()  # beside the curves: the panel is short, the window wide
        methods.addLayout(buttons)
        methods.addWidget(self.table, 1)
        methods.addStretch(0)  # the button at the top while the table is hidden
        row = QHBoxLayout()
        row.addLayout(self._plot, 3)
        row.addLayout(methods, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.areas)
        layout.addLayout(row, 1)

    def _connect(self) -> None:
        feed = self.session.feed("faithfulness")
        feed.ready.connect(self._on_result)
        feed.failed.connect(self._on_failed)
        feed.cancelled.connect(self._on_cancelled)
        self.score_all.clicked.connect(lambda _checked=False: self.run_all())
        self.cancel.clicked.connect(lambda: self.session.cancel("faithfulness"))
        self.session.currentChanged.connect(lambda _i: self.clear())
        self.session.modelChanged.connect(lambda _m: self.clear())

    # --- asking -----------------------------------------------------------------------------------------------

    def show_explanation(self, result) -> None:
        """Score the map of an explain answer (the trained map when it shows the randomised one)."""
        explanation = result.trained if result.randomized and result.trained is not None else result.explanation
        if explanation is self._shown:
            return
        self._shown, self.scores = explanation, None
        self._show_areas(self.tr("Scoring the map…"))
        self._draw()
        self.cancel.setVisible(True)
        self.session.run("faithfulness", MAP, method=explanation.method, explanation=explanation, tag=MAP)

    def run_all(self, methods: list[str] | None = None) -> None:
        """Score ``methods`` (None, as the button does: every method the model has), one run each, into the
        table."""
        from ..core.catalog import get_spec
        from ..core.explain.methods import methods_for_spec

        if not self.session.engine_ready or self.session.request() is None:
            self.state.setText(self.tr("Open a photo first."))
            return
        if not methods:
            methods = [m.id for m in methods_for_spec(get_spec(self.session.choices.model_id))]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        for method in methods:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(method_name(method))
            name.setData(Qt.ItemDataRole.UserRole, method)
            self.table.setItem(row, METHOD, name)
            self.table.setItem(row, DELETION, QTableWidgetItem(self.tr("waiting…")))
            for column in (INSERTION, SECONDS):
                self.table.setItem(row, column, NumberItem(None))
        self.table.setSortingEnabled(True)
        self.table.setVisible(True)
        self._pending = set(methods)
        for method in methods:
            self.session.run("faithfulness", (ALL, method), method=method, tag=(ALL, method))
        self._show_progress()

    def clear(self) -> None:
        """A new photo or model: nothing shown is about it."""
        self._shown, self.scores, self._pending = None, None, set()
        self.table.setRowCount(0)
        self.table.setVisible(False)
        self.cancel.setVisible(False)
        self.state.setText("")
        self._show_areas()
        self._draw()

    # --- answers ----------------------------------------------------------------------------------------------

    def _on_result(self, result) -> None:
        if result.slot == MAP:
            if self._shown is None or result.scores.explanation is not self._shown:
                return  # for a map no longer on screen
            self.scores = result.scores
            self._show_areas()
            self._draw()
        elif isinstance(result.slot, tuple) and result.method in self._pending:
            self._fill_row(result.method, result.scores)
        self._show_progress()

    def _on_failed(self, error: Exception, slot) -> None:
        if slot == MAP:
            self.scores = None
            self._show_areas(error_text(error))
            self._draw()
        elif isinstance(slot, tuple) and slot[1] in self._pending:
            self._fill_row(slot[1], None, error_text(error))
        self._show_progress()

    def _on_cancelled(self, reason: str) -> None:
        """Stopped: what was under way is dropped, what came stays, the buttons are as before a run."""
        for method in list(self._pending):
            self._fill_row(method, None, self.tr("stopped"))
        if self.scores is None and self._shown is not None:
            self._shown = None
            self._show_areas(stopped_text(reason))
        self.cancel.setVisible(False)
        self.state.setText(stopped_text(reason))

    def _fill_row(self, method: str, scores, error: str = "") -> None:
        self._pending.discard(method)
        row = self._row_of(method)
        if row is None:
            return
        self.table.setSortingEnabled(False)
        if scores is None:
            self.table.setItem(row, DELETION, NumberItem(None))
            self.table.item(row, DELETION).setText(error)
            self.table.item(row, DELETION).setToolTip(error)
            self.table.item(row, DELETION).setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            self.table.setItem(row, DELETION, NumberItem(scores.deletion_auc))
            self.table.setItem(row, INSERTION, NumberItem(scores.insertion_auc))
            self.table.setItem(row, SECONDS, NumberItem(scores.seconds, 2))
        self.table.setSortingEnabled(True)

    def _row_of(self, method: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, METHOD).data(Qt.ItemDataRole.UserRole) == method:
                return row
        return None

    def _show_progress(self) -> None:
        total = self.table.rowCount()
        running = bool(self._pending) or (self._shown is not None and self.scores is None)
        self.cancel.setVisible(running)
        if self._pending:
            self.state.setText(self.tr("Scoring {0} of {1} methods…").format(total - len(self._pending) + 1, total))
        elif total:
            self.state.setText(self.tr("{0} methods scored; click a column to sort.").format(total))

    # --- drawing ----------------------------------------------------------------------------------------------

    def _show_areas(self, message: str = "") -> None:
        s = self.scores
        if s is None:
            self.areas.setText(message or self.tr("Faithfulness: no map scored yet."))
            return
        self.areas.setText(self.tr("Faithfulness of {0} for {1}: deletion area <b>{2:.3f}</b> (lower is better), "
                                   "insertion area <b>{3:.3f}</b> (higher is better), {4} steps, {5:.2f} s").format(
            method_name(s.method), s.target_label, s.deletion_auc, s.insertion_auc, s.steps, s.seconds))

    def _plot_tip(self) -> str:
        return self.tr("Across: the fraction of the pixels changed, most relevant first; up: the probability of "
                       "the class as they are removed (deletion) or put back into a blurred copy (insertion)")

    def _draw(self) -> None:
        if self.canvas is None:
            if self.scores is None:
                return  # nothing to plot yet, and no matplotlib on this thread before there is
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=(5, 1.6), layout="constrained")
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setMinimumSize(360, 110)
            self.canvas.setToolTip(self._plot_tip())
            self._plot.addWidget(self.canvas)
        from ..core.faithfulness_plot import draw

        words = {"deletion": self.tr("Deletion (lower is better)"),
                 "insertion": self.tr("Insertion (higher is better)"),
                 "xlabel": "", "ylabel": self.tr("Probability")}  # the x axis is in the tooltip: room is short
        scores = {} if self.scores is None else {self.scores.method: self.scores}
        names = {m: method_name(m) for m in scores}
        draw(self.figure, scores, names, words)
        for axes in self.figure.axes:  # a small plot: small words
            axes.title.set_fontsize(9)
            axes.xaxis.label.set_fontsize(8)
            axes.yaxis.label.set_fontsize(8)
            axes.tick_params(labelsize=7)
            if axes.get_legend() is not None:
                for text in axes.get_legend().get_texts():
                    text.set_fontsize(7)
        self.canvas.draw_idle()
