"""The schematic tile layout and colours: hand-placed, north-west to south-east, no traced borders."""

from __future__ import annotations

# Pointy-top hexagons in "doubled" coordinates: (column × 2 + row parity, row). Neighbours in the same row
# are 2 apart; a row's tiles sit half a tile right of the row above. Placed roughly as on a map: Lai Châu
# and Điện Biên west, Hà Giang and Cao Bằng north, Lạng Sơn east, Bắc Giang, Phú Thọ and Hòa Bình south;
# every pair merged in 2025 shares an edge, so each current province reads as one block.
TILES: dict[str, tuple[int, int]] = {
    "ha-giang": (4, 0),
    "cao-bang": (6, 0),
    "lai-chau": (1, 1),
    "lao-cai": (3, 1),
    "tuyen-quang": (5, 1),
    "bac-kan": (7, 1),
    "dien-bien": (0, 2),
    "son-la": (2, 2),
    "yen-bai": (4, 2),
    "thai-nguyen": (6, 2),
    "lang-son": (8, 2),
    "hoa-binh": (3, 3),
    "phu-tho": (5, 3),
    "bac-giang": (7, 3),
}

# Hà Nội is outside the region: shown only as an orientation point, south-east of the tiles.
HA_NOI_TILE = (6, 4)

# Fill per current (2025) province: distinct light hues, each ≥ 4.5:1 against LABEL_COLOUR (tested).
COLOURS: dict[str, str] = {
    "tuyen-quang": "#f6c7a4",  # peach
    "lao-cai": "#b5dfc0",  # mint
    "thai-nguyen": "#bfd4f4",  # light blue
    "phu-tho": "#f3e39a",  # sand yellow
    "bac-ninh": "#e6c3ea",  # lilac
    "cao-bang": "#a6e0e2",  # aqua
    "lang-son": "#f5b8b8",  # rose
    "dien-bien": "#d7e9a1",  # lime
    "lai-chau": "#dccbb2",  # beige
    "son-la": "#cdc6f2",  # periwinkle
}

LABEL_COLOUR = "#1a1a1a"  # tile labels and legend text
BACKGROUND = "#fbfaf6"  # the map's own background, so it reads the same in light and dark themes
GROUP_EDGE = "#3b3b3b"  # outline of each current province's block (non-text contrast ≥ 3:1)
TILE_EDGE = "#ffffff"  # thin line between former provinces inside one block
HA_NOI_FILL = "#ffffff"
HA_NOI_EDGE = "#5a5a5a"

# Directions in doubled coordinates, with the two corner indices of the edge facing each one.
# Corners k = 0…5 sit at angles −30°, 30°, 90°, 150°, 210°, 270° (y grows downwards).
NEIGHBOURS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "east": ((2, 0), (0, 1)),
    "south-east": ((1, 1), (1, 2)),
    "south-west": ((-1, 1), (2, 3)),
    "west": ((-2, 0), (3, 4)),
    "north-west": ((-1, -1), (4, 5)),
    "north-east": ((1, -1), (5, 0)),
}
