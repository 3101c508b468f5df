"""Our linear removal of duplicated search entries gives exactly static-i18n's result."""

from __future__ import annotations

import copy
import random

import pytest
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from scripts.buildtools.searchdedupe import ORIGINAL, install, remove_duplicates

LANGUAGES = ["vi", "en", "fr"]


class _Plugin:
    build_languages = LANGUAGES


def static_i18n(entries: list[dict]) -> list[dict]:
    result = copy.deepcopy(entries)
    ORIGINAL(_Plugin(), result)  # type: ignore[arg-type]
    return result


def ours(entries: list[dict]) -> list[dict]:
    result = copy.deepcopy(entries)
    remove_duplicates(result, LANGUAGES)
    return result


def random_index(rng: random.Random, unique: bool) -> list[dict]:
    """Default entries, then en and fr ones; few titles and texts, so that many entries repeat."""
    pages = ["", "lich-su/", "lich-su/#ha-giang", "provinces/ha-giang/", "dien-bien-phu/"]
    titles, texts = ["Hà Giang", "Điện Biên Phủ"], ["Nội dung", "Content", ""]
    entries = [
        {"location": rng.choice(pages), "title": rng.choice(titles), "text": rng.choice(texts)}
        for _ in range(rng.randint(0, 6))
    ]
    for lang in ("en", "fr"):
        chosen = rng.sample(pages, rng.randint(0, len(pages))) if unique else rng.choices(pages, k=5)
        entries += [
            {"location": f"{lang}/{page}", "title": rng.choice(titles), "text": rng.choice(texts)}
            for page in chosen
        ]
    return entries


@pytest.mark.parametrize("unique", [True, False])
def test_same_result_as_static_i18n_on_random_indexes(unique: bool) -> None:
    rng = random.Random(2026)
    for _ in range(800):
        entries = random_index(rng, unique)
        assert ours(entries) == static_i18n(entries), entries


def test_the_entry_after_a_removed_one_is_kept_as_static_i18n_keeps_it() -> None:
    vi = {"location": "lich-su/", "title": "Lịch sử", "text": "Điện Biên Phủ"}
    entries = [
        vi,
        {**vi, "location": "en/lich-su/"},
        {**vi, "location": "fr/lich-su/"},  # right after a removed entry: not examined
    ]
    assert ours(entries) == static_i18n(entries) == [vi, {**vi, "location": "fr/lich-su/"}]


def test_an_other_language_before_the_default_one_takes_the_exact_path() -> None:
    vi = {"location": "ha-giang/", "title": "Hà Giang", "text": ""}
    entries = [{**vi, "location": "en/ha-giang/"}, vi]
    assert ours(entries) == static_i18n(entries)


def test_original_is_static_i18n_own_method() -> None:
    assert ORIGINAL.__module__ == "mkdocs_static_i18n.reconfigure"


def test_install_replaces_the_method_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ExtendedPlugin, "reconfigure_search_duplicates", ORIGINAL)
    assert install() and install()
    method = ExtendedPlugin.reconfigure_search_duplicates
    assert method is not ORIGINAL and method._nmm_original is ORIGINAL
    vi = {"location": "lich-su/", "title": "Lịch sử", "text": ""}
    entries = [vi, {**vi, "location": "en/lich-su/"}]
    method(_Plugin(), entries)
    assert entries == [vi]
