"""The memo of the content checks (a preview re-checks only what an edit can change) never changes a
report: after each kind of edit, a check with the memo of the previous checks equals a fresh one."""

import os
import shutil
from pathlib import Path

import pytest

from nmm_site.checks.run import Memo, check_content
from nmm_site.content.config import ContentConfig

ROOT = Path(__file__).resolve().parents[2]
HA_GIANG_VI = "docs/vi/provinces/ha-giang.md"
DIEN_BIEN_VI = "docs/vi/provinces/dien-bien.md"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    # An editor's next save comes later: a different mtime even on coarse file systems.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def replace_file(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def messages(report) -> list[tuple[str, int | None, str]]:
    return [(p.path.name, p.line, p.message) for p in report.problems]


# Each edit names what it should make the check find, so a memo that hides it fails the test even if
# the fresh check were wrong in the same way.
EDITS = [
    ("nothing changed", lambda root: None, None),
    (
        "a broken link in one page",
        lambda root: edit(root, HA_GIANG_VI, "(dien-bien.md#dien-bien-phu)", "(../heritage/ba-be.md)"),
        "points to a page that does not exist",
    ),
    (
        "the link repaired",
        lambda root: edit(root, HA_GIANG_VI, "(../heritage/ba-be.md)", "(dien-bien.md#dien-bien-phu)"),
        None,
    ),
    (
        # The page that links is unchanged: only the anchors of the page it links to changed.
        "a heading renamed in the linked page",
        lambda root: edit(root, DIEN_BIEN_VI, "## Điện Biên Phủ", "## Chiến dịch"),
        "which is not a heading of provinces/dien-bien.md",
    ),
    ("the heading back", lambda root: edit(root, DIEN_BIEN_VI, "## Chiến dịch", "## Điện Biên Phủ"), None),
    (
        # The pages are unchanged: only the data they name changed.
        "a data entry removed",
        lambda root: replace_file(
            root, "data/provinces.yml", "ha-giang:\n  name: {vi: Hà Giang, en: Hà Giang, fr: Hà Giang}\n"
        ),
        "is not an entry of data/provinces.yml",
    ),
    (
        "the hero image removed",
        lambda root: (
            edit(
                root,
                HA_GIANG_VI,
                "sources: [census-2019]",
                "sources: [census-2019]\nhero: ha-giang-karst.jpg",
            ),
            (root / "assets/images/ha-giang-karst.jpg").unlink(),
        ),
        "is not in assets/images/",
    ),
    (
        "a research-state phrase in a page",
        lambda root: edit(root, HA_GIANG_VI, "## ", "Điều này chưa xác minh.\n\n## "),
        "research-state phrase",
    ),
    (
        "the linked page deleted",
        lambda root: (root / DIEN_BIEN_VI).unlink(),
        "points to a page that does not exist",
    ),
]


@pytest.fixture
def project(tree: Path) -> Path:
    (tree / "data" / "editorial").mkdir()
    shutil.copy2(ROOT / "data" / "editorial" / "hedges.yml", tree / "data" / "editorial" / "hedges.yml")
    return tree


def test_memoised_check_equals_a_fresh_check_after_each_edit(project):
    config = ContentConfig.from_root(project)
    memo = Memo()
    check_content(config, numbers=False, memo=memo)
    for name, apply, expected in EDITS:
        apply(project)
        fresh = check_content(config, numbers=False)
        memoised = check_content(config, numbers=False, memo=memo)
        assert messages(memoised) == messages(fresh), name
        assert memoised.problems == fresh.problems, name
        if expected is None:
            assert fresh.problems == (), (name, messages(fresh))
        else:
            assert any(expected in message for _, _, message in messages(fresh)), (name, messages(fresh))


def test_unchanged_pages_are_not_checked_again(project, monkeypatch):
    from nmm_site.checks import run

    config = ContentConfig.from_root(project)
    memo = Memo()
    checked: list[str] = []
    real = run._page_checks

    def counting(page, *args):
        checked.append(f"{page.lang}/{page.rel}")
        return real(page, *args)

    monkeypatch.setattr(run, "_page_checks", counting)
    check_content(config, numbers=False, memo=memo)
    assert len(checked) == 8
    checked.clear()
    edit(project, HA_GIANG_VI, "## ", "Một câu mới.\n\n## ")
    check_content(config, numbers=False, memo=memo)
    assert checked == ["vi/provinces/ha-giang.md"]
    checked.clear()
    # Data changed: every page is checked again.
    edit(project, "data/provinces.yml", "dien-bien:", "# a comment\ndien-bien:")
    check_content(config, numbers=False, memo=memo)
    assert len(checked) == 8


def test_a_full_memo_starts_again(project, monkeypatch):
    from nmm_site.checks import run

    config = ContentConfig.from_root(project)
    checked: list[str] = []
    real = run._page_checks
    monkeypatch.setattr(
        run, "_page_checks", lambda page, *args: checked.append(page.rel) or real(page, *args)
    )
    memo = Memo(limit=3)  # fewer than the 8 pages: the table is dropped when full
    first = check_content(config, numbers=False, memo=memo)
    checked.clear()
    assert check_content(config, numbers=False, memo=memo) == first
    assert checked  # some pages checked again: the memo did not grow past its limit
