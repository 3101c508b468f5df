"""Load data/*.yml and data/sources/*.yml once per process, validated, with the line of every key."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import pickle
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.config import FactsConfig, family_of
from nmm_site.fast_yaml import StrictConstructorMixin
from nmm_site.files import atomic_write
from nmm_site.stamps import PassStamps, code_digest

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
SOURCE_KEYS = ("title", "publisher", "url", "accessed")
SOURCE_REQUIRED = ("title", "publisher", "accessed")


class LineDict(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}
        self.duplicates: list[tuple[Any, int]] = []


class LineList(list):
    """A YAML sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []


class _LineLoader(StrictConstructorMixin, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (or SafeLoader) whose mappings and sequences carry line numbers.

    Aliases (`*name`) are refused (fast_yaml.StrictConstructorMixin: no alias bombs); duplicate keys are
    recorded here and reported by the checks below."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.duplicates.append((key, line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList()
    sequence.line = node.start_mark.line + 1
    for item in node.value:
        sequence.append(loader.construct_object(item, deep=True))
        sequence.item_lines.append(item.start_mark.line + 1)
    return sequence


class SourceFloat(float):
    """A float that remembers how many decimals the data file wrote (13795.50 renders with two)."""

    decimals: int = 0


def _construct_float(loader: _LineLoader, node: yaml.ScalarNode) -> float:
    value = loader.construct_yaml_float(node)
    text = str(node.value).replace("_", "")
    if re.fullmatch(r"[-+]?\d+\.\d+", text):
        number = SourceFloat(value)
        number.decimals = len(text.split(".")[1])
        return number
    return value


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # An impossible date (2025-13-01) stays a string, so validation can name it instead of crashing.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file safely; a syntax error becomes a ProblemsFound naming the line."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise ProblemsFound(
            [Problem(path, line, f"YAML syntax error: {error.problem}", "fix the YAML at that line")]
        ) from None


@dataclass
class FactData:
    """Every dataset and source, as loaded; look entities up with `entity()`."""

    datasets: dict[str, LineDict] = field(default_factory=dict)  # stem → {id → entity}
    files: dict[str, Path] = field(default_factory=dict)  # stem → data file
    sources: dict[str, LineDict] = field(default_factory=dict)  # source id → {title, …}
    source_files: dict[str, Path] = field(default_factory=dict)  # source id → file defining it
    source_lines: dict[str, int] = field(default_factory=dict)  # source id → its line in that file

    def stems(self, dataset: str) -> list[str]:
        """Data file stems of a dataset name: the stem itself, or every part of a family."""
        if dataset in self.datasets and family_of(dataset) != dataset:
            return [dataset]
        return sorted(stem for stem in self.datasets if family_of(stem) == dataset)

    def entity(self, dataset: str, entity_id: str) -> LineDict | None:
        for stem in self.stems(dataset):
            found = self.datasets[stem].get(entity_id)
            if found is not None:
                return found
        return None

    def entity_file(self, dataset: str, entity_id: str) -> Path | None:
        for stem in self.stems(dataset):
            if entity_id in self.datasets[stem]:
                return self.files[stem]
        return None

    def ids(self, dataset: str) -> list[str]:
        return [eid for stem in self.stems(dataset) for eid in self.datasets[stem]]

    def dataset_names(self) -> list[str]:
        """Names a fact path may start with: every stem and every family."""
        return sorted(set(self.datasets) | {family_of(stem) for stem in self.datasets})


# Node kinds -------------------------------------------------------------------------------------------


def is_fact(node: Any) -> bool:
    return isinstance(node, dict) and "value" in node


def is_text(node: Any, languages: tuple[str, ...]) -> bool:
    return isinstance(node, dict) and "value" not in node and any(lang in node for lang in languages)


def close(word: str, candidates: list[str]) -> str:
    """' (did you mean …?)' for the closest candidates, or ''."""
    matches = difflib.get_close_matches(word, candidates, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(m) for m in matches)}?)" if matches else ""


# Validation ------------------------------------------------------------------------------------------


