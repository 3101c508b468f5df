"""Card HTML: lists that work without JavaScript, pictures sized per card, the hidden filter."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from nmm_site.cards import data, html


def fake_meta(name: str, lang: str) -> dict:
    """Image metadata as the pipeline gives it: three widths in three formats, 16:9."""
    if name == "missing.jpg":
        raise KeyError(name)
    stem = name.rsplit(".", 1)[0]
    variants = [
        {"format": fmt, "width": w, "height": w * 9 // 16, "url": f"assets/img/{stem}-{w}.{ext}"}
        for w in (960, 480, 1600)
        for fmt, ext in (("avif", "avif"), ("webp", "webp"), ("jpeg", "jpg"))
    ]
    return {
        "name": name,
        "alt": f"alt of {name} in {lang}",
        "width": 1600,
        "height": 900,
        "variants": variants,
    }


def grid(project, lang="en"):
    cards = data.section_cards(project, lang, "provinces")
    out = html.section_grid(
        cards,
        section="provinces",
        lang=lang,
        page_url="en/provinces/",
        root_prefix="../",
        image_meta=fake_meta,
    )
    return cards, lxml_html.fromstring(out)


def test_section_grid_is_a_list_of_links_with_the_filter_hidden_until_javascript(project) -> None:
    cards, doc = grid(project)
    items = doc.xpath("//ul[@id='nmm-tiles-provinces']/li")
    assert len(items) == len(cards) == 3
    links = [a.get("href") for a in doc.xpath("//li/span/a[@class='nmm-tile__title']")]
    assert links == ["../provinces/bac-kan/", "../provinces/cao-bang/", "../provinces/ha-giang/"]
    assert [li.get("data-now") for li in items] == ["thai-nguyen", "cao-bang", "tuyen-quang"]
    box = doc.xpath("//div[@data-nmm-filter='nmm-tiles-provinces']")[0]
    assert box.get("hidden") is not None  # cards.js reveals it
    options = [(o.get("value"), o.text) for o in box.xpath(".//option")]
    assert options[0] == ("", "All provinces")
    assert sorted(options[1:]) == [
        ("cao-bang", "Cao Bằng"),
        ("thai-nguyen", "Thái Nguyên"),
        ("tuyen-quang", "Tuyên Quang"),
    ]
    label = box.xpath(".//label")[0]
    assert label.get("for") == box.xpath(".//select")[0].get("id")
    assert "{shown}" in box.get("data-status") and "{total}" in box.get("data-status")
    assert box.xpath(".//*[@role='status']")[0].text == "3 of 3 shown"
    assert "Since 2025: Tuyên Quang" in items[2].text_content()


def test_card_pictures_are_lazy_sized_for_the_card_and_keep_their_box(project) -> None:
    _, doc = grid(project)
    imgs = doc.xpath("//li//img")
    assert len(imgs) == 3
    for img in imgs:
        assert img.get("loading") == "lazy" and img.get("decoding") == "async"
        assert img.get("sizes") == html.TILE_SIZES
        # width/height of the smallest variant: the box has its shape before the file arrives.
        assert (img.get("width"), img.get("height")) == ("480", "270")
        assert img.get("src").startswith("../../assets/img/") and img.get("src").endswith("-480.jpg")
        widths = [int(w) for w in re.findall(r" (\d+)w", img.get("srcset"))]
        assert widths == sorted(widths) == [480, 960, 1600]
        assert img.get("alt") == ""  # decorative beside the card's title link
    sources = doc.xpath("//li//source")
    assert [s.get("type") for s in sources[:2]] == ["image/avif", "image/webp"]


def test_an_eager_picture_has_its_alt_text_and_high_priority() -> None:
    out = html.picture(fake_meta("hero.jpg", "fr"), "fr/", "100vw", eager=True, alt="alt of hero.jpg in fr")
    img = lxml_html.fromstring(out).xpath("//img")[0]
    assert img.get("loading") == "eager" and img.get("fetchpriority") == "high"
    assert img.get("alt") == "alt of hero.jpg in fr"
    assert img.get("src") == "../assets/img/hero-480.jpg"


def test_a_card_whose_image_is_unknown_keeps_an_empty_picture_box(project) -> None:
    card = data.Card(id="x", title="X", text="", path="x/", image="missing.jpg")
    out = html.tile(card, lang="en", page_url="", root_prefix="", image_meta=fake_meta)
    assert "nmm-tile__image--none" in out and "<img" not in out


def test_discover_and_highlight_cards_are_translated(project) -> None:
    cards = data.discover(project, "fr", calendar=True)
    out = html.discover_cards(cards, lang="fr", page_url="fr/", root_prefix="", image_meta=fake_meta)
    doc = lxml_html.fromstring(out)
    titles = [a.text for a in doc.xpath("//a")]
    assert titles == ["Provinces", "Patrimoine", "Peuples", "Calendrier"]
    assert [a.get("href") for a in doc.xpath("//a")] == ["provinces/", "heritage/", "peoples/", "calendar/"]
    assert doc.xpath("//img")[0].get("sizes") == html.DISCOVER_SIZES
    row = html.highlight_cards(
        data.highlights(project, "vi"), lang="vi", page_url="", root_prefix="", image_meta=fake_meta
    )
    doc = lxml_html.fromstring(row)
    assert len(doc.xpath("//li")) == 5
    assert doc.xpath("//li")[0].xpath(".//*[@class='nmm-tile__kicker']")[0].text == "Hà Giang"
