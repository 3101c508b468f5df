"""PDFs for public distribution: tagged PDF/UA-1 with /Lang per edition, a title, alt text on every figure,
fonts embedded, text extractable in the edition's language; A4 and US Letter; the same bytes twice.

Checked with poppler-utils (pdfinfo, pdffonts, pdftotext: installed by .ci/system-deps.sh) and by reading
the PDF's objects (inflated) for the catalog entries poppler does not print."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from nmm_site.publications import pdf
from tests.publications.conftest import BODY

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")

EDITIONS = [
    ("pdf/ha-giang.pdf", "vi", "A4"),
    ("en/pdf/ha-giang.pdf", "en", "A4"),
    ("fr/pdf/ha-giang-letter.pdf", "fr", "letter"),
    ("en/pdf/region-letter.pdf", "en", "letter"),
]


def objects(path: Path) -> bytes:
    """The PDF's bytes with every Flate stream inflated (object streams hide the catalog otherwise)."""
    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # not Flate (images) or not a whole stream
    return b"\n".join(parts)


def tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("rel", "lang", "paper"), EDITIONS)
def test_tagged_with_language_and_title(built, rel: str, lang: str, paper: str) -> None:
    _, site, _ = built
    path = site / rel
    info = tool("pdfinfo", str(path))
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    assert re.search(rf"^Page size:.*\({paper}\)", info, re.MULTILINE | re.IGNORECASE), info
    title = re.search(r"^Title:\s+(.+)$", info, re.MULTILINE)
    assert title and "Hà Giang" in title.group(1) or "region" in rel
    raw = objects(path)
    assert b"/StructTreeRoot" in raw
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true", raw)
    assert re.findall(rb"/Lang \(([a-z-]+)\)", raw)[:1] == [lang.encode()]
    assert re.search(rb"/DisplayDocTitle true", raw)
    assert b"pdfuaid" in tool("pdfinfo", "-meta", str(path)).encode()


@pytest.mark.parametrize(("rel", "lang", "paper"), EDITIONS)
def test_every_figure_has_alt_text(built, rel: str, lang: str, paper: str) -> None:
    _, site, _ = built
    raw = objects(site / rel)
    figures = re.findall(rb"/S /Figure", raw)
    alts = re.findall(rb"/Alt (?:\((?:[^)\\]|\\.)+\)|<[0-9a-fA-F]{4,}>)", raw)
    assert figures, "the fixture pages have a photo and a QR code"
    assert len(alts) == len(figures)


@pytest.mark.parametrize(("rel", "lang", "paper"), EDITIONS)
def test_fonts_embedded_and_text_in_the_editions_language(built, rel: str, lang: str, paper: str) -> None:
    _, site, _ = built
    path = site / rel
    fonts = tool("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    text = tool("pdftotext", "-enc", "UTF-8", str(path), "-")
    # The edition's own words, composed (NFC), extractable; not another language's.
    assert BODY[lang].split(":")[0] in " ".join(text.split())
    for other in {"vi", "en", "fr"} - {lang}:
        assert BODY[other].split(":")[0] not in " ".join(text.split())


def test_the_same_html_gives_the_same_bytes(built, tmp_path: Path) -> None:
    cfg, site, _ = built
    html = pdf.document_html(
        lang="fr",
        title="Hà Giang",
        site_name="Moyennes et hautes terres",
        parts=[pdf.Part(lang="fr", title="Hà Giang", html=f"<h1>Hà Giang</h1><p>{BODY['fr']}</p>")],
        qr_uri="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==",
        qr_alt="Code QR",
        short_url="https://nmm.example.org/go/ha-giang/",
        read_online="Lire en ligne",
        paper="letter",
    )
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    pdf.render_pdf(html, site, cfg.fonts_dir, first)
    pdf.render_pdf(html, site, cfg.fonts_dir, second)
    assert first.read_bytes() == second.read_bytes()
    assert b"/CreationDate" not in objects(first) and b"/ModDate" not in objects(first)


def test_paper_size_must_be_a_css_keyword() -> None:
    with pytest.raises(ValueError, match="page size"):
        pdf.document_html(
            lang="vi",
            title="x",
            site_name="x",
            parts=[],
            qr_uri="",
            qr_alt="",
            short_url="",
            read_online="",
            paper="A4; } body { display: none",
        )
