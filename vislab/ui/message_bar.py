"""A non-modal message across the top of the window: errors and warnings that never block the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from .i18n import Retranslatable


class MessageBar(Retranslatable, QFrame):
    """A non-modal message across the top of the window, with an optional action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet("#messageBar { background: #fdecea; border: 1px solid #f1aeb5; border-radius: 4px; }"
                           "#messageBar QLabel { color: #611a15; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.setVisible(False)
        close = self.close_button = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(close)
        self._callback: Callable[[], None] | None = None
        self.about: object = None  #: what the message is about (the error shown), so that it can go with it
        self.action.clicked.connect(self._on_action)
        self.retranslate()
        self.hide()

    def show_message(self, text: str, action: str | None = None, callback: Callable[[], None] | None = None,
                     about: object = None) -> None:
        """Show ``text``; with ``action``, a button of that name that hides the bar and calls ``callback``;
        ``about`` is what it is about (an error), read back by :meth:`withdraw`."""
        self.about = about
        self.text.setText(text)
        self.action.setVisible(action is not None)
        self.action.setText(action or "")
        self._callback = callback
        self.show()

    def withdraw(self, outdated: Callable[[object], bool]) -> None:
        """Hide the message if what it is about is ``outdated`` (the model it blamed was replaced, the photo it
        named is no longer the one on screen)."""
        if not self.isHidden() and self.about is not None and outdated(self.about):
            self.hide()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))

    def _on_action(self) -> None:
        self.hide()
        if self._callback:
            self._callback()
