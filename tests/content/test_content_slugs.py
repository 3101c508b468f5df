"""Slugs stay stable ASCII: the same rule names files, folders and heading anchors."""

import unicodedata

import pytest

from nmm_site.content.slugs import fold, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Điện Biên Phủ", "dien-bien-phu"),
        ("đèo Mã Pí Lèng", "deo-ma-pi-leng"),
        ("Hà Giang", "ha-giang"),
        ("Lịch sử", "lich-su"),
        ("Xòe Thái", "xoe-thai"),
        ("Œuvre d’art à Sơn La", "oeuvre-d-art-a-son-la"),
        ("  Bắc Kạn — 2024 ", "bac-kan-2024"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug
    assert slugify(unicodedata.normalize("NFD", text)) == slug


def test_fold_keeps_case_and_handles_d_stroke():
    assert fold("Đồng Văn") == "Dong Van"


def test_slug_is_its_own_slug():
    assert slugify(slugify("Điện Biên Phủ")) == "dien-bien-phu"
