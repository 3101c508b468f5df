"""Translation freshness per page and language: current, outdated, missing or orphaned."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from nmm_site.content.config import ContentConfig
from nmm_site.content.fingerprint import tree_fingerprint
from nmm_site.content.pages import Page, read_trees
from nmm_site.translation.hashing import parsed_source_hash


class Status(StrEnum):
    CURRENT = "current"  # records the hash of the Vietnamese page as it is now
    OUTDATED = "outdated"  # the Vietnamese page changed since (or the hash was never recorded)
    MISSING = "missing"  # no translation: the build serves the Vietnamese page with a notice
    ORPHANED = "orphaned"  # a translation without a Vietnamese page at the same path


@dataclass(frozen=True)
class LanguageStatus:
    status: Status
    recorded_hash: str | None  # translation.source_hash in the translation's front matter
    current_hash: str | None  # the hash of the Vietnamese page now


@dataclass(frozen=True)
class PageStatus:
    rel: PurePosixPath  # the path in every tree, e.g. provinces/ha-giang.md
    page_id: str | None
    languages: dict[str, LanguageStatus]  # no entry: neither the page nor its Vietnamese source exists

    def label(self, lang: str) -> str:
        state = self.languages.get(lang)
        return state.status.value if state else "—"


def recorded_hash(page: Page) -> str | None:
    translation = page.front.data.get("translation") if page.front else None
    value = translation.get("source_hash") if isinstance(translation, dict) else None
    return str(value) if value is not None else None


def status_of(source: Page | None, translation: Page | None) -> LanguageStatus:
    """The status of one translation (either page may be absent)."""
    current = parsed_source_hash(source.front, source.text) if source else None
    recorded = recorded_hash(translation) if translation else None
    if source is None:
        return LanguageStatus(Status.ORPHANED, recorded, None)
    if translation is None:
        return LanguageStatus(Status.MISSING, None, current)
    return LanguageStatus(Status.CURRENT if recorded == current else Status.OUTDATED, recorded, current)


def translation_status(config: ContentConfig) -> list[PageStatus]:
    """One entry per path present in any tree, sorted by path."""
    trees = read_trees(config)
    sources = trees.pages.get(config.source_language, {})
    statuses = []
    for rel in trees.rels():
        source = sources.get(rel)
        translations = {lang: trees.pages.get(lang, {}).get(rel) for lang in config.translations}
        page_id = next((p.page_id for p in (source, *translations.values()) if p and p.page_id), None)
        # Without a Vietnamese page, only the languages that have the file have a status.
        languages = {
            lang: status_of(source, page)
            for lang, page in translations.items()
            if source is not None or page is not None
        }
        statuses.append(PageStatus(rel, page_id, languages))
    return statuses


_memo: dict[str, list[PageStatus]] = {}


def cached_translation_status(config: ContentConfig) -> list[PageStatus]:
    """`translation_status`, computed once per state of the trees in this process.

    static-i18n runs the hooks once per language, and the parallel build's workers inherit what their
    parent computed; any edit to the trees changes the fingerprint and computes it again.
    """
    key = f"{config.root}\0{tree_fingerprint(config)}"
    if key not in _memo:
        _memo.clear()
        _memo[key] = translation_status(config)
    return _memo[key]


def summary(statuses: list[PageStatus], config: ContentConfig) -> dict[str, dict[str, int]]:
    """How many pages of each status, per language."""
    counts = {lang: {status.value: 0 for status in Status} for lang in config.translations}
    for entry in statuses:
        for lang, state in entry.languages.items():
            counts[lang][state.status.value] += 1
    return counts


def to_json(statuses: list[PageStatus], config: ContentConfig) -> str:
    """Machine-readable report (deterministic: no dates, sorted keys)."""
    document = {
        "source_language": config.source_language,
        "translations": list(config.translations),
        "summary": summary(statuses, config),
        "pages": [
            {
                "path": str(entry.rel),
                "id": entry.page_id,
                "languages": {
                    lang: {
                        "status": state.status.value,
                        "recorded_hash": state.recorded_hash,
                        "current_hash": state.current_hash,
                    }
                    for lang, state in entry.languages.items()
                },
            }
            for entry in statuses
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_markdown(statuses: list[PageStatus], config: ContentConfig) -> str:
    """The same report as a Markdown table, for people."""
    langs = config.translations
    lines = ["# Translation status", ""]
    for lang, counts in summary(statuses, config).items():
        parts = ", ".join(f"{n} {status}" for status, n in counts.items())
        lines.append(f"- **{lang}**: {parts}")
    lines += ["", "| Page | id | " + " | ".join(langs) + " |", "|---|---|" + "---|" * len(langs)]
    for entry in statuses:
        cells = " | ".join(entry.label(lang) for lang in langs)
        lines.append(f"| {entry.rel} | {entry.page_id or ''} | {cells} |")
    return "\n".join(lines) + "\n"


def to_table(statuses: list[PageStatus], config: ContentConfig) -> str:
    """Plain-text table for the terminal."""
    langs = config.translations
    width = max([len("page"), *(len(str(entry.rel)) for entry in statuses)])
    rows = [f"{'page':<{width}}  " + "  ".join(f"{lang:<8}" for lang in langs)]
    for entry in statuses:
        rows.append(f"{entry.rel!s:<{width}}  " + "  ".join(f"{entry.label(lang):<8}" for lang in langs))
    for lang, counts in summary(statuses, config).items():
        rows.append(f"{lang}: " + ", ".join(f"{n} {status}" for status, n in counts.items()))
    return "\n".join(line.rstrip() for line in rows)


def write_reports(statuses: list[PageStatus], config: ContentConfig) -> tuple[Path, Path]:
    """Write .cache/reports/translation-status.json and .md; return their paths."""
    config.reports_dir.mkdir(parents=True, exist_ok=True)
    json_path = config.reports_dir / "translation-status.json"
    md_path = config.reports_dir / "translation-status.md"
    json_path.write_text(to_json(statuses, config), encoding="utf-8")
    md_path.write_text(to_markdown(statuses, config), encoding="utf-8")
    return json_path, md_path
