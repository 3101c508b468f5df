"""Card HTML: image tiles for the home and section pages, the province filter, the offices band.

Pictures use the image pipeline's derived widths with `sizes` for the card's width (a phone loads
the 480 px variant for a thumbnail, not the content-column one), `width`/`height` from the variant
(no layout shift) and `loading="lazy"` unless the card is in the first view.
"""

from __future__ import annotations

from html import escape
from typing import Any

from nmm_site.cards.data import Card, provinces_now
from nmm_site.i18n.messages import ui_text
from nmm_site.images.library import relative_url

# Tiles are a thumbnail beside the text on phones (about 7rem), a column of a grid from 45em.
TILE_SIZES = "(min-width: 45em) 18rem, 7rem"
# The home's entry cards: half the content width on a phone, a quarter of it on a laptop.
DISCOVER_SIZES = "(min-width: 60em) 15rem, 50vw"
_MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


def picture(meta: dict[str, Any], page_url: str, sizes: str, *, eager: bool = False, alt: str = "") -> str:
    """`<picture>` from image metadata (`ImageLibrary.meta`): AVIF and WebP sources, JPEG/PNG fallback.

    Card pictures are decorative next to the card's title (alt="" unless given): the title says
    where the link goes, and the photo's description would be read twice on every card.
    """
    by_format: dict[str, list[dict[str, Any]]] = {}
    for variant in meta["variants"]:
        by_format.setdefault(variant["format"], []).append(variant)
    fallback_format = next((f for f in ("jpeg", "png") if f in by_format), None)
    if fallback_format is None:  # an SVG: no widths to choose from
        only = meta["variants"][0]
        return (
            f'<img src="{escape(relative_url(only["url"], page_url))}" width="{meta["width"]}" '
            f'height="{meta["height"]}" alt="{escape(alt)}" loading="lazy" decoding="async">'
        )

    def srcset(items: list[dict[str, Any]]) -> str:
        ordered = sorted(items, key=lambda v: v["width"])
        return ", ".join(f"{escape(relative_url(v['url'], page_url))} {v['width']}w" for v in ordered)

    fallback = sorted(by_format[fallback_format], key=lambda v: v["width"])
    smallest = fallback[0]
    loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy" decoding="async"'
    parts = ["<picture>"]
    for fmt in ("avif", "webp"):
        if fmt in by_format:
            parts.append(
                f'<source type="{_MIME[fmt]}" srcset="{srcset(by_format[fmt])}" sizes="{escape(sizes)}">'
            )
    parts.append(
        f'<img src="{escape(relative_url(smallest["url"], page_url))}" srcset="{srcset(fallback)}" '
        f'sizes="{escape(sizes)}" width="{smallest["width"]}" height="{smallest["height"]}" '
        f'alt="{escape(alt)}" {loading}>'
    )
    parts.append("</picture>")
    return "".join(parts)


def _image(card: Card, image_meta, lang: str, page_url: str, sizes: str, eager: bool) -> str:
    if not card.image:
        return '<span class="nmm-tile__image nmm-tile__image--none"></span>'
    try:
        meta = image_meta(card.image, lang)
    except KeyError:
        return '<span class="nmm-tile__image nmm-tile__image--none"></span>'
    return f'<span class="nmm-tile__image">{picture(meta, page_url, sizes, eager=eager)}</span>'


def tile(
    card: Card,
    *,
    lang: str,
    page_url: str,
    root_prefix: str,
    image_meta,
    sizes: str = TILE_SIZES,
    eager=False,
) -> str:
    """One card: picture, title link (the whole card is its target), one line, province since 2025."""
    now_ids = " ".join(now_id for now_id, _ in card.now)
    data_now = f' data-now="{escape(now_ids)}"' if card.now else ""
    lines = [f'<li class="nmm-tile"{data_now}>']
    lines.append(_image(card, image_meta, lang, page_url, sizes, eager))
    lines.append('<span class="nmm-tile__body">')
    if card.kicker:
        lines.append(f'<span class="nmm-tile__kicker">{escape(card.kicker)}</span>')
    lines.append(
        f'<a class="nmm-tile__title" href="{escape(root_prefix + card.path)}">{escape(card.title)}</a>'
    )
    if card.text:
        lines.append(f'<span class="nmm-tile__text">{escape(card.text)}</span>')
    if card.now:
        names = ", ".join(name for _, name in card.now)
        since = ui_text(lang, "Since 2025: {provinces}", provinces=names)
        lines.append(f'<span class="nmm-tile__now">{escape(since)}</span>')
    lines.append("</span></li>")
    return "".join(lines)


