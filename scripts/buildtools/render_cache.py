"""Remember each page's Markdown → HTML conversion, so an unchanged page is not converted again.

Converting Markdown is about a quarter of a language's build. MkDocs converts every page on every build;
this cache keeps, per page, what `Page.render` produces (the HTML, the table of contents, the title
found in the text, the anchors and the links to other pages' anchors) under a key made of everything
the conversion reads:

- the page's Markdown as the hooks left it (facts rendered, so a changed figure changes the key),
  its source path and its URL;
- every file of the build with its URL (links are resolved against them: adding, moving or removing a
  page changes every key of that language);
- the Markdown extensions and their settings (per page: the anchors' title follows the page's
  language), the source files of settings that are Python functions (our slugify), the versions of
  MkDocs, Python-Markdown and PyMdown Extensions, and the link-validation settings.

A conversion that logs anything (a broken link, a warning) is not kept, so the message comes back on
every build. `NMM_RENDER_CACHE=0` turns the cache off. Entries unused for 30 days are deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
import os
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

FORMAT = "1"  # bump when the stored entry changes shape
MAX_AGE_DAYS = 30
_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions")


def enabled() -> bool:
    return os.environ.get("NMM_RENDER_CACHE", "1") != "0"


def _stable(value: Any) -> Any:
    """A JSON-able, process-independent form of a Markdown setting (functions by name and source)."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    if callable(value):
        name = f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', repr(type(value)))}"
        try:
            source = Path(inspect.getsourcefile(value) or "").read_bytes()
        except (OSError, TypeError):
            source = b""
        return f"{name}:{hashlib.sha256(source).hexdigest()[:16]}"
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


def _files_fingerprint(files: Any) -> str:
    """Every file of the build with its URL; computed once per Files object (one per language build)."""
    cached = getattr(files, "_nmm_render_fingerprint", None)
    if cached is not None and cached[0] == len(files):
        return cached[1]
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.src_uri):
        inclusion = getattr(file, "inclusion", "")
        digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{inclusion}\n".encode())
    value = digest.hexdigest()
    files._nmm_render_fingerprint = (len(files), value)
    return value


def _toc_tokens(items: Any) -> list[dict]:
    return [
        {"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)} for i in items
    ]


class _Listener(logging.Handler):
    """Counts what MkDocs and the extensions log while a page is converted."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class RenderCache:
    folder: Path
    hits: int = 0
    misses: int = 0
    _versions: str = field(default="", repr=False)

    def versions(self) -> str:
        if not self._versions:
            found = []
            for name in _LIBRARIES:
                try:
                    found.append(f"{name}={metadata.version(name)}")
                except metadata.PackageNotFoundError:
                    found.append(f"{name}=?")
            self._versions = ",".join(found)
        return self._versions

    def key(self, page: Page, config: Any, files: Any) -> str:
        validation = config.get("validation")
        parts = {
            "format": FORMAT,
            "versions": self.versions(),
            "extensions": _stable(list(config["markdown_extensions"])),
            "settings": _stable(dict(config["mdx_configs"] or {})),
            "validation": repr(validation),
            "directory_urls": bool(config.get("use_directory_urls")),
            "page": [page.file.src_uri, page.file.dest_uri, page.file.url],
            "files": _files_fingerprint(files),
        }
        digest = hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode())
        digest.update(b"\0" + (page.markdown or "").encode("utf-8"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def render(self, page: Page, config: Any, files: Any) -> None:
        """What `page.render(config, files)` does, from the cache when the inputs are the same."""
        key = self.key(page, config, files)
        path = self.path(key)
        entry = _read(path)
        if entry is not None and _apply(page, entry, files):
            self.hits += 1
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: kept by prune()
            return
        self.misses += 1
        listener = _Listener()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(listener)
        try:
            Page.render(page, config, files)
        finally:
            logger.removeHandler(listener)
        if listener.count == 0:
            _write(path, _entry(page))

    def prune(self, max_age_days: int = MAX_AGE_DAYS) -> int:
        """Delete entries unused for `max_age_days`; return how many."""
        if not self.folder.is_dir():
            return 0
        limit = time.time() - max_age_days * 86400
        removed = 0
        for entry in self.folder.glob("*/*.json"):
            try:
                if entry.stat().st_mtime < limit:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


def _entry(page: Page) -> dict:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": _toc_tokens(page.toc),
        "title": page._title_from_render,
        "anchors": list(page.present_anchor_ids or ()),  # a set; raw HTML can add None
        "links": None
        if links is None
        else {target.src_uri: dict(anchors) for target, anchors in links.items()},
    }


def _apply(page: Page, entry: dict, files: Any) -> bool:
    """Set what Page.render sets; False (convert again) if a linked file is no longer in the build."""
    links = None
    if entry["links"] is not None:
        links = {}
        for src_uri, anchors in entry["links"].items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links[target] = anchors
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if links is not None:
        page.links_to_anchors = links
    return True


def _read(path: Path) -> dict | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    needed = {"content", "toc", "title", "anchors", "links"}
    return entry if isinstance(entry, dict) and entry.keys() >= needed else None


def _write(path: Path, entry: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only or full disk: the build goes on without the cache
