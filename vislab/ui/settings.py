"""vislab's remembered choices: one table of typed defaults and one wrapper around QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core.catalog import DEFAULT_MODEL

DEFAULTS: dict[str, Any] = {
    "model": DEFAULT_MODEL,
    "device": "cpu",
    "top_k": 5,
    "method": "gradcam",
    "alpha": 0.5,
    "colormap": "jet",
    "recent": [],
    "geometry": QByteArray(),
    "window_state": QByteArray(),
    "splitters": [],
    "panel": "explain",  # one of main_window.PANELS
    "language": "",  # empty: the system's
    "fast_path": True,  # ONNX Runtime for the forward passes that need no gradient
    "results_folder": "",  # the folder File ▸ Open results… opened last
}
MAX_RECENT = 10


class Settings:
    """Typed access to the keys of :data:`DEFAULTS`; any other key is a programming error."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("vislab", "vislab")

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self.store.value(key, default)
        try:
            if isinstance(default, bool):
                return value in (True, "true", "1", 1)
            if isinstance(default, int):
                return int(value)
            if isinstance(default, float):
                return float(value)
            if isinstance(default, list):
                return [str(v) for v in value] if isinstance(value, (list, tuple)) else ([str(value)] if value else [])
            if isinstance(default, QByteArray):
                return value if isinstance(value, QByteArray) else default
            return str(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        self.store.setValue(key, value)

    def add_recent(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.get("recent") if p != path]
        self.set("recent", recent[:MAX_RECENT])
        return recent[:MAX_RECENT]
