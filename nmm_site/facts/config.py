"""Declarative settings of the facts feature: where the data lives and how fields are typed."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from nmm_site import site_config


@dataclass(frozen=True)
class FactsConfig:
    # Input
    data_dir: Path  # data/*.yml (datasets) and data/sources/*.yml (the source registry)
    languages: tuple[str, ...]  # the keys every localised text must have, from mkdocs.yml
    schemas_dir: Path | None = None  # schemas/data-<stem>.schema.json; None skips schema checks (tests)

    # Model
    # Fact keys beyond `value` and `source`; anything else is a typo the editor must hear about.
    fact_keys: frozenset[str] = frozenset({"value", "source", "year", "unit", "approx", "uncertain", "note"})
    # Units a fact may carry; rendering knows each one.
    units: frozenset[str] = frozenset({"km2", "m", "ha", "percent", "km", "people", "h"})
    # Fields whose plain strings are references, and the dataset family each must exist in.
    reference_fields: tuple[tuple[str, str], ...] = (
        ("part_of", "provinces-2025"),
        ("formed_from", "provinces"),
        ("provinces", "provinces"),
        ("provinces_now", "provinces-2025"),
        ("province", "provinces"),
        ("main_provinces", "provinces"),
        ("province_2024", "provinces"),
        ("province_now", "provinces-2025"),
        ("peoples", "peoples"),
        ("heritage", "heritage"),
    )
    # Fields whose plain strings are literal text (codes, slugs), never references.
    literal_fields: frozenset[str] = frozenset({"slug", "redirect_from", "code", "id"})

    def reference_target(self, field_name: str) -> str | None:
        return dict(self.reference_fields).get(field_name)


# A dataset split into parts (heritage.yml + heritage-2.yml) is one family: "heritage".
_PART_RE = re.compile(r"^(?P<family>.+?)-\d{1,2}$")

# Page type (front matter `type`) → dataset family holding the page's entity.
PAGE_TYPE_DATASETS: dict[str, str] = {
    "province": "provinces",
    "heritage": "heritage",
    "people": "peoples",
    "region": "region",
}


@functools.lru_cache(maxsize=4096)  # called per fact lookup: a few hundred stems, millions of calls
def family_of(stem: str) -> str:
    """The dataset family of a data file stem: "heritage-2" → "heritage"; "provinces-2025" stays."""
    match = _PART_RE.match(stem)
    return match.group("family") if match else stem


def for_project(root: Path) -> FactsConfig:
    """The configuration of the MkDocs project at `root` (its data/ and schemas/), for the hooks."""
    return FactsConfig(
        data_dir=root / "data", languages=site_config.load().codes, schemas_dir=root / "schemas"
    )


def _schemas_beside(data_dir: Path) -> Path | None:
    schemas = data_dir.parent / "schemas"
    return schemas if schemas.is_dir() else None


def default(data_dir: Path | None = None, languages: tuple[str, ...] | None = None) -> FactsConfig:
    """The site's configuration (languages from mkdocs.yml), optionally pointing at another data dir
    (and the languages of the project that data belongs to)."""
    config = site_config.load()
    return FactsConfig(
        data_dir=data_dir or config.data_dir,
        languages=languages or config.codes,
        # Another data dir is checked against the schemas of its own project, when it has them, so that
        # every caller of one project shares one configuration (and one cached load of the data).
        schemas_dir=config.root / "schemas" if data_dir is None else _schemas_beside(data_dir),
    )
