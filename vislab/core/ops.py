"""OpenCV preprocessing, as data: each op is an :class:`OpSpec` with typed, ranged parameters.

Ops take and return RGB ``uint8`` images of shape ``H x W x 3``; single-channel results (grayscale, Canny)
come back as three equal channels, which is also how they are fed to the models. A :class:`Pipeline` is an
ordered list of steps: it shows as a strip of previews (one image per step) and can be applied before
classification so the predictions follow the preprocessing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import cv2
import numpy as np

from .errors import OpError, UnknownOpError
from .images import fit
from .registry import Registry

Kind = Literal["int", "float", "bool", "choice"]




@dataclass(frozen=True)
class Param:
    """One parameter of an op.

    Attributes:
        name: as written on the command line (``ksize``).
        kind: ``int``, ``float``, ``bool`` or ``choice``.
        default: the value when none is given.
        minimum, maximum: the allowed range (inclusive) for numbers.
        step: a sensible slider step.
        choices: the allowed values of a ``choice``.
        odd: the value must be odd (kernel sizes).
        pixels: a length in pixels, scaled with the image when previews run on a smaller copy.
        help: one line for tooltips.
    """

    name: str
    kind: Kind
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    odd: bool = False
    pixels: bool = False
    help: str = ""

    def coerce(self, op: str, value: Any) -> Any:
        """``value`` (a number, or text from the command line) checked and converted, or an
        :class:`OpError` naming the op and the parameter."""
        where = f"{op}: {self.name}"
        try:
            if self.kind == "bool":
                value = _to_bool(value)
            elif self.kind == "choice":
                value = str(value)
                if value not in self.choices:
                    raise OpError(f"{where} must be one of {', '.join(self.choices)}, not {value!r}")
            elif self.kind == "int":
                number = float(value)
                if not number.is_integer():
                    raise OpError(f"{where} must be a whole number, not {value!r}")
                value = int(number)
            else:
                value = float(value)
                if not math.isfinite(value):
                    raise OpError(f"{where} must be a finite number, not {value!r}")
        except (TypeError, ValueError):
            expected = {"int": "a whole number", "float": "a number", "bool": "true or false"}[self.kind]
            raise OpError(f"{where} must be {expected}, not {value!r}") from None
        if self.kind in ("int", "float"):
            if (self.minimum is not None and value < self.minimum) or \
                    (self.maximum is not None and value > self.maximum):
                raise OpError(f"{where} must be between {_num(self.minimum)} and {_num(self.maximum)}, "
                              f"not {_num(value)}")
            if self.odd and value % 2 == 0:
                raise OpError(f"{where} must be odd (a kernel has a centre pixel), not {value}")
        return value

    def to_dict(self) -> dict:
        shown = {k: v for k, v in self.__dict__.items() if v is not None and v is not False and v not in ((), "")}
        return shown | {"default": self.default}


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


def _num(value: float | None) -> str:
    return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))


@dataclass(frozen=True)
class OpSpec:
    """One preprocessing op: a name, typed parameters and the function that applies it."""

    id: str
    name: str
    description: str
    params: tuple[Param, ...]
    fn: Callable[..., np.ndarray] = field(repr=False)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise OpError(f"{self.id}: unknown parameter {name!r} (parameters: {known})")

    def resolve(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """All parameters: the given ones checked, the others at their defaults."""
        values = dict(values or {})
        for name in values:
            self.param(name)
        return {p.name: p.coerce(self.id, values.get(p.name, p.default)) for p in self.params}

    def apply(self, image: np.ndarray, **values: Any) -> np.ndarray:
        return self.fn(image, **self.resolve(values))

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "description": self.description,
                "params": [p.to_dict() for p in self.params]}


OPS: Registry[OpSpec] = Registry("op", UnknownOpError)


def get_op(op_id: str) -> OpSpec:
    return OPS.get(op_id)


def _op(op_id: str, name: str, description: str, *params: Param):
    def register(fn: Callable[..., np.ndarray]) -> Callable[..., np.ndarray]:
        OPS.register(OpSpec(op_id, name, description, tuple(params), fn))
        return fn

    return register


def _gray(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def _rgb(gray: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB)


def _is_gray(image: np.ndarray) -> bool:
    return bool(np.array_equal(image[..., 0], image[..., 1]) and np.array_equal(image[..., 1], image[..., 2]))


_INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR, "cubic": cv2.INTER_CUBIC,
                   "area": cv2.INTER_AREA, "lanczos": cv2.INTER_LANCZOS4}
_BORDERS = {"constant": cv2.BORDER_CONSTANT, "reflect": cv2.BORDER_REFLECT_101, "replicate": cv2.BORDER_REPLICATE}


@_op("grayscale", "Grayscale", "Luminance only (0.299 R + 0.587 G + 0.114 B), as three equal channels.")
def grayscale(image: np.ndarray) -> np.ndarray:
    return _rgb(_gray(image))


@_op("resize", "Resize", "Resize to a fixed width and height (the aspect ratio may change, up to 50:1).",
     Param("width", "int", 224, 1, 8192, 1, help="new width in pixels"),
     Param("height", "int", 224, 1, 8192, 1, help="new height in pixels"),
     Param("interpolation", "choice", "area", choices=tuple(_INTERPOLATIONS), help="how new pixels are computed"))
def resize(image: np.ndarray, width: int, height: int, interpolation: str) -> np.ndarray:
    """``image`` at ``width`` x ``height``: at most 8192 x 8192 (67 megapixels, under the reader's limit) and
    no thinner than a model takes (:data:`~vislab.core.images.MAX_ASPECT`), whose resize would otherwise turn
    an 8192 x 1 result into gigabytes.

    Raises:
        OpError: naming the width, the height and the ratio they make.
    """
    from .images import MAX_ASPECT, aspect_ratio, describe_ratio

    ratio = aspect_ratio(height, width)
    if ratio > MAX_ASPECT:
        raise OpError(f"resize: width={width} and height={height} give an aspect ratio of {describe_ratio(ratio)}, "
                      f"too thin for a model (vislab takes up to {describe_ratio(MAX_ASPECT)})")
    return cv2.resize(image, (width, height), interpolation=_INTERPOLATIONS[interpolation])


@_op("equalize", "Histogram equalization",
     "Spreads the brightness histogram over the full range (on the luminance channel of a colour image).")
def equalize(image: np.ndarray) -> np.ndarray:
    if _is_gray(image):
        return _rgb(cv2.equalizeHist(image[..., 0]))
    ycrcb = cv2.cvtColor(image, cv2.COLOR_RGB2YCrCb)
    ycrcb[..., 0] = cv2.equalizeHist(ycrcb[..., 0])
    return cv2.cvtColor(ycrcb, cv2.COLOR_YCrCb2RGB)


@_op("clahe", "CLAHE", "Contrast-limited adaptive equalization, tile by tile, on the lightness channel.",
     Param("clip", "float", 2.0, 0.1, 40.0, 0.1, help="contrast limit per tile"),
     Param("tile", "int", 8, 1, 32, 1, help="tiles per side"))
def clahe(image: np.ndarray, clip: float, tile: int) -> np.ndarray:
    equalizer = cv2.createCLAHE(clipLimit=clip, tileGridSize=(tile, tile))
    if _is_gray(image):
        return _rgb(equalizer.apply(image[..., 0]))
    lab = cv2.cvtColor(image, cv2.COLOR_RGB2LAB)
    lab[..., 0] = equalizer.apply(lab[..., 0])
    return cv2.cvtColor(lab, cv2.COLOR_LAB2RGB)


@_op("gaussian_blur", "Gaussian blur", "Averages each pixel with its neighbours, weighted by a Gaussian.",
     Param("ksize", "int", 5, 1, 99, 2, odd=True, pixels=True, help="kernel size (odd)"),
     Param("sigma", "float", 0.0, 0.0, 50.0, 0.1, pixels=True, help="standard deviation; 0 derives it from ksize"))
def gaussian_blur(image: np.ndarray, ksize: int, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(image, (ksize, ksize), sigma)


@_op("median_blur", "Median blur", "Replaces each pixel by the median of its neighbourhood; removes speckle.",
     Param("ksize", "int", 5, 1, 31, 2, odd=True, pixels=True, help="neighbourhood size (odd)"))
def median_blur(image: np.ndarray, ksize: int) -> np.ndarray:
    return cv2.medianBlur(image, ksize)


@_op("bilateral", "Bilateral filter", "Smooths flat regions while keeping edges sharp.",
     Param("d", "int", 9, 1, 25, 1, pixels=True, help="neighbourhood diameter"),
     Param("sigma_color", "float", 75.0, 1.0, 250.0, 1.0, help="how different colours may be and still mix"),
     Param("sigma_space", "float", 75.0, 1.0, 250.0, 1.0, pixels=True, help="how far pixels may be and still mix"))
def bilateral(image: np.ndarray, d: int, sigma_color: float, sigma_space: float) -> np.ndarray:
    return cv2.bilateralFilter(image, d, sigma_color, sigma_space)


@_op("canny", "Canny edges", "Edges by the Canny detector (on the grayscale image), white on black.",
     Param("low", "float", 100.0, 0.0, 1000.0, 1.0, help="weak-edge threshold"),
     Param("high", "float", 200.0, 0.0, 1000.0, 1.0, help="strong-edge threshold"))
def canny(image: np.ndarray, low: float, high: float) -> np.ndarray:
    return _rgb(cv2.Canny(_gray(image), low, high))


@_op("rotate", "Rotate", "Rotates about the centre, keeping the image size (corners are cut, gaps filled).",
     Param("angle", "float", 15.0, -360.0, 360.0, 1.0, help="degrees, counter-clockwise"),
     Param("border", "choice", "constant", choices=tuple(_BORDERS), help="how the uncovered corners are filled"))
def rotate(image: np.ndarray, angle: float, border: str) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=_BORDERS[border])


@_op("translate", "Translate", "Shifts the image; the uncovered band is black.",
     Param("dx", "int", 20, -4096, 4096, 1, pixels=True, help="pixels to the right"),
     Param("dy", "int", 0, -4096, 4096, 1, pixels=True, help="pixels down"))
def translate(image: np.ndarray, dx: int, dy: int) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)


_FLIPS = {"horizontal": 1, "vertical": 0, "both": -1}


@_op("flip", "Flip", "Mirrors the image.",
     Param("direction", "choice", "horizontal", choices=tuple(_FLIPS), help="mirror left-right, up-down or both"))
def flip(image: np.ndarray, direction: str) -> np.ndarray:
    return cv2.flip(image, _FLIPS[direction])


@_op("brightness_contrast", "Brightness and contrast", "Each value v becomes alpha * v + beta, clipped to 0-255.",
     Param("alpha", "float", 1.2, 0.0, 3.0, 0.05, help="contrast (gain)"),
     Param("beta", "float", 20.0, -255.0, 255.0, 1.0, help="brightness (offset)"))
def brightness_contrast(image: np.ndarray, alpha: float, beta: float) -> np.ndarray:
    return cv2.addWeighted(image, alpha, image, 0.0, beta)


@_op("gaussian_noise", "Gaussian noise", "Adds random noise with a normal distribution (repeatable with a seed).",
     Param("sigma", "float", 20.0, 0.0, 255.0, 1.0, help="standard deviation in grey levels"),
     Param("seed", "int", 0, 0, 2**31 - 1, 1, help="random seed"))
def gaussian_noise(image: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0.0, sigma, image.shape)
    return np.clip(image + noise, 0, 255).round().astype(np.uint8)


@_op("occlude", "Occlude", "Covers a square with grey, centred at (x, y) given as fractions of the width and height.",
     Param("x", "float", 0.5, 0.0, 1.0, 0.01, help="centre, from the left (0-1)"),
     Param("y", "float", 0.5, 0.0, 1.0, 0.01, help="centre, from the top (0-1)"),
     Param("size", "float", 0.25, 0.0, 1.0, 0.01, help="side, as a fraction of the shorter side"))
def occlude(image: np.ndarray, x: float, y: float, size: float) -> np.ndarray:
    h, w = image.shape[:2]
    side = size * min(h, w)
    x0, y0 = round(x * w - side / 2), round(y * h - side / 2)
    x1, y1 = round(x * w + side / 2) - 1, round(y * h + side / 2) - 1
    out = image.copy()
    if side >= 1:
        cv2.rectangle(out, (x0, y0), (x1, y1), (128, 128, 128), thickness=cv2.FILLED)
    return out


@_op("jpeg", "JPEG compression", "Encodes and decodes as JPEG: blocky artefacts at low quality.",
     Param("quality", "int", 30, 1, 100, 1, help="JPEG quality (1 worst - 100 best)"))
def jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise OpError("jpeg: OpenCV could not encode the image")
    return cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


@_op("normalize", "Normalize", "Stretches the values to the full range (min to black, max to white) for display.")
def normalize(image: np.ndarray) -> np.ndarray:
    return cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX)


@dataclass(frozen=True)
class Step:
    """One op of a pipeline with its parameters (all of them, checked)."""

    op: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def make(cls, op: str, **values: Any) -> Step:
        spec = get_op(op)
        return cls(spec.id, tuple(spec.resolve(values).items()))

    @classmethod
    def parse(cls, text: str) -> Step:
        """A step from its command-line form, ``name`` or ``name:param=value,param=value``."""
        name, _, rest = text.strip().partition(":")
        values: dict[str, str] = {}
        for item in filter(None, (part.strip() for part in rest.split(","))):
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise OpError(f"{name}: expected param=value, not {item!r}")
            values[key.strip()] = value.strip()
        return cls.make(name, **values)

    def label(self, name: str | None = None) -> str:
        """``Gaussian blur (ksize=9, sigma=2)``; ``name`` replaces the op's name (a translation of it)."""
        name = name or get_op(self.op).name
        shown = ", ".join(f"{k}={_num(v) if isinstance(v, float) else v}" for k, v in self.params)
        return f"{name} ({shown})" if shown else name

    def apply(self, image: np.ndarray, scale: float = 1.0) -> np.ndarray:
        """Apply the step; lengths in pixels are multiplied by ``scale`` (for a downsized copy)."""
        spec = get_op(self.op)
        values = dict(self.params)
        if scale != 1.0:
            values = {k: _scaled(spec.param(k), v, scale) for k, v in values.items()}
        return spec.fn(np.ascontiguousarray(image), **values)


def _scaled(param: Param, value: Any, scale: float) -> Any:
    if not param.pixels:
        return value
    scaled = value * scale
    if param.kind == "int":
        scaled = round(scaled)
        if param.odd:
            scaled = max(1, scaled if scaled % 2 else scaled + 1)
        elif param.minimum is not None and value >= param.minimum:
            scaled = max(int(param.minimum), scaled)
    return scaled


@dataclass(frozen=True)
class Pipeline:
    """An ordered list of steps, applied one after the other."""

    steps: tuple[Step, ...] = ()

    @classmethod
    def parse(cls, texts: Sequence[str]) -> Pipeline:
        return cls(tuple(Step.parse(t) for t in texts))

    def apply(self, image: np.ndarray, scale: float = 1.0) -> np.ndarray:
        for step in self.steps:
            image = step.apply(image, scale)
        return image

    def previews(self, image: np.ndarray, max_side: int | None = 512) -> list[tuple[str, np.ndarray]]:
        """The image after each step, with its label, starting with the input; computed on a copy whose
        longer side is at most ``max_side``, with pixel lengths scaled to match. After a ``resize`` the
        image has the size the step asks for, as in the full pipeline, and lengths are no longer scaled."""
        full = image.shape[:2]
        if max_side is not None:
            image = fit(image, max_side)
        scale = image.shape[0] / full[0]
        strip = [("input", image)]
        for step in self.steps:
            image = step.apply(image, scale)
            if step.op == "resize":
                scale = 1.0
            strip.append((step.label(), image))
        return strip
