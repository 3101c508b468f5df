"""Unit tests for the page registry, head metadata and sitemaps (pure functions, fixture trees)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from nmm_site.i18n.pages import PageIndex, url_path
from nmm_site.i18n.seo import json_ld, page_head
from nmm_site.i18n.sitemap import sitemap_xml
from nmm_site.site_config import Language, SiteConfig

SITE = SiteConfig(
    root=Path("."),
    site_url="https://nmm.example.org/",
    site_name="Trung du",
    languages=(
        Language("vi", "Tiếng Việt", True),
        Language("en", "English", False, babel_locale="en_GB", og_locale="en_GB"),  # as in mkdocs.yml
        Language("fr", "Français", False),
    ),
)
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def index(tmp_path: Path) -> PageIndex:
    for code, pages in {
        "vi": ["index.md", "provinces/ha-giang.md", "lich-su.md"],
        "en": ["index.md", "provinces/ha-giang.md"],
        "fr": ["index.md"],
    }.items():
        for rel in pages:
            path = tmp_path / code / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("# x\n", encoding="utf-8")
    return PageIndex.scan(SITE, tmp_path)


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("index.md", ""),
        ("provinces/index.md", "provinces/"),
        ("provinces/ha-giang.md", "provinces/ha-giang/"),
        ("lich-su.md", "lich-su/"),
    ],
)
def test_url_path(rel: str, expected: str) -> None:
    assert url_path(rel) == expected


def test_alternates_list_real_versions_then_x_default(index: PageIndex) -> None:
    assert index.alternates("provinces/ha-giang.md") == [
        ("vi", "https://nmm.example.org/provinces/ha-giang/"),
        ("en", "https://nmm.example.org/en/provinces/ha-giang/"),
        ("x-default", "https://nmm.example.org/provinces/ha-giang/"),
    ]


def test_translated_page_head(index: PageIndex) -> None:
    head = page_head(index, "provinces/ha-giang.md", "en", "en")
    assert not head.is_fallback
    assert head.canonical == "https://nmm.example.org/en/provinces/ha-giang/"
    assert head.og_locale == "en_GB"
    assert head.og_locale_alternates == ["vi_VN"]
    assert [h for h, _ in head.alternates] == ["vi", "en", "x-default"]


def test_fallback_page_head_points_at_the_original_and_lists_no_alternates(index: PageIndex) -> None:
    head = page_head(index, "lich-su.md", "fr", "vi")
    assert head.is_fallback
    assert head.canonical == "https://nmm.example.org/lich-su/"
    assert head.alternates == []
    assert head.og_locale == "fr_FR"
    assert head.og_locale_alternates == []


def test_sitemap_lists_real_pages_with_reciprocal_alternates(index: PageIndex) -> None:
    root = etree.fromstring(sitemap_xml(index, SITE.codes).encode())
    locs = root.xpath("//s:loc/text()", namespaces=NS)
    # Fallback copies (lich-su in en/fr, ha-giang in fr) are not listed.
    assert sorted(locs) == sorted(
        [
            "https://nmm.example.org/",
            "https://nmm.example.org/lich-su/",
            "https://nmm.example.org/provinces/ha-giang/",
            "https://nmm.example.org/en/",
            "https://nmm.example.org/en/provinces/ha-giang/",
            "https://nmm.example.org/fr/",
        ]
    )
    for url in root.xpath("//s:url", namespaces=NS):
        links = {link.get("hreflang"): link.get("href") for link in url.xpath("x:link", namespaces=NS)}
        assert url.xpath("s:loc/text()", namespaces=NS)[0] in links.values()
        assert "x-default" in links


def test_language_sitemap_holds_only_that_language(index: PageIndex) -> None:
    root = etree.fromstring(sitemap_xml(index, ("en",)).encode())
    assert root.xpath("//s:loc/text()", namespaces=NS) == [
        "https://nmm.example.org/en/",
        "https://nmm.example.org/en/provinces/ha-giang/",
    ]


def test_json_ld_carries_language_type_and_image_rights(index: PageIndex) -> None:
    head = page_head(index, "provinces/ha-giang.md", "en", "en")
    data = json.loads(
        json_ld(
            head,
            page_type="province",
            title="Hà Giang",
            description="A province </script>",
            site_name="NMM",
            site_url=SITE.site_url,
            home_url="https://nmm.example.org/en/",
            images=[
                {
                    "url": "https://nmm.example.org/assets/img/x.jpg",
                    "license": "https://creativecommons.org/licenses/by/4.0/",
                    "credit": "NMM project",
                    "creator": "NMM project",
                }
            ],
            contained_in=["Tuyên Quang"],
            translation_of="https://nmm.example.org/provinces/ha-giang/",
        )
    )
    graph = {node["@type"]: node for node in data["@graph"]}
    assert graph["WebSite"]["inLanguage"] == "en"
    assert graph["WebPage"]["inLanguage"] == "en"
    assert graph["WebPage"]["translationOfWork"] == {
        "@id": "https://nmm.example.org/provinces/ha-giang/#webpage"
    }
    assert graph["AdministrativeArea"]["containedInPlace"] == [
        {"@type": "AdministrativeArea", "name": "Tuyên Quang"}
    ]
    image = graph["WebPage"]["image"][0]
    assert (image["license"], image["creditText"]) == (
        "https://creativecommons.org/licenses/by/4.0/",
        "NMM project",
    )


def test_json_ld_cannot_close_its_script_element(index: PageIndex) -> None:
    head = page_head(index, "index.md", "vi", "vi")
    text = json_ld(
        head,
        page_type="home",
        title="</script><script>alert(1)",
        description="d",
        site_name="s",
        site_url=SITE.site_url,
        home_url=SITE.site_url,
    )
    assert "</script>" not in text
