"""A small project for the editorial checks: the content fixture tree, the real lists of data/editorial/,
acceptable sources and one localised data text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nmm_site.site_config import ROOT

TREE = Path(__file__).parent.parent / "content" / "fixtures" / "tree"

SOURCES = """\
census-2019:
  title: Kết quả Tổng điều tra dân số và nhà ở năm 2019
  publisher: Tổng cục Thống kê
  url: https://www.gso.gov.vn/du-lieu-va-so-lieu-thong-ke/2020/11/ket-qua-toan-bo-tong-dieu-tra-dan-so-va-nha-o-nam-2019/
  accessed: 2026-11-26
decision-369-2024:
  title: Quyết định 369/QĐ-TTg
  publisher: Thủ tướng Chính phủ
  url: https://thuvienphapluat.vn/van-ban/Xay-dung-Do-thi/Quyet-dinh-369-QD-TTg-2024-606939.aspx
  accessed: 2026-11-26
"""

PLACES = """\
ha-giang:
  dont_miss:
    - id: lung-cu
      name: {vi: Cột cờ Lũng Cú, en: Lũng Cú flag tower, fr: mât du drapeau de Lũng Cú}
      why:
        vi: Cột cờ đánh dấu điểm cực Bắc.
        en: The flag tower marks the northernmost point.
        fr: Le mât marque la pointe nord.
      source: census-2019
      note: {vi: Chưa xác minh năm xây., en: Year not verified., fr: Année non vérifiée.}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture tree with the site's own editorial lists: clean until a test edits it."""
    root = tmp_path / "site"
    shutil.copytree(TREE, root)
    shutil.copytree(ROOT / "data" / "editorial", root / "data" / "editorial")
    (root / "data" / "sources" / "core.yml").write_text(SOURCES, encoding="utf-8")
    (root / "data" / "places.yml").write_text(PLACES, encoding="utf-8")
    return root


def append(root: Path, rel: str, text: str) -> int:
    """Add a paragraph at the end of a page; its line."""
    path = root / rel
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
