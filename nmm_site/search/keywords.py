"""Extra search keywords a page should be found by, taken from the data (e.g. former names)."""

from __future__ import annotations

from pathlib import Path

from nmm_site.facts.render import Renderer, renderer


def keywords_for(page_type: str, page_id: str, data_dir: Path, render: Renderer | None = None) -> list[str]:
    """Names a province page should be found by: its former names and spellings, and the names of
    the other 2024 provinces that are part of the same province since 2025 ("Yên Bái" finds Lào Cai,
    whose province now has its seat in former Yên Bái). `render` defaults to the data of `data_dir`."""
    if page_type != "province" or not (data_dir / "provinces.yml").exists():
        return []
    # The facts loader caches the parsed data per process and reloads it when a file changes; the
    # hooks pass the renderer of the build (the same settings, so the cache is not thrashed).
    provinces = (render or renderer(data_dir)).data.datasets.get("provinces", {})
    entity = provinces.get(page_id) or {}
    names: list[str] = []
    for other_id, other in provinces.items():
        if other_id != page_id and other.get("part_of") and other.get("part_of") == entity.get("part_of"):
            names.extend(str(v) for v in (other.get("name") or {}).values())
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
