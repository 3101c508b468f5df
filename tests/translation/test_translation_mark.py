"""`nmm mark-translated` edits only translation.source_hash, byte for byte."""

import pytest

from nmm_site.content.config import ContentConfig
from nmm_site.translation.mark import EditError, set_source_hash
from nmm_site.translation.status import Status, translation_status

NEW = "fedcba9876543210"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "---\nid: a\ntranslation:\n  source_hash: 0123456789abcdef  # kept\n---\nBody\n",
            "---\nid: a\ntranslation:\n  source_hash: fedcba9876543210  # kept\n---\nBody\n",
        ),
        (
            "---\r\nid: a\r\ntitle: Hà Giang\r\n---\r\nBody  \r\n",
            "---\r\nid: a\r\ntitle: Hà Giang\r\ntranslation:\r\n  source_hash: fedcba9876543210\r\n"
            "---\r\nBody  \r\n",
        ),
        (
            '---\nid: a\ntranslation: {source_hash: "0123456789abcdef"}\n---\n',
            "---\nid: a\ntranslation: {source_hash: fedcba9876543210}\n---\n",
        ),
        (
            "---\nid: a\ntranslation:\n---\n",
            "---\nid: a\ntranslation:\n  source_hash: fedcba9876543210\n---\n",
        ),
        (
            "---\nid: a\ntranslation:\n  source_hash:\n---\n",
            "---\nid: a\ntranslation:\n  source_hash: fedcba9876543210\n---\n",
        ),
    ],
)
def test_set_source_hash_keeps_every_other_byte(before, after):
    assert set_source_hash(before, NEW) == after


def test_digit_only_hash_is_quoted_and_bad_front_matter_refused():
    assert set_source_hash("---\nid: a\n---\n", "1234567890123456") == (
        '---\nid: a\ntranslation:\n  source_hash: "1234567890123456"\n---\n'
    )
    with pytest.raises(EditError):
        set_source_hash("no front matter\n", NEW)


def test_cli_marks_outdated_translation_current(tree, cli, capsys):
    page = tree / "docs/fr/provinces/ha-giang.md"
    before = page.read_text(encoding="utf-8")
    assert cli(["mark-translated", str(page), "--root", str(tree)]) == 0
    assert capsys.readouterr().out == "docs/fr/provinces/ha-giang.md: 0123456789abcdef → b8d01aa5b5f4494b\n"
    assert page.read_text(encoding="utf-8") == before.replace("0123456789abcdef", "b8d01aa5b5f4494b")
    [entry] = [e for e in translation_status(ContentConfig.from_root(tree)) if e.page_id == "ha-giang"]
    assert entry.languages["fr"].status is Status.CURRENT


def test_cli_refuses_sources_orphans_and_writes_nothing(tree, cli, capsys):
    (tree / "docs/en/about.md").write_text("---\nid: about\n---\n", encoding="utf-8")
    fr = tree / "docs/fr/provinces/ha-giang.md"
    before = fr.read_bytes()
    code = cli(
        [
            "mark-translated",
            str(fr),
            str(tree / "docs/vi/index.md"),
            str(tree / "docs/en/about.md"),
            "--root",
            str(tree),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "docs/vi/index.md: not a translation: give the path of a .md file in docs/en/ or docs/fr/" in err
    assert "docs/en/about.md: orphaned translation: there is no Vietnamese page docs/vi/about.md" in err
    assert err.endswith("nothing was written\n")
    assert fr.read_bytes() == before


def test_cli_lang_marks_every_page_of_a_language(tree, cli, capsys):
    assert cli(["mark-translated", "--lang", "fr", "--root", str(tree)]) == 0
    assert capsys.readouterr().out == (
        "docs/fr/index.md: already current\n"
        "docs/fr/provinces/ha-giang.md: 0123456789abcdef → b8d01aa5b5f4494b\n"
    )
