"""What would stall a class (issue 12): work stopped or superseded leaves its panel clear, an unreadable photo
says so where its picture would be, a loaded weights file is followed everywhere, the first latency is
provisional until timed when idle, and start-up says what it loads (or that it could not)."""

from __future__ import annotations

import subprocess
import sys

from vislab.ui.app import create_window
from vislab.ui.panels import PANELS
from vislab.ui.panels.catalog import WEIGHTS

LONG = 60_000  # ms: a model load plus an analysis on a busy 2-core machine
CATS = {281, 282, 283, 284, 285}


def _wait_predictions(qtbot, window) -> None:
    qtbot.waitUntil(lambda: bool(window.predictions.items), timeout=LONG)


def _wait_engine_panels(qtbot, window) -> None:
    qtbot.waitUntil(lambda: "sweep" in window.panels and "catalog" in window.panels, timeout=LONG)


def _vit_weights(tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    torch.manual_seed(0)
    path = tmp_path / "vit.pth"
    torch.save(architecture(get_spec("vit_tiny_patch16_224")).state_dict(), path)
    return path


def _start_sweep(qtbot, window, steps: int):
    sweep = window.panels["sweep"]
    window.tabs.setCurrentWidget(sweep)
    sweep.compare.models.check_only(["efficientnet_lite0"])
    sweep.perturbation.setCurrentIndex(sweep.perturbation.findData("rotate"))
    sweep.steps.setValue(steps)
    sweep.run.click()
    assert not sweep.run.isEnabled() and "chelsea.png" in sweep.status.text()
    qtbot.waitUntil(lambda: sweep.progress.value() >= 1, timeout=LONG)
    return sweep


# --- work stopped or superseded ------------------------------------------------------------------------------

def test_a_sweep_finishes_on_the_photo_it_started_with(qtbot, window, samples):
    window.add_paths([str(samples / "chelsea.png"), str(samples / "coffee.png")])
    _wait_predictions(qtbot, window)
    _wait_engine_panels(qtbot, window)
    sweep = _start_sweep(qtbot, window, steps=40)
    window.session.set_current(1)  # the class moves on to the coffee while the cat's sweep runs
    qtbot.waitUntil(lambda: sweep.result is not None, timeout=LONG)
    assert sweep.photo == "chelsea.png" and "Sweep of chelsea.png" in sweep.status.text()
    index, label = sweep.result.reference["efficientnet_lite0"]
    assert index in CATS  # swept on the cat, not on the coffee
    assert f"{label} (#{index})" in sweep.status.text()
    assert sweep.run.isEnabled() and not sweep.cancel.isEnabled() and sweep.progress.value() == 0
    assert "chelsea.png" in sweep.figure.get_suptitle()  # the plot's title names the photo
    probability, agreement = sweep.figure.axes
    assert [t.get_text() for t in probability.get_legend().get_texts()] == [f"EfficientNet-Lite0: {label} (#{index})"]
    assert not agreement.lines and agreement.collections  # a strip of marks, not zig-zag lines
    assert [t.get_text() for t in agreement.get_yticklabels()] == ["EfficientNet-Lite0"]


def test_a_cancelled_sweep_resets_its_progress_and_says_so(qtbot, window, cat):
    window.add_paths([str(cat)])
    _wait_predictions(qtbot, window)
    _wait_engine_panels(qtbot, window)
    sweep = _start_sweep(qtbot, window, steps=40)
    sweep.cancel.click()
    assert sweep.progress.value() == 0 and sweep.run.isEnabled() and not sweep.cancel.isEnabled()
    assert sweep.status.text() == "Cancelled."
    window.session.runner.wait(LONG)
    qtbot.wait(50)
    assert sweep.result is None and sweep.status.text() == "Cancelled."


def test_a_comparison_stopped_by_a_new_pipeline_or_photo_says_so(qtbot, window, samples, tmp_path):
    window.session.weights_files["vit_tiny_patch16_224"] = str(_vit_weights(tmp_path))
    window.add_paths([str(samples / "chelsea.png"), str(samples / "coffee.png")])
    _wait_predictions(qtbot, window)
    _wait_engine_panels(qtbot, window)
    panel = window.panels["compare"]
    window.tabs.setCurrentWidget(panel)
    panel.models.check_only(["efficientnet_lite0", "vit_tiny_patch16_224"])
    panel.run.click()
    window.session.set_feed_pipeline(True)  # its answers would be for the photo as it was fed before
    assert panel.agreement.text().startswith("Stopped: the device or the pipeline")
    assert all(title.text() != "computing…" for title, _, _ in panel.columns)
    window.session.runner.wait(LONG)
    qtbot.wait(100)
    assert not panel._results and panel.agreement.text().startswith("Stopped")
    panel.run.click()
    window.session.set_current(1)
    assert panel.agreement.text().startswith("Stopped: another photo was chosen")
    assert all(title.text() == "" for title, _, _ in panel.columns)


def test_cancelled_feature_maps_leave_a_clear_panel(qtbot, window, cat):
    window.add_paths([str(cat)])
    panel = window.panels["features"]
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel._result is not None, timeout=LONG)
    window.session.set_feature_layer("blocks.2")
    qtbot.waitUntil(lambda: window.session.runner.current(("features", None)) is not None, timeout=LONG)
    window._cancel_work()  # the bar's Cancel button
    assert panel._result is None and panel.caption.text() == "Cancelled."


