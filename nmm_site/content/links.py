"""Markdown links between pages and the heading anchors they point to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from nmm_site.content.slugs import slugify

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_INLINE_ID = re.compile(r"\{:?\s*[^}]*#([\w-]+)[^}]*\}")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_COMMENT = re.compile(r"<!--.*?-->")
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_MD_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~)(.+?)\1")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Link:
    line: int  # 1-based line in the file
    target: str  # as written
    path: str  # the part before '#', unquoted ("" for a same-page anchor)
    anchor: str | None  # the part after '#'


def _prose_lines(body: str, first_line: int, blank_code: bool = True) -> Iterator[tuple[int, str]]:
    """(file line, text) of lines outside fenced code blocks, with comments (and code spans) blanked."""
    fence: str | None = None
    for number, line in enumerate(body.splitlines(), start=first_line):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, _COMMENT.sub("", _CODE_SPAN.sub(" ", line) if blank_code else line)


def links(body: str, first_line: int) -> list[Link]:
    """Every inline link and reference definition of a page body (not images, not code)."""
    found = []
    for number, line in _prose_lines(body, first_line):
        targets = [m.group(2) for m in _INLINE_LINK.finditer(line) if not m.group(1)]
        ref = _REF_DEF.match(line)
        if ref:
            targets.append(ref.group(1))
        for target in targets:
            path, _, anchor = target.partition("#")
            found.append(Link(number, target, unquote(path.split("?")[0]), anchor if "#" in target else None))
    return found


def is_page_link(link: Link) -> bool:
    """A relative link to a Markdown page, or an anchor on the same page."""
    if _SCHEME.match(link.target) or link.target.startswith("/"):
        return False
    return link.path == "" or link.path.endswith(".md")


def _heading_text(raw: str) -> tuple[str, str | None]:
    """Plain text of a heading as the toc extension sees it, and an explicit {#id} if any."""
    explicit = None
    attrs = _ATTR_LIST.search(raw)
    if attrs:
        found = _ATTR_ID.search(attrs.group(1))
        explicit = found.group(1) if found else None
        raw = raw[: attrs.start()]
    text = _MD_LINK_TEXT.sub(r"\1", raw)
    text = _CODE_SPAN.sub(r"\2", text)
    text = _TAGS.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    return text.strip(), explicit


def anchors(body: str) -> set[str]:
    """The ids the build gives this body: heading slugs (toc rules, `_1` on repeats) and explicit ids."""
    ids: set[str] = set()
    previous: str | None = None
    for _, line in _prose_lines(body, 1, blank_code=False):
        heading = _ATX.match(line)
        setext = _SETEXT.match(line) if previous and previous.strip() else None
        raw = heading.group(2) if heading else (previous if setext else None)
        if raw is not None and not (setext and previous and _ATX.match(previous)):
            text, explicit = _heading_text(raw)
            slug = explicit or slugify(text)
            unique, count = slug, 0
            while unique in ids:
                count += 1
                unique = f"{slug}_{count}"
            ids.add(unique)
        else:
            ids.update(_HTML_ID.findall(line))
            ids.update(_INLINE_ID.findall(line))
        previous = line
    return ids
