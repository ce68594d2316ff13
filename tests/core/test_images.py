"""Every kind of image file becomes upright RGB uint8; everything else is refused with a typed error."""

from __future__ import annotations

import resource
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from vislab.core import errors
from vislab.core.images import MAX_PIXELS, is_image_path, read_image


def _save(img: Image.Image, path: Path, **kwargs) -> Path:
    img.save(path, **kwargs)
    return path


def _rgb(read: np.ndarray, h: int, w: int) -> None:
    assert read.dtype == np.uint8 and read.shape == (h, w, 3) and read.flags.writeable


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".webp", ".bmp", ".tiff", ".gif"])
def test_each_format_reads_as_rgb(tmp_path, suffix):
    pixels = np.zeros((20, 30, 3), np.uint8)
    pixels[:, :15] = (200, 30, 40)
    path = _save(Image.fromarray(pixels), tmp_path / f"two halves{suffix}")
    read = read_image(path)
    _rgb(read, 20, 30)
    tolerance = 40 if suffix in (".jpg", ".webp", ".gif") else 0
    assert np.abs(read[10, 5].astype(int) - (200, 30, 40)).max() <= tolerance
    assert np.abs(read[10, 25].astype(int)).max() <= tolerance


def test_unicode_path(tmp_path):
    path = _save(Image.new("RGB", (8, 6), (1, 2, 3)), tmp_path / "gato_año_猫.png")
    assert read_image(path)[0, 0].tolist() == [1, 2, 3]


@pytest.mark.parametrize(("mode", "value", "expected"), [
    ("1", 1, [255, 255, 255]),
    ("L", 77, [77, 77, 77]),
    ("CMYK", (0, 255, 255, 0), [255, 0, 0]),
    ("I;16", 65535, [255, 255, 255]),
    ("I;16", 257 * 100, [100, 100, 100]),
    ("I;16", 199, [1, 1, 1]),  # 16-bit keeps its scale whatever the image's own range
    ("F", 0.5, [128, 128, 128]),
])
def test_modes_convert_to_rgb(tmp_path, mode, value, expected):
    img = Image.new(mode, (4, 3), value)
    path = _save(img, tmp_path / ("img.tiff" if mode in ("F", "CMYK", "I;16") else "img.png"))
    read = read_image(path)
    _rgb(read, 3, 4)
    assert read[1, 1].tolist() == expected


def test_transparency_is_composited_on_white(tmp_path):
    rgba = Image.new("RGBA", (4, 4), (255, 0, 0, 0))
    rgba.putpixel((0, 0), (0, 0, 255, 255))
    read = read_image(_save(rgba, tmp_path / "rgba.png"))
    assert read[3, 3].tolist() == [255, 255, 255]
    assert read[0, 0].tolist() == [0, 0, 255]
    la = Image.new("LA", (2, 2), (0, 128))
    assert read_image(_save(la, tmp_path / "la.png"))[0, 0].tolist() == [127, 127, 127]
    palette = Image.new("P", (2, 2), 0)
    palette.putpalette([10, 20, 30, 40, 50, 60])
    palette.info["transparency"] = 0
    assert read_image(_save(palette, tmp_path / "p.png", transparency=0))[0, 0].tolist() == [255, 255, 255]
    opaque = Image.new("P", (2, 2), 1)
    opaque.putpalette([10, 20, 30, 40, 50, 60])
    assert read_image(_save(opaque, tmp_path / "p2.png"))[0, 0].tolist() == [40, 50, 60]


def test_exif_orientation_is_applied(tmp_path):
    img = Image.new("RGB", (40, 20), (0, 0, 0))
    img.paste((255, 255, 255), (0, 0, 10, 20))  # white on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: rotate 90 degrees clockwise to view
    path = _save(img, tmp_path / "rotated.jpg", exif=exif, quality=95)
    read = read_image(path)
    _rgb(read, 40, 20)
    assert read[2, 10].mean() > 200 and read[-2, 10].mean() < 50  # the white band is now on top


def test_first_frame_of_an_animation(tmp_path):
    frames = [Image.new("RGB", (6, 6), c) for c in ((255, 0, 0), (0, 255, 0))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    read = read_image(path)
    assert read[3, 3, 0] > 200 and read[3, 3, 1] < 50


def test_missing_folder_and_empty_files(tmp_path):
    with pytest.raises(errors.ImageNotFoundError, match="no such file"):
        read_image(tmp_path / "nope.jpg")
    with pytest.raises(errors.DirectoryNotImageError, match="is a folder"):
        read_image(tmp_path)
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(errors.EmptyImageError, match=r"empty.png: the file is empty"):
        read_image(tmp_path / "empty.png")


def test_text_named_jpg_is_not_an_image(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("this is not a photo\n")
    with pytest.raises(errors.NotAnImageError, match=r"notes.jpg: is not an image vislab can read"):
        read_image(path)


def test_truncated_jpeg(tmp_path, samples):
    data = (samples / "grace_hopper.jpg").read_bytes()
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(errors.TruncatedImageError, match=r"cut.jpg: the image is truncated"):
        read_image(path)


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("drawing.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG"),
    ("drawing.png", b'<svg xmlns="http://www.w3.org/2000/svg" width="10"></svg>', "SVG"),
    ("paper.pdf", b"%PDF-1.4\n%...", "PDF"),
    ("figure.eps", b"%!PS-Adobe-3.0 EPSF-3.0\n", "EPS"),
])
def test_vector_formats_are_refused(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(errors.VectorImageError, match=f"vector drawing \\({kind}\\)"):
        read_image(path)


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width x height`` pixels but holds a single tiny IDAT."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("width", "height"), [(12_000, 10_000), (60_000, 60_000)])
def test_decompression_bombs_are_refused_before_decoding(tmp_path, width, height):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(width, height))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(errors.ImageTooLargeError, match=r"bomb.png: .*megapixels, over vislab.s limit of 100"):
        read_image(path)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50, f"refusing the bomb cost {grown_mb:.0f} MB"


def test_pixel_limit_is_adjustable(tmp_path):
    path = _save(Image.new("RGB", (100, 100)), tmp_path / "small.png")
    assert MAX_PIXELS == 100_000_000
    with pytest.raises(errors.ImageTooLargeError, match="over vislab's limit"):
        read_image(path, max_pixels=5_000)


def test_errors_name_the_file_and_reason(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("hello")
    with pytest.raises(errors.ImageReadError) as info:
        read_image(path)
    assert info.value.path == str(path) and "not an image" in info.value.reason
    assert isinstance(info.value, errors.VislabError)


def test_image_suffixes():
    assert is_image_path("A.JPG") and is_image_path("x.webp") and not is_image_path("x.txt")


def test_a_big_jpeg_is_decoded_at_reduced_scale_for_a_model(tmp_path, lite0, cat):
    path = _save(Image.open(cat).convert("RGB").resize((4000, 3000), Image.BICUBIC), tmp_path / "big.jpg",
                 quality=92)
    full = read_image(path)
    small = lite0.read(path)
    assert full.shape == (3000, 4000, 3)
    assert lite0.pipeline.min_source_side <= min(small.shape[:2]) <= 1000  # a quarter of the pixels or fewer
    exact = lite0.forward(lite0.pipeline(full)[None])[0][0]
    drafted = lite0.forward(lite0.pipeline(small)[None])[0][0]
    top5 = exact.topk(5).indices
    assert float((exact[top5] - drafted[top5]).abs().max()) <= 0.02
    png = _save(Image.open(cat).convert("RGB"), tmp_path / "cat.png")
    assert np.array_equal(lite0.read(png), read_image(png))  # only JPEG decodes at reduced scale
