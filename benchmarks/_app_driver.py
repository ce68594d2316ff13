"""The window in a process of its own, for the start-up and responsiveness figures (see bench_app).

``python -m benchmarks._app_driver MODE LAUNCHED IMAGE SETTINGS [WEIGHTS]``: MODE ``startup`` prints when
the window was first painted and when the first prediction for IMAGE arrived, in seconds after LAUNCHED
(the parent's ``time.time()`` just before it started this process); MODE ``responsive`` prints the longest
gap between two ticks of a 10 ms timer on the UI thread during start-up, and then while the window loads
ResNet-18 from WEIGHTS, classifies IMAGE, draws Grad-CAM and runs the 8-op preview strip. One JSON object
on standard output.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from vislab.ui.app import create_window
from vislab.ui.settings import Settings

STRIP = ["grayscale", "equalize", "gaussian_blur:ksize=9", "rotate:angle=20", "canny", "flip",
         "brightness_contrast", "gaussian_noise:sigma=10"]
TIMEOUT_MS = 120_000
#: The model the responsiveness run loads (from a weights file: nothing to download).
MODEL = "torchvision/resnet18"


class _FirstPaint(QObject):
    def __init__(self, on_paint) -> None:
        super().__init__()
        self.on_paint = on_paint

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.on_paint()
        return False


def main() -> int:
    mode, launched, image, settings_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    marks: dict[str, float] = {}
    gaps: dict[str, float] = {}
    phase = ["start-up"]

    def mark(name: str) -> None:
        marks.setdefault(name, time.time() - launched)

    def finish() -> None:
        print(json.dumps(marks | {f"max_gap_ms:{k}": v * 1e3 for k, v in gaps.items()}), flush=True)
        app.quit()

    settings = Settings(QSettings(settings_path, QSettings.Format.IniFormat))
    window = create_window([image] if mode == "startup" else [], settings)
    painted = _FirstPaint(lambda: mark("visible"))
    window.installEventFilter(painted)
    session = window.session
    if mode == "startup":
        def predicted(result) -> None:
            mark("first_prediction")
            marks.setdefault("first_backend", result.backend)
            marks.setdefault("before_engine", not session.engine_ready)
            QTimer.singleShot(0, finish)

        session.feed("classify").ready.connect(predicted)
        _tick_during_start_up(window, gaps)
    else:
        _measure_work(window, image, sys.argv[5], phase, gaps, mark, finish)
    window.show()
    QTimer.singleShot(TIMEOUT_MS, finish)
    app.exec()
    session.runner.cancel_all()
    session.runner.wait(10_000)
    return 0


def _measure_work(window, image: str, weights: str, phase: list, gaps: dict, mark, finish) -> None:
    """Once the engine is up (torch imported, the default model loaded): a ResNet-18 from a weights file,
    a 12 MP photo, its predictions, Grad-CAM and the 8-op strip, with a 10 ms timer ticking throughout."""
    from vislab.core.ops import Pipeline

    session = window.session
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps[phase[0]] = max(gaps.get(phase[0], 0.0), now - last[0])
        last[0] = now

    ticker = QTimer(window)
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()
    waiting = {"predictions", "explanation", "previews"}

    def arrived(name: str, result) -> None:
        if phase[0] != "work" or getattr(result, "model_id", MODEL) != MODEL:
            return
        waiting.discard(name)
        mark(name)
        if not waiting:
            QTimer.singleShot(300, finish)  # and the drawing that follows

    def start() -> None:
        phase[0] = "work"
        last[0] = time.perf_counter()
        mark("work")
        session.set_pipeline(Pipeline.parse(STRIP))
        session.set_model(MODEL, weights)
        window.add_paths([image])

    session.notify.connect(lambda error: print(f"failed: {error}", file=sys.stderr))
    session.engineReady.connect(lambda *_a: QTimer.singleShot(0, start))
    session.feed("classify").ready.connect(lambda r: arrived("predictions", r))
    session.feed("explain").ready.connect(lambda r: arrived("explanation", r.explanation))
    session.feed("previews").ready.connect(lambda r: len(r.steps) == len(STRIP) and arrived("previews", r))


def _tick_during_start_up(window, gaps: dict) -> None:
    """The longest gap between two ticks of a 10 ms timer from the window's creation to its first prediction."""
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps["start-up"] = max(gaps.get("start-up", 0.0), now - last[0])
        last[0] = now

    ticker = QTimer(window)
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()


if __name__ == "__main__":
    sys.exit(main())
