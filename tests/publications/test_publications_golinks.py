"""Short links: the language choice (Python and the page's JavaScript), the go page, its QR codes."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import zxingcpp
from lxml import etree, html
from PIL import Image

from nmm_site.publications.golinks import CHOOSE_JS, STORAGE_KEY, choose_language
from tests.publications.conftest import ROOT, SITE_URL

AVAILABLE = ["vi", "en", "fr"]
CASES = [
    # (stored, navigator.languages, expected)
    (None, ["fr-FR", "en-US"], "fr"),
    (None, ["en-GB", "fr"], "en"),
    (None, ["de-DE", "EN"], "en"),
    (None, ["de", "ja"], "vi"),
    (None, [], "vi"),
    ("en", ["fr-FR"], "en"),  # the remembered choice wins
    ("de", ["fr-FR"], "fr"),  # a stored value we do not have is ignored
    ("", ["vi-VN"], "vi"),
]


@pytest.mark.parametrize(("stored", "preferred", "expected"), CASES)
def test_choose_language(stored, preferred, expected) -> None:
    assert choose_language(stored, preferred, AVAILABLE, "vi") == expected


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js not installed")
def test_the_page_script_chooses_like_python() -> None:
    calls = ",".join(
        f"nmmChoose({json.dumps(s)}, {json.dumps(p)}, {json.dumps(AVAILABLE)}, 'vi')" for s, p, _ in CASES
    )
    script = f"{CHOOSE_JS}\nconsole.log(JSON.stringify([{calls}]));"
    out = subprocess.run(
        ["node", "-e", script], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    assert json.loads(out) == [expected for _, _, expected in CASES]


def test_go_page_lists_the_three_languages(built) -> None:
    _, site, _ = built
    source = (site / "go/ha-giang/index.html").read_text(encoding="utf-8")
    doc = html.document_fromstring(source)
    links = doc.xpath("//a[@data-nmm-lang]")
    assert [(a.get("hreflang"), a.get("lang"), a.get("href")) for a in links] == [
        ("vi", "vi", "../../provinces/ha-giang/"),
        ("en", "en", "../../en/provinces/ha-giang/"),
        ("fr", "fr", "../../fr/provinces/ha-giang/"),
    ]
    # Labels in their own language; the NFD French title is shown composed.
    assert [a.text for a in links] == ["Tiếng Việt", "English", "Français"]
    assert links[2].xpath("string(span)") == "Hà Giang"
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert doc.xpath("//link[@rel='canonical']/@href") == [f"{SITE_URL}provinces/ha-giang/"]
    assert doc.get("lang") == "vi"
    # No external requests: no src/href to another host, the only script is inline.
    assert not doc.xpath("//*[@src]") and not doc.xpath("//link[@rel='stylesheet']")
    assert all(not a.get("href").startswith("http") for a in links)
    script = doc.xpath("string(//script)")
    assert (
        json.dumps(STORAGE_KEY) in script
        and "localStorage.setItem" in script
        and "navigator.languages" in script
    )


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.skipif(not VNU.is_file() or shutil.which("java") is None, reason="vnu.jar or Java missing")
def test_go_page_is_valid_html(built) -> None:
    _, site, _ = built
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", str(site / "go/ha-giang/index.html")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_home_go_page_points_at_each_language_root(built) -> None:
    _, site, _ = built
    doc = html.document_fromstring((site / "go/home/index.html").read_text(encoding="utf-8"))
    assert doc.xpath("//a[@data-nmm-lang]/@href") == ["../../", "../../en/", "../../fr/"]


@pytest.mark.parametrize("page_id", ["ha-giang", "region", "dien-bien-phu"])
def test_qr_codes_decode_to_the_short_link(built, page_id: str) -> None:
    _, site, _ = built
    decoded = zxingcpp.read_barcodes(Image.open(site / f"go/{page_id}/qr.png"))
    assert [code.text for code in decoded] == [f"{SITE_URL}go/{page_id}/"]
    svg = etree.parse(str(site / f"go/{page_id}/qr.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
