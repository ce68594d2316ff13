"""What a model sees: its own input pipeline, as the library that trained it resolves it.

Each model library reads its own configuration into an :class:`InputPipeline`
(``library(spec).input_pipeline(spec)``, see :mod:`vislab.core.libraries`): timm models use
``timm.data.create_transform`` on PIL images; torchvision models use their weights' ``transforms()`` on
tensors. :class:`InputPipeline` runs the same steps as those libraries (tested to match them exactly) but
one stage at a time, so the window can show each stage. What the model sees of the last few photos is
kept (:meth:`InputPipeline.cropped`): classify, explain and features on the same photo resize it once.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch
from PIL import Image
from torchvision.transforms import InterpolationMode
from torchvision.transforms import functional as F

from .images import check_aspect

Backend = Literal["pil", "tensor"]

#: How many (photo, pipeline) model views :meth:`InputPipeline.cropped` keeps.
VIEW_CACHE_SIZE = 8


@dataclass(frozen=True)
class InputPipeline:
    """Resize the shorter side, crop the centre, scale to [0, 1], normalise per channel.

    An image more elongated than :data:`~vislab.core.images.MAX_ASPECT` is refused before the resize: its
    resized copy grows with the ratio (a 100000 x 1 strip would become 25,600,000 x 256 pixels).

    Attributes:
        resize: length of the shorter side after resizing, in pixels.
        crop: (height, width) of the centre crop the model sees.
        interpolation: ``bilinear`` or ``bicubic``.
        mean, std: per-channel normalisation (RGB, on the [0, 1] scale).
        backend: ``pil`` resizes a PIL image (timm), ``tensor`` a uint8 tensor with antialiasing
            (torchvision); the two differ by a grey level here and there, so each model gets its own.
    """

    resize: int
    crop: tuple[int, int]
    interpolation: str
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    backend: Backend

    def describe(self) -> str:
        """The pipeline in one plain sentence, for tooltips."""
        mean = ", ".join(f"{m:.3f}" for m in self.mean)
        std = ", ".join(f"{s:.3f}" for s in self.std)
        return (f"Resize the shorter side to {self.resize} px ({self.interpolation}), crop the centre "
                f"{self.crop[1]}x{self.crop[0]}, scale to [0, 1] and normalise with mean ({mean}) "
                f"and std ({std}).")

    @property
    def min_source_side(self) -> int:
        """The shorter side a photo needs for this pipeline to see it as it would the full photo: twice
        the resize, so a big JPEG may be decoded at a reduced scale (``read_image(min_side=...)``)."""
        return 2 * self.resize

    def cropped(self, image: np.ndarray) -> np.ndarray:
        """What the model sees, as a uint8 RGB image of size :attr:`crop`.

        The answer for the last few photos is kept, keyed by the array itself: treat both as read-only.

        Raises:
            VislabError: the image is too thin to make into a model input (see :meth:`_resize`).
        """
        return _views.get(image, self, lambda: _to_array(F.center_crop(self._resize(image), list(self.crop))))

    def to_tensor(self, view: np.ndarray) -> torch.Tensor:
        """Normalise a cropped view (from :meth:`cropped`) into the model's ``3 x H x W`` input."""
        # In NumPy, one thread: torch's thread pool, woken for so small a tensor, costs more than the arithmetic
        # (and fights the ONNX Runtime threads). The same float32 operations as torchvision's normalize.
        scaled = view.astype(np.float32) / np.float32(255.0)
        normalised = (scaled - np.asarray(self.mean, np.float32)) / np.asarray(self.std, np.float32)
        return torch.from_numpy(np.ascontiguousarray(normalised.transpose(2, 0, 1)))

    def __call__(self, image: np.ndarray) -> torch.Tensor:
        """The model's input for an RGB uint8 image: a float tensor ``3 x H x W``."""
        return self.to_tensor(self.cropped(image))

    def denormalize(self, tensor: torch.Tensor) -> np.ndarray:
        """Undo the normalisation of a ``3 x H x W`` input, back to a displayable uint8 image."""
        mean = torch.tensor(self.mean).view(3, 1, 1)
        std = torch.tensor(self.std).view(3, 1, 1)
        img = (tensor.detach().cpu().float() * std + mean).clamp_(0, 1).mul_(255).round_()
        return img.to(torch.uint8).permute(1, 2, 0).numpy()

    def stages(self, image: np.ndarray) -> list[tuple[str, np.ndarray]]:
        """Each step as an image: original, resized, cropped, and the normalised input shown
        de-normalised (what the numbers the model gets look like)."""
        resized = self._resize(image)
        view = _to_array(F.center_crop(resized, list(self.crop)))
        return [("original", image), ("resized", _to_array(resized)), ("cropped", view),
                ("normalised", self.denormalize(self.to_tensor(view)))]

    def crop_box(self, height: int, width: int) -> tuple[float, float, float, float]:
        """The part of an ``height x width`` photo the model sees, as (left, top, right, bottom) in
        the photo's pixels."""
        scale = self.resize / min(height, width)
        ch, cw = self.crop[0] / scale, self.crop[1] / scale
        top, left = (height - ch) / 2, (width - cw) / 2
        return left, top, left + cw, top + ch

    def _resize(self, image: np.ndarray) -> Image.Image | torch.Tensor:
        """The image with its shorter side at :attr:`resize`.

        Raises:
            VislabError: the image is too thin (:func:`~vislab.core.images.check_aspect`).
        """
        check_aspect(*image.shape[:2])
        mode = InterpolationMode(self.interpolation)
        if self.backend == "pil":
            return F.resize(Image.fromarray(image), self.resize, interpolation=mode)
        tensor = torch.from_numpy(np.ascontiguousarray(image)).permute(2, 0, 1)
        return F.resize(tensor, [self.resize], interpolation=mode, antialias=True)


class _ViewCache:
    """The model views of the last few (photo, pipeline) pairs; a photo is known by identity, never by
    content (hashing 12 megapixels would cost more than resizing them)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, InputPipeline], tuple[weakref.ref, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, image: np.ndarray, pipeline: InputPipeline, make) -> np.ndarray:
        key = (id(image), pipeline)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0]() is image:
                self._items.move_to_end(key)
                return hit[1]
        view = make()
        try:
            ref = weakref.ref(image)
        except TypeError:  # not an ndarray: nothing to key on
            return view
        with self._lock:
            self._items[key] = (ref, view)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return view

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_views = _ViewCache(VIEW_CACHE_SIZE)


def clear_view_cache() -> None:
    """Forget the kept model views (benchmarks that must time the resize)."""
    _views.clear()


def _to_array(img) -> np.ndarray:
    if isinstance(img, Image.Image):
        return np.array(img.convert("RGB"), dtype=np.uint8)
    return img.permute(1, 2, 0).contiguous().numpy()
