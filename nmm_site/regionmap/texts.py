"""The map's own words in each language, from the gettext catalogs (province names come from the data)."""

from __future__ import annotations

from nmm_site.i18n.messages import ui_text


def texts(lang: str) -> dict[str, object]:
    """The map's words in `lang`."""
    return {
        "title": ui_text(
            lang, "Schematic map of the 14 provinces of the Northern Midlands and Mountains (as of 2024)"
        ),
        "desc": ui_text(
            lang,
            "Each hexagon is one province as defined in 2024, coloured by the province it has been part of "
            "since 2025. Hà Nội, outside the region, is marked for orientation. Schematic, not to scale. "
            "Select a tile to open the province’s page.",
        ),
        "caption": ui_text(
            lang, "The region’s provinces, schematic and not to scale. Select a province to read more."
        ),
        "legend": ui_text(lang, "Province since 2025"),
        "note": (ui_text(lang, "Schematic,"), ui_text(lang, "not to scale")),
        "north": ui_text(lang, "N"),
        "ha_noi": ui_text(lang, "Hà Nội"),
        "ha_noi_legend": ui_text(lang, "Hà Nội (outside the region)"),
        "merged": ui_text(lang, "{name} — part of {current} province since 2025"),
        "unchanged": ui_text(lang, "{name} — province unchanged in the 2025 reorganisation"),
        "list_label": ui_text(lang, "List of the 14 provinces (as of 2024)"),
    }
