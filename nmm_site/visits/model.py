"""The shape of the visits data: blocks, their fields, and which entities may own them."""

from __future__ import annotations

from pathlib import Path

from nmm_site.facts import config as facts_config
from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import FactData, LineDict, load

FAMILY = "visits"
# The four visitor blocks, in page order, with the anchor each renders to.
BLOCKS: tuple[str, ...] = ("dont_miss", "seasons", "getting_there", "respect")
ANCHORS: dict[str, str] = {
    "dont_miss": "dont-miss",
    "seasons": "when-to-go",
    "getting_there": "getting-there",
    "respect": "respect",
}
SECTION_ID = "plan-your-visit"
# Keys an entity may carry besides the blocks: `history` holds dated facts the pages cite with
# {{ fact("visits.<id>.history.<field>") }}; it is not rendered as a block.
OTHER_ENTITY_KEYS: frozenset[str] = frozenset({"history"})
# Every item key of each block; `required` ones must be present.
ITEM_KEYS: dict[str, frozenset[str]] = {
    "dont_miss": frozenset({"id", "name", "why", "source", "page", "featured", "image"}),
    "seasons": frozenset({"months", "what", "source"}),
    "getting_there": frozenset({"mode", "distance_km", "hours", "how", "source"}),
    "respect": frozenset({"text", "source"}),
}
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "dont_miss": ("id", "name", "why", "source"),
    "seasons": ("months", "what", "source"),
    "getting_there": ("mode", "how"),
    "respect": ("text",),
}
TEXT_KEYS: dict[str, tuple[str, ...]] = {
    "dont_miss": ("name", "why"),
    "seasons": ("what",),
    "getting_there": ("how",),
    "respect": ("text",),
}
# Ways to travel from Hà Nội, in the order the page lists them.
MODES: tuple[str, ...] = ("road", "rail", "air")
FACT_UNITS: dict[str, str] = {"distance_km": "km", "hours": "h"}
# Page type (front matter `type`) → the dataset family whose ids may own visitor essentials.
OWNER_TYPES: dict[str, str] = {"province": "provinces", "heritage": "heritage"}
# Owners of this type must have all four blocks (heritage pages carry the blocks that apply).
COMPLETE_TYPES: frozenset[str] = frozenset({"province"})


def facts_settings(root: Path) -> FactsConfig:
    """The facts configuration of the project at `root` (languages from the site's mkdocs.yml)."""
    return facts_config.for_project(root)


def load_data(root: Path) -> FactData:
    """Every dataset of the project at `root`, loaded (and cached) by the facts loader."""
    return load(facts_settings(root))


def entities(data: FactData) -> dict[str, LineDict]:
    """Visits entity id → its blocks, across every part of the family."""
    found: dict[str, LineDict] = {}
    for eid in data.ids(FAMILY):
        entity = data.entity(FAMILY, eid)
        if isinstance(entity, LineDict):
            found[eid] = entity
    return found


def owner_type(data: FactData, eid: str) -> str | None:
    """The page type whose entity `eid` is (province or heritage), or None."""
    for page_type, dataset in OWNER_TYPES.items():
        if data.entity(dataset, eid) is not None:
            return page_type
    return None


def page_path(page_type: str, eid: str) -> str:
    """The page of an owner inside a language tree, without `.md`: provinces/ha-giang."""
    folder = {"province": "provinces", "heritage": "heritage"}[page_type]
    return f"{folder}/{eid}"
