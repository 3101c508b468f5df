"""Rendering facts per language: numbers, dates, units, texts, references, unknown paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nmm_site.facts.render import FactPathError, Renderer, format_day, format_number, render_fact

NNBSP = "\u202f"  # narrow no-break space: French thousands separator (Babel)
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("lang", "expected"), [("vi", "854.679"), ("en", "854,679"), ("fr", f"854{NNBSP}679")]
)
def test_population_is_grouped_per_locale(renderer: Renderer, lang: str, expected: str) -> None:
    assert renderer.render("provinces.ha-giang.population", lang).text == expected


def test_render_fact_reads_a_data_dir(data_dir: Path) -> None:
    assert render_fact("provinces.ha-giang.population", "vi", data_dir) == "854.679"


def test_year_of_a_fact_is_plain_digits(renderer: Renderer) -> None:
    assert [
        renderer.render("provinces.ha-giang.population.year", lang).text for lang in ("vi", "en", "fr")
    ] == [
        "2019",
        "2019",
        "2019",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("vi", "12 tháng 7 năm 2025"), ("en", "12 July 2025"), ("fr", "12 juillet 2025")],
)
def test_dates(renderer: Renderer, lang: str, expected: str) -> None:
    assert renderer.render("region.resolution-202.decided", lang).text == expected


def test_french_first_of_the_month_is_ordinal() -> None:
    assert format_day(dt.date(2025, 7, 1), "fr") == "1er juillet 2025"
    assert format_day(dt.date(2025, 7, 1), "vi") == "1 tháng 7 năm 2025"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("vi", f"7.927,55{NBSP}km²"), ("en", f"7,927.55{NBSP}km²"), ("fr", f"7{NNBSP}927,55{NBSP}km²")],
)
def test_area_with_unit(renderer: Renderer, lang: str, expected: str) -> None:
    assert renderer.render("provinces.ha-giang.area_km2", lang).text == expected


def test_decimals_written_in_the_data_are_kept(renderer: Renderer) -> None:
    assert renderer.render("provinces-2025.tuyen-quang.area_km2", "en").text == f"13,795.50{NBSP}km²"


def test_approx_is_prefixed(renderer: Renderer) -> None:
    assert renderer.render("region.region.area_km2", "vi").text == f"≈{NBSP}95.180{NBSP}km²"


def test_percent() -> None:
    assert [format_number(85.32, lang, "percent") for lang in ("vi", "en", "fr")] == [
        "85,32%",
        "85.32%",
        f"85,32{NBSP}%",
    ]


def test_localised_text_and_uncertain_flag(renderer: Renderer) -> None:
    rendered = renderer.render("provinces-2025.tuyen-quang.seat_ward", "en")
    assert (rendered.text, rendered.uncertain, rendered.sources) == (
        "Minh Xuân ward",
        True,
        ("resolution-202",),
    )


def test_reference_renders_the_referenced_name(renderer: Renderer) -> None:
    assert renderer.render("provinces.ha-giang.part_of", "fr").text == "Tuyên Quang"


def test_list_of_references_and_texts(renderer: Renderer) -> None:
    assert renderer.render("provinces-2025.tuyen-quang.formed_from", "vi").text == "Hà Giang và Tuyên Quang"
    assert renderer.render("region.region.provinces", "en").text == "Hà Giang, Bắc Kạn and Cao Bằng"


def test_entity_path_renders_its_name(renderer: Renderer) -> None:
    assert renderer.render("region.resolution-202", "fr").text == "Résolution 202/2025/QH15"


def test_nfd_data_renders(renderer: Renderer) -> None:
    assert renderer.render("heritage.dien-bien-phu.designated", "en").text == "10 October 2009"


def test_unknown_field_suggests_close_paths(renderer: Renderer) -> None:
    with pytest.raises(FactPathError) as error:
        renderer.render("provinces.ha-giang.populaton", "vi")
    assert (
        error.value.message
        == "unknown fact path 'provinces.ha-giang.populaton': 'provinces.ha-giang' has no 'populaton'"
    )
    assert "did you mean provinces.ha-giang.population" in error.value.fix


def test_unknown_id_and_dataset(renderer: Renderer) -> None:
    with pytest.raises(FactPathError) as error:
        renderer.render("provinces.ha-giag.population", "vi")
    assert (
        error.value.message
        == "unknown id 'ha-giag' in fact path 'provinces.ha-giag.population' (did you mean 'ha-giang'?)"
    )
    with pytest.raises(FactPathError) as error:
        renderer.render("province.ha-giang.population", "vi")
    assert error.value.message.startswith("unknown dataset 'province' in fact path")
    assert "'provinces'" in error.value.message
