"""Smooth value noise built only from exactly-rounded operations, so pixels are identical on every CPU."""

from __future__ import annotations

import numpy as np

# Why no np.sin/np.exp/np.power: their SIMD implementations may differ in the last bit between
# machines; +, -, *, /, sqrt and floor are exactly rounded everywhere, and PCG64 uniforms are portable.


def smoothstep(t: np.ndarray) -> np.ndarray:
    return t * t * (3.0 - 2.0 * t)


def clamp01(t: np.ndarray) -> np.ndarray:
    return np.clip(t, 0.0, 1.0)


def ramp(t: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """0 below `lo`, 1 above `hi`, smooth in between."""
    return smoothstep(clamp01((t - lo) / (hi - lo)))


def _axis(length: int, cells: float) -> tuple[np.ndarray, np.ndarray]:
    pos = np.arange(length, dtype=np.float64) * (cells / length)
    index = np.floor(pos).astype(np.int64)
    return index, smoothstep(pos - index).astype(np.float32)


def noise_1d(
    rng: np.random.Generator, length: int, cells: float, octaves: int = 1, gain: float = 0.5
) -> np.ndarray:
    """Fractal value noise in [0, 1] along one axis, `cells` lattice cells over the whole length."""
    total = np.zeros(length, dtype=np.float32)
    amplitude, norm = 1.0, 0.0
    for octave in range(octaves):
        c = cells * (1 << octave)
        lattice = rng.random(int(c) + 3).astype(np.float32)
        index, t = _axis(length, c)
        total += amplitude * (lattice[index] * (1.0 - t) + lattice[index + 1] * t)
        norm += amplitude
        amplitude *= gain
    return total / np.float32(norm)


def noise_2d(
    rng: np.random.Generator,
    shape: tuple[int, int],
    cells: tuple[float, float],
    octaves: int = 1,
    gain: float = 0.5,
) -> np.ndarray:
    """Fractal value noise in [0, 1] over an image; `cells` is (rows, columns) of the first octave."""
    height, width = shape
    total = np.zeros(shape, dtype=np.float32)
    amplitude, norm = 1.0, 0.0
    for octave in range(octaves):
        cy, cx = cells[0] * (1 << octave), cells[1] * (1 << octave)
        lattice = rng.random((int(cy) + 3, int(cx) + 3)).astype(np.float32)
        ix, tx = _axis(width, cx)
        iy, ty = _axis(height, cy)
        rows = lattice[:, ix] * (1.0 - tx) + lattice[:, ix + 1] * tx
        total += amplitude * (rows[iy] * (1.0 - ty)[:, None] + rows[iy + 1] * ty[:, None])
        norm += amplitude
        amplitude *= gain
    return total / np.float32(norm)


def triangle(x: np.ndarray) -> np.ndarray:
    """Periodic triangle wave in [0, 1] with period 1: sharp crests for ridged peaks."""
    return np.abs(2.0 * (x - np.floor(x)) - 1.0)
