"""The faithfulness curves drawn with matplotlib, for a file (the command line) or the window's canvas.

Imports neither torch nor Qt: the window draws on its own thread."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .faithfulness import Faithfulness

def draw(figure, scores: Mapping[str, Faithfulness], names: dict[str, str] | None = None,
         labels: dict[str, str] | None = None) -> None:
    """The deletion and insertion curves of each method side by side, each line labelled with its area.

    Drawn on a matplotlib figure (a file's or the window's canvas); ``labels`` replaces the words (keys
    ``deletion``, ``insertion``, ``xlabel``, ``ylabel``), for an interface in another language."""
    words = {"deletion": "Deletion (lower is better)", "insertion": "Insertion (higher is better)",
             "xlabel": "Fraction of pixels", "ylabel": "Probability of the class"} | (labels or {})
    figure.clear()
    left, right = figure.subplots(1, 2, sharey=True)
    for n, (method, result) in enumerate(scores.items()):
        name = (names or {}).get(method, method)
        colour = f"C{n % 10}"
        left.plot(result.fractions, result.deletion, color=colour, label=f"{name}: {result.deletion_auc:.3f}")
        right.plot(result.fractions, result.insertion, color=colour, label=f"{name}: {result.insertion_auc:.3f}")
    for axes, key in ((left, "deletion"), (right, "insertion")):
        axes.set_title(words[key])
        axes.set_xlabel(words["xlabel"])
        axes.set_xlim(0, 1)
        axes.set_ylim(0, 1.02)
        axes.grid(alpha=0.3)
        if scores:
            axes.legend(fontsize="small")
    left.set_ylabel(words["ylabel"])


def plot(path, scores: Mapping[str, Faithfulness], names: dict[str, str] | None = None) -> None:
    """Save :func:`draw` as an image file (its suffix picks the format)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4), dpi=120, layout="constrained")
    FigureCanvasAgg(figure)
    draw(figure, scores, names)
    figure.savefig(path)


def draw_spread(figure, per_image, names: Mapping[str, str] | None = None,
                labels: Mapping[str, str] | None = None) -> None:
    """Box plots of each method's deletion and insertion areas over several images (``score_methods``' answers,
    one per image; failures are left out)."""
    words = {"deletion": "Deletion area (lower is better)", "insertion": "Insertion area (higher is better)"} | (
        labels or {})
    areas: dict[str, tuple[list[float], list[float]]] = {}
    for results in per_image:
        for method, result in results.items():
            deletion, insertion = areas.setdefault(method, ([], []))
            if hasattr(result, "deletion_auc"):
                deletion.append(result.deletion_auc)
                insertion.append(result.insertion_auc)
    methods = [m for m, (d, _) in areas.items() if d]
    figure.clear()
    left, right = figure.subplots(1, 2)
    ticks = [(names or {}).get(m, m) for m in methods]
    for axes, which, key in ((left, 0, "deletion"), (right, 1, "insertion")):
        if methods:
            axes.boxplot([areas[m][which] for m in methods], vert=False, tick_labels=ticks)
        axes.set_title(words[key])
        axes.set_xlim(0, 1)
        axes.grid(alpha=0.3, axis="x")
    right.tick_params(labelleft=False)  # the same methods, in the same rows, as on the left
