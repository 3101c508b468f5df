"""Pejorative exonyms are flagged unless the paragraph explains them; place names are not exonyms."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from nmm_site.content.frontmatter import parse
from nmm_site.content.pages import Page
from nmm_site.content.terms import Exonyms, check_terms, load_exonyms

DATA = Path(__file__).resolve().parents[2] / "data"
EXONYMS, EXONYMS_PROBLEMS = load_exonyms(DATA)

FRONT = "---\ntype: people\nid: mong\ntitle: Người Mông\n---\n\n"


def page(lang: str, body: str) -> Page:
    path = Path(f"/site/docs/{lang}/peoples/mong.md")
    text = FRONT + body
    return Page(lang, PurePosixPath("peoples/mong.md"), path, text, parse(path, text).front_matter)


def test_an_exonym_used_as_a_name_is_flagged_with_its_line_and_the_official_name() -> None:
    problems = check_terms(
        page("vi", "Người Mông sống ở vùng cao.\n\nNgười Mèo trồng ngô trên núi đá.\n"), EXONYMS
    )
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (
            9,
            "“Mèo” is an outsiders' name for a people, considered pejorative",
            "write “Mông”; quote the old name only in a paragraph that says it is pejorative or outdated",
        )
    ]


def test_an_explaining_paragraph_may_quote_it_in_each_language() -> None:
    assert (
        check_terms(page("vi", "Tên “Mèo” từng được người ngoài dùng, nay bị coi là miệt thị.\n"), EXONYMS)
        == []
    )
    assert (
        check_terms(
            page("en", 'Outsiders once said "Mán"; the name is now considered pejorative.\n'), EXONYMS
        )
        == []
    )
    assert check_terms(page("fr", "Le nom « Méo », jugé péjoratif, ne s’emploie plus.\n"), EXONYMS) == []


def test_place_names_and_longer_words_are_not_exonyms() -> None:
    text = "Mèo Vạc is a district of the Đồng Văn plateau. Mảng and Mànn are not Man. Human is a word.\n"
    assert [p.message for p in check_terms(page("en", text), EXONYMS)] == [
        "“Man” is an outsiders' name for a people, considered pejorative"
    ]


def test_the_list_is_data_and_a_language_without_explaining_words_flags_every_use() -> None:
    assert EXONYMS_PROBLEMS == [] and EXONYMS.names["Mèo"] == "Mông"
    german = Exonyms(EXONYMS.names, EXONYMS.place_names, {"vi": ("miệt thị",)})  # no "de" words yet
    text = "Der Name „Mèo“ gilt als abwertend.\n"
    assert [p.line for p in check_terms(page("de", text), german)] == [7]


def test_a_malformed_list_stops_the_check_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "editorial").mkdir()
    (tmp_path / "editorial" / "exonyms.yml").write_text("exonyms: [Mèo]\n", encoding="utf-8")
    exonyms, problems = load_exonyms(tmp_path)
    assert exonyms.names == {} and [p.path.name for p in problems] == ["exonyms.yml"]
    assert "explained_by" in problems[0].message


@pytest.mark.parametrize(
    ("text", "line"),
    [("exonyms:\n  Mèo: Mông\n  Mèo: Hmong\n", 3), ("exonyms: [Mèo\n", 2)],
    ids=["duplicate key", "syntax error"],
)
def test_a_broken_list_names_its_line(tmp_path: Path, text: str, line: int) -> None:
    (tmp_path / "editorial").mkdir()
    (tmp_path / "editorial" / "exonyms.yml").write_text(text, encoding="utf-8")
    exonyms, problems = load_exonyms(tmp_path)
    assert exonyms.names == {} and [(p.path.name, p.line) for p in problems] == [("exonyms.yml", line)]
