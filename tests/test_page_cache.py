"""The page cache (nmm_site/page_cache.py, hooks/page_cache.py): a reused page is byte for byte the page
a full render makes, an edit renders again what it changes, and MkDocs' link checks still see reused
pages."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from nmm_site import page_cache
from tests.conftest import FIXTURES, make_fixture_project, mkdocs_build

ENV = {"SITE_URL": "https://nmm.example.org/", "NMM_PUBLICATIONS": "0"}
LINKING_PAGE = """\
---
type: page
id: lien-ket
title: Liên kết
description: Một trang thử nghiệm có liên kết đến một mục của trang lịch sử, để kiểm tra bộ nhớ đệm.
sources: [decision-369-2024]
---

Xem [mục Hà Giang](lich-su.md#ha-giang-va-dien-bien-phu).
"""


def _build(project: Path, site: str, **env: str):
    result = mkdocs_build(project, project / site, env={**ENV, **env})
    counts = {
        lang: (int(reused), int(rendered))
        for lang, reused, rendered in re.findall(
            r"Page cache \((\w+)\): (\d+) pages reused, (\d+) rendered", result.stderr
        )
    }
    return result, counts


def _same_tree(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site plus a page that links to an anchor of another, built once (the cache filled)."""
    project = make_fixture_project(tmp_path_factory.mktemp("cache-project"), FIXTURES / "site" / "docs")
    (project / "docs" / "vi" / "lien-ket.md").write_text(LINKING_PAGE, encoding="utf-8")
    result, counts = _build(project, "site-first")
    assert result.returncode == 0, result.stderr[-3000:]
    assert counts and all(reused == 0 for reused, _ in counts.values()), counts
    return project


@pytest.fixture
def project(filled: Path, tmp_path: Path) -> Path:
    """A copy of the filled project (its page cache included) for one test to change."""
    copy = tmp_path / "project"
    shutil.copytree(filled, copy, symlinks=True, ignore=shutil.ignore_patterns("site-*"))
    return copy


def test_a_second_build_reuses_every_page_and_is_byte_identical_to_a_full_render(project: Path) -> None:
    result, counts = _build(project, "site-reused")
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(counts) == {"vi", "en", "fr"}
    assert all(rendered == 0 and reused > 0 for reused, rendered in counts.values()), counts
    full, _ = _build(project, "site-full", NMM_PAGE_CACHE="0")
    assert full.returncode == 0, full.stderr[-3000:]
    assert _same_tree(project / "site-reused", project / "site-full") == []


def test_an_edited_body_renders_that_page_again_and_nothing_else(project: Path) -> None:
    page = project / "docs" / "vi" / "lich-su.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    result, counts = _build(project, "site-edit")
    assert result.returncode == 0, result.stderr[-3000:]
    # Vietnamese only: the English and French sites show it as an untranslated fallback.
    assert counts == {"vi": (counts["vi"][0], 1), "en": (counts["en"][0], 1), "fr": (counts["fr"][0], 1)}
    assert "Một câu mới." in (project / "site-edit" / "lich-su" / "index.html").read_text(encoding="utf-8")
    full, _ = _build(project, "site-full", NMM_PAGE_CACHE="0")
    assert _same_tree(project / "site-edit", project / "site-full") == []


def test_a_template_edit_renders_every_page_again(project: Path) -> None:
    template = project / "overrides" / "main.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% block site_meta %}", "{% block site_meta %}<!-- a template edit -->", 1
        ),
        encoding="utf-8",
    )
    result, counts = _build(project, "site-template")
    assert result.returncode == 0, result.stderr[-3000:]
    assert all(reused == 0 for reused, _ in counts.values()), counts
    assert "<!-- a template edit -->" in (project / "site-template" / "index.html").read_text(
        encoding="utf-8"
    )


def test_a_link_to_a_removed_anchor_stops_the_build_though_the_linking_page_is_unchanged(
    project: Path,
) -> None:
    # The heading the unchanged page links to is renamed: the content check (and MkDocs, which sees
    # the link again in the reused page's stub) must still refuse the link.
    page = project / "docs" / "vi" / "lich-su.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("## Hà Giang và Điện Biên Phủ", "## Một tên khác"),
        encoding="utf-8",
    )
    result, _ = _build(project, "site-anchor")
    assert result.returncode != 0
    assert "lien-ket.md" in result.stderr and "#ha-giang-va-dien-bien-phu" in result.stderr
    again, _ = _build(project, "site-anchor-again")
    assert again.returncode != 0
    assert "#ha-giang-va-dien-bien-phu" in again.stderr


