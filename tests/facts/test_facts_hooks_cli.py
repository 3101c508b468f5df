"""The facts hook (as MkDocs calls it), the show-fact command, and the shipped reorganisation data."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.exceptions import PluginError

import hooks.facts as hook
from nmm_site.facts import commands
from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import load
from nmm_site.facts.render import renderer

ROOT = Path(__file__).resolve().parents[2]


def _config(project: Path) -> SimpleNamespace:
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return SimpleNamespace(config_file_path=str(project / "mkdocs.yml"))


def _page(project: Path, lang: str, source: str) -> SimpleNamespace:
    path = project / "docs" / lang / "provinces" / "ha-giang.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    # As MkDocs reads it: the body after the front matter (and the blank lines that follow it).
    body = source.split("---\n", 2)[2].lstrip("\n") if source.startswith("---\n") else source
    return SimpleNamespace(
        file=SimpleNamespace(src_uri=f"{lang}/provinces/ha-giang.md", abs_src_path=str(path)),
        meta={},
        markdown=body,
    )


def test_hook_renders_in_the_page_language(tmp_path: Path, data_dir: Path) -> None:
    config = _config(tmp_path)
    page = _page(
        tmp_path, "fr", "---\ntitle: Hà Giang\n---\n\nX {{ fact('provinces.ha-giang.population') }}\n"
    )
    out = hook.on_page_markdown("X {{ fact('provinces.ha-giang.population') }}\n", page, config, None)
    assert out == 'X <span class="nmm-fact" data-fact="provinces.ha-giang.population">854\u202f679</span>\n'
    assert page.meta["nmm_fact_sources"] == ["census-2019"]


def test_hook_stops_the_build_with_every_problem(tmp_path: Path, data_dir: Path) -> None:
    config = _config(tmp_path)
    source = (
        "---\ntitle: Hà Giang\n---\n\n{{ fact('provinces.x.population') }}\n{{ fact('provinces.ha-giang') \n"
    )
    page = _page(tmp_path, "vi", source)
    with pytest.raises(PluginError) as error:
        hook.on_page_markdown(source.split("---\n", 2)[2].lstrip("\n"), page, config, None)
    report = str(error.value)
    assert report.startswith("2 problems found:\n")
    assert "docs/vi/provinces/ha-giang.md:5: unknown id 'x' in fact path 'provinces.x.population'" in report
    assert "docs/vi/provinces/ha-giang.md:6: unclosed shortcode" in report
    assert "Traceback" not in report


def test_template_globals(tmp_path: Path, data_dir: Path) -> None:
    env = hook.on_env(jinja2.Environment(autoescape=True), _config(tmp_path), None)
    template = env.from_string(
        "{{ fact('provinces.ha-giang.population', 'en') }}|{{ sources(['census-2019'])[0].publisher }}|"
        "{{ entity('provinces', 'ha-giang').part_of }}|"
        "{% for label, value, src in factbox('province', 'ha-giang', 'vi') %}"
        "{{ label }}={{ value }};{% endfor %}|{{ reorg_sentence('ha-giang', 'en') }}"
    )
    out = template.render()
    assert out.startswith('854,679|Tổng cục Thống kê|tuyen-quang|Tỉnh từ năm 2025=<span class="nmm-fact"')
    assert out.endswith("|part of Tuyên Quang province since 2025")


def test_show_fact(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(commands, "renderer", lambda: renderer(data_dir))
    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    args = parser.parse_args(["show-fact", "provinces.ha-giang.area_km2"])
    assert args.handler(args) == 0
    assert capsys.readouterr().out == (
        "vi: 7.927,55\u00a0km²\nen: 7,927.55\u00a0km²\nfr: 7\u202f927,55\u00a0km²\n"
        "source: census-2019: Kết quả toàn bộ Tổng điều tra Dân số và Nhà ở năm 2019, Tổng cục Thống kê "
        "<https://example.org/census-2019>, accessed 2026-11-26\n"
    )
    args = parser.parse_args(["show-fact", "provinces.ha-giang.area", "--lang", "fr"])
    assert args.handler(args) == 1
    assert "did you mean provinces.ha-giang.area_km2" in capsys.readouterr().err


def test_shipped_reorganisation_data(tmp_path: Path) -> None:
    """data/provinces-2025.yml, data/region.yml and their sources load, and the 10 provinces cover the 14."""
    data_dir = tmp_path / "data"
    (data_dir / "sources").mkdir(parents=True)
    for name in ("provinces-2025.yml", "region.yml", "sources/general.yml"):
        shutil.copy(ROOT / "data" / name, data_dir / name)
    data = load(FactsConfig(data_dir=data_dir, languages=("vi", "en", "fr"), schemas_dir=ROOT / "schemas"))
    region = data.entity("region", "region")
    assert list(data.datasets["provinces-2025"]) == list(region["provinces_now"])
    assert len(region["provinces"]) == region["province_count"]["value"] == 14
    former = [
        f for p in data.datasets["provinces-2025"].values() for f in p["formed_from"] if isinstance(f, str)
    ]
    assert sorted(former) == sorted(region["provinces"])
