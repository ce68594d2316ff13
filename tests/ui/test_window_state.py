"""The settings round-trip: what the person left is what the next window opens with."""

from __future__ import annotations

from vislab.core.catalog import DEFAULT_MODEL
from vislab.ui.app import create_window

LONG = 60_000


def _open(qtbot, settings):
    window = create_window(settings=settings)
    qtbot.addWidget(window)
    return window


def _close(window) -> None:
    window.close()
    window.session.runner.cancel_all()
    window.session.runner.wait(LONG)


def test_the_map_settings_panel_and_model_come_back(qtbot, settings):
    from vislab.core import fast

    first = _open(qtbot, settings)
    first.alpha.setValue(30)
    first.colormap.setCurrentText("viridis")
    first.tabs.setCurrentIndex(1)
    first.session.choices.method = "gradcam++"
    try:
        first.fast_action.setChecked(True)
        first.fast_action.trigger()  # off, as the person would turn it off
        _close(first)
        assert settings.get("alpha") == 0.3 and settings.get("panel") == "features"
        assert len(settings.get("splitters")) == 2 and not settings.get("fast_path")

        second = _open(qtbot, settings)
        assert second.alpha.value() == 30 and second.colormap.currentText() == "viridis"
        assert second.tabs.currentIndex() == 1 and second.session.choices.method == "gradcam++"
        assert second.session.choices.model_id == settings.get("model")
        assert not second.fast_action.isChecked() and not fast.enabled()
        _close(second)
    finally:
        fast.set_enabled(None)


def test_an_unknown_saved_model_falls_back_to_the_default(qtbot, settings):
    settings.set("model", "no_such_model")
    window = _open(qtbot, settings)
    assert window.session.choices.model_id == DEFAULT_MODEL
    _close(window)
