"""Find vislab's resource files (sample photos, icons, translations) wherever vislab runs from.

The files live in the top-level ``resources/`` folder of a checkout. An installed wheel carries the parts
the program reads as package data in ``vislab/_resources`` (pyproject.toml maps the folder in), and a
PyInstaller bundle carries the folder as ``resources/`` under its unpack directory.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from .core.images import is_image_path

#: The package folder a wheel installs ``resources/`` as (``[tool.setuptools.package-dir]``).
PACKAGED = "_resources"
CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def candidates() -> list[Path]:
    """Where the resources folder may be, in the order it is looked for: a PyInstaller bundle, an
    installed wheel, the checkout (an editable install reads the checkout's folder)."""
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    installed = files(__package__).joinpath(PACKAGED)
    if isinstance(installed, Path):  # not when vislab is imported from a zip file
        found.append(installed)
    found.append(CHECKOUT)
    return found


def resources_dir() -> Path:
    """The folder holding vislab's resources.

    Raises:
        FileNotFoundError: vislab runs without its resources (e.g. copied without them).
    """
    looked = candidates()
    for folder in looked:
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"vislab's resources folder is missing (looked in {', '.join(map(str, looked))})")


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
