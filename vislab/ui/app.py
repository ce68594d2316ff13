"""Starting the window: visible at once, the engine (torch) loading behind it."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ..resources import resources_dir
from . import i18n
from .main_window import MainWindow
from .session import Session
from .settings import Settings

#: The application's name: Qt's (the X11 WM_CLASS, the settings' folder) and its desktop entry's
#: (packaging/vislab.desktop, its StartupWMClass).
APP_NAME = "vislab"


def create_window(paths: Sequence[str] = (), settings: Settings | None = None) -> MainWindow:
    """The main window over a new session, with ``paths`` loading and the engine warming up."""
    settings = settings or Settings()
    i18n.install(i18n.resolve(settings.get("language")))
    session = Session()
    window = MainWindow(session, settings)
    window.setWindowIcon(app_icon())
    session.setParent(window)  # the session, its workers and the views' subscriptions end with the window
    window.languageChosen.connect(lambda language: _choose_language(settings, language))
    session.start_engine()
    if paths:
        window.add_paths(list(paths))
    return window


def app_icon() -> QIcon:
    """vislab's icon in every size drawn (resources/icons, made by packaging/make_icon.py); a null icon when
    vislab runs without its resources."""
    icon = QIcon()
    try:
        folder = resources_dir() / "icons"
    except FileNotFoundError:
        return icon
    for path in sorted(folder.glob("vislab*.png")):
        icon.addFile(str(path))
    return icon


def _choose_language(settings: Settings, language: str) -> None:
    settings.set("language", language)
    i18n.install(language)


#: Set to 1 and the window closes once it has shown its first predictions (printing the top class), or ends
#: with status 1 on the first error: a check that an installed or frozen app works (packaging/bundle_test.py).
QUIT_AFTER_PREDICTIONS = "VISLAB_QUIT_AFTER_PREDICTIONS"


def quit_after_first_predictions(window: MainWindow) -> None:
    """Close ``window`` once its first predictions are drawn; on a failure first, print it and end with 1.
    Either way the work under way is cancelled and waited for: leaving while a worker imports torch or loads
    a model would abort the interpreter."""
    session = window.session
    app = QApplication.instance()

    def end(code: int) -> None:
        if session.engine_ready or session.engine_error is not None:  # not before: that would cancel the engine
            session.runner.cancel_all()
        if not session.runner.idle() or (not session.engine_ready and session.engine_error is None):
            QTimer.singleShot(100, lambda: end(code))
            return
        app.setQuitOnLastWindowClosed(False)
        window.close()
        app.exit(code)

    def shown(result) -> None:
        session.feed("classify").ready.disconnect(shown)
        top = result.items[0]
        print(f"first predictions: {top.label} ({top.probability:.1%}, {result.backend})", flush=True)
        QTimer.singleShot(300, lambda: end(0))  # once they are painted

    def failed(error, *_slot) -> None:
        print(f"failed: {error}", file=sys.stderr, flush=True)
        end(1)

    session.feed("classify").ready.connect(shown)
    session.feed("classify").failed.connect(failed)
    session.notify.connect(failed)
    session.engineFailed.connect(failed)


def run(paths: Sequence[str] = ()) -> int:
    """Open vislab's window with ``paths`` and run until it closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # The docks match the window to packaging/vislab.desktop: Wayland by this name, X11 by the WM_CLASS the
    # application name gives (the entry's StartupWMClass).
    QGuiApplication.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    quitting = os.environ.get(QUIT_AFTER_PREDICTIONS, "").strip() not in ("", "0")
    if quitting and not paths:  # no photo, no predictions: it would wait for ever
        print(f"vislab: {QUIT_AFTER_PREDICTIONS} needs a photo to classify (vislab PHOTO)", file=sys.stderr)
        return 1
    window = create_window(paths)
    if quitting:
        quit_after_first_predictions(window)
    window.show()
    code = app.exec()
    window.session.runner.cancel_all()
    window.session.runner.wait(5000)
    return code
