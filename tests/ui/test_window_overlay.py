"""The overlay is composited on a worker: moving the opacity slider never blends a photo on the UI thread."""

from __future__ import annotations

import threading

import numpy as np

from vislab.ui import central_view

LONG = 120_000


def test_the_overlay_is_composited_on_a_worker_and_the_last_setting_wins(qtbot, window, cat, monkeypatch):
    window.add_paths([str(cat)])
    qtbot.waitUntil(lambda: window._explanation is not None, timeout=LONG)
    on_main: list[bool] = []
    original = central_view.composite

    def spy(*args):
        on_main.append(threading.current_thread() is threading.main_thread())
        return original(*args)

    monkeypatch.setattr(central_view, "composite", spy)
    window.whole.setChecked(True)
    for value in (10, 30, 60, 90):
        window.alpha.setValue(value)
    expected = original(window._explanation, 0.9, window.colormap.currentText(), True)
    qtbot.waitUntil(lambda: window.view.image is not None and window.view.image.shape == expected.shape
                    and np.array_equal(window.view.image, expected), timeout=LONG)
    assert on_main and not any(on_main)
    assert expected.shape[:2] == window.session.display().shape[:2]  # the whole photo, at display size
