"""Where things are in a Markdown page: front matter, code, shortcodes, and masking them out."""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from nmm_site import fast_yaml

# Same front matter rule as MkDocs (mkdocs.utils.meta.YAML_RE), so line numbers agree with the build.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FENCE_RE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})")
_INLINE_CODE_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n\s*\n).)+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
SHORTCODE_OPEN = "{{"


def split_front_matter(source: str) -> tuple[dict, int]:
    """(front matter as a dict, number of source lines before the Markdown body MkDocs passes on)."""
    match = FRONT_MATTER_RE.match(source)
    if not match:
        return {}, 0
    try:
        meta = fast_yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    rest = source[match.end() :]
    skipped = len(rest) - len(rest.lstrip("\n"))
    return (meta if isinstance(meta, dict) else {}), source[: match.end() + skipped].count("\n")


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks and inline code, where nothing is a fact."""
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    for line in text.splitlines(keepends=True):
        match = _FENCE_RE.match(line)
        if fence is None and match:
            fence, fence_start = match.group("fence"), offset
        elif (
            fence is not None
            and match
            and match.group("fence")[0] == fence[0]
            and len(match.group("fence")) >= len(fence)
        ):
            spans.append((fence_start, offset + len(line)))
            fence = None
        offset += len(line)
    if fence is not None:
        spans.append((fence_start, len(text)))
    for match in _INLINE_CODE_RE.finditer(text):
        if not inside(match.start(), spans):
            spans.append((match.start(), match.end()))
    return sorted(spans)


def inside(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out spans (keeping newlines) so offsets and line numbers stay where they were."""
    chars = list(text)
    for start, end in spans:
        for index in range(start, min(end, len(chars))):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def line_of(text: str, position: int) -> int:
    """1-based line of an offset."""
    return text.count("\n", 0, position) + 1
