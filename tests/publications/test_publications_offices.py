"""The offices page: the resources table and the URL shortcodes, and nothing else replaced."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

from lxml import html

from nmm_site.publications import pagemeta
from nmm_site.publications.catalog import scan
from nmm_site.publications.offices import replace_placeholders
from tests.publications.conftest import SITE_URL

MARKDOWN = """Intro with {{ fact("provinces.ha-giang.population") }}.

```html
<a href="{{ short_url("ha-giang") }}">Hà Giang</a> {{ feed_url() }} {{ pdf_url('region') }}
```

{{ office_resources() }}

Inline `{{ office_resources() }}` stays as written.
"""


def test_placeholders_are_replaced_in_the_page_language(built) -> None:
    cfg, _, _ = built
    catalog = scan(cfg.site)
    out, problems = replace_placeholders(MARKDOWN, cfg, catalog, "en", "en/offices/", Path("offices.md"))
    assert problems == []
    assert '{{ fact("provinces.ha-giang.population") }}' in out  # the facts hook's business
    assert f'<a href="{SITE_URL}go/ha-giang/">' in out
    assert f"{SITE_URL}en/feed.xml {SITE_URL}en/pdf/region.pdf" in out
    assert "Inline `{{ office_resources() }}` stays" in out
    table = html.fragment_fromstring(out[out.index("<table") : out.index("</table>") + 8])
    assert table.xpath("string(thead)") == "PageShort linkPDFQR code"
    rows = [[cell.xpath("string()") for cell in row] for row in table.xpath("tbody/tr")]
    assert rows == [
        ["The Northern Midlands and Mountains", f"{SITE_URL}go/region/", "PDF · US Letter", "SVG · PNG"],
        ["Hà Giang", f"{SITE_URL}go/ha-giang/", "PDF · US Letter", "SVG · PNG"],
        ["Điện Biên Phủ battlefield", f"{SITE_URL}go/dien-bien-phu/", "PDF · US Letter", "SVG · PNG"],
    ]
    here = f"{SITE_URL}en/offices/"
    hrefs = [urljoin(here, href) for href in table.xpath("tbody/tr[2]//a/@href")]
    assert hrefs == [
        f"{SITE_URL}en/provinces/ha-giang/",
        f"{SITE_URL}go/ha-giang/",
        f"{SITE_URL}en/pdf/ha-giang.pdf",
        f"{SITE_URL}en/pdf/ha-giang-letter.pdf",
        f"{SITE_URL}go/ha-giang/qr.svg",
        f"{SITE_URL}go/ha-giang/qr.png",
    ]
    assert all(
        not href.startswith("http") for href in table.xpath("//a/@href")
    )  # relative: works in previews


def test_unknown_page_id_is_a_problem(built) -> None:
    cfg, _, _ = built
    _, problems = replace_placeholders(
        'x\n{{ short_url("ha-giangg") }}', cfg, scan(cfg.site), "vi", "offices/", Path("offices.md")
    )
    assert [(p.line, "ha-giangg" in p.message) for p in problems] == [(2, True)]


def test_fallback_page_offers_the_default_language_pdf(built) -> None:
    cfg, _, _ = built
    catalog = scan(cfg.site)
    french = pagemeta.publications(cfg, catalog.pages["dien-bien-phu"], "fr", "fr/heritage/dien-bien-phu/")
    assert french["pdf"] == {
        "href": "../../../pdf/dien-bien-phu.pdf",
        "lang": "vi",
        "label": "Télécharger le PDF",
        "paper": "A4",
        "editions": [{"href": "../../../pdf/dien-bien-phu-letter.pdf", "label": "Format Letter (US)"}],
    }
    assert french["short_url"] == f"{SITE_URL}go/dien-bien-phu/"
    assert french["qr_svg"] == "../../../go/dien-bien-phu/qr.svg"
    booklet = pagemeta.publications(cfg, catalog.pages["region"], "vi", "region/")
    assert booklet["pdf"]["label"] == "Tải tập sách PDF của vùng" and booklet["pdf"]["lang"] == "vi"
    assert pagemeta.publications(cfg, catalog.pages["home"], "vi", "")["pdf"] is None
    assert (
        pagemeta.publications(replace(cfg, pdf_enabled=False), catalog.pages["ha-giang"], "vi", "x/")["pdf"]
        is None
    )