def test_measurements_stopped_from_elsewhere_return_the_models_tab_to_ready(qtbot, window):
    _wait_engine_panels(qtbot, window)
    catalog = window.panels["catalog"]
    window.tabs.setCurrentWidget(catalog)
    catalog.start(["efficientnet_lite0", "torchvision/resnet18"])
    assert catalog.running
    window.session.cancel("measure")
    assert not catalog.running and catalog.measure.text() == "Measure here"
    assert catalog.measure_selected.isEnabled() and catalog.status.text().startswith("Cancelled after 0 of 2")


# --- an unreadable photo ----------------------------------------------------------------------------------------

def test_an_unreadable_current_photo_shows_its_own_error_in_place(qtbot, window, cat, tmp_path):
    first, second = tmp_path / "first.jpg", tmp_path / "second.png"
    first.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    second.write_bytes(b"")
    window.add_paths([str(cat), str(first), str(second)])
    _wait_predictions(qtbot, window)
    qtbot.waitUntil(lambda: all(e.error for e in window.session.images[1:]), timeout=LONG)
    for index, name, other in ((1, "first.jpg", "second.png"), (2, "second.png", "first.jpg")):
        window.session.set_current(index)
        entry = window.session.images[index]
        assert window.predictions.placeholder == f"{name} cannot be read: {entry.error}"
        assert window.centre.unreadable.isVisible() and not window.view.isVisible()
        assert window.centre.unreadable.text() == f"{name} cannot be read: {entry.error}"
        assert "cannot be read" in window.status_model.text()
        assert not (window.messages.isVisible() and other in window.messages.text.text())
    window.session.set_current(0)
    _wait_predictions(qtbot, window)
    assert window.view.isVisible() and not window.centre.unreadable.isVisible()
    assert window.predictions.items[0].index in CATS


# --- a weights file, loaded ----------------------------------------------------------------------------------

def test_a_loaded_weights_file_is_followed_by_everything_that_shows_the_model(qtbot, window, cat, tmp_path):
    weights = _vit_weights(tmp_path)
    window.add_paths([str(cat)])
    _wait_predictions(qtbot, window)
    _wait_engine_panels(qtbot, window)
    window.session.set_model("vit_tiny_patch16_224")  # offline here: its weights cannot be had
    qtbot.waitUntil(lambda: "No predictions" in window.predictions.placeholder, timeout=LONG)
    assert "unavailable offline" in window.picker.currentText()
    assert "ViT-Tiny/16" in window.status_model.text() and "efficientnet" not in window.status_model.text()
    window.session.set_model("vit_tiny_patch16_224", weights=str(weights))  # as Model ▸ Load weights file… does
    _wait_predictions(qtbot, window)
    assert window.picker.currentText() == "ViT-Tiny/16 · file vit.pth"
    checklist = window.panels["compare"].models
    texts = [checklist.item(i).text() for i in range(checklist.count())]
    assert "ViT-Tiny/16 · Transformer" in texts
    assert "vit_tiny_patch16_224" in window.status_model.text()
    assert "file " in window.card.text() and not window.messages.isVisible()
    catalog = window.panels["catalog"]
    assert catalog.model.item(catalog.row_of("vit_tiny_patch16_224"), WEIGHTS).text() == "file vit.pth"


