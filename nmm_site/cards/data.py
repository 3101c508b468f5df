"""What the cards show, from data/*.yml and the pages' front matter (no HTML here).

- `section_cards(project, lang, section)`: one card per page of a section (provinces, heritage,
  peoples), with the province(s) it belongs to since 2025 (for the filter).
- `highlights(project, lang)`: the home's highlights row, from the `featured: true` places of
  data/visits-*.yml (`dont_miss`).
- `discover(project, lang, calendar=…)`: the home's entry cards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nmm_site import fast_yaml, site_config
from nmm_site.content.collation import sort_key
from nmm_site.facts import config as facts_config
from nmm_site.facts.loader import FactData, load

SECTIONS = ("provinces", "heritage", "peoples")
# The home's highlights row: at most this many featured places, at least MIN_HIGHLIGHTS to show it.
MAX_HIGHLIGHTS = 6
MIN_HIGHLIGHTS = 3


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    text: str
    path: str  # the target page, relative to the language root ("provinces/ha-giang/")
    image: str | None  # an image of assets/images/ ("landscape-valley.jpg")
    now: tuple[tuple[str, str], ...] = ()  # (id, name) of the province(s) since 2025
    kicker: str = ""  # a short label above the title (the province of a highlight)


@dataclass
class Project:
    """The data and pages a build reads: `Project.at(root)` for the real site, any folder in tests."""

    root: Path
    facts: FactData
    default_lang: str
    _front: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def at(cls, root: Path) -> Project:
        site = site_config.load(root)
        return cls(root, load(facts_config.for_project(root)), site.default_language)

    def page(self, lang: str, rel: str) -> dict[str, Any] | None:
        """Front matter of docs/<lang>/<rel>.md, else of the default language's page, else None."""
        for code in dict.fromkeys((lang, self.default_lang)):
            key = (code, rel)
            if key not in self._front:
                self._front[key] = _front_matter(self.root / "docs" / code / f"{rel}.md")
            if self._front[key] is not None:
                return self._front[key]
        return None


