"""The data blocks of the offices page: key figures (from data, each with its source) and the
corrections contact (mkdocs.yml `extra.corrections_contact`).

The page marks where they go with HTML comments, kept by Markdown into the rendered page:
`<!-- key-figures -->` and `<!-- corrections-contact -->`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from nmm_site.facts.factbox import FactBox
from nmm_site.facts.render import FactPathError, Renderer
from nmm_site.i18n.messages import ui_text

KEY_FIGURES_MARK = "<!-- key-figures -->"
CORRECTIONS_MARK = "<!-- corrections-contact -->"


def _rows(lang: str) -> list[tuple[str, str]]:
    """(fact path, label with {year}) of each key figure, in order; a missing fact is left out."""
    return [
        ("region.region.province_count", ui_text(lang, "Provinces of the region as defined in {year}")),
        ("region.region.provinces_now_count", ui_text(lang, "Provinces covering it since {year}")),
        ("region.region.area_km2", ui_text(lang, "Area")),
        ("region.region.population", ui_text(lang, "Population ({year})")),
    ]


@dataclass
class Block:
    html: str
    sources: list[str] = field(default_factory=list)


def key_figures(renderer: Renderer, lang: str) -> Block:
    """A `dl.nmm-keyfigures`: each figure with its reference year and a link to its source."""
    box = FactBox(renderer)
    items: list[str] = []
    sources: list[str] = []
    source_word = html.escape(ui_text(lang, "source"))
    for path, text in _rows(lang):
        try:
            node, *_ = renderer.resolve(path, suggest=False)
            value, source = box.value(path, lang)
        except FactPathError:
            continue
        year = node.get("year") if isinstance(node, dict) else None
        if "{year}" in text and year is None:
            continue
        term = text.format(year=year) if year is not None else text
        cite = ""
        if source:
            sources.append(source)
            cite = (
                f' <a class="nmm-keyfigures__source" href="#source-{html.escape(source)}">[{source_word}]</a>'
            )
        items.append(f"<div><dt>{html.escape(term)}</dt><dd>{value}{cite}</dd></div>")
    if not items:
        return Block("")
    return Block('<dl class="nmm-keyfigures">\n' + "\n".join(items) + "\n</dl>\n", sources)


def corrections(contact: str | None, lang: str) -> str:
    """The corrections paragraph with the contact as a link (a mailto: address or a web form)."""
    if not contact or not isinstance(contact, str):
        return ""
    shown = contact.removeprefix("mailto:")
    link = f'<a href="{html.escape(contact)}">{html.escape(shown)}</a>'
    message = ui_text(lang, "Write to {contact}: name the page, what is wrong and, if you can, a source.")
    text = html.escape(message)
    return f'<p class="nmm-corrections">{text.replace("{contact}", link)}</p>\n'


def fill(page_html: str, renderer: Renderer, contact: str | None, lang: str) -> Block:
    """The offices page with both marks replaced (a page without them is returned unchanged)."""
    sources: list[str] = []
    if KEY_FIGURES_MARK in page_html:
        block = key_figures(renderer, lang)
        page_html = page_html.replace(KEY_FIGURES_MARK, block.html)
        sources = block.sources
    if CORRECTIONS_MARK in page_html:
        page_html = page_html.replace(CORRECTIONS_MARK, corrections(contact, lang))
    return Block(page_html, sources)
