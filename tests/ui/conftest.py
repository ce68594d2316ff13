"""Qt tests: real widgets over the real core, with settings kept away from the user's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from vislab.ui.app import create_window
from vislab.ui.settings import Settings


@pytest.fixture
def settings(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "vislab.ini"), QSettings.Format.IniFormat))
    settings.set("language", "en")  # whatever the machine's locale: the tests read English texts
    return settings


@pytest.fixture
def window(qtbot, settings):
    win = create_window(settings=settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.session.runner.cancel_all()
    win.session.runner.wait(60_000)
