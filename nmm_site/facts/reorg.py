"""The 2025 reorganisation as data: which current province holds a former province, in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from nmm_site.facts.render import FactPathError, Renderer, format_day, renderer
from nmm_site.i18n.messages import ui_text

FORMER = "provinces"  # the 14 provinces as defined in 2024 (pages)
CURRENT = "provinces-2025"  # the 10 provinces since the 2025 reorganisation
# The date the new provincial governments started operating (FACTS §0 #1); the resolution itself was
# in force from 12 June 2025 (region.resolution-202.in_force).
SINCE_PATH = "region.resolution-202.governments_operating"


@dataclass(frozen=True)
class Reorg:
    former_id: str
    current_id: str
    unchanged: bool  # the province kept its territory (formed_from is only itself)
    since: dt.date
    source: str  # source id of the `since` date


def _sentence(lang: str, unchanged: bool, with_date: bool) -> str:
    """The reorganisation sentence template in `lang`, from the gettext catalogs."""
    if unchanged:
        if with_date:
            return ui_text(lang, "unchanged by the reorganisation of {date}")
        return ui_text(lang, "unchanged by the {year} reorganisation")
    if with_date:
        return ui_text(lang, "part of {name} province since {date}")
    return ui_text(lang, "part of {name} province since {year}")


class Reorganisation:
    """Questions about the 2025 reorganisation, answered from data/provinces*.yml and data/region.yml."""

    def __init__(self, render: Renderer):
        self.renderer = render
        self.data = render.data

    def of(self, former_id: str) -> Reorg:
        former = self.data.entity(FORMER, former_id)
        if former is None:
            raise FactPathError(f"unknown former province '{former_id}'", "use an id of data/provinces.yml")
        current_id = former.get("part_of")
        current = self.data.entity(CURRENT, str(current_id)) if current_id else None
        if current is None:
            raise FactPathError(
                f"former province '{former_id}' has no valid part_of",
                "add `part_of: <id of data/provinces-2025.yml>` to it in data/provinces.yml",
            )
        since_node, *_ = self.renderer.resolve(SINCE_PATH)
        formed_from = list(current.get("formed_from") or [])
        return Reorg(
            former_id=former_id,
            current_id=str(current_id),
            unchanged=formed_from == [former_id],
            since=since_node["value"],
            source=str(since_node["source"]),
        )

    def current_id(self, former_id: str) -> str:
        return self.of(former_id).current_id

    def current_name(self, former_id: str, lang: str) -> str:
        return self.renderer.render(f"{CURRENT}.{self.current_id(former_id)}", lang).text

    def contained_in(self, page_type: str, entity_id: str, lang: str) -> list[str]:
        """Names of the current provinces a province or heritage page's subject lies in (for JSON-LD)."""
        if page_type == "province":
            return [self.current_name(entity_id, lang)]
        if page_type == "heritage":
            ids = self.data.entity("heritage", entity_id).get("province_now") or []
            return [self.renderer.render(f"{CURRENT}.{pid}.name", lang).text for pid in ids]
        return []

    def current_seat(self, former_id: str, lang: str) -> str:
        return self.renderer.render(f"{CURRENT}.{self.current_id(former_id)}.seat", lang).text

    def sentence(self, former_id: str, lang: str, with_date: bool = False) -> str:
        """'part of Tuyên Quang province since 2025' (or 'since 1 July 2025') in vi, en or fr."""
        reorg = self.of(former_id)
        template = _sentence(lang, reorg.unchanged, with_date)
        return template.format(
            name=self.current_name(former_id, lang),
            year=reorg.since.year,
            date=format_day(reorg.since, lang),
        )


def reorganisation(data_dir: Path | None = None) -> Reorganisation:
    return Reorganisation(renderer(data_dir))
