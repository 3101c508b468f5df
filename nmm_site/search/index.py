"""Split Material's combined search index into one index per language, with folded keywords.

Material's worker indexes every field listed in `config.fields`. We add a `folded` field holding the
page's words without diacritics (only those that change when folded, plus extra keywords such as
former province names), so "ha giang", "HÀ GIANG" and "Hà Giang" find the same page and
"ruong bac thang" finds "ruộng bậc thang"; results still display the real text.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from nmm_site.content import slugs
from nmm_site.content.slugs import fold
from nmm_site.files import atomic_write
from nmm_site.stamps import code_digest

# Lower than the text: a folded match should not outrank an exact one.
FOLDED_BOOST = 0.5
# The names a page is known by (former names and spellings from the data) weigh more than its running
# text, in which short syllables ("bac", "can") are everywhere: "Bac Can" must find Bắc Kạn first.
KEYWORDS_BOOST = 20.0
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of an HTML fragment, lower-cased."""
    return [w.lower() for w in _WORD.findall(html.unescape(_TAG.sub(" ", text)))]


# A site has a few thousand distinct words, each seen many times: fold each once per process.
_folded = functools.lru_cache(maxsize=65536)(fold)


def folded_keywords(texts: Iterable[str]) -> str:
    """Unique folded forms of the words whose folding changes them, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in words(text):
            plain = _folded(word)
            if plain != word:
                seen.setdefault(plain, None)
    return " ".join(seen)


class FoldedMemo:
    """The folded keywords of the last build's search entries, on disk, by the texts they come from.

    Folding every word of every entry is most of the split's time, and a build changes few entries.
    An entry is folded again when its texts, this module, the folding code or Python's Unicode
    database change; entries no build asked for are dropped when the memo is saved."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.version = _code_version()
        self._old: dict[str, str] = {}
        self._new: dict[str, str] = {}
        if path is not None and path.is_file():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                stored = {}
            if isinstance(stored, dict) and stored.get("version") == self.version:
                folded = stored.get("folded")
                self._old = folded if isinstance(folded, dict) else {}

    def folded(self, texts: list[str]) -> str:
        key = hashlib.sha256("\0".join(texts).encode("utf-8", "surrogatepass")).hexdigest()
        if key not in self._new:
            found = self._old.get(key)
            self._new[key] = found if isinstance(found, str) else folded_keywords(texts)
        return self._new[key]

    def save(self) -> None:
        if self.path is None or self._new == self._old:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": self.version, "folded": self._new}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))


@functools.cache
def _code_version() -> str:
    return f"{unicodedata.unidata_version}:{code_digest(Path(__file__), Path(slugs.__file__))}"


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def split_index(
    combined: dict,
    codes: tuple[str, ...],
    default: str,
    extra_keywords: Mapping[tuple[str, str], list[str]] | None = None,
    memo: FoldedMemo | None = None,
) -> dict[str, dict]:
    """Per-language indexes from static-i18n's combined one.

    Locations become relative to each language's root. A language also gets the default language's
    entries for pages it lacks: those pages are served there as fallbacks with a notice.
    `extra_keywords[(code, page)]` adds searchable words (e.g. former names) to a page.
    """
    extra_keywords = extra_keywords or {}
    by_lang: dict[str, list[dict]] = {code: [] for code in codes}
    for doc in combined.get("docs", []):
        location = doc["location"]
        prefix, _, rest = location.partition("/")
        if (
            prefix in codes
            and prefix != default
            and (location.startswith(f"{prefix}/") or location == prefix)
        ):
            by_lang[prefix].append({**doc, "location": rest})
        else:
            by_lang[default].append(dict(doc))
    default_pages = {_page_of(d["location"]) for d in by_lang[default]}
    result: dict[str, dict] = {}
    for code in codes:
        docs = by_lang[code]
        if code != default:
            have = {_page_of(d["location"]) for d in docs}
            missing = default_pages - have
            docs = docs + [dict(d) for d in by_lang[default] if _page_of(d["location"]) in missing]
        for doc in docs:
            page = _page_of(doc["location"])
            extra = extra_keywords.get((code, page), []) if "#" not in doc["location"] else []
            texts = [doc.get("title", ""), doc.get("text", ""), *extra]
            keywords = memo.folded(texts) if memo is not None else folded_keywords(texts)
            extra_words = " ".join(w for text in extra for w in words(text))
            doc["folded"] = " ".join(part for part in (keywords, extra_words) if part)
            if extra_words:
                doc["keywords"] = " ".join(
                    dict.fromkeys([*extra_words.split(), *folded_keywords(extra).split()])
                )
        config = dict(combined.get("config", {}))
        config["lang"] = [code]
        fields = dict(config.get("fields", {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}))
        fields["folded"] = {"boost": FOLDED_BOOST}
        fields["keywords"] = {"boost": KEYWORDS_BOOST}
        config["fields"] = fields
        result[code] = {"config": config, "docs": docs}
    return result


def write_from_combined(
    site_dir: Path,
    combined: dict,
    codes: tuple[str, ...],
    default: str,
    extra_keywords: Mapping[tuple[str, str], list[str]] | None = None,
    memo_path: Path | None = None,
) -> list[Path]:
    """Split static-i18n's combined index (the languages its config names) and write one per language.

    With `memo_path`, the entries' folded keywords are kept there for the next build (FoldedMemo)."""
    built = tuple(code for code in codes if code in combined.get("config", {}).get("lang", codes))
    memo = FoldedMemo(memo_path) if memo_path is not None else None
    indexes = split_index(combined, built or codes, default, extra_keywords, memo)
    if memo is not None:
        memo.save()
    return write_indexes(site_dir, indexes, default)


def write_indexes(site_dir: Path, indexes: dict[str, dict], default: str) -> list[Path]:
    """Write each language's index under its root (site/search/, site/en/search/, …)."""
    written = []
    for code, data in indexes.items():
        path = site_dir / ("" if code == default else code) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        # Plain UTF-8: escaping Vietnamese letters makes the file half as large again.
        atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        written.append(path)
    return written
