"""The Markdown conversion cache: same pages as without it, reused only when every input is the same."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from scripts.buildtools.render_cache import RenderCache
from tests.conftest import ROOT

HOOK = ROOT / "hooks" / "render_cache.py"


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # the theme prints the build date


def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nsite_url: https://example.org/\n"
        f"hooks: ['{HOOK.as_posix()}']\n"
        "markdown_extensions:\n  - toc:\n      permalink: '#'\n"
        "validation:\n  anchors: warn\n",
        encoding="utf-8",
    )
    write(tmp_path, "index.md", "# Home\n\nSee [the plateau](other.md#plateau).\n")
    write(tmp_path, "other.md", "# Other\n\n## Plateau\n\nText.\n")
    return tmp_path


def write(root: Path, name: str, text: str) -> None:
    (root / "docs" / name).write_text(text, encoding="utf-8")


def run(root: Path, site: str = "site", strict: bool = True) -> RenderCache:
    """One in-process build; returns the hook's cache (hits and misses of this build)."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / site), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config["hooks"][next(k for k in config["hooks"] if k.endswith("render_cache.py"))]._cache


def html(root: Path, site: str = "site") -> dict[str, bytes]:
    folder = root / site
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


def test_second_build_converts_nothing_and_writes_the_same_pages(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = run(root)
    assert (first.hits, first.misses) == (0, 2)
    cold = html(root)
    second = run(root)
    assert (second.hits, second.misses) == (2, 0)
    assert html(root) == cold


def test_same_pages_as_without_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    run(root)
    run(root)  # from the cache
    monkeypatch.setenv("NMM_RENDER_CACHE", "0")
    assert run(root, site="plain") is None
    assert html(root) == html(root, site="plain")


def test_an_edited_page_alone_is_converted_again(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    write(root, "other.md", "# Other\n\n## Plateau\n\nNew text.\n")
    cache = run(root)
    assert (cache.hits, cache.misses) == (1, 1)
    assert "New text." in (root / "site" / "other" / "index.html").read_text(encoding="utf-8")


def test_a_new_page_changes_every_key_links_resolve_against_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    write(root, "third.md", "# Third\n")
    cache = run(root)
    assert (cache.hits, cache.misses) == (0, 3)


def test_an_anchor_removed_elsewhere_is_still_reported_for_a_cached_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    write(root, "other.md", "# Other\n\nNo plateau any more.\n")
    with pytest.raises(Abort):  # strict: index.md (from the cache) links to a missing anchor
        run(root)


def test_a_page_with_a_warning_is_not_kept_so_the_warning_comes_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    write(root, "index.md", "# Home\n\nSee [nothing](missing.md).\n")
    for build_number in range(2):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            cache = run(root, strict=False)
        assert any("missing.md" in r.getMessage() for r in caplog.records)
        assert (cache.hits, cache.misses) == (build_number, 2 - build_number)  # other.md kept, index.md not


def test_prune_deletes_entries_unused_for_a_month(tmp_path: Path) -> None:
    root = project(tmp_path)
    cache = run(root)
    entries = sorted((root / ".cache" / "pages").glob("*/*.json"))
    assert len(entries) == 2
    old = 40 * 86400
    os.utime(entries[0], (entries[0].stat().st_atime - old, entries[0].stat().st_mtime - old))
    assert cache.prune() == 1
    assert sorted((root / ".cache" / "pages").glob("*/*.json")) == entries[1:]
