"""The publications' words in each language (page data for templates, PDFs, go pages, feeds)."""

from __future__ import annotations

import datetime as dt

from nmm_site.facts.render import format_day
from nmm_site.i18n.messages import N_, ui_text

# The publications' words, as message ids of the gettext catalogs (locales/), translated when used.
_MESSAGES = {
    "download_pdf": N_("Download PDF"),
    "download_booklet": N_("Download the region booklet (PDF)"),
    "letter": N_("US Letter paper"),
    "short_link": N_("Short link"),
    "qr_code": N_("QR code"),
    "qr_alt": N_("QR code linking to the page “{title}”"),
    "read_online": N_("Read online"),
    "updated": N_("Updated {date}"),
    "published": N_("Published {date}"),
    "contents": N_("Contents"),
    "booklet_subtitle": N_("The region and its {count} provinces"),
    "page_column": N_("Page"),
    "choose_language": N_("Choose a language"),
    "remembered": N_("Your choice is remembered on this device."),
    "feed_title": N_("{site}: new and updated pages"),
    "card_alt": N_("{title} – {site}"),
    "page_label": N_("Page"),
}


def t(lang: str, key: str, **values: object) -> str:
    """The word `key` in `lang`, with {placeholders} filled."""
    return ui_text(lang, _MESSAGES[key], **values)


def dated(lang: str, key: str, when: dt.date | dt.datetime) -> str:
    """'Cập nhật 26 tháng 11 năm 2026' / 'Updated 26 November 2026' / 'Mis à jour le 26 novembre 2026'."""
    return t(lang, key, date=format_day(when, lang))
