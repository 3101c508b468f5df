"""Stable ASCII slugs from Vietnamese, English and French text (Điện Biên Phủ → dien-bien-phu)."""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose under NFD, so stripping combining marks leaves them unchanged.
_NON_DECOMPOSING = str.maketrans(
    {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"}
)


def fold(text: str) -> str:
    """Remove diacritics (tones and letter marks), keeping case: "Hà Giang" → "Ha Giang"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_NON_DECOMPOSING))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def slugify(text: str, separator: str = "-") -> str:
    """Lower-case ASCII slug; the signature matches Python-Markdown's toc `slugify` option."""
    ascii_text = fold(text).lower()
    ascii_text = re.sub(r"[^a-z0-9]+", separator, ascii_text)
    return ascii_text.strip(separator)
