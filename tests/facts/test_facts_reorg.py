"""The 2025 reorganisation in words, and the fact boxes and sources lists built from the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.facts.factbox import FactBox, factbox, sources_html
from nmm_site.facts.render import FactPathError, Renderer
from nmm_site.facts.reorg import Reorganisation


@pytest.mark.parametrize(
    ("lang", "year", "date"),
    [
        ("vi", "thuộc tỉnh Tuyên Quang từ năm 2025", "thuộc tỉnh Tuyên Quang từ ngày 1 tháng 7 năm 2025"),
        ("en", "part of Tuyên Quang province since 2025", "part of Tuyên Quang province since 1 July 2025"),
        (
            "fr",
            "intégrée à la province de Tuyên Quang depuis 2025",
            "intégrée à la province de Tuyên Quang depuis le 1er juillet 2025",
        ),
    ],
)
def test_merged_province_sentence(renderer: Renderer, lang: str, year: str, date: str) -> None:
    reorg = Reorganisation(renderer)
    assert reorg.sentence("ha-giang", lang) == year
    assert reorg.sentence("ha-giang", lang, with_date=True) == date


def test_unchanged_province_sentence(renderer: Renderer) -> None:
    reorg = Reorganisation(renderer)
    assert [reorg.sentence("cao-bang", lang) for lang in ("vi", "en", "fr")] == [
        "vẫn là tỉnh Cao Bằng sau sắp xếp năm 2025",
        "unchanged by the 2025 reorganisation",
        "inchangée par la réorganisation de 2025",
    ]


def test_current_province_name_and_seat(renderer: Renderer) -> None:
    reorg = Reorganisation(renderer)
    assert reorg.current_id("bac-kan") == "thai-nguyen"
    assert reorg.current_name("bac-kan", "vi") == "Thái Nguyên"
    assert reorg.current_seat("ha-giang", "en") == "former Tuyên Quang city"
    with pytest.raises(FactPathError):
        reorg.current_id("quang-ninh")


def test_province_factbox(data_dir: Path) -> None:
    rows = factbox("province", "ha-giang", "en", data_dir)
    assert [(label, source) for label, _, source in rows] == [
        ("Province since 2025", "resolution-202"),
        ("Provincial seat", "resolution-202"),
        ("Area", "census-2019"),
        ("Population (2019)", "census-2019"),
    ]
    assert rows[1][1] == (
        '<span class="nmm-fact" data-fact="provinces-2025.tuyen-quang.seat">former Tuyên Quang city</span> '
        '(<span class="nmm-fact nmm-fact--uncertain" data-fact="provinces-2025.tuyen-quang.seat_ward">'
        'Minh Xuân ward<sup class="nmm-uncertain" title="uncertain"><span aria-hidden="true">?</span>'
        '<span class="nmm-visually-hidden">uncertain</span></sup></span>)'
    )


def test_heritage_factbox(renderer: Renderer) -> None:
    rows = FactBox(renderer).rows("heritage", "dien-bien-phu", "fr")
    assert [label for label, _, _ in rows] == ["Classement", "Date", "Province (2024)"]
    assert ">10 octobre 2009<" in rows[1][1]


def test_sources_html(data_dir: Path) -> None:
    assert sources_html(["resolution-202", "census-2019", "resolution-202"], "vi", data_dir) == (
        '<ol class="nmm-sources">\n'
        '<li id="source-resolution-202"><a href="https://example.org/nq-202">'
        "<cite>Nghị quyết 202/2025/QH15</cite></a>, "
        "Lao Động (truy cập ngày 1 tháng 7 năm 2026)</li>\n"
        '<li id="source-census-2019"><a href="https://example.org/census-2019">'
        "<cite>Kết quả toàn bộ Tổng điều tra "
        "Dân số và Nhà ở năm 2019</cite></a>, Tổng cục Thống kê (truy cập ngày 26 tháng 11 năm 2026)</li>\n"
        "</ol>"
    )
    assert "(consulté le 1er juillet 2026)" in sources_html(["resolution-202"], "fr", data_dir)
