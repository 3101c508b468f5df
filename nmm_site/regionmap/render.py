"""Render the tile map as inline SVG and the same links as a plain HTML list."""

from __future__ import annotations

from html import escape
from pathlib import Path

from nmm_site import site_config
from nmm_site.content.slugs import fold
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.regionmap import layout
from nmm_site.regionmap.config import RegionMapConfig
from nmm_site.regionmap.data import Region, load_region
from nmm_site.regionmap.texts import texts as _words

PROVINCE_IDS = tuple(layout.TILES)
DEFAULT = RegionMapConfig()
SVG_NAMESPACE = "http://www.w3.org/2000/svg"

# Focus and hover: a dark outline on the tile, drawn by the browser around the link as well.
CSS = (
    ".nmm-map__svg{max-width:100%;height:auto;font-family:inherit}"
    ".nmm-map__tile{cursor:pointer}"
    ".nmm-map__tile:focus{outline:none}"
    ".nmm-map__tile:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}"
    ".nmm-map__tile:focus-visible .nmm-map__hex,.nmm-map__tile:hover .nmm-map__hex"
    "{stroke:#1a1a1a;stroke-width:5}"
    ".nmm-map__tile:hover text{text-decoration:underline}"
)

_cache: dict[tuple[Path, float, float], Region] = {}


def load_cached(data_dir: Path) -> Region:
    """The region data, re-read only when a data file changes (keeps `mkdocs serve` live)."""
    paths = (data_dir / "provinces.yml", data_dir / "provinces-2025.yml")
    stamp = tuple(p.stat().st_mtime if p.exists() else -1.0 for p in paths)
    key = (data_dir, *stamp)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_region(data_dir, PROVINCE_IDS)
    return _cache[key]


def normalise_prefix(root_prefix: str) -> str:
    """'' / '.' / './' → ''; '..' → '../'. Relative only: the site must work under any base path."""
    prefix = (root_prefix or "").strip()
    if "://" in prefix or prefix.startswith("//"):
        raise ValueError(f"root_prefix must be a relative URL prefix like '' or '../', got {root_prefix!r}")
    if prefix in ("", ".", "./"):
        return ""
    return prefix if prefix.endswith("/") else prefix + "/"


def _texts(lang: str) -> dict:
    known = site_config.load().codes
    if lang not in known:
        raise ValueError(f"region map: unknown language {lang!r}; known: {', '.join(known)}")
    return _words(lang)


def province_href(root_prefix: str, province_id: str) -> str:
    return f"{normalise_prefix(root_prefix)}provinces/{province_id}/"


def province_label(region: Region, lang: str, province_id: str) -> str:
    """'Hà Giang — part of Tuyên Quang province since 2025' (or 'unchanged'), in `lang`."""
    texts = _texts(lang)
    province = region.provinces[province_id]
    current = province.part_of
    # Unchanged: same id, and no other former province of the region went into it. (Provinces merged
    # with one from outside the region, like Bắc Giang into Bắc Ninh, change id, so they count as merged.)
    sharing = [p for p in region.provinces.values() if p.part_of == current]
    if current == province_id and len(sharing) == 1:
        return texts["unchanged"].format(name=province.name[lang])
    return texts["merged"].format(name=province.name[lang], current=region.current[current][lang])


def _colour(region: Region, province_id: str) -> str:
    current = region.provinces[province_id].part_of
    if current not in layout.COLOURS:
        problem = Problem(
            Path(layout.__file__),
            None,
            f"no map colour for the current province `{current}`",
            f"add `{current}` to COLOURS in nmm_site/regionmap/layout.py "
            "(a light hue; the tests check its contrast)",
        )
        raise ProblemsFound([problem])
    return layout.COLOURS[current]


def _wrap(name: str, room: float, font_size: float) -> list[str]:
    """Keep a name on one line if it fits `room`, else split it into two balanced lines at a space."""
    words = name.split()
    if len(words) < 2 or text_width(name, font_size) <= room:
        return [name]
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return [" ".join(words[:best]), " ".join(words[best:])]


