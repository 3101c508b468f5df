"""Render a fact path ("provinces.ha-giang.population") as text in one language, with Babel."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from nmm_site import site_config
from nmm_site.facts import config as facts_config
from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import FactData, LineDict, SourceFloat, close, is_fact, is_text, load
from nmm_site.i18n.messages import ui_text

NBSP = "\u00a0"
# No-break space after "≈" so the sign never ends a line alone.
APPROX = f"≈{NBSP}"
UNIT_SUFFIX = {"km2": f"{NBSP}km²", "km": f"{NBSP}km", "m": f"{NBSP}m", "ha": f"{NBSP}ha"}
FACT_PARTS = ("value", "year", "unit", "source", "note", "approx", "uncertain")


class FactPathError(LookupError):
    """A fact path that does not lead to a renderable value."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Rendered:
    text: str  # the value in the requested language (plain text, no HTML)
    sources: tuple[str, ...]  # source ids of the facts used, in order
    uncertain: bool = False  # a fact marked `uncertain: true` (shown with a marker by templates)
    entity: tuple[str, str] = ("", "")  # (dataset, id) the path starts from
    numbers: tuple[tuple[str, float], ...] = field(default=())  # numeric facts used: (path, value)


def babel_locale(lang: str) -> str:
    """The Babel locale of a site language (mkdocs.yml: a language's `extra.babel_locale`, else its code)."""
    return site_config.load().language(lang).locale


def format_number(value: int | float, lang: str, unit: str | None = None, approx: bool = False) -> str:
    """854679 → '854.679' (vi) / '854,679' (en) / '854 679' (fr, narrow no-break space)."""
    locale = babel_locale(lang)
    if unit == "percent":
        text = format_percent(Decimal(str(value)) / 100, locale=locale, decimal_quantization=False)
    elif unit == "year":
        text = str(value)
    elif isinstance(value, SourceFloat):
        # Keep the decimals the data file wrote: 13795.50 → "13,795.50", not "13,795.5".
        text = format_decimal(value, format="#,##0." + "0" * value.decimals, locale=locale)
        text += UNIT_SUFFIX.get(unit or "", "")
    else:
        text = format_decimal(value, locale=locale, decimal_quantization=False)
        text += UNIT_SUFFIX.get(unit or "", "")
    return f"{APPROX}{text}" if approx else text


def format_day(value: dt.date, lang: str) -> str:
    """2025-07-12 → '12 tháng 7 năm 2025' / '12 July 2025' / '12 juillet 2025' ('1er juillet')."""
    if isinstance(value, dt.datetime):
        value = value.date()
    pattern = site_config.load().language(lang).date_pattern
    text = format_date(value, format=pattern, locale=babel_locale(lang))
    # French writes the first day of a month as an ordinal: « 1er juillet 2025 ».
    if lang == "fr" and value.day == 1:
        text = "1er" + text[1:]
    return text


def is_year_field(name: str) -> bool:
    """Year-like fields (`year`, `year_inscribed`, …) render as plain digits, never "2.019"."""
    return name == "year" or name.endswith("_year") or name.startswith("year_")


