"""The publications' words in each language (page data for templates, PDFs, go pages, feeds)."""

from __future__ import annotations

import datetime as dt

from scripts.facts.render import format_day

UI: dict[str, dict[str, str]] = {
    "vi": {
        "download_pdf": "Tải PDF",
        "download_booklet": "Tải tập sách PDF của vùng",
        "short_link": "Liên kết ngắn",
        "qr_code": "Mã QR",
        "qr_alt": "Mã QR dẫn tới trang “{title}”",
        "read_online": "Đọc trực tuyến",
        "updated": "Cập nhật {date}",
        "published": "Đăng ngày {date}",
        "contents": "Mục lục",
        "booklet_subtitle": "Tổng quan về vùng và {count} tỉnh",
        "page_column": "Trang",
        "choose_language": "Chọn ngôn ngữ",
        "remembered": "Lựa chọn của bạn được ghi nhớ trên thiết bị này.",
        "feed_title": "{site}: trang mới và trang cập nhật",
        "card_alt": "{title} – {site}",
        "page_label": "Trang",
    },
    "en": {
        "download_pdf": "Download PDF",
        "download_booklet": "Download the region booklet (PDF)",
        "short_link": "Short link",
        "qr_code": "QR code",
        "qr_alt": "QR code linking to the page “{title}”",
        "read_online": "Read online",
        "updated": "Updated {date}",
        "published": "Published {date}",
        "contents": "Contents",
        "booklet_subtitle": "The region and its {count} provinces",
        "page_column": "Page",
        "choose_language": "Choose a language",
        "remembered": "Your choice is remembered on this device.",
        "feed_title": "{site}: new and updated pages",
        "card_alt": "{title} – {site}",
        "page_label": "Page",
    },
    "fr": {
        "download_pdf": "Télécharger le PDF",
        "download_booklet": "Télécharger le livret de la région (PDF)",
        "short_link": "Lien court",
        "qr_code": "Code QR",
        "qr_alt": "Code QR menant à la page « {title} »",
        "read_online": "Lire en ligne",
        "updated": "Mis à jour le {date}",
        "published": "Publié le {date}",
        "contents": "Sommaire",
        "booklet_subtitle": "La région et ses {count} provinces",
        "page_column": "Page",
        "choose_language": "Choisissez une langue",
        "remembered": "Votre choix est mémorisé sur cet appareil.",
        "feed_title": "{site} : pages nouvelles et mises à jour",
        "card_alt": "{title} – {site}",
        "page_label": "Page",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The word `key` in `lang` (English when the language has no entry), with {placeholders} filled."""
    text = UI.get(lang, UI["en"]).get(key) or UI["en"][key]
    return text.format(**values) if values else text


def dated(lang: str, key: str, when: dt.date | dt.datetime) -> str:
    """'Cập nhật 26 tháng 11 năm 2026' / 'Updated 26 November 2026' / 'Mis à jour le 26 novembre 2026'."""
    return t(lang, key, date=format_day(when, lang))
