"""Where the visitor blocks go in a rendered page, and the entry they add to its table of contents.

The summary box (`aside.nmm-plan`) follows the page's first lead paragraph, so it is in the first
screen; the "Plan your visit" section goes before the page's first `<h2>` (after the lead), or at the
end of a page without one.
"""

from __future__ import annotations

import re
from typing import Any

from nmm_site.visits import model
from nmm_site.visits.render import Plan

_H2 = re.compile(r"<h2[\s>]")
_FIRST_P = re.compile(r"^\s*<p[\s>].*?</p>\s*", re.DOTALL)


def insert(page_html: str, plan: Plan) -> str:
    """`page_html` with the summary box after the first lead paragraph and the section before the
    first <h2> (or appended)."""
    heading = _H2.search(page_html)
    cut = heading.start() if heading else len(page_html)
    head, tail = page_html[:cut], page_html[cut:]
    lead = _FIRST_P.match(head)
    at = lead.end() if lead else 0
    head = head[:at] + plan.summary + head[at:]
    return head + plan.section + tail


def add_to_toc(toc: Any, plan: Plan, anchor_link: Any) -> None:
    """Add "Plan your visit" (with its blocks) to a MkDocs TableOfContents where the section is:
    before the first level-2 entry, or at the end. `anchor_link` is mkdocs.structure.toc.AnchorLink."""
    items = getattr(toc, "items", toc)
    if items and items[0].level == 1:  # a page whose Markdown has its own <h1>: level 2 is its children
        items = items[0].children
    entry = anchor_link(plan.title, model.SECTION_ID, 2)
    entry.children = [anchor_link(title, anchor, 3) for anchor, title in plan.blocks]
    position = next((i for i, item in enumerate(items) if item.level == 2), len(items))
    items.insert(position, entry)