class Renderer:
    """Walks paths through the loaded data and formats what it finds."""

    def __init__(self, data: FactData, config: FactsConfig):
        self.data = data
        self.config = config

    # Lookup
    def resolve(self, path: str, suggest: bool = True) -> tuple[Any, str, tuple[str, str], list[str]]:
        """(node, field name, (dataset, id), walked parts) for a path, or FactPathError.

        `suggest=False` skips the close-match suggestions, for callers that only test a path exists.
        """
        parts = path.strip().split(".")
        if len(parts) < 2 or not all(parts):
            raise FactPathError(
                f"fact path '{path}' is incomplete",
                "write <dataset>.<id>.<field>, e.g. provinces.ha-giang.population"
                + (self._suggest(path) if suggest else ""),
            )
        dataset, entity_id = parts[0], parts[1]
        if not self.data.stems(dataset):
            raise FactPathError(
                f"unknown dataset '{dataset}' in fact path '{path}'"
                + close(dataset, self.data.dataset_names()),
                f"datasets are the data/*.yml file names: {', '.join(self.data.dataset_names())}",
            )
        node: Any = self.data.entity(dataset, entity_id)
        if node is None:
            raise FactPathError(
                f"unknown id '{entity_id}' in fact path '{path}'{close(entity_id, self.data.ids(dataset))}",
                f"use an id defined in data/{dataset}.yml" + (self._suggest(path) if suggest else ""),
            )
        field_name = ""
        for index, part in enumerate(parts[2:], start=2):
            walked = ".".join(parts[:index])
            if is_fact(node) and part in FACT_PARTS:
                node = node.get(part)
                if node is None:
                    raise FactPathError(
                        f"fact '{walked}' has no '{part}'", "remove the last part of the path"
                    )
                if part == "year":
                    node = _YearText(str(node))
                elif part == "source":
                    node = _SourceRef(str(node))
                field_name = part
            elif isinstance(node, dict) and part in node:
                node, field_name = node[part], part
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                raise FactPathError(
                    f"unknown fact path '{path}': '{walked}' has no '{part}'",
                    "check the spelling" + (self._suggest(path) if suggest else ""),
                )
        return node, field_name, (dataset, entity_id), parts

    def _suggest(self, path: str) -> str:
        import difflib

        matches = difflib.get_close_matches(path, self.all_paths(), n=3, cutoff=0.6)
        return f"; did you mean {', '.join(matches)}?" if matches else ""

    def all_paths(self) -> list[str]:
        paths: list[str] = []

        def walk(prefix: str, node: Any) -> None:
            if is_fact(node):
                paths.append(prefix)
                if "year" in node:
                    paths.append(f"{prefix}.year")
            elif is_text(node, self.config.languages) or not isinstance(node, dict | list):
                paths.append(prefix)
            elif isinstance(node, dict):
                for key, value in node.items():
                    walk(f"{prefix}.{key}", value)
            else:
                for index, value in enumerate(node):
                    walk(f"{prefix}.{index}", value)

        for name in self.data.dataset_names():
            for eid in self.data.ids(name):
                walk(f"{name}.{eid}", self.data.entity(name, eid))
        return paths

    # Formatting
    def render(self, path: str, lang: str) -> Rendered:
        node, field_name, entity, parts = self.resolve(path)
        collector = _Collector()
        if len(parts) == 2:
            text = self.name(node, lang, collector)
        else:
            text = self.format(node, field_name, lang, collector, path)
        return Rendered(text, tuple(collector.sources), collector.uncertain, entity, tuple(collector.numbers))

    def name(self, entity: Any, lang: str, collector: _Collector | None = None) -> str:
        """The entity's name in a language (its `name` field), or its id when it has none."""
        name = entity.get("name") if isinstance(entity, dict) else None
        if name is None:
            raise FactPathError("the entity has no name", "add `name: {vi: …, en: …, fr: …}` to it")
        return self.format(name, "name", lang, collector or _Collector(), "name")

    def format(self, node: Any, field_name: str, lang: str, collector: _Collector, path: str) -> str:
        if isinstance(node, _YearText):
            return str(node)
        if isinstance(node, _SourceRef):
            source = self.data.sources.get(str(node))
            return str(source["title"]) if source else str(node)
        if is_fact(node):
            source = node.get("source")
            if source and source not in collector.sources:
                collector.sources.append(str(source))
            collector.uncertain = collector.uncertain or bool(node.get("uncertain"))
            value = node["value"]
            if isinstance(value, int | float) and not isinstance(value, bool):
                collector.numbers.append((path, float(value)))
                unit = node.get("unit") or ("year" if is_year_field(field_name) else None)
                return format_number(value, lang, unit, bool(node.get("approx")))
            text = self.format(value, field_name, lang, collector, path)
            return f"{APPROX}{text}" if node.get("approx") else text
        if is_text(node, self.config.languages):
            return str(node[lang])
        if isinstance(node, list):
            items = [
                self.format(item, field_name, lang, collector, f"{path}.{i}") for i, item in enumerate(node)
            ]
            return format_list(items, locale=babel_locale(lang)) if items else ""
        if isinstance(node, dt.date):
            return format_day(node, lang)
        if isinstance(node, bool):
            raise FactPathError(
                f"fact path '{path}' points to true/false", "point the path at a text or number"
            )
        if isinstance(node, int | float):
            unit = "year" if is_year_field(field_name) else None
            return format_number(node, lang, unit)
        if isinstance(node, str):
            target = self.config.reference_target(field_name)
            referenced = self.data.entity(target, node) if target else None
            if referenced is not None and field_name not in self.config.literal_fields:
                return self.name(referenced, lang, collector)
            return node  # a literal (a code, a name spelt the same in every language)
        if isinstance(node, LineDict) and "name" in node:
            return self.name(node, lang, collector)
        if isinstance(node, dict):
            raise FactPathError(
                f"fact path '{path}' points to a group of fields, not one value",
                f"add one of: {', '.join(f'{path}.{key}' for key in node)}",
            )
        raise FactPathError(f"fact path '{path}' points to an empty value", "fill the value in the data file")


class _YearText(str):
    """The `year` of a fact: always plain digits."""


class _SourceRef(str):
    """The `source` of a fact: rendered as the source's title."""


@dataclass
class _Collector:
    sources: list[str] = field(default_factory=list)
    uncertain: bool = False
    numbers: list[tuple[str, float]] = field(default_factory=list)


def renderer(data_dir: Path | None = None) -> Renderer:
    """A Renderer over the (cached) data of data_dir, or of the site's data/."""
    config = facts_config.default(data_dir)
    return Renderer(load(config), config)


def render_fact(path: str, lang: str, data_dir: Path | None = None) -> str:
    """The fact at `path` as text in `lang`; raises FactPathError for an unknown path."""
    return renderer(data_dir).render(path, lang).text


def fact_html(path: str, text: str, uncertain: bool, lang: str) -> str:
    """A rendered fact as HTML (`text` already escaped): an uncertain one carries a visible "?" and the
    word "uncertain" for screen readers, in the page's language."""
    css = "nmm-fact nmm-fact--uncertain" if uncertain else "nmm-fact"
    marker = ""
    if uncertain:
        word = ui_text(lang, "uncertain")
        marker = (
            f'<sup class="nmm-uncertain" title="{word}"><span aria-hidden="true">?</span>'
            f'<span class="nmm-visually-hidden">{word}</span></sup>'
        )
    return f'<span class="{css}" data-fact="{html.escape(path)}">{text}{marker}</span>'
