"""The Collection view with 10,000 photos, in a fresh process (offscreen Qt): how long the folder takes to open
(grid painted, then scrolled end to end), how much the window's memory grows over the empty window, and the
longest UI-thread gap while the collection is classified.

``python -m benchmarks.bench_collection_view`` runs it and prints the figures; the driver half
(``--driver FOLDER SETTINGS``) is the window's process and prints one JSON object.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from ._harness import Result, run_python

PHOTOS = 10_000
#: Seconds the driver lets the classification run (with the 10 ms ticker) after the grid was scrolled.
CLASSIFY_SECONDS = 20.0
SCROLL_STEPS = 40


def make_folder(root: Path, count: int = PHOTOS) -> Path:
    """``count`` small JPEGs (the samples at 200 px, flipped or not), 100 per subfolder."""
    from io import BytesIO

    from PIL import Image

    from vislab.resources import sample_images

    variants = []
    for path in sample_images():
        image = Image.open(path).convert("RGB")
        image = image.resize((200, max(1, 200 * image.height // image.width)))
        for flip in (False, True):
            buffer = BytesIO()
            (image.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if flip else image).save(buffer, "JPEG", quality=85)
            variants.append(buffer.getvalue())
    for i in range(count):
        folder = root / f"part_{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"photo_{i:05d}.jpg").write_bytes(variants[i % len(variants)])
    return root


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as name:
        folder = make_folder(Path(name) / "photos")
        # The fast path stays off: its one-time ONNX export (seconds of tracing on a worker, an ONNX Runtime
        # session) would land in the middle of the measurement and is not the collection's cost.
        env = {"VISLAB_DATA_DIR": str(Path(name) / "data"), "VISLAB_CACHE_DIR": str(Path(name) / "cache"),
               "XDG_CONFIG_HOME": str(Path(name) / "config"), "VISLAB_FAST": "0"}
        out = run_python(["-m", "benchmarks.bench_collection_view", "--driver", str(folder),
                          str(Path(name) / "settings.ini")], env=env, timeout=600)
    marks = json.loads(out.strip().splitlines()[-1])
    return [
        Result("collection: 10,000 photos open (grid painted)", marks["open_s"], 1.5, "s",
               f"scan + view {marks['open_call_s']:.2f} s on the UI thread; scrolled end to end in "
               f"{SCROLL_STEPS} steps, slowest repaint {marks['scroll_paint_ms']:.0f} ms"),
        Result("collection: window memory over the empty window", marks["growth_mb"], 400.0, "MB",
               f"10,000 rows, thumbnails of the rows scrolled past, {marks['classified']} photos classified "
               f"(peak {marks['peak_mb']:.0f} MB, empty window {marks['empty_mb']:.0f} MB; torch, fast path off)"),
        Result("collection: longest UI-thread gap while classifying", marks["max_gap_ms"], 50.0, "ms",
               f"10 ms timer over {CLASSIFY_SECONDS:.0f} s of classification at {marks['rate']:.1f} photos/s; "
               f"{marks['gaps_over_50ms']} gaps over 50 ms, the longest {marks['max_gap_at_s']:.1f} s in"),
    ]


# --- the window's process -------------------------------------------------------------------------------------


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


class _Driver:
    """The window's process: the empty window's memory, the folder opened and scrolled, then classified."""

    def __init__(self, folder: str, settings_path: str) -> None:
        from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from vislab.ui.app import create_window
        from vislab.ui.settings import Settings

        self.QTimer = QTimer
        self.folder = folder
        self.app = QApplication(sys.argv[:1])
        self.app.setStyle("Fusion")
        self.window = create_window([], Settings(QSettings(settings_path, QSettings.Format.IniFormat)))
        self.window.resize(1280, 800)
        self.marks: dict[str, float] = {}
        self.phase, self.last, self.gap, self.painted = "start-up", time.perf_counter(), 0.0, None
        self.gap_at, self.classify_start, self.gaps_over = 0.0, 0.0, 0
        self.view = None
        ticker = QTimer(self.window)
        ticker.setInterval(10)
        ticker.timeout.connect(self._tick)
        ticker.start()
        driver = self

        class Painted(QObject):
            def eventFilter(self, _obj, event) -> bool:
                if event.type() == QEvent.Type.Paint and driver.painted is None:
                    driver.painted = time.perf_counter()
                return False

        self._painted = Painted()

    def run(self) -> int:
        window = self.window
        window.session.engineReady.connect(lambda *_a: self.QTimer.singleShot(1500, self._open))  # start-up done
        window.show()
        self.QTimer.singleShot(300_000, self.app.quit)
        self.app.exec()
        window.collection_mode.stop()
        window.session.runner.cancel_all()
        window.session.runner.wait(20_000)
        return 0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.phase == "classify":
            if now - self.last > self.gap:
                self.gap, self.gap_at = now - self.last, self.last - self.classify_start
            self.gaps_over += now - self.last > 0.05
        self.last = now

    def _open(self) -> None:
        import gc

        gc.collect()
        self.marks["empty_mb"] = _status_mb("VmRSS")
        start = time.perf_counter()
        self.window.add_paths([self.folder])
        self.marks["open_call_s"] = time.perf_counter() - start
        self.view = self.window.collection_mode.view
        self.view.grid.viewport().installEventFilter(self._painted)
        self._after_paint(start, lambda seconds: (self.marks.__setitem__("open_s", seconds), self._scroll(0, [])))

    def _after_paint(self, start: float, then) -> None:
        """``then(seconds from start to the grid's next paint)`` (at most 2 s)."""
        if self.painted is None and time.perf_counter() - start < 2:
            self.QTimer.singleShot(2, lambda: self._after_paint(start, then))
            return
        then((self.painted or time.perf_counter()) - start)

    def _scroll(self, step: int, paints: list[float]) -> None:
        if step > SCROLL_STEPS:
            self.marks["scroll_paint_ms"] = max(paints) * 1e3
            self.phase, self.last = "classify", time.perf_counter()
            self.classify_start = self.last
            self.QTimer.singleShot(int(CLASSIFY_SECONDS * 1e3), self._finish)
            return
        bar = self.view.grid.verticalScrollBar()
        self.painted = None
        start = time.perf_counter()
        bar.setValue(bar.maximum() * step // SCROLL_STEPS)

        def painted(seconds: float) -> None:
            paints.append(seconds)
            self.QTimer.singleShot(100, lambda: self._scroll(step + 1, paints))  # the thumbnails arrive meanwhile

        self._after_paint(start, painted)

    def _finish(self) -> None:
        view, marks = self.view, self.marks
        self.phase = "done"
        marks["max_gap_ms"] = self.gap * 1e3
        marks["max_gap_at_s"] = self.gap_at
        marks["gaps_over_50ms"] = self.gaps_over
        marks["classified"] = view.model.done()
        marks["rate"] = view.rate.per_second() or 0.0
        marks["rows"] = view.model.rowCount()
        marks["peak_mb"] = _status_mb("VmHWM")
        marks["growth_mb"] = _status_mb("VmRSS") - marks["empty_mb"]
        view.cancel()
        print(json.dumps(marks), flush=True)
        self.app.quit()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--driver"]:
        sys.exit(_Driver(sys.argv[2], sys.argv[3]).run())
    for result in run():
        print(f"{result.name}: {result.value:.2f} {result.unit} (goal {result.goal:g}) "
              f"{'ok' if result.ok else 'NOT MET'} — {result.detail}")
