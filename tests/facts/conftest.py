"""Fixture data for the facts tests: a tiny data/ tree in tmp_path with Vietnamese names."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest

from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import load
from nmm_site.facts.render import Renderer

SOURCES = """\
census-2019:
  title: Kết quả toàn bộ Tổng điều tra Dân số và Nhà ở năm 2019
  publisher: Tổng cục Thống kê
  url: https://example.org/census-2019
  accessed: 2026-11-26
resolution-202:
  title: Nghị quyết 202/2025/QH15
  publisher: Lao Động
  url: https://example.org/nq-202
  accessed: 2026-07-01
"""

PROVINCES = """\
ha-giang:
  name: {vi: Hà Giang, en: Hà Giang, fr: Hà Giang}
  gso_code: {value: "02", source: census-2019}
  population: {value: 854679, year: 2019, source: census-2019}
  area_km2: {value: 7927.55, unit: km2, source: census-2019}
  part_of: tuyen-quang
  former_names: []
bac-kan:
  name: {vi: Bắc Kạn, en: Bắc Kạn, fr: Bắc Kạn}
  population: {value: 313905, year: 2019, source: census-2019}
  part_of: thai-nguyen
  former_names:
    - {name: Bac Can, slug: bac-can}
    - Bắc Cạn
cao-bang:
  name: {vi: Cao Bằng, en: Cao Bằng, fr: Cao Bằng}
  population: {value: 530341, year: 2019, source: census-2019}
  part_of: cao-bang
"""

PROVINCES_2025 = """\
tuyen-quang:
  name: {vi: Tuyên Quang, en: Tuyên Quang, fr: Tuyên Quang}
  formed_from: [ha-giang, {vi: Tuyên Quang, en: Tuyên Quang, fr: Tuyên Quang}]
  seat:
    value: {vi: thành phố Tuyên Quang cũ, en: former Tuyên Quang city, fr: ancienne ville de Tuyên Quang}
    source: resolution-202
  seat_ward:
    value: {vi: phường Minh Xuân, en: Minh Xuân ward, fr: quartier de Minh Xuân}
    uncertain: true
    source: resolution-202
  area_km2: {value: 13795.50, unit: km2, source: resolution-202}
  population: {value: 1865270, source: resolution-202}
thai-nguyen:
  name: {vi: Thái Nguyên, en: Thái Nguyên, fr: Thái Nguyên}
  formed_from: [bac-kan]
  seat:
    value: {vi: thành phố Thái Nguyên cũ, en: former Thái Nguyên city, fr: ancienne ville de Thái Nguyên}
    source: resolution-202
cao-bang:
  name: {vi: Cao Bằng, en: Cao Bằng, fr: Cao Bằng}
  formed_from: [cao-bang]
  seat:
    value: {vi: thành phố Cao Bằng cũ, en: former Cao Bằng city, fr: ancienne ville de Cao Bằng}
    source: resolution-202
"""

REGION = """\
region:
  name:
    vi: Trung du và miền núi phía Bắc
    en: Northern Midlands and Mountains
    fr: Moyennes et hautes terres du Nord
  provinces: [ha-giang, bac-kan, cao-bang]
  area_km2: {value: 95180, unit: km2, approx: true, source: census-2019}
  share: {value: 85.32, unit: percent, source: census-2019}
resolution-202:
  name: {vi: Nghị quyết 202/2025/QH15, en: Resolution 202/2025/QH15, fr: Résolution 202/2025/QH15}
  adopted: {value: 2025-06-12, source: resolution-202}
  governments_operating: {value: 2025-07-01, source: resolution-202}
  decided: {value: 2025-07-12, source: resolution-202}
"""

HERITAGE = """\
dien-bien-phu:
  name: {vi: Di tích Điện Biên Phủ, en: Điện Biên Phủ battlefield, fr: Site de Điện Biên Phủ}
  designation: {vi: Di tích quốc gia đặc biệt, en: Special national relic, fr: Monument national spécial}
  designated: {value: 2009-10-10, source: census-2019}
  province_2024: [ha-giang]
"""


def write_data(root: Path, files: dict[str, str]) -> Path:
    """Write data files (relative name → YAML text) under root/data and return that directory."""
    data = root / "data"
    (data / "sources").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (data / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return data


def base_files() -> dict[str, str]:
    return {
        "sources/general.yml": SOURCES,
        "provinces.yml": PROVINCES,
        "provinces-2025.yml": PROVINCES_2025,
        "region.yml": REGION,
        # NFD-decomposed Vietnamese text must load and render like NFC.
        "heritage.yml": unicodedata.normalize("NFD", HERITAGE),
    }


def config_for(data_dir: Path) -> FactsConfig:
    return FactsConfig(data_dir=data_dir, languages=("vi", "en", "fr"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_data(tmp_path, base_files())


@pytest.fixture
def renderer(data_dir: Path) -> Renderer:
    config = config_for(data_dir)
    return Renderer(load(config), config)
