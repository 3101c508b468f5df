"""Validation of the visits data: each mistake is a Problem naming the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.visits.validate import check, check_project
from tests.visits.conftest import LANGUAGES, edit, line_of, load_project

ROOT = Path(__file__).resolve().parents[2]


def problems(root: Path) -> list[tuple[str, int | None, str]]:
    found = check(load_project(root), LANGUAGES, root / "docs", root / "assets" / "images")
    return [(p.path.name, p.line, p.message) for p in found]


def test_the_fixture_is_valid(project: Path) -> None:
    assert problems(project) == []


def test_the_real_data_is_valid() -> None:
    assert check_project(ROOT) == []


def test_month_out_of_range(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(visits, "months: [9, 10]", "months: [9, 13]")
    assert problems(project) == [
        (
            "visits-1.yml",
            line_of(visits, "months: [9, 13]"),
            "'ha-giang.seasons.0.months' has 13, not a month from 1 to 12",
        )
    ]


def test_text_missing_a_language(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(
        visits,
        "why: {vi: Điểm cực Bắc., en: The northernmost point., fr: La pointe nord.}",
        "why: {vi: Điểm cực Bắc., en: The northernmost point.}",
    )
    # The facts loader reports a localised text without one of the languages first, with its line.
    from nmm_site.errors import ProblemsFound

    try:
        problems(project)
    except ProblemsFound as found:
        assert [(p.path.name, p.line) for p in found.problems] == [
            ("visits-1.yml", line_of(visits, "why: {vi: Điểm cực Bắc., en: The northernmost point.}"))
        ]
    else:
        raise AssertionError("a text without French must be reported")


def test_text_written_in_one_language_only(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(
        visits,
        "text: {vi: Tôn trọng bản làng., en: Respect the villages., fr: Respectez les villages.}",
        "text: Respect the villages.",
    )
    assert problems(project) == [
        (
            "visits-1.yml",
            line_of(visits, "text: Respect the villages."),
            "'lao-cai.respect.0.text' is not written in every language",
        )
    ]


def test_owner_must_be_a_province_or_heritage_id(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(visits, "ba-be:\n", "ba-bee:\n")
    assert problems(project) == [
        (
            "visits-1.yml",
            line_of(visits, "ba-bee:"),
            "visitor essentials for unknown id 'ba-bee' (did you mean 'ba-be'?)",
        )
    ]


def test_every_province_needs_its_visitor_essentials(project: Path) -> None:
    provinces = project / "data" / "provinces.yml"
    provinces.write_text(
        provinces.read_text(encoding="utf-8") + "son-la:\n  name: {vi: Sơn La, en: Sơn La, fr: Sơn La}\n",
        encoding="utf-8",
    )
    assert problems(project) == [
        ("provinces.yml", line_of(provinces, "son-la:"), "province 'son-la' has no visitor essentials")
    ]


def test_a_province_needs_all_four_blocks(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(
        visits,
        "  respect:\n    - text: {vi: Hỏi trước khi chụp ảnh., en: Ask before taking photographs., "
        "fr: Demandez avant de photographier.}\n",
        "",
    )
    assert problems(project) == [
        ("visits-1.yml", line_of(visits, "dont_miss:"), "province 'ha-giang' has no 'respect' block")
    ]


def test_a_heritage_entry_may_have_fewer_blocks(project: Path) -> None:
    # ba-be has seasons and respect only: nothing to report (the fixture is valid).
    assert not [p for p in problems(project) if "ba-be" in p[2]]


def test_unknown_source_and_page_and_mode(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(visits, "      source: src-b\n  seasons:", "      source: src-c\n  seasons:")
    edit(visits, "page: heritage/ba-be", "page: heritage/ba-bee")
    edit(visits, "mode: rail", "mode: train")
    assert problems(project) == [
        (
            "visits-1.yml",
            line_of(visits, "page: heritage/ba-bee"),
            "'ha-giang.dont_miss.0' links to page 'heritage/ba-bee', which does not exist",
        ),
        (
            "visits-1.yml",
            line_of(visits, "source: src-c"),
            "'ha-giang.dont_miss.1' cites unknown source 'src-c' (did you mean 'src-b', 'src-a'?)",
        ),
        (
            "visits-1.yml",
            line_of(visits, "mode: train"),
            "'ha-giang.getting_there.0' has mode 'train' (did you mean 'rail'?)",
        ),
    ]


def test_duplicate_place_id_unknown_field_and_missing_why(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(visits, "id: lung-cu", "id: ma-pi-leng")
    edit(visits, "      page: heritage/ba-be\n", "      pages: heritage/ba-be\n")
    edit(
        visits, "      why: {vi: Thị trấn trên núi., en: A mountain town., fr: Une ville de montagne.}\n", ""
    )
    found = problems(project)
    assert found == [
        (
            "visits-1.yml",
            line_of(visits, "pages: heritage/ba-be"),
            "'ha-giang.dont_miss.0' has unknown field 'pages' (did you mean 'page', 'image'?)",
        ),
        (
            "visits-1.yml",
            line_of(visits, "id: ma-pi-leng", 2),
            "'ha-giang.dont_miss.1' repeats the place id 'ma-pi-leng' "
            f"(line {line_of(visits, 'id: ma-pi-leng')})",
        ),
        ("visits-1.yml", line_of(visits, "id: sa-pa"), "'lao-cai.dont_miss.0' has no 'why'"),
    ]


def test_travel_time_needs_the_hour_unit(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(
        visits,
        "hours: {value: 7, unit: h, approx: true, source: src-a}",
        "hours: {value: 7, unit: km, approx: true, source: src-a}",
    )
    assert problems(project) == [
        (
            "visits-1.yml",
            line_of(visits, "hours: {value: 7, unit: km"),
            "'ha-giang.getting_there.1.hours' needs unit: h",
        )
    ]


def test_check_content_reports_visits_problems_with_file_and_line(project: Path) -> None:
    visits = project / "data" / "visits-1.yml"
    edit(visits, "months: [1, 2]", "months: [0, 2]")
    report = check_content(ContentConfig(root=project), numbers=False)
    mine = [p for p in report.problems if p.path.name == "visits-1.yml"]
    assert [(p.line, p.message) for p in mine] == [
        (line_of(visits, "months: [0, 2]"), "'ha-giang.seasons.1.months' has 0, not a month from 1 to 12")
    ]
    assert mine[0].format(project).startswith(f"data/visits-1.yml:{line_of(visits, 'months: [0, 2]')}: ")
    assert "fix:" in mine[0].format(project)


def test_a_project_without_visits_data_has_nothing_to_check(project: Path) -> None:
    (project / "data" / "visits-1.yml").unlink()
    assert check_project(project) == []
