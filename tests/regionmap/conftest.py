"""Fixture data for the region map: the 14 provinces of 2024 and the 10 current provinces."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from nmm_site.content.slugs import fold
from nmm_site.regionmap.data import Region, load_region
from nmm_site.regionmap.render import PROVINCE_IDS

NAMES = {
    "ha-giang": "Hà Giang",
    "cao-bang": "Cao Bằng",
    "bac-kan": "Bắc Kạn",
    "tuyen-quang": "Tuyên Quang",
    "lao-cai": "Lào Cai",
    "yen-bai": "Yên Bái",
    "thai-nguyen": "Thái Nguyên",
    "lang-son": "Lạng Sơn",
    "bac-giang": "Bắc Giang",
    "phu-tho": "Phú Thọ",
    "dien-bien": "Điện Biên",
    "lai-chau": "Lai Châu",
    "son-la": "Sơn La",
    "hoa-binh": "Hòa Bình",
}
PART_OF = {
    "ha-giang": "tuyen-quang",
    "tuyen-quang": "tuyen-quang",
    "bac-kan": "thai-nguyen",
    "thai-nguyen": "thai-nguyen",
    "lao-cai": "lao-cai",
    "yen-bai": "lao-cai",
    "hoa-binh": "phu-tho",
    "phu-tho": "phu-tho",
    "bac-giang": "bac-ninh",
    "cao-bang": "cao-bang",
    "lang-son": "lang-son",
    "dien-bien": "dien-bien",
    "lai-chau": "lai-chau",
    "son-la": "son-la",
}
CURRENT = {
    "tuyen-quang": "Tuyên Quang",
    "lao-cai": "Lào Cai",
    "thai-nguyen": "Thái Nguyên",
    "phu-tho": "Phú Thọ",
    "bac-ninh": "Bắc Ninh",
    "cao-bang": "Cao Bằng",
    "lang-son": "Lạng Sơn",
    "dien-bien": "Điện Biên",
    "lai-chau": "Lai Châu",
    "son-la": "Sơn La",
}


def localised(name: str) -> dict[str, str]:
    # Distinct per language so a test sees which language was used: vi as written (stored NFD, as some
    # editors type it), en without diacritics, fr in capitals.
    return {"vi": unicodedata.normalize("NFD", name), "en": fold(name), "fr": name.upper()}


def write_data(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    provinces = {pid: {"name": localised(NAMES[pid]), "part_of": PART_OF[pid]} for pid in NAMES}
    current = {cid: {"name": localised(name)} for cid, name in CURRENT.items()}
    (data_dir / "provinces.yml").write_text(yaml.safe_dump(provinces, allow_unicode=True), encoding="utf-8")
    (data_dir / "provinces-2025.yml").write_text(
        yaml.safe_dump(current, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return data_dir


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_data(tmp_path / "data")


@pytest.fixture
def region(data_dir: Path) -> Region:
    return load_region(data_dir, PROVINCE_IDS)
