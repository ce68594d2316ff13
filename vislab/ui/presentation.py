"""Presentation mode, for a classroom projector: full screen, large fonts, high contrast, only what matters shown.

It is a layout of its own, not the desktop one enlarged: the picture and the bars take the screen, the current
panel shows its result large (or, when its result is the picture, folds to its row of tabs), plots' fonts grow with
the rest, disabled controls stay visibly disabled. Leaving it puts back exactly what it changed: the geometry, the
window state, the splitters, the fonts (Qt's and matplotlib's), the palette and the hidden widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget, QWidget

#: Presentation mode scales every font, Qt's and the plots', by this much.
PRESENTATION_SCALE = 1.6
#: In presentation mode the picture takes this share of the width, the predictions the rest.
PICTURE_SHARE = 0.64
#: The current panel's share of the height when it shows its own result (feature maps, a comparison, a plot).
PANEL_SHARE = 0.58
#: The bars' thickness as a share of a prediction row's height: thin on a desktop, thick on a projector.
BAR_SHARE = 0.3
#: The rcParams that hold an absolute font size (the others are relative to ``font.size``).
FONT_PARAMS = ("font.size",)


@dataclass
class _Saved:
    """What presentation mode changed, to put back when it ends."""

    font: QFont
    palette: QPalette
    geometry: QRect
    state: Qt.WindowState
    splitters: list[QByteArray]
    plot_fonts: dict[str, float]
    hidden: list[QWidget] = field(default_factory=list)


class Presentation(QObject):
    """Turns presentation mode on and off for ``window``.

    Args:
        window: the window to show full screen.
        split: the splitter of image strip, picture and predictions; the strip's share goes to the other two.
        advanced: gives the widgets to hide (the image strip, the model card, the status bar, the map settings).
        main_split: the splitter of the picture row and the panels (None: left as it is).
        panel_has_result: whether the current panel shows a result of its own (it then gets
            :data:`PANEL_SHARE` of the height); when it does not, its result is the picture, which gets the
            height, the panel folding to its row of tabs.
        panels: the panels' stack: its fonts grow as much as the screen's width allows (a row of controls that
            would need more than the screen gets a smaller font rather than push the window off the screen).

    Signals:
        changed(bool): presentation mode was turned on or off.
    """

    changed = Signal(bool)

    def __init__(self, window: QMainWindow, split: QSplitter, advanced: Callable[[], Sequence[QWidget]],
                 main_split: QSplitter | None = None, panel_has_result: Callable[[], bool] = lambda: False,
                 panels: QWidget | None = None) -> None:
        super().__init__(window)
        self.panels = panels
        self.window = window
        self.split = split
        self.main_split = main_split
        self.advanced = advanced
        self.panel_has_result = panel_has_result
        self._saved: _Saved | None = None
        self._keeping = False  # fitting the panels' fonts (their resize events are its own)
        # Esc leaves presentation mode wherever the focus is; outside it, Esc is left to the widgets.
        self.leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, lambda: self.set_active(False))
        self.leave.setEnabled(False)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._saved is not None and not self._keeping:
            QTimer.singleShot(0, self._keep_on_screen)  # a panel's new contents may have pushed it past the screen
        return False

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool) -> None:
        """Presentation mode on: full screen, every font 1.6 times larger, high contrast, the advanced widgets
        hidden, so the picture and the bars fill the screen. Off: everything as it was."""
        if on and self._saved is None:
            self._enter()
        elif not on and self._saved is not None:
            self._leave()
        self.leave.setEnabled(self.active)
        self.changed.emit(self.active)

    def _splitters(self) -> list[QSplitter]:
        return [s for s in (self.split, self.main_split) if s is not None]

    def _enter(self) -> None:
        app = QApplication.instance()
        window = self.window
        saved = self._saved = _Saved(QFont(app.font()), QPalette(app.palette()), QRect(window.normalGeometry()),
                                     window.windowState(), [s.saveState() for s in self._splitters()],
                                     scale_plot_fonts(PRESENTATION_SCALE))
        app.setFont(scaled_font(app.font(), PRESENTATION_SCALE))
        app.setPalette(high_contrast(app.palette()))
        for widget in self.advanced():
            if widget.isVisible() or not window.isVisible():
                widget.hide()
                saved.hidden.append(widget)
        self._fit_panels()
        window.showFullScreen()
        QTimer.singleShot(100, self.lay_out)  # once the window is full screen

    def _leave(self) -> None:
        app = QApplication.instance()
        saved, self._saved = self._saved, None
        restore_plot_fonts(saved.plot_fonts, PRESENTATION_SCALE)
        if self.panels is not None:
            self.panels.setFont(QFont())  # the application's again
            self.panels.setMinimumSize(0, 0)  # its pages' again (see _fit_panels, _panel_heights)
        app.setFont(saved.font)
        app.setPalette(saved.palette)
        for widget in saved.hidden:
            widget.show()
        # The large fonts' minimum sizes must be gone before the window leaves full screen, or it keeps them.
        QApplication.sendPostedEvents()
        window = self.window
        if saved.state & Qt.WindowState.WindowMaximized:  # its normal geometry first, for when it is restored
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.setGeometry(saved.geometry)
        window.setWindowState(saved.state)
        self._put_back(saved)
        QTimer.singleShot(0, lambda: self._put_back(saved))  # again, once the window system has answered

    def _put_back(self, saved: _Saved) -> None:
        if self._saved is not None:  # presentation mode was turned on again meanwhile
            return
        window = self.window
        if not window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            window.setGeometry(saved.geometry)
        for splitter, state in zip(self._splitters(), saved.splitters, strict=True):
            splitter.restoreState(state)

    def _fit_panels(self) -> None:
        """The panels' font: :data:`PRESENTATION_SCALE` times the desktop's, or less, down to the desktop's
        size, where that is what keeps the current panel's widest row of controls on the screen. Only the
        current panel counts (an explicit minimum width, put back on leaving): a tab widget otherwise asks for
        its widest page, shown or not."""
        if self.panels is None:
            return
        screen = self.window.screen()
        room = screen.availableGeometry().width() - 40 if screen is not None else 1 << 20
        tabs = self.panels if isinstance(self.panels, QTabWidget) else None
        scale = PRESENTATION_SCALE
        while True:
            if self.panels.font() != scaled_font(self._saved.font, scale):
                self.panels.setFont(scaled_font(self._saved.font, scale))
                QApplication.sendPostedEvents()
            if tabs is not None and tabs.currentWidget() is not None:
                need = tabs.currentWidget().minimumSizeHint().width() + 2 * _frame(tabs) + 4
                tabs.setMinimumWidth(min(need, room))
            else:
                need = self.panels.minimumSizeHint().width()
            if need <= room or scale <= 1.0:
                return
            scale = max(1.0, scale - 0.1)

    def _keep_on_screen(self) -> None:
        """Fit the panels' fonts (a panel's row of controls may have grown when it was shown) and bring the
        window back to the screen's size if it grew past it meanwhile."""
        if self._saved is None or self._keeping:
            return
        self._keeping = True
        try:
            self._fit_panels()
        finally:
            self._keeping = False
        screen = self.window.screen()
        if screen is not None and self.window.geometry() != screen.geometry():
            self.window.setGeometry(screen.geometry())  # this leaves full screen: back to it
            self.window.showFullScreen()

    def lay_out(self) -> None:
        """The projector's layout for the current panel: the picture and the predictions side by side, the strip
        folded away; the panel large when it has a result of its own, else (Explain, whose result is the
        picture) folded to its row of tabs, so the picture takes the height."""
        if self._saved is None:
            return
        self._keep_on_screen()
        QTimer.singleShot(50, self._keep_on_screen)  # once the panel just shown has laid itself out
        width = sum(self.split.sizes())
        picture = round(width * PICTURE_SHARE)
        self.split.setSizes([0, picture, width - picture])
        if self.main_split is None:
            return
        height = sum(self.main_split.sizes())
        if self.panel_has_result():
            bottom = max(self._panel_heights()[0], round(height * PANEL_SHARE))
        else:  # its result is the picture: the panel folds to its tabs (drag the splitter to open it)
            bottom = self._tabs_only()
        self.main_split.setSizes([height - bottom, bottom])

    def _tabs_only(self) -> int:
        tabs = self.panels if isinstance(self.panels, QTabWidget) else None
        if tabs is None:
            return min(self.main_split.widget(1).minimumSizeHint().height(), sum(self.main_split.sizes()) // 3)
        chrome = tabs.tabBar().sizeHint().height() + 2 * _frame(tabs)
        tabs.setMinimumHeight(chrome)
        return chrome

    def _panel_heights(self) -> tuple[int, int]:
        """The least and the preferred height of the bottom area for the current panel alone. A tab widget asks
        for its tallest page, shown or not; in presentation mode only the shown one counts (an explicit minimum
        height, put back on leaving), so a tall Compare page never shrinks the picture while Explain is shown."""
        panel = self.main_split.widget(1)
        tabs = self.panels if isinstance(self.panels, QTabWidget) else None
        if tabs is None or tabs.currentWidget() is None:
            return panel.minimumSizeHint().height(), panel.sizeHint().height()
        page = tabs.currentWidget()
        chrome = tabs.tabBar().sizeHint().height() + 2 * _frame(tabs) + 4
        least = chrome + page.minimumSizeHint().height()
        tabs.setMinimumHeight(least)
        return least, chrome + page.sizeHint().height()


def _frame(tabs: QTabWidget) -> int:
    return tabs.style().pixelMetric(tabs.style().PixelMetric.PM_DefaultFrameWidth)


def scaled_font(font: QFont, scale: float) -> QFont:
    """``font`` ``scale`` times larger, whether it is sized in points or in pixels."""
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(round(font.pixelSize() * scale))
    return font


def scale_plot_fonts(scale: float) -> dict[str, float]:
    """Scale matplotlib's fonts, for the plots drawn from now on (rcParams) and those already drawn (every text
    of every open figure); returns the rcParams as they were. Nothing happens before matplotlib is imported."""
    import sys

    if "matplotlib" not in sys.modules:
        return {}
    import matplotlib

    saved = {name: float(matplotlib.rcParams[name]) for name in FONT_PARAMS}
    for name, size in saved.items():
        matplotlib.rcParams[name] = size * scale
    _scale_open_figures(scale)
    return saved


def restore_plot_fonts(saved: dict[str, float], scale: float) -> None:
    """Undo :func:`scale_plot_fonts`: texts drawn meanwhile were drawn large too, so every text shrinks back."""
    if not saved:
        return
    import matplotlib

    matplotlib.rcParams.update(saved)
    _scale_open_figures(1 / scale)


def _scale_open_figures(scale: float) -> None:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.text import Text

    for canvas in QApplication.instance().allWidgets():
        if isinstance(canvas, FigureCanvasQTAgg):
            for text in canvas.figure.findobj(Text):
                text.set_fontsize(text.get_fontsize() * scale)
            canvas.draw_idle()


def high_contrast(palette: QPalette) -> QPalette:
    """Black on white with a strong blue accent: readable from the back of a room on any projector. Disabled
    controls stay visibly disabled: mid-grey text on a paler ground."""
    high = QPalette(palette)
    for role, colour in ((QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.Base, "#ffffff"),
                         (QPalette.ColorRole.AlternateBase, "#f0f0f0"), (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.Text, "#000000"), (QPalette.ColorRole.ButtonText, "#000000"),
                         (QPalette.ColorRole.Button, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#0047b3"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#333333"),
                         (QPalette.ColorRole.PlaceholderText, "#333333")):
        high.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role, colour in ((QPalette.ColorRole.WindowText, "#9a9a9a"), (QPalette.ColorRole.Text, "#9a9a9a"),
                         (QPalette.ColorRole.ButtonText, "#9a9a9a"), (QPalette.ColorRole.Button, "#f4f4f4"),
                         (QPalette.ColorRole.Base, "#f4f4f4"), (QPalette.ColorRole.Highlight, "#b8c4d6"),
                         (QPalette.ColorRole.PlaceholderText, "#b0b0b0")):
        high.setColor(disabled, role, QColor(colour))
    return high
