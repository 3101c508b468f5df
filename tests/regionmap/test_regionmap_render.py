"""The region map: layout, links, language, accessibility, contrast, text size and determinism."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import lxml.html
import pytest

from nmm_site.errors import ProblemsFound
from nmm_site.regionmap import layout
from nmm_site.regionmap.config import RegionMapConfig
from nmm_site.regionmap.data import load_region
from nmm_site.regionmap.render import (
    PROVINCE_IDS,
    SVG_NAMESPACE,
    normalise_prefix,
    region_map_list_html,
    region_map_svg,
    text_width,
)
from tests.regionmap.conftest import CURRENT, NAMES, PART_OF, localised

NS = {"svg": SVG_NAMESPACE}
# The page ids from ARCHITECTURE.md, in its order.
ARCHITECTURE_IDS = [
    *("ha-giang", "cao-bang", "bac-kan", "tuyen-quang", "lao-cai", "yen-bai", "thai-nguyen"),
    *("lang-son", "bac-giang", "phu-tho", "dien-bien", "lai-chau", "son-la", "hoa-binh"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Layout


def test_layout_has_exactly_the_14_provinces_of_2024_on_distinct_tiles():
    assert sorted(layout.TILES) == sorted(ARCHITECTURE_IDS)
    positions = list(layout.TILES.values())
    assert len(set(positions)) == 14
    assert layout.HA_NOI_TILE not in positions
    # Doubled coordinates: column parity follows the row, or tiles would overlap.
    assert all((x - row) % 2 == 0 for x, row in [*positions, layout.HA_NOI_TILE])


def test_layout_is_roughly_geographic():
    x = {pid: tile[0] for pid, tile in layout.TILES.items()}
    row = {pid: tile[1] for pid, tile in layout.TILES.items()}
    assert max(x["lai-chau"], x["dien-bien"]) < min(x[p] for p in ("ha-giang", "cao-bang", "lang-son"))
    assert row["ha-giang"] == row["cao-bang"] == 0
    assert x["lang-son"] == max(x.values())
    assert min(row["bac-giang"], row["phu-tho"], row["hoa-binh"]) >= 3
    ha_noi_x, ha_noi_row = layout.HA_NOI_TILE
    assert ha_noi_row > max(row.values()) and ha_noi_x > x["phu-tho"]  # south-east, outside the region


def test_tiles_of_each_current_province_touch_so_the_block_outline_is_one_shape():
    neighbours = [offset for offset, _ in layout.NEIGHBOURS.values()]
    for current in set(PART_OF.values()):
        members = [layout.TILES[p] for p, c in PART_OF.items() if c == current]
        reached, frontier = {members[0]}, [members[0]]
        while frontier:
            x, row = frontier.pop()
            for dx, dr in neighbours:
                if (x + dx, row + dr) in members and (x + dx, row + dr) not in reached:
                    reached.add((x + dx, row + dr))
                    frontier.append((x + dx, row + dr))
        assert reached == set(members), current


# Links


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("", ""), (".", ""), ("./", ""), ("..", "../"), ("../", "../"), ("../..", "../../")],
)
def test_every_tile_links_to_its_province_page_relative_to_the_language_root(region, prefix, expected):
    root = parse(region_map_svg("vi", prefix, region=region))
    links = root.findall(".//svg:a", NS)
    assert sorted(a.get("href") for a in links) == sorted(
        f"{expected}provinces/{pid}/" for pid in ARCHITECTURE_IDS
    )


def test_absolute_or_external_prefixes_are_refused():
    with pytest.raises(ValueError, match="relative URL prefix"):
        normalise_prefix("https://example.org/")
    assert normalise_prefix("../../") == "../../"


def test_list_fallback_has_the_same_links_in_alphabetical_order(region):
    svg_links = {
        a.get("href") for a in parse(region_map_svg("en", "../", region=region)).iter(f"{{{SVG_NAMESPACE}}}a")
    }
    doc = lxml.html.fragment_fromstring(region_map_list_html("en", "../", region=region))
    items = doc.findall("li")
    assert {li.find("a").get("href") for li in items} == svg_links
    names = [li.find("a").text for li in items]
    assert names == sorted(names, key=str.casefold)
    assert items[0].text_content() == "Bac Giang — part of Bac Ninh province since 2025"


# Language


@pytest.mark.parametrize(
    ("lang", "name", "label", "title"),
    [
        ("vi", "Hà Giang", "Hà Giang — thuộc tỉnh Tuyên Quang từ năm 2025", "Sơ đồ 14 tỉnh"),
        ("en", "Ha Giang", "Ha Giang — part of Tuyen Quang province since 2025", "Schematic map"),
        (
            "fr",
            "HÀ GIANG",
            "HÀ GIANG — fait partie de la province de TUYÊN QUANG depuis 2025",
            "Carte schématique",
        ),
    ],
)
def test_labels_names_and_title_are_in_the_page_language(region, lang, name, label, title):
    svg = region_map_svg(lang, "", region=region)
    root = parse(svg)
    assert root.get("lang") == lang
    assert root.find("svg:title", NS).text.startswith(title)
    labels = {a.get("aria-label") for a in root.iter(f"{{{SVG_NAMESPACE}}}a")}
    assert label in labels
    tile = next(a for a in root.iter(f"{{{SVG_NAMESPACE}}}a") if a.get("href") == "provinces/ha-giang/")
    # The lines read as the name: each line but the last ends with the space between the words.
    assert "".join(t.text for t in tile.iter(f"{{{SVG_NAMESPACE}}}tspan")) == name
    # Legend: the 10 current provinces as real text.
    texts = {"".join(t.itertext()) for t in root.iter(f"{{{SVG_NAMESPACE}}}text")}
    assert {unicodedata.normalize("NFC", localised(n)[lang]) for n in CURRENT.values()} <= texts


def test_unchanged_provinces_say_so(region):
    labels = {
        a.get("aria-label")
        for a in parse(region_map_svg("en", "", region=region)).iter(f"{{{SVG_NAMESPACE}}}a")
    }
    assert "Cao Bang — province unchanged in the 2025 reorganisation" in labels
    assert "Tuyen Quang — part of Tuyen Quang province since 2025" in labels  # merged with Hà Giang


def test_names_stored_decomposed_come_out_nfc(region):
    svg = region_map_svg("vi", "", region=region)
    assert unicodedata.is_normalized("NFC", svg)
    assert "Điện" in svg


def test_unknown_language_is_refused(region):
    with pytest.raises(ValueError, match="unknown language 'de'"):
        region_map_svg("de", "", region=region)


# Accessibility and safety


def test_svg_is_a_labelled_group_with_unique_ids_and_labelled_links(region):
    root = parse(region_map_svg("vi", "", region=region))
    assert root.get("role") == "group"
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert root.find(f"svg:title[@id='{root.get('aria-labelledby')}']", NS) is not None
    assert root.find(f"svg:desc[@id='{root.get('aria-describedby')}']", NS) is not None
    links = root.findall(".//svg:a", NS)
    assert len(links) == 14 and all(a.get("aria-label") and a.get("class") == "nmm-map__tile" for a in links)
    assert ".nmm-map__tile:focus-visible" in root.find("svg:style", NS).text


def test_a_second_map_on_the_page_can_get_other_ids(region):
    other = region_map_svg("vi", "", region=region, config=RegionMapConfig(id_prefix="nmm-map-2"))
    assert 'id="nmm-map-2-title"' in other and 'id="nmm-map-title"' not in other


def test_no_external_references(region):
    for lang in ("vi", "en", "fr"):
        svg = region_map_svg(lang, "../", region=region)
        assert set(re.findall(r"https?://[^\s\"'<>)]+", svg)) == {SVG_NAMESPACE}
        assert "xlink" not in svg and "<image" not in svg and "@import" not in svg and "url(" not in svg


def test_label_colours_meet_wcag_aa(region):
    root = parse(region_map_svg("fr", "", region=region))
    text_colour = root.get("fill")
    fills = {p.get("fill") for p in root.iter(f"{{{SVG_NAMESPACE}}}polygon")}
    fills |= {r.get("fill") for r in root.iter(f"{{{SVG_NAMESPACE}}}rect")}
    assert len(fills) >= 12  # 10 provinces, Hà Nội, background
    for fill in fills:
        assert contrast(text_colour, fill) >= 4.5, fill
    assert contrast(layout.GROUP_EDGE, layout.BACKGROUND) >= 3.0  # outlines are graphics: 3:1


def test_contrast_helper_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_text_is_at_least_14_px_at_phone_width_and_labels_fit_their_tiles(region):
    config = RegionMapConfig()
    for lang in ("vi", "en", "fr"):
        root = parse(region_map_svg(lang, "", region=region))
        view_width = float(root.get("viewBox").split()[2])
        sizes = [float(el.get("font-size")) for el in root.iter() if el.get("font-size")]
        assert min(sizes) * config.phone_width_px / view_width >= config.min_text_px
        for tile in root.iter(f"{{{SVG_NAMESPACE}}}a"):
            for span in tile.iter(f"{{{SVG_NAMESPACE}}}tspan"):
                assert text_width(span.text, config.font_size) <= config.hex_width, span.text


def test_config_refuses_text_that_would_be_too_small_on_phones():
    with pytest.raises(ValueError, match="font_size"):
        RegionMapConfig(font_size=12)


def test_output_is_deterministic(region, data_dir):
    again = load_region(data_dir, PROVINCE_IDS)
    assert region_map_svg("vi", "../", region=region) == region_map_svg("vi", "../", region=again)
    assert region_map_list_html("fr", "", region=region) == region_map_list_html("fr", "", region=again)


# Data problems


def test_missing_data_files_are_reported_with_the_fix(tmp_path: Path):
    with pytest.raises(ProblemsFound) as caught:
        load_region(tmp_path, PROVINCE_IDS)
    report = caught.value.report()
    assert "provinces.yml: the file is missing" in report and "provinces-2025.yml" in report


def test_a_wrong_part_of_names_the_line(data_dir: Path):
    path = data_dir / "provinces.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("part_of: bac-ninh", "part_of: bac-nin"), "utf-8"
    )
    with pytest.raises(ProblemsFound) as caught:
        load_region(data_dir, PROVINCE_IDS)
    (problem,) = caught.value.problems
    assert (
        problem.line == 1 and "`bac-giang.part_of` is 'bac-nin'" in problem.message
    )  # bac-giang sorts first
    assert "bac-ninh" in problem.fix


def test_a_missing_province_is_reported(data_dir: Path):
    path = data_dir / "provinces.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("hoa-binh:", "hoa-binh-old:"), encoding="utf-8")
    with pytest.raises(ProblemsFound, match="province `hoa-binh` is missing"):
        load_region(data_dir, PROVINCE_IDS)


def test_fixture_matches_the_layout():
    assert set(NAMES) == set(layout.TILES) == set(PART_OF)
    assert set(CURRENT) == set(layout.COLOURS)
