"""Names of peoples: outdated, pejorative exonyms only where a paragraph explains them.

The official ethnonyms (Mông, Dao, Tày …) are used throughout. An exonym such as "Mèo" or "Mán" may
appear only in a paragraph that says it is pejorative or outdated (in the page's language), as the
peoples pages do when they explain why those names are not used.
"""

from __future__ import annotations

import re

from nmm_site.content.pages import Page
from nmm_site.errors import Problem

# Outsiders' names for peoples (FACTS.md §4, "Sensitivity note"), with the official name to use.
EXONYMS = {
    "Mèo": "Mông",
    "Mẹo": "Mông",
    "Méo": "Mông (Hmong)",
    "Miêu Hạ": "Mông",
    "Mán": "Dao (or the group's own official name)",
    "Man": "Dao",
    "Thô": "Tày",
}
# Words that show the paragraph is explaining the name rather than using it.
EXPLAINED_BY = {
    "vi": ("miệt thị", "không còn dùng", "không nên dùng"),
    "en": ("pejorative", "outdated", "no longer used", "should not be used"),
    "fr": ("péjorati", "ne s'emploi", "ne s’emploi", "plus employé", "à ne pas employer"),
}
# A whole word, not a part of another (Mèo Vạc is a place, "Man" must not match "Mảng" or "human").
_PATTERNS = {name: re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])") for name in EXONYMS}
_PLACE_NAMES = ("Mèo Vạc",)


def check_terms(page: Page) -> list[Problem]:
    """A problem for each exonym used outside a paragraph that explains it."""
    body = page.front.body if page.front else page.text
    problems: list[Problem] = []
    line = page.front.body_line if page.front else 1
    for paragraph in re.split(r"(\n\s*\n)", body):
        text = paragraph
        for place in _PLACE_NAMES:
            text = text.replace(place, " " * len(place))
        explained = any(word in text.lower() for word in EXPLAINED_BY.get(page.lang, ()))
        for name, pattern in _PATTERNS.items():
            for match in pattern.finditer(text):
                if explained:
                    continue
                at = line + text.count("\n", 0, match.start())
                problems.append(
                    Problem(
                        page.path,
                        at,
                        f"“{name}” is an outsiders' name for a people, considered pejorative",
                        f"write “{EXONYMS[name]}”; quote the old name only in a paragraph that says it is "
                        "pejorative or outdated",
                    )
                )
        line += paragraph.count("\n")
    return problems
