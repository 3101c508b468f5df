"""The MkDocs hook on a tiny three-language site: page links, share card metadata, files after the build."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html

from tests.conftest import mkdocs_build
from tests.publications.conftest import ROOT, SITE_URL, write_project

MAIN_HTML = """{% extends "base.html" %}
{% block extrahead %}{% if page and page.meta.nmm_feed %}
<link rel="alternate" type="application/atom+xml" href="{{ page.meta.nmm_feed.href }}"
      title="{{ page.meta.nmm_feed.title }}">{% endif %}
{% if page and page.meta.nmm_share_card %}
<meta property="og:image" content="{{ config.site_url }}{{ page.meta.nmm_share_card.url }}">
{% endif %}{% endblock %}
{% block content %}{{ super() }}{% include "partials/nmm-publications.html" %}{% endblock %}
"""
OFFICES = """---
type: page
id: offices
title: {title}
description: Liên kết ngắn, mã QR, bản PDF, ảnh chia sẻ và nguồn tin cho các văn phòng đại diện.
sources: []
---

```text
{{{{ short_url("ha-giang") }}}}
```

{{{{ office_resources() }}}}
"""


@pytest.fixture(scope="module")
def hook_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hook-project")
    write_project(root)
    (root / "hooks").mkdir()
    shutil.copy2(ROOT / "hooks" / "publications.py", root / "hooks" / "publications.py")
    (root / "overrides" / "partials").mkdir(parents=True)
    shutil.copy2(ROOT / "overrides/partials/nmm-publications.html", root / "overrides/partials/")
    (root / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    for lang, title in (("vi", "Tài liệu cho văn phòng"), ("en", "Resources for offices")):
        (root / "docs" / lang / "offices.md").write_text(OFFICES.format(title=title), encoding="utf-8")
    result = mkdocs_build(root, root / "site", env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "publications: 16 PDFs (16 rendered, 0 cached)" in result.stderr
    return root / "site"


def _doc(site: Path, rel: str) -> html.HtmlElement:
    return html.document_fromstring((site / rel).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("rel", "label", "pdf"),
    [
        ("provinces/ha-giang/index.html", "Tải PDF", "pdf/ha-giang.pdf"),
        ("fr/provinces/ha-giang/index.html", "Télécharger le PDF", "fr/pdf/ha-giang.pdf"),
        # A page not translated into French offers the Vietnamese PDF, marked as such.
        ("fr/heritage/dien-bien-phu/index.html", "Télécharger le PDF", "pdf/dien-bien-phu.pdf"),
        ("en/region/index.html", "Download the region booklet (PDF)", "en/pdf/region.pdf"),
    ],
)
def test_pages_link_their_pdf_in_their_language(hook_site: Path, rel: str, label: str, pdf: str) -> None:
    doc = _doc(hook_site, rel)
    link = doc.xpath("//aside[@class='nmm-publications']//a[@type='application/pdf']")
    assert [a.text_content().strip() for a in link][0] == label and len(link) == 2  # A4, US Letter
    letter = (hook_site / rel).parent / link[1].get("href")
    assert letter.resolve() == (hook_site / pdf.replace(".pdf", "-letter.pdf")).resolve() and letter.is_file()
    target = (hook_site / rel).parent / link[0].get("href")
    assert target.resolve() == (hook_site / pdf).resolve() and target.is_file()
    qr = doc.xpath("//aside[@class='nmm-publications']//img/@src")[0]
    assert ((hook_site / rel).parent / qr).resolve().is_file()


def test_pages_without_a_pdf_type_have_no_pdf_link(hook_site: Path) -> None:
    doc = _doc(hook_site, "en/index.html")
    assert doc.xpath("//aside[@class='nmm-publications']") and not doc.xpath("//a[@type='application/pdf']")


def test_share_card_is_the_og_image(hook_site: Path) -> None:
    doc = _doc(hook_site, "fr/provinces/ha-giang/index.html")
    assert doc.xpath("//meta[@property='og:image']/@content") == [f"{SITE_URL}fr/cards/ha-giang.jpg"]
    assert (hook_site / "fr/cards/ha-giang.jpg").is_file()


def test_feed_link_in_the_head(hook_site: Path) -> None:
    doc = _doc(hook_site, "fr/provinces/ha-giang/index.html")
    link = doc.xpath("//link[@type='application/atom+xml']")
    assert [(a.get("href"), a.get("title")) for a in link] == [
        (
            f"{SITE_URL}fr/feed.xml",
            "Moyennes et hautes terres du Nord du Viêt Nam : pages nouvelles et mises à jour",
        )
    ]
    assert (hook_site / "fr/feed.xml").is_file()


def test_offices_page_has_the_table_and_real_links(hook_site: Path) -> None:
    doc = _doc(hook_site, "en/offices/index.html")
    assert f"{SITE_URL}go/ha-giang/" in doc.xpath("string(//pre)")
    assert len(doc.xpath("//table[@class='nmm-office-resources']/tbody/tr")) == 3
    assert "{{" not in doc.text_content()


def test_the_pdf_leaves_out_the_screen_only_box(hook_site: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(
        ["pdftotext", str(hook_site / "pdf/ha-giang.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Hà Giang" in text and "Liên kết ngắn" not in text and "Tải PDF" not in text
