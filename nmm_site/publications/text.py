"""The publications' words in each language (page data for templates, PDFs, go pages, feeds)."""

from __future__ import annotations

import datetime as dt

from nmm_site.facts.render import format_day
from nmm_site.i18n.messages import ui_text


def _words(lang: str) -> dict[str, str]:
    """The publications' words in `lang`, from the gettext catalogs (locales/)."""
    return {
        "download_pdf": ui_text(lang, "Download PDF"),
        "download_booklet": ui_text(lang, "Download the region booklet (PDF)"),
        "letter": ui_text(lang, "US Letter paper"),
        "short_link": ui_text(lang, "Short link"),
        "qr_code": ui_text(lang, "QR code"),
        "qr_alt": ui_text(lang, "QR code linking to the page “{title}”"),
        "read_online": ui_text(lang, "Read online"),
        "updated": ui_text(lang, "Updated {date}"),
        "published": ui_text(lang, "Published {date}"),
        "contents": ui_text(lang, "Contents"),
        "booklet_subtitle": ui_text(lang, "The region and its {count} provinces"),
        "page_column": ui_text(lang, "Page"),
        "choose_language": ui_text(lang, "Choose a language"),
        "remembered": ui_text(lang, "Your choice is remembered on this device."),
        "feed_title": ui_text(lang, "{site}: new and updated pages"),
        "card_alt": ui_text(lang, "{title} – {site}"),
        "page_label": ui_text(lang, "Page"),
    }


def t(lang: str, key: str, **values: object) -> str:
    """The word `key` in `lang`, with {placeholders} filled."""
    text = _words(lang)[key]
    return text.format(**values) if values else text


def dated(lang: str, key: str, when: dt.date | dt.datetime) -> str:
    """'Cập nhật 26 tháng 11 năm 2026' / 'Updated 26 November 2026' / 'Mis à jour le 26 novembre 2026'."""
    return t(lang, key, date=format_day(when, lang))
