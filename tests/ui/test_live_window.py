"""Live in the window, from a video file standing in for the camera: on and off, freeze, the source vanishing."""

from __future__ import annotations

import os
import shutil
import threading

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from vislab.core.images import read_image
from vislab.core.live import VideoSource, write_video
from vislab.ui.live import LiveChoice, LivePicker

LONG = 120_000
CATS = {281, 282, 283, 285}


@pytest.fixture(scope="module")
def video(samples, tmp_path_factory):
    """60 frames of the cat at 10 fps."""
    cat = cv2.resize(read_image(samples / "chelsea.png"), (320, 240), interpolation=cv2.INTER_AREA)
    return write_video(tmp_path_factory.mktemp("ui-live") / "cat.avi", [cat] * 60, 10)


def live_frames(window) -> bool:
    view = window.view.image
    return view is not None and view.shape[:2] == (240, 320)


def test_live_on_shows_frames_predictions_and_rates_then_off_puts_the_photo_back(qtbot, window, cat, video):
    window.add_paths([str(cat)])
    qtbot.waitUntil(lambda: window._predictions is not None, timeout=LONG)
    live = window.live
    on_ui: list[bool] = []
    original = live._on_frame_thread

    def spy(generation, frame) -> None:
        on_ui.append(threading.current_thread() is threading.main_thread())
        original(generation, frame)

    live._on_frame_thread = spy
    live.start(LiveChoice(str(video)))
    assert window.window_actions["live"].isChecked() and live.bar.toggle.isChecked()
    qtbot.waitUntil(lambda: live.live is not None and live.live.processed >= 3, timeout=LONG)
    qtbot.waitUntil(lambda: live_frames(window), timeout=LONG)
    assert window.statusBar().live_rates.isVisible()
    qtbot.waitUntil(lambda: "predictions/s" in window.statusBar().live_rates.text(), timeout=LONG)
    qtbot.waitUntil(lambda: window.predictions.items and window.predictions.items[0].index in CATS, timeout=LONG)
    # The map arrives and is blended over the live frame: no longer the plain frame.
    qtbot.waitUntil(lambda: live._map is not None, timeout=LONG)
    qtbot.waitUntil(lambda: live_frames(window) and live._latest_frame is not None
                    and not np.array_equal(window.view.image, live._latest_frame[0].image), timeout=LONG)
    assert on_ui and not any(on_ui)  # frames were blended on the capture thread
    source = live.live.source
    window.window_actions["live"].trigger()  # View ▸ Live camera again: off
    assert not live.active and not window.window_actions["live"].isChecked()
    qtbot.waitUntil(lambda: not source.is_open, timeout=10_000)
    qtbot.waitUntil(lambda: window.view.image is not None and window.view.image.shape[:2] != (240, 320)
                    and window.view.image.shape == window.current_picture()[0].shape, timeout=LONG)
    assert not window.statusBar().live_rates.isVisible()


def test_space_freezes_the_current_frame_into_the_strip(qtbot, window, video):
    window.live.start(LiveChoice(str(video), mirror=True))
    qtbot.waitUntil(lambda: window.live._latest_frame is not None, timeout=LONG)
    assert window.live.bar.freeze.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(window.session.images) == 1, timeout=10_000)
    entry = window.session.images[0]
    assert entry.name == "live 1"
    qtbot.waitUntil(lambda: window.session.image(0) is not None, timeout=LONG)
    frozen = window.session.image(0)
    with VideoSource(window.live.choice.source) as unmirrored:
        first = unmirrored.read()
    assert frozen.shape == (240, 320, 3)
    assert np.abs(frozen.astype(int) - first[:, ::-1]).mean() < np.abs(frozen.astype(int) - first).mean()  # mirrored
    assert "live 1" in window.messages.text.text()
    window.live.stop()
    qtbot.waitUntil(lambda: window._predictions is not None, timeout=LONG)  # an ordinary image: classified
    assert window._predictions.items[0].index in CATS


