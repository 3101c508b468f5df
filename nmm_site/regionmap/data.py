"""Province names and the 2025 mapping, read from data/provinces.yml and data/provinces-2025.yml."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from nmm_site import fast_yaml, site_config
from nmm_site.errors import Problem, ProblemsFound


@dataclass(frozen=True)
class Province:
    id: str
    name: dict[str, str]  # language → name
    part_of: str  # id of the current (2025) province


@dataclass(frozen=True)
class Region:
    provinces: dict[str, Province]  # the 14 provinces as defined in 2024, by id
    current: dict[str, dict[str, str]]  # current (2025) province id → language → name


def _line_of(path: Path, key: str) -> int | None:
    """1-based line of a top-level key, so problems point at the entity to edit."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _load(path: Path, problems: list[Problem]) -> dict:
    if not path.exists():
        problems.append(
            Problem(path, None, "the file is missing; the region map needs it", f"create {path.name}")
        )
        return {}
    try:
        data = fast_yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problems.append(Problem(path, line, f"invalid YAML: {error}", "fix the YAML syntax at that line"))
        return {}
    if not isinstance(data, dict):
        problems.append(
            Problem(path, 1, "expected a mapping id → entity", "write one `id:` block per entity")
        )
        return {}
    return data


def _names(path: Path, key: str, entity: object, problems: list[Problem]) -> dict[str, str] | None:
    languages = site_config.load().codes  # the project being built (mkdocs.yml)
    name = entity.get("name") if isinstance(entity, dict) else None
    if not isinstance(name, dict) or not all(
        isinstance(name.get(lang), str) and name[lang] for lang in languages
    ):
        problems.append(
            Problem(
                path,
                _line_of(path, key),
                f"`{key}` has no `name` in every language ({', '.join(languages)})",
                f"add `name: {{{', '.join(f'{lang}: …' for lang in languages)}}}` under `{key}:`",
            )
        )
        return None
    return {lang: unicodedata.normalize("NFC", name[lang]) for lang in languages}


def load_region(data_dir: Path, province_ids: tuple[str, ...]) -> Region:
    """Read the names and `part_of` of `province_ids`; raise ProblemsFound naming every gap at once."""
    problems: list[Problem] = []
    provinces_path = data_dir / "provinces.yml"
    current_path = data_dir / "provinces-2025.yml"
    provinces_data = _load(provinces_path, problems)
    current_data = _load(current_path, problems)
    if problems:
        raise ProblemsFound(problems)

    current: dict[str, dict[str, str]] = {}
    for key, entity in current_data.items():
        names = _names(current_path, str(key), entity, problems)
        if names:
            current[str(key)] = names

    provinces: dict[str, Province] = {}
    for pid in province_ids:
        if pid not in provinces_data:
            problems.append(
                Problem(provinces_path, None, f"province `{pid}` is missing", f"add a `{pid}:` entry")
            )
            continue
        entity = provinces_data[pid]
        names = _names(provinces_path, pid, entity, problems)
        part_of = entity.get("part_of") if isinstance(entity, dict) else None
        if not isinstance(part_of, str) or part_of not in current_data:
            problems.append(
                Problem(
                    provinces_path,
                    _line_of(provinces_path, pid),
                    f"`{pid}.part_of` is {part_of!r}, not an id of {current_path.name}",
                    f"set `part_of:` to one of: {', '.join(sorted(map(str, current_data)))}",
                )
            )
            continue
        if names:
            provinces[pid] = Province(pid, names, part_of)
    if problems:
        raise ProblemsFound(problems)
    return Region(provinces=provinces, current=current)
