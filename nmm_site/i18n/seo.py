"""Head metadata for one page: canonical URL, hreflang alternates, Open Graph and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass

from nmm_site.i18n.pages import PageIndex, url_path

# schema.org type of the thing a page describes, by page type (None: the page itself is the subject).
SCHEMA_TYPES = {
    "home": None,
    "region": "Place",
    "province": "AdministrativeArea",
    "heritage": "TouristDestination",
    "people": None,
    "page": None,
}


@dataclass(frozen=True)
class PageHead:
    lang: str  # language of the build (the reader's language)
    content_lang: str  # language of the body text: differs on a fallback page
    canonical: str
    alternates: list[tuple[str, str]]  # (hreflang, absolute URL); empty on a fallback page
    og_locale: str
    og_locale_alternates: list[str]

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.content_lang


def page_head(index: PageIndex, rel_md: str, lang: str, content_lang: str) -> PageHead:
    """Head data for the page `rel_md` built in `lang` from a file in `content_lang`."""
    site = index.site
    path = url_path(rel_md)
    fallback = lang != content_lang
    # A fallback copy is not a translation: it points search engines at the original and lists no
    # alternates, so only real versions are indexed.
    canonical = site.absolute_url(content_lang, path)
    alternates = [] if fallback else index.alternates(rel_md)
    # Open Graph wants language_TERRITORY (mkdocs.yml `extra.og_locale`, else CLDR's likely territory).
    others = [site.language(code).open_graph_locale for code in index.languages_of(rel_md) if code != lang]
    return PageHead(
        lang=lang,
        content_lang=content_lang,
        canonical=canonical,
        alternates=alternates,
        og_locale=site.language(lang).open_graph_locale,
        og_locale_alternates=[] if fallback else others,
    )


def json_ld(
    head: PageHead,
    *,
    page_type: str,
    title: str,
    description: str,
    site_name: str,
    site_url: str,
    home_url: str,
    images: list[dict] | None = None,
    contained_in: list[str] | None = None,
    translation_of: str | None = None,
) -> str:
    """schema.org JSON-LD for the page, safe to embed in a <script> element."""
    website = {
        "@type": "WebSite",
        "@id": f"{home_url}#website",
        "name": site_name,
        "url": home_url,
        "inLanguage": head.lang,
    }
    page: dict = {
        "@type": "WebPage",
        "@id": f"{head.canonical}#webpage",
        "url": head.canonical,
        "name": title,
        "description": description,
        "inLanguage": head.content_lang,
        "isPartOf": {"@id": f"{home_url}#website"},
    }
    if translation_of:
        page["translationOfWork"] = {"@id": f"{translation_of}#webpage"}
    graph: list[dict] = [website, page]
    if images:
        page["image"] = [
            {
                "@type": "ImageObject",
                "contentUrl": img["url"],
                "caption": img.get("caption", ""),
                "license": img["license"],
                "creditText": img["credit"],
                "creator": {"@type": "Organization", "name": img["creator"]},
                **({"acquireLicensePage": img["acquire"]} if img.get("acquire") else {}),
            }
            for img in images
        ]
    subject_type = SCHEMA_TYPES.get(page_type)
    if subject_type:
        subject: dict = {
            "@type": subject_type,
            "@id": f"{head.canonical}#subject",
            "name": title,
            "description": description,
            "url": head.canonical,
        }
        if contained_in:
            subject["containedInPlace"] = [{"@type": "AdministrativeArea", "name": n} for n in contained_in]
        page["about"] = {"@id": f"{head.canonical}#subject"}
        graph.append(subject)
    data = {"@context": "https://schema.org", "@graph": graph}
    # `</` inside a <script> would end it early; JSON allows escaping the slash.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
