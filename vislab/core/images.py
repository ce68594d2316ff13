"""One reader for every image file a person may drop on vislab.

Whatever the file holds (any PIL mode, EXIF rotation, animation, 16-bit or float data), the result is
an ``H x W x 3`` ``uint8`` RGB array, upright as a photo viewer shows it. What is not a usable image
is refused with a typed :class:`~vislab.core.errors.ImageReadError` that says why.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import (
    DirectoryNotImageError,
    EmptyImageError,
    ImageNotFoundError,
    ImageReadError,
    ImageTooLargeError,
    ImageWriteError,
    NotAnImageError,
    TruncatedImageError,
    VectorImageError,
)

#: Images with more pixels than this are refused before decoding (a 100-megapixel photo decodes to
#: 300 MB of RGB). PIL's own guard is lower and only warns; vislab's is this one.
MAX_PIXELS = 100_000_000

#: Longest side of the copies a front end displays (the models always get the full photo).
DISPLAY_SIDE = 1600

#: Suffixes vislab offers in file dialogs and picks up from dropped folders.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif")

_VECTOR_SUFFIXES = {".svg": "SVG", ".svgz": "SVG", ".pdf": "PDF", ".eps": "EPS", ".ps": "PostScript",
                    ".ai": "Illustrator"}
_VECTOR_MAGIC = ((b"%PDF", "PDF"), (b"%!PS", "PostScript"), (b"\xc5\xd0\xd3\xc6", "EPS"))


def is_image_path(path: str | Path) -> bool:
    """True when the file name has one of :data:`IMAGE_SUFFIXES` (case-insensitive)."""
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the images inside folders, recursively, in name order (case-insensitive).

    A path that is neither a folder nor an existing file is kept, so that reading it reports why.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted((p for p in path.rglob("*") if p.is_file() and is_image_path(p)),
                            key=lambda p: str(p).lower())
        else:
            found.append(path)
    return found


def read_image(path: str | Path, *, max_pixels: int = MAX_PIXELS, min_side: int | None = None) -> np.ndarray:
    """Read ``path`` as an upright RGB ``uint8`` array of shape ``(H, W, 3)``.

    Args:
        path: the image file; any of :data:`IMAGE_SUFFIXES` and whatever else PIL decodes.
        max_pixels: refuse images with more pixels than this, before decoding them.
        min_side: decode a JPEG at a reduced scale (1/2, 1/4 or 1/8: PIL's draft mode, several times
            faster) as long as its shorter side stays at least this long. For a model's input, which is
            much smaller than a photo; None decodes every pixel, for display.

    Raises:
        ImageReadError: one of its subclasses, naming the file and the reason.
    """
    path = Path(path)
    _check_file(path)
    try:
        fh = open(path, "rb")  # closed by the with below; PIL reads from it lazily
    except OSError as exc:
        raise ImageReadError(path, f"cannot be opened ({exc.strerror or exc})") from None
    with fh:
        head = fh.read(512)
        fh.seek(0)
        _check_vector(path, head)
        with _pil_open(path, fh, max_pixels) as im:
            if min_side is not None:
                _draft(im, min_side)
            rgb = _decode(path, im)
    return rgb


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise DirectoryNotImageError(path, "is a folder, not an image file")
    if not path.exists():
        raise ImageNotFoundError(path, "no such file")
    if path.stat().st_size == 0:
        raise EmptyImageError(path, "the file is empty (0 bytes)")


def _check_vector(path: Path, head: bytes) -> None:
    kind = _VECTOR_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        kind = next((k for magic, k in _VECTOR_MAGIC if head.startswith(magic)), None)
    if kind is None and b"<svg" in head.lower():
        kind = "SVG"
    if kind is not None:
        raise VectorImageError(
            path, f"is a vector drawing ({kind}), which has no pixels to classify; export it as PNG")


def _pil_open(path: Path, fh, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # vislab applies its own pixel limit below; PIL's lower one would only warn.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(fh)
    except Image.DecompressionBombError as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{int(found.group(1)) / 1e6:,.0f} megapixels" if found else "too many pixels"
        raise ImageTooLargeError(path, f"{size}, over vislab's limit of {max_pixels / 1e6:.0f} megapixels") from None
    except UnidentifiedImageError:
        raise NotAnImageError(path, "is not an image vislab can read "
                                    f"(supported: {', '.join(s[1:] for s in IMAGE_SUFFIXES)})") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise TruncatedImageError(path, f"the image data is corrupt ({exc})") from None
    width, height = im.size
    if width * height > max_pixels:
        im.close()
        raise ImageTooLargeError(
            path, f"{width} x {height} is {width * height / 1e6:.0f} megapixels, over vislab's limit "
                  f"of {max_pixels / 1e6:.0f} megapixels")
    return im


def _draft(im: Image.Image, min_side: int) -> None:
    width, height = im.size
    scale = min_side / max(1, min(width, height))
    if im.format == "JPEG" and scale < 0.5:
        im.draft(None, (max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))))


def _decode(path: Path, im: Image.Image) -> np.ndarray:
    try:
        im.seek(0)  # the first frame of an animation
        im.load()
        im = ImageOps.exif_transpose(im)
        return _to_rgb(im)
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        reason = str(exc) or type(exc).__name__
        raise TruncatedImageError(path, f"the image is truncated or corrupt ({reason})") from None


def _to_rgb(im: Image.Image) -> np.ndarray:
    mode = im.mode
    if mode == "RGB":
        return np.asarray(im, dtype=np.uint8).copy()
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return _gray_to_rgb(_scale_to_uint8(np.asarray(im), sixteen_bit=mode.startswith("I;16")))
    if mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif mode in ("PA", "La"):
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "RGBa"):
        background = Image.new("RGBA", im.size, (255, 255, 255, 255))
        im = Image.alpha_composite(background, im.convert("RGBA"))
    return np.asarray(im.convert("RGB"), dtype=np.uint8).copy()


def _scale_to_uint8(values: np.ndarray, sixteen_bit: bool) -> np.ndarray:
    """Map 16-bit, 32-bit integer or float samples onto 0..255.

    16-bit data (and 32-bit integers within 0..65535, as PIL opens some 16-bit files) keeps its scale:
    value / 257, so 65535 is white, whatever the image's own range. Float data in [0, 1] is scaled by 255.
    Anything else is stretched from its own minimum to maximum.
    """
    data = values.astype(np.float64)
    finite = data[np.isfinite(data)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if values.dtype.kind == "f" and low >= 0.0 and high <= 1.0:
        scaled = data * 255.0
    elif (sixteen_bit or values.dtype.kind in "ui") and low >= 0 and high <= 65535:
        scaled = data / 257.0
    else:
        scaled = (data - low) * (255.0 / (high - low)) if high > low else np.zeros_like(data)
    return np.clip(np.nan_to_num(scaled), 0, 255).round().astype(np.uint8)


def _gray_to_rgb(gray: np.ndarray) -> np.ndarray:
    return np.repeat(gray[:, :, None], 3, axis=2)



def save_image(path: str | Path, image: np.ndarray) -> Path:
    """Write an RGB (or grey) uint8 image; the format follows the suffix (.png, .jpg, .webp...).

    Raises:
        ImageWriteError: naming the file and why it could not be written.
    """
    path = Path(path)
    try:
        Image.fromarray(np.ascontiguousarray(image)).save(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ImageWriteError(path, f"could not be written ({exc})") from None
    return path


def fit(image: np.ndarray, side: int = DISPLAY_SIDE) -> np.ndarray:
    """``image`` scaled down (area interpolation) so its longer side is at most ``side`` pixels."""
    h, w = image.shape[:2]
    if max(h, w) <= side:
        return image
    scale = side / max(h, w)
    return cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
