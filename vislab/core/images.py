"""One reader for every image file a person may drop on vislab.

Whatever the file holds (any PIL mode, EXIF rotation, animation, 16-bit or float data), the result is
an ``H x W x 3`` ``uint8`` RGB array, upright as a photo viewer shows it. What is not a usable image
is refused with a typed :class:`~vislab.core.errors.ImageReadError` that says why.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import (
    DirectoryNotImageError,
    EmptyImageError,
    ImageNotFoundError,
    ImageReadError,
    ImageShapeError,
    ImageTooLargeError,
    ImageWriteError,
    NotAnImageError,
    TruncatedImageError,
    VectorImageError,
)

#: Images with more pixels than this are refused before decoding (a 100-megapixel photo decodes to
#: 300 MB of RGB). PIL's own guard is lower and only warns; vislab's is this one.
MAX_PIXELS = 100_000_000

#: The most elongated image (longer side over shorter side) vislab makes into a model input.
#:
#: A model resizes the shorter side to its input size ``s`` (about 256) and keeps the ratio, so the resized
#: copy holds ``s * s * ratio`` pixels whatever the file's own size: a 357-byte 30000 x 3 PNG became
#: 2,560,000 x 256 pixels (3.6 GB to classify), a 100000 x 1 PNG 26 GB. The ratio, not the pixel count, is
#: what to bound. Panoramas people take are 3:1 to 12:1 (a phone's 360 degrees is about 9:1); 50:1 leaves
#: room for film strips and photo-finish pictures, keeps the resized copy under ``50 * s * s`` pixels (10 MB
#: at 256, 54 MB at 600) and refuses only what a model cannot meaningfully see: it crops the centre, so at
#: 50:1 it already sees one 57th of the picture, and a 3-pixel-high strip would reach it magnified 75 times.
#: Checked on what reaches the model (:func:`check_aspect`), after any op: a resize op may make a thin file
#: square.
MAX_ASPECT = 50

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


def aspect_ratio(height: int, width: int) -> float:
    """The longer side over the shorter (1.0 for a square; infinite when a side is 0)."""
    short, long = sorted((height, width))
    return long / short if short > 0 else math.inf


def describe_ratio(ratio: float) -> str:
    """An aspect ratio as people write it: ``10,000:1``, ``2.5:1``."""
    return f"{ratio:,.0f}:1" if ratio >= 10 else f"{ratio:.1f}:1".replace(".0:", ":")


def check_aspect(height: int, width: int, *, max_aspect: float = MAX_ASPECT) -> None:
    """Refuse an image too elongated to be made into a model input (see :data:`MAX_ASPECT`).

    Raises:
        VislabError: saying the size, the ratio and the limit (it names no file: the caller that knows the
            file wraps it, as :func:`vislab.core.batch.classify_files` does).
    """
    ratio = aspect_ratio(height, width)
    if ratio > max_aspect:
        raise ImageShapeError(
            f"the image is {width} x {height} pixels ({describe_ratio(ratio)}), too thin to make into a model "
            f"input: vislab takes aspect ratios up to {describe_ratio(max_aspect)} (the model would see only "
            "its centre); crop it or cut it into parts")


def read_image(path: str | Path, *, max_pixels: int = MAX_PIXELS, min_side: int | None = None) -> np.ndarray:
    """Read ``path`` as an upright RGB ``uint8`` array of shape ``(H, W, 3)``.

    Args:
        path: the image file; any of :data:`IMAGE_SUFFIXES` and whatever else PIL decodes.
        max_pixels: refuse images with more pixels than this, before decoding them.
        min_side: decode a JPEG at a reduced scale (1/2, 1/4 or 1/8: PIL's draft mode, several times
            faster) as long as its shorter side stays at least this long. For a model's input, which is
            much smaller than a photo; None decodes every pixel, for display.

    A folder, a device or a named pipe is refused for what it is, never read from (nor waited on). What PIL
    warns while decoding never reaches stderr: it is added to the error of a file that fails, and dropped
    for one that reads (it is about metadata PIL skipped; the pixels are whole).

    Raises:
        ImageReadError: one of its subclasses, naming the file and the reason.
    """
    path = Path(path)
    _check_file(path)
    with _open(path) as fh:
        head = fh.read(512)
        fh.seek(0)
        _check_vector(path, head)
        with _pil_warnings.collect() as said:
            try:
                with _pil_open(path, fh, max_pixels) as im:
                    if min_side is not None:
                        _draft(im, min_side)
                    return _decode(path, im)
            except ImageReadError as exc:
                raise _with_warnings(exc, said) from None


def _check_file(path: Path) -> None:
    """Refuse what is not a regular, non-empty file, saying what it is instead."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _stat_error(path, exc) from None
    _check_kind(path, info.st_mode)
    if info.st_size == 0:
        raise EmptyImageError(path, "the file is empty (0 bytes)")


