"""Structural similarity (SSIM) of two same-sized images, on luma, with numpy only."""

from __future__ import annotations

import numpy as np
from PIL import Image

_WIN = 7  # window side, as scikit-image's default
_C1 = (0.01 * 255) ** 2
_C2 = (0.03 * 255) ** 2


def _box_mean(a: np.ndarray) -> np.ndarray:
    # Mean over every WIN×WIN window ("valid" positions only), via a summed-area table.
    s = np.pad(a, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    w = _WIN
    total = s[w:, w:] - s[:-w, w:] - s[w:, :-w] + s[:-w, :-w]
    return total / (w * w)


def ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean SSIM of the luma of `a` and `b` (1.0 = identical)."""
    if a.size != b.size:
        raise ValueError(f"sizes differ: {a.size} != {b.size}")
    x = np.asarray(a.convert("L"), dtype=np.float64)
    y = np.asarray(b.convert("L"), dtype=np.float64)
    if min(x.shape) < _WIN:
        return 1.0 if np.array_equal(x, y) else 0.0
    mx, my = _box_mean(x), _box_mean(y)
    sxx = _box_mean(x * x) - mx * mx
    syy = _box_mean(y * y) - my * my
    sxy = _box_mean(x * y) - mx * my
    num = (2 * mx * my + _C1) * (2 * sxy + _C2)
    den = (mx * mx + my * my + _C1) * (sxx + syy + _C2)
    return float(np.mean(num / den))
