"""The built fixture site: languages, alternates, canonical, share tags, sitemaps, fallback, 404s."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree, html

from nmm_site import compat

pytestmark = pytest.mark.slow

BASE = "https://nmm.example.org/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


def head_links(doc: html.HtmlElement) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")}


def meta(doc: html.HtmlElement, prop: str) -> list[str]:
    return doc.xpath(f"//head/meta[@property='{prop}' or @name='{prop}']/@content")


@pytest.mark.parametrize(("path", "lang"), [("index.html", "vi"), ("en/index.html", "en"), ("fr/index.html", "fr")])
def test_home_pages_have_lang_canonical_and_all_alternates(fixture_site: Path, path: str, lang: str) -> None:
    doc = parse(fixture_site / path)
    assert doc.get("lang") == lang
    prefix = "" if lang == "vi" else f"{lang}/"
    assert doc.xpath("//head/link[@rel='canonical']/@href") == [f"{BASE}{prefix}"]
    assert head_links(doc) == {"vi": BASE, "en": f"{BASE}en/", "fr": f"{BASE}fr/", "x-default": BASE}
    assert meta(doc, "og:locale") == [{"vi": "vi_VN", "en": "en_GB", "fr": "fr_FR"}[lang]]
    assert sorted(meta(doc, "og:locale:alternate")) == sorted({"vi_VN", "en_GB", "fr_FR"} - set(meta(doc, "og:locale")))
    assert meta(doc, "og:url") == [f"{BASE}{prefix}"]


def test_language_bar_labels_carry_their_own_lang_and_keep_the_page(fixture_site: Path) -> None:
    doc = parse(fixture_site / "en" / "lich-su" / "index.html")
    links = doc.xpath("//nav[contains(@class,'nmm-langbar')]//a")
    assert [(a.get("lang"), a.text_content().strip()) for a in links] == [
        ("vi", "Tiếng Việt"), ("en", "English"), ("fr", "Français")]
    assert [a.get("href") for a in links] == ["../../lich-su/", "./", "../../fr/lich-su/"]
    assert [a.get("aria-current") for a in links] == [None, "true", None]
    assert not doc.xpath("//img[contains(@src,'flag')]")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fallback_page_says_so_marks_its_body_and_points_at_the_original(fixture_site: Path, lang: str) -> None:
    doc = parse(fixture_site / lang / "lich-su" / "index.html")
    assert doc.get("lang") == lang
    notice = doc.xpath("//aside[contains(@class,'nmm-notice--fallback')]")
    assert len(notice) == 1
    expected = {
        "en": "This page has not been translated into English yet.",
        "fr": "Cette page n’a pas encore été traduite en français.",
    }[lang]
    assert expected in notice[0].text_content()
    title = doc.xpath("//div[contains(@class,'nmm-fallback-title')]")
    body = doc.xpath("//div[contains(@class,'nmm-fallback-body')]")
    assert [b.get("lang") for b in title + body] == ["vi", "vi"]
    assert "".join(title[0].xpath("h1/text()")).strip() == "Lịch sử Điện Biên Phủ"
    assert "Trang này chỉ có bản tiếng Việt" in body[0].text_content()
    assert doc.xpath("//head/link[@rel='canonical']/@href") == [f"{BASE}lich-su/"]
    assert head_links(doc) == {}
    assert meta(doc, "og:locale:alternate") == []


def test_vietnamese_original_lists_only_itself_and_x_default(fixture_site: Path) -> None:
    doc = parse(fixture_site / "lich-su" / "index.html")
    assert head_links(doc) == {"vi": f"{BASE}lich-su/", "x-default": f"{BASE}lich-su/"}
    assert not doc.xpath("//aside[contains(@class,'nmm-notice')]")


def test_sitemaps_carry_alternates_x_default_and_no_fallback_copies(fixture_site: Path) -> None:
    root = etree.parse(str(fixture_site / "sitemap.xml")).getroot()
    locs = set(root.xpath("//s:loc/text()", namespaces=NS))
    assert f"{BASE}lich-su/" in locs
    assert f"{BASE}en/lich-su/" not in locs and f"{BASE}fr/lich-su/" not in locs
    for url in root.xpath("//s:url", namespaces=NS):
        hreflangs = url.xpath("x:link/@hreflang", namespaces=NS)
        assert "x-default" in hreflangs
    for lang in ("en", "fr"):
        sub = etree.parse(str(fixture_site / lang / "sitemap.xml")).getroot()
        assert all(loc.startswith(f"{BASE}{lang}/") for loc in sub.xpath("//s:loc/text()", namespaces=NS))


def test_json_ld_declares_the_page_language(fixture_site: Path) -> None:
    doc = parse(fixture_site / "fr" / "index.html")
    blocks = [json.loads(s) for s in doc.xpath("//script[@type='application/ld+json']/text()")]
    assert len(blocks) == 1
    types = {node["@type"]: node for node in blocks[0]["@graph"]}
    assert types["WebSite"]["inLanguage"] == "fr"
    assert types["WebSite"]["name"] == "Moyennes et hautes terres du Nord du Viêt Nam"
    assert types["WebPage"]["inLanguage"] == "fr"


def test_each_language_loads_its_own_search_index(fixture_site: Path) -> None:
    for path, base in (("index.html", "."), ("en/lich-su/index.html", ".."), ("fr/index.html", ".")):
        config = json.loads(parse(fixture_site / path).xpath("//script[@id='__config']/text()")[0])
        assert config["base"] == base


@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("404.html", "vi", "Không tìm thấy trang"), ("en/404.html", "en", "Page not found"),
    ("fr/404.html", "fr", "Page introuvable")])
def test_404_page_per_language(fixture_site: Path, path: str, lang: str, heading: str) -> None:
    doc = parse(fixture_site / path)
    assert doc.get("lang") == lang
    assert doc.xpath("//h1")[0].text_content().strip() == heading
    links = doc.xpath("//ul[@class='nmm-404-links']//a")
    assert [(a.get("lang"), a.get("href")) for a in links] == [("vi", "/"), ("en", "/en/"), ("fr", "/fr/")]


def test_material_bundle_no_longer_fetches_sitemaps_next_to_page_links(fixture_site: Path) -> None:
    bundle = next((fixture_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert 'M("link[rel=alternate][data-md-sitemap]")' in bundle
    assert 'M("link[rel=alternate]")' not in bundle


def test_material_bundle_waits_for_the_visitor_before_downloading_the_search_index(fixture_site: Path) -> None:
    bundle = next((fixture_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert compat.SEARCH_REPLACEMENT in bundle
    assert compat.SEARCH_ANCHOR not in bundle


def test_one_search_index_per_language_holding_only_that_language(fixture_site: Path) -> None:
    for lang, prefix in (("vi", ""), ("en", "en/"), ("fr", "fr/")):
        data = json.loads((fixture_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert data["config"]["lang"] == [lang]
        assert "folded" in data["config"]["fields"]
        assert not any(d["location"].startswith(("en/", "fr/")) for d in data["docs"])
    fr = json.loads((fixture_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    # The Vietnamese-only page is searchable in French too, where it is served with a notice.
    assert any(d["location"] == "lich-su/" for d in fr["docs"])


@pytest.mark.parametrize(
    ("path", "dark", "permalink"),
    [
        ("lich-su/index.html", "Chuyển sang chế độ tối", "Liên kết cố định đến mục này"),
        # The English and French copies of a page not yet translated: English chrome, Vietnamese text.
        ("en/lich-su/index.html", "Switch to dark mode", "Liên kết cố định đến mục này"),
        ("fr/lich-su/index.html", "Passer en mode sombre", "Liên kết cố định đến mục này"),
    ],
)
def test_theme_controls_and_heading_anchors_speak_the_page_language(
    fixture_site: Path, path: str, dark: str, permalink: str
) -> None:
    doc = parse(fixture_site / path)
    assert doc.xpath("//input[@name='__palette']/@aria-label")[0] == dark
    titles = set(doc.xpath("//a[@class='headerlink']/@title"))
    assert titles == {permalink}