def text_width(text: str, font_size: float) -> float:
    """A generous estimate of rendered width (0.6 em per character) for layout and tests."""
    return 0.6 * font_size * len(text)


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class _Geometry:
    def __init__(self, config: RegionMapConfig):
        self.config = config
        self.size = config.hex_size
        self.width = config.hex_width
        self.top = config.margin

    def centre(self, tile: tuple[int, int]) -> tuple[float, float]:
        x, row = tile
        cx = self.config.margin + self.width / 2 + x * self.width / 2
        cy = self.top + self.size + row * 1.5 * self.size
        return cx, cy

    def corners(self, tile: tuple[int, int]) -> list[tuple[float, float]]:
        cx, cy = self.centre(tile)
        half_w, half_s = self.width / 2, self.size / 2
        # Angles −30°, 30°, 90°, 150°, 210°, 270° without trigonometry (exact half-width offsets).
        offsets = [
            (half_w, -half_s),
            (half_w, half_s),
            (0.0, self.size),
            (-half_w, half_s),
            (-half_w, -half_s),
            (0.0, -self.size),
        ]
        return [(cx + dx, cy + dy) for dx, dy in offsets]

    def polygon(self, tile: tuple[int, int]) -> str:
        return " ".join(f"{_n(x)},{_n(y)}" for x, y in self.corners(tile))

    @property
    def map_bottom(self) -> float:
        rows = max(row for _, row in [*layout.TILES.values(), layout.HA_NOI_TILE])
        return self.top + 2 * self.size + rows * 1.5 * self.size


def _label(cx: float, cy: float, lines: list[str], config: RegionMapConfig, css_class: str) -> str:
    first = cy - (len(lines) - 1) * config.line_height / 2
    # A space ends every line but the last, so the text read out ("Yên Bái") matches the name in
    # the link's accessible name instead of running the lines together ("YênBái").
    spans = "".join(
        f'<tspan x="{_n(cx)}" y="{_n(first + i * config.line_height)}">'
        f"{escape(line)}{' ' if i < len(lines) - 1 else ''}</tspan>"
        for i, line in enumerate(lines)
    )
    return f'<text class="{css_class}" text-anchor="middle" dominant-baseline="central">{spans}</text>'


def _group_edges(region: Region, geometry: _Geometry) -> str:
    """Thick outline around each current province's block of tiles (the merge, shown without colour)."""
    by_position = {tile: pid for pid, tile in layout.TILES.items()}
    segments = []
    for pid, (x, row) in layout.TILES.items():
        corners = geometry.corners((x, row))
        for (dx, drow), (a, b) in layout.NEIGHBOURS.values():
            neighbour = by_position.get((x + dx, row + drow))
            if neighbour and region.provinces[neighbour].part_of == region.provinces[pid].part_of:
                continue
            (x1, y1), (x2, y2) = corners[a], corners[b]
            segments.append(f"M{_n(x1)} {_n(y1)}L{_n(x2)} {_n(y2)}")
    return (
        f'<path d="{"".join(segments)}" fill="none" stroke="{layout.GROUP_EDGE}" stroke-width="3" '
        f'stroke-linecap="round" pointer-events="none" aria-hidden="true"/>'
    )


