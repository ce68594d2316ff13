"""A teaching dataset: named classes, each a list of image files, that the window edits and training reads.

The on-disk layout is torchvision's ``ImageFolder``: one subfolder per class. :class:`Dataset` is plain,
mutable data (add, rename and remove classes; add files or folders to a class); :meth:`Dataset.problems` says
what stops training (fewer than two classes, an empty class) and :meth:`Dataset.warnings` what makes it
doubtful (a class with fewer than :data:`MIN_IMAGES` images, a very unbalanced set). :func:`split` makes the
stratified validation split with a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImageReadError, VislabError
from ..images import expand_paths, is_image_path

__all__ = ["MIN_IMAGES", "UNBALANCED_RATIO", "Dataset", "DatasetError", "Split", "split"]

#: Fewer images than this in a class draws a warning. With the default 20 % validation split, 10 images leave
#: 2 for validation, so the class's validation accuracy can only read 0, 50 or 100 %; and a head fitted to fewer
#: than about 8 examples a class learns those photos, not the class.
MIN_IMAGES = 10
#: The largest class holding more than this many times the smallest one's images draws a warning: the model
#: then gains most by answering the big class (a 4:1 set is 80 % "accurate" answering it always).
UNBALANCED_RATIO = 4.0


class DatasetError(VislabError):
    """A dataset that cannot be trained on: the message names the folder or class and the reason."""


@dataclass
class Dataset:
    """Classes in order, each with its image files.

    Attributes:
        classes: class name to its files, in the order the classes were added (the model's class order).
        root: the folder it was read from, when it was (:meth:`from_folder`).
    """

    classes: dict[str, list[Path]] = field(default_factory=dict)
    root: Path | None = None

    @classmethod
    def from_folder(cls, folder: str | Path) -> Dataset:
        """The class-folder dataset under ``folder``: each subfolder a class (named after it), its images
        recursively; a subfolder with no image is an empty class. No image is opened here.

        Raises:
            DatasetError: ``folder`` does not exist, is a file, or holds images directly instead of class
                subfolders.
        """
        root = Path(folder).expanduser()
        if not root.exists():
            raise DatasetError(f"{root}: no such folder")
        if not root.is_dir():
            raise DatasetError(f"{root}: is a file, not a folder of class subfolders")
        loose = sorted(p.name for p in root.iterdir() if p.is_file() and is_image_path(p))
        if loose:
            raise DatasetError(f"{root}: holds images directly ({', '.join(loose[:3])}"
                               f"{' ...' if len(loose) > 3 else ''}); put each class's images in a subfolder "
                               "named after the class")
        dataset = cls(root=root)
        for sub in sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                          key=lambda p: p.name.lower()):
            dataset.classes[sub.name] = expand_paths([sub])
        return dataset

    # -- editing --------------------------------------------------------------------------------------------

    def add_class(self, name: str) -> str:
        """Add an empty class; returns its name, stripped.

        Raises:
            DatasetError: the name is empty or already a class.
        """
        name = self._check_name(name)
        self.classes[name] = []
        return name

    def rename_class(self, old: str, new: str) -> str:
        """Rename class ``old`` to ``new`` keeping its place and files."""
        self._need(old)
        new = new.strip()
        if new == old:
            return new
        new = self._check_name(new)
        self.classes = {(new if k == old else k): v for k, v in self.classes.items()}
        return new

    def remove_class(self, name: str) -> list[Path]:
        """Remove class ``name``; returns its files."""
        self._need(name)
        return self.classes.pop(name)

    def add_files(self, name: str, paths: Iterable[str | Path]) -> int:
        """Add images and the images inside folders to class ``name`` (a file already in the class is not added
        twice; a file that is not an image by its name is left out); returns how many were added."""
        self._need(name)
        have = set(self.classes[name])
        added = 0
        for path in expand_paths(paths):
            if is_image_path(path) and path not in have:
                self.classes[name].append(path)
                have.add(path)
                added += 1
        return added

    def remove_files(self, name: str, paths: Iterable[str | Path]) -> None:
        """Take files out of class ``name``."""
        self._need(name)
        gone = {Path(p) for p in paths}
        self.classes[name] = [p for p in self.classes[name] if p not in gone]

    def _check_name(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise DatasetError("a class needs a name")
        if name in self.classes:
            raise DatasetError(f"there is already a class called {name!r}")
        return name

    def _need(self, name: str) -> None:
        if name not in self.classes:
            raise DatasetError(f"no class called {name!r}")

    # -- reading --------------------------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        return list(self.classes)

    def counts(self) -> dict[str, int]:
        return {name: len(files) for name, files in self.classes.items()}

    def __len__(self) -> int:
        return sum(len(files) for files in self.classes.values())

    def items(self) -> list[tuple[Path, int]]:
        """Every (file, class index), class by class."""
        return [(path, i) for i, files in enumerate(self.classes.values()) for path in files]

    def where(self) -> str:
        return str(self.root) if self.root is not None else "the dataset"

    def problems(self) -> list[str]:
        """What stops training, one line each (empty when it can train)."""
        found = []
        if len(self.classes) < 2:
            have = f"only {len(self.classes)} class" if self.classes else "no classes"
            found.append(f"{self.where()}: {have}; training needs at least 2 classes (one subfolder each)")
        for name, files in self.classes.items():
            if not files:
                found.append(f"{self.where()}: class {name!r} has no images")
        return found

    def check(self) -> None:
        """Raise the first of :meth:`problems` as a :class:`DatasetError` (all of them in its message)."""
        found = self.problems()
        if found:
            raise DatasetError("; ".join(found))

    def warnings(self) -> list[str]:
        """What makes training doubtful, one line each: small classes, a very unbalanced set."""
        found = [f"class {name!r} has only {n} image{'s' if n != 1 else ''} (fewer than {MIN_IMAGES}): its "
                 "accuracy will mean little" for name, n in self.counts().items() if 0 < n < MIN_IMAGES]
        sizes = [n for n in self.counts().values() if n]
        if len(sizes) >= 2 and max(sizes) > UNBALANCED_RATIO * min(sizes):
            big = max(self.counts(), key=self.counts().get)
            small = min((k for k, v in self.counts().items() if v), key=self.counts().get)
            found.append(f"unbalanced: {big!r} has {max(sizes)} images, {small!r} {min(sizes)}; the model may "
                         "learn to answer the big class")
        return found


@dataclass(frozen=True)
class Split:
    """Indices into :meth:`Dataset.items` for training and validation."""

    train: tuple[int, ...]
    val: tuple[int, ...]


def split(labels: Sequence[int], fraction: float, seed: int = 0) -> Split:
    """A stratified split: ``fraction`` of each class (rounded, at least one image when the class has two or
    more, never all of them) goes to validation, chosen with ``seed``.

    Raises:
        DatasetError: ``fraction`` is not in [0, 1).
    """
    if not 0.0 <= fraction < 1.0:
        raise DatasetError(f"the validation fraction must be at least 0 and less than 1, not {fraction}")
    rng = random.Random(seed)
    by_class: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        by_class.setdefault(label, []).append(index)
    train, val = [], []
    for label in sorted(by_class):
        members = by_class[label][:]
        rng.shuffle(members)
        n_val = round(fraction * len(members))
        if fraction > 0 and len(members) >= 2:
            n_val = max(1, n_val)
        n_val = min(n_val, len(members) - 1)
        val += members[:n_val]
        train += members[n_val:]
    return Split(tuple(sorted(train)), tuple(sorted(val)))


def readable(error: BaseException) -> str:
    """One line for a file training skipped."""
    if isinstance(error, ImageReadError):
        return str(error)
    return f"{type(error).__name__}: {error}"
