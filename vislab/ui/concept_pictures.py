"""The Concepts panel's pictures, drawn with matplotlib into ``resources/concepts/*.png``.

Run ``python -m vislab.ui.concept_pictures`` after changing a drawing; the PNGs are shipped as
resources. The feature-map and patch pictures are made from the bundled sample photo, so students see real
filters' answers and a real 14 x 14 patch grid, not a sketch. The pictures carry no words: the panel's
translated text explains them, so they serve every language.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

#: Each picture's size in inches at :data:`DPI`: shown at about 400 px wide in the panel.
SIZE, DPI = (6.4, 3.0), 100
ACCENT, FAINT = "#0047b3", "#c8d3e6"
PICTURES: dict[str, Callable] = {}


def picture(concept_id: str) -> Callable:
    """Register a drawing for the concept ``concept_id``."""
    def register(draw: Callable) -> Callable:
        PICTURES[concept_id] = draw
        return draw
    return register


def _photo(size: int = 224) -> np.ndarray:
    """The bundled cat, centre-cropped to ``size`` x ``size``, RGB floats in 0-1."""
    from PIL import Image

    from ..resources import resources_dir

    image = Image.open(resources_dir() / "samples" / "chelsea.png").convert("RGB")
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    image = image.crop((left, top, left + side, top + side)).resize((size, size), Image.Resampling.BICUBIC)
    return np.asarray(image, dtype=np.float32) / 255


def _grid(ax, n: int, origin: tuple[float, float], colour: str = "#999999") -> None:
    x0, y0 = origin
    for i in range(n + 1):
        ax.plot([x0, x0 + n], [y0 + i, y0 + i], color=colour, lw=0.8)
        ax.plot([x0 + i, x0 + i], [y0, y0 + n], color=colour, lw=0.8)


@picture("convolution")
def _convolution(fig) -> None:
    """A 3x3 filter over a 7x7 image; each position gives one value of the 5x5 output."""
    from matplotlib.patches import FancyArrowPatch, Rectangle

    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-0.5, 17.5)
    ax.set_ylim(-1, 8)
    ax.set_aspect("equal")
    ax.axis("off")
    rng = np.random.default_rng(3)
    ax.imshow(rng.random((7, 7)), cmap="Greys", extent=(0, 7, 0, 7), alpha=0.35, vmin=0, vmax=1.5)
    _grid(ax, 7, (0, 0))
    for k, (col, row) in enumerate(((0, 4), (1, 4), (2, 4))):  # the filter, sliding to the right
        last = k == 2
        ax.add_patch(Rectangle((col, row), 3, 3, fill=last, facecolor=ACCENT if last else "none", alpha=0.35 if last
                               else 0.9, edgecolor=ACCENT, lw=2.5 if last else 1.2, ls="-" if last else "--"))
    ax.imshow(rng.random((5, 5)), cmap="Blues", extent=(11, 16, 1, 6), alpha=0.35, vmin=0, vmax=1.5)
    _grid(ax, 5, (11, 1))
    ax.add_patch(Rectangle((13, 5), 1, 1, facecolor=ACCENT, alpha=0.8, edgecolor=ACCENT))
    for row in (4, 5, 6):  # the filter's weights (a vertical-edge filter), where it is now
        for j, weight in enumerate(("-1", "0", "1")):
            ax.text(2 + j + 0.5, row + 0.5, weight, ha="center", va="center", fontsize=9, color="#111111")
    ax.add_patch(FancyArrowPatch((5.2, 5.5), (13.1, 5.5), arrowstyle="-|>", mutation_scale=18, lw=2, color=ACCENT,
                                 connectionstyle="arc3,rad=-0.25"))
    ax.annotate("", xy=(3.6, 7.4), xytext=(0.4, 7.4), arrowprops={"arrowstyle": "->", "color": "#555555"})


def _edges(gray: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    from numpy.lib.stride_tricks import sliding_window_view

    windows = sliding_window_view(np.pad(gray, 1, mode="edge"), (3, 3))
    return np.abs(np.einsum("ijkl,kl->ij", windows, kernel))


@picture("feature_map")
def _feature_map(fig) -> None:
    """The photo and the answers of two 3x3 filters: vertical and horizontal edges (bright: present)."""
    photo = _photo(160)
    gray = photo @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    sobel = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float32)
    maps = [photo, _edges(gray, sobel), _edges(gray, sobel.T)]
    for i, image in enumerate(maps):
        ax = fig.add_axes((0.02 + i * 0.33, 0.05, 0.3, 0.9))
        ax.imshow(image if i == 0 else image / np.percentile(image, 99), cmap=None if i == 0 else "magma",
                  vmin=0, vmax=1)
        ax.axis("off")
        if i:
            small = (sobel if i == 1 else sobel.T)
            inset = ax.inset_axes((0.02, 0.72, 0.26, 0.26))
            inset.imshow(small, cmap="coolwarm", vmin=-2, vmax=2)
            inset.set_xticks([])
            inset.set_yticks([])


@picture("patch")
def _patch(fig) -> None:
    """A 224 px photo cut into 14 x 14 patches of 16 px; the patches in a row become tokens, a class token
    first."""
    from matplotlib.patches import FancyArrowPatch, Rectangle

    photo = _photo(224)
    ax = fig.add_axes((0.01, 0.04, 0.42, 0.92))
    ax.imshow(photo, extent=(0, 224, 224, 0))
    for i in range(0, 225, 16):
        ax.axhline(i, color="white", lw=0.7)
        ax.axvline(i, color="white", lw=0.7)
    ax.add_patch(Rectangle((96, 64), 16, 16, fill=False, edgecolor=ACCENT, lw=2.5))
    ax.set_xlim(0, 224)
    ax.set_ylim(224, 0)
    ax.axis("off")
    tokens = fig.add_axes((0.47, 0.04, 0.52, 0.92))
    tokens.set_xlim(0, 10)
    tokens.set_ylim(0, 10)
    tokens.axis("off")
    tokens.add_patch(Rectangle((0.3, 7.6), 1.1, 1.1, facecolor="#222222"))  # the class token
    picks = [(0, 0), (0, 1), (0, 2), (4, 6)]
    for n, (row, col) in enumerate(picks):
        x = 1.8 + n * 1.6 + (0.9 if n == 3 else 0)
        tokens.imshow(photo[row * 16:(row + 1) * 16, col * 16:(col + 1) * 16], extent=(x, x + 1.1, 7.6, 8.7))
        if n == 3:
            tokens.add_patch(Rectangle((x, 7.6), 1.1, 1.1, fill=False, edgecolor=ACCENT, lw=2.5))
    tokens.text(7.15, 8.1, "…", fontsize=18, ha="center", va="center")
    for n in range(6):  # each token becomes a vector
        x = 0.5 + n * 1.6 if n < 5 else 8.6
        if n == 4:
            continue
        for k in range(6):
            tokens.add_patch(Rectangle((x + 0.2, 5.8 - k * 0.55), 0.5, 0.45, facecolor=ACCENT if n else "#222222",
                                       alpha=0.25 + 0.12 * ((n * 7 + k * 3) % 6)))
    tokens.text(7.15, 4.4, "…", fontsize=18, ha="center", va="center")
    tokens.set_ylim(2, 10)
    fig.add_artist(FancyArrowPatch((0.44, 0.62), (0.8, 0.85), transform=fig.transFigure, arrowstyle="-|>",
                                   mutation_scale=16, color=ACCENT, lw=1.8, connectionstyle="arc3,rad=-0.3"))


@picture("attention_head")
def _attention(fig) -> None:
    """The class token attends to every patch at once; a line's width is how much."""
    from matplotlib.patches import Rectangle

    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-0.5, 12.5)
    ax.set_ylim(-1, 6)
    ax.axis("off")
    weights = np.array([0.02, 0.05, 0.3, 0.4, 0.1, 0.03, 0.02, 0.08])
    xs = np.linspace(0.5, 11.5, len(weights))
    for x, w in zip(xs, weights, strict=True):
        ax.plot([6, x], [4.6, 0.9], color=ACCENT, lw=0.5 + 14 * w, alpha=0.35 + w, solid_capstyle="round")
        ax.add_patch(Rectangle((x - 0.45, 0), 0.9, 0.9, facecolor=FAINT, edgecolor="#555555"))
    ax.add_patch(Rectangle((5.5, 4.6), 1, 1, facecolor="#222222"))


