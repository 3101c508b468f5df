"""Extra search keywords a page should be found by, taken from the data (e.g. former names)."""

from __future__ import annotations

from pathlib import Path

from scripts.facts.render import renderer


def keywords_for(page_type: str, page_id: str, data_dir: Path) -> list[str]:
    """Former names and spellings of a province page, so old names find the current page."""
    if page_type != "province" or not (data_dir / "provinces.yml").exists():
        return []
    # The facts loader caches the parsed data per process and reloads it when a file changes.
    entity = renderer(data_dir).data.datasets.get("provinces", {}).get(page_id) or {}
    names: list[str] = []
    for former in entity.get("former_names") or []:
        if isinstance(former, str):
            names.append(former)
        elif isinstance(former, dict):
            value = former.get("name", former)
            if isinstance(value, dict):
                names.extend(str(v) for k, v in value.items() if k != "slug")
            elif value:
                names.append(str(value))
    return names