def section_grid(
    cards: list[Card], *, section: str, lang: str, page_url: str, root_prefix: str, image_meta
) -> str:
    """A section's card grid, with a filter by province since 2025 that only JavaScript reveals.

    Without JavaScript the grid is a plain list of links (every card shown); `cards.js` unhides the
    filter and hides the cards of other provinces.
    """
    grid_id = f"nmm-tiles-{section}"
    options = "".join(
        f'<option value="{escape(now_id)}">{escape(name)}</option>'
        for now_id, name in sorted(provinces_now(cards), key=lambda item: item[1])
    )
    total = len(cards)
    status = ui_text(lang, "{shown} of {total} shown", shown="{shown}", total="{total}")
    heading = ui_text(lang, "Browse the pages")
    parts = [
        f'<section class="nmm-section-cards" aria-labelledby="{grid_id}-title">',
        f'<h2 id="{grid_id}-title" class="nmm-section-cards__title">{escape(heading)}</h2>',
        f'<div class="nmm-filter" data-nmm-filter="{grid_id}" data-status="{escape(status)}" hidden>',
        f'<label for="{grid_id}-filter">{escape(ui_text(lang, "Province since 2025"))}</label> ',
        f'<select id="{grid_id}-filter"><option value="">{escape(ui_text(lang, "All provinces"))}</option>'
        f"{options}</select> ",
        f'<span class="nmm-filter__status" role="status" aria-live="polite">'
        f"{escape(status.format(shown=total, total=total))}</span>",
        "</div>",
        f'<ul class="nmm-tiles" id="{grid_id}">',
        *(
            tile(c, lang=lang, page_url=page_url, root_prefix=root_prefix, image_meta=image_meta)
            for c in cards
        ),
        "</ul>",
        "</section>",
    ]
    return "\n".join(parts)


def discover_label(lang: str, key: str) -> str:
    labels = {
        "provinces": ui_text(lang, "Provinces"),
        "heritage": ui_text(lang, "Heritage"),
        "peoples": ui_text(lang, "Peoples"),
        "calendar": ui_text(lang, "Calendar"),
    }
    return labels[key]


def discover_text(lang: str, key: str) -> str:
    texts = {
        "provinces": ui_text(
            lang, "The 14 provinces as defined in 2024, and the provinces they have been part of since 2025."
        ),
        "heritage": ui_text(lang, "World heritage, geoparks, living practices and historic sites."),
        "peoples": ui_text(lang, "The ethnic groups of the region, their languages and practices."),
        "calendar": ui_text(lang, "Festivals and seasons, month by month."),
    }
    return texts[key]


def discover_cards(cards: list[Card], *, lang: str, page_url: str, root_prefix: str, image_meta) -> str:
    """The home's entry cards (provinces, heritage, peoples, calendar), each with a picture."""
    items = []
    for card in cards:
        labelled = Card(
            id=card.id,
            title=discover_label(lang, card.id),
            text=discover_text(lang, card.id),
            path=card.path,
            image=card.image,
        )
        items.append(
            tile(
                labelled,
                lang=lang,
                page_url=page_url,
                root_prefix=root_prefix,
                image_meta=image_meta,
                sizes=DISCOVER_SIZES,
            )
        )
    return f'<ul class="nmm-tiles nmm-tiles--discover">{"".join(items)}</ul>'


def highlight_cards(cards: list[Card], *, lang: str, page_url: str, root_prefix: str, image_meta) -> str:
    """The home's highlights row: featured places with picture, province, one line why, link."""
    items = "".join(
        tile(c, lang=lang, page_url=page_url, root_prefix=root_prefix, image_meta=image_meta) for c in cards
    )
    return f'<ul class="nmm-tiles nmm-tiles--highlights">{items}</ul>'
