"""A small git repository with known changes since its `main` branch, for the review report tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from nmm_site.translation.hashing import source_hash

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "site" / "docs"

PROVINCES = """\
ha-giang:
  name: {vi: Hà Giang, en: Hà Giang, fr: Hà Giang}
  population: {value: %s, year: 2019, source: census-2019}
  area_km2: {value: 7927.55, unit: km2, source: census-2019}
"""
SOURCES = """\
census-2019: {title: Điều tra dân số 2019, publisher: GSO, url: "https://gso.gov.vn/", accessed: 2025-01-10}
decision-369-2024: {title: Quyết định 369/QĐ-TTg, publisher: Chính phủ, accessed: 2025-01-10}
"""
SIDECAR = """\
alt: {vi: Cao nguyên đá Đồng Văn, en: The Đồng Văn stone plateau, fr: Le plateau karstique de Đồng Văn}
caption: {vi: Đồng Văn, en: Đồng Văn, fr: Đồng Văn}
creator: %s
licence: CC-BY-SA-4.0
source: own work
date: "2024-05-01"
place: Đồng Văn, Hà Giang
people: none
"""
SHORTCODE = '\n\nDân số Hà Giang: {{ fact("provinces.ha-giang.population") }} người.\n'


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z",
    }
    result = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return result.stdout


def with_hash(page: Path, source: Path) -> None:
    """Record in `page` the hash of its Vietnamese `source`, as `nmm mark-translated` does."""
    text = page.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n---\n")
    page.write_text(
        f"{head}\ntranslation:\n  source_hash: {source_hash(source.read_text('utf-8'))}{sep}{rest}"
    )


def jpeg(path: Path, size: tuple[int, int]) -> None:
    Image.new("RGB", size, (70, 120, 60)).save(path, "JPEG", quality=80)


@dataclass(frozen=True)
class Repo:
    root: Path
    base: str  # the commit of `main`


@pytest.fixture
def review_repo(tmp_path: Path) -> Repo:
    """main: the fixture site with current translations; then (committed or not) the changes under test.

    Changes: docs/vi/index.md edited (en/fr become outdated); docs/fr/tay-bac.md added with no
    Vietnamese page (orphaned); docs/en/lich-su.md added with the right hash (missing → fixed);
    provinces.ha-giang.population 854679 → 855000; assets/images/dong-van.jpg added with its sidecar.
    """
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(FIXTURE_DOCS, root / "docs")
    (root / "data" / "sources").mkdir(parents=True)
    (root / "data" / "provinces.yml").write_text(PROVINCES % 854679, encoding="utf-8")
    (root / "data" / "sources" / "general.yml").write_text(SOURCES, encoding="utf-8")
    images = root / "assets" / "images"
    images.mkdir(parents=True)
    jpeg(images / "landscape-terraces.jpg", (32, 24))
    (images / "landscape-terraces.yml").write_text(SIDECAR % "Nguyễn Văn A", encoding="utf-8")
    vi = root / "docs" / "vi"
    with open(vi / "lich-su.md", "a", encoding="utf-8") as page:
        page.write(SHORTCODE)
    for lang in ("en", "fr"):
        with_hash(root / "docs" / lang / "index.md", vi / "index.md")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    base = git(root, "rev-parse", "HEAD").strip()

    git(root, "checkout", "-q", "-b", "feature")
    index = vi / "index.md"
    index.write_text(index.read_text("utf-8").replace("14 tỉnh;", "mười bốn tỉnh;"), encoding="utf-8")
    (root / "data" / "provinces.yml").write_text(PROVINCES % 855000, encoding="utf-8")
    git(root, "commit", "-q", "-am", "edit")
    # Left uncommitted or untracked: the report reads the working tree.
    orphan = (FIXTURE_DOCS / "fr" / "index.md").read_text("utf-8").replace("id: home", "id: tay-bac")
    (root / "docs" / "fr" / "tay-bac.md").write_text(orphan.replace("type: home", "type: page"), "utf-8")
    en = (vi / "lich-su.md").read_text("utf-8").replace("Lịch sử Điện Biên Phủ", "History of Điện Biên Phủ")
    (root / "docs" / "en" / "lich-su.md").write_text(en, encoding="utf-8")
    with_hash(root / "docs" / "en" / "lich-su.md", vi / "lich-su.md")
    jpeg(images / "dong-van.jpg", (64, 48))
    (images / "dong-van.yml").write_text(SIDECAR % "Trần Thị Bình", encoding="utf-8")
    return Repo(root, base)
