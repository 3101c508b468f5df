"""The places marked `featured: true` in the visits data, for the home page and other showcases.

    from nmm_site.visits.featured import featured_places
    for place in featured_places("en"):
        place.name, place.why, place.url, place.image   # image: a file in assets/images/, or None

`url` is the place's page (its `page`, else the page of the province or heritage entry that lists it)
as a directory URL relative to the language's root ("heritage/ba-be/"); join it to the language prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nmm_site import site_config
from nmm_site.facts.loader import FactData
from nmm_site.i18n.pages import url_path
from nmm_site.visits import model


@dataclass(frozen=True)
class FeaturedPlace:
    owner: str  # the province or heritage id that lists the place
    id: str  # the place id (its anchor on the owner's page is #dont-miss-<id>)
    name: str
    why: str
    page: str  # the page that tells about it, inside a language tree, without .md
    url: str  # that page's URL relative to the language root, e.g. "heritage/ba-be/"
    anchor: str  # "dont-miss-<id>" on the owner's page (the place's line in "Don't miss")
    image: str | None  # an image file name in assets/images/, when the data gives one
    source: str | None


def featured_places(lang: str, data: FactData | None = None, root: Path | None = None) -> list[FeaturedPlace]:
    """Every featured place in `lang`, in data order (file by file, entity by entity), of the project
    at `root` (default: the project being built)."""
    data = data if data is not None else model.load_data(root or site_config.load().root)
    places: list[FeaturedPlace] = []
    for owner, entity in model.entities(data).items():
        page_type = model.owner_type(data, owner)
        for item in entity.get("dont_miss") or []:
            if not isinstance(item, dict) or item.get("featured") is not True:
                continue
            page = str(item.get("page") or (model.page_path(page_type, owner) if page_type else ""))
            places.append(
                FeaturedPlace(
                    owner=owner,
                    id=str(item.get("id")),
                    name=str((item.get("name") or {}).get(lang, "")),
                    why=str((item.get("why") or {}).get(lang, "")),
                    page=page,
                    url=url_path(f"{page}.md") if page else "",
                    anchor=f"dont-miss-{item.get('id')}",
                    image=item.get("image") if isinstance(item.get("image"), str) else None,
                    source=item.get("source") if isinstance(item.get("source"), str) else None,
                )
            )
    return places
