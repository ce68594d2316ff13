"""Each OpenCV op equals the direct cv2 call; parameters are typed, ranged and explained when wrong."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from vislab.core.images import read_image
from vislab.core.ops import OPS, OpError, Pipeline, Step, UnknownOpError, get_op

REQUIRED = ["grayscale", "resize", "equalize", "clahe", "gaussian_blur", "median_blur", "bilateral", "canny",
            "rotate", "translate", "flip", "brightness_contrast", "gaussian_noise", "occlude", "normalize"]


@pytest.fixture(scope="module")
def photo(samples):
    return read_image(samples / "coffee.png")


def _gray3(gray):
    return np.repeat(gray[:, :, None], 3, axis=2)


def _direct(op: str, img: np.ndarray, **p) -> np.ndarray:  # noqa: PLR0912 - one branch per op
    """What each op should give, written as plain OpenCV calls."""
    h, w = img.shape[:2]
    gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    if op == "grayscale":
        return _gray3(gray)
    if op == "resize":
        return cv2.resize(img, (p["width"], p["height"]), interpolation=cv2.INTER_CUBIC)
    if op == "equalize":
        ycrcb = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb)
        ycrcb[..., 0] = cv2.equalizeHist(ycrcb[..., 0])
        return cv2.cvtColor(ycrcb, cv2.COLOR_YCrCb2RGB)
    if op == "clahe":
        lab = cv2.cvtColor(img, cv2.COLOR_RGB2LAB)
        lab[..., 0] = cv2.createCLAHE(p["clip"], (p["tile"], p["tile"])).apply(lab[..., 0])
        return cv2.cvtColor(lab, cv2.COLOR_LAB2RGB)
    if op == "gaussian_blur":
        return cv2.GaussianBlur(img, (p["ksize"], p["ksize"]), p["sigma"])
    if op == "median_blur":
        return cv2.medianBlur(img, p["ksize"])
    if op == "bilateral":
        return cv2.bilateralFilter(img, p["d"], p["sigma_color"], p["sigma_space"])
    if op == "canny":
        return _gray3(cv2.Canny(gray, p["low"], p["high"]))
    if op == "rotate":
        m = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), p["angle"], 1.0)
        return cv2.warpAffine(img, m, (w, h))
    if op == "translate":
        return cv2.warpAffine(img, np.float32([[1, 0, p["dx"]], [0, 1, p["dy"]]]), (w, h))
    if op == "flip":
        return cv2.flip(img, 0)
    if op == "brightness_contrast":
        return np.clip(np.round(img.astype(np.float64) * p["alpha"] + p["beta"]), 0, 255).astype(np.uint8)
    if op == "gaussian_noise":
        noise = np.random.default_rng(p["seed"]).normal(0, p["sigma"], img.shape)
        return np.clip(img + noise, 0, 255).round().astype(np.uint8)
    if op == "occlude":
        out = img.copy()
        out[150:250, 250:350] = 128  # a 100 px square (0.25 of 400) centred at (300, 200)
        return out
    if op == "jpeg":
        _, data = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, p["quality"]])
        return cv2.imdecode(data, cv2.IMREAD_COLOR)[..., ::-1]
    if op == "normalize":
        low, high = img.min(), img.max()
        return np.round((img.astype(np.float64) - low) * 255 / (high - low)).astype(np.uint8)
    raise AssertionError(op)


CASES = {
    "grayscale": {}, "resize": {"width": 300, "height": 120, "interpolation": "cubic"}, "equalize": {},
    "clahe": {"clip": 3.0, "tile": 4}, "gaussian_blur": {"ksize": 7, "sigma": 2.5}, "median_blur": {"ksize": 5},
    "bilateral": {"d": 7, "sigma_color": 50.0, "sigma_space": 30.0}, "canny": {"low": 80.0, "high": 160.0},
    "rotate": {"angle": 33.0}, "translate": {"dx": 25, "dy": -10}, "flip": {"direction": "vertical"},
    "brightness_contrast": {"alpha": 1.5, "beta": -40.0}, "gaussian_noise": {"sigma": 25.0, "seed": 7},
    "occlude": {"x": 0.5, "y": 0.5, "size": 0.25}, "jpeg": {"quality": 20}, "normalize": {},
}


def test_the_registry_has_every_op():
    assert set(REQUIRED) <= set(OPS.ids())
    assert set(CASES) == set(OPS.ids())


@pytest.mark.parametrize("op", list(CASES))
def test_each_op_equals_opencv(photo, op):
    params = CASES[op]
    got = get_op(op).apply(photo, **params)
    expected = _direct(op, photo, **params)
    assert got.dtype == np.uint8 and got.ndim == 3 and got.shape[2] == 3
    if op == "normalize":  # the photo already spans 0-255: stretch a dim copy instead
        dim = (photo // 2 + 20).astype(np.uint8)
        got, expected = get_op(op).apply(dim), _direct(op, dim)
        assert got.min() == 0 and got.max() == 255
    assert np.array_equal(got, expected)


def test_grayscale_input_stays_grey_through_equalize_and_clahe(photo):
    grey = get_op("grayscale").apply(photo)
    for op in ("equalize", "clahe"):
        out = get_op(op).apply(grey)
        assert np.array_equal(out[..., 0], out[..., 1]) and np.array_equal(out[..., 1], out[..., 2])
    assert np.array_equal(get_op("equalize").apply(grey)[..., 0], cv2.equalizeHist(grey[..., 0]))


@pytest.mark.parametrize(("text", "message"), [
    ("gaussian_blur:ksize=4", "gaussian_blur: ksize must be odd"),
    ("median_blur:ksize=0", "median_blur: ksize must be between 1 and 31, not 0"),
    ("canny:low=abc", "canny: low must be a number, not 'abc'"),
    ("rotate:angel=5", r"rotate: unknown parameter 'angel' \(parameters: angle, border\)"),
    ("flip:direction=diagonal", "flip: direction must be one of horizontal, vertical, both"),
    ("brightness_contrast:alpha=4", "brightness_contrast: alpha must be between 0 and 3, not 4"),
    ("translate:dx=1.5", "translate: dx must be a whole number, not '1.5'"),
    ("canny:low", r"canny: expected param=value, not 'low'"),
])
def test_invalid_parameters_name_the_op_and_parameter(text, message):
    with pytest.raises(OpError, match=message):
        Step.parse(text)


def test_unknown_op_suggests():
    with pytest.raises(UnknownOpError, match="unknown op 'gaussian'; did you mean gaussian_blur"):
        Step.parse("gaussian")


def test_pipeline_parses_and_applies_in_order(photo):
    pipeline = Pipeline.parse(["grayscale", "canny:low=100,high=200"])
    assert [s.op for s in pipeline.steps] == ["grayscale", "canny"]
    assert dict(pipeline.steps[1].params) == {"low": 100.0, "high": 200.0}
    expected = _gray3(cv2.Canny(cv2.cvtColor(photo, cv2.COLOR_RGB2GRAY), 100, 200))
    assert np.array_equal(pipeline.apply(photo), expected)
    assert pipeline.steps[1].label() == "Canny edges (low=100, high=200)"


def test_previews_work_on_a_smaller_copy_with_pixel_lengths_scaled(photo):
    pipeline = Pipeline((Step.make("gaussian_blur", ksize=21), Step.make("translate", dx=40, dy=0),
                         Step.make("rotate", angle=10)))
    strip = pipeline.previews(photo, max_side=300)  # 600 x 400 -> 300 x 200: half size
    assert strip[0][0] == "input" and len(strip) == 4
    assert all(img.shape == (200, 300, 3) for _, img in strip)
    small = cv2.resize(photo, (300, 200), interpolation=cv2.INTER_AREA)
    assert np.array_equal(strip[1][1], cv2.GaussianBlur(small, (11, 11), 0))  # 21 px -> 11 px (odd)
    shifted = cv2.warpAffine(strip[1][1], np.float32([[1, 0, 20], [0, 1, 0]]), (300, 200))
    assert np.array_equal(strip[2][1], shifted)


def test_a_resize_previews_at_the_size_it_asks_for(photo):
    strip = Pipeline((Step.make("resize", width=224, height=224), Step.make("gaussian_blur", ksize=9))).previews(
        photo, max_side=300)
    assert strip[1][1].shape == (224, 224, 3)
    resized = cv2.resize(cv2.resize(photo, (300, 200), interpolation=cv2.INTER_AREA), (224, 224),
                         interpolation=cv2.INTER_AREA)
    assert np.array_equal(strip[2][1], cv2.GaussianBlur(resized, (9, 9), 0))  # no longer scaled


def test_op_specs_describe_themselves():
    assert get_op("canny").to_dict()["params"][0]["minimum"] == 0.0
    blur = get_op("gaussian_blur").to_dict()
    assert blur["params"][0] == {"name": "ksize", "kind": "int", "default": 5, "minimum": 1, "maximum": 99,
                                 "step": 2, "odd": True, "pixels": True, "help": "kernel size (odd)"}
