"""The pages of a built site, grouped by language, as URL paths the local server answers."""

from __future__ import annotations

from pathlib import Path


def is_redirect(file: Path) -> bool:
    """A redirect stub (old address → current page) written as a meta refresh."""
    head = file.read_bytes()[:2000].lower()
    return b'http-equiv="refresh"' in head or b"http-equiv='refresh'" in head


def page_paths(site_dir: Path) -> list[str]:
    """URL paths ("", "en/provinces/ha-giang/") of every content page: no 404 pages, no redirect stubs."""
    paths = []
    for file in sorted(site_dir.rglob("index.html")):
        if is_redirect(file):
            continue
        rel = file.relative_to(site_dir).as_posix()
        paths.append(rel[: -len("index.html")])
    return paths


def language_of(path: str, codes: tuple[str, ...], default: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in codes and first != default else default


def by_language(site_dir: Path, codes: tuple[str, ...], default: str) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {code: [] for code in codes}
    for path in page_paths(site_dir):
        grouped[language_of(path, codes, default)].append(path)
    return grouped
