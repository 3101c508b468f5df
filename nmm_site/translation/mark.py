"""`nmm mark-translated`: record the Vietnamese source hash in a translation, touching nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from nmm_site.content.config import ContentConfig
from nmm_site.content.frontmatter import parse
from nmm_site.errors import Problem
from nmm_site.files import atomic_write
from nmm_site.translation.hashing import source_hash


class EditError(ValueError):
    """The front matter cannot be edited safely (the message says why)."""


def set_source_hash(text: str, new_hash: str) -> str:
    """`text` with `translation.source_hash` set to `new_hash`; every other byte is kept."""
    front = parse(Path("<text>"), text).front_matter
    if front is None:
        raise EditError("the page has no valid front matter")
    # A hash of digits only would read back as a number: quote it then.
    written = new_hash if isinstance(yaml.safe_load(new_hash), str) else f'"{new_hash}"'

    newline = "\r\n" if "\r\n" in text else "\n"
    spans = front.value_spans
    translation = front.data.get("translation")
    if ("translation", "source_hash") in spans:
        start, end = spans[("translation", "source_hash")]
        edited = text[:start] + (written if start < end else f" {written}") + text[end:]
    elif "translation" in front.data and translation is None:
        # `translation:` with nothing after it: give it the field on the next line.
        start, end = spans[("translation",)]
        edited = text[:start] + f"{newline}  source_hash: {written}" + text[end:]
    elif isinstance(translation, dict) and translation and text[spans[("translation",)][0]] != "{":
        # A block mapping with other keys: add the field as its first line, at the same indentation.
        first_key = next(iter(translation))
        key_line = front.key_lines[("translation", first_key)]
        line_start = _line_offset(text, key_line)
        indent = text[line_start : line_start + len(text[line_start:]) - len(text[line_start:].lstrip(" "))]
        edited = text[:line_start] + f"{indent}source_hash: {written}{newline}" + text[line_start:]
    elif "translation" in front.data:
        start, end = spans[("translation",)]
        edited = text[:start] + f"{{source_hash: {written}}}" + text[end:]
    else:
        at = front.close_offset
        edited = text[:at] + f"translation:{newline}  source_hash: {written}{newline}" + text[at:]
    check = parse(Path("<text>"), edited).front_matter
    result = check.data.get("translation") if check else None
    if not isinstance(result, dict) or result.get("source_hash") != new_hash:
        raise EditError("the `translation` field has an unexpected form")
    return edited


def _line_offset(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


@dataclass(frozen=True)
class Marked:
    path: Path
    old_hash: str | None
    new_hash: str


def _locate(config: ContentConfig, path: Path) -> tuple[str, PurePosixPath] | None:
    resolved = path.resolve()
    for lang in config.translations:
        try:
            return lang, PurePosixPath(resolved.relative_to(config.tree(lang).resolve()).as_posix())
        except ValueError:
            continue
    return None


def mark_translated(config: ContentConfig, paths: list[Path]) -> tuple[list[Marked], list[Problem]]:
    """Record the current source hash in each translation; every path is checked before any is written."""
    problems: list[Problem] = []
    plans: list[tuple[Path, str, Marked]] = []
    for path in paths:
        located = _locate(config, path)
        if located is None or path.suffix != ".md":
            trees = " or ".join(f"docs/{lang}/" for lang in config.translations)
            problems.append(
                Problem(
                    path,
                    None,
                    f"not a translation: give the path of a .md file in {trees}",
                    "e.g. `nmm mark-translated docs/en/provinces/ha-giang.md`",
                )
            )
            continue
        lang, rel = located
        if not path.is_file():
            problems.append(Problem(path, None, "no such file", "check the path (tab completion helps)"))
            continue
        source = config.tree(config.source_language) / rel
        if not source.is_file():
            problems.append(
                Problem(
                    path,
                    None,
                    f"orphaned translation: there is no Vietnamese page docs/{config.source_language}/{rel}",
                    "move the file to the path of its Vietnamese page, or delete it",
                )
            )
            continue
        text = path.read_bytes().decode("utf-8")  # bytes: keep CRLF line endings as they are
        new_hash = source_hash(source.read_text(encoding="utf-8"))
        try:
            edited = set_source_hash(text, new_hash)
        except EditError as error:
            problems.append(
                Problem(
                    path,
                    1,
                    f"cannot record the source hash: {error}",
                    "make the front matter valid (`nmm check-content --check`), then retry",
                )
            )
            continue
        translation = parse(path, text).front_matter.data.get("translation")  # type: ignore[union-attr]
        old = translation.get("source_hash") if isinstance(translation, dict) else None
        plans.append((path, edited, Marked(path, str(old) if old else None, new_hash)))
    if problems:
        return [], problems
    for path, edited, _ in plans:
        if edited != path.read_bytes().decode("utf-8"):
            atomic_write(path, edited.encode("utf-8"))  # an editor's page: never half-written
    return [marked for _, _, marked in plans], []


def translations_of(config: ContentConfig, lang: str) -> list[Path]:
    """Every page of one translation tree that has a Vietnamese source (for `--lang`)."""
    tree = config.tree(lang)
    source_tree = config.tree(config.source_language)
    return [path for path in sorted(tree.rglob("*.md")) if (source_tree / path.relative_to(tree)).is_file()]
