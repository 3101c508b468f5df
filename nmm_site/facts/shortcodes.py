"""Replace `{{ fact("path") }}` shortcodes in a page's Markdown with the rendered fact."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from nmm_site.errors import Problem
from nmm_site.facts.markdown import SHORTCODE_OPEN, code_spans, inside, line_of
from nmm_site.facts.render import FactPathError, Renderer, fact_html

SHORTCODE_RE = re.compile(
    r"\{\{\s*(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<quote>[\"'])(?P<path>[^\"'\n]*)(?P=quote)\s*\)\s*\}\}"
)
_NAME_RE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)")
_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")
FUNCTIONS = ("fact",)
USAGE = 'write {{ fact("provinces.ha-giang.population") }}'


@dataclass
class Replaced:
    markdown: str
    sources: list[str] = field(default_factory=list)  # source ids, in order of first use
    entities: list[tuple[str, str]] = field(default_factory=list)  # (dataset, id) of every fact used
    paths: list[str] = field(default_factory=list)  # fact paths used, in order
    problems: list[Problem] = field(default_factory=list)


def _plain_context(text: str, start: int) -> bool:
    """True where a <span> would break the Markdown: headings, link/image text, inside an HTML tag."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    prefix = text[line_start:start]
    if _HEADING_RE.match(line):
        return True
    next_end = text.find("\n", line_end + 1) if line_end != -1 else -1
    next_line = text[line_end + 1 : next_end if next_end != -1 else len(text)] if line_end != -1 else ""
    if line.strip() and _SETEXT_RE.match(next_line):
        return True
    if prefix.count("[") > prefix.count("]"):
        return True
    return prefix.rfind("<") > prefix.rfind(">")


def replace_shortcodes(
    markdown: str, lang: str, renderer: Renderer, page: Path, line_offset: int = 0
) -> Replaced:
    """Render every shortcode of `markdown` in `lang`; problems name `page` and its source line."""
    result = Replaced(markdown)
    skip = code_spans(markdown)
    out: list[str] = []
    position = 0
    while True:
        start = markdown.find(SHORTCODE_OPEN, position)
        if start == -1:
            break
        if inside(start, skip):
            out.append(markdown[position : start + 2])
            position = start + 2
            continue
        line = line_offset + line_of(markdown, start)
        match = SHORTCODE_RE.match(markdown, start)
        line_end = markdown.find("\n", start)
        line_end = len(markdown) if line_end == -1 else line_end
        if match is None or match.group("name") not in FUNCTIONS:
            close_at = markdown.find("}}", start, line_end)
            shown = markdown[start : close_at + 2 if close_at != -1 else line_end].strip()
            name = _NAME_RE.match(markdown, start)
            if close_at == -1:
                message = f"unclosed shortcode '{shown}': no '}}}}' on the same line"
            elif name and name.group("name") not in FUNCTIONS:
                message = f"unknown shortcode function '{name.group('name')}' in '{shown}'"
            else:
                message = f"malformed shortcode '{shown}'"
            result.problems.append(Problem(page, line, message, USAGE))
            end = close_at + 2 if close_at != -1 else start + 2
            out.append(markdown[position:end])
            position = end
            continue
        path = match.group("path").strip()
        try:
            rendered = renderer.render(path, lang)
        except FactPathError as error:
            result.problems.append(Problem(page, line, error.message, error.fix))
            out.append(markdown[position : match.end()])
            position = match.end()
            continue
        text = html.escape(rendered.text, quote=False)
        if not _plain_context(markdown, start):
            text = fact_html(path, text, rendered.uncertain, lang)
        out.append(markdown[position:start] + text)
        position = match.end()
        result.paths.append(path)
        for source in rendered.sources:
            if source not in result.sources:
                result.sources.append(source)
        if rendered.entity not in result.entities:
            result.entities.append(rendered.entity)
    out.append(markdown[position:])
    result.markdown = "".join(out)
    return result


def shortcode_paths(markdown: str) -> list[tuple[int, str]]:
    """(offset, path) of every well-formed fact shortcode outside code, for checks."""
    skip = code_spans(markdown)
    return [
        (m.start(), m.group("path").strip())
        for m in SHORTCODE_RE.finditer(markdown)
        if m.group("name") in FUNCTIONS and not inside(m.start(), skip)
    ]
