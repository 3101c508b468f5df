"""Rendering of the visitor blocks on the small fixture: markup contract, Babel months, placement."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.toc import AnchorLink

from nmm_site.facts.config import FactsConfig
from nmm_site.facts.render import Renderer
from nmm_site.visits import model, offices, page, render
from nmm_site.visits.featured import featured_places
from tests.visits.conftest import LANGUAGES, load_project

ROOT = Path(__file__).resolve().parents[2]


def plan_for(root: Path, eid: str, lang: str) -> render.Plan:
    entity = model.entities(load_project(root))[eid]
    plan = render.plan(entity, lang, lambda target: f"../../{target}/")
    assert plan is not None
    return plan


def text_of(fragment: str) -> str:
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def test_section_markup_contract(project: Path, labels: dict) -> None:
    section = plan_for(project, "ha-giang", "en").section
    assert section.startswith('<section id="plan-your-visit" class="nmm-visit"')
    ids = re.findall(r'<section id="([a-z-]+)"', section)
    assert ids == ["plan-your-visit", "dont-miss", "when-to-go", "getting-there", "respect"]
    assert '<ul class="nmm-visit__places">' in section
    assert '<ul class="nmm-visit__months">' in section
    assert re.findall(r'<li id="(dont-miss-[a-z-]+)"', section) == [
        "dont-miss-ma-pi-leng",
        "dont-miss-lung-cu",
    ]
    # A place with `page` links to it; one without is plain text.
    assert '<a href="../../heritage/ba-be/">Mã Pí Lèng Pass</a>' in section
    assert "<a" not in section.split('id="dont-miss-lung-cu"')[1].split("</li>")[0]


def test_months_come_from_babel_in_each_language(project: Path, labels: dict) -> None:
    expected = {
        "en": ["September–October", "January–February"],
        "fr": ["septembre–octobre", "janvier–février"],
        "vi": ["Tháng 9–tháng 10", "Tháng 1–tháng 2"],
    }
    for lang in LANGUAGES:
        section = plan_for(project, "ha-giang", lang).section
        months = section.split('id="when-to-go"')[1]
        assert re.findall(r'<strong class="nmm-visit__when">([^<]+)</strong>', months) == expected[lang]


def test_a_run_across_the_new_year(project: Path, labels: dict) -> None:
    plan = plan_for(project, "lao-cai", "en")
    assert "December–February" in plan.section
    assert "<dd>December–February</dd>" in plan.summary
    assert render.calendar_runs({12, 1, 2, 6}) == [(6, 6), (12, 2)]
    assert render.runs([9, 10, 1, 2]) == [(9, 10), (1, 2)]


def test_getting_there_lists_road_first_with_distance_and_time(project: Path, labels: dict) -> None:
    section = plan_for(project, "ha-giang", "en").section
    travel = text_of(section.split('id="getting-there"')[1].split("</section>")[0])
    assert travel.index("By road") < travel.index("By rail")
    assert "By road (≈\u00a0300\u00a0km, ≈\u00a07\u00a0hours)" in travel
    assert "≈\u00a07\u00a0giờ" in plan_for(project, "ha-giang", "vi").section


def test_summary_box(project: Path, labels: dict) -> None:
    summary = plan_for(project, "ha-giang", "en").summary
    assert summary.startswith('<aside class="nmm-plan"')
    assert "<dd>January–February and September–October</dd>" in summary
    assert "<dd>≈\u00a07\u00a0hours by road</dd>" in summary  # the quickest sourced time
    assert re.findall(r'href="#([a-z-]+)"', summary) == [
        "dont-miss",
        "when-to-go",
        "getting-there",
        "respect",
    ]


def test_heritage_entry_shows_only_its_blocks(project: Path, labels: dict) -> None:
    plan = plan_for(project, "ba-be", "fr")
    assert re.findall(r'<section id="([a-z-]+)"', plan.section) == [
        "plan-your-visit",
        "when-to-go",
        "respect",
    ]
    assert re.findall(r'href="#([a-z-]+)"', plan.summary) == ["when-to-go", "respect"]
    assert "From Hà Nội" not in plan.summary  # no sourced travel time: no row


def test_labels_are_in_the_page_language(project: Path, labels: dict) -> None:
    assert ">Chuẩn bị chuyến đi</h2>" in plan_for(project, "ha-giang", "vi").section
    assert ">Plan your visit</h2>" in plan_for(project, "ha-giang", "en").section
    assert "<h3>Không thể bỏ qua</h3>" in plan_for(project, "ha-giang", "vi").section


def test_french_place_names_start_a_line_with_a_capital(project: Path, labels: dict) -> None:
    assert ">Col de Mã Pí Lèng</a>" in plan_for(project, "ha-giang", "fr").section


def test_sources_of_the_blocks(project: Path, labels: dict) -> None:
    assert plan_for(project, "ha-giang", "en").sources == ["src-a", "src-b"]


def test_placement_after_the_lead_and_before_the_first_h2(project: Path, labels: dict) -> None:
    plan = plan_for(project, "ha-giang", "en")
    html = '<p>Lead one.</p>\n<p>Lead two.</p>\n<h2 id="landscape">Landscape</h2>\n<p>Body.</p>'
    out = page.insert(html, plan)
    assert out.index("Lead one.") < out.index('<aside class="nmm-plan"') < out.index("Lead two.")
    assert out.index("Lead two.") < out.index('<section id="plan-your-visit"') < out.index('id="landscape"')
    # A page without <h2>: the section is appended.
    out = page.insert("<p>Only a lead.</p>", plan)
    assert out.endswith("</section>\n")
    assert out.index("Only a lead.") < out.index("<aside")


def test_table_of_contents_entry(project: Path, labels: dict) -> None:
    plan = plan_for(project, "ha-giang", "en")
    toc = [AnchorLink("Landscape", "landscape", 2), AnchorLink("History", "history", 2)]
    page.add_to_toc(toc, plan, AnchorLink)
    assert [(item.id, item.level) for item in toc] == [
        ("plan-your-visit", 2),
        ("landscape", 2),
        ("history", 2),
    ]
    assert [child.id for child in toc[0].children] == ["dont-miss", "when-to-go", "getting-there", "respect"]


def test_featured_places(project: Path) -> None:
    places = featured_places("fr", data=load_project(project))
    assert [(p.owner, p.id, p.name, p.url, p.anchor) for p in places] == [
        ("ha-giang", "ma-pi-leng", "col de Mã Pí Lèng", "heritage/ba-be/", "dont-miss-ma-pi-leng")
    ]


def test_every_province_of_the_real_data_gets_four_blocks(labels: dict) -> None:
    data = model.load_data(ROOT)
    entities = model.entities(data)
    for province in data.ids("provinces"):
        plan = render.plan(entities[province], "en", lambda target: target)
        assert plan is not None
        assert [anchor for anchor, _ in plan.blocks] == [
            "dont-miss",
            "when-to-go",
            "getting-there",
            "respect",
        ]
        assert "Best months" in plan.summary, province


def test_offices_key_figures_and_corrections(project: Path, labels: dict) -> None:
    renderer = Renderer(load_project(project), FactsConfig(data_dir=project / "data", languages=LANGUAGES))
    html = f"<p>Intro</p>\n{offices.KEY_FIGURES_MARK}\n<p>End</p>\n{offices.CORRECTIONS_MARK}"
    filled = offices.fill(html, renderer, "mailto:fix@example.invalid", "en")
    assert offices.KEY_FIGURES_MARK not in filled.html and offices.CORRECTIONS_MARK not in filled.html
    figures = text_of(filled.html.split('<dl class="nmm-keyfigures">')[1].split("</dl>")[0])
    assert "Provinces of the region as defined in 2024 14" in figures
    assert "Provinces covering it since 2025 10" in figures
    assert "Area ≈\u00a095,180\u00a0km²" in figures
    assert "Population" not in figures  # no population fact in the fixture: no row
    assert filled.sources == ["src-a", "src-b", "src-a"]
    assert '<a href="mailto:fix@example.invalid">fix@example.invalid</a>' in filled.html
    assert offices.corrections(None, "en") == ""
