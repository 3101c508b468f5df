"""Shortcode replacement: spans, plain text where HTML would break, sources, line-numbered errors."""

from __future__ import annotations

from pathlib import Path

from nmm_site.facts.markdown import split_front_matter
from nmm_site.facts.render import Renderer
from nmm_site.facts.shortcodes import replace_shortcodes

PAGE = Path("docs/vi/provinces/hà-giang.md")


def test_replaces_with_a_span_and_records_sources(renderer: Renderer) -> None:
    md = (
        'Hà Giang có {{ fact("provinces.ha-giang.population") }} dân '
        "({{fact('provinces.ha-giang.population.year')}})."
    )
    result = replace_shortcodes(md, "vi", renderer, PAGE)
    assert result.problems == []
    assert result.markdown == (
        'Hà Giang có <span class="nmm-fact" data-fact="provinces.ha-giang.population">854.679</span> dân '
        '(<span class="nmm-fact" data-fact="provinces.ha-giang.population.year">2019</span>).'
    )
    assert result.sources == ["census-2019"]
    assert result.entities == [("provinces", "ha-giang")]


def test_sources_are_ordered_and_unique(renderer: Renderer) -> None:
    md = (
        '{{ fact("provinces-2025.tuyen-quang.population") }} {{ fact("provinces.ha-giang.area_km2") }} '
        '{{ fact("provinces-2025.tuyen-quang.area_km2") }}'
    )
    assert replace_shortcodes(md, "en", renderer, PAGE).sources == ["resolution-202", "census-2019"]


def test_uncertain_fact_gets_a_class(renderer: Renderer) -> None:
    md = '{{ fact("provinces-2025.tuyen-quang.seat_ward") }}'
    assert 'class="nmm-fact nmm-fact--uncertain"' in replace_shortcodes(md, "fr", renderer, PAGE).markdown


def test_plain_text_in_headings_links_and_tags(renderer: Renderer) -> None:
    md = (
        '## Dân số {{ fact("provinces.ha-giang.population") }}\n\n'
        '[Hà Giang, {{ fact("provinces.ha-giang.population") }} dân](../ha-giang.md)\n\n'
        'Setext {{ fact("provinces.ha-giang.population") }}\n---\n\n'
        '<abbr title="{{ fact("provinces.ha-giang.population") }}">HG</abbr>\n\n'
        '| Tỉnh | Dân số |\n|---|---|\n| Hà Giang | {{ fact("provinces.ha-giang.population") }} |\n'
    )
    out = replace_shortcodes(md, "vi", renderer, PAGE).markdown.splitlines()
    assert out[0] == "## Dân số 854.679"
    assert out[2] == "[Hà Giang, 854.679 dân](../ha-giang.md)"
    assert out[4] == "Setext 854.679"
    assert out[7] == '<abbr title="854.679">HG</abbr>'
    assert (
        out[-1]
        == '| Hà Giang | <span class="nmm-fact" data-fact="provinces.ha-giang.population">854.679</span> |'
    )


def test_code_is_left_alone(renderer: Renderer) -> None:
    md = 'Viết `{{ fact("provinces.ha-giang.population") }}`.\n\n```md\n{{ fact("nope") }}\n```\n'
    result = replace_shortcodes(md, "vi", renderer, PAGE)
    assert (result.markdown, result.problems) == (md, [])


def test_every_problem_is_collected_with_the_source_line(renderer: Renderer) -> None:
    source = (
        "---\ntype: province\nid: ha-giang\ntitle: Hà Giang\n---\n\n"
        'Dòng một {{ fact("provinces.ha-giang.populaton") }}.\n'
        'Dòng hai {{ fact("provinces.ha-giang.population")\n'
        'Dòng ba {{ facts("provinces.ha-giang.population") }}\n'
        "Dòng bốn {{ fact(provinces.ha-giang.population) }}\n"
    )
    _, offset = split_front_matter(source)
    body = source.split("---\n", 2)[2].lstrip("\n")
    result = replace_shortcodes(body, "vi", renderer, PAGE, offset)
    assert [(p.line, p.message) for p in result.problems] == [
        (7, "unknown fact path 'provinces.ha-giang.populaton': 'provinces.ha-giang' has no 'populaton'"),
        (8, "unclosed shortcode '{{ fact(\"provinces.ha-giang.population\")': no '}}' on the same line"),
        (9, "unknown shortcode function 'facts' in '{{ facts(\"provinces.ha-giang.population\") }}'"),
        (10, "malformed shortcode '{{ fact(provinces.ha-giang.population) }}'"),
    ]
    assert all(p.path == PAGE for p in result.problems)
    assert "did you mean provinces.ha-giang.population" in result.problems[0].fix