@dataclass
class _Validator:
    config: FactsConfig
    data: FactData
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int | None, message: str, fix: str) -> None:
        self.problems.append(Problem(path, line, message, fix))

    def duplicates(self, path: Path, node: Any) -> None:
        if isinstance(node, LineDict):
            for key, line in node.duplicates:
                self.add(path, line, f"duplicate key '{key}'", "keep one of the two entries")

    # Sources
    def source_file(self, path: Path, raw: Any) -> None:
        if raw is None:
            return
        if not isinstance(raw, LineDict):
            self.add(
                path,
                1,
                "a sources file must be a mapping of id → {title, publisher, url, accessed}",
                "start each entry with `<id>:` at the beginning of a line",
            )
            return
        self.duplicates(path, raw)
        for sid, entry in raw.items():
            line = raw.key_lines[sid]
            if sid in self.data.sources:
                other = self.data.source_files[sid]
                other_line = self.data.source_lines[sid]
                self.add(
                    path,
                    line,
                    f"source id '{sid}' is already defined in {other.name}:{other_line}",
                    "source ids are unique across data/sources/*.yml: rename one of them",
                )
                continue
            if not isinstance(sid, str) or not ID_RE.match(sid):
                self.add(
                    path,
                    line,
                    f"source id '{sid}' is not a lower-case ASCII id",
                    "use letters a-z, digits and hyphens, e.g. census-2019",
                )
                continue
            if not isinstance(entry, LineDict):
                self.add(
                    path,
                    line,
                    f"source '{sid}' must be a mapping with title, publisher, url, accessed",
                    "indent `title:`, `publisher:`, `url:` and `accessed:` under the id",
                )
                continue
            self.duplicates(path, entry)
            for key in SOURCE_REQUIRED:
                if not entry.get(key):
                    self.add(
                        path, line, f"source '{sid}' is missing '{key}'", f"add `{key}: …` under '{sid}'"
                    )
            for key in entry:
                if key not in SOURCE_KEYS and key != "note":
                    self.add(
                        path,
                        entry.key_lines[key],
                        f"source '{sid}' has unknown key '{key}'",
                        f"allowed keys: {', '.join(SOURCE_KEYS)}, note",
                    )
            url = entry.get("url")
            if url is not None and not (isinstance(url, str) and re.match(r"^https?://", url)):
                self.add(
                    path,
                    entry.key_lines.get("url", line),
                    f"source '{sid}' has an invalid url {url!r}",
                    "write the full address starting with https:// (or remove `url:` for print sources)",
                )
            accessed = entry.get("accessed")
            if accessed and not isinstance(accessed, dt.date):
                self.add(
                    path,
                    entry.key_lines["accessed"],
                    f"source '{sid}' has accessed {accessed!r}, not a date",
                    "write the date as YYYY-MM-DD, e.g. accessed: 2026-11-26",
                )
            self.data.sources[sid] = entry
            self.data.source_files[sid] = path
            self.data.source_lines[sid] = line

    # Datasets
    def dataset(self, stem: str, path: Path, raw: Any) -> None:
        if raw is None:
            raw = LineDict()
        if not isinstance(raw, LineDict):
            self.add(
                path,
                1,
                "a data file must be a mapping of id → entity",
                "start each entity with `<id>:` at the beginning of a line",
            )
            return
        self.duplicates(path, raw)
        for eid, entity in raw.items():
            line = raw.key_lines[eid]
            if not isinstance(eid, str) or not ID_RE.match(eid):
                self.add(
                    path,
                    line,
                    f"entity id '{eid}' is not a lower-case ASCII id",
                    "use letters a-z, digits and hyphens, e.g. ha-giang",
                )
            if not isinstance(entity, LineDict):
                self.add(
                    path,
                    line,
                    f"entity '{eid}' must be a mapping of fields",
                    "indent the entity's fields (name, population, …) under its id",
                )
        self.data.datasets[stem] = raw
        self.data.files[stem] = path

    def family_duplicates(self) -> None:
        seen: dict[tuple[str, str], str] = {}
        for stem in sorted(self.data.datasets):
            for eid in self.data.datasets[stem]:
                key = (family_of(stem), eid)
                if key in seen and seen[key] != stem:
                    self.add(
                        self.data.files[stem],
                        self.data.datasets[stem].key_lines[eid],
                        f"entity '{eid}' is also defined in {seen[key]}.yml",
                        "an id is unique within a dataset and its parts: keep one entry",
                    )
                seen.setdefault(key, stem)

    def entities(self) -> None:
        for stem, raw in self.data.datasets.items():
            path = self.data.files[stem]
            for eid, entity in raw.items():
                if isinstance(entity, LineDict):
                    self.duplicates(path, entity)
                    for key, value in entity.items():
                        self.value(path, f"{stem}.{eid}.{key}", key, value, entity.key_lines[key])

    def value(self, path: Path, where: str, field_name: str, node: Any, line: int) -> None:
        self.duplicates(path, node)
        languages = self.config.languages
        if isinstance(node, LineList):
            for index, (item, item_line) in enumerate(zip(node, node.item_lines, strict=True)):
                self.value(path, f"{where}.{index}", field_name, item, item_line)
        elif is_fact(node):
            self.fact(path, where, node)
        elif is_text(node, languages):
            self.text(path, where, field_name, node)
        elif isinstance(node, LineDict):
            for key, value in node.items():
                self.value(path, f"{where}.{key}", str(key), value, node.key_lines[key])
        elif isinstance(node, str):
            self.string(path, where, field_name, node, line)

    def fact(self, path: Path, where: str, node: LineDict) -> None:
        line = node.line
        for key in node:
            if key not in self.config.fact_keys:
                self.add(
                    path,
                    node.key_lines[key],
                    f"fact '{where}' has unknown key '{key}'{close(str(key), sorted(self.config.fact_keys))}",
                    f"allowed keys: {', '.join(sorted(self.config.fact_keys))}",
                )
        source = node.get("source")
        if source is None:
            self.add(
                path,
                line,
                f"fact '{where}' has no source",
                "add `source: <id>` naming an entry of data/sources/*.yml",
            )
        elif source not in self.data.sources:
            self.add(
                path,
                node.key_lines["source"],
                f"fact '{where}' cites unknown source '{source}'"
                + close(str(source), sorted(self.data.sources)),
                "use an id defined in data/sources/*.yml, or add the source there",
            )
        value = node.get("value")
        if value is None:
            self.add(
                path,
                node.key_lines["value"],
                f"fact '{where}' has an empty value",
                "write the value after `value:`",
            )
        elif is_text(value, self.config.languages):
            self.text(path, f"{where}.value", "value", value)
        elif isinstance(value, str) and _DATE_LIKE.match(value):
            self.add(
                path,
                node.key_lines["value"],
                f"fact '{where}' has {value!r}, not a valid date",
                "write an existing date as YYYY-MM-DD, e.g. 2025-07-01",
            )
        year = node.get("year")
        if year is not None and not (
            isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 2100
        ):
            self.add(
                path,
                node.key_lines["year"],
                f"fact '{where}' has year {year!r}, not a four-digit year",
                "write the reference year as digits, e.g. year: 2019",
            )
        unit = node.get("unit")
        if unit is not None and unit not in self.config.units:
            self.add(
                path,
                node.key_lines["unit"],
                f"fact '{where}' has unknown unit '{unit}'",
                f"use one of: {', '.join(sorted(self.config.units))}",
            )
        if unit is not None and not (isinstance(value, int | float) and not isinstance(value, bool)):
            self.add(
                path,
                node.key_lines["unit"],
                f"fact '{where}' has a unit but its value is not a number",
                "write the number without its unit, e.g. value: 7927.55 and unit: km2",
            )
        for flag in ("approx", "uncertain"):
            if flag in node and not isinstance(node[flag], bool):
                self.add(
                    path,
                    node.key_lines[flag],
                    f"fact '{where}' has {flag}: {node[flag]!r}, not true/false",
                    f"write `{flag}: true` or remove it",
                )
        note = node.get("note")
        if note is not None and not (isinstance(note, str) or is_text(note, self.config.languages)):
            self.add(
                path,
                node.key_lines["note"],
                f"fact '{where}' has a note that is neither text nor a localised text",
                "write the note as a string or as {vi: …, en: …, fr: …}",
            )
        elif is_text(note, self.config.languages):
            self.text(path, f"{where}.note", "note", note)

    def text(self, path: Path, where: str, field_name: str, node: LineDict) -> None:
        extra_allowed = {"slug"} if field_name == "former_names" else set()
        for lang in self.config.languages:
            if lang not in node:
                self.add(
                    path,
                    node.line,
                    f"localised text '{where}' is missing '{lang}'",
                    f"add `{lang}: …` with the text in that language",
                )
            elif not isinstance(node[lang], str) or not node[lang].strip():
                self.add(
                    path,
                    node.key_lines[lang],
                    f"localised text '{where}' has an empty '{lang}'",
                    f"write the {lang} text after `{lang}:`",
                )
        for key in node:
            if key not in self.config.languages and key not in extra_allowed:
                self.add(
                    path,
                    node.key_lines[key],
                    f"localised text '{where}' has unknown key '{key}'",
                    f"a localised text has exactly the keys {', '.join(self.config.languages)}",
                )

    def string(self, path: Path, where: str, field_name: str, text: str, line: int) -> None:
        if _DATE_LIKE.match(text):
            self.add(
                path,
                line,
                f"'{where}' has {text!r}, not a valid date",
                "write an existing date as YYYY-MM-DD, e.g. 2025-07-01",
            )
            return
        target = self.config.reference_target(field_name)
        if target is None or field_name in self.config.literal_fields:
            return
        if not self.data.stems(target):
            return  # the target dataset does not exist yet (another engineer's file): nothing to check
        if self.data.entity(target, text) is None:
            self.add(
                path,
                line,
                f"'{where}' refers to unknown {target} id '{text}'{close(text, self.data.ids(target))}",
                f"use an id defined in data/{target}.yml",
            )

    def schemas(self) -> None:
        schemas_dir = self.config.schemas_dir
        if schemas_dir is None:
            return
        import jsonschema  # only when schemas are checked: keeps the hook's import light

        for stem, raw in self.data.datasets.items():
            schema_path = schemas_dir / f"data-{family_of(stem)}.schema.json"
            if not schema_path.is_file():
                continue
            schema = json.loads(schema_path.read_text(encoding="utf-8"))
            schema = with_languages(schema, self.config.languages)
            validator = jsonschema.Draft202012Validator(schema, format_checker=None)
            for error in sorted(
                validator.iter_errors(_plain(raw)), key=lambda e: list(map(str, e.absolute_path))
            ):
                where = ".".join(str(part) for part in error.absolute_path)
                self.add(
                    self.data.files[stem],
                    _line_of(raw, list(error.absolute_path)),
                    f"'{stem}.{where}': {error.message}" if where else error.message,
                    _schema_fix(error, schema_path),
                )


