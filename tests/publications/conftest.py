"""A tiny project and a hand-written built site in tmp_path: a region, a province, a heritage page."""

from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from nmm_site.publications.build import Report, build_all
from nmm_site.publications.config import PublicationsConfig

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://nmm.example.org/"
# 26 November 2026, 09:00 UTC: the fixture pages' mtime (outside git, the feed dates come from it).
MTIME = 1795683600

MKDOCS_YML = """site_name: Trung du và miền núi phía Bắc
site_url: https://nmm.example.org/
theme:
  name: material
  custom_dir: overrides
  font: false
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - locale: vi
          default: true
          name: Tiếng Việt
          build: true
        - locale: en
          name: English
          build: true
          site_name: Northern Midlands and Mountains of Viet Nam
        - locale: fr
          name: Français
          build: true
          site_name: Moyennes et hautes terres du Nord du Viêt Nam
hooks:
  - hooks/publications.py
"""

PAGES = {
    # rel_md: (type, id, {lang: title}, hero)
    "region.md": (
        "region",
        "region",
        {"vi": "Vùng Trung du và miền núi phía Bắc", "en": "The Northern Midlands and Mountains"},
        "karst.jpg",
    ),
    "provinces/ha-giang.md": (
        "province",
        "ha-giang",
        # The French title is NFD-decomposed on purpose: every output must show it composed.
        {"vi": "Hà Giang", "en": "Hà Giang", "fr": unicodedata.normalize("NFD", "Hà Giang")},
        "karst.jpg",
    ),
    "heritage/dien-bien-phu.md": (
        "heritage",
        "dien-bien-phu",
        {"vi": "Di tích Điện Biên Phủ", "en": "Điện Biên Phủ battlefield"},
        None,
    ),
}
BODY = {
    "vi": "Những thửa ruộng bậc thang và cao nguyên đá ở Đồng Văn, Mèo Vạc, Quản Bạ: đẹp ngỡ ngàng.",
    "en": "Terraced fields and the stone plateau of Đồng Văn, Mèo Vạc and Quản Bạ: a breathtaking view.",
    "fr": "Rizières en terrasses et plateau karstique de Đồng Văn, Mèo Vạc et Quản Bạ : un paysage superbe.",
}
DESCRIPTION = "Một trang thử nghiệm về vùng Trung du và miền núi phía Bắc, đủ dài cho mô tả của trang."


def write_project(root: Path) -> None:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    shutil.copytree(ROOT / "assets" / "fonts", root / "assets" / "fonts")
    (root / "data").mkdir()
    (root / "data" / "provinces.yml").write_text("ha-giang:\n  name: {vi: Hà Giang}\n", encoding="utf-8")
    for lang in ("vi", "en", "fr"):
        home = root / "docs" / lang / "index.md"
        home.parent.mkdir(parents=True)
        home.write_text(
            f"---\ntype: home\nid: home\ntitle: Trang chủ {lang}\ndescription: {DESCRIPTION}\n---\n\n"
            f"{BODY[lang]}\n",
            encoding="utf-8",
        )
        for rel, (page_type, page_id, titles, hero) in PAGES.items():
            if lang not in titles:
                continue  # served as a fallback in that language
            md = root / "docs" / lang / rel
            md.parent.mkdir(parents=True, exist_ok=True)
            hero_line = f"hero: {hero}\n" if hero else ""
            md.write_text(
                f"---\ntype: {page_type}\nid: {page_id}\ntitle: {titles[lang]}\n"
                f"description: {DESCRIPTION}\nsources: []\n{hero_line}---\n\n{BODY[lang]}\n",
                encoding="utf-8",
            )
    for md in (root / "docs").rglob("*.md"):
        os.utime(md, (MTIME, MTIME))


def article(lang: str, title: str, depth: int) -> str:
    up = "../" * depth
    return f"""<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
<header><a href="{up}">Home</a></header>
<div class="md-content"><article class="md-content__inner md-typeset">
<h1>{title}</h1>
<figure class="nmm-figure"><picture><source type="image/avif" srcset="{up}assets/img/karst-640.avif 640w">
<img src="{up}assets/img/karst-640.jpeg" srcset="{up}assets/img/karst-640.jpeg 640w" alt="Núi đá" width="640"
height="400"></picture><figcaption>Cao nguyên đá Đồng Văn. Ảnh: Dự án · CC BY 4.0</figcaption></figure>
<h2 id="canh-quan">Cảnh quan<a class="headerlink" href="#canh-quan" title="Permanent link">#</a></h2>
<p>{BODY[lang]} <a href="../">Xem thêm</a> <a href="#canh-quan">↑</a></p>
<section class="nmm-sources"><h2>Sources</h2>
<ul><li><a href="https://example.org/census">Tổng điều tra 2019</a></li></ul></section>
<aside class="nmm-publications"><img src="{up}go/x/qr.svg" alt=""></aside>
</article></div><script>var x = "</article>";</script></body></html>
"""


def write_built_site(site: Path, cfg: PublicationsConfig) -> None:
    """What `mkdocs build` would have written: each page's article, the derived image, language homes."""
    img = site / "assets" / "img"
    img.mkdir(parents=True)
    gradient = Image.linear_gradient("L").resize((640, 400)).convert("RGB")
    gradient.save(img / "karst-640.jpeg", quality=80)
    for lang in cfg.site.codes:
        prefix = cfg.site.lang_prefix(lang)
        (site / prefix).mkdir(parents=True, exist_ok=True)
        (site / prefix / "index.html").write_text(article(lang, "Trang chủ", len(prefix.split("/")) - 1))
        for rel, (_, _, titles, _) in PAGES.items():
            path = rel[: -len(".md")] + "/"
            depth = len((prefix + path).strip("/").split("/"))
            title = unicodedata.normalize("NFC", titles.get(lang, titles["vi"]))
            target = site / prefix / path / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(article(lang if lang in titles else "vi", title, depth), encoding="utf-8")


def hero_finder(site: Path):
    return lambda name: site / "assets" / "img" / "karst-640.jpeg" if name == "karst.jpg" else None


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[PublicationsConfig, Path, Report]:
    """The fixture project with every publication built once (two worker processes, cold cache)."""
    root = tmp_path_factory.mktemp("publications-project")
    write_project(root)
    cfg = replace(PublicationsConfig.for_root(root, SITE_URL), workers=2, pdf_enabled=True)
    site = root / "site"
    write_built_site(site, cfg)
    report = build_all(cfg, site, hero_file=hero_finder(site))
    return cfg, site, report
