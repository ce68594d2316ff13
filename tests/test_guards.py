"""The tests keep away from the real user's settings and home (tests/conftest.py sets that up)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, QStandardPaths

from vislab.ui.settings import Settings

# setPath moves the .ini and .conf files; on Windows and macOS the native format is the registry and the
# preferences system, which it cannot move: Settings() there would need IniFormat (vislab/ui/settings.py).
NATIVE_IS_A_FILE = sys.platform not in ("win32", "darwin")
native_only_here = pytest.mark.xfail(not NATIVE_IS_A_FILE, strict=True,
                                     reason="QSettings.setPath does not move the registry or macOS preferences")

Fmt, Scope = QSettings.Format, QSettings.Scope
STORES = {
    "Settings()": lambda: Settings().store,
    "QSettings()": QSettings,
    "QSettings(org, app)": lambda: QSettings("vislab", "vislab"),
    **{f"QSettings({fmt.name}, {scope.name})": (lambda fmt=fmt, scope=scope: QSettings(fmt, scope, "vislab", "vislab"))
       for fmt in (Fmt.NativeFormat, Fmt.IniFormat) for scope in (Scope.UserScope, Scope.SystemScope)},
}


def _inside(path: str | Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


@pytest.mark.parametrize("make", [pytest.param(make, id=name, marks=[] if "Ini" in name else [native_only_here])
                                  for name, make in STORES.items()])
def test_every_settings_file_is_in_the_test_folder(make, settings_dir, user_config_dir):
    store = make()
    assert _inside(store.fileName(), settings_dir), store.fileName()
    assert not _inside(store.fileName(), user_config_dir)


@native_only_here
def test_settings_without_a_store_write_under_the_test_folder(settings_dir, user_config_dir):
    settings = Settings()
    settings.set("top_k", 7)
    settings.store.sync()

    written = Path(settings.store.fileName())
    assert written.is_file() and _inside(written, settings_dir), written
    assert not _inside(written, user_config_dir)
    assert Settings().get("top_k") == 7  # a second Settings() reads the same private file


def test_standard_paths_and_caches_are_not_under_the_real_home(settings_dir, user_config_dir):
    private = settings_dir.parent
    locations = [QStandardPaths.writableLocation(location) for location in (
        QStandardPaths.StandardLocation.GenericConfigLocation, QStandardPaths.StandardLocation.AppConfigLocation,
        QStandardPaths.StandardLocation.GenericDataLocation, QStandardPaths.StandardLocation.AppDataLocation,
        QStandardPaths.StandardLocation.GenericCacheLocation, QStandardPaths.StandardLocation.CacheLocation)]
    if NATIVE_IS_A_FILE:  # the XDG folders: Qt's own on Linux, and matplotlib's everywhere they are set
        assert all(_inside(location, private) for location in locations), locations
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "TORCH_HOME", "HF_HOME", "VISLAB_CACHE_DIR"):
        assert _inside(os.environ[variable], private), variable
    assert not _inside(os.environ["XDG_CONFIG_HOME"], user_config_dir)
