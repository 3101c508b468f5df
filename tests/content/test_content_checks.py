"""Each content check on the fixture tree: a failing fixture and the exact message."""

import unicodedata
from pathlib import Path

import pytest

from nmm_site.checks import run as checks
from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.errors import Problem

HA_GIANG_VI = "docs/vi/provinces/ha-giang.md"


def run(root: Path, fix: bool = False):
    return check_content(ContentConfig.from_root(root), fix=fix, numbers=False)


def only(root: Path, fix: bool = False) -> tuple[str, int | None, str, str]:
    report = run(root, fix)
    assert len(report.problems) == 1, report.problems
    [problem] = report.problems
    return (problem.path.relative_to(root).as_posix(), problem.line, problem.message, problem.fix)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_fixture_tree_is_clean(tree):
    report = run(tree)
    assert report.problems == ()
    assert report.fixed == ()
    assert report.pages == 8


def test_schema_problem_names_file_and_line(tree):
    edit(
        tree, HA_GIANG_VI, "description: Hà Giang, tỉnh", "description: Quá ngắn. Hà Giang, tỉnh" + " x" * 60
    )
    path, line, message, _ = only(tree)
    assert (path, line) == (HA_GIANG_VI, 5)
    assert message == (
        "description is 219 characters; keep it between 50 and 160 so search results and "
        "share cards show it whole"
    )


def test_nfd_text_is_reported_with_check(tree):
    page = tree / HA_GIANG_VI
    page.write_text(unicodedata.normalize("NFD", page.read_text(encoding="utf-8")), encoding="utf-8")
    path, line, message, fix = only(tree)
    assert (path, line) == (HA_GIANG_VI, 4)
    assert message.startswith("the text is not in Unicode NFC")
    assert fix == "run `nmm check-content` (without --check) to fix it in place, then commit"


def test_nfd_text_is_fixed_without_check(tree):
    page = tree / HA_GIANG_VI
    nfc = page.read_text(encoding="utf-8")
    page.write_text(unicodedata.normalize("NFD", nfc), encoding="utf-8")
    report = run(tree, fix=True)
    assert report.problems == ()
    assert [(p.path, p.line, p.message) for p in report.fixed] == [
        (page, 4, "converted to Unicode NFC (decomposed accents recomposed)")
    ]
    assert page.read_text(encoding="utf-8") == nfc


def test_vietnamese_file_name_is_not_a_slug(tree):
    source = (tree / "docs/vi/provinces/dien-bien.md").read_text(encoding="utf-8")
    (tree / "docs/vi/Điện Biên Phủ.md").write_text(
        source.replace("type: province", "type: page")
        .replace("id: dien-bien", "id: dien-bien-phu")
        .replace("(ha-giang.md", "(provinces/ha-giang.md"),
        encoding="utf-8",
    )
    path, line, message, fix = only(tree)
    assert (path, line) == ("docs/vi/Điện Biên Phủ.md", None)
    assert message == "the name `Điện Biên Phủ` is not a slug (the page's URL is made from it)"
    assert fix.startswith("rename it to `dien-bien-phu`")


def test_orphaned_translation(tree):
    (tree / "docs/en/provinces/lao-cai.md").write_text(
        (tree / "docs/en/provinces/ha-giang.md")
        .read_text(encoding="utf-8")
        .replace("id: ha-giang", "id: lao-cai"),
        encoding="utf-8",
    )
    problems = [p for p in run(tree).problems if p.path.name == "lao-cai.md"]
    assert "orphaned translation: there is no Vietnamese page docs/vi/provinces/lao-cai.md" in [
        p.message for p in problems
    ]


def test_id_and_type_must_match_the_source(tree):
    edit(tree, "docs/fr/index.md", "type: home", "type: page")
    assert only(tree)[1:3] == (2, "type `page` differs from the Vietnamese page's type `home`")


def test_id_unique_per_language(tree):
    edit(tree, "docs/vi/provinces/index.md", "id: provinces", "id: home")
    path, line, message, _ = only(tree)
    assert (path, line, message) == ("docs/vi/provinces/index.md", 3, "id `home` is already used by index.md")


def test_unknown_source_and_missing_hero(tree):
    edit(tree, HA_GIANG_VI, "sources: [census-2019]", "sources: [census-2091]\nhero: ha-giang.jpg")
    report = run(tree)
    assert [(p.line, p.message) for p in report.problems] == [
        (6, "source `census-2091` is not in data/sources/*.yml"),
        (7, "hero image `ha-giang.jpg` is not in assets/images/"),
    ]
    assert report.problems[0].fix.startswith("did you mean `census-2019`?")
    edit(tree, HA_GIANG_VI, "census-2091]\nhero: ha-giang.jpg", "census-2019]\nhero: ha-giang-karst.jpg")
    assert run(tree).problems == ()


