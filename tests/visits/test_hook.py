"""hooks/visits.py on the real data: a province page gets the blocks, its TOC entry and its sources."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.toc import AnchorLink

ROOT = Path(__file__).resolve().parents[2]


def _hook():
    spec = importlib.util.spec_from_file_location("visits_hook", ROOT / "hooks" / "visits.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page(src_uri: str, meta: dict) -> SimpleNamespace:
    toc = [AnchorLink("Landscape", "landscape", 2)]
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=dict(meta), toc=toc)


def test_province_page(labels: dict) -> None:
    hook = _hook()
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), extra={})
    hook.on_config(config)  # the real data passes
    page = _page(
        "en/provinces/ha-giang.md", {"type": "province", "id": "ha-giang", "nmm_fact_sources": ["x"]}
    )
    out = hook.on_page_content('<p>Lead.</p>\n<h2 id="landscape">Landscape</h2>', page, config, None)
    assert out.index("Lead.") < out.index('<aside class="nmm-plan"') < out.index('id="plan-your-visit"')
    assert out.index('id="plan-your-visit"') < out.index('id="landscape"')
    # Links are relative to the page inside its language tree.
    assert 'href="../../heritage/dong-van-karst-plateau/"' in out
    assert [item.id for item in page.toc] == ["plan-your-visit", "landscape"]
    sources = page.meta["nmm_fact_sources"]
    assert sources[0] == "x" and "ve-vietnamplus-ma-pi-leng" in sources and len(sources) == len(set(sources))


def test_pages_without_visits_are_unchanged(labels: dict) -> None:
    hook = _hook()
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), extra={})
    for meta in ({"type": "people", "id": "mong"}, {"type": "page", "id": "about"}):
        page = _page("vi/x.md", meta)
        assert hook.on_page_content("<p>Text</p>", page, config, None) == "<p>Text</p>"


def test_offices_marks_are_filled(labels: dict) -> None:
    hook = _hook()
    config = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"), extra={"corrections_contact": "mailto:a@b.invalid"}
    )
    page = _page("fr/offices.md", {"type": "page", "id": "offices"})
    out = hook.on_page_content(
        "<!-- key-figures -->\n<p>x</p>\n<!-- corrections-contact -->", page, config, None
    )
    assert '<dl class="nmm-keyfigures">' in out and 'href="mailto:a@b.invalid"' in out
    assert "decision-369-2024" in page.meta["nmm_fact_sources"]
