"""What the commands print: error lines, JSON, aligned tables, ranked predictions and a progress bar."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from ..core.errors import VislabError


class _Ranked(Protocol):
    label: str
    probability: float
    index: int


def fail(message: str) -> None:
    """Print one error line on stderr, the only form in which the CLI reports a mistake."""
    print(f"vislab: {message}", file=sys.stderr)


def print_json(data: Any, indent: int | None = 2) -> None:
    """Print ``data`` as JSON on stdout, for scripts."""
    print(json.dumps(data, indent=indent))


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


def write_file(path: str, write: Callable[[str], object]) -> None:
    """Call ``write(path)``, turning an operating-system error into a one-line :class:`VislabError`."""
    try:
        write(path)
    except OSError as exc:
        raise VislabError(f"{path}: could not be written ({exc.strerror or exc})") from None


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
