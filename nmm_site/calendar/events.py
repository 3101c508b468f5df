"""The events of data/events-*.yml, validated: every mistake is a Problem with the file, line and fix.

References (province_2024, peoples, heritage) and the three languages of every text are checked by
the facts loader (nmm_site/facts/loader.py) as for every dataset; what is checked here is what only
the calendar knows: the fields an event needs, its kind, its date rule and its source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nmm_site.calendar.rules import Occurrence, Rule, RuleError, parse
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.config import FactsConfig, family_of
from nmm_site.facts.loader import FactData, LineDict, LineList, close, load, load_yaml

FAMILY = "events"
KINDS = ("festival", "market", "ceremony", "performance")
TEXT_FIELDS = ("name", "description")  # required, in every language
OPTIONAL_TEXT_FIELDS = ("place", "date_note")
LIST_FIELDS = {"province_2024": "provinces", "peoples": "peoples", "heritage": "heritage"}
ALLOWED = ("name", "kind", "date", "province_2024", "place", "peoples", "heritage", "description",
           "date_note", "source")  # fmt: skip


@dataclass(frozen=True)
class Event:
    id: str
    name: dict[str, str]
    kind: str
    rule: Rule
    provinces: tuple[str, ...]  # 2024 province ids
    place: dict[str, str] | None
    peoples: tuple[str, ...]
    heritage: tuple[str, ...]
    description: dict[str, str]
    date_note: dict[str, str] | None
    source: str
    path: Path
    line: int

    def occurrences(self, first: dt.date, last: dt.date) -> list[Occurrence]:
        return self.rule.occurrences(first, last)


def _text(node: Any) -> dict[str, str] | None:
    return {str(k): str(v) for k, v in node.items()} if isinstance(node, dict) else None


def _ids(node: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in node) if isinstance(node, list) else ()


def read_events(data: FactData, languages: tuple[str, ...]) -> tuple[list[Event], list[Problem]]:
    """Every event of the family, in id order, and the problems found (events with a problem are left
    out of the list)."""
    files = [(data.files[stem], data.datasets[stem]) for stem in data.stems(FAMILY)]
    return _read(files, set(data.sources), languages)


def _read(
    files: list[tuple[Path, Any]], sources: set[str], languages: tuple[str, ...]
) -> tuple[list[Event], list[Problem]]:
    events: list[Event] = []
    problems: list[Problem] = []
    for path, raw in files:
        if not isinstance(raw, LineDict):
            continue
        for event_id, entry in raw.items():
            line = raw.key_lines[event_id]
            found = _check(path, line, str(event_id), entry, sources, languages)
            problems.extend(found)
            if found or not isinstance(entry, LineDict):
                continue
            events.append(
                Event(
                    id=str(event_id),
                    name=_text(entry["name"]) or {},
                    kind=str(entry["kind"]),
                    rule=parse(entry["date"]),
                    provinces=_ids(entry.get("province_2024")),
                    place=_text(entry.get("place")),
                    peoples=_ids(entry.get("peoples")),
                    heritage=_ids(entry.get("heritage")),
                    description=_text(entry["description"]) or {},
                    date_note=_text(entry.get("date_note")),
                    source=str(entry["source"]),
                    path=path,
                    line=line,
                )
            )
    return sorted(events, key=lambda e: e.id), problems


def _check(
    path: Path, line: int, event_id: str, entry: Any, sources: set[str], languages: tuple[str, ...]
) -> list[Problem]:
    if not isinstance(entry, LineDict):
        return []  # the facts loader reports an entity that is not a mapping
    problems: list[Problem] = []

    def at(key: str) -> int:
        return entry.key_lines.get(key, line)

    for key in entry:
        if key not in ALLOWED:
            problems.append(
                Problem(
                    path,
                    at(key),
                    f"event '{event_id}' has unknown field '{key}'{close(str(key), list(ALLOWED))}",
                    f"the fields of an event are: {', '.join(ALLOWED)}",
                )
            )
    for key in ("name", "kind", "date", "province_2024", "description", "source"):
        if entry.get(key) in (None, "", []):
            problems.append(
                Problem(
                    path,
                    line,
                    f"event '{event_id}' has no '{key}'",
                    f"add `{key}: …` under '{event_id}' (see EDITORS.md, Events and the calendar)",
                )
            )
    for key in (*TEXT_FIELDS, *OPTIONAL_TEXT_FIELDS):
        value = entry.get(key)
        if value is not None and not isinstance(value, dict):
            problems.append(
                Problem(
                    path,
                    at(key),
                    f"event '{event_id}': '{key}' must be written in each language",
                    f"write `{key}: {{{', '.join(f'{lang}: …' for lang in languages)}}}`",
                )
            )
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(
            Problem(
                path,
                at("kind"),
                f"event '{event_id}' has unknown kind '{kind}'{close(str(kind), list(KINDS))}",
                f"use one of: {', '.join(KINDS)}",
            )
        )
    if entry.get("date") is not None:
        try:
            parse(entry["date"])
        except RuleError as error:
            problems.append(Problem(path, at("date"), f"event '{event_id}': {error.message}", error.fix))
    for key, dataset in LIST_FIELDS.items():
        value = entry.get(key)
        if value is not None and not isinstance(value, LineList):
            problems.append(
                Problem(
                    path,
                    at(key),
                    f"event '{event_id}': '{key}' must be a list of ids",
                    f"write it in brackets, e.g. `{key}: [{value}]`, with ids from data/{dataset}*.yml",
                )
            )
    source = entry.get("source")
    if source not in (None, "") and source not in sources:
        problems.append(
            Problem(
                path,
                at("source"),
                f"event '{event_id}' cites unknown source '{source}'{close(str(source), sorted(sources))}",
                "use an id defined in data/sources/*.yml, or add the source there",
            )
        )
    return problems


def load_events(config: FactsConfig) -> list[Event]:
    """The site's events, or ProblemsFound naming every mistake in the data."""
    data = load(config)
    events, problems = read_events(data, config.languages)
    if problems:
        raise ProblemsFound(problems)
    return events


def check_events(config: FactsConfig) -> list[Problem]:
    """The problems of the events data, with those the facts loader finds (unknown ids, a missing
    language…): all of them at once, even when the data cannot be loaded."""
    try:
        data = load(config)
    except ProblemsFound as found:
        problems = list(found.problems)
    else:
        return read_events(data, config.languages)[1]
    # The loader stopped: read the events files and the source ids directly for the calendar's checks.
    files: list[tuple[Path, Any]] = []
    sources: set[str] = set()
    for path in sorted(config.data_dir.glob(f"{FAMILY}*.yml")):
        if family_of(path.stem) == FAMILY:
            try:
                files.append((path, load_yaml(path)))
            except ProblemsFound:
                continue  # the loader has reported the syntax error
    for path in sorted((config.data_dir / "sources").glob("*.yml")):
        try:
            raw = load_yaml(path)
        except ProblemsFound:
            continue
        if isinstance(raw, dict):
            sources |= {str(key) for key in raw}
    return problems + [p for p in _read(files, sources, config.languages)[1] if p not in problems]
