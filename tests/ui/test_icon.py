"""The window wears vislab's icon, read from resources/icons in every size drawn."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from vislab import resources
from vislab.ui.app import app_icon

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def _same_pixels(a: QImage, b: QImage) -> bool:
    fmt = QImage.Format.Format_ARGB32_Premultiplied  # as a QPixmap holds it
    return a.convertToFormat(fmt) == b.convertToFormat(fmt)


def test_the_window_icon_is_the_app_icon_from_its_files(window):
    icon = window.windowIcon()

    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 24, 32, 48, 64, 128, 256, 512} <= sizes
    folder = resources.resources_dir() / "icons"
    for size in (16, 32, 512):  # the small sizes are the hand-tuned drawings, not the 512 px one scaled down
        name = "vislab.png" if size == 512 else f"vislab-{size}.png"
        assert _same_pixels(icon.pixmap(QSize(size, size)).toImage(), QImage(str(folder / name))), size
    assert not _same_pixels(icon.pixmap(QSize(16, 16)).toImage(), QImage(str(folder / "vislab.png")).scaled(16, 16))


def test_the_icon_files_have_the_sizes_they_name():
    for path in ICONS.glob("vislab-*.png"):
        size = int(path.stem.split("-")[1])
        assert QImage(str(path)).size() == QSize(size, size), path.name
    assert QImage(str(ICONS / "vislab.png")).size() == QSize(512, 512)
    assert QImage(str(ICONS / "vislab-16.png")).hasAlphaChannel()


def test_without_its_resources_the_icon_is_null_not_an_error(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "candidates", lambda: [tmp_path / "nowhere"])

    assert app_icon().isNull()


def test_the_platform_icons_carry_the_small_drawings():
    from PIL import Image, ImageChops

    ico = Image.open(ICONS / "vislab.ico")
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(ico.ico.sizes())
    small = ico.ico.getimage((16, 16)).convert("RGBA")
    assert ImageChops.difference(small, Image.open(ICONS / "vislab-16.png").convert("RGBA")).getbbox() is None
    icns = Image.open(ICONS / "vislab.icns")
    assert {(16, 16, 2), (32, 32, 2), (128, 128, 1), (256, 256, 1), (512, 512, 1)} <= set(icns.info["sizes"])


def test_make_icon_draws_the_committed_icons(tmp_path):
    """packaging/make_icon.py reproduces resources/icons (to within rounding: Pillow's resampling may change)."""
    import importlib.util

    from PIL import Image, ImageChops, ImageStat

    spec = importlib.util.spec_from_file_location("make_icon", ICONS.parents[1] / "packaging" / "make_icon.py")
    make_icon = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icon)
    written = make_icon.write(tmp_path)

    assert sorted(p.name for p in written) == sorted(p.name for p in ICONS.iterdir())
    for name in ("vislab-16.png", "vislab-32.png", "vislab.png"):
        fresh, committed = (Image.open(folder / name).convert("RGBA") for folder in (tmp_path, ICONS))
        assert fresh.size == committed.size
        assert max(ImageStat.Stat(ImageChops.difference(fresh, committed)).mean) < 2, name
