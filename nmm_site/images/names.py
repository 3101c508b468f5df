"""File-name rules for originals and the deterministic names of derived files."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from nmm_site.content.slugs import slugify
from nmm_site.errors import Problem

# HEIC/HEIF: what phones write; decoded by pillow-heif (registered in encode.py).
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".avif", ".heic", ".heif")
SVG_SUFFIX = ".svg"
SIDECAR_SUFFIX = ".yml"
# Files an editor may keep beside the images without them being published.
IGNORED_NAMES = ("README.md", ".gitkeep", ".DS_Store")

_SLUG_STEM = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def suggested_name(name: str) -> str:
    """The name an editor should rename a file to: "Hà Giang ruộng.JPG" → "ha-giang-ruong.jpg"."""
    path = Path(unicodedata.normalize("NFC", name))
    return f"{slugify(path.stem) or 'image'}{path.suffix.lower()}"


def check_name(path: Path) -> Problem | None:
    """Reject names that are not lower-case ASCII slugs (spaces, diacritics, NFD, capitals)."""
    name = path.name
    if _SLUG_STEM.match(path.stem) and path.suffix == path.suffix.lower():
        return None
    fixed = suggested_name(name)
    return Problem(
        path,
        None,
        f"file name {name!r} is not a lower-case ASCII slug (no spaces, diacritics or capitals): "
        "it would break Markdown paths and URLs",
        f'rename it and its sidecar: git mv "{name}" {fixed} '
        f"(and {Path(name).stem}.yml → {Path(fixed).stem}.yml), then update the pages that use it",
    )


def content_key(data: bytes, fingerprint: str) -> str:
    """Cache key and name hash: source bytes plus the settings that change the output."""
    digest = hashlib.sha256(data)
    digest.update(fingerprint.encode())
    return digest.hexdigest()


def output_name(stem: str, key: str, width: int | None, ext: str) -> str:
    """`ha-giang-karst-1a2b3c4d-960.avif`; SVGs have no width: `map-1a2b3c4d.svg`."""
    return f"{stem}-{key[:8]}-{width}.{ext}" if width else f"{stem}-{key[:8]}.{ext}"
