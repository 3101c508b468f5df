"""The typed-number check: copies and contradictions flagged, years and small numbers left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.facts.check import check_numbers, parse_numbers

FRONT = "---\ntype: province\nid: ha-giang\ntitle: Hà Giang\n---\n\n"
PAGE = Path("docs/fr/provinces/ha-giang.md")


def messages(data_dir: Path, body: str, lang: str, front: str = FRONT) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in check_numbers(PAGE, front + body, lang, data_dir)]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("vi", "1.234.567 và 7.927,55", [1234567.0, 7927.55]),
        ("en", "1,234,567 and 7,927.55", [1234567.0, 7927.55]),
        (
            "fr",
            "1 234 567, 1\u00a0234\u00a0567, 1\u202f234\u202f567 et 7 927,55",
            [1234567.0] * 3 + [7927.55],
        ),
    ],
)
def test_numbers_are_parsed_per_locale(lang: str, text: str, value: list[float]) -> None:
    assert [n.value for n in parse_numbers(text, lang)] == value


def test_glued_numbers_and_dotted_dates_are_not_numbers() -> None:
    assert [n.text for n in parse_numbers("Nghị quyết QH15 ngày 12.6.2025, 369/QĐ", "vi")] == ["369"]


def test_french_copy_of_the_population(data_dir: Path) -> None:
    problems = check_numbers(PAGE, FRONT + "Hà Giang compte 854\u202f679 habitants.\n", "fr", data_dir)
    assert [(p.line, p.message) for p in problems] == [
        (7, "the number 854\u202f679 is a typed copy of provinces.ha-giang.population (854\u202f679)")
    ]
    assert problems[0].fix.startswith('write {{ fact("provinces.ha-giang.population") }} instead')


def test_french_contradiction(data_dir: Path) -> None:
    assert messages(data_dir, "Hà Giang compte 845 679 habitants.\n", "fr") == [
        (7, "the number 845 679 contradicts the data: provinces.ha-giang.population is 854\u202f679")
    ]


def test_vietnamese_and_english_formats(data_dir: Path) -> None:
    assert messages(data_dir, "Diện tích 7.927,55 km².\n", "vi") == [
        (7, "the number 7.927,55 is a typed copy of provinces.ha-giang.area_km2 (7.927,55\u00a0km²)")
    ]
    assert messages(data_dir, "Area: 7,900 km².\n", "en") == [
        (7, "the number 7,900 contradicts the data: provinces.ha-giang.area_km2 is 7,927.55\u00a0km²")
    ]


def test_entities_used_by_shortcodes_are_compared(data_dir: Path) -> None:
    body = 'Tuyên Quang ({{ fact("provinces-2025.tuyen-quang.population") }}) — 1.865.270 dân.\n'
    assert messages(data_dir, body, "vi", front="") == [
        (1, "the number 1.865.270 is a typed copy of provinces-2025.tuyen-quang.population (1.865.270)")
    ]


def test_false_positives_are_avoided(data_dir: Path) -> None:
    body = (
        "Năm 2019 và 2025, 14 tỉnh; 854 người đi chợ.\n"  # years, small numbers, far from every fact
        '{{ fact("provinces.ha-giang.population") }} dân.\n'  # inside a shortcode
        # code, link target, URL
        "`854.679` và [xem](https://example.org/854679) https://example.org/854.679\n"
        "```\n854.679\n```\n"  # fenced code
        "Hai triệu người: 2.000.000.\n"  # more than 30 % away from every fact
    )
    assert messages(data_dir, body, "vi") == []
    assert messages(data_dir, "Dân số 854.679.\n", "vi", front="---\ntype: page\nid: about\n---\n") == []


def test_front_matter_numbers_are_ignored(data_dir: Path) -> None:
    front = "---\ntype: province\nid: ha-giang\ndescription: 854.679 dân\n---\n"
    assert messages(data_dir, "Văn bản.\n", "vi", front=front) == []


def test_approx_facts_only_flag_copies(data_dir: Path) -> None:
    body = 'Khoảng 95.000 km² ({{ fact("region.region.area_km2") }}); 95.180 km².\n'
    assert messages(data_dir, body, "vi", front="") == [
        (1, "the number 95.180 is a typed copy of region.region.area_km2 (≈\u00a095.180\u00a0km²)")
    ]
