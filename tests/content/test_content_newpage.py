"""`nmm new-page`: the page in three trees, translations marked current, never overwriting."""

from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.content.frontmatter import parse
from nmm_site.translation.status import Status, translation_status


def test_new_page_creates_three_linked_pages(tree, cli, capsys):
    code = cli(["new-page", "province", "dien-bien", "--root", str(tree), "--title", "Điện Biên"])
    assert code == 1  # dien-bien exists in the fixture
    assert "this page already exists; nothing was written" in capsys.readouterr().err

    (tree / "data/provinces.yml").write_text("ha-giang: {}\ndien-bien: {}\nlao-cai: {}\n", encoding="utf-8")
    assert (
        cli(
            [
                "new-page",
                "province",
                "lao-cai",
                "--root",
                str(tree),
                "--title",
                "Lào Cai",
                "--title-fr",
                "Lào Cai (province)",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "created docs/vi/provinces/lao-cai.md\ncreated docs/en/provinces/lao-cai.md\n" in out
    fr = parse(tree, (tree / "docs/fr/provinces/lao-cai.md").read_text(encoding="utf-8")).front_matter
    assert fr.data["id"] == "lao-cai" and fr.data["type"] == "province"
    assert fr.data["title"] == "Lào Cai (province)"
    statuses = {entry.rel.as_posix(): entry for entry in translation_status(ContentConfig.from_root(tree))}
    assert {s.status for s in statuses["provinces/lao-cai.md"].languages.values()} == {Status.CURRENT}
    # The check rejects the placeholders until an editor replaces them.
    messages = {
        (p.path.name, p.message) for p in check_content(ContentConfig.from_root(tree), numbers=False).problems
    }
    assert ("lao-cai.md", "the description still holds the TODO placeholder from `nmm new-page`") in messages
    assert ("lao-cai.md", "sources is empty") in messages


def test_new_page_refuses_bad_slug_and_unknown_entity(tree, cli, capsys):
    assert cli(["new-page", "heritage", "Đồng Văn", "--root", str(tree), "--title", "Đồng Văn"]) == 1
    assert "`Đồng Văn` is not a valid slug" in capsys.readouterr().err
    assert cli(["new-page", "province", "ha-noi", "--root", str(tree), "--title", "Hà Nội"]) == 1
    assert "`ha-noi` is not an entry of data/provinces.yml" in capsys.readouterr().err
    assert not (tree / "docs/vi/provinces/ha-noi.md").exists()


def test_new_plain_page_with_a_title_that_needs_quotes(tree, cli):
    assert cli(["new-page", "page", "about", "--root", str(tree), "--title", "Giới thiệu: về trang này"]) == 0
    vi = parse(tree, (tree / "docs/vi/about.md").read_text(encoding="utf-8")).front_matter
    assert vi.data["title"] == "Giới thiệu: về trang này"
    assert "translation" not in vi.data
