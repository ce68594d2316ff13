"""Draw vislab's app icon: a lens over a heat-map grid of feature squares, on the window's accent blue.

Run from the checkout (``python packaging/make_icon.py``) to rewrite ``resources/icons/``: ``vislab.png``
(512 px), ``vislab-<size>.png`` for the sizes a desktop asks for, ``vislab.ico`` (Windows, several sizes) and
``vislab.icns`` (macOS). The small sizes (up to 32 px) are drawn apart, with fewer, larger squares and a
thicker lens, so they stay clear in a taskbar. Only Pillow is needed; the output is the same on every run.
"""

from __future__ import annotations

import argparse
import itertools
import math
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
#: The sizes written as vislab-<size>.png (the freedesktop hicolor theme's usual ones).
SIZES = (16, 24, 32, 48, 64, 128, 256)  # 512 is vislab.png
SMALL = 32  # this size and below use the simpler drawing

ACCENT = (0, 71, 179)  # the window's accent (vislab/ui/presentation.py, concept_pictures.py): #0047b3
TILE_TOP, TILE_BOTTOM = (30, 100, 214), (0, 44, 122)
LENS = (255, 255, 255)
# A heat map from cool to hot, as Grad-CAM's overlays read; the coolest square is a little lighter than the tile.
HEAT = ((0.0, (58, 111, 209)), (0.45, (64, 196, 236)), (0.72, (255, 214, 64)), (1.0, (255, 84, 32)))


def heat_colour(value: float) -> tuple[int, int, int]:
    """The heat map's colour for ``value`` in [0, 1], interpolated between the stops of :data:`HEAT`."""
    value = min(max(value, 0.0), 1.0)
    for (v0, c0), (v1, c1) in itertools.pairwise(HEAT):
        if value <= v1:
            t = (value - v0) / (v1 - v0)
            return tuple(round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))  # type: ignore[return-value]
    return HEAT[-1][1]


def _tile(size: int, margin: float, radius: float) -> tuple[Image.Image, Image.Image]:
    """The rounded square with its top-to-bottom gradient, and its mask."""
    gradient = Image.new("RGB", (1, size))
    for y in range(size):
        t = y / max(size - 1, 1)
        gradient.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(TILE_TOP, TILE_BOTTOM, strict=True)))
    gradient = gradient.resize((size, size))
    mask = Image.new("L", (size, size), 0)
    lo, hi = margin * size, (1 - margin) * size
    ImageDraw.Draw(mask).rounded_rectangle((lo, lo, hi, hi), radius=radius * size, fill=255)
    return gradient, mask


def _grid(size: int, cells: int, box: tuple[float, float], gap: float, hot: tuple[float, float],
          spread: float) -> Image.Image:
    """``cells`` x ``cells`` squares filling ``box`` (fractions of the size), coloured by their distance to
    ``hot`` (in cells) as a heat map."""
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    lo, hi = box
    step = (hi - lo) / cells
    for row in range(cells):
        for col in range(cells):
            d2 = (row + 0.5 - hot[1]) ** 2 + (col + 0.5 - hot[0]) ** 2
            colour = heat_colour(math.exp(-d2 / (2 * spread**2)))
            x0, y0 = (lo + col * step + gap / 2) * size, (lo + row * step + gap / 2) * size
            x1, y1 = (lo + (col + 1) * step - gap / 2) * size, (lo + (row + 1) * step - gap / 2) * size
            draw.rounded_rectangle((x0, y0, x1, y1), radius=gap * size * 0.6, fill=(*colour, 255))
    return layer


def _circle(size: int, centre: tuple[float, float], radius: float) -> Image.Image:
    mask = Image.new("L", (size, size), 0)
    cx, cy = centre[0] * size, centre[1] * size
    r = radius * size
    ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    return mask


def _lens(canvas: Image.Image, centre: tuple[float, float], radius: float, ring: float, handle: float,
          end: float, shadow: float) -> None:
    """A magnifying glass: a white ring of outer ``radius`` and width ``ring`` with a handle of width ``handle``
    running down-right to ``end`` (fractions of the size); a soft shadow of ``shadow`` lifts it off the grid."""
    size = canvas.width
    cx, cy = centre[0] * size, centre[1] * size
    r = radius * size  # Pillow draws an outline inwards from the box
    start = (radius - ring * 0.3) * size / math.sqrt(2)
    stroke = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(stroke)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=round(ring * size))
    hx0, hy0, hx1 = cx + start, cy + start, end * size
    draw.line((hx0, hy0, hx1, hx1), fill=255, width=round(handle * size))
    cap = handle * size / 2
    draw.ellipse((hx1 - cap, hx1 - cap, hx1 + cap, hx1 + cap), fill=255)
    if shadow:
        blur = stroke.filter(ImageFilter.GaussianBlur(shadow * size))
        dark = Image.new("RGBA", (size, size), (0, 20, 60, 0))
        dark.putalpha(blur.point(lambda v: v * 0.55))
        canvas.alpha_composite(dark, (round(shadow * size * 0.5), round(shadow * size * 0.8)))
    canvas.paste(Image.new("RGBA", (size, size), (*LENS, 255)), (0, 0), stroke)


