"""Printable PDFs from the built pages' articles: print CSS, committed fonts, no network (WeasyPrint)."""

from __future__ import annotations

import mimetypes
import posixpath
import re
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

from nmm_site.files import atomic_write

PRINT_CSS_PATH = Path(__file__).with_name("print.css")
# (family, file, weight, style, unicode-range): the serif for text, the sans for headings, captions and the
# running head, and symbols (arrows, ≈, ⚠) that Noto Sans/Serif lack, so no system font is ever picked.
FONTS = (
    ("NMM Serif", "NotoSerif-Regular.ttf", 400, "normal", None),
    ("NMM Serif", "NotoSerif-Bold.ttf", 700, "normal", None),
    ("NMM Serif", "NotoSerif-Italic.ttf", 400, "italic", None),
    ("NMM Serif", "NotoSerif-BoldItalic.ttf", 700, "italic", None),
    ("NMM Sans", "NotoSans-Regular.ttf", 400, "normal", None),
    ("NMM Sans", "NotoSans-Bold.ttf", 700, "normal", None),
    ("NMM Symbols", "NotoSansMath-Regular.ttf", 400, "normal", "U+2190-23FF, U+25A0-25FF"),
    ("NMM Symbols", "NotoSansSymbols2-Regular.ttf", 400, "normal", "U+2600-27BF, U+2B00-2BFF"),
)
PDF_VARIANT = "pdf/ua-1"  # accessible (tagged) PDF for public distribution
FONT_FACES = "/*@nmm-font-faces@*/"  # replaced by the fonts' file URLs at render time (not hashed)

_ARTICLE_OPEN = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
_REMOVE = (
    re.compile(r'<aside class="nmm-publications\b.*?</aside>', re.DOTALL),  # our own "Download PDF" box
    re.compile(r"<script\b.*?</script>", re.DOTALL),
    re.compile(r"<source\b[^>]*>"),  # <picture> sources: WeasyPrint takes the <img> (JPEG)
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL),
)
_ATTR = re.compile(
    r'(?P<lead>\s)(?P<name>href|src|srcset|id|for|aria-labelledby|aria-describedby)="(?P<value>[^"]*)"'
)


class ArticleNotFound(ValueError):
    """The built page has no Material article (not a content page, or the theme changed)."""


