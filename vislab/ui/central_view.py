"""The picture in the middle of the window: the photo, what the model saw, the preprocessed image or the
explanation map over it, with the buttons and map settings that choose among them."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.heatmaps import COLORMAPS, on_original, overlay
from .feed_badge import FeedBadge
from .i18n import Retranslatable
from .image_view import ImageView
from .legend import ColorLegend
from .session import Session
from .texts import method_name

#: The picture's modes, by id; their labels are translated when shown.
VIEW_MODES = ("Original", "Model's view", "Preprocessed", "Overlay")
VIEW_LABELS = (QT_TRANSLATE_NOOP("CentralView", "Original"), QT_TRANSLATE_NOOP("CentralView", "Model's view"),
               QT_TRANSLATE_NOOP("CentralView", "Preprocessed"), QT_TRANSLATE_NOOP("CentralView", "Overlay"))
VIEW_TIPS = (QT_TRANSLATE_NOOP("CentralView", "The photo as loaded"),
             QT_TRANSLATE_NOOP("CentralView", "What the model sees: resized and cropped"),
             QT_TRANSLATE_NOOP("CentralView", "After the preprocessing pipeline"),
             QT_TRANSLATE_NOOP("CentralView", "The explanation map over what the model saw"))


class CentralView(Retranslatable, QWidget):
    """The mode buttons and map settings above the :class:`ImageView`, a caption below it.

    The window hands it what the session computed (:meth:`show`: :attr:`explanation`, :attr:`stage_view`,
    :attr:`preview`); the photo itself comes from the session. The overlay is composited on a worker (a
    1600-pixel photo takes tens of milliseconds, for every tick of the opacity slider), the rest is shown as is.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.explanation = None  #: the explanation result the overlay shows, if any
        self.stage_view: np.ndarray | None = None  #: the model's input as a picture
        self.preview: np.ndarray | None = None  #: the last preprocessing step's output
        self._composing: tuple | None = None  # the overlay asked of the worker last
        self.view = ImageView()
        self.unreadable = QLabel()  # the current photo's own error, where its picture would be
        self.unreadable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unreadable.setWordWrap(True)
        self.unreadable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unreadable.setVisible(False)
        self.legend = ColorLegend()  # beside the map, in the colormap chosen
        self.legend.setVisible(False)
        self.fed_badge = FeedBadge(self.view, overlay=True)  # in the picture's corner, taking no room
        self.caption = QLabel()
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_controls())
        picture = QHBoxLayout()
        picture.addWidget(self.view, 1)
        picture.addWidget(self.unreadable, 1)
        picture.addWidget(self.legend)
        layout.addLayout(picture, 1)
        layout.addWidget(self.caption)
        self.mode_group.idClicked.connect(lambda _id: self.refresh())
        self.alpha.valueChanged.connect(lambda _v: self.refresh())
        self.colormap.currentTextChanged.connect(lambda _t: self.refresh())
        self.whole.toggled.connect(lambda _on: self.refresh())
        self.retranslate()

    def _build_controls(self) -> QHBoxLayout:
        self.mode_group = QButtonGroup(self)
        controls = QHBoxLayout()
        for i in range(len(VIEW_MODES)):
            button = QToolButton()
            button.setCheckable(True)
            self.mode_group.addButton(button, i)
            controls.addWidget(button)
        self.mode_group.button(VIEW_MODES.index("Overlay")).setChecked(True)
        self.alpha = QSlider(Qt.Orientation.Horizontal)
        self.alpha.setRange(0, 100)
        self.alpha.setFixedWidth(120)
        self.colormap = QComboBox()
        self.colormap.addItems(list(COLORMAPS))
        self.whole = QCheckBox()
        self.alpha_label = QLabel()
        controls.addSpacing(16)
        for widget in self.map_controls():
            controls.addWidget(widget)
        controls.addStretch(1)
        return controls

    def map_controls(self) -> tuple[QWidget, ...]:
        """The overlay's settings (presentation mode hides them)."""
        return self.alpha_label, self.alpha, self.colormap, self.whole

    def choose_mode(self, mode: int) -> None:
        """Show mode ``mode`` (an index of :data:`VIEW_MODES`), as if its button were clicked."""
        self.mode_group.button(mode).click()

    def show(self, **parts) -> None:
        """Take new parts (``explanation``, ``stage_view``, ``preview``; None clears one) and show the picture."""
        for name, value in parts.items():
            if name not in ("explanation", "stage_view", "preview"):
                raise AttributeError(name)
            setattr(self, name, value)
        self.refresh()

    def _overlay(self) -> tuple | None:
        """What the overlay is made of now (the explanation result and the map settings), or None when the
        picture is not the overlay."""
        if VIEW_MODES[self.mode_group.checkedId()] != "Overlay" or self.explanation is None:
            return None
        return self.explanation, self.alpha.value() / 100, self.colormap.currentText(), self.whole.isChecked()

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What the image view shows now, and a caption for it (composited here, for saving and copying)."""
        parts = self._overlay()
        if parts is not None:
            return composite(*parts), self._overlay_caption()
        return self._plain_picture()

    def _overlay_caption(self) -> str:
        e = self.explanation.explanation
        if not e.class_specific:  # the same map for every class: no class to name
            return self.tr("{0} · the same map for every class").format(method_name(e.method))
        return self.tr("{0} · {1}").format(method_name(e.method), e.target_label)

    def _plain_picture(self) -> tuple[np.ndarray | None, str]:
        mode = VIEW_MODES[self.mode_group.checkedId()]
        photo = self.session.display()
        if mode == "Model's view" and self.stage_view is not None:
            view = self.stage_view
            return view, self.tr("what the model sees · {0}x{1}").format(view.shape[1], view.shape[0])
        if mode == "Preprocessed" and self.preview is not None:
            return self.preview, self.tr("preprocessed (preview size)")
        if photo is None:
            return None, ""
        width, height = self.session.images[self.session.current].size or photo.shape[1::-1]
        return photo, self.tr("original · {0}x{1}").format(width, height)

    def refresh(self) -> None:
        """Show the current picture, keeping the zoom when it keeps its size; an overlay arrives from a worker
        (the picture before it stays until then, and a later change supersedes it)."""
        if self._show_failure():
            return
        parts = self._overlay()
        self.legend.setVisible(parts is not None)
        self.legend.set_colormap(self.colormap.currentText())
        if parts is None:
            self._composing = None
            picture, caption = self._plain_picture()
            self.view.set_image(picture, keep_zoom=True)
            self.caption.setText(caption)
            return
        self._composing = parts
        self.caption.setText(self._overlay_caption())
        self.session.run_task("overlay", lambda: composite(*parts), lambda picture: self._on_composited(parts, picture))

    def failure(self) -> str | None:
        """Why the current photo cannot be read (its name and the reason), or None."""
        index = self.session.current
        entry = self.session.images[index] if 0 <= index < len(self.session.images) else None
        if entry is None or entry.error is None:
            return None
        return self.tr("{0} cannot be read: {1}").format(entry.name, entry.error)

    def _show_failure(self) -> bool:
        """Show the current photo's error in place of its picture; True when there is one."""
        failure = self.failure()
        self.view.setVisible(failure is None)
        self.unreadable.setVisible(failure is not None)
        if failure is None:
            return False
        self._composing = None
        self.unreadable.setText(failure)
        self.view.set_image(None)
        self.legend.setVisible(False)
        self.caption.setText("")
        return True

    def _on_composited(self, parts: tuple, picture: np.ndarray) -> None:
        if parts is self._composing:  # still what is asked for
            self.view.set_image(picture, keep_zoom=True)

    def retranslate(self) -> None:
        self.view.setToolTip(self.tr("Scroll to zoom, drag to pan, double-click to fit"))
        for i, (label, tip) in enumerate(zip(VIEW_LABELS, VIEW_TIPS, strict=True)):
            self.mode_group.button(i).setText(self.tr(label))
            self.mode_group.button(i).setToolTip(self.tr(tip))
        self.alpha_label.setText(self.tr("Opacity"))
        self.alpha.setToolTip(self.tr("Opacity of the map"))
        self.colormap.setToolTip(self.tr("Colour scale of the map"))
        self.whole.setText(self.tr("On the whole photo"))
        self.whole.setToolTip(self.tr("Map the explanation back onto the original photo; what the model never saw "
                                      "is dimmed"))
        self.refresh()


def composite(result, alpha: float, colormap: str, whole: bool) -> np.ndarray:
    """An explanation's map over what the model saw, or over the whole photo (what it never saw dimmed)."""
    e = result.explanation
    if whole:
        return on_original(result.photo, e.heatmap, result.crop_box, alpha, colormap)
    return overlay(e.view, e.heatmap, alpha, colormap)
