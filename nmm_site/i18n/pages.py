"""Which page exists in which language, and the URL of each (the registry the SEO code reads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from nmm_site.site_config import SiteConfig


def url_path(rel_md: str) -> str:
    """Directory URL of a page path in one language tree: provinces/ha-giang.md → provinces/ha-giang/."""
    path = PurePosixPath(rel_md)
    if path.name in ("index.md", "README.md"):
        parent = str(path.parent)
        return "" if parent == "." else f"{parent}/"
    return f"{path.with_suffix('')}/"


@dataclass(frozen=True)
class PageIndex:
    """The Markdown pages present in each language tree, keyed by their path inside the tree."""

    site: SiteConfig
    present: dict[str, frozenset[str]] = field(default_factory=dict)  # rel_md → languages with a file

    @classmethod
    def scan(cls, site: SiteConfig, docs_dir: Path | None = None) -> PageIndex:
        docs = docs_dir or site.docs_dir
        present: dict[str, set[str]] = {}
        for code in site.codes:
            tree = docs / code
            for md in sorted(tree.rglob("*.md")) if tree.is_dir() else ():
                present.setdefault(md.relative_to(tree).as_posix(), set()).add(code)
        return cls(site, {rel: frozenset(codes) for rel, codes in present.items()})

    def languages_of(self, rel_md: str) -> tuple[str, ...]:
        """Languages with a real (not fallback) version of the page, in the site's language order."""
        have = self.present.get(rel_md, frozenset())
        return tuple(code for code in self.site.codes if code in have)

    def alternates(self, rel_md: str) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) for every real version, then x-default (the source language)."""
        path = url_path(rel_md)
        links = [(code, self.site.absolute_url(code, path)) for code in self.languages_of(rel_md)]
        default = self.site.default_language
        if default in self.languages_of(rel_md):
            links.append(("x-default", self.site.absolute_url(default, path)))
        return links

    def pages(self, code: str) -> list[str]:
        """The real pages of one language, sorted by path."""
        return sorted(rel for rel, codes in self.present.items() if code in codes)
