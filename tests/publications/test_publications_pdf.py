"""PDFs: the article extraction, the offline fetcher, and the rendered files (text, fonts, QR code)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from PIL import Image

from nmm_site.publications import pdf
from tests.publications.conftest import SITE_URL, article

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def test_extract_article_takes_only_the_article() -> None:
    inner = pdf.extract_article(article("vi", "Hà Giang", 2))
    assert inner.startswith("<h1>Hà Giang</h1>")
    assert "<header>" not in inner and "var x" not in inner
    assert inner.endswith("</aside>")


def test_extract_article_without_article_fails() -> None:
    with pytest.raises(pdf.ArticleNotFound):
        pdf.extract_article("<html><body><p>no article</p></body></html>")


def test_clean_article_rewrites_for_print() -> None:
    inner = pdf.extract_article(article("en", "Hà Giang", 3))
    cleaned = pdf.clean_article(inner, "en/provinces/ha-giang/", f"{SITE_URL}en/provinces/ha-giang/", "p2-")
    assert 'src="assets/img/karst-640.jpeg"' in cleaned  # site-root-relative, served by the fetcher
    assert "<source" not in cleaned and "srcset" not in cleaned
    assert "headerlink" not in cleaned and "nmm-publications" not in cleaned
    assert f'href="{SITE_URL}en/provinces/"' in cleaned  # links point at the online site
    assert 'id="p2-canh-quan"' in cleaned and 'href="#p2-canh-quan"' in cleaned
    assert 'href="https://example.org/census"' in cleaned


def test_fetcher_refuses_the_network_and_foreign_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.txt").write_text("ok", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    fetcher = pdf.local_fetcher((site,))
    assert fetcher.fetch((site / "a.txt").as_uri()).read() == b"ok"
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    for url in ("https://example.org/x.jpg", "http://127.0.0.1/x", (tmp_path / "secret.txt").as_uri()):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)


def test_document_has_language_and_running_head() -> None:
    html = pdf.document_html(
        lang="fr",
        title="Hà Giang",
        site_name='Site "test"',
        parts=[pdf.Part("vi", "Hà Giang", "<h1>Hà Giang</h1>")],
        qr_uri="data:image/svg+xml,x",
        qr_alt="QR",
        short_url=f"{SITE_URL}go/ha-giang/",
        read_online="Lire en ligne",
    )
    assert '<html lang="fr">' in html and '<section class="nmm-print-part" id="part-1" lang="vi">' in html
    assert '@top-left { content: "Site \\"test\\""; }' in html
    assert pdf.FONT_FACES in html  # filled at render time, so the cache key ignores the fonts' location


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@needs_poppler
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "pdf/ha-giang.pdf",
            ["Hà Giang", "ruộng bậc thang", "Đồng Văn, Mèo Vạc", "Trung du và miền núi phía Bắc"],
        ),
        ("en/pdf/dien-bien-phu.pdf", ["Điện Biên Phủ battlefield", "breathtaking", "Northern Midlands"]),
        ("fr/pdf/ha-giang.pdf", ["Hà Giang", "Rizières en terrasses", "Moyennes et hautes terres"]),
        ("fr/pdf/region.pdf", ["Sommaire", "La région et ses 1 provinces", "Vùng Trung du", "Hà Giang"]),
    ],
)
def test_pdf_text_fonts_and_glyphs(built, name: str, expected: list[str]) -> None:
    cfg, site, _ = built
    path = site / name
    text = unicodedata.normalize("NFC", _text(path))
    for phrase in expected:
        assert phrase in text, phrase
    fonts = _fonts(path)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # the "emb" column
    # Only the committed fonts are used: a missing glyph would have pulled in a system fallback font.
    assert all("+NMM-" in row[0] for row in fonts), fonts
    covered: set[int] = set()
    for file in pdf.font_files(cfg.fonts_dir):
        with TTFont(file, lazy=True) as font:
            covered |= set(font.getBestCmap())
    missing = {ch for ch in text if not ch.isspace() and ord(ch) not in covered and ch != "\x0c"}
    assert not missing


@needs_poppler
def test_pdf_qr_code_opens_the_short_link(built, tmp_path: Path) -> None:
    _, site, _ = built
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-l", "1", str(site / "en/pdf/ha-giang.pdf"), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png")))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [f"{SITE_URL}go/ha-giang/"]


def test_pdfs_only_for_real_pages_and_the_booklet_everywhere(built) -> None:
    _, site, _ = built
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf") if "-letter" not in p.name)
    letter = sorted(p.relative_to(site).as_posix() for p in site.rglob("*-letter.pdf"))
    assert letter == [name.replace(".pdf", "-letter.pdf") for name in names]  # A4 and US Letter
    assert names == [
        "en/pdf/dien-bien-phu.pdf",
        "en/pdf/ha-giang.pdf",
        "en/pdf/region.pdf",
        "fr/pdf/ha-giang.pdf",
        "fr/pdf/region.pdf",
        "pdf/dien-bien-phu.pdf",
        "pdf/ha-giang.pdf",
        "pdf/region.pdf",
    ]
