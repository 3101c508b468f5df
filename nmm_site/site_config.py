"""The site's language model and paths, read once from mkdocs.yml (the single place they are defined)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Language:
    code: str  # the folder name under docs/ and the URL prefix ("" for the default language)
    name: str  # the language's own name, shown in the switcher
    default: bool
    # Per-language details, from the language's `extra:` in mkdocs.yml, else derived from the code:
    babel_locale: str = ""  # CLDR locale for numbers, dates, lists ("en_GB"); default: the code
    og_locale: str = ""  # Open Graph language_TERRITORY ("en_GB"); default: CLDR's likely territory
    date_format: str = ""  # Babel pattern of a full date ("d 'tháng' M 'năm' y"); default: "long"
    sort_articles: tuple[str, ...] = ()  # leading articles skipped in A–Z order ("the ", "l’"); default: none

    @property
    def locale(self) -> str:
        return self.babel_locale or self.code

    @property
    def open_graph_locale(self) -> str:
        return self.og_locale or _likely_territory_locale(self.code)

    @property
    def date_pattern(self) -> str:
        return self.date_format or "long"


def _likely_territory_locale(code: str) -> str:
    """The locale "de" → "de_DE": CLDR's likely subtags give the territory a language is most used in."""
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(code, code))
    parts = likely.split("_")
    territory = next((part for part in parts[1:] if part.isupper() and len(part) == 2), "")
    return f"{code}_{territory}" if territory else code


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    site_url: str  # absolute, ends with "/"
    site_name: str
    languages: tuple[Language, ...]

    @property
    def default_language(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages translated from the default (source) language."""
        return tuple(lang.code for lang in self.languages if not lang.default)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @functools.cached_property
    def _by_code(self) -> dict[str, Language]:
        return {lang.code: lang for lang in self.languages}

    def language(self, code: str) -> Language:
        """The language `code` as configured; an unknown code gets the details derived from it."""
        found = self._by_code.get(code)
        return found if found is not None else Language(code, code, False)

    def content_language(self, src_uri: str) -> str:
        """The language of a page's text: its docs/ folder ("en/offices.md" → "en"). A fallback copy
        built into another language keeps its folder's language; anything else is the default's."""
        head = src_uri.split("/", 1)[0]
        return head if head in self.codes else self.default_language

    def with_root_language(self, code: str | None) -> SiteConfig:
        """The site as static-i18n builds it with `build_only_locale`: that language alone, at the root."""
        if not code or code == self.default_language:
            return self
        languages = tuple(replace(lang, default=lang.code == code) for lang in self.languages)
        return SiteConfig(self.root, self.site_url, self.site_name, languages)

    def lang_prefix(self, code: str) -> str:
        """URL prefix of a language relative to the site root: "" for vi, "en/" for en."""
        return "" if code == self.default_language else f"{code}/"

    def absolute_url(self, code: str, path: str) -> str:
        """Absolute URL of a page path (e.g. "provinces/ha-giang/") in a language."""
        return f"{self.site_url}{self.lang_prefix(code)}{path}"


class _Loader(yaml.SafeLoader):
    """A safe loader that tolerates MkDocs' !ENV and !relative tags (we only need plain values)."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):  # type: ignore[no-untyped-def]
    # `!ENV [NAME, default]` or `!ENV NAME`: the default is what a build without the variable uses.
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        return items[-1] if len(items) > 1 else None
    return None


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


_active_root: Path | None = None


def activate(root: Path) -> None:
    """Make the project at `root` the one `load()` reads by default (the build's first hook calls it),
    so code without a root at hand reads the project being built, not this checkout."""
    global _active_root
    _active_root = Path(root)


def load(root: Path | None = None) -> SiteConfig:
    """Read mkdocs.yml under `root` (default: the project being built, else this checkout)."""
    return _load(Path(root) if root is not None else (_active_root or ROOT))


def _language(entry: dict) -> Language:
    extra = entry.get("extra") or {}
    return Language(
        code=entry["locale"],
        name=entry["name"],
        default=bool(entry.get("default")),
        babel_locale=str(extra.get("babel_locale") or ""),
        og_locale=str(extra.get("og_locale") or ""),
        date_format=str(extra.get("date_format") or ""),
        sort_articles=tuple(str(article) for article in extra.get("sort_articles") or ()),
    )


@functools.cache
def _load(root: Path) -> SiteConfig:
    raw = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    i18n = next(p["i18n"] for p in raw["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = tuple(_language(lang) for lang in i18n["languages"])
    site_url = raw["site_url"].rstrip("/") + "/"
    return SiteConfig(root=root, site_url=site_url, site_name=raw["site_name"], languages=languages)
