"""Side-by-side review pages: the vi, en and fr versions of a changed page, aligned by their h2 sections."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from nmm_site.review.paths import REVIEW_PREFIX, page_path, review_path

_ARTICLE_OPEN = re.compile(r'<article class="md-content__inner md-typeset">')
_H2 = re.compile(r"<h2[\s>]")
_HEADING_TEXT = re.compile(r"<h[12][^>]*>(?P<inner>.*?)</h[12]>", re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_URL_ATTR = re.compile(r'\b(?P<attr>href|src|srcset|poster)="(?P<value>[^"]*)"')
_ID_ATTR = re.compile(r'\bid="(?P<value>[^"]*)"')
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|\?)", re.IGNORECASE)

# Small inline style: one row per section, three equal columns; the site's CSS does the typography.
STYLE = """
.nmm-review{max-width:none;margin:0 auto;padding:1rem 1.5rem;font-size:.8rem}
.nmm-review__table{table-layout:fixed;width:100%;border-collapse:collapse}
.nmm-review__table th,.nmm-review__table td{vertical-align:top;padding:.5rem .75rem;
border-top:1px solid var(--md-default-fg-color--lightest,#ddd);text-align:left;overflow-wrap:anywhere}
.nmm-review__table thead th{position:sticky;top:0;background:var(--md-default-bg-color,#fff)}
.nmm-review__none{color:var(--md-default-fg-color--light,#666);font-style:italic}
.nmm-review img{max-width:100%;height:auto}
"""


@dataclass(frozen=True)
class Version:
    lang: str
    state: str  # "page"; "fallback" (no translation); "absent" (no source page); "missing" (not built)
    title: str
    sections: tuple[str, ...]  # HTML of the intro (before the first h2), then one entry per h2 section
    href: str  # link from the review page to the page in the site


def article_html(page_html: str) -> str | None:
    """The content of Material's article (the page body without header, navigation or footer)."""
    match = _ARTICLE_OPEN.search(page_html)
    if not match:
        return None
    end = page_html.rfind("</article>")
    return page_html[match.end() : end] if end > match.end() else None


def split_sections(article: str) -> list[str]:
    """The intro (everything before the first h2), then each h2 with the content up to the next h2."""
    starts = [m.start() for m in _H2.finditer(article)]
    bounds = [0, *starts, len(article)]
    return [article[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def heading_text(section: str) -> str:
    """The plain text of the first h1 or h2 of a section (without the permalink sign)."""
    match = _HEADING_TEXT.search(section)
    if not match:
        return ""
    return html.unescape(_TAG.sub("", _HEADERLINK.sub("", match.group("inner")))).strip()


def rebase(fragment: str, page_dir: str, review_dir: str, lang: str) -> str:
    """Relative URLs of `fragment` (written for `page_dir`) made to work from `review_dir`; ids prefixed."""

    def one(url: str) -> str:
        if not url or _ABSOLUTE.match(url):
            return url
        if url.startswith("#"):
            return f"#{lang}-{url[1:]}"
        target = posixpath.normpath(posixpath.join(page_dir, url))
        relative = posixpath.relpath(target, review_dir.rstrip("/") or ".")
        return relative + ("/" if url.endswith("/") and not relative.endswith("/") else "")

    def attr(match: re.Match) -> str:
        value = html.unescape(match.group("value"))
        if match.group("attr") == "srcset":
            parts = []
            for candidate in value.split(","):
                bits = candidate.strip().split(maxsplit=1)
                if bits:
                    parts.append(" ".join([one(bits[0]), *bits[1:]]))
            new = ", ".join(parts)
        else:
            new = one(value)
        return f'{match.group("attr")}="{html.escape(new)}"'

    # Three versions share one document: ids get a language prefix so anchors stay unique.
    fragment = _ID_ATTR.sub(lambda m: f'id="{lang}-{m.group("value")}"', fragment)
    return _URL_ATTR.sub(attr, fragment)


def read_version(site_dir: Path, prefix: str, rel: str, lang: str, real: bool) -> Version:
    """One language's version of `rel` from the built site."""
    site_path = page_path(prefix, rel)
    review_dir = review_path(rel)
    href = posixpath.relpath(site_path or ".", review_dir.rstrip("/")) + "/"
    built = site_dir / site_path / "index.html"
    if not real:
        return Version(lang, "fallback" if prefix else "absent", "", (), href)
    if not built.is_file():
        return Version(lang, "missing", "", (), href)
    article = article_html(built.read_text(encoding="utf-8")) or ""
    sections = split_sections(rebase(article, site_path, review_dir, lang))
    title = heading_text(sections[0]) if sections else ""
    return Version(lang, "page", title, tuple(sections), href)


def _cell(version: Version, index: int) -> str:
    lang = html.escape(version.lang)
    if version.state == "fallback":
        note = "No translation yet: readers see the Vietnamese page with a notice."
        return f'<td lang="en" class="nmm-review__none">{note}</td>' if index == 0 else "<td></td>"
    if version.state in ("missing", "absent"):
        note = (
            "Not in the built site (run the build first)."
            if version.state == "missing"
            else "No Vietnamese page at this path (an orphaned translation)."
        )
        return f'<td lang="en" class="nmm-review__none">{note}</td>' if index == 0 else "<td></td>"
    if index >= len(version.sections):
        return f'<td lang="en" class="nmm-review__none">No section {index} in {lang}.</td>'
    return f'<td lang="{lang}">{version.sections[index]}</td>'


def review_page_html(rel: str, versions: list[Version], stylesheets: list[str]) -> str:
    """The side-by-side page of one page path: a row per section, a column per language."""
    up = "../" * review_path(rel).count("/")
    rows = max([len(v.sections) for v in versions] + [1])
    head = "".join(
        f'<th lang="{html.escape(v.lang)}"><a href="{html.escape(v.href)}">{html.escape(v.lang)}</a>'
        + (f" — {html.escape(v.title)}" if v.title else "")
        + "</th>"
        for v in versions
    )
    body = "\n".join("<tr>" + "".join(_cell(v, i) for v in versions) + "</tr>" for i in range(rows))
    links = "".join(f'<link rel="stylesheet" href="{html.escape(up + s)}">' for s in stylesheets)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>Review · {html.escape(rel)}</title>
{links}
<style>{STYLE}</style>
</head>
<body>
<main class="nmm-review md-typeset">
<p><a href="{html.escape(up + REVIEW_PREFIX)}">All changed pages</a></p>
<h1>{html.escape(rel)}</h1>
<table class="nmm-review__table">
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
</main>
</body>
</html>
"""


def index_html(entries: list[tuple[str, str]], stylesheets: list[str]) -> str:
    """_review/index.html: every side-by-side page, by page path ((rel, title) pairs)."""
    up = "../"
    items = "\n".join(
        f'<li><a href="{html.escape(posixpath.relpath(review_path(rel), REVIEW_PREFIX))}/">'
        f"<code>{html.escape(rel)}</code></a>" + (f" — {html.escape(title)}" if title else "") + "</li>"
        for rel, title in entries
    )
    links = "".join(f'<link rel="stylesheet" href="{html.escape(up + s)}">' for s in stylesheets)
    listing = f"<ul>\n{items}\n</ul>" if entries else "<p>No page changed.</p>"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>Review · changed pages</title>
{links}
<style>{STYLE}</style>
</head>
<body>
<main class="nmm-review md-typeset">
<h1>Changed pages, side by side</h1>
<p>Each page shows the Vietnamese, English and French versions together, one row per section.</p>
{listing}
</main>
</body>
</html>
"""


def write_review_pages(
    site_dir: Path, rels: list[str], languages: tuple[str, ...], present: dict[str, frozenset[str]]
) -> list[Path]:
    """Write _review/<page>/index.html for each of `rels` and the _review/index.html listing them.

    `languages` starts with the source language (served at the site root); `present` maps a page path
    to the languages that have a real file for it.
    """
    sheets = sorted(
        p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("*.css")
    )
    written: list[Path] = []
    entries: list[tuple[str, str]] = []
    for rel in rels:
        versions = [
            read_version(site_dir, "" if i == 0 else f"{lang}/", rel, lang, lang in present.get(rel, ()))
            for i, lang in enumerate(languages)
        ]
        target = site_dir / review_path(rel) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(review_page_html(rel, versions, sheets), encoding="utf-8")
        written.append(target)
        entries.append((rel, next((v.title for v in versions if v.title), "")))
    index = site_dir / REVIEW_PREFIX / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(index_html(entries, sheets), encoding="utf-8")
    written.append(index)
    return written
