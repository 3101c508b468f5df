"""Share cards (Open Graph images, 1200×630): the hero photo cropped to fill, the title and the site name."""

from __future__ import annotations

import functools
import io
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

TITLE_FONT = "NotoSans-Bold.ttf"
SITE_FONT = "NotoSans-Regular.ttf"
BACKGROUND = (28, 74, 46)  # the site's green, for pages without a hero image
TEXT = (255, 255, 255)
MARGIN = 64


@functools.cache
def _cmap(font_path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(font_path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str, font_path: Path) -> list[str]:
    """Characters of `text` (NFC) that the font has no glyph for, in order of first appearance."""
    cmap = _cmap(font_path)
    seen: dict[str, None] = {}
    for char in unicodedata.normalize("NFC", text):
        if not char.isspace() and ord(char) not in cmap:
            seen.setdefault(char)
    return list(seen)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels; a word longer than the line stays whole on its own line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if not current or font.getlength(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _fit_title(
    title: str, font_path: Path, width: int, max_lines: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size (72 → 40 px) at which the title fits in `max_lines` lines."""
    for size in range(72, 39, -4):
        font = ImageFont.truetype(str(font_path), size)
        lines = wrap(title, font, width)
        if len(lines) <= max_lines and all(font.getlength(line) <= width for line in lines):
            return font, lines
    font = ImageFont.truetype(str(font_path), 40)
    lines = wrap(title, font, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return font, lines


# Part of each card's cache key: change it when the drawing changes for the same inputs.
CARD_VARIANT = "3"  # 2: photos decoded at a reduced JPEG scale; 3: baseline JPEG


# A page's card shares its photo with the same page in every language, and a site has few photos:
# each worker prepares a photo's shaded background once (keyed by file, modification time and size).
@functools.lru_cache(maxsize=32)
def _background(hero: Path | None, stamp: int, size: tuple[int, int]) -> Image.Image:
    width, height = size
    if hero is not None:
        with Image.open(hero) as source:
            source.draft("RGB", (width, height))  # JPEG: decode at the smallest scale still ≥ the card
            photo = ImageOps.exif_transpose(source).convert("RGB")
        canvas = ImageOps.fit(photo, size, method=Image.Resampling.LANCZOS, centering=(0.5, 0.45))
    else:
        canvas = Image.new("RGB", size, BACKGROUND)
    # A dark gradient under the text keeps it readable on any photo (contrast ≥ 4.5:1 for white text).
    shade = Image.new("L", (1, height))
    for y in range(height):
        shade.putpixel((0, y), int(60 + 150 * max(0.0, (y / height - 0.2) / 0.8)))
    overlay = Image.new("RGB", size, (10, 20, 14))
    return Image.composite(overlay, canvas, shade.resize(size))


def render_card(
    *,
    title: str,
    site_name: str,
    hero: Path | None,
    fonts_dir: Path,
    size: tuple[int, int] = (1200, 630),
    quality: int = 85,
) -> bytes:
    """The card as JPEG bytes (deterministic: no metadata, fixed settings)."""
    title = unicodedata.normalize("NFC", title)
    site_name = unicodedata.normalize("NFC", site_name)
    width, height = size
    stamp = hero.stat().st_mtime_ns if hero is not None else 0
    canvas = _background(hero, stamp, size).copy()
    draw = ImageDraw.Draw(canvas)
    title_font, lines = _fit_title(title, fonts_dir / TITLE_FONT, width - 2 * MARGIN, 3)
    site_font = ImageFont.truetype(str(fonts_dir / SITE_FONT), 30)
    line_height = int(title_font.size * 1.18)
    site_y = height - MARGIN - 30
    y = site_y - 28 - line_height * len(lines)
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=TEXT)
        y += line_height
    draw.rectangle((MARGIN, site_y - 14, MARGIN + 96, site_y - 9), fill=(236, 178, 46))
    draw.text((MARGIN, site_y), site_name, font=site_font, fill=(230, 236, 232))
    buffer = io.BytesIO()
    # Baseline, not progressive: a card is fetched whole by a link preview, never shown while loading,
    # and progressive encoding took 2.6 times as long for a file 1% larger.
    canvas.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
