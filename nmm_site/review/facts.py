"""Facts changed between two data/ trees, and the pages that show each one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from nmm_site.content.pages import Page
from nmm_site.facts.config import PAGE_TYPE_DATASETS, family_of
from nmm_site.facts.loader import is_fact
from nmm_site.facts.shortcodes import shortcode_paths


@dataclass(frozen=True)
class FactChange:
    path: str  # e.g. provinces.ha-giang.population
    before: dict[str, Any] | None  # the fact mapping at the base (None: added)
    now: dict[str, Any] | None  # the fact mapping now (None: removed)


def _plain(value: Any) -> Any:
    # Dates become ISO strings so the report is JSON and compares like the data file reads.
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _walk(node: Any, path: tuple[str, ...], out: dict[str, dict[str, Any]]) -> None:
    if is_fact(node):
        out[".".join(path)] = _plain(node)
    elif isinstance(node, dict):
        for key, value in node.items():
            _walk(value, (*path, str(key)), out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _walk(value, (*path, str(index)), out)


def flatten(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Every fact of data/*.yml by its shortcode path (dataset family, entity id, field…)."""
    facts: dict[str, dict[str, Any]] = {}
    for path in sorted(data_dir.glob("*.yml")) if data_dir.is_dir() else ():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue  # the content checks report broken data files; the diff skips them
        if isinstance(data, dict):
            _walk(data, (family_of(path.stem),), facts)
    return facts


def diff(before: dict[str, dict[str, Any]], now: dict[str, dict[str, Any]]) -> list[FactChange]:
    """Facts added, removed or changed (any field: value, year, unit, source…), sorted by path."""
    return [
        FactChange(path, before.get(path), now.get(path))
        for path in sorted(set(before) | set(now))
        if before.get(path) != now.get(path)
    ]


def _shows(shown: str, fact: str) -> bool:
    return shown == fact or shown.startswith(fact + ".")


def pages_showing(fact_path: str, pages: list[Page]) -> list[tuple[str, PurePosixPath]]:
    """(lang, rel) of every page whose entity holds the fact or whose text has a shortcode for it."""
    found = []
    for page in pages:
        dataset = PAGE_TYPE_DATASETS.get(page.page_type or "")
        if dataset and page.page_id and _shows(fact_path, f"{dataset}.{page.page_id}"):
            found.append((page.lang, page.rel))
            continue
        body = page.front.body if page.front else page.text
        for _, shown in shortcode_paths(body):
            head, _, rest = shown.partition(".")
            if _shows(f"{family_of(head)}.{rest}", fact_path):
                found.append((page.lang, page.rel))
                break
    return found