def _schema_fix(error: Any, schema_path: Path) -> str:
    """What to write instead, for the mistakes an editor makes most; else where the rules are."""
    if error.validator == "type" and error.validator_value in ("integer", "number"):
        whole = error.validator_value == "integer"
        return (
            "write the number in digits only, as in 854679 (no spaces, dots, commas or letters)"
            if whole
            else "write the number in digits, with a point before any decimals, as in 13795.5"
        )
    if error.validator == "minimum":
        return "check the number against its source: it cannot be negative"
    if error.validator == "exclusiveMinimum":
        return "check the number against its source: it must be more than zero"
    return f"see {schema_path.name} for the fields this file needs"


def with_languages(schema: dict[str, Any], languages: tuple[str, ...]) -> dict[str, Any]:
    """The schema with its localised text (`$defs.text`) keyed by the languages of mkdocs.yml, which
    define the language list once: the schema file's `vi`/`en`/`fr` stand for "every language"."""
    text = schema.get("$defs", {}).get("text")
    if not isinstance(text, dict) or "required" not in text:
        return schema
    old = set(text["required"])
    kept = {key: value for key, value in text.get("properties", {}).items() if key not in old}
    text["properties"] = {**{lang: {"type": "string", "minLength": 1} for lang in languages}, **kept}
    text["required"] = list(languages)
    return schema


