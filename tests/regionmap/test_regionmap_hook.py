"""Placing the map: page language, link prefix, the Markdown placeholder and the MkDocs hook."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.regionmap import render
from nmm_site.regionmap.pages import language_root_prefix, page_language, replace_placeholder

ROOT = Path(__file__).resolve().parents[2]
CODES = ("vi", "en", "fr")


def load_hook():
    # As MkDocs does: a plain module loaded from its file path.
    spec = importlib.util.spec_from_file_location("regionmap_hook", ROOT / "hooks" / "regionmap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fixture_region(monkeypatch, region):
    monkeypatch.setattr(render, "load_cached", lambda data_dir: region)
    return region


@pytest.mark.parametrize(
    ("url", "lang", "prefix"),
    [
        ("", "vi", ""),
        ("region/", "vi", "../"),
        ("provinces/dien-bien/", "vi", "../../"),
        ("en/", "en", ""),
        ("en/region/", "en", "../"),
        ("fr/provinces/ha-giang/", "fr", "../../"),
        ("fr/region.html", "fr", ""),
        ("entry/", "vi", "../"),  # a folder that merely starts like a language code
    ],
)
def test_page_language_and_prefix_to_the_language_root(url, lang, prefix):
    assert page_language(url, CODES, "vi") == lang
    assert language_root_prefix(url, lang, "vi") == prefix


def test_only_the_exact_placeholder_line_is_replaced():
    markdown = (
        "# Vùng Điện Biên Phủ\n\n{{ region_map() }}\n\n"
        'Dân số {{ fact("provinces.ha-giang.population") }} người.\n'
        "Inline {{ region_map() }} stays.\n{{region_map()}}\n"
    )
    out = replace_placeholder(markdown, lambda: "<figure>MAP</figure>")
    assert out.count("<figure>MAP</figure>") == 1
    assert '{{ fact("provinces.ha-giang.population") }}' in out
    assert "Inline {{ region_map() }} stays." in out and "{{region_map()}}" in out
    assert "\n\n<figure>MAP</figure>\n\n" in out


def test_pages_without_the_placeholder_do_not_render_the_map():
    def fail() -> str:
        raise AssertionError("rendered although the page has no placeholder")

    assert replace_placeholder("# Hà Giang\n", fail) == "# Hà Giang\n"


def test_hook_replaces_the_placeholder_in_the_page_language(fixture_region):
    hook = load_hook()
    page = SimpleNamespace(url="en/region/", meta={}, file=SimpleNamespace(src_uri="en/region.md"))
    config = SimpleNamespace(theme={"language": "en"})
    out = hook.on_page_markdown("# Region\n\n{{ region_map() }}\n", page=page, config=config, files=None)
    figure = ET.fromstring(out.strip().split("\n")[-1])
    assert figure.tag == "figure" and figure.get("class") == "nmm-map"
    assert figure.find("figcaption").text.startswith("The region’s provinces")
    svg = figure.find("{http://www.w3.org/2000/svg}svg")
    assert svg.get("lang") == "en"
    hrefs = {a.get("href") for a in svg.iter("{http://www.w3.org/2000/svg}a")}
    assert "../provinces/ha-giang/" in hrefs
    assert page.meta == {"nmm_map_lang": "en", "nmm_map_root_prefix": "../"}
    assert svg.get("aria-labelledby") == "nmm-map-md-title"  # not the template map's ids


def test_hook_uses_the_build_language_when_the_tree_sits_at_the_root(fixture_region):
    # BUILD_ONLY_LOCALE=fr previews the French tree at the site root: the URL has no fr/ prefix.
    hook = load_hook()
    page = SimpleNamespace(url="region/", meta={}, file=SimpleNamespace(src_uri="fr/region.md"))
    config = SimpleNamespace(theme={"language": "fr"})
    hook.on_page_markdown("{{ region_map() }}\n", page=page, config=config, files=None)
    assert page.meta == {"nmm_map_lang": "fr", "nmm_map_root_prefix": "../"}


def test_hook_registers_jinja_globals_that_render_markup(fixture_region):
    hook = load_hook()
    env = hook.on_env(jinja2.Environment(autoescape=True), config=None, files=None)
    template = env.from_string("{{ region_map_svg(lang, root_prefix) }}{{ region_map_list_html(lang, '') }}")
    html = template.render(lang="fr", root_prefix="..")
    assert html.startswith("<svg ") and 'href="../provinces/son-la/"' in html
    assert '<ul class="nmm-map-list"' in html and "&lt;" not in html


def test_hook_turns_data_problems_into_a_plugin_error(monkeypatch):
    hook = load_hook()

    def broken(data_dir):
        raise ProblemsFound([Problem(data_dir / "provinces.yml", 3, "`ha-giang.part_of` is None", "set it")])

    monkeypatch.setattr(render, "load_cached", broken)
    page = SimpleNamespace(url="region/", meta={}, file=SimpleNamespace(src_uri="vi/region.md"))
    with pytest.raises(PluginError, match=r"vi/region.md: 1 problem found:\n.*provinces.yml:3"):
        hook.on_page_markdown("{{ region_map() }}\n", page=page, config=None, files=None)
    env = hook.on_env(jinja2.Environment(), config=None, files=None)
    with pytest.raises(PluginError, match="part_of"):
        env.globals["region_map_svg"]("vi", "")
