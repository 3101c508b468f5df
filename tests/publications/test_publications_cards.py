"""Share cards: size, glyph coverage of titles, wrapping, determinism, and the page metadata."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from nmm_site.errors import ProblemsFound
from nmm_site.publications import cards, pagemeta
from nmm_site.publications.build import card_jobs
from nmm_site.publications.catalog import scan
from tests.publications.conftest import ROOT

FONTS = ROOT / "assets" / "fonts"


def test_cards_in_the_site_are_1200_by_630(built) -> None:
    _, site, _ = built
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("cards/*.jpg"))
    assert len(names) == 12 and "fr/cards/ha-giang.jpg" in names
    for name in names:
        with Image.open(site / name) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 630))


def test_vietnamese_titles_have_every_glyph() -> None:
    title = "Cao nguyên đá Đồng Văn – Điện Biên Phủ, Mù Cang Chải, Ba Bể, Hoàng Liên, Yên Tử, Pắc Bó"
    assert cards.missing_glyphs(title, FONTS / cards.TITLE_FONT) == []
    assert cards.missing_glyphs(unicodedata.normalize("NFD", title), FONTS / cards.TITLE_FONT) == []
    assert cards.missing_glyphs("Hà Giang 河江 ⚠", FONTS / cards.TITLE_FONT) == ["河", "江", "⚠"]


def test_wrap_keeps_lines_within_the_width() -> None:
    font = ImageFont.truetype(str(FONTS / cards.TITLE_FONT), 64)
    lines = cards.wrap("Công viên địa chất toàn cầu UNESCO Cao nguyên đá Đồng Văn", font, 600)
    assert len(lines) > 1 and all(font.getlength(line) <= 600 for line in lines)
    assert " ".join(lines) == "Công viên địa chất toàn cầu UNESCO Cao nguyên đá Đồng Văn"


def test_card_is_deterministic_and_fills_the_frame(tmp_path: Path) -> None:
    hero = tmp_path / "tall.jpg"
    Image.new("RGB", (300, 900), (200, 40, 40)).save(hero)  # portrait: cropped to fill, never letterboxed
    args = {"title": "Điện Biên Phủ", "site_name": "Trung du và miền núi phía Bắc", "fonts_dir": FONTS}
    first = cards.render_card(hero=hero, **args)
    assert first == cards.render_card(hero=hero, **args)
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (1200, 630)
        assert not image.info.get("progressive")  # baseline: faster to encode, and no larger
        red, green, _ = image.convert("RGB").getpixel((1190, 10))
        assert red > green  # the photo reaches the corner
    assert cards.render_card(hero=None, **args) != first


def test_share_card_metadata(built) -> None:
    cfg, _, _ = built
    catalog = scan(cfg.site)
    card = pagemeta.share_card(cfg, catalog.pages["ha-giang"], "fr")
    assert card == {
        "url": "fr/cards/ha-giang.jpg",
        "width": 1200,
        "height": 630,
        "type": "image/jpeg",
        "alt": "Hà Giang – Moyennes et hautes terres du Nord du Viêt Nam",
    }


def test_a_title_without_glyphs_stops_the_build_naming_the_page(built, tmp_path: Path) -> None:
    cfg, site, _ = built
    catalog = scan(cfg.site)
    page = catalog.pages["ha-giang"]
    bad = type(page.versions["vi"])(**{**page.versions["vi"].__dict__, "title": "Hà Giang 河江"})
    page.versions["vi"] = bad
    with pytest.raises(ProblemsFound) as caught:
        card_jobs(cfg, catalog, ["vi"], lambda name: None, "fonts")
    assert "ha-giang.md" in caught.value.report() and "'河'" in caught.value.report()


def test_the_glyph_check_runs_only_for_cards_not_stored_yet(built, monkeypatch) -> None:
    cfg, _, _ = built
    catalog = scan(cfg.site)
    checked: list[str] = []
    real = cards.missing_glyphs

    def counting(text: str, font_path: Path) -> list[str]:
        checked.append(text)
        return real(text, font_path)

    monkeypatch.setattr(cards, "missing_glyphs", counting)
    cfg = dataclasses.replace(cfg, cache_version="glyph-check-test")  # keys no stored card has
    jobs = card_jobs(cfg, catalog, ["vi", "fr"], lambda name: None, "fonts")
    assert len(checked) == len(jobs) > 0
    (cfg.cache_dir / "card").mkdir(parents=True, exist_ok=True)
    stored = [cfg.cache_dir / "card" / f"{job.key}.jpg" for job in jobs[1:]]
    for path in stored:
        path.write_bytes(b"stored")
    checked.clear()
    try:
        again = card_jobs(cfg, catalog, ["vi", "fr"], lambda name: None, "fonts")
    finally:
        for path in stored:
            path.unlink()
    assert [job.key for job in again] == [job.key for job in jobs]
    assert len(checked) == 1  # only the card the cache lacks