def _stat_error(path: Path, exc: OSError) -> ImageReadError:
    if exc.errno == errno.ELOOP:
        return ImageNotFoundError(path, "is a symbolic-link loop (following its links leads back to them), "
                                        "not a file")
    if exc.errno == errno.ENOENT and path.is_symlink():
        return ImageNotFoundError(path, "is a symbolic link to a file that does not exist")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return ImageNotFoundError(path, "no such file")
    return ImageReadError(path, f"cannot be opened ({exc.strerror or exc})")


_KINDS = ((stat.S_ISCHR, "a device (a character device)"), (stat.S_ISBLK, "a device (a block device, a disk)"),
          (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"))


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise DirectoryNotImageError(path, "is a folder, not an image file")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "something other than a file")
        raise NotAnImageError(path, f"is {kind}, not an image file")


def _open(path: Path) -> IO[bytes]:
    """``path`` opened for reading, never blocking: a file swapped for a named pipe after
    :func:`_check_file` is refused, not waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _stat_error(path, exc) from None
    try:
        _check_kind(path, os.fstat(fd).st_mode)
    except ImageReadError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")  # closed by the caller's with; PIL reads from it lazily


def _check_vector(path: Path, head: bytes) -> None:
    kind = _VECTOR_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        kind = next((k for magic, k in _VECTOR_MAGIC if head.startswith(magic)), None)
    if kind is None and b"<svg" in head.lower():
        kind = "SVG"
    if kind is not None:
        raise VectorImageError(
            path, f"is a vector drawing ({kind}), which has no pixels to classify; export it as PNG")


def _pil_open(path: Path, fh: IO[bytes], max_pixels: int) -> Image.Image:
    try:
        im = Image.open(fh)  # PIL's lower pixel limit only warns (dropped by _PilWarnings); vislab's is below
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


def _with_warnings(error: ImageReadError, said: list[str]) -> ImageReadError:
    """``error`` with what PIL warned while failing on the file added to its reason."""
    if not said:
        return error
    return type(error)(error.path, f"{error.reason} (the decoder also said: {'; '.join(dict.fromkeys(said))})")


class _PilWarnings:
    """What PIL warns while it decodes a file, collected per thread, so that it becomes part of that file's
    one message (or, for a file that reads, is dropped) instead of lines on stderr.

    PIL warns about metadata it skips (a damaged EXIF block, an invalid APNG chunk, too many pixels for its
    own lower limit): the pixels still decode, so for a file that reads nothing is lost by dropping them. The
    standard ``warnings.catch_warnings`` swaps module-wide state and is not safe on threads, and the batch's
    reader threads decode several files at once: this installs one ``warnings.showwarning`` hook while any
    thread collects, and the hook passes a warning raised on any other thread to the hook it replaced.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._local = threading.local()
        self._users = 0
        self._replaced: Callable[..., object] = warnings.showwarning
        self._hook = self._show  # one object, so that the hook can be recognised

    @contextmanager
    def collect(self) -> Iterator[list[str]]:
        """Collect the texts of the warnings raised on this thread inside the ``with``."""
        said: list[str] = []
        outer = getattr(self._local, "said", None)
        self._local.said = said
        with self._lock:
            if warnings.showwarning is not self._hook:
                self._replaced, warnings.showwarning = warnings.showwarning, self._hook
            self._users += 1
        try:
            yield said
        finally:
            self._local.said = outer
            with self._lock:
                self._users -= 1
                if self._users == 0 and warnings.showwarning is self._hook:
                    warnings.showwarning = self._replaced

    def _show(self, message: Warning | str, category: type[Warning], filename: str, lineno: int,
              file: IO[str] | None = None, line: str | None = None) -> None:
        said = getattr(self._local, "said", None)
        if said is None:
            self._replaced(message, category, filename, lineno, file, line)
        elif not issubclass(category, Image.DecompressionBombWarning):  # vislab's own limit applies
            said.append(str(message).strip())


_pil_warnings = _PilWarnings()


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
