"""Live on a real video file standing in for the camera: pace, dropped frames, release, failures, smoothing."""

from __future__ import annotations

import os
import shutil
import threading
import time

import cv2
import numpy as np
import pytest
import torch

from vislab.core.errors import CameraError, MethodNotApplicableError
from vislab.core.fast import physical_cores
from vislab.core.images import read_image
from vislab.core.live import (
    MAP_SHARE,
    PROBE_TIMEOUT,
    Live,
    MapSchedule,
    MapSmoother,
    VideoSource,
    available_cameras,
    leave_a_core,
    write_video,
)

FPS = 10.0
CATS = {281, 282, 283, 285}  # tabby, tiger cat, Persian, Egyptian cat
COFFEE = {967, 968}  # espresso, cup


def frames_of(samples, name: str, count: int) -> list[np.ndarray]:
    image = cv2.resize(read_image(samples / name), (224, 224), interpolation=cv2.INTER_AREA)
    return [image] * count


@pytest.fixture(scope="module")
def video(samples, tmp_path_factory):
    """40 frames of the cat then 40 of the coffee cup, at 10 fps: 8 seconds of a pretend camera."""
    frames = frames_of(samples, "chelsea.png", 40) + frames_of(samples, "coffee.png", 40)
    return write_video(tmp_path_factory.mktemp("live") / "cat_then_cup.avi", frames, FPS)


def test_predictions_follow_the_content_and_the_file_is_released(lite0, video):
    source = VideoSource(video)
    results = list(Live(lite0, source, method="gradcam").results())
    first = [r for r in results if r.frame.index < 38]
    later = [r for r in results if r.frame.index >= 42]
    assert first and later
    assert all(r.predictions[0].index in CATS for r in first), [r.predictions[0].label for r in first]
    assert all(r.predictions[0].index in COFFEE for r in later), [r.predictions[0].label for r in later]
    assert results[-1].frame.index >= 70  # played to its end
    assert not source.is_open
    mapped = [r for r in results if r.map_fresh]
    assert mapped and all(r.heatmap.shape == (224, 224) and 0 <= r.heatmap.min() <= r.heatmap.max() <= 1
                          for r in mapped)
    assert all(r.layer == "bn2" for r in mapped)


def test_slow_processing_drops_frames_instead_of_queueing(lite0, video):
    newest, seen, lag = [-1], [], []

    def slow(image: np.ndarray) -> np.ndarray:  # a preprocessing step that takes 3 frames' time
        seen.append(newest[0])  # the newest frame the source had delivered when this one's processing began
        time.sleep(0.3)
        return image

    live = Live(lite0, VideoSource(video), method=None, transform=slow,
                on_frame=lambda frame: newest.__setitem__(0, frame.index))
    start = time.perf_counter()
    indices = []
    for result in live.results():
        indices.append(result.frame.index)
        lag.append(seen[-1] - result.frame.index)
    seconds = time.perf_counter() - start
    assert indices == sorted(set(indices))
    assert len(indices) < 40 and max(np.diff(indices)) >= 3  # about one frame in three, the others skipped
    assert indices[-1] >= 72  # it kept up with the source: the last processed frame is near the end
    assert max(lag) <= 1  # each frame taken was the newest (nothing waited in a queue)
    assert seconds < 80 * 0.3  # a queue would have taken 0.3 s for every one of the 80 frames
    assert live.capture.slot.replaced > 20


def test_stop_releases_the_source_and_ends_once(lite0, video):
    results, ended = [], []
    first = threading.Event()

    def on_result(result) -> None:
        results.append(result)
        first.set()

    source = VideoSource(video)
    live = Live(lite0, source, method="gradcam", on_result=on_result, on_end=ended.append).start()
    assert first.wait(30)
    assert source.is_open and live.running
    live.stop()
    assert live.join(10)
    assert not source.is_open and not live.running
    assert ended == [None]
    assert results[-1].frame.index < 60  # stopped long before the end of the file


