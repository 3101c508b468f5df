"""The hook in a tiny MkDocs + Material + static-i18n site: `<picture>` per language, files emitted once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[2]

MKDOCS_YML = """\
site_name: Thử nghiệm
site_url: http://127.0.0.1:8000/
docs_dir: docs
site_dir: site
strict: true
theme:
  name: material
  custom_dir: overrides
  font: false
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
hooks:
  - hooks/images.py
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      build_only_locale: !ENV [BUILD_ONLY_LOCALE, null]
      languages:
        - {locale: vi, default: true, name: Tiếng Việt, build: true}
        - {locale: en, name: English, build: true}
        - {locale: fr, name: Français, build: true}
"""

PAGE = """\
---
title: Hồ Ba Bể
hero: {hero}
---
# Hồ Ba Bể

![](../../../assets/images/ha-giang.jpg)
"""


@pytest.fixture
def site(tmp_path: Path, textured, sidecar_data: dict) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    # What the lead's template does with the page data the hook sets.
    (tmp_path / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ page.meta.nmm_hero_html }}{{ super() }}'
        "{{ page.meta.nmm_image_credits_html }}{% endblock %}",
        encoding="utf-8",
    )
    (tmp_path / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "images.py", tmp_path / "hooks" / "images.py")
    images = tmp_path / "assets" / "images"
    images.mkdir(parents=True)
    for name, seed in (("ha-giang.jpg", 1), ("ban-gioc.jpg", 2)):
        textured(1200, 800, seed).save(images / name, "JPEG")
        (images / name).with_suffix(".yml").write_text(yaml.safe_dump(sidecar_data, allow_unicode=True))
    for lang in ("vi", "en", "fr"):
        (tmp_path / "docs" / lang / "heritage").mkdir(parents=True)
        (tmp_path / "docs" / lang / "index.md").write_text(f"# {lang}\n", encoding="utf-8")
    # en and fr have their own page; vi's page is the source; fr falls back for nothing.
    for lang in ("vi", "en", "fr"):
        page = tmp_path / "docs" / lang / "heritage" / "ba-be.md"
        page.write_text(PAGE.format(hero="ban-gioc.jpg"), encoding="utf-8")
    return tmp_path


def build(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        timeout=300,
    )


def _img_files(site_dir: Path) -> list[str]:
    return sorted(
        str(p.relative_to(site_dir)) for p in site_dir.rglob("*") if "/img/" in str(p) and p.is_file()
    )


@pytest.mark.slow
def test_build_renders_pictures_and_emits_files_once(site: Path, sidecar_data: dict) -> None:
    result = build(site)
    assert result.returncode == 0, result.stderr
    # One encoding run for the three language builds.
    assert result.stderr.count("images: 2 images, 0 cached, 2 encoded") == 1
    site_dir = site / "site"
    files = _img_files(site_dir)
    # 2 images × 3 widths (480, 960, 1200) × 3 formats, all at the site root, none under en/ or fr/.
    assert len(files) == 18 and all(f.startswith("assets/img/") for f in files)
    cache = sorted(p.name for p in (site / ".cache" / "images").iterdir() if p.name != "manifest.json")
    assert [f.removeprefix("assets/img/") for f in files] == cache

    for lang, prefix in (("vi", ""), ("en", "en/"), ("fr", "fr/")):
        page = site_dir / prefix / "heritage" / "ba-be" / "index.html"
        doc = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        [hero, figure] = doc.xpath("//article//figure[picture]")
        # libxml2's HTML parser does not know <source> is void: search below <picture>.
        [hero_img] = hero.xpath("./picture//img")
        assert hero.get("class") == "nmm-figure nmm-hero"
        assert hero_img.get("loading") == "eager" and hero_img.get("fetchpriority") == "high"
        [img] = figure.xpath("./picture//img")
        assert img.get("alt") == sidecar_data["alt"][lang]
        assert img.get("loading") == "lazy" and img.get("decoding") == "async"  # the hero is the eager one
        assert (img.get("width"), img.get("height")) == ("1200", "800")
        assert figure.xpath("string(./figcaption)").startswith(sidecar_data["caption"][lang])
        for url in [img.get("src")] + [
            part.split()[0] for s in figure.xpath("./picture//source/@srcset") for part in s.split(", ")
        ]:
            assert url.startswith("../" * (2 + prefix.count("/")) + "assets/img/")
            assert (page.parent / url).resolve().is_file(), url
        credits = doc.xpath("//section[@class='nmm-credits']//li")
        assert len(credits) == 2

    result = build(site)
    assert result.returncode == 0 and "images: 2 images, 2 cached, 0 encoded" in result.stderr


@pytest.mark.slow
def test_build_only_locale_and_broken_reference(site: Path) -> None:
    result = build(site, BUILD_ONLY_LOCALE="en")
    assert result.returncode == 0, result.stderr
    page = site / "site" / "heritage" / "ba-be" / "index.html"
    doc = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    src = doc.xpath("//article//figure/picture//img/@src")[0]
    assert (page.parent / src).resolve().is_file()
    assert not (site / "site" / "en").exists()

    page_md = site / "docs" / "fr" / "heritage" / "ba-be.md"
    page_md.write_text(
        PAGE.format(hero="khong-co.jpg").replace("ha-giang.jpg", "ha-giang.jpeg"), encoding="utf-8"
    )
    result = build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/fr/heritage/ba-be.md:3: hero image 'khong-co.jpg' does not exist" in result.stderr
    assert (
        "docs/fr/heritage/ba-be.md:7: image '../../../assets/images/ha-giang.jpeg' does not exist"
        in result.stderr
    )
