"""The hook places the grid after a section's introduction; `make screenshots` covers every language."""

from __future__ import annotations

from types import SimpleNamespace

import hooks.cards as hook
from nmm_site.cards import screenshots
from tests.cards.test_cards_html import fake_meta


def section_page(src_uri: str, meta: dict) -> SimpleNamespace:
    return SimpleNamespace(meta=meta, url="en/provinces/", file=SimpleNamespace(src_uri=src_uri))


def test_the_grid_goes_after_the_introduction_and_the_anchors_stay(project, monkeypatch) -> None:
    monkeypatch.setattr(hook._state, "project", project)
    monkeypatch.setattr(hook._state, "calendar", False)
    monkeypatch.setattr(hook.images, "image_meta", fake_meta)
    monkeypatch.setattr(hook, "_add_credits", lambda page, lang, names: None)
    config = SimpleNamespace(theme={"language": "en"})
    page = section_page("en/provinces/index.md", {"type": "page", "id": "provinces"})
    hook.on_page_markdown("text", page, config, None)
    assert page.meta["template"] == "section.html"
    content = '<p>Intro</p>\n<h2 id="now">Since 2025</h2><h3 id="now-tuyen-quang">Tuyên Quang</h3>'
    out = hook.on_page_content(content, page, config, None)
    assert out.index("<p>Intro</p>") < out.index('class="nmm-section-cards"') < out.index('<h2 id="now">')
    assert out.endswith(content[len("<p>Intro</p>\n") :])  # the page's own headings and anchors unchanged


def test_other_pages_are_left_alone_and_the_home_hides_the_sidebars(project, monkeypatch) -> None:
    monkeypatch.setattr(hook._state, "project", project)
    monkeypatch.setattr(hook, "_add_credits", lambda page, lang, names: None)
    config = SimpleNamespace(theme={"language": "en"})
    # A page with the id of a section but not its index, and a province page.
    for src, meta in [
        ("en/about/provinces.md", {"type": "page", "id": "provinces"}),
        ("en/provinces/ha-giang.md", {"type": "province", "id": "ha-giang"}),
    ]:
        page = section_page(src, dict(meta))
        hook.on_page_markdown("text", page, config, None)
        assert "template" not in page.meta
        assert hook.on_page_content("<h2>x</h2>", page, config, None) == "<h2>x</h2>"
    home = section_page("en/index.md", {"type": "home", "id": "home"})
    hook.on_page_markdown("text", home, config, None)
    assert home.meta["hide"] == ["navigation", "toc"]
    own = section_page("en/index.md", {"type": "home", "id": "home", "hide": ["toc"]})
    hook.on_page_markdown("text", own, config, None)
    assert own.meta["hide"] == ["toc"]  # the editor's choice wins


def test_screenshots_cover_four_page_types_two_devices_every_language() -> None:
    plan = screenshots.shot_plan([("vi", ""), ("en", "en/"), ("fr", "fr/")])
    assert len(plan) == 3 * 4 * 2
    assert len({name for _, name in plan}) == len(plan)
    assert ("", "vi-home-phone.png") in plan
    assert ("fr/provinces/ha-giang/", "fr-province-laptop.png") in plan
    assert all(url.startswith(("en/", "fr/")) for url, name in plan if not name.startswith("vi-"))


def test_screenshots_refuse_a_site_dir_that_was_not_built(tmp_path, capsys) -> None:
    assert screenshots.main(["--site", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "build the site first" in capsys.readouterr().err


def test_the_calendar_card_follows_the_calendar_page_of_the_build(monkeypatch) -> None:
    monkeypatch.setattr(hook._state, "codes", ("vi", "en", "fr"))

    def files(*urls: str) -> list[SimpleNamespace]:
        return [SimpleNamespace(url=u, is_documentation_page=lambda: True) for u in urls]

    hook.on_nav(None, None, files("", "provinces/", "en/calendar/"))
    assert hook._state.calendar is True
    hook.on_nav(None, None, files("", "heritage/lunar-calendar/", "provinces/calendar/"))
    assert hook._state.calendar is False
