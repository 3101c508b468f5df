"""A small data folder (two provinces, a people, a heritage site, sources and events) for the calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nmm_site.calendar.model import Calendar, build
from nmm_site.facts.config import FactsConfig

LANGS = ("vi", "en", "fr")
STAMP = dt.datetime(2026, 12, 5, 1, 0, tzinfo=dt.UTC)  # 2026-12-05 in Viet Nam

PROVINCES = """\
ha-giang:
  name: {vi: Hà Giang, en: Hà Giang, fr: Hà Giang}
phu-tho:
  name: {vi: Phú Thọ, en: Phú Thọ, fr: Phú Thọ}
"""
PEOPLES = """\
mong:
  name: {vi: Mông, en: Mông, fr: Mông}
"""
HERITAGE = """\
hung-kings-worship:
  name: {vi: Tín ngưỡng thờ cúng Hùng Vương, en: Worship of the Hùng Kings, fr: Culte des rois Hùng}
"""
SOURCES = """\
src-a:
  title: Giỗ Tổ Hùng Vương
  publisher: Báo Chính phủ
  url: https://example.org/hung
  accessed: 2026-11-30
src-b:
  title: Chợ phiên
  publisher: Nhân Dân
  accessed: 2026-11-30
"""
EVENTS = """\
# Events of the test data.

hung-kings-commemoration:
  name: {vi: Giỗ Tổ Hùng Vương, en: Hùng Kings' Commemoration Day, fr: Commémoration des rois Hùng}
  kind: festival
  date: lunar 3/10
  province_2024: [phu-tho]
  place: {vi: Đền Hùng, en: Hùng Temples, fr: temples des rois Hùng}
  heritage: [hung-kings-worship]
  description:
    vi: Ngày giỗ chung của các Vua Hùng.
    en: The shared death anniversary of the Hùng Kings.
    fr: L'anniversaire commun des rois Hùng.
  source: src-a

sunday-market:
  name: {vi: Chợ phiên Chủ nhật, en: Sunday market, fr: marché du dimanche}
  kind: market
  date: every Sunday
  province_2024: [ha-giang]
  peoples: [mong]
  description: {vi: Chợ sáng Chủ nhật., en: A Sunday market., fr: Un marché le dimanche.}
  source: src-b

spring-season:
  name: {vi: Mùa xuân, en: Spring season, fr: saison de printemps}
  kind: performance
  date: lunar months 1-2
  province_2024: [phu-tho, ha-giang]
  description: {vi: Hát đầu năm., en: Songs of the new year., fr: Chants du nouvel an.}
  date_note: {vi: Ngày do làng chọn., en: The village chooses the days., fr: Le village choisit les jours.}
  source: src-a

victory-day:
  name: {vi: Ngày chiến thắng, en: Victory day, fr: jour de la victoire}
  kind: ceremony
  date: solar 5/7
  province_2024: [ha-giang]
  description: {vi: Kỷ niệm., en: An anniversary., fr: Un anniversaire.}
  source: src-b
"""


VISITS = """\
ha-giang:
  seasons:
    - months: [9, 10]
      what: {vi: Lúa chín, en: Ripe rice, fr: Riz mûr}
      source: src-a
    - months: [1]
      what: {vi: Hoa mận, en: Plum flowers, fr: Pruniers en fleurs}
      source: src-b
hung-kings-worship:
  seasons:
    - months: [4]
      what: {vi: Lễ hội, en: The festival, fr: La fête}
      source: src-a
"""


def write_data(root: Path, events: str = EVENTS) -> Path:
    data = root / "data"
    (data / "sources").mkdir(parents=True, exist_ok=True)
    (data / "provinces.yml").write_text(PROVINCES, encoding="utf-8")
    (data / "peoples.yml").write_text(PEOPLES, encoding="utf-8")
    (data / "heritage.yml").write_text(HERITAGE, encoding="utf-8")
    (data / "sources" / "test.yml").write_text(SOURCES, encoding="utf-8")
    (data / "events-1.yml").write_text(events, encoding="utf-8")
    (data / "visits-1.yml").write_text(VISITS, encoding="utf-8")
    return data


def facts_config(data: Path) -> FactsConfig:
    return FactsConfig(data_dir=data, languages=LANGS)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_data(tmp_path)


@pytest.fixture
def calendar(data_dir: Path) -> Calendar:
    return build(facts_config(data_dir), stamp=STAMP)