def _front_matter(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    _, head, _ = (text + "\n---").split("---", 2)
    data = fast_yaml.safe_load(head, duplicates=True) or {}  # libyaml: the pages' checks refused aliases
    return data if isinstance(data, dict) else {}


def _text(node: Any, lang: str) -> str:
    """A localised {vi, en, fr} text, or a fact's value, as plain text."""
    if isinstance(node, dict):
        if lang in node:
            return str(node[lang])
        if "value" in node:
            return str(node["value"])
    return "" if node is None else str(node)


def _now_names(project: Project, lang: str, ids: list[str]) -> tuple[tuple[str, str], ...]:
    found = []
    for now_id in dict.fromkeys(ids):
        entity = project.facts.entity("provinces-2025", now_id)
        if entity is not None:
            found.append((now_id, _text(entity.get("name"), lang)))
    return tuple(sorted(found, key=lambda item: sort_key(item[1], lang)))


def _now_of(project: Project, section: str, entity: dict[str, Any]) -> list[str]:
    if section == "provinces":
        return [entity["part_of"]] if entity.get("part_of") else []
    if section == "heritage":
        return list(entity.get("province_now") or [])
    provinces = [project.facts.entity("provinces", p) for p in entity.get("main_provinces") or []]
    return [p["part_of"] for p in provinces if p and p.get("part_of")]


def section_cards(project: Project, lang: str, section: str) -> list[Card]:
    """One card per page of `section`, in the language's alphabetical order of titles."""
    cards = []
    for entity_id in project.facts.ids(section):
        entity = project.facts.entity(section, entity_id) or {}
        meta = project.page(lang, f"{section}/{entity_id}")
        if meta is None:
            continue  # an entity without a page (e.g. a people listed only in the overview table)
        title = str(meta.get("title") or _text(entity.get("name"), lang) or entity_id)
        cards.append(
            Card(
                id=entity_id,
                title=title,
                text=str(meta.get("description") or ""),
                path=f"{section}/{entity_id}/",
                image=meta.get("hero"),
                now=_now_names(project, lang, _now_of(project, section, entity)),
            )
        )
    return sorted(cards, key=lambda card: sort_key(card.title, lang))


def provinces_now(cards: list[Card]) -> tuple[tuple[str, str], ...]:
    """Every (id, name) of a province since 2025 that the cards name, in the cards' order of names."""
    seen: dict[str, str] = {}
    for card in cards:
        for now_id, name in card.now:
            seen.setdefault(now_id, name)
    return tuple(seen.items())


def _featured(project: Project) -> list[tuple[str, dict[str, Any]]]:
    """(subject id, place) of every `featured: true` place, provinces first, in data order."""
    places = []
    for subject in project.facts.ids("visits"):
        entry = project.facts.entity("visits", subject) or {}
        for place in entry.get("dont_miss") or []:
            if isinstance(place, dict) and place.get("featured") is True:
                places.append((subject, place))
    is_province = {s for s in project.facts.ids("provinces")}
    return sorted(places, key=lambda item: item[0] not in is_province)


def _subject_path(project: Project, subject: str) -> str | None:
    for section in SECTIONS:
        if project.facts.entity(section, subject) is not None:
            return f"{section}/{subject}"
    return None


def highlights(project: Project, lang: str, limit: int = MAX_HIGHLIGHTS) -> list[Card]:
    """Up to `limit` featured places, preferring different pictures and different target pages."""
    candidates = []
    for subject, place in _featured(project):
        target = str(place.get("page") or _subject_path(project, subject) or "")
        meta = project.page(lang, target) if target else None
        if meta is None:
            continue
        subject_page = project.page(lang, _subject_path(project, subject) or "") or {}
        image = place.get("image") or meta.get("hero") or subject_page.get("hero")
        path = target[: -len("index")] if target.endswith("index") else f"{target}/"
        candidates.append(
            Card(
                id=str(place.get("id")),
                title=_text(place.get("name"), lang),
                text=_text(place.get("why"), lang),
                path=path,
                image=image,
                kicker=str(subject_page.get("title") or ""),
            )
        )
    chosen: list[Card] = []
    # First pass: a new picture and a new page each; then fill up with what is left.
    for strict in (True, False):
        for card in candidates:
            if len(chosen) >= limit or card in chosen:
                continue
            if strict and any(c.image == card.image or c.path == card.path for c in chosen):
                continue
            chosen.append(card)
    return chosen if len(chosen) >= MIN_HIGHLIGHTS else []


# The home's entry cards: section, target page (relative to the language root), UI text.
DISCOVER = (
    ("provinces", "provinces/index"),
    ("heritage", "heritage/index"),
    ("peoples", "peoples/index"),
    ("calendar", "calendar"),
)


def discover(project: Project, lang: str, calendar: bool) -> list[Card]:
    """The home's entry cards, each with a picture of its own; the calendar only when it is built."""
    cards: list[Card] = []
    used: set[str] = set()
    for key, rel in DISCOVER:
        if key == "calendar" and not calendar:
            continue
        meta = project.page(lang, rel)
        if meta is None and key != "calendar":
            continue  # no such page in this project: no card pointing at nothing
        meta = meta or {}  # the calendar may be a generated page, without Markdown of its own
        image = meta.get("hero")
        if not image or image in used:
            # Another card has that picture: take the first page of the section with a new one.
            for card in section_cards(project, lang, key) if key in SECTIONS else []:
                if card.image and card.image not in used:
                    image = card.image
                    break
        if image:
            used.add(image)
        path = rel[: -len("index")] if rel.endswith("index") else f"{rel}/"
        cards.append(Card(id=key, title=str(meta.get("title") or key), text="", path=path, image=image))
    return cards
