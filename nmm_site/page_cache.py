"""Reuse a page's finished HTML when nothing that shapes it has changed.

Plain MkDocs converts and renders every page on every build. This cache keeps, for each page, the HTML
MkDocs and our hooks produced, under a key made of everything that HTML can depend on:

- the page: its Markdown after every hook replaced its shortcodes (facts, images, calendar, offices),
  its front matter with what the hooks added to it (translation status, image metadata, cards), its
  file, URL and build language;
- the project (`project_signature`, once per build): the data, templates, catalogs, images, schemas,
  `mkdocs.yml`, the code (`nmm_site/`, `hooks/`), the installed versions, the build's reference date
  and the environment variables the build reads;
- the language build (`site_signature`): the path of every file and the front matter of every page
  (titles in the navigation, section cards) and the build's settings.

So an edit to one page's body renders that page again and reuses the others; an edit to a data file,
a template, a title or the code renders every page again. Entries are written only at the end of a
build that logged no warning (a page whose links were refused is never kept), and `tests/site`
compares a build that reuses every page with one that renders every page, byte for byte.

The MkDocs side (hooks/page_cache.py) uses public events: a reused page gets a stub of Markdown (its
anchors and its links to anchors, so MkDocs still checks them both ways) and an empty template; its
content and output are then the stored ones. Its search index entries are stored too and put back
instead of parsing its HTML again: the one touch of an internal (Material's list of entries), in
nmm_site/compat.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import logging
import os
import sys
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, is_dataclass
from importlib import metadata
from pathlib import Path

from nmm_site.calendar.reference import reference_time
from nmm_site.files import atomic_write

VERSION = "2"  # bump when the stored format or the key changes meaning
# What the site's HTML depends on besides the pages: hashed by content (small text files).
HASHED_TREES = ("data", "overrides", "locales", "schemas", "hooks")
# Build outputs inside those trees: the catalogs compiled from locales/ (their sources count).
GENERATED = (Path("overrides") / "locales",)
# Images are large: their names, sizes and modification times stand for them.
STATTED_TREES = ("assets",)
DISTRIBUTIONS = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "babel",
    "pillow",
)
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "SITE_URL", "BUILD_ONLY_LOCALE")
MAX_AGE_DAYS = 14  # entries nobody reused for this long are removed
MEMORY_ENTRIES = 2000  # entries kept in memory (a preview server): about 100 KB each


@dataclass(frozen=True)
class Entry:
    content: str  # the page's HTML body, after every hook (what the search index reads)
    output: str  # the finished page
    anchors: tuple[str, ...]  # ids other pages may link to
    links: tuple[str, ...]  # the page's links to anchors, as written (checked again on reuse)
    # The search index entries Material made from the page (compat.search_entries); None: made again.
    search: tuple[dict, ...] | None = None


def _hash_tree(digest: hashlib._Hash, folder: Path, *, by_content: bool, skip: tuple[Path, ...] = ()) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or any(path.is_relative_to(s) for s in skip):
            continue
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        if by_content:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            stat = path.stat()
            digest.update(f"{stat.st_size}\0{stat.st_mtime_ns}\n".encode())


def front_matter_bytes(path: Path) -> bytes:
    """The front matter block of a Markdown file (the whole file when it has none)."""
    data = path.read_bytes()
    if data.startswith(b"---"):
        end = data.find(b"\n---", 3)
        if end >= 0:
            return data[: end + 4]
    return data


def _versions() -> str:
    found = []
    for name in DISTRIBUTIONS:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return f"{sys.version}\0" + "\0".join(found)


def project_signature(root: Path, environ: Mapping[str, str] | None = None) -> str:
    """What every page of every language depends on: the project's files, the code, the installed
    versions, the environment and the reference date (once per build, for all its languages)."""
    environ = os.environ if environ is None else environ
    digest = hashlib.sha256(f"page-cache {VERSION}\0{_versions()}\0".encode())
    digest.update((root / "mkdocs.yml").read_bytes() if (root / "mkdocs.yml").is_file() else b"")
    for name in HASHED_TREES:
        _hash_tree(digest, root / name, by_content=True, skip=tuple(root / g for g in GENERATED))
    for name in STATTED_TREES:
        _hash_tree(digest, root / name, by_content=False)
    _hash_tree(digest, Path(__file__).resolve().parent, by_content=True)  # the code of nmm_site
    for name in sorted(environ):
        if name in ENVIRONMENT or name.startswith("NMM_"):
            digest.update(f"{name}={environ[name]}\n".encode())
    digest.update(reference_time(root, dict(environ)).isoformat().encode())
    return digest.hexdigest()


def site_signature(
    project: str,
    root: Path,
    files: Iterable[tuple[str, str]],
    pages: Iterable[Path],
    settings: Mapping[str, object],
) -> str:
    """What every page of one language build depends on: `project` (project_signature), and

    `files`: (source, destination) of every file of the build; `pages`: the Markdown files whose front
    matter counts; `settings`: the build's configuration values (language, site URL, extra, …)."""
    digest = hashlib.sha256(project.encode())
    for source, destination in sorted(files):
        digest.update(f"{source}\0{destination}\n".encode())
    for page in sorted(pages):  # by their path in the project: a copy of it elsewhere reuses its pages
        name = page.relative_to(root) if page.is_relative_to(root) else page
        digest.update(str(name).encode() + b"\0" + front_matter_bytes(page))
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


