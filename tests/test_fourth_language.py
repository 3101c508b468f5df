"""A fourth language is a change to mkdocs.yml, the catalogs and the content only — never to Python.

The test copies the project into a fixture (tests/fixtures/site), then adds German (`de`) exactly as
ARCHITECTURE.md ("Adding a language") tells a maintainer to: a `languages:` entry in mkdocs.yml, a
catalog copied from English, a `de` text beside every localised text in data/ and in the image
sidecars (here the English text, as a first draft would), and a page under docs/de/. The build must
pass `--strict` and serve the new language like the others.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from lxml import html

from nmm_site import site_config
from nmm_site.errors import ProblemsFound
from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import load, with_languages
from tests.conftest import FIXTURES, ROOT, make_fixture_project, mkdocs_build

BASE = "https://nmm.example.org/"
NEW = "de"
LANGUAGE_ENTRY = """\
        - locale: de
          name: Deutsch
          build: true
          site_name: Nördliches Mittelland und Bergland von Vietnam
          site_description: Provinzen, Kulturerbe und Völker des Nordens von Vietnam.
          copyright: Inhalt CC BY 4.0 · Code MIT
"""
NOTICE_EN = "This page has not been translated into English yet. Below is the Vietnamese original."
NOTICE_DE = "Diese Seite wurde noch nicht ins Deutsche übersetzt. Unten steht das vietnamesische Original."
HOME = """\
---
type: home
id: home
title: Nördliches Mittelland und Bergland von Vietnam
description: Die Provinzen, das Kulturerbe und die Völker des nördlichen Berglands von Vietnam, auf Deutsch.
sources: [decision-369-2024]
---

Das nördliche Mittelland und Bergland reicht von den Teehügeln nördlich von Hà Nội bis zu den
Kalksteinplateaus an der Nordgrenze von Vietnam.
"""


def add_language_to_mkdocs_yml(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Append the entry after the last language of the i18n plugin's `languages:` list.
    block = re.search(r"^      languages:\n((?:        .*\n)+)", text, re.MULTILINE)
    assert block, "the i18n plugin's languages: list moved; update this test"
    config.write_text(text[: block.end()] + LANGUAGE_ENTRY + text[block.end() :], encoding="utf-8")


def add_catalog(project: Path) -> None:
    source = (project / "locales" / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    catalog = source  # the catalogs carry no header: the folder name is the language
    # One real translation, so the test sees the catalog is the new language's own.
    wrapped = (
        'msgstr ""\n"This page has not been translated into English yet. Below is the "\n'
        '"Vietnamese original."'
    )
    assert wrapped in catalog
    catalog = catalog.replace(wrapped, f'msgstr "{NOTICE_DE}"')
    target = project / "locales" / NEW / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    target.write_text(catalog, encoding="utf-8")


def with_new_texts(node: object) -> object:
    """Every localised text ({vi, en, fr}) and per-language map gets a `de` entry: here the English
    one, as a first draft."""
    if isinstance(node, dict):
        out = {key: with_new_texts(value) for key, value in node.items()}
        # A localised text, a term (terms.yml) or a per-language map such as a term's `allow`.
        languages = {"vi", "en", "fr"}
        if "en" in out and (languages <= out.keys() or out.keys() - {"slug"} <= languages):
            out[NEW] = out["en"]
        return out
    if isinstance(node, list):
        return [with_new_texts(item) for item in node]
    return node


class _NoAliases(yaml.SafeDumper):
    """The project's YAML refuses anchors and aliases: write shared values out."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def add_texts(project: Path) -> None:
    files = [*(project / "data").rglob("*.yml"), *(project / "assets" / "images").glob("*.yml")]
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        new = with_new_texts(data)
        if new != data:
            text = yaml.dump(new, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")


# Fast: what a new language gets without any Python edit.


def test_language_details_come_from_mkdocs_yml_or_babel() -> None:
    site = site_config.load(ROOT)
    assert site.language("en").locale == "en_GB" and site.language("en").open_graph_locale == "en_GB"
    assert site.language("vi").date_pattern == "d 'tháng' M 'năm' y"
    assert site.language("fr").open_graph_locale == "fr_FR"
    new = site.language(NEW)  # not configured: everything derived from the code
    assert (new.locale, new.open_graph_locale, new.date_pattern) == ("de", "de_DE", "long")


def test_schemas_follow_the_languages_of_mkdocs_yml() -> None:
    schema = json.loads((ROOT / "schemas" / "data-provinces.schema.json").read_text(encoding="utf-8"))
    text = with_languages(schema, ("vi", "en", "fr", NEW))["$defs"]["text"]
    assert text["required"] == ["vi", "en", "fr", NEW]
    assert set(text["properties"]) >= {"vi", "en", "fr", NEW}


def test_a_data_text_without_the_new_language_stops_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "s.yml").write_text(
        "s1: {title: T, publisher: P, url: 'https://example.org/', accessed: 2025-01-01}\n", encoding="utf-8"
    )
    (tmp_path / "region.yml").write_text("r:\n  name: {vi: A, en: A, fr: A}\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as error:
        load(FactsConfig(data_dir=tmp_path, languages=("vi", "en", "fr", NEW)))
    assert any(p.line == 2 and f"is missing '{NEW}'" in p.message for p in error.value.problems)
    load(FactsConfig(data_dir=tmp_path, languages=("vi", "en", "fr")))  # the same file is fine without


# Slow: the fixture project built with the new language.


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_fixture_project(tmp_path_factory.mktemp("fourth-language"), FIXTURES / "site" / "docs")
    add_language_to_mkdocs_yml(project)
    add_catalog(project)
    add_texts(project)
    (project / "docs" / NEW).mkdir()
    (project / "docs" / NEW / "index.md").write_text(HOME, encoding="utf-8")
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir, env={"SITE_URL": BASE})
    assert result.returncode == 0, result.stderr[:3000] + "\n…\n" + result.stderr[-3000:]
    return site_dir


