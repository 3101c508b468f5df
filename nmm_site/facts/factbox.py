"""The fact box of a province, heritage or people page, and a page's ordered list of sources."""

from __future__ import annotations

import html
from pathlib import Path

from nmm_site.facts.render import FactPathError, Renderer, fact_html, format_day, renderer
from nmm_site.facts.reorg import Reorganisation
from nmm_site.i18n.messages import ui_text

FactRow = tuple[str, str, str | None]  # (label, value as HTML, source id or None)


def _labels(lang: str) -> dict[str, str]:
    """The fact box labels in `lang`, from the gettext catalogs (placeholders filled by _label)."""
    return {
        "current": ui_text(lang, "Province since {year}"),
        "seat": ui_text(lang, "Provincial seat"),
        "area": ui_text(lang, "Area"),
        "population": ui_text(lang, "Population"),
        "population_year": ui_text(lang, "Population ({year})"),
        "designation": ui_text(lang, "Designation"),
        "date": ui_text(lang, "Date"),
        "province_2024": ui_text(lang, "Province (2024)"),
        "province_now": ui_text(lang, "Province today"),
        "language_family": ui_text(lang, "Language group"),
        "main_provinces": ui_text(lang, "Main provinces"),
        "accessed": ui_text(lang, "accessed {date}"),
    }


# Heritage data names its main date differently by part (designated, inscribed): the first found is shown.
_HERITAGE_DATES = ("designated", "inscribed", "date")


def _label(key: str, lang: str, **values: object) -> str:
    return _labels(lang)[key].format(**values)


class FactBox:
    def __init__(self, render: Renderer):
        self.renderer = render
        self.data = render.data

    def value(self, path: str, lang: str) -> tuple[str, str | None]:
        """(HTML of the fact, its first source id) for a path."""
        rendered = self.renderer.render(path, lang)
        value = fact_html(path, html.escape(rendered.text), rendered.uncertain, lang)
        return value, (rendered.sources[0] if rendered.sources else None)

    def rows(self, page_type: str, entity_id: str, lang: str) -> list[FactRow]:
        builder = {"province": self.province, "heritage": self.heritage, "people": self.people}.get(page_type)
        return builder(entity_id, lang) if builder else []

    def _has(self, path: str) -> bool:
        try:
            self.renderer.resolve(path, suggest=False)
        except FactPathError:
            return False
        return True

    def province(self, entity_id: str, lang: str) -> list[FactRow]:
        rows: list[FactRow] = []
        base = f"provinces.{entity_id}"
        if self._has(f"{base}.part_of"):
            reorg = Reorganisation(self.renderer).of(entity_id)
            current = f"provinces-2025.{reorg.current_id}"
            name, _ = self.value(current, lang)
            rows.append((_label("current", lang, year=reorg.since.year), name, reorg.source))
            if self._has(f"{current}.seat"):
                seat, source = self.value(f"{current}.seat", lang)
                if self._has(f"{current}.seat_ward"):
                    ward, _ = self.value(f"{current}.seat_ward", lang)
                    seat = f"{seat} ({ward})"
                rows.append((_label("seat", lang), seat, source))
        if self._has(f"{base}.area_km2"):
            rows.append((_label("area", lang), *self.value(f"{base}.area_km2", lang)))
        rows += self._population(base, lang)
        return rows

    def _population(self, base: str, lang: str) -> list[FactRow]:
        if not self._has(f"{base}.population"):
            return []
        node, *_ = self.renderer.resolve(f"{base}.population")
        year = node.get("year") if isinstance(node, dict) else None
        label = _label("population_year", lang, year=year) if year else _label("population", lang)
        return [(label, *self.value(f"{base}.population", lang))]

    def heritage(self, entity_id: str, lang: str) -> list[FactRow]:
        rows: list[FactRow] = []
        base = f"heritage.{entity_id}"
        date_field = next((f for f in _HERITAGE_DATES if self._has(f"{base}.{f}")), None)
        date_value, date_source = self.value(f"{base}.{date_field}", lang) if date_field else ("", None)
        if self._has(f"{base}.designation"):
            designation, source = self.value(f"{base}.designation", lang)
            rows.append((_label("designation", lang), designation, source or date_source))
        if date_field:
            rows.append((_label("date", lang), date_value, date_source))
        for field_name in ("province_2024", "province_now"):
            if self._has(f"{base}.{field_name}"):
                rows.append((_label(field_name, lang), *self.value(f"{base}.{field_name}", lang)))
        return rows

    def people(self, entity_id: str, lang: str) -> list[FactRow]:
        base = f"peoples.{entity_id}"
        rows = self._population(base, lang)
        for field_name in ("language_family", "main_provinces"):
            if self._has(f"{base}.{field_name}"):
                rows.append((_label(field_name, lang), *self.value(f"{base}.{field_name}", lang)))
        return rows

    def sources_html(self, ids: list[str], lang: str) -> str:
        """An ordered list of sources: linked title, publisher, accessed date in the page's language."""
        items = []
        seen: list[str] = []
        for sid in ids:
            if sid in seen:
                continue
            seen.append(sid)
            source = self.data.sources.get(sid)
            if source is None:
                raise FactPathError(f"unknown source id '{sid}'", "use an id defined in data/sources/*.yml")
            title = f"<cite>{html.escape(str(source['title']))}</cite>"
            if source.get("url"):
                title = f'<a href="{html.escape(str(source["url"]))}">{title}</a>'
            accessed = _label("accessed", lang, date=format_day(source["accessed"], lang))
            publisher = html.escape(str(source["publisher"]))
            items.append(f'<li id="source-{html.escape(sid)}">{title}, {publisher} ({accessed})</li>')
        return '<ol class="nmm-sources">\n' + "\n".join(items) + "\n</ol>" if items else ""


def factbox(page_type: str, entity_id: str, lang: str, data_dir: Path | None = None) -> list[FactRow]:
    """Rows (label, value_html, source id) of the fact box of a page, in `lang`."""
    return FactBox(renderer(data_dir)).rows(page_type, entity_id, lang)


def sources_html(ids: list[str], lang: str, data_dir: Path | None = None) -> str:
    """HTML ordered list of the given source ids (first occurrence order)."""
    return FactBox(renderer(data_dir)).sources_html(ids, lang)
