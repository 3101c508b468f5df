"""MkDocs adapter for nmm_site.editorial.typography: French spacing, curly quotes, apostrophes and en dashes
in the text of every built page (never in code, attributes or URLs)."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from nmm_site.editorial.typography import typeset_html


# Last, on the finished page: the body and the text the templates add from data (fact boxes, visitor blocks).
@event_priority(-100)
def on_post_page(output, page, config):
    return typeset_html(output, config.theme["language"])