def draw(size: int) -> Image.Image:
    """The icon at ``size`` x ``size`` pixels (RGBA)."""
    small = size <= SMALL
    scale = 16 if small else 4  # drawn larger, then reduced: smooth edges
    big = size * scale
    margin, radius = (0.0 if size < 24 else 0.03, 0.16) if small else (0.06, 0.2)
    gradient, tile_mask = _tile(big, margin, radius)
    canvas = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    canvas.paste(gradient, (0, 0), tile_mask)

    if small:  # 3 x 3 squares; a thick lens filled with the hot colour
        canvas.alpha_composite(_grid(big, 3, (0.1, 0.9), 0.08, hot=(1.2, 1.2), spread=1.0))
        centre, lens_r = (0.42, 0.42), 0.3
        hot = Image.new("RGBA", (big, big), (*heat_colour(1.0), 255))
        canvas.paste(hot, (0, 0), _circle(big, centre, lens_r - 0.05))
        _lens(canvas, centre, radius=lens_r, ring=0.12, handle=0.17, end=0.85, shadow=0.0)
    else:  # 4 x 4 squares; under the lens the same heat map in finer squares
        box, centre, lens_r = (0.17, 0.83), (0.43, 0.43), 0.25
        canvas.alpha_composite(_grid(big, 4, box, 0.028, hot=(1.45, 1.45), spread=1.15))
        glass = Image.new("RGBA", (big, big), (*TILE_BOTTOM, 255))
        fine = 10 if size >= 128 else 6  # finer squares would blur into a plaid at 48-64 px
        glass.alpha_composite(_grid(big, fine, box, 0.012 if fine == 10 else 0.02, hot=(fine * 0.39, fine * 0.39),
                                    spread=fine * 0.2))
        canvas.paste(glass, (0, 0), _circle(big, centre, lens_r - 0.02))
        # A faint reflection on the glass, upper left.
        shine = Image.new("L", (big, big), 0)
        cx, cy, r = centre[0] * big, centre[1] * big, (lens_r - 0.07) * big
        ImageDraw.Draw(shine).arc((cx - r, cy - r, cx + r, cy + r), 200, 250, fill=140, width=round(0.025 * big))
        canvas.paste(Image.new("RGBA", (big, big), (255, 255, 255, 255)), (0, 0), shine)
        _lens(canvas, centre, radius=lens_r, ring=0.055, handle=0.095, end=0.8, shadow=0.012)

    # Nothing outside the tile (the shadow and handle cap stay within it).
    alpha = Image.composite(canvas.getchannel("A"), Image.new("L", (big, big), 0), tile_mask)
    canvas.putalpha(alpha)
    return canvas.resize((size, size), Image.Resampling.LANCZOS)


def write(folder: Path, sizes: Sequence[int] = SIZES) -> list[Path]:
    """Write the PNGs, the .ico and the .icns into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in sorted(set(sizes) | {16, 32, 48, 256, 512})}
    written = []
    for size, image in images.items():
        if size in sizes:
            written.append(folder / f"vislab-{size}.png")
            image.save(written[-1], optimize=True)
    written.append(folder / "vislab.png")
    images[512].save(written[-1], optimize=True)
    ico_sizes = [s for s in (16, 24, 32, 48, 64, 128, 256) if s in images]
    written.append(folder / "vislab.ico")
    images[256].save(written[-1], sizes=[(s, s) for s in ico_sizes], append_images=[images[s] for s in ico_sizes])
    written.append(folder / "vislab.icns")  # from 1024 px: macOS shows 512 px at 2x on Retina screens
    draw(1024).save(written[-1], append_images=[images[s] for s in (16, 32, 64, 128, 256, 512) if s in images])
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ICONS, help=f"where to write (default: {ICONS})")
    args = parser.parse_args(argv)
    for path in write(args.folder):
        print(path)


if __name__ == "__main__":
    main()
