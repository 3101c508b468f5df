"""Every internal link, image source and #fragment of a built site, checked against the built files.

Faster and stricter than crawling over HTTP (LinkChecker took 12 s for a 10-page fixture site here):
it reads every HTML file once, including the 404 pages and redirect stubs that a crawler from the
home page never reaches, and checks links written by templates and raw HTML as well as Markdown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html

from nmm_site.sitecheck.server import resolve

# (element, attribute) pairs that make the browser or the reader request a URL.
URL_ATTRIBUTES = (
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "poster"),
    ("form", "action"),
)
SRCSET_ELEMENTS = ("img", "source")
SKIPPED_SCHEMES = ("mailto", "tel", "data", "javascript")
LOCAL = "http://site.invalid/"  # stands for the site root while resolving relative URLs


@dataclass(frozen=True)
class LinkProblem:
    file: str  # relative to the site folder
    line: int
    url: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.url} — {self.problem}"


def page_url(site_dir: Path, file: Path) -> str:
    """The URL a built file is served at, relative to LOCAL."""
    rel = file.relative_to(site_dir).as_posix()
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return LOCAL + rel


def _links(doc: html.HtmlElement) -> Iterator[tuple[int, str]]:
    for tag, attr in URL_ATTRIBUTES:
        for element in doc.iter(tag):
            value = element.get(attr)
            if value is not None:
                yield element.sourceline or 0, value.strip()
    for tag in SRCSET_ELEMENTS:
        for element in doc.iter(tag):
            for candidate in (element.get("srcset") or "").split(","):
                if candidate.strip():
                    yield element.sourceline or 0, candidate.split()[0]
    for element in doc.iter("meta"):
        if (element.get("http-equiv") or "").lower() == "refresh":
            content = element.get("content") or ""
            _, _, target = content.partition("=")
            if target:
                yield element.sourceline or 0, target.strip().strip("'\"")


class _Ids:
    """The id and name attributes of each built HTML file, parsed once."""

    def __init__(self) -> None:
        self._cache: dict[Path, frozenset[str]] = {}

    def of(self, file: Path, doc: html.HtmlElement | None = None) -> frozenset[str]:
        if file not in self._cache:
            doc = doc if doc is not None else html.parse(str(file)).getroot()
            self._cache[file] = frozenset(
                value for element in doc.iter() for value in (element.get("id"), element.get("name")) if value
            )
        return self._cache[file]


def check_links(site_dir: Path, site_url: str | None = None) -> list[LinkProblem]:
    """Broken internal links and anchors in every HTML file under `site_dir`.

    Absolute URLs under `site_url` (canonical, hreflang, share tags) are checked as internal paths.
    Other hosts are not fetched: the build must never make the reader's browser request them, and
    `<a>` links to them are content, not this check's business.
    """
    site_dir = Path(site_dir).resolve()
    ids = _Ids()
    problems: list[LinkProblem] = []
    for file in sorted(site_dir.rglob("*.html")):
        doc = html.parse(str(file)).getroot()
        if doc is None:
            continue
        base = page_url(site_dir, file)
        shown = file.relative_to(site_dir).as_posix()
        ids.of(file, doc)
        for line, raw in _links(doc):
            problem = _check(site_dir, base, file, raw, site_url, ids)
            if problem:
                problems.append(LinkProblem(shown, line, raw, problem))
    return problems


def _check(site_dir: Path, base: str, file: Path, raw: str, site_url: str | None, ids: _Ids) -> str | None:
    if not raw or raw.split(":", 1)[0].lower() in SKIPPED_SCHEMES:
        return None
    url = raw
    if site_url and url.startswith(site_url):
        url = LOCAL + url[len(site_url) :]
    target = urljoin(base, url)
    if not target.startswith(LOCAL):
        return None  # another host: never requested by the check
    parts = urlsplit(target)
    if parts.path == urlsplit(base).path and not parts.query:
        found: Path | None = file
    else:
        found, redirect = resolve(site_dir, parts.path)
        if redirect:
            return f"points at a folder without its trailing slash (use {redirect})"
        if found is None:
            return "no such file in the built site"
    fragment = unquote(parts.fragment)
    if fragment and found.suffix == ".html" and fragment not in ids.of(found):
        return f"no element with id “{fragment}” in {found.relative_to(site_dir).as_posix()}"
    return None
