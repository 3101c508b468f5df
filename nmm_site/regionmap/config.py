"""Settings of the region map: one frozen dataclass, every default with its reason."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from nmm_site import site_config


@dataclass(frozen=True)
class RegionMapConfig:
    # Data
    # provinces.yml (names, part_of) and provinces-2025.yml (names); None: the project being built's
    data_dir: Path | None = None

    # Geometry (SVG user units)
    hex_size: float = 60.0  # centre-to-corner; a tile fits two lines of the label font
    margin: float = 6.0  # small: every unit of width shrinks the text on phones
    font_size: float = 23.0  # labels and legend; see phone_width_px
    line_height: float = 25.0

    # Readability
    phone_width_px: float = 328.0  # 360 px screen minus Material's 2 × 16 px content margin
    min_text_px: float = 14.0  # smallest rendered text size we accept at phone width

    # Page
    id_prefix: str = "nmm-map"  # ids are `<prefix>-title`, `<prefix>-desc`; pass another for a 2nd map

    @property
    def hex_width(self) -> float:
        return math.sqrt(3.0) * self.hex_size

    @property
    def width(self) -> float:
        # Doubled columns 0…8 span 4 tile widths between centres, plus one tile.
        return round(5 * self.hex_width + 2 * self.margin)

    def __post_init__(self) -> None:
        rendered = (
            self.font_size * self.phone_width_px / (5 * math.sqrt(3.0) * self.hex_size + 2 * self.margin)
        )
        if rendered < self.min_text_px:
            raise ValueError(
                f"RegionMapConfig.font_size {self.font_size} renders at {rendered:.1f} px on phones, "
                f"below {self.min_text_px} px: raise font_size or lower hex_size"
            )

    def data_folder(self) -> Path:
        """`data_dir`, else the data folder of the project being built."""
        return self.data_dir or site_config.load().data_dir
