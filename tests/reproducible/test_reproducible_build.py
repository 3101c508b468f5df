"""Two builds of the same sources are byte-identical (pages, sitemaps, search index, feeds, PDFs, cards,
QR codes), so that a reviewer's diff of two sites shows only real changes.

The fixture project (tests/fixtures/site plus a province page, for a PDF) is built; then the same
sources, with the same file times, are copied to another folder (absolute paths must not leak into the
output) and built again. Only the image cache is carried over (the encoders are deterministic and slow); the
publications (PDFs, cards) are rendered again.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
from pathlib import Path

import pytest

from nmm_site.publications import feeds
from tests.conftest import FIXTURES, make_fixture_project, mkdocs_build

# A page with a PDF (province), only in Vietnamese: the fixture site has none.
PROVINCE = """---
type: province
id: ha-giang
title: Hà Giang
description: Một trang tỉnh thử nghiệm để kiểm tra rằng hai lần dựng cùng một nguồn cho ra cùng các tệp.
sources: [decision-369-2024]
---

Cao nguyên đá, ruộng bậc thang và những phiên chợ vùng cao.
"""


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture project (tests/fixtures/site + a province page) built twice, in two folders."""
    docs = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(FIXTURES / "site" / "docs", docs)
    (docs / "vi" / "provinces").mkdir()
    (docs / "vi" / "provinces" / "ha-giang.md").write_text(PROVINCE, encoding="utf-8")
    first = make_fixture_project(tmp_path_factory.mktemp("first"), docs)
    result = mkdocs_build(first, first / "site", env={"SITE_URL": "https://nmm.example.org/"})
    assert result.returncode == 0, result.stderr[-4000:]
    # copytree keeps file times (copy2): the same commit checked out a second time, elsewhere.
    second = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(first, second, ignore=shutil.ignore_patterns("site", ".cache"))
    shutil.copytree(first / ".cache" / "images", second / ".cache" / "images")
    result = mkdocs_build(second, second / "site", env={"SITE_URL": "https://nmm.example.org/"})
    assert result.returncode == 0, result.stderr[-4000:]
    return first / "site", second / "site"


def test_two_builds_are_byte_identical(builds: tuple[Path, Path]) -> None:
    first_site, second_site = builds
    first, second = _files(first_site), _files(second_site)
    assert first == second
    kinds = {Path(name).suffix for name in first}
    assert {".html", ".xml", ".json", ".pdf", ".jpg", ".svg", ".png", ".gz"} <= kinds  # every kind compared
    assert {"sitemap.xml", "en/sitemap.xml", "feed.xml", "pdf/ha-giang.pdf"} <= set(first)
    _, mismatch, errors = filecmp.cmpfiles(first_site, second_site, first, shallow=False)
    assert mismatch == [] and errors == []


def test_no_absolute_path_of_the_build_leaks(builds: tuple[Path, Path]) -> None:
    _, second_site = builds
    folder = str(second_site.parent).encode()
    leaks = [n for n in _files(second_site) if folder in (second_site / n).read_bytes()]
    assert leaks == []


def test_untracked_dates_are_clamped_to_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    page = tmp_path / "page.md"
    page.write_text("x", encoding="utf-8")
    os.utime(page, (2_000_000_000, 2_000_000_000))  # a fresh checkout: "now"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert feeds.git_dates(page, tmp_path).updated.year == 2033
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795683600")  # 26 November 2026, 09:00 UTC
    dates = feeds.git_dates(page, tmp_path)
    assert dates.updated == dates.published == dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
