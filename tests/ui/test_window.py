"""The window end to end: drop photos, see predictions and maps; stale answers never show."""

from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from vislab.core.exports import write_predictions
from vislab.core.ops import Step
from vislab.ui.app import create_window
from vislab.ui.central_view import VIEW_MODES
from vislab.ui.qt_images import to_qimage

CATS = {281, 282, 285}
LONG = 60_000  # ms: a model load plus an explanation on a busy 2-core machine


def wait_predictions(qtbot, window, timeout: int = LONG) -> None:
    qtbot.waitUntil(lambda: bool(window.predictions.items), timeout=timeout)


def _drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_cat_shows_tabby_and_its_map(qtbot, window, cat):
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    assert window.predictions.items[0].index in CATS
    assert window.predictions.items[0].label == "tabby, tabby cat"
    qtbot.waitUntil(lambda: window._explanation is not None, timeout=LONG)
    picture, caption = window.current_picture()
    assert picture.shape == (224, 224, 3) and caption == "Grad-CAM · tabby, tabby cat"
    assert " ms on CPU" in window.card.text()


def test_a_bad_file_gets_a_badge_while_the_others_are_classified(qtbot, window, samples, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    _drop(window, [bad, samples / "coffee.png"])
    qtbot.waitUntil(lambda: window.session.images[0].error is not None, timeout=LONG)
    item = window.strip.item(0)
    assert item.text() == "⚠ broken.jpg" and "cannot be read" in item.toolTip()
    assert window.messages.isVisible() and "broken.jpg" in window.messages.text.text()
    window.strip.setCurrentRow(1)
    wait_predictions(qtbot, window)
    assert window.predictions.items[0].label == "espresso"


def test_a_folder_drop_adds_its_images_recursively(qtbot, window, samples, tmp_path):
    import shutil

    (tmp_path / "inner").mkdir()
    shutil.copy(samples / "chelsea.png", tmp_path / "inner" / "cat.png")
    shutil.copy(samples / "coffee.png", tmp_path / "coffee.png")
    (tmp_path / "notes.txt").write_text("not an image")
    _drop(window, [tmp_path])
    assert [e.name for e in window.session.images] == ["coffee.png", "cat.png"]


def test_switching_quickly_shows_only_the_latest_answer(qtbot, window, samples):
    shown: list = []
    window.session.feed("classify").ready.connect(
        lambda r: shown.append((r.image, r.model_id, window.session.current, window.session.choices.model_id)))
    window.session.feed("explain").ready.connect(
        lambda r: shown.append((r.image, r.explanation.model_id, window.session.current,
                                window.session.choices.model_id)))
    _drop(window, [samples / "chelsea.png", samples / "coffee.png", samples / "rocket.jpg"])
    for index in (1, 2, 0, 1, 2, 1):
        window.session.set_current(index)
    window.session.set_model("vit_tiny_patch16_224")
    window.session.set_model("efficientnet_lite0")
    qtbot.waitUntil(lambda: bool(window.predictions.items) and window.session.runner._running == 0, timeout=LONG)
    assert window.predictions.items[0].label == "espresso"
    assert shown and all(image == current and model == chosen for image, model, current, chosen in shown)


def test_clicking_a_class_explains_it(qtbot, window, cat):
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    qtbot.waitUntil(lambda: window._explanation is not None, timeout=LONG)
    third = window.predictions.items[2]
    qtbot.mouseClick(window.predictions, Qt.MouseButton.LeftButton, pos=QPoint(40, 4 + 2 * 30 + 10))
    qtbot.waitUntil(lambda: window._explanation.explanation.target == third.index, timeout=LONG)
    assert window.predictions.target == third.index
    assert third.label in window.panels["explain"].target.text()


def test_panels_produce_images(qtbot, window, cat):
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.panels["features"].maps.image is not None, timeout=LONG)
    assert window.panels["features"].filters.image is not None
    assert "conv_stem" in window.panels["features"].filters_caption.text()
    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: len(window.panels["stages"].row.cells) == 4, timeout=LONG)
    assert "crop the centre 224x224" in window.panels["stages"].about.text()
    window.tabs.setCurrentIndex(2)
    window.panels["previews"].set_steps([Step.make("grayscale"), Step.make("canny")])
    qtbot.waitUntil(lambda: len(window.panels["previews"].strip.cells) == 3, timeout=LONG)
    window.mode_group.button(VIEW_MODES.index("Preprocessed")).click()
    picture, _ = window.current_picture()
    assert picture is not None and np.array_equal(picture[..., 0], picture[..., 1])


