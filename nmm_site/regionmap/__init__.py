"""A schematic tile map of the region's 14 provinces (2024), drawn by the project as accessible inline SVG."""

from nmm_site.regionmap.render import region_map_list_html, region_map_svg

__all__ = ["region_map_list_html", "region_map_svg"]
