"""Names of peoples: outdated, pejorative exonyms only where a paragraph explains them.

The official ethnonyms (Mông, Dao, Tày …) are used throughout. An exonym such as "Mèo" or "Mán" may
appear only in a paragraph that says it is pejorative or outdated (in the page's language), as the
peoples pages do when they explain why those names are not used. The names and the explaining words
are data: data/editorial/exonyms.yml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from nmm_site.content.pages import Page, load_yaml_keys
from nmm_site.errors import Problem

EXONYMS_FILE = "editorial/exonyms.yml"  # under the data folder


@dataclass(frozen=True)
class Exonyms:
    names: dict[str, str]  # the outsiders' name → the name to write
    place_names: tuple[str, ...]  # place names that contain one and are right (Mèo Vạc)
    explained_by: dict[str, tuple[str, ...]]  # per language: words of a paragraph explaining a name

    @functools.cached_property
    def patterns(self) -> dict[str, re.Pattern[str]]:
        # A whole word, not a part of another ("Man" must not match "Mảng" or "human").
        return {name: re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])") for name in self.names}


def load_exonyms(data_dir: Path) -> tuple[Exonyms, list[Problem]]:
    """The list in data/editorial/exonyms.yml (none when the file is absent), and its problems."""
    path = data_dir / EXONYMS_FILE
    empty = Exonyms({}, (), {})
    if not path.is_file():
        return empty, []
    raw, problems = load_yaml_keys(path)  # syntax errors and duplicate keys, with their line
    if problems:
        return empty, problems
    names, places, explained = raw.get("exonyms"), raw.get("place_names") or [], raw.get("explained_by") or {}
    if (
        not isinstance(names, dict)
        or not isinstance(places, list)
        or not isinstance(explained, dict)
        or not all(isinstance(words, list) for words in explained.values())
    ):
        return empty, [
            Problem(
                path,
                None,
                "needs `exonyms:` (name: name to write), `place_names:` (a list) and `explained_by:` "
                "(per language, a list of words)",
                "follow the layout described at the top of the file",
            )
        ]
    return (
        Exonyms(
            {str(k): str(v) for k, v in names.items()},
            tuple(str(p) for p in places),
            {str(lang): tuple(str(w).lower() for w in words) for lang, words in explained.items()},
        ),
        [],
    )


def check_terms(page: Page, exonyms: Exonyms) -> list[Problem]:
    """A problem for each exonym used outside a paragraph that explains it."""
    body = page.front.body if page.front else page.text
    problems: list[Problem] = []
    line = page.front.body_line if page.front else 1
    for paragraph in re.split(r"(\n\s*\n)", body):
        text = paragraph
        for place in exonyms.place_names:
            text = text.replace(place, " " * len(place))
        explained = any(word in text.lower() for word in exonyms.explained_by.get(page.lang, ()))
        for name, pattern in exonyms.patterns.items():
            for match in pattern.finditer(text):
                if explained:
                    continue
                at = line + text.count("\n", 0, match.start())
                problems.append(
                    Problem(
                        page.path,
                        at,
                        f"“{name}” is an outsiders' name for a people, considered pejorative",
                        f"write “{exonyms.names[name]}”; quote the old name only in a paragraph that says "
                        "it is pejorative or outdated",
                    )
                )
        line += paragraph.count("\n")
    return problems
