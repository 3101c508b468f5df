"""Typography by the build (EDITORIAL.md): applied to the rendered HTML, text nodes only.

- French: narrow no-break space (U+202F) before ; ! ? and inside « », no-break space (U+00A0) before :
  (EDITORIAL.md's rule), straight double quotes → « ».
- English and Vietnamese: straight double quotes → “ ”.
- Every language: apostrophes → ’ (an opening single quote → ‘), en dash in numeric ranges
  (1945-1954 → 1945–1954; not in dates such as 2025-07-01, phone numbers or ids with more parts).

Never inside <code>, <pre>, <kbd>, <samp>, <script>, <style>, <textarea>, tag attributes, URLs or e-mail
addresses. The language of a text is the nearest `lang` attribute around it (a fallback page's
Vietnamese body inside a French page keeps Vietnamese rules). Idempotent: typeset text is left as is.
One compiled-regex pass over the text between tags; a page without anything to change is returned as is.
"""

from __future__ import annotations

import html
import re

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
COLON_SPACE = NBSP  # EDITORIAL.md: a no-break space before ":" (a narrow one before ; ! ? and inside « »)

# Elements whose text is code or not text at all; raw-text elements are matched whole by the tokenizer.
# <cite> holds a source's title as published, often in another language than the page.
SKIPPED = frozenset(
    {"code", "pre", "kbd", "samp", "script", "style", "textarea", "var", "tt", "math", "cite"}
)
# Inline elements: the text on both sides reads as one (a quote before <em> opens, after </em> closes).
# Not <sup>/<sub>: a marker or a footnote number is not the end of a word ("1997<sup>?</sup>").
INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "time", "u", "var", "wbr", "img",
    }
)  # fmt: skip
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<!(?:[^>])*>"
    r"|<\?.*?\?>"
    r"|<(?P<raw>script|style|textarea)\b[^>]*>.*?</(?P=raw)\s*>"
    r"|<(?P<close>/)?(?P<name>[a-zA-Z][\w:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE,
)
_LANG_ATTR = re.compile(r"""(?<![\w-])lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)

# Parts of a text node that are not prose: URLs, www. addresses, e-mail addresses.
_NOT_PROSE = re.compile(
    r"\b(?:https?|ftp|mailto|tel):[^\s<>\"]+|\bwww\.[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_TRIGGERS = re.compile(r"[\"'\-;:!?«»&]")

_SPACES = f"[ {NBSP}{NNBSP}]"
# Numeric range: two numbers of up to 4 digits (decimals allowed), not part of a longer chain such as a
# date (2025-07-01), a phone number (0214-3840-123), an id (QL-4C, COVID-19) or a time range (10:30-11).
_RANGE = re.compile(r"(?<![\w.,/:#\-–])(\d{1,4}(?:[.,]\d+)?)-(\d{1,4}(?:[.,]\d+)?)(?![\w/:\-–]|[.,]\d)")
_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\d\ds?\b)")  # l'ouest, don't, 1990s' ; '90s
_OPEN_SINGLE = re.compile(r"(?<![\w’])'(?=\w)")
_FR_BEFORE_TALL = re.compile(rf"{_SPACES}*([;!?]+)")  # the punctuation that takes a thin space
_FR_BEFORE_COLON = re.compile(rf"{_SPACES}*:(?=\s|$)")
_FR_OPEN_GUILLEMET = re.compile(rf"«{_SPACES}*")
_FR_CLOSE_GUILLEMET = re.compile(rf"{_SPACES}*»")
_OPENERS = set(" \t\n\r([{«“‘—–-/" + NBSP + NNBSP)


def _fr_tall(match: re.Match[str], text: str) -> str:
    following = text[match.end() : match.end() + 1]
    if following and not (following.isspace() or following in "»”)]…"):
        return match.group(0)  # glued to what follows (a "?q=" parameter, "a;b"): not prose punctuation
    if match.group(0) == match.group(1):  # no space before it
        before = text[match.start() - 1] if match.start() else ""
        if not before or not (before.isalnum() or before in ")]»”’%…"):
            return match.group(0)  # at the start of the text, or after a symbol: leave it
    return NNBSP + match.group(1)


def _fr_colon(match: re.Match[str], text: str) -> str:
    start = match.start()
    before = text[start - 1] if start else ""
    if match.group(0) == ":" and not (before and (before.isalnum() or before in ")]»”’%…*")):
        return ":"
    return COLON_SPACE + ":"


def _quotes(text: str, lang: str, previous: str) -> str:
    """Straight double quotes → “ ” (« » in French), opening or closing by the character before."""
    out = []
    last = previous
    for ch in text:
        if ch == '"':
            opening = last == "" or last in _OPENERS
            if lang == "fr":
                out.append("«" + NNBSP if opening else NNBSP + "»")
            else:
                out.append("“" if opening else "”")
            last = "“" if opening else "”"
            continue
        out.append(ch)
        last = ch
    result = "".join(out)
    if lang == "fr":
        # « followed by a space, or a space before »: one narrow space, never two.
        result = result.replace(NNBSP + " ", NNBSP).replace(" " + NNBSP, NNBSP)
    return result


def typeset_prose(text: str, lang: str, previous: str = "") -> str:
    """One run of prose (no tags, no URLs); `previous` is the character just before it."""
    if '"' in text:
        text = _quotes(text, lang, previous)
    if "'" in text:
        text = _APOSTROPHE.sub("’", text)
        text = _OPEN_SINGLE.sub("‘", text)
        text = text.replace("'", "’")  # any left is an apostrophe after a symbol
    if "-" in text:
        text = _RANGE.sub(r"\1–\2", text)
    if lang == "fr":
        if "«" in text:
            text = _FR_OPEN_GUILLEMET.sub("«" + NNBSP, text)
        if "»" in text:
            text = _FR_CLOSE_GUILLEMET.sub(NNBSP + "»", text)
        if ";" in text or "!" in text or "?" in text:
            text = _FR_BEFORE_TALL.sub(lambda m: _fr_tall(m, text), text)
        if ":" in text:
            text = _FR_BEFORE_COLON.sub(lambda m: _fr_colon(m, text), text)
    return text


_CONTEXT = ")]”’%…"  # characters after which French punctuation takes its space, never changed themselves


def _in_context(chunk: str, lang: str, previous: str) -> str:
    """Typeset a chunk whose text starts right after `previous` (the end of a link, a URL, an <em>…),
    so that "<a>…</a>: …" gets its French space like "mot : …"."""
    if previous and (previous.isalnum() or previous in _CONTEXT):
        return typeset_prose(previous + chunk, lang, previous)[1:]
    return typeset_prose(chunk, lang, previous)


def typeset_text(text: str, lang: str, previous: str = "") -> str:
    """A text node (entities allowed): prose typeset, URLs and e-mail addresses untouched."""
    if not _TRIGGERS.search(text):
        return text
    entities = "&" in text
    plain = html.unescape(text) if entities else text
    out, position, last = [], 0, previous
    for match in _NOT_PROSE.finditer(plain):
        out.append(_in_context(plain[position : match.start()], lang, last))
        out.append(match.group())
        last = match.group()[-1:]
        position = match.end()
    out.append(_in_context(plain[position:], lang, last if position else previous))
    result = "".join(out)
    if result == plain:
        return text  # the same object: nothing changed
    return html.escape(result, quote=False) if entities or "<" in result or "&" in result else result


def _lang_of(attrs: str) -> str | None:
    match = _LANG_ATTR.search(attrs) if "lang" in attrs else None
    if not match:
        return None
    value = next(group for group in match.groups() if group is not None)
    return value.split("-")[0].lower() or None


def typeset_html(document: str, lang: str) -> str:
    """Typeset every text node of an HTML document or fragment whose default language is `lang`."""
    edits: list[tuple[int, int, str]] = []  # (start, end, new text) of the text nodes that change
    stack: list[tuple[str, str]] = []  # open elements: (name, language of their text)
    skipping = 0  # open elements whose text is code
    current = lang
    previous = ""  # the last character of text read, across inline tags
    position = 0
    triggers = _TRIGGERS.search  # most text nodes (indentation, labels) have nothing to change
    for match in _TOKEN.finditer(document):
        start = match.start()
        if start > position:
            if not skipping and triggers(document, position, start):
                text = document[position:start]
                new = typeset_text(text, current, previous)
                if new is not text:
                    edits.append((position, start, new))
            previous = document[start - 1]
            if previous == ";" and "&" in document[position:start]:
                previous = html.unescape(document[position:start])[-1:]
        position = match.end()
        name = match.group("name")
        if name is None:
            if match.group("raw"):
                previous = ""
            continue  # comment, doctype, processing instruction, script, style
        name = name.lower()
        if name not in INLINE:
            previous = ""  # a block boundary: a quote after it opens
        if match.group("close"):
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    for closed, _ in stack[depth:]:
                        skipping -= closed in SKIPPED
                    del stack[depth:]
                    break
            current = stack[-1][1] if stack else lang  # the nearest lang attribute around, else the page's
        elif name not in VOID and not match.group("attrs").endswith("/"):
            current = _lang_of(match.group("attrs")) or current
            stack.append((name, current))
            skipping += name in SKIPPED
    if position < len(document) and not skipping:
        text = document[position:]
        new = typeset_text(text, current, previous)
        if new is not text:
            edits.append((position, len(document), new))
    if not edits:
        return document
    out, last = [], 0
    for start, end, new in edits:
        out.append(document[last:start])
        out.append(new)
        last = end
    out.append(document[last:])
    return "".join(out)
