"""Files in: File ▸ Recent remembers only what added images."""

from __future__ import annotations

import shutil


def _recent_menu(window) -> list[str]:
    return [a.text() for a in window.recent_menu.actions()]


def test_recent_files_are_only_the_paths_that_added_images(qtbot, window, settings, samples, tmp_path):
    empty = tmp_path / "no images"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an image")
    photos = tmp_path / "photos"
    photos.mkdir()
    shutil.copy(samples / "coffee.png", photos / "coffee.png")

    window.add_paths([str(empty)])
    assert settings.get("recent") == [] and not window.recent_menu.isEnabled()
    assert window.messages.text.text() == f"No images found in {empty}"

    window.add_paths([str(photos), str(empty)])
    assert settings.get("recent") == [str(photos)]  # the folder counts: it added an image
    window.add_paths([str(samples / "chelsea.png"), str(empty)])
    assert settings.get("recent") == [str(samples / "chelsea.png"), str(photos)]
    assert window.recent_menu.isEnabled() and _recent_menu(window) == settings.get("recent")
    assert len(window.session.images) == 2

    first = window.recent_menu.actions()[0]
    window.recent_menu.actions()[1].trigger()  # the folder again: it moves to the top
    assert _recent_menu(window) == [str(photos), str(samples / "chelsea.png")]
    assert window.recent_menu.actions()[0] is first  # the menu's actions are reused, not rebuilt
    assert len(window.session.images) == 3
