"""Stable short links /go/<id>/: a static page that opens the page in the visitor's language."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from nmm_site.publications import text
from nmm_site.publications.catalog import Page
from nmm_site.publications.config import PublicationsConfig
from nmm_site.publications.urls import absolute, go_path, page_path, relative_url

STORAGE_KEY = "nmm-lang"  # localStorage key of the visitor's remembered choice


def choose_language(
    stored: str | None, preferred: Sequence[str], available: Sequence[str], default: str
) -> str:
    """The language to open: the remembered choice, else the first browser language we have, else default.

    Mirrors CHOOSE_JS below (tests run both on the same cases)."""
    if stored and stored in available:
        return stored
    for tag in preferred:
        base = str(tag).strip().lower().split("-")[0]
        if base in available:
            return base
    return default


# The same rule in JavaScript (ES5: runs in every browser that runs JavaScript at all).
CHOOSE_JS = """function nmmChoose(stored, preferred, available, fallback) {
  if (stored && available.indexOf(stored) >= 0) return stored;
  for (var i = 0; i < (preferred || []).length; i++) {
    var base = String(preferred[i]).trim().toLowerCase().split("-")[0];
    if (available.indexOf(base) >= 0) return base;
  }
  return fallback;
}"""

_SCRIPT = """(function () {
  var KEY = %(key)s, DELAY = %(delay)d;
  var links = document.querySelectorAll("a[data-nmm-lang]"), available = [], stored = null;
  for (var i = 0; i < links.length; i++) available.push(links[i].getAttribute("data-nmm-lang"));
  try { stored = window.localStorage.getItem(KEY); } catch (e) { stored = null; }
  var preferred = navigator.languages || [navigator.language || ""];
  var lang = nmmChoose(stored, preferred, available, %(default)s);
  var target = document.querySelector('a[data-nmm-lang="' + lang + '"]');
  for (var j = 0; j < links.length; j++) {
    links[j].addEventListener("click", function () {
      try { window.localStorage.setItem(KEY, this.getAttribute("data-nmm-lang")); }
      catch (e) { /* private browsing: nothing to remember */ }
      if (timer) window.clearTimeout(timer);
    });
  }
  if (!target) return;
  target.setAttribute("aria-current", "true");
  // A remembered choice opens at once; a guess waits a moment so the visitor can pick another language.
  var timer = window.setTimeout(function () { window.location.replace(target.href); },
                                stored === lang ? 0 : DELAY);
  function stay() { window.clearTimeout(timer); timer = null; }
  document.addEventListener("pointerdown", stay, { once: true });
  document.addEventListener("keydown", stay, { once: true });
})();"""

_STYLE = (
    "body{font:1.1rem/1.5 system-ui,'Noto Sans',sans-serif;margin:0;padding:2rem 1rem;color:#1c2b22;"
    "background:#f6f8f5}main{max-width:32rem;margin:0 auto}h1{font-size:1.5rem;margin:0 0 1rem}"
    "ul{list-style:none;padding:0}li{margin:.5rem 0}a{display:block;padding:.75rem 1rem;border:2px solid "
    "#2e6b45;border-radius:.5rem;color:#1c4a2e;text-decoration:none;background:#fff}"
    "a[aria-current]{background:#2e6b45;color:#fff}a:focus-visible{outline:3px solid #b35c00}"
    "p{font-size:.95rem;color:#3d4a42}span.nmm-go-title{display:block;font-size:.9rem}"
)


@dataclass(frozen=True)
class GoLink:
    lang: str
    name: str  # the language's own name
    title: str  # the page's title in that language (the default language's on a fallback)
    href: str  # relative to the go page


def go_links(cfg: PublicationsConfig, page: Page) -> list[GoLink]:
    """One link per site language, in the site's order, relative to /go/<id>/."""
    here = go_path(cfg, page.id)
    return [
        GoLink(
            lang=language.code,
            name=language.name,
            title=page.version(language.code, cfg.site.default_language).title,
            href=relative_url(page_path(cfg, page, language.code), here) or "./",
        )
        for language in cfg.site.languages
    ]


def go_page_html(cfg: PublicationsConfig, page: Page) -> str:
    """The /go/<id>/ page: a list of the three languages that works without JavaScript."""
    default = cfg.site.default_language
    links = go_links(cfg, page)
    canonical = absolute(cfg, page_path(cfg, page, default))
    items = "\n".join(
        f'<li><a href="{escape(link.href)}" hreflang="{link.lang}" lang="{link.lang}" '
        f'data-nmm-lang="{link.lang}">{escape(link.name)}'
        f'<span class="nmm-go-title">{escape(link.title)}</span></a></li>'
        for link in links
    )
    prompts = " · ".join(
        f'<span lang="{lang.code}">{escape(text.t(lang.code, "choose_language"))}</span>'
        for lang in cfg.site.languages
    )
    notes = "<br>".join(
        f'<span lang="{lang.code}">{escape(text.t(lang.code, "remembered"))}</span>'
        for lang in cfg.site.languages
    )
    script = _SCRIPT % {
        "key": json.dumps(STORAGE_KEY),
        "delay": cfg.go_delay_ms,
        "default": json.dumps(default),
    }
    title = page.version(default, default).title
    # The site's own icon (relative: works under a sub-path), so the browser's favicon request finds it.
    favicon = relative_url(cfg.favicon, go_path(cfg, page.id))
    return f"""<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)} – {escape(cfg.site_name(default))}</title>
<link rel="canonical" href="{escape(canonical)}">
<link rel="icon" href="{escape(favicon)}" type="{cfg.favicon_type}">
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
<p>{prompts}</p>
<ul>
{items}
</ul>
<p>{notes}</p>
</main>
<script>
{CHOOSE_JS}
{script}
</script>
</body>
</html>
"""
