"""Pejorative exonyms are flagged unless the paragraph explains them; place names are not exonyms."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from nmm_site.content.frontmatter import parse
from nmm_site.content.pages import Page
from nmm_site.content.terms import check_terms

FRONT = "---\ntype: people\nid: mong\ntitle: Người Mông\n---\n\n"


def page(lang: str, body: str) -> Page:
    path = Path(f"/site/docs/{lang}/peoples/mong.md")
    text = FRONT + body
    return Page(lang, PurePosixPath("peoples/mong.md"), path, text, parse(path, text).front_matter)


def test_an_exonym_used_as_a_name_is_flagged_with_its_line_and_the_official_name() -> None:
    problems = check_terms(page("vi", "Người Mông sống ở vùng cao.\n\nNgười Mèo trồng ngô trên núi đá.\n"))
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (
            9,
            "“Mèo” is an outsiders' name for a people, considered pejorative",
            "write “Mông”; quote the old name only in a paragraph that says it is pejorative or outdated",
        )
    ]


def test_an_explaining_paragraph_may_quote_it_in_each_language() -> None:
    assert check_terms(page("vi", "Tên “Mèo” từng được người ngoài dùng, nay bị coi là miệt thị.\n")) == []
    assert (
        check_terms(page("en", 'Outsiders once said "Mán"; the name is now considered pejorative.\n')) == []
    )
    assert check_terms(page("fr", "Le nom « Méo », jugé péjoratif, ne s’emploie plus.\n")) == []


def test_place_names_and_longer_words_are_not_exonyms() -> None:
    text = "Mèo Vạc is a district of the Đồng Văn plateau. Mảng and Mànn are not Man. Human is a word.\n"
    assert [p.message for p in check_terms(page("en", text))] == [
        "“Man” is an outsiders' name for a people, considered pejorative"
    ]
