"""Data augmentation from ``torchvision.transforms.v2``: flip, rotation, zoom, translation, colour jitter.

Each :data:`AUGMENTATIONS` entry is one transform with the course's usual strength; :func:`augmenter` chains
the chosen ones, :func:`preview` shows what they do to one photo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch

from ..errors import OptionError

__all__ = ["AUGMENTATIONS", "Augmentation", "augment_image", "augmenter", "parse_augment", "preview"]


@dataclass(frozen=True)
class Augmentation:
    """One kind of augmentation.

    Attributes:
        id: the name ``--augment`` takes.
        name: display name.
        description: what it does, in one line.
        make: builds the torchvision v2 transform.
    """

    id: str
    name: str
    description: str
    make: Callable[[], object]


def _flip():
    from torchvision.transforms import v2

    return v2.RandomHorizontalFlip(0.5)


def _rotate():
    from torchvision.transforms import v2

    return v2.RandomRotation(15)


def _zoom():
    from torchvision.transforms import v2

    return v2.RandomAffine(degrees=0, scale=(0.85, 1.15))


def _translate():
    from torchvision.transforms import v2

    return v2.RandomAffine(degrees=0, translate=(0.1, 0.1))


def _color():
    from torchvision.transforms import v2

    return v2.ColorJitter(brightness=0.3, contrast=0.3, saturation=0.3, hue=0.03)


AUGMENTATIONS: dict[str, Augmentation] = {a.id: a for a in (
    Augmentation("flip", "Flip", "mirror left-right half the time (not for text or digits)", _flip),
    Augmentation("rotate", "Rotation", "turn by up to 15 degrees either way", _rotate),
    Augmentation("zoom", "Zoom", "scale by 85-115 %", _zoom),
    Augmentation("translate", "Translation", "shift by up to 10 % of the side", _translate),
    Augmentation("color", "Colour jitter", "vary brightness, contrast and saturation by up to 30 %", _color),
)}


def parse_augment(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"flip,rotate"`` (or a list) as known augmentation ids, in :data:`AUGMENTATIONS` order.

    Raises:
        OptionError: naming an unknown one and the known ones.
    """
    if text is None:
        return ()
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = {item.strip().lower() for item in items if item.strip()}
    unknown = sorted(wanted - set(AUGMENTATIONS))
    if unknown:
        raise OptionError(f"unknown augmentation {', '.join(map(repr, unknown))}; known: {', '.join(AUGMENTATIONS)}")
    return tuple(a for a in AUGMENTATIONS if a in wanted)


def augmenter(names: Sequence[str]) -> Callable[[torch.Tensor], torch.Tensor] | None:
    """The chosen augmentations as one transform of a ``3 x H x W`` uint8 tensor (None for none)."""
    if not names:
        return None
    from torchvision.transforms import v2

    return v2.Compose([AUGMENTATIONS[n].make() for n in parse_augment(list(names))])


def augment_image(image: np.ndarray, transform: Callable[[torch.Tensor], torch.Tensor] | None) -> np.ndarray:
    """An RGB uint8 image through ``transform`` (the current torch random state decides)."""
    if transform is None:
        return image
    tensor = torch.from_numpy(np.ascontiguousarray(image)).permute(2, 0, 1)
    return transform(tensor).permute(1, 2, 0).contiguous().numpy()


def preview(image: np.ndarray, names: Sequence[str], count: int = 6, seed: int = 0) -> list[np.ndarray]:
    """``count`` augmented copies of ``image`` (the same ones for the same seed)."""
    transform = augmenter(names)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return [augment_image(image, transform) for _ in range(count)]
