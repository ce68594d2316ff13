"""Starting the window: visible at once, the engine (torch) loading behind it."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from . import i18n
from .main_window import MainWindow
from .session import Session
from .settings import Settings


def create_window(paths: Sequence[str] = (), settings: Settings | None = None) -> MainWindow:
    """The main window over a new session, with ``paths`` loading and the engine warming up."""
    settings = settings or Settings()
    i18n.install(i18n.resolve(settings.get("language")))
    session = Session()
    window = MainWindow(session, settings)
    session.setParent(window)  # the session, its workers and the views' subscriptions end with the window
    window.languageChosen.connect(lambda language: _choose_language(settings, language))
    session.start_engine()
    if paths:
        window.add_paths(list(paths))
    return window


def _choose_language(settings: Settings, language: str) -> None:
    settings.set("language", language)
    i18n.install(language)


def run(paths: Sequence[str] = ()) -> int:
    """Open vislab's window with ``paths`` and run until it closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("vislab")
    app.setOrganizationName("vislab")
    app.setStyle("Fusion")
    window = create_window(paths)
    window.show()
    code = app.exec()
    window.session.runner.cancel_all()
    window.session.runner.wait(5000)
    return code