def test_a_source_that_disappears_turns_live_off_with_one_message(qtbot, window, cat, video, tmp_path):
    window.add_paths([str(cat)])
    qtbot.waitUntil(lambda: window._predictions is not None, timeout=LONG)
    images, current = len(window.session.images), window.session.current
    cut = tmp_path / "unplugged.avi"
    shutil.copy(video, cut)
    window.live.start(LiveChoice(str(cut)))
    qtbot.waitUntil(lambda: window.live.live is not None and window.live.live.processed >= 2, timeout=LONG)
    source = window.live.live.source
    os.truncate(cut, cut.stat().st_size // 2)  # the camera is unplugged
    qtbot.waitUntil(lambda: not window.live.active, timeout=LONG)
    assert not source.is_open
    assert not window.window_actions["live"].isChecked()
    text = window.messages.text.text()
    assert text.startswith("Live stopped:") and "unplugged.avi" in text and "cut short" in text
    assert (len(window.session.images), window.session.current) == (images, current)
    qtbot.waitUntil(lambda: window.view.image is not None and window.view.image.shape[:2] != (240, 320), timeout=LONG)


def test_no_camera_is_a_message_and_the_picker_offers_a_file(qtbot, window, video, monkeypatch):
    from vislab.ui import live as live_module

    monkeypatch.setattr(live_module, "_cameras", lambda: [])  # what available_cameras() says on this machine
    window.window_actions["live"].trigger()
    qtbot.waitUntil(lambda: window.live._picker is not None, timeout=10_000)
    picker: LivePicker = window.live._picker
    assert "No camera found" in window.messages.text.text()
    assert picker.source.count() == 1 and picker.source.currentData() is None
    ok = picker.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    picker.path.setText(str(video))
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: window.live.live is not None, timeout=LONG)
    assert window.live.choice == LiveChoice(str(video), mirror=False, resolution=(640, 480))  # the bar's choices
    live = window.live.live
    window.close()  # closing the window releases the camera
    assert not live.source.is_open


def test_the_live_blend_is_the_overlay_on_the_whole_photo():
    from vislab.core.heatmaps import on_original
    from vislab.ui.live import Blender

    rng = np.random.default_rng(0)
    frame = rng.integers(0, 256, (480, 640, 3), dtype=np.uint8)
    heatmap = rng.random((224, 224), dtype=np.float32)
    blender = Blender()
    for box, alpha, colormap in (((80.0, 0.0, 560.0, 480.0), 0.5, "jet"), ((80.0, 0.0, 560.0, 480.0), 0.8, "viridis"),
                                 ((0.0, 40.0, 640.0, 440.0), 0.3, "jet")):
        assert np.array_equal(blender.blend(frame, heatmap, box, alpha, colormap),
                              on_original(frame, heatmap, box, alpha, colormap))


def test_the_preprocessing_is_applied_live_when_it_feeds_the_model(qtbot, window, video, lite0):
    from vislab.core.ops import Pipeline

    pipeline = Pipeline.parse(["grayscale"])
    window.session.set_pipeline(pipeline)
    window.session.set_feed_pipeline(True)
    window.session.set_explain(method="eigencam")  # a cheap map: this test is about what the model is fed
    window.live.start(LiveChoice(str(video)))
    qtbot.waitUntil(lambda: window.live._latest_result is not None, timeout=LONG)
    result = window.live._latest_result
    frame = result.frame.image
    fed = lite0.classify(pipeline.apply(frame))[0]
    plain = lite0.classify(frame)[0]
    assert abs(plain.probability - fed.probability) > 0.02  # grey changes the answer
    assert result.predictions[0].index == fed.index
    assert abs(result.predictions[0].probability - fed.probability) < 1e-3
    window.live.stop()


def test_a_new_resolution_restarts_live_at_it(qtbot, window, samples, tmp_path):
    cat = cv2.resize(read_image(samples / "chelsea.png"), (640, 480), interpolation=cv2.INTER_AREA)
    big = write_video(tmp_path / "big.avi", [cat] * 100, 10)
    window.live.start(LiveChoice(str(big), resolution=(640, 480)))
    qtbot.waitUntil(lambda: window.view.image is not None and window.view.image.shape[:2] == (480, 640), timeout=LONG)
    first = window.live.live
    window.live.bar.choose_resolution((320, 240))
    assert window.live.active and window.live.choice.resolution == (320, 240)
    qtbot.waitUntil(lambda: window.view.image is not None and window.view.image.shape[:2] == (240, 320), timeout=LONG)
    assert window.live.live is not first and not first.source.is_open
    window.live.stop()


def test_keys_capture_the_live_frame_into_the_teach_panels_classes(qtbot, window, video):
    qtbot.waitUntil(lambda: window.panels.get("teach") is not None, timeout=LONG)
    bins = window.panels["teach"].bins
    bins.dataset.add_class("cat")
    bins.dataset.add_class("cup")
    bins.refresh()
    window.live.start(LiveChoice(str(video)))
    qtbot.waitUntil(lambda: window.live._latest_frame is not None, timeout=LONG)
    qtbot.keyClick(window, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(bins.dataset.classes["cat"]) == 1, timeout=10_000)
    kept = bins.dataset.classes["cat"][0]
    assert kept.is_file() and read_image(kept).shape == (240, 320, 3)
    assert "Frame added to class cat (1 images)" in window.messages.text.text()
    qtbot.keyClick(window, Qt.Key.Key_3)  # no third class: said, nothing added
    assert "class number 3, and it has 2 classes" in window.messages.text.text()
    assert {k: len(v) for k, v in bins.dataset.classes.items()} == {"cat": 1, "cup": 0}
    assert len(window.session.images) == 0  # capture is not freeze
    window.live.stop()