def extract_article(page_html: str) -> str:
    """The inner HTML of `<article class="md-content__inner">` in a page built by Material."""
    match = _ARTICLE_OPEN.search(page_html)
    if not match:
        raise ArticleNotFound('no <article class="md-content__inner"> in the page')
    depth, position = 1, match.end()
    for tag in _ARTICLE_TAG.finditer(page_html, match.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page_html[match.end() : tag.start()].strip()
        position = tag.end()
    raise ArticleNotFound(f"unclosed <article> after offset {position}")


def clean_article(inner: str, page_path: str, page_url: str, prefix: str) -> str:
    """Drop screen-only parts; images become site-root-relative, links absolute, ids prefixed by part.

    `page_path` is the page's path in the site ("en/provinces/ha-giang/"), `page_url` its absolute URL."""
    for pattern in _REMOVE:
        inner = pattern.sub("", inner)

    def attr(match: re.Match[str]) -> str:
        name, value = match.group("name"), match.group("value")
        lead = match.group("lead")
        if name == "srcset":
            return ""
        if name == "src":
            if urlsplit(value).scheme:
                return match.group(0)  # another host or data: — the fetcher decides (and refuses hosts)
            joined = posixpath.normpath(posixpath.join("/" + page_path, value)).lstrip("/")
            return f'{lead}src="{joined}"'
        if name == "href":
            if value.startswith("#"):
                return f'{lead}href="#{prefix}{value[1:]}"'
            return f'{lead}href="{escape(urljoin(page_url, value.replace("&amp;", "&")))}"'
        ids = " ".join(f"{prefix}{part}" for part in value.split())
        return f'{lead}{name}="{ids}"'

    return _ATTR.sub(attr, inner)


@dataclass(frozen=True)
class Part:
    """One article in a publication (the booklet has several)."""

    lang: str  # the language of its content (a fallback page is in the default language)
    title: str
    html: str  # cleaned article HTML


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def document_html(
    *,
    lang: str,
    title: str,
    site_name: str,
    parts: list[Part],
    qr_uri: str,
    qr_alt: str,
    short_url: str,
    read_online: str,
    cover: dict[str, str] | None = None,
    paper: str = "A4",
) -> str:
    """The whole printable document: `lang` on <html>, running head, optional cover with contents.

    `paper` is a CSS page size ("A4", "letter")."""
    if not re.fullmatch(r"[A-Za-z0-9]+", paper):
        raise ValueError(f"not a CSS page size: {paper!r}")
    css = PRINT_CSS_PATH.read_text(encoding="utf-8")
    head_css = f"@page {{ size: {paper}; @top-left {{ content: {_css_string(site_name)}; }} }}"
    colophon = (
        '<div class="nmm-print-colophon">'
        f'<img src="{qr_uri}" alt="{escape(qr_alt)}">'
        f"<div><p><strong>{escape(read_online)}</strong></p>"
        f'<p><a href="{escape(short_url)}">{escape(short_url)}</a></p>'
        f"<p>{escape(site_name)}</p></div></div>"
    )
    body: list[str] = []
    if cover:
        toc = "\n".join(
            f'<li><a href="#part-{n}">{escape(part.title)}</a></li>' for n, part in enumerate(parts, 1)
        )
        body.append(
            '<header class="nmm-print-cover">'
            f'<p class="nmm-print-site">{escape(site_name)}</p>'
            f"<h1>{escape(title)}</h1>"
            f'<p class="nmm-print-subtitle">{escape(cover["subtitle"])}</p>'
            f'<nav class="nmm-print-toc"><h2>{escape(cover["contents"])}</h2><ol>{toc}</ol></nav>'
            f"{colophon}</header>"
        )
    for n, part in enumerate(parts, 1):
        body.append(
            f'<section class="nmm-print-part" id="part-{n}" lang="{part.lang}">\n{part.html}\n</section>'
        )
    if not cover:
        body.append(colophon)
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} – {escape(site_name)}</title>\n"
        f'<meta name="author" content="{escape(site_name)}">\n'
        f"<style>\n{FONT_FACES}\n{css}\n{head_css}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def font_faces(fonts_dir: Path) -> str:
    """@font-face rules pointing at the committed fonts (file URLs: the fetcher serves that folder)."""
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; src: url("{(fonts_dir / name).resolve().as_uri()}"); '
        f"font-weight: {weight}; font-style: {style};{f' unicode-range: {ranges};' if ranges else ''} }}"
        for family, name, weight, style, ranges in FONTS
    )


def font_files(fonts_dir: Path) -> list[Path]:
    return [fonts_dir / name for _, name, _, _, _ in FONTS]


def _fetcher_class():  # noqa: ANN202 — WeasyPrint is imported lazily: it is slow to import
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """Serves data: URIs and files under `roots`; refuses every other URL (no network, ever)."""

        def __init__(self, roots: tuple[Path, ...]):
            super().__init__(fail_on_errors=True)
            self.roots = tuple(root.resolve() for root in roots)

        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise ValueError(f"refused {url}: publications only use files of the built site")
            path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                raise ValueError(f"refused {path}: outside the site and fonts folders")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})

    return LocalFetcher


def local_fetcher(roots: tuple[Path, ...]):  # noqa: ANN201
    """A WeasyPrint URL fetcher limited to `roots` (and data: URIs)."""
    return _fetcher_class()(roots)


def render_pdf(html: str, site_dir: Path, fonts_dir: Path, target: Path) -> float:
    """Render `html` (images site-root-relative) to `target`, atomically; return the seconds it took."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    start = time.perf_counter()
    fonts = FontConfiguration()
    document = HTML(
        string=html.replace(FONT_FACES, font_faces(fonts_dir), 1),
        base_url=site_dir.resolve().as_uri() + "/",
        url_fetcher=local_fetcher((site_dir, fonts_dir)),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    # Tagged PDF/UA-1: structure tree, /Lang from <html lang>, the title shown, /Alt from each alt text.
    # WeasyPrint writes no dates unless the HTML asks: the same HTML gives the same bytes.
    atomic_write(target, document.write_pdf(font_config=fonts, pdf_variant=PDF_VARIANT))
    return time.perf_counter() - start
