"""Live: predictions per second against a plain read-and-classify loop, and the window's longest UI-thread gap
while Live runs (in a process of its own, offscreen Qt).

``python -m benchmarks.bench_live window VIDEO SETTINGS SECONDS``: the window plays VIDEO in Live with Grad-CAM for
SECONDS after its first live frame, a 10 ms timer ticking on the UI thread; one JSON object on standard output.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from vislab.resources import resource_path

from ._harness import Result, run_python

#: The source's frame rate: above what the model reaches here, so that both loops are bound by the model.
FPS = 60.0
#: Seconds of video each run plays.
SECONDS = 12.0
#: Seconds the window runs Live while the UI thread's gaps are measured.
WINDOW_SECONDS = 10.0


def _video(folder: Path, size: tuple[int, int], fps: float = FPS, seconds: float = SECONDS) -> Path:
    """The cat then the coffee cup, a second each, over and over, at ``size`` (width, height)."""
    from vislab.core.images import read_image
    from vislab.core.live import write_video

    pictures = [cv2.resize(read_image(resource_path("samples", name)), size, interpolation=cv2.INTER_AREA)
                for name in ("chelsea.png", "coffee.png")]
    count = int(fps * seconds)
    frames = (pictures[int(i / fps) % 2] for i in range(count))
    return write_video(folder / f"live-{size[0]}x{size[1]}.avi", frames, fps)


def _plain_loop(model, video: Path) -> tuple[float, int]:
    """Predictions per second of a loop that reads every frame with OpenCV and classifies it, and the frames."""
    capture = cv2.VideoCapture(str(video))
    count = 0
    start = time.perf_counter()
    while True:
        ok, bgr = capture.read()
        if not ok:
            break
        model.classify(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
        count += 1
    seconds = time.perf_counter() - start
    capture.release()
    return count / seconds, count


def _live(model, video: Path) -> dict:
    """Live with Grad-CAM on the same video: predictions and maps per second over the whole run."""
    from vislab.core.live import Live, VideoSource

    live = Live(model, VideoSource(video), method="gradcam")
    first = last = None
    maps = 0
    intervals = []
    for result in live.results():
        now = time.perf_counter()
        first = first or now
        last = now
        maps += result.map_fresh
        intervals.append(result.map_interval)
    seconds = max(1e-9, last - first)
    return {"predictions_per_s": (live.processed - 1) / seconds, "maps_per_s": maps / seconds,
            "processed": live.processed, "read": live.source.frames_read,
            "interval": float(np.median(intervals)) if intervals else float("nan")}


def run() -> list[Result]:
    from vislab.core.loading import load_model

    model = load_model("efficientnet_lite0", device="cpu")
    model.fast_ready()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        video = _video(folder, (224, 224))
        _plain_loop(model, video)  # warm-up: the decoder, the caches
        plain, _ = _plain_loop(model, video)
        live = _live(model, video)
        window = _window(folder)
    ratio = live["predictions_per_s"] / plain
    return [
        Result("Live: predictions/s vs a plain read-and-classify loop", ratio, 0.8, "x",
               f"{live['predictions_per_s']:.1f}/s vs {plain:.1f}/s ({model.backend}), Grad-CAM "
               f"{live['maps_per_s']:.1f} maps/s (every {live['interval']:.0f} frames); {live['processed']} of "
               f"{live['read']} frames of a {FPS:.0f} fps 224 px video processed", higher_is_better=True),
        Result("Live: longest UI-thread gap (10 ms timer)", window.get("max_gap_ms", float("inf")), 50.0, "ms",
               f"the window playing a 640x480 30 fps video in Live with Grad-CAM for {WINDOW_SECONDS:.0f} s: "
               f"{window.get('frames_shown', 0)} frames shown, {window.get('predictions', 0)} predictions; the same "
               f"window idle for as long: {window.get('idle_gap_ms', float('nan')):.0f} ms"),
    ]


def _window(folder: Path) -> dict:
    video = _video(folder, (640, 480), fps=30.0, seconds=WINDOW_SECONDS + 30)
    out = run_python(["-m", "benchmarks.bench_live", "window", str(video), str(folder / "live.ini"),
                      repr(WINDOW_SECONDS)], env={"XDG_CONFIG_HOME": str(folder / "config")}, timeout=600)
    return json.loads(out.strip().splitlines()[-1])


def _drive_window(video: str, settings_path: str, seconds: float) -> int:
    """The window playing ``video`` in Live; the longest gap between ticks of a 10 ms UI-thread timer from the
    first live frame on, for ``seconds``."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from vislab.ui.app import create_window
    from vislab.ui.live import LiveChoice
    from vislab.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    window = create_window([], Settings(QSettings(settings_path, QSettings.Format.IniFormat)))
    window.show()
    state = {"max_gap_ms": 0.0, "idle_gap_ms": 0.0, "frames_shown": 0, "predictions": 0}
    phase = ["start-up"]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        key = {"idle": "idle_gap_ms", "live": "max_gap_ms"}.get(phase[0])
        if key is not None:
            state[key] = max(state[key], 1e3 * (now - last[0]))
        last[0] = now

    def finish() -> None:
        live = window.live.live
        state["predictions"] = live.processed if live is not None else 0
        window.live.shutdown()
        print(json.dumps(state), flush=True)
        app.quit()

    def idle() -> None:  # the same window, without Live, for as long: what this machine's load costs alone
        phase[0] = "idle"
        last[0] = time.perf_counter()
        QTimer.singleShot(int(seconds * 1000), start)

    def start() -> None:
        phase[0] = "starting"
        window.live.start(LiveChoice(video, resolution=(640, 480)))

    def on_frame(_generation: int) -> None:
        if phase[0] == "live":
            state["frames_shown"] += 1
        elif phase[0] == "starting":
            phase[0] = "live"
            last[0] = time.perf_counter()
            QTimer.singleShot(int(seconds * 1000), finish)

    ticker = QTimer(window)
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()
    window.live._frame.connect(on_frame)
    window.session.engineReady.connect(lambda *_a: QTimer.singleShot(2000, idle))
    QTimer.singleShot(300_000, finish)
    app.exec()
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["window"]:
        sys.exit(_drive_window(sys.argv[2], sys.argv[3], float(sys.argv[4])))
    for result in run():
        print(result)
