"""The window's settings round-trip: what the person left (size, layout, model, map settings, panel) is
restored when the window opens and saved when it closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize

from ..core.catalog import get_spec
from ..core.errors import UnknownModelError

if TYPE_CHECKING:
    from .main_window import MainWindow

#: The window's size when no geometry was saved.
DEFAULT_SIZE = (1280, 800)
#: Room for the window manager's frame and title bar around the window's own size.
FRAME = QSize(16, 48)
#: The picture's share of the height when no splitter state was saved.
PICTURE_SHARE = 0.72


def default_size(window: MainWindow) -> QSize:
    """:data:`DEFAULT_SIZE`, or less on a smaller screen (a 1280x720 projector): the whole window, its title bar
    and the status bar included, stays on the screen."""
    size = QSize(*DEFAULT_SIZE)
    screen = window.screen()
    if screen is None:
        return size
    available = screen.availableGeometry().size()
    return size.boundedTo(QSize(available.width() - FRAME.width(), available.height() - FRAME.height()))


def restore(window: MainWindow) -> None:
    """Put back the geometry, the toolbar's and the map's settings, the panel, the model and its options."""
    st, session = window.settings, window.session
    if not window.restoreGeometry(st.get("geometry")):
        window.resize(default_size(window))
    window.restoreState(st.get("window_state"))
    window.top_k.setValue(st.get("top_k"))
    window.centre.alpha.setValue(round(100 * st.get("alpha")))
    window.centre.colormap.setCurrentText(st.get("colormap"))
    window._restore_panel(st.get("panel"))
    try:
        model = get_spec(st.get("model")).id
    except UnknownModelError:
        model = session.choices.model_id
    session.set_model(model)
    window.picker.select(model)
    window.card.show_model(model)
    session.choices.method = st.get("method")
    window.fast_action.setChecked(st.get("fast_path"))
    if not st.get("fast_path"):
        session.set_fast_path(False)


def restore_splitters(window: MainWindow) -> None:
    """The splitters as saved; the first time, most of the height to the picture (once the window has its
    real size)."""
    saved = window.settings.get("splitters")
    if len(saved) == 2:
        window.main_split.restoreState(QByteArray.fromBase64(saved[0].encode()))
        window.top_split.restoreState(QByteArray.fromBase64(saved[1].encode()))
        return
    height = window.main_split.height()
    window.main_split.setSizes([round(height * PICTURE_SHARE), round(height * (1 - PICTURE_SHARE))])


def save(window: MainWindow) -> None:
    """Remember the window as it is now (outside presentation mode: the caller leaves it first)."""
    st, choices = window.settings, window.session.choices
    st.set("geometry", window.saveGeometry())
    st.set("window_state", window.saveState())
    st.set("model", choices.model_id)
    st.set("device", choices.device)
    st.set("top_k", window.top_k.value())
    st.set("alpha", window.centre.alpha.value() / 100)
    st.set("colormap", window.centre.colormap.currentText())
    st.set("method", choices.method)
    st.set("panel", window._panel_name())
    st.set("splitters", [_encode(window.main_split.saveState()), _encode(window.top_split.saveState())])


def _encode(state: QByteArray) -> str:
    return bytes(state.toBase64()).decode()