def test_a_build_that_warned_keeps_no_page(project: Path) -> None:
    # A warning of a plugin (here a hook the test adds; in life e.g. a theme's), which --strict turns
    # into a failure only at the end, after every page was rendered: none of them may be kept.
    shutil.rmtree(project / ".cache" / "pages")
    (project / "hooks" / "warns.py").write_text(
        "import logging\n\n"
        "def on_page_content(html, page, config, files):\n"
        "    logging.getLogger('mkdocs.plugins.warns').warning('a plugin warns')\n"
        "    return html\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/warns.py\n", 1),
        encoding="utf-8",
    )
    result, _ = _build(project, "site-warned")
    assert result.returncode != 0
    assert "nothing kept from a build that warned" in result.stderr
    assert not list((project / ".cache" / "pages").glob("*.json"))


def test_a_reused_page_keeps_its_anchors_for_the_pages_that_link_to_it(project: Path) -> None:
    # The linking page is edited (rendered again); the page it links to is reused and must still
    # offer the anchor.
    page = project / "docs" / "vi" / "lien-ket.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    result, counts = _build(project, "site-target")
    assert result.returncode == 0, result.stderr[-3000:]
    assert counts["vi"][1] == 1


def test_no_cache_when_switched_off(project: Path) -> None:
    shutil.rmtree(project / ".cache" / "pages")
    result, counts = _build(project, "site-off", NMM_PAGE_CACHE="0")
    assert result.returncode == 0
    assert counts == {}
    assert not (project / ".cache" / "pages").exists()


# The module itself.


def test_page_key_follows_every_part_of_the_page() -> None:
    base = {"source": "vi/a.md", "url": "a/", "language": "vi", "markdown": "x", "meta": {"title": "A"}}
    key = page_cache.page_key("sig", **base)
    assert key == page_cache.page_key("sig", **base)
    assert key != page_cache.page_key("other", **base)
    for part, value in (("source", "vi/b.md"), ("url", "b/"), ("language", "en"), ("markdown", "y")):
        assert key != page_cache.page_key("sig", **{**base, part: value})
    assert key != page_cache.page_key("sig", **{**base, "meta": {"title": "B"}})


def test_page_key_refuses_a_value_that_changes_between_runs() -> None:
    class Opaque:
        pass

    base = {"source": "vi/a.md", "url": "a/", "language": "vi", "markdown": "x"}
    assert page_cache.page_key("sig", **base, meta={"thing": Opaque()}) is None


def test_stub_markdown_carries_anchors_and_links() -> None:
    entry = page_cache.Entry("c", "o", anchors=('a"b', "c"), links=("other.md#x",))
    stub = page_cache.stub_markdown(entry)
    assert '<a id="a&quot;b"></a>' in stub and '<a id="c"></a>' in stub
    assert "(<other.md#x>)" in stub


def test_cache_round_trip_damage_and_prune(tmp_path: Path) -> None:
    cache = page_cache.PageCache(tmp_path / "pages")
    entry = page_cache.Entry("content", "output", ("a",), ("b.md#c",))
    cache.put("k1", entry)
    assert page_cache.PageCache(tmp_path / "pages").get("k1") == entry  # from disk
    (tmp_path / "pages" / "k2.json").write_text("{not json", encoding="utf-8")
    assert cache.get("k2") is None
    old = time.time() - 30 * 86400
    os.utime(tmp_path / "pages" / "k1.json", (old, old))
    assert cache.prune() == 1
    assert not (tmp_path / "pages" / "k1.json").exists() and cache.get("k1") is None


def test_site_signature_follows_data_front_matter_and_environment(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yml").write_text("x: 1\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: A\n---\n\nBody\n", encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}

    def signature(**extra: str) -> str:
        project = page_cache.project_signature(tmp_path, {**env, **extra})
        return page_cache.site_signature(project, tmp_path, [("page.md", "page/index.html")], [page], {})

    first = signature()
    assert signature() == first
    page.write_text("---\ntitle: A\n---\n\nAnother body\n", encoding="utf-8")
    assert signature() == first  # a body is the page's own key, not the site's
    page.write_text("---\ntitle: B\n---\n\nAnother body\n", encoding="utf-8")
    retitled = signature()
    assert retitled != first  # titles are in every page's navigation
    (tmp_path / "data" / "a.yml").write_text("x: 2\n", encoding="utf-8")
    assert signature() != retitled
    assert signature(NMM_ANYTHING="1") != signature()
    assert signature(SOURCE_DATE_EPOCH="1800000000") != signature()
    assert json.dumps(signature())  # a plain string


def test_memory_keeps_the_most_recently_used_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_cache, "MEMORY_ENTRIES", 2)
    cache = page_cache.PageCache(tmp_path / "pages")
    entries = {key: page_cache.Entry(key, key, (), ()) for key in ("a", "b", "c")}
    cache.put("a", entries["a"])
    cache.put("b", entries["b"])
    assert cache.get("a") == entries["a"]  # a is now the most recent
    cache.put("c", entries["c"])
    assert list(cache._memory) == ["a", "c"]
    (tmp_path / "pages" / "b.json").unlink()
    assert cache.get("b") is None  # forgotten in memory, gone from disk
