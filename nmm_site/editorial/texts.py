"""The text a reader sees, with its file and line: page titles, descriptions and bodies, and the
localised texts of data/*.yml. Code, URLs, shortcodes and HTML tags are blanked out (newlines kept, so
every offset still maps to its line)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nmm_site.content.pages import Page
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.loader import LineDict, LineList, load_yaml
from nmm_site.facts.markdown import code_spans, mask


@dataclass(frozen=True)
class ReaderText:
    path: Path
    line: int  # the file line of text[0]
    lang: str
    text: str  # masked: only what a reader reads is left
    field: str = ""  # data texts: the dotted path of the field (e.g. ha-giang.dont_miss.0.why)

    def line_at(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset)


# What a reader never reads as prose: shortcodes, link and image targets, reference definitions,
# bare URLs, HTML comments and tags (their attributes), e-mail addresses.
_NOT_PROSE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}"
    r"|\]\([^)\n]*\)"
    r"|^[ \t]*\[[^\]\n]+\]:[^\n]*"
    r"|<!--.*?-->"
    r"|<[a-zA-Z/][^>\n]*>"
    r"|\b(?:https?|ftp|mailto):[^\s)>\]]+|\bwww\.[^\s)>\]]+"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|\{[:#.][^}\n]*\}",  # attr_list
    re.DOTALL | re.MULTILINE,
)


def prose(markdown: str) -> str:
    """The Markdown with code, URLs, shortcodes and tags blanked out, same length and lines."""
    spans = code_spans(markdown)
    spans.extend(match.span() for match in _NOT_PROSE.finditer(markdown))
    return mask(markdown, spans)


def page_texts(page: Page) -> Iterator[ReaderText]:
    """A page's title, description and body, in its language."""
    front = page.front
    if front is None:
        return
    for key in ("title", "description"):
        value = front.data.get(key)
        if isinstance(value, str):
            yield ReaderText(page.path, front.line(key), page.lang, prose(value), key)
    yield ReaderText(page.path, front.body_line, page.lang, prose(front.body))


def load_data(data_dir: Path) -> tuple[list[tuple[Path, Any]], list[Problem]]:
    """Every data/*.yml (not data/sources/ nor data/editorial/) parsed with line numbers; parsed again
    only when a file changes (a preview checks the project after every edit of a page)."""
    paths = sorted(data_dir.glob("*.yml"))
    loaded, problems = _parse(tuple((path, path.stat().st_mtime_ns, path.stat().st_size) for path in paths))
    return list(loaded), list(problems)


@functools.lru_cache(maxsize=1)
def _parse(
    files: tuple[tuple[Path, int, int], ...],
) -> tuple[tuple[tuple[Path, Any], ...], tuple[Problem, ...]]:
    loaded, problems = [], []
    for path, _, _ in files:
        try:
            loaded.append((path, load_yaml(path)))
        except ProblemsFound as found:
            problems.extend(found.problems)
    return tuple(loaded), tuple(problems)


def data_texts(
    loaded: list[tuple[Path, Any]], languages: tuple[str, ...], skip_fields: frozenset[str] = frozenset()
) -> Iterator[ReaderText]:
    """Every localised text ({vi: …, en: …, fr: …}) of the data, except `note` and `skip_fields`."""
    skipped = {"note", *skip_fields}
    for path, raw in loaded:
        yield from _walk(path, raw, "", languages, skipped)


def _walk(
    path: Path, node: Any, where: str, languages: tuple[str, ...], skipped: set[str]
) -> Iterator[ReaderText]:
    if isinstance(node, LineDict):
        if "value" not in node and any(lang in node for lang in languages):
            for lang in languages:
                text = node.get(lang)
                if isinstance(text, str):
                    yield ReaderText(path, node.key_lines.get(lang, node.line), lang, prose(text), where)
            return
        for key, value in node.items():
            if str(key) in skipped:
                continue
            yield from _walk(path, value, f"{where}.{key}" if where else str(key), languages, skipped)
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield from _walk(path, value, f"{where}.{index}", languages, skipped)
