"""Fixtures for the image tests: originals generated with Pillow into tmp_path, never into assets/."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from PIL import Image

from nmm_site.images.config import ImageConfig

SERIAL = "SN-4711-HAGIANG"

SIDECAR: dict[str, Any] = {
    "alt": {
        "vi": "Ruộng bậc thang Hoàng Su Phì mùa lúa chín",
        "en": "Rice terraces of Hoàng Su Phì at harvest time",
        "fr": "Rizières en terrasses de Hoàng Su Phì à la récolte",
    },
    "caption": {
        "vi": "Ruộng bậc thang ở Hà Giang",
        "en": "Rice terraces in Hà Giang",
        "fr": "Rizières en terrasses à Hà Giang",
    },
    "creator": "Nguyễn Văn Điện",
    "licence": "CC-BY-SA-4.0",
    "source": "https://commons.wikimedia.org/wiki/File:Hoang_Su_Phi.jpg",
    "date": "2019-10-12",
    "place": "Hoàng Su Phì, Hà Giang",
    "people": "none",
}


def textured(width: int, height: int, seed: int = 0) -> Image.Image:
    """A photo-like RGB image (gradients, shapes, noise): compresses like a photo, unlike flat colour."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    r = 128 + 100 * np.sin(x / (width / 6) + seed)
    g = 255 * y / max(height - 1, 1)
    b = 128 + 80 * np.cos((x + y) / (height / 4))
    arr = np.stack([r, g, b], -1)
    cy, cx = height / 2, width / 3
    arr[(x - cx) ** 2 + (y - cy) ** 2 < (height / 4) ** 2] *= 0.5
    arr += rng.normal(0, 10, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def photo_with_exif(path: Path) -> Path:
    """400×200 JPEG, left half red / right half blue, EXIF orientation 6, GPS and a camera serial."""
    arr = np.zeros((200, 400, 3), np.uint8)
    arr[:, :200] = (220, 20, 20)
    arr[:, 200:] = (20, 20, 220)
    im = Image.fromarray(arr, "RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 5D"
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (23.0, 16.0, 48.0)  # Đồng Văn
    gps[3] = "E"
    gps[4] = (105.0, 21.0, 36.0)
    im.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


@pytest.fixture
def sidecar_data() -> dict[str, Any]:
    """A valid sidecar (a fresh copy per test)."""
    return copy.deepcopy(SIDECAR)


@pytest.fixture(name="textured")
def textured_fixture() -> Callable[..., Image.Image]:
    return textured


@pytest.fixture(name="photo_with_exif")
def photo_with_exif_fixture() -> Callable[[Path], Path]:
    return photo_with_exif


@pytest.fixture
def cfg(tmp_path: Path) -> ImageConfig:
    """Pipeline settings pointing at tmp_path, with small widths so tests stay fast."""
    source = tmp_path / "assets" / "images"
    source.mkdir(parents=True)
    return dataclasses.replace(
        ImageConfig(),
        source_dir=source,
        cache_dir=tmp_path / ".cache" / "images",
        widths=(160, 320, 640),
        probe_width=160,
        workers=2,
    )


@pytest.fixture
def add_image(cfg: ImageConfig) -> Callable[..., Path]:
    """Write an original (a PIL image, raw bytes or a generated photo) and, by default, its sidecar."""

    def add(
        name: str,
        image: Image.Image | bytes | None = None,
        *,
        sidecar: dict[str, Any] | None | bool = True,
        **save: Any,
    ) -> Path:
        path = cfg.source_dir / name
        if image is None:
            image = textured(400, 300)
        if isinstance(image, bytes):
            path.write_bytes(image)
        else:
            image.save(path, **save)
        if sidecar is not False:
            data = SIDECAR if sidecar is True or sidecar is None else sidecar
            path.with_suffix(".yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return path

    return add
