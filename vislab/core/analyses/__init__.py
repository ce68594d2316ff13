"""The analyses a front end runs on a photo, as specs in one registry.

An :class:`Analysis` says what it is called, what it depends on (the photo, the model, the pipeline fed to
it, the target class...), the function that computes it, and the typed result it returns. A front end
(the window's session, a script) builds a :class:`Request` from what the person chose, and recomputes an
analysis only when the values it depends on change: :meth:`Analysis.key` is what an answer was computed
for, so an answer whose key is no longer current is stale and dropped. Adding an analysis is adding one
entry to :data:`ANALYSES`; nothing else in the core or the window changes.

This module imports neither torch nor Qt: the window imports it on its own thread. The analyses' bodies
(:mod:`.builtin`) import the heavy modules inside their functions, which run on workers.
"""

from __future__ import annotations

from . import builtin as _builtin  # noqa: F401 - registers the built-in analyses
from ._base import (
    ANALYSES,
    DEPENDENCIES,
    PREVIEW_SIDE,
    Analysis,
    Choices,
    Context,
    Request,
    get_analysis,
    run_analysis,
)

__all__ = ["ANALYSES", "DEPENDENCIES", "PREVIEW_SIDE", "Analysis", "Choices", "Context", "Request", "get_analysis",
           "run_analysis"]
