"""The editorial checks of `nmm check-content`: each rule fails on an injected violation, naming the file,
the line and the fix, and passes on clean input."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import read_trees
from nmm_site.editorial.check import HEDGE_FIX, check_editorial, url_problem
from nmm_site.editorial.rules import load_rules
from nmm_site.errors import Problem
from tests.editorial.conftest import append, edit

HA_GIANG = "docs/{lang}/provinces/ha-giang.md"


def problems(root: Path) -> list[Problem]:
    config = ContentConfig.from_root(root)
    return check_editorial(config, read_trees(config))


def located(root: Path) -> list[tuple[str, int | None, str]]:
    return [(p.path.relative_to(root).as_posix(), p.line, p.message) for p in problems(root)]


def test_clean_project_passes(project: Path) -> None:
    assert problems(project) == []


def test_make_check_reports_them(project: Path) -> None:
    """`nmm check-content --check` (= `make check`) runs the editorial checks through check_content."""
    rel = HA_GIANG.format(lang="en")
    line = append(project, rel, "The date is not verified.")
    report = check_content(ContentConfig.from_root(project), numbers=False)
    hedges = [p for p in report.problems if "research-state phrase" in p.message]
    assert [(p.path, p.line) for p in hedges] == [(project / rel, line)]


# Hedges ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "shown"),
    [
        ("vi", "Năm xây dựng chưa được kiểm chứng.", "chưa được kiểm chứng"),
        ("en", "The founding year is not verified.", "not verified"),
        ("en", "What this page does not say: the year.", "What this page does not say"),
        ("fr", "La date n’est pas vérifiée ; ce que cette page ne dit pas.", "ce que cette page ne dit pas"),
        ("fr", "Une date non vérifiée.", "non vérifiée"),
    ],
)
def test_hedge_in_a_page_body(project: Path, lang: str, sentence: str, shown: str) -> None:
    rel = HA_GIANG.format(lang=lang)
    line = append(project, rel, sentence)
    found = problems(project)
    assert len(found) == 1, found
    [problem] = found
    assert (problem.path, problem.line) == (project / rel, line)
    assert f"research-state phrase “{shown}”" in problem.message
    assert problem.fix == HEDGE_FIX == "move it to the fact's `note`, or drop the sentence"


def test_hedge_across_a_line_break_and_in_the_description(project: Path) -> None:
    rel = HA_GIANG.format(lang="en")
    edit(
        project,
        rel,
        "lies in the north of the province.",
        "lies in the north. We could not\nconfirm its age.",
    )
    edit(project, rel, "and rice terraces.", "and rice terraces (unverified).")
    assert located(project) == [
        (
            rel,
            5,
            "research-state phrase “unverified” in reader text: uncertainty belongs in the data, "
            "not in the prose",
        ),
        (
            rel,
            13,
            "research-state phrase “We could not confirm” in reader text: uncertainty belongs in the data, "
            "not in the prose",
        ),
    ]


def test_hedge_in_a_data_text_but_not_in_a_note(project: Path) -> None:
    # The fixture's `note` already says "not verified": notes are where uncertainty belongs.
    assert problems(project) == []
    edit(
        project,
        "data/places.yml",
        "marks the northernmost point.",
        "marks the northernmost point (not verified).",
    )
    assert located(project) == [
        (
            "data/places.yml",
            7,
            "research-state phrase “not verified” in reader text (data text `ha-giang.dont_miss.0.why`): "
            "uncertainty belongs in the data, not in the prose",
        )
    ]


def test_hedge_in_code_or_a_url_is_not_prose(project: Path) -> None:
    rel = HA_GIANG.format(lang="en")
    edit(
        project,
        rel,
        "\n## History",
        "\nSee `not verified` and <https://example.org/not-verified>.\n\n## History",
    )
    assert problems(project) == []


def test_an_editor_extends_the_list(project: Path) -> None:
    rel = HA_GIANG.format(lang="en")
    edit(project, rel, "\n## History", "\nThe date is a guess.\n\n## History")
    assert problems(project) == []
    edit(project, "data/editorial/hedges.yml", "en:\n", "en:\n  - is a guess\n")
    assert [p.message.split(" in reader")[0] for p in problems(project)] == [
        "research-state phrase “is a guess”"
    ]


# Terminology -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "variant", "preferred"),
    [
        ("fr", "Le site est un monument historique national spécial.", "monument historique national spécial",
         "site historique national spécial"),
        ("fr", "Un site national spécial.", "site national spécial", "site historique national spécial"),
        ("en", "Ba Bể is a special national relic.", "special national relic", "special national site"),
        ("en", "The Lô Lô are a small people of the north.", "small people", "ethnic minority"),
        ("fr", "Les Lô Lô sont un petit peuple du Nord.", "petit peuple", "minorité ethnique"),
        ("vi", "Đỉnh Fansipan cao nhất.", "Fansipan", "Phan Xi Păng"),
        ("en", "The highest peak of the Indochinese peninsula.", "Indochinese peninsula", "Indochina"),
        ("en", "The Tai of the north-west.", "Tai", "Thái"),
        ("fr", "Les Thái du Nord-Ouest.", "Thái", "Thaï"),
        ("en", "A UNESCO World Geopark.", "UNESCO World Geopark", "UNESCO Global Geopark"),
    ],
)  # fmt: skip
def test_terminology_variant_in_a_page(
    project: Path, lang: str, sentence: str, variant: str, preferred: str
) -> None:
    rel = HA_GIANG.format(lang=lang)
    line = append(project, rel, sentence)
    found = problems(project)
    assert len(found) == 1, found
    [problem] = found
    assert (problem.path, problem.line) == (project / rel, line)
    assert problem.message.startswith(f"“{variant}” is not the site's {lang} rendering of `")
    assert problem.fix.startswith(f"write “{preferred}”")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Ba Bể is a special national relic site."),  # the first-use form
        ("en", "The Thái (Tai) of the north-west."),  # the first-use gloss
        ("en", "The *Art of Xòe dance of the Tai people in Viet Nam* was inscribed."),  # UNESCO's title
        ("fr", "La province de Thái Nguyên et le village d’An Thái."),  # proper names
        ("fr", "Les Thaï (Thái) du Nord-Ouest ; « Thái » est le nom officiel."),  # gloss and quoted mention
        ("fr", "Un site historique national spécial."),  # the rendering itself
        ("vi", "Đỉnh Phan Xi Păng; xem `Fansipan` và [ảnh](https://example.org/fansipan.jpg)."),  # code, URL
    ],
)
def test_terminology_allowed_contexts(project: Path, lang: str, sentence: str) -> None:
    append(project, HA_GIANG.format(lang=lang), sentence)
    assert problems(project) == []


def test_terminology_variant_in_a_data_text(project: Path) -> None:
    edit(project, "data/places.yml", "Le mât marque la pointe nord.", "Un site national spécial.")
    [problem] = problems(project)
    assert (problem.path.name, problem.line) == ("places.yml", 8)
    assert "“site national spécial”" in problem.message and "`ha-giang.dont_miss.0.why`" in problem.message
    assert problem.fix.startswith("write “site historique national spécial”")


def test_terminology_variant_only_in_its_language(project: Path) -> None:
    # "Fansipan" is the English and French rendering: only the Vietnamese text is flagged.
    edit(project, HA_GIANG.format(lang="en"), "\n## History", "\nFansipan rises to the west.\n\n## History")
    assert problems(project) == []


def test_every_term_of_editorial_md_has_one_rendering_per_language() -> None:
    from nmm_site.site_config import ROOT

    rules = load_rules(ROOT / "data", ("vi", "en", "fr"))
    assert rules.problems == []
    terms = {term.id: term for term in rules.terms}
    assert terms["special-national-site"].preferred == {
        "vi": "di tích quốc gia đặc biệt",
        "en": "special national site",
        "fr": "site historique national spécial",
    }
    assert terms["fansipan"].preferred["vi"] == "Phan Xi Păng"
    for term in terms.values():
        assert set(term.preferred) == {"vi", "en", "fr"}, term.id


# Sources -----------------------------------------------------------------------------------------------


def test_blog_source_is_rejected(project: Path) -> None:
    edit(
        project,
        "data/sources/core.yml",
        "https://thuvienphapluat.vn/van-ban/Xay-dung-Do-thi/Quyet-dinh-369-QD-TTg-2024-606939.aspx",
        "https://someone.blogspot.com/2024/05/quyet-dinh-369.html",
    )
    [problem] = problems(project)
    assert (problem.path.name, problem.line) == ("core.yml", 9)
    assert problem.message == (
        "source `decision-369-2024` is on someone.blogspot.com, a host an official reader does not accept "
        "(blog platform)"
    )
    assert "drop the fact" in problem.fix


def test_home_page_source_is_rejected(project: Path) -> None:
    edit(project, "data/sources/core.yml", "https://www.gso.gov.vn/du-lieu-va-so-lieu-thong-ke/2020/11/"
         "ket-qua-toan-bo-tong-dieu-tra-dan-so-va-nha-o-nam-2019/", "https://www.gso.gov.vn/")  # fmt: skip
    [problem] = problems(project)
    assert (problem.path.name, problem.line) == ("core.yml", 4)
    assert problem.message == (
        "source `census-2019` `https://www.gso.gov.vn/` is a site's home page, "
        "not the page that supports the fact"
    )
    assert "never invent an address" in problem.fix


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://vtcnews.vn/", False),
        ("https://dulichtuyenquang.vn", False),
        ("https://example.vn/en/", False),
        ("https://example.vn/index.html", False),
        (None, False),
        ("ftp://example.vn/a.pdf", False),
        ("http://[broken/page", False),
        ("https://nongthon.vietnamtourism.gov.vn/?p=35310", True),  # a query naming one page
        ("https://ich.unesco.org/en/RL/art-of-xoe-dance-of-the-tai-people-in-viet-nam-01690", True),
    ],
)
def test_url_needs_a_path(url: str | None, ok: bool) -> None:
    assert (url_problem(url) is None) is ok


def test_broken_rules_file_is_a_problem_not_a_crash(project: Path) -> None:
    (project / "data" / "editorial" / "terms.yml").write_text("terms:\n  x: [unclosed\n", encoding="utf-8")
    [problem] = problems(project)
    assert problem.path.name == "terms.yml" and problem.line == 3
    assert "YAML" in problem.message


def test_a_capitalised_word_opening_a_paragraph_is_not_a_name(project: Path) -> None:
    rel = HA_GIANG.format(lang="en")
    edit(project, rel, "## Geography\n\nThe Đồng Văn", "## Geography\n\nThe Tai of the Đồng Văn")
    [problem] = problems(project)
    assert problem.line == 13 and problem.message.startswith("“Tai”")


def test_the_command_prints_file_line_and_fix(project: Path, cli, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, "data/sources/core.yml", "https://thuvienphapluat.vn/van-ban/Xay-dung-Do-thi/"
         "Quyet-dinh-369-QD-TTg-2024-606939.aspx", "https://thuvienphapluat.vn/")  # fmt: skip
    assert cli(["check-content", "--check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert (
        "data/sources/core.yml:9: source `decision-369-2024` `https://thuvienphapluat.vn/` is a site's "
        "home page" in err
    )
    assert "    fix: give the address of the article or document itself" in err
