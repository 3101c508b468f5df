"""A–Z order in each language."""

import unicodedata

from nmm_site.content.collation import sort_key, sorted_by_name


def test_vietnamese_alphabet_order():
    words = ["Yên Bái", "Ơ Đu", "Đồng Văn", "Ăn", "Bắc Kạn", "Âm", "An", "Dao", "Ê", "Ô", "Ư", "Uông", "Ét"]
    assert sorted_by_name(words, "vi") == [
        "An",
        "Ăn",
        "Âm",
        "Bắc Kạn",
        "Dao",
        "Đồng Văn",
        "Ét",
        "Ê",
        "Ô",
        "Ơ Đu",
        "Uông",
        "Ư",
        "Yên Bái",
    ]


def test_vietnamese_base_letters_before_tones():
    # "Lạng" vs "Lai": the base letters decide first (i < n), the dot below only after.
    assert sorted_by_name(["Lạng Sơn", "Lai Châu", "Lào Cai"], "vi") == ["Lai Châu", "Lạng Sơn", "Lào Cai"]
    assert sorted_by_name(["Hòa Bình", "Hà Giang"], "vi") == ["Hà Giang", "Hòa Bình"]


def test_vietnamese_tone_order_when_letters_tie():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted_by_name(["mạ", "má", "mã", "mả", "mà", "ma"], "vi") == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_vietnamese_nfd_input_sorts_like_nfc():
    nfd = unicodedata.normalize("NFD", "Điện Biên")
    assert sort_key(nfd, "vi")[:3] == sort_key("Điện Biên", "vi")[:3]
    assert sorted_by_name([nfd, "Cao Bằng", "Hà Giang"], "vi") == ["Cao Bằng", nfd, "Hà Giang"]


def test_french_ignores_accents_at_the_first_level():
    assert sorted_by_name(["Éluard", "Ezra", "Eden", "élan"], "fr") == ["Eden", "élan", "Éluard", "Ezra"]
    # Equal letters: unaccented first.
    assert sorted_by_name(["côte", "coté", "cote"], "fr") == ["cote", "coté", "côte"]
    assert sorted_by_name(["Œuvre", "Ode", "Oeuf"], "fr") == ["Ode", "Oeuf", "Œuvre"]


def test_english_plain_order_and_words_before_longer_words():
    assert sorted_by_name(["Lao Cai", "Lai Chau", "Laichau", "bac Giang"], "en") == [
        "bac Giang",
        "Lai Chau",
        "Laichau",
        "Lao Cai",
    ]
    # The Vietnamese order differs: đ is its own letter after d.
    assert sorted_by_name(["Đồng Văn", "Dao", "Dz"], "en") == ["Dao", "Đồng Văn", "Dz"]
    assert sorted_by_name(["Đồng Văn", "Dao", "Dz"], "vi") == ["Dao", "Dz", "Đồng Văn"]
