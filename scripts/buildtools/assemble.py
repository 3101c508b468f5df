"""Put partial builds together into one site and write the site-wide files, as the hooks do at the end of
a sequential build (404 pages, sitemaps, Material patch, search indexes, publications)."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from scripts.buildtools.config import DEFAULTS, BuildConfig
from scripts.buildtools.forking import Forked, can_fork
from scripts.buildtools.partial import Manifest
from scripts.buildtools.searchdedupe import remove_duplicates
from scripts.errors import Problem, ProblemsFound
from scripts.i18n.languages import BuildState
from scripts.publications.build import Report, build_all
from scripts.publications.catalog import scan
from scripts.publications.config import PublicationsConfig
from scripts.search.index import write_from_combined
from scripts.site_config import SiteConfig, load


def clean_directory(directory: Path) -> None:
    """Empty `directory` but keep hidden entries, as `mkdocs build` does."""
    directory.mkdir(parents=True, exist_ok=True)
    for entry in directory.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def move_tree(src: Path, dest: Path) -> None:
    """Move every file of `src` into `dest`, replacing files already there (renames: same filesystem)."""
    for entry in sorted(src.iterdir()):
        target = dest / entry.name
        if entry.is_dir() and not entry.is_symlink():
            if target.is_dir():
                move_tree(entry, target)
            else:
                if target.exists():
                    target.unlink()
                _move(entry, target)
        else:
            if target.is_dir():
                shutil.rmtree(target)
            _move(entry, target)


def _move(src: Path, dest: Path) -> None:
    try:
        os.replace(src, dest)
    except OSError:  # another filesystem (e.g. CI artifacts on a mount): copy instead
        if src.is_dir():
            shutil.copytree(src, dest)
        else:
            shutil.copy2(src, dest)


def ordered(site: SiteConfig, parts: Sequence[tuple[Path, Manifest]]) -> list[tuple[Path, Manifest]]:
    """The partials in the sequential build's order; every language exactly once."""
    seen: dict[str, Path] = {}
    problems = []
    for folder, manifest in parts:
        for code in manifest.languages:
            if code in seen:
                problems.append(
                    Problem(folder, None, f"language {code} is also in {seen[code]}", "assemble it once")
                )
            seen[code] = folder
    missing = [code for code in site.codes if code not in seen]
    if missing:
        problems.append(
            Problem(
                site.root / "mkdocs.yml",
                None,
                f"no partial build of {', '.join(missing)}",
                f"build it with `nmm build-site --languages {','.join(missing)} --partial DIR` and pass DIR",
            )
        )
    urls = {manifest.site_url for _, manifest in parts}
    if len(urls) > 1:
        problems.append(
            Problem(
                parts[0][0],
                None,
                f"the partials were built for different site URLs: {sorted(urls)}",
                "build every language with the same SITE_URL",
            )
        )
    if problems:
        raise ProblemsFound(problems)
    position = {code: n for n, code in enumerate(site.codes)}
    return sorted(parts, key=lambda part: position[part[1].languages[0]])


def combined_search(site: SiteConfig, manifests: Sequence[Manifest]) -> dict:
    """static-i18n's merged search index: every language's entries in build order, duplicates removed."""
    docs_of = {code: docs for m in manifests for code, docs in m.search_docs.items()}
    entries = [entry for code in site.codes for entry in docs_of.get(code, [])]

    if all(m.dedupe_search for m in manifests):
        remove_duplicates(entries, site.codes)
    return {"config": manifests[0].search_config, "docs": entries}


def write_site_wide(root: Path, site_dir: Path, manifests: Sequence[Manifest]) -> Report:
    """The files the hooks write after the last language build.

    The publications (which read only the pages) are made by a forked process while this one writes
    the 404 pages, sitemaps and search indexes: two cores instead of one for this last step.
    """
    site = load(root)
    site_url = manifests[0].site_url
    publications = Forked(lambda: _publications(root, site_dir, manifests)) if can_fork() else None
    try:
        # hooks/languages.py (priority -200): 404 pages, sitemaps, Material's bundle.
        state = BuildState()
        state.start(site, site_url)
        for manifest in manifests:
            state.not_found.update(manifest.not_found)
        state.finish(site_dir, site.default_language)
        # hooks/search.py (priority -200): one index per language.
        keywords = {(lang, page): words for m in manifests for lang, page, words in m.keywords}
        write_from_combined(
            site_dir, combined_search(site, manifests), site.codes, site.default_language, keywords
        )
    except BaseException:
        if publications is not None:  # collect the child before reporting this step's error
            with contextlib.suppress(BaseException):
                publications.result()
        raise
    # hooks/publications.py (priority -300): short links, feeds, cards, PDFs.
    if publications is not None:
        return publications.result()
    return _publications(root, site_dir, manifests)


def _publications(root: Path, site_dir: Path, manifests: Sequence[Manifest]) -> Report:
    site_url = manifests[0].site_url
    og_images = {name: url for m in manifests for name, url in m.og_images.items()}

    def hero_file(name: str) -> Path | None:
        built = site_dir / og_images[name] if name in og_images else None
        return built if built is not None and built.is_file() else None

    cfg = PublicationsConfig.for_root(root, site_url)
    return build_all(cfg, site_dir, catalog=scan(cfg.site), hero_file=hero_file)


def assemble(
    root: Path, partials: Sequence[Path], site_dir: Path, settings: BuildConfig = DEFAULTS
) -> Report:
    """Move the partial sites (emptied afterwards) into a clean `site_dir` and write the site-wide files."""
    site = load(root)
    parts = ordered(
        site, [(p, Manifest.read(p / settings.manifest_name, settings.format_version)) for p in partials]
    )
    clean_directory(site_dir)
    for folder, _ in parts:
        move_tree(folder / settings.partial_site, site_dir)
    return write_site_wide(root, site_dir, [manifest for _, manifest in parts])