def test_a_source_that_fails_mid_stream_ends_live_with_one_message(lite0, video, tmp_path):
    damaged = tmp_path / "cut.avi"
    shutil.copy(video, damaged)
    ended = []
    source = VideoSource(damaged)
    live = Live(lite0, source, method=None, on_end=ended.append)
    results = live.results()
    frames = [next(results).frame.index for _ in range(3)]
    os.truncate(damaged, damaged.stat().st_size * 2 // 5)  # the file is cut while it plays
    with pytest.raises(CameraError) as error:
        frames += [r.frame.index for r in results]
    assert str(damaged) in str(error.value) and "cut short" in str(error.value)
    assert max(frames) < 45
    assert ended == [error.value] and live.error is error.value
    assert not source.is_open


def test_sources_that_cannot_be_opened_are_named(tmp_path):
    with pytest.raises(CameraError, match="no such file"):
        VideoSource(tmp_path / "missing.avi").open()
    (tmp_path / "notes.avi").write_text("not a video")
    with pytest.raises(CameraError, match=r"notes\.avi: cannot be opened"):
        VideoSource(tmp_path / "notes.avi").open()
    with pytest.raises(CameraError, match=r"^camera 9: no camera answers"):
        VideoSource("9").open()


def test_mirror_and_resolution(video):
    with VideoSource(video) as plain, VideoSource(video, mirror=True, resolution=(112, 100)) as small:
        a, b = plain.read(), small.read()
    assert a.shape == (224, 224, 3) and b.shape == (100, 100, 3)
    expected = cv2.resize(a, (100, 100), interpolation=cv2.INTER_AREA)[:, ::-1]
    assert np.abs(b.astype(int) - expected).mean() < 2


def test_map_schedule_keeps_the_cameras_pace():
    assert MapSchedule(0.1, classify_seconds=0.02, map_seconds=0.06).interval == 1  # every frame fits
    schedule = MapSchedule(0.1, classify_seconds=0.05, map_seconds=0.3)
    n = schedule.interval
    assert n == 5 and ((n - 1) * 0.05 + 0.3) / n <= 0.1
    slow = MapSchedule(1 / 30, classify_seconds=0.2, map_seconds=0.5)  # the model alone cannot keep up
    n = slow.interval
    assert n * 0.2 / ((n - 1) * 0.2 + 0.5) >= 1 / (1 + MAP_SHARE)  # maps cost the predictions little

    live = MapSchedule(0.1)
    pattern = []
    for _ in range(12):
        mapped = live.due()
        pattern.append(mapped)
        live.record(0.3 if mapped else 0.05, mapped)
    assert pattern[:2] == [True, False] and sum(pattern[2:]) == 2  # then one frame in five


def test_smoothing_is_a_moving_average():
    smoother = MapSmoother(alpha=0.25)
    first = smoother.add(np.zeros((2, 2)))
    assert np.all(first == 0)
    assert np.allclose(smoother.add(np.ones((2, 2))), 0.25)
    assert np.allclose(smoother.add(np.ones((2, 2))), 0.4375)
    assert np.allclose(smoother.add(np.ones((3, 3))), 1)  # another size starts again


def test_leave_a_core_restores_torch_threads():
    before = torch.get_num_threads()
    with leave_a_core() as threads:
        assert threads == max(1, physical_cores() - 1) == torch.get_num_threads()
    assert torch.get_num_threads() == before


def test_camera_listing_answers_quickly():
    start = time.perf_counter()
    cameras = available_cameras()
    assert time.perf_counter() - start < PROBE_TIMEOUT + 1
    assert all(isinstance(i, int) for i in cameras)



def test_a_vits_rollout_is_the_live_map_and_a_cnn_refuses_it(lite0, video):
    from vislab.core.loading import load_model

    vit = load_model("vit_tiny_patch16_224", device="cpu", pretrained=False, fast_path=False)
    results = list(Live(vit, VideoSource(video), method="rollout").results(max_frames=3))
    assert len(results) == 3 and results[0].map_fresh and results[-1].heatmap.shape == (224, 224)
    with pytest.raises(MethodNotApplicableError, match="Attention rollout does not apply to EfficientNet-Lite0"):
        Live(lite0, VideoSource(video), method="rollout")
