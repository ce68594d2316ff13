"""vislab finds its resources (samples, translations, icons, concept pictures) from a checkout, an installed wheel
and a PyInstaller bundle."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import vislab
from vislab import resources

ROOT = Path(__file__).resolve().parent.parent
FROM_CHECKOUT = Path(vislab.__file__).resolve().parent == ROOT / "vislab"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """vislab's wheel, built from a copy of the sources (a stale build/ folder in the checkout cannot leak in)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    for name in ("vislab", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    # Without isolation (no download) where the venv has setuptools, as Python 3.11's venvs do.
    isolation = ["--no-build-isolation"] if importlib.util.find_spec("setuptools") else []
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "--disable-pip-version-check",
                          "-v", "-w", str(out), str(source)], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    # setuptools warns of data folders it would take for forgotten packages, and is to drop their files one day.
    assert "absent from the `packages` configuration" not in run.stdout + run.stderr
    return next(out.glob("vislab-*.whl"))


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_samples_translations_icons_and_concepts(wheel):
    names = _names(wheel)
    expected = {f"vislab/_resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                for pattern in ("samples/*", "translations/*.qm", "icons/*", "concepts/*.png")
                for p in (ROOT / "resources").glob(pattern)}
    for kind in (".png", ".jpg", ".qm", ".ico", ".icns"):
        assert any(name.endswith(kind) for name in expected), kind
    assert expected <= names, sorted(expected - names)
    assert {"vislab/_resources/samples/LICENSES.md", "vislab/_resources/icons/vislab.png",
            "vislab/_resources/translations/vislab_es.qm", "vislab/_resources/concepts/convolution.png"} <= names
    # What only the README or `make translations` read stays in the checkout.
    assert not [name for name in names if "/screenshots/" in name or name.endswith(".ts")]


def test_the_wheel_carries_every_module_of_the_package(wheel):
    names = _names(wheel)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "vislab").rglob("*.py") if "__pycache__" not in p.parts}
    missing = sorted(modules - names)
    packages = sorted({".".join(Path(m).parent.parts) for m in missing})
    assert not missing, f"add {packages} to [tool.setuptools] packages in pyproject.toml (missing: {missing})"


#: Run in a fresh venv holding only the wheel: where vislab and its resources come from, and what the window shows
#: when it opens (offscreen) on a Spanish desktop.
INSTALLED = """
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
import vislab
from vislab.resources import resources_dir, sample_images
from vislab.ui import app as vislab_app, i18n
from vislab.ui.main_window import MainWindow

qt = QApplication(sys.argv[:1])
seen = {"package": vislab.__file__, "folder": str(resources_dir()), "samples": [p.name for p in sample_images()],
        "translations": i18n.translations_dir(), "editable": [m for m in sys.modules if "editable" in m]}

def look():
    window = next(w for w in qt.topLevelWidgets() if isinstance(w, MainWindow))
    actions = window.window_actions
    seen.update(language=i18n.current(), file=actions.menu("file").title(), menu=actions.menu("samples").title(),
                items=[a.text() for a in actions.items("samples")], in_file=actions.menu("samples").menuAction()
                in actions.menu("file").actions(), icon=sorted(s.width() for s in window.windowIcon().availableSizes()),
                app_icon=not qt.windowIcon().isNull(), desktop=QGuiApplication.desktopFileName(),
                wm_class=qt.applicationName())
    window.close()

QTimer.singleShot(0, look)
seen["status"] = vislab_app.run()
print(json.dumps(seen), flush=True)
os._exit(0)  # the engine may still be importing torch: no interpreter shutdown under it
"""


def _fresh_venv(folder: Path, wheel: Path) -> Path:
    """A new venv in ``folder`` with ``wheel`` installed in it and this venv's packages (torch, Qt...) reachable
    after its own, through a .pth file that names the folder: the .pth files there (the editable install of
    the checkout) are not run, so vislab can only come from the wheel."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--disable-pip-version-check", "-q", str(wheel)], check=True, timeout=300)
    site_packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        capture_output=True, text=True, check=True).stdout.strip())
    ours = {sysconfig.get_path(kind) for kind in ("purelib", "platlib")}
    (site_packages / "host-packages.pth").write_text("".join(f"{p}\n" for p in sorted(ours)))
    return python


def test_a_fresh_venv_wheel_install_shows_the_samples_menu_and_the_spanish_translation(wheel, tmp_path):
    python = _fresh_venv(tmp_path / "venv", wheel)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LC_ALL", "LC_MESSAGES")}
    env |= {"LANG": "es_ES.UTF-8", "LANGUAGE": "es", "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config")}  # no language chosen yet: the desktop's is used
    run = subprocess.run([str(python), "-c", INSTALLED], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=180, check=False)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.splitlines()[-1])

    packaged = tmp_path / "venv" / "lib"  # .../site-packages/vislab/_resources
    assert Path(seen["package"]).is_relative_to(packaged), seen["package"]
    assert not seen["editable"]
    folder = Path(seen["folder"])
    assert folder.is_relative_to(packaged) and folder.parts[-2:] == ("vislab", "_resources")
    assert seen["samples"] == sorted(p.name for p in resources.sample_images())
    assert Path(seen["translations"]) == folder / "translations"
    assert (folder / "translations" / "vislab_es.qm").is_file()
    assert (folder / "icons" / "vislab.png").is_file() and (folder / "concepts").is_dir()
    # The window: Spanish from the desktop's language, the samples under Archivo ▸ Muestras, the icon, the entry.
    assert seen["status"] == 0
    assert seen["language"] == "es"
    assert (seen["file"], seen["menu"]) == ("&Archivo", "&Muestras")
    assert seen["in_file"] is True
    assert "Chelsea" in seen["items"] and len(seen["items"]) == len(seen["samples"])
    assert {16, 32, 512} <= set(seen["icon"]) and seen["app_icon"] is True
    assert seen["desktop"] == "vislab" and seen["wm_class"] == "vislab"


@pytest.mark.skipif(not FROM_CHECKOUT, reason="vislab is imported from an installed wheel, not this checkout")
def test_a_checkout_reads_its_own_folder():
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.resource_path("samples", "chelsea.png").is_file()
    assert resources.resource_path("icons", "vislab.png").is_file()
    assert [p.name for p in resources.sample_images()] == sorted(
        p.name for p in (ROOT / "resources" / "samples").iterdir() if p.suffix in (".png", ".jpg"))


def _bundle_layout(meipass: Path) -> None:
    """resources/ under ``meipass`` as build_app.spec lays it: pyproject.toml's package-data patterns."""
    tomllib = pytest.importorskip("tomllib")
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for pattern in patterns["vislab._resources"]:
        for path in (ROOT / "resources").glob(pattern):
            target = meipass / "resources" / path.relative_to(ROOT / "resources")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)


def test_a_pyinstaller_bundle_reads_the_folder_it_unpacked(qapp, tmp_path, monkeypatch):
    _bundle_layout(tmp_path)
    (tmp_path / "resources" / "samples" / "chelsea.png").rename(tmp_path / "resources" / "samples" / "cat.png")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    # The bundle's folder comes first, before the checkout's (which is there too).
    assert resources.resources_dir() == tmp_path / "resources"
    assert "cat.png" in [p.name for p in resources.sample_images()]
    assert resources.resource_path("icons", "vislab.png").is_relative_to(tmp_path)
    from vislab.ui import i18n
    from vislab.ui.app import app_icon

    assert i18n.translations_dir() == str(tmp_path / "resources" / "translations")
    assert (Path(i18n.translations_dir()) / "vislab_es.qm").is_file()
    # The icon too is the bundle's: without its icons folder there is none, though the checkout has one.
    assert not app_icon().isNull()
    shutil.rmtree(tmp_path / "resources" / "icons")
    assert app_icon().isNull()


def test_without_its_resources_vislab_has_no_samples(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "candidates", lambda: [tmp_path / "nowhere"])

    with pytest.raises(FileNotFoundError, match="nowhere"):
        resources.resources_dir()
    assert resources.sample_images() == []
