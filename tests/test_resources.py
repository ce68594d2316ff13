"""vislab finds its resources (samples, translations) from a checkout, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
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
                          "-q", "-w", str(out), str(source)], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    return next(out.glob("vislab-*.whl"))


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_samples_and_translations(wheel):
    names = _names(wheel)
    expected = {f"vislab/_resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                for pattern in ("samples/*", "translations/*.qm") for p in (ROOT / "resources").glob(pattern)}
    assert any(name.endswith(".png") for name in expected) and any(name.endswith(".qm") for name in expected)
    assert expected <= names, sorted(expected - names)
    assert "vislab/_resources/samples/LICENSES.md" in names
    # What only the README or `make translations` read stays in the checkout.
    assert not [name for name in names if "/screenshots/" in name or name.endswith(".ts")]


def test_the_wheel_carries_every_module_of_the_package(wheel):
    names = _names(wheel)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "vislab").rglob("*.py") if "__pycache__" not in p.parts}
    missing = sorted(modules - names)
    packages = sorted({".".join(Path(m).parent.parts) for m in missing})
    assert not missing, f"add {packages} to [tool.setuptools] packages in pyproject.toml (missing: {missing})"


def test_an_installed_wheel_finds_its_resources(wheel, tmp_path):
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = ("import json, vislab\n"
            "from PySide6.QtCore import QTranslator\n"
            "from vislab.resources import resources_dir, sample_images\n"
            "from vislab.ui.i18n import translations_dir\n"
            "print(json.dumps({'package': vislab.__file__, 'folder': str(resources_dir()),\n"
            "                  'samples': [p.name for p in sample_images()], 'translations': translations_dir(),\n"
            "                  'spanish': QTranslator().load('vislab_es', translations_dir())}))\n")
    # From tmp_path, with only the unpacked wheel on PYTHONPATH: the checkout is not importable first.
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.splitlines()[-1])

    packaged = site / "vislab" / "_resources"
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["folder"]) == packaged
    assert found["samples"] == sorted(p.name for p in resources.sample_images())
    assert "chelsea.png" in found["samples"]
    assert Path(found["translations"]) == packaged / "translations"
    assert found["spanish"] is True


@pytest.mark.skipif(not FROM_CHECKOUT, reason="vislab is imported from an installed wheel, not this checkout")
def test_a_checkout_reads_its_own_folder():
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.resource_path("samples", "chelsea.png").is_file()
    assert [p.name for p in resources.sample_images()] == sorted(
        p.name for p in (ROOT / "resources" / "samples").iterdir() if p.suffix in (".png", ".jpg"))


def test_a_pyinstaller_bundle_reads_the_folder_it_unpacked(tmp_path, monkeypatch):
    samples = tmp_path / "resources" / "samples"
    samples.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "samples" / "chelsea.png", samples / "cat.png")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.sample_images() == [samples / "cat.png"]


def test_without_its_resources_vislab_has_no_samples(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "candidates", lambda: [tmp_path / "nowhere"])

    with pytest.raises(FileNotFoundError, match="nowhere"):
        resources.resources_dir()
    assert resources.sample_images() == []
