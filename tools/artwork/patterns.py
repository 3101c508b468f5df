"""Three decorative geometric patterns drawn by the project (palette PNGs with a handful of colours)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image

# Index 0 is the background; each pattern uses at most five entries.
PALETTES: dict[str, list[str]] = {
    "pattern-lozenge": ["#f3ead8", "#2f3e66", "#b8483a", "#d9a441", "#5c7a6a"],
    "pattern-zigzag": ["#f1e8d6", "#2e6f73", "#c98b3a", "#8c3b3b"],
    "pattern-stars": ["#f2ead9", "#27365a", "#c4883d", "#9d4338"],
}


def _grid(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    return np.mgrid[0:height, 0:width].astype(np.int64)


def lozenge(width: int, height: int) -> np.ndarray:
    """Nested lozenges on a diamond lattice, with small dots at the lattice corners."""
    y, x = _grid(width, height)
    cell = 150
    u = np.abs((x % cell) - cell // 2)
    v = np.abs((y % cell) - cell // 2)
    d = u + v  # L1 distance: diamonds
    index = np.zeros_like(d)
    index[(d < 70) & (d >= 58)] = 1
    index[(d < 46) & (d >= 36)] = 2
    index[d < 18] = 3
    index[(d < 24) & (d >= 18)] = 1
    corner = np.abs(((x + cell // 2) % cell) - cell // 2) + np.abs(((y + cell // 2) % cell) - cell // 2)
    index[corner < 10] = 4
    return index.astype(np.uint8)


def zigzag(width: int, height: int) -> np.ndarray:
    """Horizontal bands of zigzag lines in alternating colours."""
    y, x = _grid(width, height)
    period, amplitude, band = 120, 30, 75
    tooth = np.abs((x % period) - period // 2) * (2 * amplitude) // (period // 2) - amplitude
    shifted = y + tooth
    row = shifted // band
    phase = shifted % band
    index = np.zeros_like(row)
    colour = 1 + (row % 3)
    index = np.where(phase < 16, colour, index)
    index = np.where((phase >= 34) & (phase < 40), 2, index)
    return index.astype(np.uint8)


def stars(width: int, height: int) -> np.ndarray:
    """Eight-pointed stars (two overlapping squares) on a square grid, with small lozenges between."""
    y, x = _grid(width, height)
    cell = 180
    u = (x % cell) - cell // 2
    v = (y % cell) - cell // 2
    square = np.maximum(np.abs(u), np.abs(v))
    diamond = np.abs(u) + np.abs(v)
    star = (square < 46) | (diamond < 64)
    inner = (square < 22) | (diamond < 30)
    index = np.zeros_like(u)
    index[star] = 1
    index[inner] = 2
    index[(square < 8) & (diamond < 10)] = 3
    between = np.abs(((x + cell // 2) % cell) - cell // 2) + np.abs(((y + cell // 2) % cell) - cell // 2)
    index[between < 16] = 3
    return index.astype(np.uint8)


PATTERNS: dict[str, Callable[[int, int], np.ndarray]] = {
    "pattern-lozenge": lozenge,
    "pattern-zigzag": zigzag,
    "pattern-stars": stars,
}


def render_pattern(name: str, width: int, height: int) -> Image.Image:
    """The pattern as a palette ('P') image with only its own colours."""
    image = Image.fromarray(PATTERNS[name](width, height), "P")
    palette: list[int] = []
    for colour in PALETTES[name]:
        value = colour.lstrip("#")
        palette.extend(int(value[i : i + 2], 16) for i in (0, 2, 4))
    image.putpalette(palette, rawmode="RGB")
    return image