def test_entity_must_exist_in_data(tree):
    for lang in ("vi", "en", "fr"):
        edit(tree, f"docs/{lang}/provinces/ha-giang.md", "id: ha-giang", "id: ha-giang-x")
        (tree / f"docs/{lang}/provinces/ha-giang.md").rename(tree / f"docs/{lang}/provinces/ha-giang-x.md")
    messages = {p.message for p in run(tree).problems}
    assert "id `ha-giang-x` is not an entry of data/provinces.yml" in messages


def test_file_name_must_match_id(tree):
    edit(tree, "docs/vi/provinces/dien-bien.md", "id: dien-bien", "id: ha-giang")
    messages = [p.message for p in run(tree).problems]
    assert "a province page with id `ha-giang` must be saved as provinces/ha-giang.md" in messages


def test_todo_placeholder_and_translation_field_on_source(tree):
    edit(
        tree,
        "docs/vi/index.md",
        "title: Trung du",
        "translation:\n  source_hash: 0123456789abcdef\ntitle: TODO Trung du",
    )
    report = run(tree)
    assert [(p.line, p.message) for p in report.problems] == [
        (4, "a Vietnamese page is the source: it has no `translation` field"),
        (6, "the title still holds the TODO placeholder from `nmm new-page`"),
    ]


def test_straight_double_quote_in_description_is_refused(tree):
    # Material writes the description into <meta content="…"> unescaped: a " would end the attribute.
    text = (tree / "docs/vi/index.md").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("title:"))
    edit(tree, "docs/vi/index.md", "title: Trung du", 'title: Trung du "miền núi"')
    found = [p for p in run(tree).problems if "straight double quote" in p.message]
    assert [(p.line, p.fix) for p in found] == [
        (line, "use typographic quotes: “…” in Vietnamese and English, « … » in French")
    ]


def test_broken_link_and_anchor(tree):
    edit(
        tree,
        HA_GIANG_VI,
        "(dien-bien.md#dien-bien-phu)",
        "(dien-bien.md#tran-dien-bien-phu) [x](../heritage/ba-be.md)",
    )
    report = run(tree)
    assert [(p.line, p.message) for p in report.problems] == [
        (15, "the link `../heritage/ba-be.md` points to a page that does not exist"),
        (
            15,
            "the link `dien-bien.md#tran-dien-bien-phu` names the anchor `#tran-dien-bien-phu`, which is not "
            "a heading of provinces/dien-bien.md",
        ),
    ]
    assert report.problems[1].fix.endswith("the page has: #dien-bien-phu, #lich-su")


def test_link_to_missing_translation_falls_back_to_vietnamese(tree):
    # docs/en/provinces/dien-bien.md does not exist: the build serves the Vietnamese page there.
    assert "(dien-bien.md#dien-bien-phu)" in (tree / "docs/en/provinces/ha-giang.md").read_text(
        encoding="utf-8"
    )
    assert run(tree).problems == ()


def test_numbers_check_is_called_per_page(tree, monkeypatch):
    seen = []

    def fake(path: Path, text: str, lang: str, data_dir: Path) -> list[Problem]:
        assert data_dir == tree / "data"
        seen.append((path.relative_to(tree).as_posix(), lang))
        return [Problem(path, 9, "854 679 copies a fact", "use the fact shortcode")] if lang == "fr" else []

    monkeypatch.setattr(checks, "check_numbers", fake)
    report = check_content(ContentConfig.from_root(tree), numbers=True)
    assert ("docs/vi/provinces/ha-giang.md", "vi") in seen and len(seen) == 8
    assert {p.path.relative_to(tree).as_posix() for p in report.problems} == {
        "docs/fr/index.md",
        "docs/fr/provinces/ha-giang.md",
    }


@pytest.mark.parametrize("check", ["--check", None])
def test_cli_exit_codes_and_messages(tree, cli, capsys, check):
    args = ["check-content", "--root", str(tree), "--skip-numbers"] + ([check] if check else [])
    assert cli(args) == 0
    assert capsys.readouterr().out == "✅ 8 pages checked: no problems\n"
    edit(tree, HA_GIANG_VI, "sources: [census-2019]", "sources: [census-2019]\nhero: nope.jpg")
    assert cli(args) == 1
    assert capsys.readouterr().err == (
        "1 problem found:\ndocs/vi/provinces/ha-giang.md:7: hero image `nope.jpg` is not in assets/images/\n"
        "    fix: correct the file name, or add the image and its .yml sidecar to assets/images/\n"
    )


def test_cli_fix_mode_exits_1_after_repairing(tree, cli, capsys):
    page = tree / "docs/fr/index.md"
    page.write_text(unicodedata.normalize("NFD", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert cli(["check-content", "--root", str(tree), "--skip-numbers", "--check"]) == 1
    assert page.read_text(encoding="utf-8") != unicodedata.normalize("NFC", page.read_text(encoding="utf-8"))
    assert cli(["check-content", "--root", str(tree), "--skip-numbers"]) == 1
    out = capsys.readouterr().out
    assert "fixed: docs/fr/index.md:5: converted to Unicode NFC (decomposed accents recomposed)" in out
    assert cli(["check-content", "--root", str(tree), "--skip-numbers", "--check"]) == 0
