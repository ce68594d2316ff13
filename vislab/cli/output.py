"""What the commands print and write: error lines, JSON, aligned tables, ranked predictions, a progress bar,
and the output files, checked before the work and each written whatever happens to the others."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from ..core.errors import OptionError, VislabError

#: What an output file holds: an image (its suffix picks the format), a matplotlib plot (likewise), a numpy
#: array or a CSV table (the option fixes the format: a name without a suffix is kept as given).
OutputKind = Literal["image", "plot", "npy", "csv"]


class _Ranked(Protocol):
    label: str
    probability: float
    index: int


def fail(message: str) -> None:
    """Print one error line on stderr, the only form in which the CLI reports a mistake."""
    print(f"vislab: {message}", file=sys.stderr)


def note(message: str) -> None:
    """Print one line on stderr about something vislab did differently from what was typed."""
    print(f"vislab: note: {message}", file=sys.stderr)


def print_json(data: Any, indent: int | None = 2) -> None:
    """Print ``data`` as strict JSON on stdout, for scripts.

    Raises:
        VislabError: ``data`` holds NaN or infinity, which JSON cannot carry (nothing is printed).
    """
    try:
        text = json.dumps(data, indent=indent, allow_nan=False)
    except ValueError:
        raise VislabError("the results hold a number that is not finite (NaN or infinity), which JSON cannot "
                          "carry; nothing was printed") from None
    print(text)


def print_table(rows: list[tuple[str, ...]], right: set[str]) -> None:
    """Print ``rows`` (the first is the header) in aligned columns, right-aligning the columns named in ``right``."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    header = rows[0]
    for n, row in enumerate(rows):
        cells = [cell.rjust(w) if header[i] in right else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_predictions(predictions: Iterable[_Ranked]) -> None:
    """Print ranked predictions, one a line: rank, label, probability and class index."""
    predictions = list(predictions)
    width = max(len(p.label) for p in predictions)
    for rank, p in enumerate(predictions, 1):
        print(f"  {rank:2d}. {p.label:<{width}}  {100 * p.probability:6.2f} %  #{p.index}")


def check_outputs(*outputs: tuple[str, str | None, OutputKind]) -> None:
    """Refuse, before any slow work, an output file that could not be written.

    Each output is ``(option, path, kind)``; a None path (the option not given) is skipped. A path must not
    be a folder, its folder must exist and be writable, its suffix must name a format of its kind, and two
    outputs must not name the same file.

    Raises:
        OptionError: one line naming the option, the path and the reason.
    """
    seen: dict[Path, str] = {}
    for option, path, kind in outputs:
        if path is None:
            continue
        _check_output(option, path, kind)
        resolved = Path(path).expanduser().resolve()
        if resolved in seen:
            raise OptionError(f"{seen[resolved]} and {option} both name {path}: give each its own file")
        seen[resolved] = option


def _check_output(option: str, path: str, kind: OutputKind) -> None:
    if not path.strip():
        raise OptionError(f"{option} is empty: name the file to write")
    target = Path(path).expanduser()
    if path.endswith(("/", os.sep)) or target.is_dir():
        raise OptionError(f"{option} {path}: is a folder; name a file in it")
    suffix = target.suffix.lower()
    formats = output_formats(kind)
    if suffix not in formats and not (kind in ("npy", "csv") and not suffix):
        raise OptionError(f"{option} {path}: vislab writes {_WORDS[kind]} as {', '.join(formats)}, not "
                          f"{suffix or 'a name without a suffix'}")
    folder = target.parent
    if target.exists():
        if not os.access(target, os.W_OK):
            raise OptionError(f"{option} {path}: the file is read-only")
    elif not folder.is_dir():
        raise OptionError(f"{option} {path}: the folder {folder} does not exist")
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise OptionError(f"{option} {path}: the folder {folder} is not writable")


_WORDS = {"image": "an image", "plot": "a plot", "npy": "an array", "csv": "a table"}


def output_formats(kind: OutputKind) -> tuple[str, ...]:
    """The suffixes an output of ``kind`` may end with: for images, the formats vislab both reads and can
    save (a saved picture opens again); for plots, matplotlib's."""
    if kind == "npy":
        return (".npy",)
    if kind == "csv":
        return (".csv",)
    if kind == "image":
        from PIL import Image

        from ..core.images import IMAGE_SUFFIXES

        Image.init()
        saved = {ext for ext, name in Image.registered_extensions().items() if name in Image.SAVE}
        return tuple(s for s in IMAGE_SUFFIXES if s in saved)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    return tuple(f".{ext}" for ext in FigureCanvasAgg(Figure()).get_supported_filetypes())


def write_outputs(writes: Sequence[tuple[str, Callable[[str], object]]]) -> list[str]:
    """Call each ``write(path)``; a failure is one error line on stderr and the others are still written.

    Returns:
        The paths that were written.
    """
    written = []
    for path, write in writes:
        try:
            write(path)
        except VislabError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{path}: could not be written ({exc.strerror or exc})")
        except Exception as exc:  # a library's own error (matplotlib, PIL): the other files still count
            fail(f"{path}: could not be written ({type(exc).__name__}: {exc})")
        else:
            written.append(path)
    return written


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or a log)."""

    def __init__(self, label: str, total: int = 0) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = sys.stderr
        self.active = self.stream.isatty()
        self.drawn = False

    def bytes(self, done: int, total: int) -> None:
        """Progress in bytes (a weights download)."""
        self.done, self.total = done, total
        self._draw(f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB")

    def count(self, done: int, total: int) -> None:
        """Progress in plain counts (Score-CAM's channels, a sweep's steps)."""
        self.done, self.total = done, total
        self._draw(f"{done}/{total}")

    def step(self) -> None:
        """One more of ``total`` done."""
        self.done += 1
        self._draw(f"{self.done}/{self.total}")

    def _draw(self, text: str) -> None:
        if not self.active:
            return
        filled = int(30 * self.done / self.total) if self.total else 0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {text}  ")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Erase the bar so that a line of results can be printed in its place."""
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False

    def close(self) -> None:
        """Erase the bar for good."""
        self.clear()
