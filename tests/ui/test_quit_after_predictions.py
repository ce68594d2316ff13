"""``VISLAB_QUIT_AFTER_PREDICTIONS=1``: the window shows its first predictions and closes, or ends with status 1
on the first failure; the check packaging/bundle_test.py makes of the frozen app, here on the source tree."""

from __future__ import annotations

import os
import subprocess
import sys

from vislab.ui.app import QUIT_AFTER_PREDICTIONS


def _window(*paths) -> subprocess.CompletedProcess:
    """``vislab PATH...`` in a process of its own (the conftest's private folders and no network inherited)."""
    env = os.environ | {QUIT_AFTER_PREDICTIONS: "1", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "vislab", *map(str, paths)], capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def test_the_window_closes_once_the_cat_is_predicted(cat):
    done = _window(cat)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first predictions: tabby, tabby cat (")
    assert "Traceback" not in done.stderr


def test_a_failure_first_ends_the_window_with_status_1(tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    done = _window(broken)
    assert done.returncode == 1
    assert "failed: " in done.stderr and "broken.jpg" in done.stderr and "is not an image" in done.stderr
    assert "first predictions" not in done.stdout and "Traceback" not in done.stderr


def test_without_a_photo_it_says_so_rather_than_wait_for_ever():
    done = _window()
    assert done.returncode == 1
    assert f"{QUIT_AFTER_PREDICTIONS} needs a photo" in done.stderr and "Traceback" not in done.stderr
