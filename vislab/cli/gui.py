"""``vislab [IMAGE...]``: the window, opened on these images."""

from __future__ import annotations

from pathlib import Path

from .commands import build_parser


def open_window(paths: list[str]) -> int:
    """Run the window on ``paths`` and return its exit status.

    An option among the paths is a usage error: the parser prints it and exits, as for a command.
    """
    if any(p.startswith("-") for p in paths):
        build_parser().parse_args(paths)
    from ..ui.app import run  # Qt only when the window is asked for

    return run([str(Path(p)) for p in paths])