class Unstable(Exception):
    """A value whose text changes from one run to the next (an object's address): not a key."""


def _stable(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(map(repr, value))
    text = repr(value)
    if " at 0x" in text:
        raise Unstable(text)
    return text


def page_key(
    signature: str, *, source: str, url: str, language: str, markdown: str, meta: object
) -> str | None:
    """The key of one page, or None when its front matter holds a value that cannot be keyed."""
    try:
        meta_text = json.dumps(meta, sort_keys=True, default=_stable, ensure_ascii=False)
    except (Unstable, TypeError, ValueError):
        return None
    digest = hashlib.sha256(signature.encode())
    for part in (source, url, language, meta_text, markdown):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def stub_markdown(entry: Entry) -> str:
    """Markdown that gives MkDocs a reused page's anchors and links to anchors, and nothing else."""
    anchors = "".join(f'<a id="{html.escape(anchor, quote=True)}"></a>\n' for anchor in entry.anchors)
    links = "".join(f"[{number}](<{link}>)\n\n" for number, link in enumerate(entry.links))
    return anchors + ("\n" if anchors else "") + links


class PageCache:
    """Entries on disk (one JSON file per key) with the ones read or written in this process in memory,
    so a preview server that rebuilds after every edit reads each entry from disk at most once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._memory: OrderedDict[str, Entry] = OrderedDict()  # least recently used first

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        if key in self._memory:
            self._memory.move_to_end(key)
            return self._memory[key]
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entry = Entry(
                content=data["content"],
                output=data["output"],
                anchors=tuple(data["anchors"]),
                links=tuple(data["links"]),
                search=None if data.get("search") is None else tuple(data["search"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing, half-written by an older version or damaged: render the page
        with contextlib.suppress(OSError):
            os.utime(path)  # reused: not old
        self._remember(key, entry)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self._path(key), json.dumps(asdict(entry), ensure_ascii=False).encode("utf-8"))
        self._remember(key, entry)

    def _remember(self, key: str, entry: Entry) -> None:
        self._memory[key] = entry
        self._memory.move_to_end(key)
        while len(self._memory) > MEMORY_ENTRIES:
            self._memory.popitem(last=False)

    def prune(self, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
        """Remove the entries nobody used for `max_age_days`; the number removed."""
        limit = (time.time() if now is None else now) - max_age_days * 86400
        removed = 0
        for path in self.folder.glob("*.json") if self.folder.is_dir() else ():
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    self._memory.pop(path.stem, None)
                    removed += 1
            except OSError:
                continue
        return removed


_CACHES: dict[Path, PageCache] = {}


def cache_for(folder: Path) -> PageCache:
    """One cache per folder per process (MkDocs reloads the hooks at every rebuild; this module stays)."""
    folder = folder.resolve()
    if folder not in _CACHES:
        _CACHES[folder] = PageCache(folder)
    return _CACHES[folder]


class WarningCounter(logging.Handler):
    """Counts the warnings MkDocs logs during one build: a build that warned keeps no entry."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