def test_a_banner_that_blamed_the_weights_goes_with_them(qtbot, window, cat, tmp_path):
    from vislab.core.errors import WeightsUnavailableError

    weights = _vit_weights(tmp_path)
    window.add_paths([str(cat)])
    _wait_predictions(qtbot, window)
    error = WeightsUnavailableError("ViT-Tiny/16 weights are not on this computer")
    window.session.notify.emit(error)  # as any part of the window that tried the model reports it
    assert window.messages.isVisible()
    window.session.set_model("vit_tiny_patch16_224", weights=str(weights))
    assert not window.messages.isVisible()


# --- the first latency -----------------------------------------------------------------------------------------

def test_the_first_latency_is_provisional_until_timed_when_idle(qtbot, window, cat):
    timings: list = []
    window.session.latencyTimed.connect(timings.append)
    window.add_paths([str(cat)])
    _wait_predictions(qtbot, window)
    assert "(provisional: measured while other work ran)" in window.card.text() and window.card.provisional
    qtbot.waitUntil(lambda: bool(timings), timeout=LONG)
    (timing,) = timings
    assert (timing.model_id, timing.weights, timing.device) == ("efficientnet_lite0", None, "cpu")
    assert 0 < timing.seconds < 5
    assert not window.card.provisional and "provisional" not in window.card.text()
    assert f"{1000 * timing.seconds:.0f} ms on CPU" in window.card.text()
    window.top_k.setValue(3)  # new predictions carry the load-time latency again: the timed one stays
    qtbot.waitUntil(lambda: len(window.predictions.items) == 3, timeout=LONG)
    assert f"{1000 * timing.seconds:.0f} ms on CPU" in window.card.text()


# --- start-up ----------------------------------------------------------------------------------------------------

def test_start_up_says_what_it_loads_and_every_tab_is_there_from_the_start(qtbot, settings, cat):
    win = create_window([str(cat)], settings=settings)
    qtbot.addWidget(win)
    said: list[str] = []
    win.session.engineStage.connect(lambda *_: said.append(win.status_model.text()))
    assert win.tabs.count() == len(PANELS)
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [str(spec.title) for spec in PANELS]
    assert not any(win.tabs.isTabEnabled(i) for i in range(5, 8))
    assert not win.tabs.isTabEnabled(0) and win.tabs.isTabEnabled(2)  # Explain needs torch; Preprocessing not
    method = win.panels["explain"].method
    assert method.placeholderText() == "loading…" and method.isVisibleTo(win) and not method.isEnabled()
    assert win.status_model.text().startswith("starting")
    _wait_predictions(qtbot, win)
    assert "starting: loading EfficientNet-Lite0…" in said
    assert all(win.tabs.isTabEnabled(i) for i in range(win.tabs.count()))
    assert win.tabs.widget(6) is win.panels["sweep"] and win.panels["explain"].method.isEnabled()
    win.session.stop()
    win.session.runner.wait(LONG)


def test_a_failed_torch_import_is_said_not_waited_for(cat, tmp_path):
    code = f"""
import importlib.abc, sys
class BrokenTorch(importlib.abc.MetaPathFinder):  # an installation whose torch will not import
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "torch":
            raise ImportError("libtorch_cpu.so: cannot open shared object file")
sys.meta_path.insert(0, BrokenTorch())
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from vislab.ui.app import create_window
from vislab.ui.settings import Settings
win = create_window([{str(cat)!r}], Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)))
win.show()
stages = []
win.session.engineStage.connect(lambda stage, detail: stages.append(stage))
def check():
    if win.session.engine_error is not None and win.session.runner.idle():
        app.processEvents()
        print(stages)
        print(win.status_model.text())
        print(win.messages.isVisible(), win.messages.text.text())
        print(win.predictions.placeholder)
        print(win.tabs.isTabEnabled(0), win.tabs.isTabEnabled(5))
        app.quit()
timer = QTimer(); timer.timeout.connect(check); timer.start(50)
QTimer.singleShot(60000, app.quit)
app.exec()
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    lines = run.stdout.splitlines()
    assert len(lines) == 5, run.stdout + run.stderr
    stages, status, banner, placeholder, tabs = lines
    assert stages == "['torch']"
    assert status == "The engine could not start: see the message above."
    assert banner.startswith("True vislab's engine could not start: ") and "libtorch_cpu.so" in banner
    assert "Reinstall vislab" in banner
    assert placeholder == "No predictions: the engine could not start."
    assert tabs == "False False"

