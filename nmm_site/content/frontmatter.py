"""YAML front matter with the line of every key, so problems can point editors at the right line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nmm_site import fast_yaml
from nmm_site.errors import Problem

# The same fences MkDocs accepts: `---` to open, `---` or `...` to close, each alone on its line.
_OPEN = "---"
_CLOSE = ("---", "...")
_YAML_FIX = (
    "check the YAML on this line: put a value that contains `: `, `#` or starts with `[`, `{`, `*`, "
    '`&`, `!`, `%`, `@` or a quote inside double quotes (e.g. `title: "Hà Giang: the stone plateau"`), '
    "indent with spaces (never tabs) and keep lists as `[a, b]` or one `- item` per line"
)

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter of one page and where each part sits in the file."""

    data: dict[str, Any]
    key_lines: dict[KeyPath, int] = field(repr=False)  # ("translation", "source_hash") → 1-based line
    value_spans: dict[KeyPath, tuple[int, int]] = field(
        repr=False
    )  # path → (start, end) char offsets in file
    open_line: int  # the line of the opening `---` (1 unless the file has leading blank lines)
    close_line: int  # the line of the closing fence
    close_offset: int  # char offset in the file where the closing fence line starts
    body: str  # everything after the closing fence
    body_line: int  # the file line where the body starts

    def line(self, *path: str | int) -> int:
        """Line of the deepest key of `path` that exists (the opening fence if none does)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.key_lines:
                return self.key_lines[path[:end]]
        return self.open_line


@dataclass(frozen=True)
class Parsed:
    front_matter: FrontMatter | None  # None when the page has no (valid) front matter
    problems: tuple[Problem, ...]


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    offsets, position = [], 0
    for line in text.splitlines(keepends=True):
        offsets.append((position, line))
        position += len(line)
    return offsets


def _walk(node: yaml.Node, path: KeyPath, lines: dict, spans: dict, offset: int, dupes: list) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                dupes.append(((*path, key), key_node.start_mark.line))
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line
            spans[(*path, key)] = (offset + value_node.start_mark.index, offset + value_node.end_mark.index)
            _walk(value_node, (*path, key), lines, spans, offset, dupes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line
            spans[(*path, index)] = (offset + item.start_mark.index, offset + item.end_mark.index)
            _walk(item, (*path, index), lines, spans, offset, dupes)


def parse(path: Path, text: str) -> Parsed:
    """Split `text` (a whole Markdown file) into front matter and body; never raises on bad YAML."""
    rows = _lines_with_offsets(text)
    first = 0
    # A byte-order mark or blank lines before the fence: MkDocs would miss the front matter.
    if text.startswith("\ufeff"):
        return Parsed(
            None,
            (
                Problem(
                    path,
                    1,
                    "the file starts with an invisible byte-order mark (BOM)",
                    "save the file as UTF-8 without BOM",
                ),
            ),
        )
    if not rows or rows[first][1].rstrip() != _OPEN:
        return Parsed(
            None,
            (
                Problem(
                    path,
                    1,
                    "the page has no front matter (it must start with a `---` line)",
                    "start the file with the front matter: `---`, the fields (type, id, "
                    "title, description, sources), then `---` (see EDITORS.md)",
                ),
            ),
        )
    close = next((i for i in range(first + 1, len(rows)) if rows[i][1].rstrip() in _CLOSE), None)
    if close is None:
        return Parsed(
            None,
            (
                Problem(
                    path,
                    first + 1,
                    "the front matter opened on this line is never closed",
                    "add a line with `---` after the last front matter field",
                ),
            ),
        )
    yaml_offset = rows[first + 1][0] if first + 1 < len(rows) else len(text)
    yaml_text = text[yaml_offset : rows[close][0]]
    line0 = first + 2  # file line of the first YAML line
    try:
        # libyaml's C loader: every build parses every page's front matter.
        node = fast_yaml.compose(yaml_text)
        data = fast_yaml.safe_load(yaml_text, duplicates=True)  # reported below, by field
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = line0 + mark.line if mark else line0
        what = error.problem or str(error)
        return Parsed(None, (Problem(path, line, f"the front matter is not valid YAML ({what})", _YAML_FIX),))
    except yaml.YAMLError as error:
        return Parsed(
            None, (Problem(path, line0, f"the front matter is not valid YAML ({error})", _YAML_FIX),)
        )
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        return Parsed(
            None,
            (
                Problem(
                    path,
                    line0,
                    "the front matter must be a list of `field: value` lines",
                    "write one `field: value` per line between the two `---` lines",
                ),
            ),
        )
    key_lines: dict[KeyPath, int] = {}
    spans: dict[KeyPath, tuple[int, int]] = {}
    dupes: list[tuple[KeyPath, int]] = []
    if node is not None:
        _walk(node, (), key_lines, spans, yaml_offset, dupes)
    key_lines = {key: line0 + line for key, line in key_lines.items()}
    problems = tuple(
        Problem(
            path,
            line0 + line,
            f"the field `{'.'.join(map(str, key))}` is written twice",
            "keep one of the two lines and delete the other",
        )
        for key, line in dupes
    )
    body_offset = rows[close][0] + len(rows[close][1])
    front = FrontMatter(
        data=data,
        key_lines=key_lines,
        value_spans=spans,
        open_line=first + 1,
        close_line=close + 1,
        close_offset=rows[close][0],
        body=text[body_offset:],
        body_line=close + 2,
    )
    return Parsed(front, problems)
