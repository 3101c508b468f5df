"""The map's own words in each language (province names come from the data files)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, object]] = {
    "vi": {
        "title": "Sơ đồ 14 tỉnh vùng Trung du và miền núi phía Bắc (địa giới năm 2024)",
        "desc": (
            "Mỗi ô lục giác là một tỉnh theo địa giới năm 2024, tô màu theo tỉnh mà nó thuộc về từ năm 2025. "
            "Hà Nội, nằm ngoài vùng, được đánh dấu để định hướng. Sơ đồ minh họa, không theo tỷ lệ. "
            "Chọn một ô để mở trang của tỉnh."
        ),
        "caption": "Các tỉnh của vùng trên sơ đồ minh họa, không theo tỷ lệ. Chọn một tỉnh để xem chi tiết.",
        "legend": "Tỉnh từ năm 2025",
        "note": ("Sơ đồ minh họa,", "không theo tỷ lệ"),
        "north": "B",
        "ha_noi": "Hà Nội",
        "ha_noi_legend": "Hà Nội (ngoài vùng)",
        "merged": "{name} — thuộc tỉnh {current} từ năm 2025",
        "unchanged": "{name} — tỉnh giữ nguyên khi sắp xếp năm 2025",
        "list_label": "Danh sách 14 tỉnh (địa giới năm 2024)",
    },
    "en": {
        "title": "Schematic map of the 14 provinces of the Northern Midlands and Mountains (as of 2024)",
        "desc": (
            "Each hexagon is one province as defined in 2024, coloured by the province it has been part of "
            "since 2025. Hà Nội, outside the region, is marked for orientation. Schematic, not to scale. "
            "Select a tile to open the province’s page."
        ),
        "caption": "The region’s provinces, schematic and not to scale. Select a province to read more.",
        "legend": "Province since 2025",
        "note": ("Schematic,", "not to scale"),
        "north": "N",
        "ha_noi": "Hà Nội",
        "ha_noi_legend": "Hà Nội (outside the region)",
        "merged": "{name} — part of {current} province since 2025",
        "unchanged": "{name} — province unchanged in the 2025 reorganisation",
        "list_label": "List of the 14 provinces (as of 2024)",
    },
    "fr": {
        "title": "Carte schématique des 14 provinces des moyennes et hautes terres du Nord (en 2024)",
        "desc": (
            "Chaque hexagone est une province telle que définie en 2024, colorée selon la province dont elle "
            "fait partie depuis 2025. Hà Nội, hors de la région, est indiqué pour se repérer. Schéma sans "
            "échelle. Choisissez une case pour ouvrir la page de la province."
        ),
        "caption": "Les provinces de la région, en schéma sans échelle. Choisissez une province pour en "
        "savoir plus.",
        "legend": "Province depuis 2025",
        "note": ("Schéma,", "sans échelle"),
        "north": "N",
        "ha_noi": "Hà Nội",
        "ha_noi_legend": "Hà Nội (hors de la région)",
        "merged": "{name} — fait partie de la province de {current} depuis 2025",
        "unchanged": "{name} — province inchangée lors de la réorganisation de 2025",
        "list_label": "Liste des 14 provinces (en 2024)",
    },
}
