"""A float RGB canvas with the few painting operations the landscapes need (layers, glows, haze, grain)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from tools.artwork.noise import clamp01, noise_2d


def rgb(hex_colour: str) -> np.ndarray:
    """'#a1b2c3' → float32 RGB in [0, 1]."""
    value = hex_colour.lstrip("#")
    return np.array([int(value[i : i + 2], 16) / 255.0 for i in (0, 2, 4)], dtype=np.float32)


def mix(a: np.ndarray, b: np.ndarray, t: np.ndarray | float) -> np.ndarray:
    # A weight per row (h,) or per pixel (h, w) gains a channel axis; (h, w, 1) is already shaped.
    if isinstance(t, np.ndarray) and t.ndim in (1, 2):
        t = t[..., None]
    return a + (b - a) * t


def smooth(values: np.ndarray, radius: int) -> np.ndarray:
    """Moving average over 2·radius+1 samples (a sequential cumulative sum: same result on every CPU)."""
    padded = np.pad(values.astype(np.float64), radius + 1, mode="edge")
    total = np.cumsum(padded)
    window = 2 * radius + 1
    return ((total[window:] - total[:-window]) / window)[: values.shape[0]].astype(np.float32)


class Canvas:
    def __init__(self, width: int, height: int, rng: np.random.Generator):
        self.width, self.height, self.rng = width, height, rng
        self.pixels = np.zeros((height, width, 3), dtype=np.float32)
        self.ys = np.arange(height, dtype=np.float32)[:, None]
        self.xs = np.arange(width, dtype=np.float32)[None, :]

    # Backgrounds

    def sky(self, stops: list[tuple[float, str]]) -> None:
        """Vertical gradient through (position 0–1 of the height, colour) stops."""
        t = (self.ys[:, 0] / (self.height - 1)).astype(np.float32)
        column = np.zeros((self.height, 3), dtype=np.float32)
        for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
            inside = (t >= p0) & (t <= p1)
            local = (t[inside] - p0) / max(p1 - p0, 1e-6)
            column[inside] = mix(rgb(c0), rgb(c1), local)
        column[t > stops[-1][0]] = rgb(stops[-1][1])
        self.pixels[:] = column[:, None, :]

    def glow(self, cx: float, cy: float, radius: float, colour: str, strength: float) -> None:
        """A soft light (sun, bright sky) that falls off as 1 / (1 + r²)."""
        r2 = ((self.xs - cx) ** 2 + (self.ys - cy) ** 2) / (radius * radius)
        weight = strength / (1.0 + r2)
        self.pixels += (rgb(colour) - self.pixels) * clamp01(weight)[..., None]

    def disk(self, cx: float, cy: float, radius: float, colour: str, opacity: float = 1.0) -> None:
        distance = np.sqrt((self.xs - cx) ** 2 + (self.ys - cy) ** 2)
        self.blend(clamp01(radius - distance + 0.5) * opacity, rgb(colour))

    def clouds(
        self, top: float, bottom: float, colour: str, cover: float, opacity: float, stretch: float = 6
    ) -> None:
        """Soft horizontal cloud banks between two heights (fractions of the height)."""
        shape = (self.height, self.width)
        field = noise_2d(self.rng, shape, (6, 6 * stretch / 2), octaves=4)
        band = clamp01((self.ys / self.height - top) / 0.04) * clamp01(
            (bottom - self.ys / self.height) / 0.06
        )
        amount = clamp01((field - (1.0 - cover)) / 0.18) * band * opacity
        self.blend(amount, rgb(colour))

    # Layers

    def blend(self, amount: np.ndarray, colour: np.ndarray, top: int = 0) -> None:
        """Alpha-blend a colour (RGB or per-pixel array) with per-pixel coverage, from row `top` down."""
        region = self.pixels[top : top + amount.shape[0]]
        region += (colour - region) * amount[..., None]

    def coverage(self, ridge: np.ndarray, softness: float = 1.0) -> tuple[np.ndarray, int]:
        """Anti-aliased coverage of the area below a ridge line (one y per column), and its first row."""
        top = max(int(np.floor(ridge.min())) - 2, 0)
        slope = np.gradient(ridge.astype(np.float32))
        scale = 1.0 / np.sqrt(1.0 + slope * slope) / softness
        return clamp01((self.ys[top:] - ridge[None, :]) * scale[None, :] + 0.5), top

    def layer(
        self,
        ridge: np.ndarray,
        top_colour: str,
        bottom_colour: str,
        depth: float,
        texture: float = 0.0,
        light: float = 0.0,
        softness: float = 1.0,
        cells: tuple[float, float] = (40, 60),
    ) -> None:
        """Fill below a ridge with a gradient that darkens away from the crest, shaded by the slope."""
        cover, top = self.coverage(ridge, softness)
        below = clamp01((self.ys[top:] - ridge[None, :]) / depth)
        colour = mix(rgb(top_colour), rgb(bottom_colour), below)
        if light:
            # Slopes facing the light (left-up) brighten near the crest; the others darken. The slope
            # is smoothed first, or every small bump of the crest would paint a vertical streak.
            slope = np.clip(np.gradient(smooth(ridge, 48)) * 0.5, -1.0, 1.0)
            near_crest = clamp01(1.0 - below * 1.6)
            colour = colour * (1.0 + light * slope[None, :, None] * near_crest[..., None])
        if texture:
            grain = noise_2d(self.rng, (self.height - top, self.width), cells, octaves=3)
            colour = colour * (1.0 + texture * (grain[..., None] - 0.5))
        self.blend(cover, colour, top)

    def haze(self, top: float, bottom: float, colour: str, opacity: float) -> None:
        """A mist band: strongest at mid-height between two y positions (pixels)."""
        middle = (top + bottom) / 2
        half = (bottom - top) / 2
        amount = clamp01(1.0 - np.abs(self.ys - middle) / half) * opacity
        amount = amount * amount * (3.0 - 2.0 * amount)
        self.blend(np.broadcast_to(amount, (self.height, self.width)), rgb(colour))

    # Output

    def image(self, grain: float = 0.012) -> Image.Image:
        """Add a fine film grain (it also hides gradient banding) and quantise to 8-bit RGB."""
        shape = (self.height, self.width)
        fine = noise_2d(self.rng, shape, (self.height / 2, self.width / 2))
        out = self.pixels + (fine[..., None] - 0.5) * (2.0 * grain)
        data = np.clip(out * 255.0 + 0.5, 0.0, 255.0).astype(np.uint8)
        return Image.fromarray(data, "RGB")
