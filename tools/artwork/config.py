"""Settings of the artwork generator: one frozen dataclass, every default with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The checkout: the tool writes the committed originals (assets/images) beside their sidecars.
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ArtworkConfig:
    # Output
    out_dir: Path = ROOT / "assets" / "images"  # originals live beside their sidecars
    force: bool = False  # originals are never overwritten unless asked: editors may have replaced one

    # Determinism
    seed: int = 20261126  # fixed: the same bytes on every run; change it only to redraw every picture

    # Landscapes
    landscape_size: tuple[int, int] = (2400, 1350)  # 16:9, wide enough for the largest hero width
    jpeg_quality: int = 92  # originals: the image pipeline re-encodes, so keep detail here
    jpeg_subsampling: str = "4:2:0"  # soft colour edges only; halves the file size against 4:4:4
    max_jpeg_bytes: int = 900_000  # keeps the repository small; checked by the tests

    # Patterns
    pattern_size: tuple[int, int] = (1600, 900)  # banner-sized decorative backgrounds

    def __post_init__(self) -> None:
        if not 1 <= self.jpeg_quality <= 95:
            raise ValueError(f"ArtworkConfig.jpeg_quality must be 1–95, got {self.jpeg_quality}")
        for field, (w, h) in (("landscape_size", self.landscape_size), ("pattern_size", self.pattern_size)):
            if w <= 0 or h <= 0:
                raise ValueError(f"ArtworkConfig.{field} must be positive, got {(w, h)}")
