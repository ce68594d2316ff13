"""packaging/vislab.desktop: the Linux desktop entry that puts vislab in the menus, opens images with it and
matches its windows in the docks."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vislab.core.images import IMAGE_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "packaging" / "vislab.desktop"
#: The freedesktop.org (shared-mime-info) type of each suffix vislab opens.
MIME_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
              ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff", ".gif": "image/gif"}


def _read(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name, GenericName[es]
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def _list(value: str) -> list[str]:
    assert value.endswith(";"), value  # the spec's lists end with a semicolon
    return value[:-1].split(";")


def test_the_entry_names_and_starts_vislab():
    entry = _read(ENTRY)

    assert entry["Type"] == "Application"
    assert entry["Name"] == "vislab"
    assert entry["Exec"] == "vislab %F"  # the console script (pyproject's [project.scripts]), on any files
    assert "vislab = " in (ROOT / "pyproject.toml").read_text()
    assert entry["Terminal"] == "false"
    assert {"Education", "Science", "Graphics"} <= set(_list(entry["Categories"]))
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry[key] and entry[f"{key}[es]"] and entry[key] != entry[f"{key}[es]"], key


def test_the_entry_opens_every_image_kind_vislab_reads():
    entry = _read(ENTRY)

    assert set(IMAGE_SUFFIXES) <= set(MIME_TYPES), "a new suffix: add its type here and to MimeType"
    assert set(_list(entry["MimeType"])) == {MIME_TYPES[s] for s in IMAGE_SUFFIXES}


def test_the_entry_matches_the_window_and_its_icon():
    from vislab.ui.app import APP_NAME

    entry = _read(ENTRY)

    # X11 docks match the window's WM_CLASS (Qt's application name), Wayland ones the desktop file's name.
    assert entry["StartupWMClass"] == APP_NAME == ENTRY.stem
    assert entry["Icon"] == "vislab"  # a theme name: the icon installed as hicolor/<size>/apps/vislab.png
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.png").is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (apt-get install desktop-file-utils)")
def test_desktop_file_validate_passes():
    checked = subprocess.run(["desktop-file-validate", str(ENTRY)], capture_output=True, text=True, timeout=60,
                             check=False)
    # Its hints are advice (vislab is in three main categories on purpose); errors and warnings are not.
    problems = [line for line in checked.stdout.splitlines() if ": hint: " not in line]
    assert checked.returncode == 0 and not problems, checked.stdout + checked.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_points_the_entry_at_this_venv(tmp_path):
    from PIL import Image

    venv = Path(sys.prefix)
    # -o: the venv is taken as installed (it is: these tests run in it), never reinstalled here.
    done = subprocess.run(["make", "-s", "-C", str(ROOT), "-o", f"{venv}/.installed", "install-desktop",
                           f"VENV={venv}", f"DATA_HOME={tmp_path}"], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr

    installed = tmp_path / "applications" / "vislab.desktop"
    entry = _read(installed)
    program = venv / "bin" / "vislab"
    assert entry["Exec"] == f"{program} %F" and entry["TryExec"] == str(program)
    assert program.is_file()
    assert {k: v for k, v in entry.items() if "Exec" not in k} == {
        k: v for k, v in _read(ENTRY).items() if "Exec" not in k}
    for size in (16, 32, 48, 256, 512):
        icon = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "vislab.png"
        assert Image.open(icon).size == (size, size)
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True,
                                 check=False)
        assert checked.returncode == 0, checked.stdout
