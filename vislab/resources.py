"""Find vislab's resource files (sample photos, icons, translations) wherever vislab runs from.

The files live in the top-level ``resources/`` folder of a checkout; a PyInstaller bundle carries that
folder under its unpack directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .core.images import is_image_path


def resources_dir() -> Path:
    """The folder holding vislab's resources."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    for folder in candidates:
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"vislab's resources folder is missing (looked in {', '.join(map(str, candidates))})")


def resource_path(*parts: str) -> Path:
    """The path of one resource file, e.g. ``resource_path("samples", "chelsea.png")``."""
    return resources_dir().joinpath(*parts)


def sample_images() -> list[Path]:
    """The bundled sample photos, by name (none when vislab runs without its resources folder)."""
    try:
        folder = resources_dir() / "samples"
    except FileNotFoundError:
        return []
    return sorted(p for p in folder.iterdir() if is_image_path(p)) if folder.is_dir() else []