def region_map_svg(
    lang: str,
    root_prefix: str,
    *,
    region: Region | None = None,
    config: RegionMapConfig = DEFAULT,
) -> str:
    """The inline SVG map in `lang`; links are relative to the language root via `root_prefix`."""
    texts = _texts(lang)
    region = region or load_cached(config.data_folder())
    geometry = _Geometry(config)
    f, lh = config.font_size, config.line_height
    ids = config.id_prefix
    width = config.width

    parts: list[str] = []
    # Tiles: one link per province, coloured by the current province.
    for pid, tile in layout.TILES.items():
        cx, cy = geometry.centre(tile)
        name = region.provinces[pid].name[lang]
        parts.append(
            f'<a class="nmm-map__tile" href="{escape(province_href(root_prefix, pid))}" '
            f'aria-label="{escape(province_label(region, lang, pid))}">'
            f'<polygon class="nmm-map__hex" points="{geometry.polygon(tile)}" fill="{_colour(region, pid)}" '
            f'stroke="{layout.TILE_EDGE}" stroke-width="2"/>'
            f"{_label(cx, cy, _wrap(name, 0.85 * geometry.width, f), config, 'nmm-map__label')}</a>"
        )
    # Hà Nội, outside the region: a dashed, unlinked orientation tile.
    cx, cy = geometry.centre(layout.HA_NOI_TILE)
    parts.append(
        f'<g class="nmm-map__orientation"><polygon points="{geometry.polygon(layout.HA_NOI_TILE)}" '
        f'fill="{layout.HA_NOI_FILL}" stroke="{layout.HA_NOI_EDGE}" stroke-width="2" stroke-dasharray="6 5"/>'
        f"{_label(cx, cy, _wrap(texts['ha_noi'], 0.85 * geometry.width, f), config, 'nmm-map__label')}</g>"
    )
    parts.append(_group_edges(region, geometry))
    # North arrow (top right) and the "schematic, not to scale" note (top left): both are empty corners.
    ax, ay = width - config.margin - 34, config.margin + 8
    parts.append(
        f'<g class="nmm-map__compass"><path d="M{_n(ax)} {_n(ay)}l-12 34h24z" fill="{layout.LABEL_COLOUR}" '
        f'aria-hidden="true"/><text x="{_n(ax)}" y="{_n(ay + 34 + f)}" text-anchor="middle">'
        f"{escape(texts['north'])}</text></g>"
    )
    note_lines = list(texts["note"])
    parts.append(
        '<text class="nmm-map__note">'
        + "".join(
            f'<tspan x="{_n(config.margin + 4)}" y="{_n(config.margin + f + i * lh)}">{escape(line)}</tspan>'
            for i, line in enumerate(note_lines)
        )
        + "</text>"
    )
    # Legend: real text, two columns, then Hà Nội across the full width.
    y = geometry.map_bottom + 24 + f
    parts.append(
        f'<text class="nmm-map__legend-title" x="{_n(config.margin + 4)}" y="{_n(y)}" '
        f'font-weight="700">{escape(texts["legend"])}</text>'
    )
    used = [cid for cid in region.current if any(p.part_of == cid for p in region.provinces.values())]
    column_width = (width - 2 * config.margin) / 2
    rows = (len(used) + 1) // 2
    for i, cid in enumerate(used):
        column, row = divmod(i, rows)
        lx = config.margin + 4 + column * column_width
        ly = y + 14 + row * (lh + 10)
        parts.append(
            f'<g class="nmm-map__legend-item"><rect x="{_n(lx)}" y="{_n(ly)}" width="26" height="26" rx="4" '
            f'fill="{layout.COLOURS.get(cid, "#ffffff")}" stroke="{layout.GROUP_EDGE}" stroke-width="2"/>'
            f'<text x="{_n(lx + 36)}" y="{_n(ly + 13)}" dominant-baseline="central">'
            f"{escape(region.current[cid][lang])}</text></g>"
        )
    ly = y + 14 + rows * (lh + 10)
    parts.append(
        f'<g class="nmm-map__legend-item"><rect x="{_n(config.margin + 4)}" y="{_n(ly)}" width="26" '
        f'height="26" rx="4" fill="{layout.HA_NOI_FILL}" stroke="{layout.HA_NOI_EDGE}" stroke-width="2" '
        f'stroke-dasharray="6 5"/><text x="{_n(config.margin + 40)}" y="{_n(ly + 13)}" '
        f'dominant-baseline="central">{escape(texts["ha_noi_legend"])}</text></g>'
    )
    height = round(ly + 26 + 2 * config.margin)

    head = (
        f'<svg xmlns="{SVG_NAMESPACE}" class="nmm-map__svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="group" lang="{lang}" aria-labelledby="{ids}-title" '
        f'aria-describedby="{ids}-desc" font-size="{_n(f)}" fill="{layout.LABEL_COLOUR}">'
        f'<title id="{ids}-title">{escape(texts["title"])}</title>'
        f'<desc id="{ids}-desc">{escape(texts["desc"])}</desc>'
        f"<style>{CSS}</style>"
        f'<rect width="{width}" height="{height}" rx="12" fill="{layout.BACKGROUND}" aria-hidden="true"/>'
    )
    return head + "".join(parts) + "</svg>"


def region_map_list_html(
    lang: str,
    root_prefix: str,
    *,
    region: Region | None = None,
    config: RegionMapConfig = DEFAULT,
) -> str:
    """The same 14 links as a plain list (alphabetical in `lang`), for screen readers and no-SVG."""
    texts = _texts(lang)
    region = region or load_cached(config.data_folder())
    order = sorted(PROVINCE_IDS, key=lambda pid: (fold(region.provinces[pid].name[lang]).casefold(), pid))
    items = []
    for pid in order:
        name = region.provinces[pid].name[lang]
        rest = province_label(region, lang, pid)[len(name) :]
        items.append(
            f'<li><a href="{escape(province_href(root_prefix, pid))}">{escape(name)}</a>{escape(rest)}</li>'
        )
    return f'<ul class="nmm-map-list" aria-label="{escape(texts["list_label"])}">{"".join(items)}</ul>'


def region_map_figure(lang: str, root_prefix: str, *, config: RegionMapConfig = DEFAULT) -> str:
    """The map in a <figure> with its caption, as the Markdown placeholder inserts it (one line: raw HTML)."""
    caption = escape(_texts(lang)["caption"])
    svg = region_map_svg(lang, root_prefix, config=config)
    return f'<figure class="nmm-map">{svg}<figcaption>{caption}</figcaption></figure>'
