"""The offices page's generated parts: the resources table and the absolute URLs in its snippets."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from nmm_site.errors import Problem
from nmm_site.i18n.messages import ui_text
from nmm_site.publications import text
from nmm_site.publications.catalog import Catalog, Page, province_order
from nmm_site.publications.config import PublicationsConfig
from nmm_site.publications.pagemeta import pdf_language
from nmm_site.publications.urls import (
    absolute,
    card_path,
    feed_path,
    go_path,
    page_path,
    pdf_path,
    qr_path,
    relative_url,
)

TABLE_PLACEHOLDER = re.compile(r"^[ \t]*\{\{\s*office_resources\(\s*\)\s*\}\}[ \t]*$", re.MULTILINE)
# Absolute URLs for copy-paste snippets: {{ short_url("ha-giang") }}, {{ feed_url() }} …
URL_SHORTCODE = re.compile(
    r"\{\{\s*(?P<name>short_url|pdf_url|qr_svg_url|qr_png_url|card_url|feed_url)"
    r"\(\s*(?:(?P<q>[\"'])(?P<id>[^\"'\n]*)(?P=q))?\s*\)\s*\}\}"
)


def columns(lang: str) -> tuple[str, str, str, str]:
    """The table's column headings in `lang`, from the gettext catalogs ("PDF" is the same everywhere)."""
    return (ui_text(lang, "Page"), ui_text(lang, "Short link"), "PDF", ui_text(lang, "QR code"))


def listed_pages(cfg: PublicationsConfig, catalog: Catalog) -> list[Page]:
    """The region, the provinces (statistics office order) and the heritage pages."""
    order = {pid: n for n, pid in enumerate(province_order(cfg.site.data_dir))}
    provinces = sorted(catalog.of_type("province"), key=lambda p: (order.get(p.id, len(order)), p.id))
    heritage = sorted(catalog.of_type("heritage"), key=lambda p: p.id)
    return [*catalog.of_type(cfg.booklet_type), *provinces, *heritage]


def resources_table(cfg: PublicationsConfig, catalog: Catalog, lang: str, page_url: str) -> str:
    """An HTML table (links relative to the page at `page_url`) of every page's short link, PDF and QR."""
    head = columns(lang)
    rows = []
    for page in listed_pages(cfg, catalog):
        title = page.version(lang, cfg.site.default_language).title
        link = relative_url(page_path(cfg, page, lang), page_url) or "./"
        short = absolute(cfg, go_path(cfg, page.id))
        pdf_lang = pdf_language(cfg, page, lang) if cfg.pdf_enabled else None
        # One link per paper size: "PDF" (A4) · "US Letter".
        pdf = (
            " · ".join(
                f'<a href="{escape(relative_url(pdf_path(cfg, page.id, pdf_lang, paper), page_url))}" '
                f'hreflang="{pdf_lang}" type="application/pdf">'
                f"{'PDF' if n == 0 else escape(text.t(lang, 'letter'))}</a>"
                for n, paper in enumerate(cfg.paper_sizes)
            )
            if pdf_lang
            else "—"
        )
        qr = (
            f'<a href="{escape(relative_url(qr_path(cfg, page.id, "svg"), page_url))}">SVG</a> · '
            f'<a href="{escape(relative_url(qr_path(cfg, page.id, "png"), page_url))}">PNG</a>'
        )
        rows.append(
            f'<tr><td><a href="{escape(link)}">{escape(title)}</a></td>'
            f'<td><a href="{escape(relative_url(go_path(cfg, page.id), page_url))}">'
            f"<code>{escape(short)}</code></a></td>"
            f"<td>{pdf}</td><td>{qr}</td></tr>"
        )
    header = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
    return (
        '<table class="nmm-office-resources">\n'
        f"<thead><tr>{header}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def replace_placeholders(
    markdown: str, cfg: PublicationsConfig, catalog: Catalog, lang: str, page_url: str, source: Path
) -> tuple[str, list[Problem]]:
    """Expand `{{ office_resources() }}` and the URL shortcodes; leave every other {{ … }} alone."""
    problems: list[Problem] = []
    if TABLE_PLACEHOLDER.search(markdown):
        table = resources_table(cfg, catalog, lang, page_url)
        markdown = TABLE_PLACEHOLDER.sub(lambda _: "\n" + table + "\n", markdown)

    def url(match: re.Match[str]) -> str:
        name, page_id = match.group("name"), match.group("id") or ""
        if name == "feed_url":
            return absolute(cfg, feed_path(cfg, lang))
        if page_id not in catalog.pages:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(
                Problem(
                    source,
                    line,
                    f"{match.group(0)}: no page has the id {page_id!r}",
                    f'write the `id:` of an existing page, e.g. {{{{ {name}("ha-giang") }}}}',
                )
            )
            return match.group(0)
        if name == "short_url":
            return absolute(cfg, go_path(cfg, page_id))
        if name == "qr_svg_url":
            return absolute(cfg, qr_path(cfg, page_id, "svg"))
        if name == "qr_png_url":
            return absolute(cfg, qr_path(cfg, page_id, "png"))
        if name == "card_url":
            return absolute(cfg, card_path(cfg, page_id, lang))
        return absolute(cfg, pdf_path(cfg, page_id, pdf_language(cfg, catalog.pages[page_id], lang) or lang))

    return URL_SHORTCODE.sub(url, markdown), problems
