"""Accept an SVG only if it cannot run code or load anything (scripts, handlers, external refs)."""

from __future__ import annotations

import re
import xml.parsers.expat

_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_URL_IN_CSS = re.compile(r"url\(\s*['\"]?\s*(?!#)([^)'\"]*)", re.IGNORECASE)
_IMPORT_IN_CSS = re.compile(r"@import", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


class UnsafeSvg(ValueError):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


def _local(name: str) -> str:
    # expat with namespace handling gives "uri name"; keep the local part, lower-cased.
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1].lower()


def check_svg(data: bytes) -> tuple[int, int]:
    """Raise UnsafeSvg naming the line of the first unsafe construct; return (width, height) in px."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    size: dict[str, str] = {}
    css: list[tuple[int, str]] = []
    in_style = [False]

    def fail(message: str) -> None:
        raise UnsafeSvg(parser.CurrentLineNumber, message)

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if not size:
            if local != "svg":
                fail(f"the root element is <{local}>, not <svg>")
            size.update({k: v for k, v in attrs.items() if k in ("width", "height", "viewBox")})
        if local in _FORBIDDEN_ELEMENTS:
            fail(f"<{local}> element (scripts and embedded documents are not allowed)")
        in_style[0] = local == "style"
        for key, value in attrs.items():
            attr = _local(key)
            if attr.startswith("on"):
                fail(f"event handler attribute {attr}=… on <{local}>")
            if attr == "href" and not value.strip().startswith("#"):
                fail(f"external reference {attr}={value[:60]!r} on <{local}> (only #fragment links allowed)")
            if attr == "style":
                css.append((parser.CurrentLineNumber, value))

    def text(data: str) -> None:
        if in_style[0]:
            css.append((parser.CurrentLineNumber, data))

    def end(name: str) -> None:
        in_style[0] = False

    def doctype(*_args: object) -> None:
        fail("DOCTYPE declaration (entities can expand or load files)")

    def entity(*_args: object) -> None:
        fail("ENTITY declaration")

    def pi(target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            fail("xml-stylesheet processing instruction (loads an external stylesheet)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.ProcessingInstructionHandler = pi
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        reason = xml.parsers.expat.ErrorString(exc.code)
        raise UnsafeSvg(exc.lineno, f"not well-formed XML: {reason}") from None
    if not size:
        raise UnsafeSvg(None, "no <svg> element")
    for line, style in css:
        if _IMPORT_IN_CSS.search(style):
            raise UnsafeSvg(line, "CSS @import (loads an external stylesheet)")
        if m := _URL_IN_CSS.search(style):
            raise UnsafeSvg(line, f"CSS url({m.group(1)[:60]}) (only url(#id) is allowed)")
    return _dimensions(size)


def _dimensions(attrs: dict[str, str]) -> tuple[int, int]:
    w, h = _NUMBER.match(attrs.get("width", "")), _NUMBER.match(attrs.get("height", ""))
    if w and h:
        return round(float(w.group(1))), round(float(h.group(1)))
    parts = attrs.get("viewBox", "").replace(",", " ").split()
    if len(parts) == 4:
        vw, vh = float(parts[2]), float(parts[3])
        if vw > 0 and vh > 0:
            return round(vw), round(vh)
    raise UnsafeSvg(1, "no width/height or viewBox on <svg>, so the page cannot reserve its space")
