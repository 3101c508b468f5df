"""The plain Material + static-i18n baseline the benchmarks measure our build against."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE_LINE = re.compile(r"^template:.*\n", re.MULTILINE)


def plain_docs(project: Path) -> None:
    """Front matter may name one of our templates (`template: sources.html`): plain Material has none."""
    for md in (project / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        if text.startswith("---") and TEMPLATE_LINE.search(text):
            md.write_text(TEMPLATE_LINE.sub("", text, count=1), encoding="utf-8")
