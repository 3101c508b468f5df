"""Extra search keywords a page should be found by, taken from the data (e.g. former names)."""

from __future__ import annotations

from pathlib import Path

import yaml


def keywords_for(page_type: str, page_id: str, data_dir: Path) -> list[str]:
    """Former names and spellings of a province page, so old names find the current page."""
    if page_type != "province":
        return []
    path = data_dir / "provinces.yml"
    if not path.exists():
        return []
    entity = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(page_id) or {}
    names: list[str] = []
    for former in entity.get("former_names") or []:
        if isinstance(former, str):
            names.append(former)
        elif isinstance(former, dict):
            value = former.get("name")
            if isinstance(value, dict):
                names.extend(str(v) for v in value.values())
            elif value:
                names.append(str(value))
    return names
