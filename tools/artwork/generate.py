"""Render every picture to bytes (pure) and write the originals and sidecars that are missing (effectful)."""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tools.artwork.canvas import Canvas
from tools.artwork.config import ArtworkConfig
from tools.artwork.landscapes import SCENES
from tools.artwork.patterns import PATTERNS, render_pattern
from tools.artwork.sidecars import SIDECARS, sidecar_yaml

LANDSCAPES = tuple(SCENES)
PATTERN_NAMES = tuple(PATTERNS)
ALL_STEMS = LANDSCAPES + PATTERN_NAMES
DEFAULT = ArtworkConfig()


def file_name(stem: str) -> str:
    return f"{stem}.jpg" if stem in SCENES else f"{stem}.png"


def _rng(config: ArtworkConfig, stem: str) -> np.random.Generator:
    # Each picture has its own stream, so adding or redrawing one never changes the others.
    return np.random.default_rng([config.seed, zlib.crc32(stem.encode("ascii"))])


def render(stem: str, config: ArtworkConfig = DEFAULT) -> bytes:
    """The encoded bytes of one picture: identical on every run with the same config."""
    buffer = io.BytesIO()
    if stem in SCENES:
        width, height = config.landscape_size
        canvas = Canvas(width, height, _rng(config, stem))
        SCENES[stem](canvas)
        # Every encoder option is explicit: no EXIF, no ICC, baseline, fixed subsampling.
        canvas.image().save(
            buffer,
            "JPEG",
            quality=config.jpeg_quality,
            subsampling=config.jpeg_subsampling,
            optimize=True,
            progressive=False,
            exif=b"",
        )
    elif stem in PATTERNS:
        width, height = config.pattern_size
        render_pattern(stem, width, height).save(buffer, "PNG", optimize=True)
    else:
        raise KeyError(f"unknown artwork {stem!r}; known: {', '.join(ALL_STEMS)}")
    return buffer.getvalue()


@dataclass(frozen=True)
class Outcome:
    path: Path
    written: bool  # False when an existing file was kept


def _write(path: Path, data: bytes, force: bool) -> Outcome:
    if path.exists() and not force:
        return Outcome(path, written=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return Outcome(path, written=True)


def generate(config: ArtworkConfig = DEFAULT, stems: tuple[str, ...] = ALL_STEMS) -> list[Outcome]:
    """Write each picture and its sidecar unless it already exists (or `config.force`)."""
    outcomes = []
    for stem in stems:
        image_path = config.out_dir / file_name(stem)
        if config.force or not image_path.exists():
            outcomes.append(_write(image_path, render(stem, config), config.force))
        else:
            outcomes.append(Outcome(image_path, written=False))
        sidecar = sidecar_yaml(stem).encode("utf-8")
        outcomes.append(_write(config.out_dir / f"{stem}.yml", sidecar, config.force))
    return outcomes


def differences(config: ArtworkConfig = DEFAULT, stems: tuple[str, ...] = ALL_STEMS) -> list[Path]:
    """Files in `config.out_dir` that are missing or differ from what the generator makes."""
    changed = []
    for stem in stems:
        expected = {file_name(stem): render(stem, config), f"{stem}.yml": sidecar_yaml(stem).encode("utf-8")}
        for name, data in expected.items():
            path = config.out_dir / name
            if not path.exists() or path.read_bytes() != data:
                changed.append(path)
    return changed


assert set(SIDECARS) == set(ALL_STEMS), "every generated picture needs its sidecar text"