def parse(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


def alternates(doc: html.HtmlElement) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    }


@pytest.mark.slow
def test_new_language_home_has_its_lang_and_every_alternate(site: Path) -> None:
    doc = parse(site / NEW / "index.html")
    assert doc.get("lang") == NEW
    assert "Teehügeln" in doc.text_content()
    expected = {"vi": BASE, "en": f"{BASE}en/", "fr": f"{BASE}fr/", NEW: f"{BASE}{NEW}/", "x-default": BASE}
    assert alternates(doc) == expected
    assert alternates(parse(site / "en" / "index.html")) == expected
    assert doc.xpath("//head/meta[@property='og:locale']/@content") == ["de_DE"]


@pytest.mark.slow
def test_language_bar_offers_the_new_language(site: Path) -> None:
    links = parse(site / "index.html").xpath("//nav[contains(@class,'nmm-langbar')]//a")
    assert (NEW, "Deutsch") in [(a.get("lang"), a.text_content().strip()) for a in links]


@pytest.mark.slow
def test_new_language_has_its_own_search_index(site: Path) -> None:
    config = json.loads(parse(site / NEW / "index.html").xpath("//script[@id='__config']/text()")[0])
    assert config["base"] == "."
    index = site / NEW / "search" / "search_index.json"
    assert index.exists()
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert any("Teehügeln" in doc.get("text", "") for doc in docs)
    assert not any(
        "Teehügeln" in doc.get("text", "")
        for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    )


@pytest.mark.slow
def test_untranslated_page_is_served_with_the_notice_in_the_new_language(site: Path) -> None:
    doc = parse(site / NEW / "lich-su" / "index.html")
    assert doc.get("lang") == NEW
    notice = doc.xpath("//aside[contains(@class,'nmm-notice--fallback')]")
    assert len(notice) == 1
    assert NOTICE_DE in notice[0].text_content()
    assert NOTICE_EN not in notice[0].text_content()
    body = doc.xpath("//div[contains(@class,'nmm-fallback-body')]")
    assert [b.get("lang") for b in body] == ["vi"]
