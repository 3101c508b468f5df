"""Flag numbers typed into a page that contradict or copy a fact (use the shortcode instead).

The rule, exactly (also in the editors' guide):

1. Only prose counts: front matter, code (fenced and inline), `{{ … }}` shortcodes, URLs, link and
   image targets, reference definitions, HTML tags and `{: … }` attribute lists are ignored.
2. Numbers are read in the page's language: vi `1.234.567` / `7.927,55`; en `1,234,567` / `7,927.55`;
   fr `1 234 567` (space, no-break or narrow no-break space) / `7 927,55`. Numbers glued to letters
   (`QH15`) or to dots/commas in a non-number way (`12.6.2025`) are ignored.
3. Numbers below 100 are never flagged (counts like "14 provinces" are too common to mean anything).
4. Years are never flagged: an integer from 1000 to 2100 written without separators (`2019`).
5. The facts compared are the numeric facts (`value` is a number) of the entity the page is about
   (front matter `type` + `id`) and of every entity used by a `{{ fact(…) }}` on the page.
6. A number equal to a fact value is a typed copy: use the shortcode, so the three languages stay in
   sync when the data changes.
7. A number within ±30 % of a fact value but not equal contradicts the data (facts marked
   `approx: true` are exempt from this rule: a rounded figure is not a contradiction of an estimate).
   The closest such fact is named.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import get_decimal_symbol, get_group_symbol

from nmm_site.errors import Problem
from nmm_site.facts import config as facts_config
from nmm_site.facts.config import PAGE_TYPE_DATASETS
from nmm_site.facts.loader import FactData, is_fact, load
from nmm_site.facts.markdown import FRONT_MATTER_RE, code_spans, line_of, mask, split_front_matter
from nmm_site.facts.render import Renderer, babel_locale, is_year_field
from nmm_site.facts.shortcodes import SHORTCODE_RE

NEAR = 0.30  # relative distance under which a different number is taken for a wrong copy
MIN_VALUE = 100
YEARS = (1000, 2100)

_SPACES = " \u00a0\u202f"


@functools.cache
def _number_re(lang: str) -> tuple[str, str, str]:
    """(pattern, group characters, decimal sign) of numbers written in `lang`, from its Babel locale:
    "854.679" (vi), "854,679" (en), "854 679" (fr: any space groups)."""
    locale = babel_locale(lang)
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    groups = _SPACES if group.isspace() else group
    g, d = f"[{re.escape(groups)}]", re.escape(decimal)
    return rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?", groups, decimal


_IGNORED_RES = (
    re.compile(r"\{\{.*?\}\}"),  # shortcodes (well-formed or not)
    re.compile(r"https?://\S+|www\.\S+"),  # bare URLs
    re.compile(r"\]\([^)]*\)"),  # link and image targets
    re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE),  # reference definitions
    re.compile(r"<[^>\n]+>"),  # HTML tags and autolinks
    re.compile(r"\{:?[^}\n]*[#.][^}\n]*\}"),  # attribute lists {: #id .class }
    re.compile(r"&#?\w+;"),  # HTML entities
)


@dataclass(frozen=True)
class TypedNumber:
    text: str  # as typed
    value: float
    start: int  # offset in the page source


def parse_numbers(text: str, lang: str) -> list[TypedNumber]:
    """Every number of `text` written in `lang`'s format (see the module docstring, rule 2)."""
    pattern, group, decimal = _number_re(lang)
    regex = re.compile(rf"(?<![\w.,\-/])(?:{pattern})(?![\w])(?![.,]\d)")
    numbers = []
    for match in regex.finditer(text):
        typed = match.group(0)
        digits = "".join(ch for ch in typed if ch not in group).replace(decimal, ".")
        numbers.append(TypedNumber(typed, float(digits), match.start()))
    return numbers


def is_year(number: TypedNumber) -> bool:
    return number.text.isdigit() and YEARS[0] <= number.value <= YEARS[1]


def numeric_facts(data: FactData, dataset: str, entity_id: str) -> list[tuple[str, float, bool]]:
    """(path, value, approx) of every numeric fact of an entity, in data order."""
    found: list[tuple[str, float, bool]] = []

    def walk(prefix: str, field_name: str, node: object) -> None:
        if is_fact(node):
            value = node["value"]  # type: ignore[index]
            unit = node.get("unit")  # type: ignore[union-attr]
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            if numeric and unit != "year" and not is_year_field(field_name):
                found.append((prefix, float(value), bool(node.get("approx"))))  # type: ignore[union-attr]
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}", str(key), value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(f"{prefix}.{index}", field_name, value)

    walk(f"{dataset}.{entity_id}", "", data.entity(dataset, entity_id))
    return found


def _page_entities(data: FactData, meta: dict, body: str) -> list[tuple[str, str]]:
    entities: list[tuple[str, str]] = []
    dataset = PAGE_TYPE_DATASETS.get(str(meta.get("type", "")))
    if dataset and meta.get("id") and data.entity(dataset, str(meta["id"])) is not None:
        entities.append((dataset, str(meta["id"])))
    for match in SHORTCODE_RE.finditer(body):
        parts = match.group("path").strip().split(".")
        if (
            len(parts) >= 2
            and data.entity(parts[0], parts[1]) is not None
            and (parts[0], parts[1]) not in entities
        ):
            entities.append((parts[0], parts[1]))
    return entities


def check_numbers(path: Path, text: str, lang: str, data_dir: Path | None = None) -> list[Problem]:
    """Problems for numbers typed in the prose of a page's full source that copy or contradict facts."""
    config = facts_config.default(data_dir)
    data = load(config)
    renderer = Renderer(data, config)
    meta, _ = split_front_matter(text)
    front = FRONT_MATTER_RE.match(text)
    skip = [(0, front.end())] if front else []
    skip += code_spans(text)
    for regex in _IGNORED_RES:
        skip += [(m.start(), m.end()) for m in regex.finditer(text)]
    prose = mask(text, skip)
    facts = [fact for entity in _page_entities(data, meta, text) for fact in numeric_facts(data, *entity)]
    problems: list[Problem] = []
    for number in parse_numbers(prose, lang):
        if number.value < MIN_VALUE or is_year(number):
            continue
        line = line_of(text, number.start)
        equal = next((f for f in facts if abs(f[1] - number.value) < 1e-9), None)
        if equal is not None:
            fact_path = equal[0]
            shown = renderer.render(fact_path, lang).text
            problems.append(
                Problem(
                    path,
                    line,
                    f"the number {number.text} is a typed copy of {fact_path} ({shown})",
                    f'write {{{{ fact("{fact_path}") }}}} instead, '
                    "so the three languages stay in sync with the data",
                )
            )
            continue
        near = [
            f for f in facts if not f[2] and f[1] >= MIN_VALUE and abs(number.value - f[1]) <= NEAR * f[1]
        ]
        if near:
            fact_path, value, _ = min(near, key=lambda f: abs(number.value - f[1]) / f[1])
            shown = renderer.render(fact_path, lang).text
            problems.append(
                Problem(
                    path,
                    line,
                    f"the number {number.text} contradicts the data: {fact_path} is {shown}",
                    f'write {{{{ fact("{fact_path}") }}}}; '
                    "if the data is wrong, correct it (with its source) in data/",
                )
            )
    return problems
