"""The hash of a Vietnamese source page that a translation records as `translation.source_hash`.

What changes the hash: any change to the title, the description or the body text (a word, a letter,
an accent, punctuation, Markdown syntax, a link, an image, a fact shortcode), and adding or removing
a paragraph break (a blank line between two blocks).

What does not change it: any other front matter field (type, id, sources, hero, hide, …); Unicode
form (NFD text saved by some macOS editors hashes like NFC); line endings (CRLF or LF); re-wrapping a
paragraph (where single line breaks fall inside a block); runs of spaces or tabs; indentation;
trailing spaces; several blank lines in a row; blank lines or spaces at the start or end of the file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from nmm_site.content.frontmatter import FrontMatter, parse

HASH_LENGTH = 16  # hex digits of sha256 kept: enough to never collide across a few hundred pages
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE = re.compile(r"\s+")


def normalise(title: str, description: str, body: str) -> str:
    """The text the hash is computed from: title, description and body, whitespace collapsed."""
    text = unicodedata.normalize("NFC", f"{title}\n\n{description}\n\n{body}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINES.split(text.strip())
    return "\n\n".join(_WHITESPACE.sub(" ", block).strip() for block in blocks if block.strip())


def source_hash_of(title: str, description: str, body: str) -> str:
    """sha256 of the normalised text, first 16 hex digits."""
    digest = hashlib.sha256(normalise(title, description, body).encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]


def source_hash(text: str) -> str:
    """The hash of a whole Vietnamese Markdown file (front matter reduced to title and description)."""
    return parsed_source_hash(parse(Path("<text>"), text).front_matter, text)


def parsed_source_hash(front: FrontMatter | None, text: str) -> str:
    """`source_hash` of a file whose front matter is already parsed (a page of the content trees)."""
    if front is None:
        return source_hash_of("", "", text)
    title = front.data.get("title")
    description = front.data.get("description")
    return source_hash_of(str(title or ""), str(description or ""), front.body)
