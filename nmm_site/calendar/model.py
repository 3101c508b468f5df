"""What the calendar pages and .ics files show: the events with their dates around the reference date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nmm_site.calendar.events import Event, load_events
from nmm_site.calendar.reference import reference_date, reference_time
from nmm_site.calendar.rules import Occurrence
from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import load

YEARS = 3  # this year and the next two


@dataclass(frozen=True)
class Season:
    """A season of a province's landscapes (data/visits-*.yml `seasons`, validated by nmm_site/visits)."""

    province: str  # 2024 province id
    months: tuple[int, ...]
    what: dict[str, str]
    source: str


@dataclass(frozen=True)
class Calendar:
    events: list[Event]
    stamp: dt.datetime  # the reference instant (UTC): DTSTAMP of the .ics files
    today: dt.date  # the reference date in Viet Nam
    province_names: dict[str, dict[str, str]]  # 2024 province id → name per language
    people_names: dict[str, dict[str, str]]
    sources: dict[str, dict]  # source id → {title, publisher, url, …}
    seasons: tuple[Season, ...] = ()  # the provinces' seasons, for the calendar's season strip

    @property
    def first_year(self) -> int:
        return self.today.year

    @property
    def last_year(self) -> int:
        return self.today.year + YEARS - 1

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        return dt.date(self.first_year, 1, 1), dt.date(self.last_year, 12, 31)

    def occurrences(self, event: Event) -> list[Occurrence]:
        """The occurrences of an event starting this year or the next two, after the one under way on
        the reference date if it started before this year (lunar months 10–12 run into January)."""
        found = event.occurrences(*self.window)
        if not event.rule.weekly:
            current = self.next_occurrence(event)
            if current.start < self.window[0]:
                found.insert(0, current)
        return found

    def next_occurrence(self, event: Event) -> Occurrence:
        return event.rule.next_occurrence(self.today)

    def of_province(self, province: str) -> list[Event]:
        return [e for e in self.events if province in e.provinces]

    def of_heritage(self, heritage: str) -> list[Event]:
        return [e for e in self.events if heritage in e.heritage]

    def provinces(self) -> list[str]:
        """The 2024 provinces that have events, in data order."""
        used = {p for e in self.events for p in e.provinces}
        return [p for p in self.province_names if p in used]


def _names(data, dataset: str) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    names = {}
    for stem in data.stems(dataset):
        for entity_id, entity in data.datasets[stem].items():
            name = entity.get("name") if isinstance(entity, dict) else None
            if isinstance(name, dict):
                names[str(entity_id)] = {str(k): str(v) for k, v in name.items()}
    return names


def _seasons(data, provinces: dict[str, dict[str, str]]) -> tuple[Season, ...]:  # type: ignore[no-untyped-def]
    """The seasons of the 2024 provinces, in data order (heritage sites' seasons stay on their pages)."""
    found = []
    for stem in data.stems("visits"):
        for owner, entry in data.datasets[stem].items():
            if owner not in provinces or not isinstance(entry, dict):
                continue
            for season in entry.get("seasons") or []:
                if not isinstance(season, dict):
                    continue
                months, what = season.get("months"), season.get("what")
                if (
                    isinstance(months, list)
                    and isinstance(what, dict)
                    and all(isinstance(m, int) and 1 <= m <= 12 for m in months)
                ):
                    found.append(
                        Season(
                            province=str(owner),
                            months=tuple(months),
                            what={str(k): str(v) for k, v in what.items()},
                            source=str(season.get("source", "")),
                        )
                    )
    return tuple(found)


def build(config: FactsConfig, stamp: dt.datetime | None = None) -> Calendar:
    """The calendar of the project whose data is in config.data_dir (ProblemsFound on bad data)."""
    events = load_events(config)
    data = load(config)
    moment = stamp or reference_time(config.data_dir.parent)
    provinces = _names(data, "provinces")
    return Calendar(
        events=events,
        stamp=moment,
        today=reference_date(moment),
        province_names=provinces,
        people_names=_names(data, "peoples"),
        sources={sid: dict(entry) for sid, entry in data.sources.items()},
        seasons=_seasons(data, provinces),
    )
