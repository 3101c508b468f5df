"""Atom feeds per language of new and updated pages, dated from git history (file mtime outside git)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from nmm_site.files import atomic_write
from nmm_site.publications import text
from nmm_site.publications.catalog import Catalog
from nmm_site.publications.config import PublicationsConfig
from nmm_site.publications.urls import absolute, feed_path, page_path

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Dates:
    published: dt.datetime
    updated: dt.datetime
    source: str = field(default="git", compare=False)  # "git" or "mtime" (untracked: never cached)


def _mtime(path: Path) -> dt.datetime:
    """An untracked file's date: its mtime, clamped to SOURCE_DATE_EPOCH when that is set (the
    reproducible-builds convention), so two fresh copies of the same sources give the same feeds."""
    seconds = int(path.stat().st_mtime)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        seconds = min(seconds, int(epoch))
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def git_dates(path: Path, root: Path) -> Dates:
    """First commit = published, last commit = updated (`git log --follow`); the mtime when untracked."""
    try:
        result = subprocess.run(
            ["git", "log", "--follow", "--format=%cI", "--", str(path.resolve().relative_to(root.resolve()))],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        result = None
    stamps = result.stdout.split() if result is not None and result.returncode == 0 else []
    if not stamps:
        when = _mtime(path)
        return Dates(when, when, "mtime")
    return Dates(dt.datetime.fromisoformat(stamps[-1]), dt.datetime.fromisoformat(stamps[0]))


def git_head(root: Path) -> str | None:
    """The commit checked out at `root`, or None outside git."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    head = result.stdout.strip()
    return head if result.returncode == 0 and len(head) >= 40 else None


def page_dates(
    paths: list[Path], root: Path, workers: int = 8, cache_dir: Path | None = None
) -> dict[Path, Dates]:
    """Dates of many files: one git call each, in threads (git does the work, not Python).

    With `cache_dir`, a file's committed dates are kept per checked-out commit: `git log` of a path
    depends on nothing else, so an unchanged checkout asks git once. Untracked files (mtime) are not kept.
    Outside git every file has its mtime, without a git call per file.
    """
    head = git_head(root)
    if head is None:  # not a git checkout, or no commit yet: git has no date to give, ask it nothing
        return {path: Dates(_mtime(path), _mtime(path), "mtime") for path in paths}
    cache_file = cache_dir / f"{head}.json" if cache_dir is not None and head else None
    cached: dict[str, list[str]] = {}
    if cache_file is not None and cache_file.is_file():
        try:
            cached = json.loads(cache_file.read_text(encoding="utf-8"))
        except ValueError:
            cached = {}

    def dates_of(path: Path) -> Dates:
        hit = cached.get(_key(path, root))
        if hit:
            return Dates(dt.datetime.fromisoformat(hit[0]), dt.datetime.fromisoformat(hit[1]))
        return git_dates(path, root)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        result = dict(zip(paths, pool.map(dates_of, paths), strict=True))
    if cache_file is not None:
        tracked = {
            _key(path, root): [d.published.isoformat(), d.updated.isoformat()]
            for path, d in result.items()
            if d.source == "git"
        }
        if tracked != cached:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            for old in cache_file.parent.glob("*.json"):
                old.unlink(missing_ok=True)  # one commit's dates at a time
            atomic_write(cache_file, json.dumps({**cached, **tracked}, sort_keys=True).encode("utf-8"))
    return result


def _key(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def rfc3339(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def tag_uri(cfg: PublicationsConfig, specific: str) -> str:
    """tag:host,2026:specific — stable across renames (built from page ids, not paths)."""
    host = urlsplit(cfg.site.site_url).hostname or "localhost"
    return f"tag:{host},{cfg.tag_date}:{specific}"


def feed_xml(cfg: PublicationsConfig, catalog: Catalog, lang: str, dates: dict[Path, Dates]) -> str:
    """The Atom feed of the pages written in `lang`, newest update first."""
    entries = []
    for page in catalog.pages.values():
        if not page.has(lang):
            continue  # a fallback copy is not new content in this language
        version = page.versions[lang]
        entries.append((dates[version.path], page, version))
    entries.sort(key=lambda item: (-item[0].updated.timestamp(), item[1].id))
    entries = entries[: cfg.feed_entries]
    site_name = cfg.site_name(lang)
    feed_updated = max((d.updated for d, _, _ in entries), default=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    home = absolute(cfg, cfg.site.lang_prefix(lang))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}" xml:lang="{lang}">',
        f"  <id>{tag_uri(cfg, f'feed/{lang}')}</id>",
        f"  <title>{escape(text.t(lang, 'feed_title', site=site_name))}</title>",
        f"  <updated>{rfc3339(feed_updated)}</updated>",
        '  <link rel="self" type="application/atom+xml" '
        f"href={quoteattr(absolute(cfg, feed_path(cfg, lang)))}/>",
        f'  <link rel="alternate" type="text/html" hreflang="{lang}" href={quoteattr(home)}/>',
        f"  <author><name>{escape(site_name)}</name><uri>{escape(home)}</uri></author>",
    ]
    for when, page, version in entries:
        url = absolute(cfg, page_path(cfg, page, lang))
        shown = text.dated(lang, "updated", when.updated)
        if when.published.date() != when.updated.date():
            shown = f"{text.dated(lang, 'published', when.published)} · {shown}"
        content = f"<p>{escape(version.description)}</p><p><small>{escape(shown)}</small></p>"
        lines += [
            "  <entry>",
            f"    <id>{tag_uri(cfg, f'{page.id}/{lang}')}</id>",
            f"    <title>{escape(version.title)}</title>",
            f'    <link rel="alternate" type="text/html" hreflang="{lang}" href={quoteattr(url)}/>',
            f"    <published>{rfc3339(when.published)}</published>",
            f"    <updated>{rfc3339(when.updated)}</updated>",
            f"    <summary>{escape(version.description or version.title)}</summary>",
            f'    <content type="html">{escape(content)}</content>',
            f'    <category term="{escape(page.type)}"/>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def head_link(cfg: PublicationsConfig, lang: str) -> dict[str, str]:
    """What the head's <link rel="alternate" type="application/atom+xml"> needs for a language."""
    return {
        "href": absolute(cfg, feed_path(cfg, lang)),
        "title": text.t(lang, "feed_title", site=cfg.site_name(lang)),
    }
