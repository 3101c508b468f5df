"""gettext for the project's Python code: `ui_text(lang, "English message", **values)`.

The same catalogs as the templates (locales/<lang>/LC_MESSAGES/messages.po): `nmm extract-messages`
collects every `ui_text(lang, "…")` call (the message is the second argument), every `N_("…")` and every
template string.
"""

from __future__ import annotations

import functools

from babel.support import Translations

from nmm_site.i18n import catalogs
from nmm_site.site_config import load


@functools.cache
def _translations(lang: str) -> Translations:
    site = load()  # the project being built (its own catalogs), else this checkout
    mo = catalogs.mo_dir(site) / lang / "LC_MESSAGES" / f"{catalogs.DOMAIN}.mo"
    newest_po = max(catalogs.po_path(site, code).stat().st_mtime for code in site.codes)
    # Commands and tests may run before any build: compile the catalogs when they are stale.
    if not mo.exists() or mo.stat().st_mtime < newest_po:
        catalogs.compile_all(site)
    return catalogs.translations(site, lang)


def ui_text(lang: str, message: str, **values: object) -> str:
    """`message` (English, the msgid) in `lang`, with `{name}` placeholders filled from `values`."""
    text = _translations(lang).gettext(message)
    return text.format(**values) if values else text


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for "mark, don't translate"
    """Mark an English message for extraction where it is stored (a table of messages by key); the
    caller translates it later with `ui_text(lang, message)`."""
    return message


def permalink_title(lang: str) -> str:
    """The title of the "#" anchor after each heading (the toc extension's `permalink_title`)."""
    return ui_text(lang, "Permanent link to this section")
