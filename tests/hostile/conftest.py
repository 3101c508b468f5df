"""The hostile and odd files, generated here into tmp_path (nothing binary is committed).

`corpus(folder)` writes every image of the corpus with a valid sidecar; the tests run the image
pipeline, the content checks and the YAML loaders on them and check that each file is either processed
correctly or refused with a Problem naming the file and the fix, and that no original is modified.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

from nmm_site.images.config import ImageConfig
from tests.images.conftest import SIDECAR, textured


def _animated(fmt: str) -> bytes:
    frames = [Image.new("RGB", (48, 32), colour) for colour in ("red", "green", "blue")]
    buf = io.BytesIO()
    frames[0].save(buf, fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buf.getvalue()


def _png(image: Image.Image, **save) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", **save)
    return buf.getvalue()


def _heic() -> bytes:
    """A phone-like HEIC photo, 320×240 stored, left half red, right half blue, taken with the phone
    turned (EXIF orientation 6: shown rotated 90° clockwise, 240×320, red on top), with a GPS position."""
    import pillow_heif

    arr = np.zeros((240, 320, 3), np.uint8)
    arr[:, :160] = (210, 30, 30)
    arr[:, 160:] = (30, 30, 210)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825)[2] = (23.0, 16.0, 48.0)  # GPSLatitude: Đồng Văn
    buf = io.BytesIO()
    pillow_heif.from_pillow(Image.fromarray(arr, "RGB")).save(buf, quality=90, exif=exif.tobytes())
    return buf.getvalue()


def _palette() -> bytes:
    palette = Image.new("P", (200, 100), 0)
    palette.putpalette([255, 255, 255, 20, 120, 60] + [0] * 762)
    palette.paste(1, (50, 25, 150, 75))
    return _png(palette, transparency=0)


def _gray16() -> Image.Image:
    return Image.fromarray(np.tile(np.linspace(0, 65535, 200).astype(np.uint16), (100, 1)))


def _cmyk_jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("CMYK", (200, 100), (0, 255, 255, 0)).save(buf, "JPEG", quality=95)  # pure red ink
    return buf.getvalue()


def _tiff16() -> bytes:
    buf = io.BytesIO()
    _gray16().save(buf, "TIFF")
    return buf.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n%s</svg>'

# name → bytes (images); each gets a valid sidecar.
IMAGES = {
    "cmyk.jpg": _cmyk_jpeg,
    "gray16.png": lambda: _png(_gray16()),
    "gray16-tiff.tif": _tiff16,
    "palette-transparent.png": _palette,
    "animated.gif": lambda: _animated("GIF"),
    "animated-webp.webp": lambda: _animated("WEBP"),
    # 400 megapixels of one colour: a few kilobytes on disk, 400 MB once decoded.
    "bomb.png": lambda: _png(Image.new("1", (20_000, 20_000))),
    "strip.png": lambda: _png(Image.new("RGB", (1, 20_000), "green")),
    "phone.heic": _heic,
    "script.svg": lambda: SVG % b"<script>alert(document.cookie)</script>",
    "handler.svg": lambda: SVG % b'<rect width="5" height="5" onclick="steal()"/>',
    "external.svg": lambda: SVG % b'<image href="https://tracker.example/pixel.png" width="5" height="5"/>',
    "foreign.svg": lambda: SVG % b"<foreignObject><div>hi</div></foreignObject>",
    "photo.jpg": None,  # a plain photo: still encoded beside the bad files
}


def write_corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, make in IMAGES.items():
        path = folder / name
        if make is None:
            textured(400, 300).save(path, "JPEG", quality=90)
        else:
            path.write_bytes(make())
        path.with_suffix(".yml").write_text(yaml.safe_dump(SIDECAR, allow_unicode=True), encoding="utf-8")
        written[name] = path
    return written


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under `folder` (links not followed)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture(scope="module")
def image_cfg(tmp_path_factory: pytest.TempPathFactory) -> ImageConfig:
    root = tmp_path_factory.mktemp("hostile-images")
    source = root / "assets" / "images"
    write_corpus(source)
    return dataclasses.replace(
        ImageConfig(),
        source_dir=source,
        cache_dir=root / ".cache" / "images",
        widths=(160, 320, 640),
        probe_width=160,
        workers=2,
    )