def test_feeding_the_pipeline_changes_the_predictions(qtbot, window, cat):
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    before = window.predictions.items[0].probability
    window.panels["previews"].set_steps([Step.make("grayscale")])
    window.panels["previews"].feed.setChecked(True)
    qtbot.waitUntil(lambda: window.predictions.items and window.predictions.items[0].probability != before,
                    timeout=LONG)
    assert window.predictions.items[0].label == "Egyptian cat"


def test_a_vit_shows_its_patch_grid_and_token_count(qtbot, window, cat, tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture as _architecture

    weights = tmp_path / "vit.pth"
    torch.save(_architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    _drop(window, [cat])
    window.tabs.setCurrentIndex(3)
    window.session.set_model("vit_tiny_patch16_224", weights=str(weights))
    qtbot.waitUntil(lambda: "N = 197 tokens" in window.panels["stages"].about.text(), timeout=LONG)
    assert "14 x 14 = 196 patches" in window.panels["stages"].about.text()
    assert [window.panels["explain"].method.itemData(i) for i in range(2)] == ["rollout", "attention"]
    window.panels["explain"].method.setCurrentIndex(1)
    window.panels["explain"].method.activated.emit(1)
    qtbot.waitUntil(lambda: window._explanation is not None and window._explanation.explanation.method
                    == "attention", timeout=LONG)
    assert window.panels["explain"].head.maximum() == 2  # ViT-Tiny has 3 heads
    assert window.panels["explain"].layer.itemData(12) == "blocks.11.attn"  # shown with its size


def test_no_model_code_runs_on_the_ui_thread(qtbot, window, cat):
    from vislab.core import engine

    model = engine.models().get("efficientnet_lite0", device="cpu")
    on_main: list[bool] = []
    handle = model.module.register_forward_pre_hook(
        lambda *_: on_main.append(threading.current_thread() is threading.main_thread()))
    try:
        _drop(window, [cat])
        window.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: window._explanation is not None and window.panels["features"].maps.image is not None,
                        timeout=LONG)
        window.session.set_explain(target=5)
        qtbot.waitUntil(lambda: window._explanation.explanation.target == 5, timeout=LONG)
    finally:
        handle.remove()
    assert len(on_main) >= 3 and not any(on_main)


def test_an_unusable_weights_file_is_a_message_and_the_app_goes_on(qtbot, window, cat, tmp_path):
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    junk = tmp_path / "junk.pth"
    junk.write_text("not weights")
    window.session.set_model("efficientnet_lite0", weights=str(junk))
    qtbot.waitUntil(lambda: "junk.pth" in window.predictions.placeholder, timeout=LONG)
    assert "not a PyTorch weights file" in window.predictions.placeholder
    assert not window.messages.isVisible()  # the failure reaches the person once, where the predictions go
    window.use_pretrained()
    wait_predictions(qtbot, window)
    assert window.predictions.items[0].index in CATS


def test_paste_an_image(qtbot, window, samples):
    from vislab.core.images import read_image

    QGuiApplication.clipboard().setImage(to_qimage(read_image(samples / "coffee.png")))
    window.paste()
    wait_predictions(qtbot, window)
    assert window.session.images[0].name.startswith("pasted")
    assert window.predictions.items[0].label == "espresso"


def test_settings_are_remembered(qtbot, settings, cat):
    first = create_window(settings=settings)
    qtbot.addWidget(first)
    first.top_k.setValue(8)
    first.add_paths([str(cat)])
    first.close()
    first.session.runner.cancel_all()
    first.session.runner.wait(LONG)
    second = create_window(settings=settings)
    qtbot.addWidget(second)
    assert second.top_k.value() == 8
    assert second.recent_menu.actions()[0].text() == str(cat)
    second.session.runner.wait(LONG)


def test_export_predictions(tmp_path, qtbot, window, cat):
    import csv
    import json

    _drop(window, [cat])
    wait_predictions(qtbot, window)
    write_predictions(str(tmp_path / "p.csv"), str(cat), window._predictions)
    rows = list(csv.DictReader(open(tmp_path / "p.csv", encoding="utf-8")))
    assert rows[0]["label"] == "tabby, tabby cat" and rows[0]["rank"] == "1" and len(rows) == 5
    write_predictions(str(tmp_path / "p.json"), str(cat), window._predictions)
    data = json.loads((tmp_path / "p.json").read_text())
    assert data["model"] == "efficientnet_lite0" and data["predictions"][0]["index"] == 281


def test_start_up_never_imports_torch_on_the_ui_thread(cat, tmp_path):
    code = f"""
import sys, threading, importlib.abc, time
first = {{}}
class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "torch" and "thread" not in first:
            first["thread"] = threading.current_thread().name
        return None
sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
start = time.perf_counter()
from vislab.ui.app import create_window
from vislab.ui.settings import Settings
win = create_window([{str(cat)!r}], Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)))
win.show()
app.processEvents()
shown = time.perf_counter() - start
def check():
    if win.predictions.items:
        print(first.get("thread"), f"{{shown:.2f}}", win.predictions.items[0].label)
        app.quit()
timer = QTimer(); timer.timeout.connect(check); timer.start(50)
QTimer.singleShot(90000, app.quit)
app.exec()
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    thread, shown, label = run.stdout.split(maxsplit=2)
    assert thread != "MainThread"
    assert float(shown) < 3.0
    assert label.strip() == "tabby, tabby cat"


def test_busy_indicator_hides_when_work_is_done(qtbot, window, cat):
    _drop(window, [cat])
    qtbot.waitUntil(lambda: window._explanation is not None and window.session.runner._running == 0, timeout=LONG)
    assert not window.busy_action.isVisible() and not window.cancel_action.isVisible()


def test_a_model_without_weights_says_so_and_the_window_recovers(qtbot, window, cat):
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    window.session.set_model("torchvision/resnet18")  # offline here: its weights cannot be had
    qtbot.waitUntil(lambda: "No predictions" in window.predictions.placeholder, timeout=LONG)
    assert "ResNet-18 weights are not on this computer" in window.predictions.placeholder
    assert "--weights FILE" in window.predictions.placeholder and not window.messages.isVisible()
    window.session.set_model("efficientnet_lite0")
    wait_predictions(qtbot, window)
    assert window.predictions.items[0].index in CATS


def test_a_pasted_image_survives_being_dropped_from_memory(qtbot, window, samples, monkeypatch):
    import vislab.ui.session
    from vislab.core.images import read_image

    monkeypatch.setattr(vislab.ui.session, "KEEP_IMAGES", 1)
    QGuiApplication.clipboard().setImage(to_qimage(read_image(samples / "coffee.png")))
    window.paste()
    _drop(window, [samples / "chelsea.png", samples / "rocket.jpg"])
    qtbot.waitUntil(lambda: all(e.thumbnail is not None for e in window.session.images), timeout=LONG)
    window.session.set_current(2)
    window.session.set_current(0)
    qtbot.waitUntil(lambda: bool(window.predictions.items) and window.session.current == 0, timeout=LONG)
    assert window.session.images[0].error is None
    assert window.predictions.items[0].label == "espresso"


def test_pasting_text_that_is_no_path(qtbot, window):
    QGuiApplication.clipboard().setText("x" * 400)
    window.paste()
    assert window.messages.text.text() == "The clipboard holds no image."


def test_samples_menu_opens_the_bundled_photos(qtbot, window):
    actions = {a.text(): a for a in window.samples_menu.actions()}
    assert {"Chelsea", "Coffee", "Grace hopper"} <= set(actions)
    actions["Coffee"].trigger()
    wait_predictions(qtbot, window)
    assert window.predictions.items[0].label == "espresso"


def test_compare_a_cnn_with_a_vit_and_sweep_rotation(qtbot, window, cat, tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture as _architecture

    weights = tmp_path / "vit.pth"
    torch.manual_seed(0)
    torch.save(_architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    window.session.weights_files["vit_tiny_patch16_224"] = str(weights)  # as Load weights file… records it
    _drop(window, [cat])
    wait_predictions(qtbot, window)
    qtbot.waitUntil(lambda: window.panels["compare"] is not None, timeout=LONG)
    panel = window.panels["compare"]
    window.tabs.setCurrentWidget(panel)
    panel.models.check_only(["efficientnet_lite0", "vit_tiny_patch16_224"])
    panel.run.click()
    qtbot.waitUntil(lambda: len(panel._results) == 2, timeout=LONG)
    assert "EfficientNet-Lite0" in panel.columns[0][0].text() and "map: Attention rollout" in panel.columns[1][0].text()
    assert panel.columns[0][1].image is not None and panel.agreement.text().startswith("Top-1")
    sweep = window.panels["sweep"]
    sweep.perturbation.setCurrentIndex(sweep.perturbation.findData("rotate"))
    sweep.steps.setValue(3)
    sweep.run.click()
    qtbot.waitUntil(lambda: sweep.result is not None, timeout=LONG)
    probability, agreement = sweep.result.curve("efficientnet_lite0")
    assert agreement[0] == 1.0
    assert probability[0] == pytest.approx(window.predictions.items[0].probability, abs=1e-6)
    assert len(sweep.figure.axes) == 2 and len(sweep.figure.axes[0].lines) == 2
    assert sweep.save_png.isEnabled() and not sweep.cancel.isEnabled()


def test_a_saved_compare_panel_opens_once_the_engine_is_ready(qtbot, settings):
    settings.set("panel", "compare")
    win = create_window(settings=settings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.panels.get("compare") is not None, timeout=LONG)
    assert win.tabs.currentWidget() is win.panels["compare"]
    win.session.runner.wait(LONG)


def test_fast_inference_is_a_setting_and_the_status_bar_says_what_ran(qtbot, window, cat):
    from vislab.core import engine, fast

    _drop(window, [cat])
    wait_predictions(qtbot, window)
    assert window.status_model.text().endswith("· PyTorch")  # the tests start with the fast path off
    try:
        window.fast_action.setChecked(False)
        window.fast_action.trigger()  # on
        assert fast.enabled() and window.settings.get("fast_path")
        model = engine.models().get("efficientnet_lite0", device="cpu")
        qtbot.waitUntil(lambda: model.fast_state != "off", timeout=LONG)
        assert model.fast_ready(timeout=120)
        window.top_k.setValue(4)  # classify again
        qtbot.waitUntil(lambda: window.status_model.text().endswith("· ONNX Runtime"), timeout=LONG)
        assert len(window.predictions.items) == 4 and window.predictions.items[0].index in CATS
        window.fast_action.trigger()  # off again
        assert not fast.enabled() and not window.settings.get("fast_path")
        window.top_k.setValue(5)
        qtbot.waitUntil(lambda: window.status_model.text().endswith("· PyTorch"), timeout=LONG)
    finally:
        fast.set_enabled(None)


def test_a_layer_typed_into_the_explain_panel_is_explained(qtbot, window, cat):
    _drop(window, [cat])
    qtbot.waitUntil(lambda: window._explanation is not None, timeout=LONG)
    panel = window.panels["explain"]
    panel.layer.setEditText("blocks.5")  # a deeper name than the list shows is typed in
    panel.layer.lineEdit().returnPressed.emit()
    assert window.session.choices.layer == "blocks.5"
    qtbot.waitUntil(lambda: window._explanation.explanation.layer == "blocks.5", timeout=LONG)
    panel.layer.setCurrentIndex(0)  # "bn2 (default)"
    panel.layer.activated.emit(0)
    assert window.session.choices.layer is None