def _plain(node: Any) -> Any:
    """JSON-like copy for jsonschema: dates become ISO strings."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def _line_of(node: Any, parts: list[Any]) -> int | None:
    """The line of the deepest node on a path that has one."""
    line = getattr(node, "line", None)
    for part in parts:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


# Loading with a per-process cache --------------------------------------------------------------------

_CACHE: dict[tuple, FactData] = {}


def _files(config: FactsConfig) -> tuple[list[Path], list[Path]]:
    data_files = sorted(config.data_dir.glob("*.yml"))
    source_files = sorted((config.data_dir / "sources").glob("*.yml"))
    return data_files, source_files


def _pass_key(config: FactsConfig, files: list[Path]) -> str | None:
    """The key of a pass of every check on these exact files: the files, the schemas, the languages,
    this code and the versions of Python and PyYAML (None without schemas: nothing is kept)."""
    if config.schemas_dir is None:
        return None
    # Sets are written sorted: their repr changes order from one process to the next.
    settings = [
        repr(sorted(value) if isinstance(value, (set, frozenset)) else value)
        for value in (getattr(config, f.name) for f in fields(config))
    ]
    parts = [*settings, code_digest(Path(__file__).parent), sys.version, yaml.__version__]
    for path in [*files, *sorted(config.schemas_dir.glob("data-*.schema.json"))]:
        parts.append(f"{path}\0{hashlib.sha256(path.read_bytes()).hexdigest()}")
    return PassStamps.key(parts)


# The data of files that passed every check, kept in the project's .cache/facts/ under the key of their
# pass (`_pass_key`): the file is the record of the pass. Reading it back takes 0.01 s where parsing and
# checking take 0.15 s of every build, jsonschema's import included. Pickle, not
# JSON: the data are dict and list subclasses that carry the line of every key. Only this project's own
# cache is read, under a key naming the exact files, schemas, settings and code (in CI the cache is
# written by main only; a pull request's run restores it and cannot save one).
STORED_KEEP = 4  # a few: switching branches back and forth stays warm


def _stored(config: FactsConfig, key: str) -> Path:
    return config.data_dir.parent / ".cache" / "facts" / f"{key}.pickle"


def _read_stored(path: Path) -> FactData | None:
    try:
        data = pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None  # missing, or written by other code: load the files
    return data if isinstance(data, FactData) else None


def _store(path: Path, data: FactData) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in kept[:-STORED_KEEP]:
        old.unlink(missing_ok=True)


def load(config: FactsConfig) -> FactData:
    """Every dataset and source under config.data_dir, validated; cached until a file changes."""
    data_files, source_files = _files(config)
    key = (config, tuple((str(p), p.stat().st_mtime_ns) for p in [*data_files, *source_files]))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    passed = _pass_key(config, [*source_files, *data_files])
    data = _read_stored(_stored(config, passed)) if passed is not None else None
    if data is None:
        data = _load_and_check(config, data_files, source_files)
        if passed is not None:
            _store(_stored(config, passed), data)
    _CACHE.clear()  # one live version per process: the previous one is stale
    _CACHE[key] = data
    return data


def _load_and_check(config: FactsConfig, data_files: list[Path], source_files: list[Path]) -> FactData:
    data = FactData()
    validator = _Validator(config, data)
    parsed: list[tuple[Path, Any]] = []
    for path in [*source_files, *data_files]:
        try:
            parsed.append((path, load_yaml(path)))
        except ProblemsFound as found:
            validator.problems.extend(found.problems)
    for path, raw in parsed:
        if path in source_files:
            validator.source_file(path, raw)
        else:
            validator.dataset(path.stem, path, raw)
    validator.family_duplicates()
    validator.entities()
    validator.schemas()
    if validator.problems:
        raise ProblemsFound(validator.problems)
    return data