@picture("cnn_vs_vit")
def _cnn_vs_vit(fig) -> None:
    """Left: a CNN's receptive field grows layer by layer (3x3, 5x5, 7x7 around one pixel). Right: in a ViT's
    first block, one patch already reaches every other."""
    from matplotlib.patches import Rectangle

    left = fig.add_axes((0.02, 0.05, 0.44, 0.9))
    left.set_xlim(0, 9)
    left.set_ylim(0, 9)
    left.set_aspect("equal")
    left.axis("off")
    _grid(left, 9, (0, 0), "#cccccc")
    for size, alpha in ((7, 0.12), (5, 0.22), (3, 0.4)):
        start = (9 - size) / 2
        left.add_patch(Rectangle((start, start), size, size, facecolor=ACCENT, alpha=alpha, edgecolor=ACCENT))
    left.add_patch(Rectangle((4, 4), 1, 1, facecolor="#222222"))
    right = fig.add_axes((0.54, 0.05, 0.44, 0.9))
    right.set_xlim(0, 6)
    right.set_ylim(0, 6)
    right.set_aspect("equal")
    right.axis("off")
    _grid(right, 6, (0, 0), "#cccccc")
    for row in range(6):
        for col in range(6):
            if (row, col) != (3, 2):
                right.plot([2.5, col + 0.5], [3.5, row + 0.5], color=ACCENT, lw=0.8, alpha=0.5)
    right.add_patch(Rectangle((2, 3), 1, 1, facecolor="#222222"))


def _shrink(path: Path) -> None:
    """A palette of 256 colours: a tenth of the size, no visible change at this size."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def draw(folder: Path) -> list[Path]:
    """Draw every picture into ``folder``; returns the files written."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for concept_id, drawing in PICTURES.items():
        fig = Figure(figsize=SIZE, dpi=DPI)
        drawing(fig)
        path = folder / f"{concept_id}.png"
        fig.savefig(path, dpi=DPI, facecolor="white")
        _shrink(path)
        written.append(path)
    return written


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    for path in draw(root / "resources" / "concepts"):
        print(f"wrote {path}", file=sys.stderr)
