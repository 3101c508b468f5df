"""A–Z sort keys that follow each language's alphabetical order (Babel has no collation)."""

from __future__ import annotations

import unicodedata

from nmm_site.content.slugs import fold

# Vietnamese alphabet; f j w z (loan words) sit where the Latin alphabet puts them.
_VI_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_VI_RANK = {letter: rank for rank, letter in enumerate(_VI_ALPHABET)}
# Letter marks that make a distinct letter (ă â ê ô ơ ư); tones are compared only at the second level.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
# Dictionary order of tones (Từ điển tiếng Việt, Hoàng Phê): ngang, huyền, hỏi, ngã, sắc, nặng.
_VI_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Spaces and hyphens separate words and sort before any letter ("Lai Châu" < "Lainé");
# other punctuation is ignored at the first level.
_SEPARATOR = 0
_DIGIT_BASE = 1
_LETTER_BASE = 20

Key = tuple


def _clusters(text: str) -> list[tuple[str, str]]:
    """(base character with letter marks, tone marks) for each character of NFD text."""
    out: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out:
            base, tones = out[-1]
            if ch in _LETTER_MARKS:
                out[-1] = (base + ch, tones)
            else:
                out[-1] = (base, tones + ch)
        else:
            out.append((ch, ""))
    return out


def _vi_key(text: str) -> Key:
    primary, secondary, tertiary = [], [], []
    for base, tones in _clusters(text):
        letter = unicodedata.normalize("NFC", base)
        lower = letter.lower()
        if lower in _VI_RANK:
            primary.append(_LETTER_BASE + _VI_RANK[lower])
            secondary.append(sum(_VI_TONES.get(mark, 6) for mark in tones))
            tertiary.append(0 if letter == lower else 1)
        elif letter.isdigit():
            primary.append(_DIGIT_BASE + int(unicodedata.digit(letter, 0)))
        elif letter.isspace() or letter in "-‐–—_/":
            primary.append(_SEPARATOR)
        elif letter.isalpha():
            # Letters outside the alphabet sort after it, by their folded form.
            primary.append(_LETTER_BASE + len(_VI_ALPHABET) + ord(fold(lower)[:1] or lower))
    return (tuple(primary), tuple(secondary), tuple(tertiary), text)


def _latin_key(text: str, accents_matter: bool) -> Key:
    primary, secondary, tertiary = [], [], []
    for base, marks in _clusters(text):
        letter = unicodedata.normalize("NFC", base + marks)
        folded = fold(letter).lower()
        for ch in folded:
            if ch.isalpha():
                primary.append(_LETTER_BASE + ord(ch))
            elif ch.isdigit():
                primary.append(_DIGIT_BASE + int(ch))
            elif ch.isspace() or ch in "-‐–—_/":
                primary.append(_SEPARATOR)
        if accents_matter and folded.isalpha():
            # Unaccented before accented (cote < coté < côte); the mark's code point orders accents.
            secondary.append(
                tuple(
                    sorted(ord(m) for m in unicodedata.normalize("NFD", letter) if unicodedata.combining(m))
                )
            )
            tertiary.append(0 if letter == letter.lower() else 1)
    return (tuple(primary), tuple(secondary), tuple(tertiary), text)


def sort_key(text: str, lang: str) -> Key:
    """A key for `sorted()` that orders `text` as a dictionary of `lang` ("vi", "fr", "en") would.

    vi: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; base letters first, then tones
    (ngang, huyền, hỏi, ngã, sắc, nặng), then lower before upper case.
    fr: accents ignored at the first level, compared after (unaccented first), then case.
    en and others: accents and case ignored at the first level, then case.
    """
    text = unicodedata.normalize("NFC", text)
    if lang == "vi":
        return _vi_key(text)
    return _latin_key(text, accents_matter=lang == "fr")


def sorted_by_name(items: list[str], lang: str) -> list[str]:
    """`items` in the alphabetical order of `lang`."""
    return sorted(items, key=lambda item: sort_key(item, lang))
