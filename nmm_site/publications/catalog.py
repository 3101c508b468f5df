"""The pages that get publications: id, type, titles and files in each language tree."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from nmm_site import fast_yaml
from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import read_trees
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.i18n.pages import url_path
from nmm_site.site_config import SiteConfig

# Editors' pages (docs/<lang>/_editors/…) are built but not published to the public.
PRIVATE_PREFIX = "_"


def nfc(text: object) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip()


@dataclass(frozen=True)
class Version:
    lang: str
    path: Path  # the Markdown file
    title: str
    description: str
    hero: str | None


@dataclass(frozen=True)
class Page:
    id: str
    type: str
    rel_md: str  # path inside each language tree (identical in the three trees)
    versions: dict[str, Version] = field(default_factory=dict)  # real (not fallback) versions only

    @property
    def path(self) -> str:
        """URL path inside a language tree: provinces/ha-giang/."""
        return url_path(self.rel_md)

    def version(self, lang: str, default: str) -> Version:
        """The version shown in `lang`: its own, else the default language's (static-i18n's fallback)."""
        return self.versions.get(lang) or self.versions.get(default) or next(iter(self.versions.values()))

    def has(self, lang: str) -> bool:
        return lang in self.versions


@dataclass(frozen=True)
class Catalog:
    site: SiteConfig
    pages: dict[str, Page]  # id → page, in the order of their paths

    def of_type(self, page_type: str) -> list[Page]:
        return [p for p in self.pages.values() if p.type == page_type]

    def by_rel(self, rel_md: str) -> Page | None:
        return next((p for p in self.pages.values() if p.rel_md == rel_md), None)


def scan(site: SiteConfig) -> Catalog:
    """The front matter of every page in every language tree (as the content checks read it: the
    trees are parsed once per build, nmm_site/content/pages.py)."""
    trees = read_trees(ContentConfig.from_root(site.root))
    found: dict[str, dict] = {}  # id → {"type", "rel", "versions"}
    problems: list[Problem] = []
    for lang in site.codes:
        for page in sorted(trees.pages.get(lang, {}).values(), key=lambda page: page.rel):
            md, rel = page.path, page.rel.as_posix()
            if rel.startswith(PRIVATE_PREFIX):
                continue
            meta = page.front.data if page.front else {}  # the content checks report a missing one
            page_id = str(meta.get("id") or "").strip()
            if not page_id:
                continue  # the content checks require an id; nothing to publish without one
            entry = found.setdefault(page_id, {"type": meta.get("type", "page"), "rel": rel, "versions": {}})
            if entry["rel"] != rel:
                problems.append(
                    Problem(
                        md,
                        None,
                        f"page id {page_id!r} is also used by {lang}/{entry['rel']}: "
                        "short links need unique ids",
                        "give each page its own `id:` (the same in the three language trees)",
                    )
                )
                continue
            hero = meta.get("hero")
            entry["versions"][lang] = Version(
                lang=lang,
                path=md,
                title=nfc(meta.get("title")) or page_id,
                description=nfc(meta.get("description")),
                hero=Path(str(hero)).name if hero else None,
            )
    if problems:
        raise ProblemsFound(problems)
    pages = {
        page_id: Page(page_id, str(e["type"]), e["rel"], e["versions"])
        for page_id, e in sorted(found.items(), key=lambda item: item[1]["rel"])
    }
    return Catalog(site, pages)


def province_order(data_dir: Path) -> list[str]:
    """Province ids in the order of data/provinces.yml (the statistics office's code order)."""
    path = data_dir / "provinces.yml"
    if not path.is_file():
        return []
    stat = path.stat()
    # Asked for by every page with an office placeholder: parse the file once per version of it.
    return list(_province_order(path, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _province_order(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    data = fast_yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(str(key) for key in data) if isinstance(data, dict) else ()
