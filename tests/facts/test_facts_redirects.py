"""Redirect pages for former province names, renamed pages and current provinces."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from nmm_site.errors import ProblemsFound
from nmm_site.facts.redirects import Redirect, data_redirects, page_redirects, relative_url, write_redirects
from nmm_site.facts.render import Renderer

LANGS = ("vi", "en", "fr")


def test_data_redirects(renderer: Renderer) -> None:
    pairs = [(r.source, r.target) for r in data_redirects(renderer.data, LANGS)]
    assert pairs == [
        ("provinces/bac-can/", "provinces/bac-kan/"),
        ("provinces/bac-can/", "provinces/bac-kan/"),  # "Bắc Cạn" folds to the same slug: written once
        ("provinces/now/tuyen-quang/", "provinces/#now-tuyen-quang"),
        ("provinces/now/thai-nguyen/", "provinces/#now-thai-nguyen"),
        ("provinces/now/cao-bang/", "provinces/#now-cao-bang"),
    ]


def test_relative_urls() -> None:
    assert relative_url("provinces/bac-can/", "provinces/bac-kan/") == "../bac-kan/"
    assert relative_url("provinces/now/cao-bang/", "provinces/#now-cao-bang") == "../../#now-cao-bang"


def test_written_page_in_english(tmp_path: Path, renderer: Renderer) -> None:
    redirects = data_redirects(renderer.data, LANGS)
    written = write_redirects(
        tmp_path, "en", "en/", "https://nmm.example.org/", redirects, {"provinces/bac-kan/": "Bắc Kạn"}
    )
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "en/provinces/bac-can/index.html",
        "en/provinces/now/cao-bang/index.html",
        "en/provinces/now/thai-nguyen/index.html",
        "en/provinces/now/tuyen-quang/index.html",
    ]
    page = (tmp_path / "en/provinces/bac-can/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert '<meta http-equiv="refresh" content="0; url=../bac-kan/">' in page
    assert '<link rel="canonical" href="https://nmm.example.org/en/provinces/bac-kan/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<p>This page has moved to <a href="../bac-kan/">Bắc Kạn</a>.</p>' in page
    now = (tmp_path / "en/provinces/now/cao-bang/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../#now-cao-bang"' in now
    # A rebuild overwrites its own redirect pages.
    write_redirects(tmp_path, "en", "en/", "https://nmm.example.org/", redirects, {})


def test_never_overwrites_a_real_page(tmp_path: Path) -> None:
    real = tmp_path / "provinces/bac-can/index.html"
    real.parent.mkdir(parents=True)
    real.write_text("<html><body>Bắc Cạn</body></html>", encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        write_redirects(
            tmp_path, "vi", "", "https://x.org/", [Redirect("provinces/bac-can/", "provinces/bac-kan/")], {}
        )
    assert (
        found.value.problems[0].message == "the redirect from provinces/bac-can/ would overwrite a real page"
    )
    assert real.read_text(encoding="utf-8") == "<html><body>Bắc Cạn</body></html>"


def test_conflicting_redirects(tmp_path: Path) -> None:
    redirects = [Redirect("provinces/x/", "provinces/a/"), Redirect("provinces/x/", "provinces/b/")]
    with pytest.raises(ProblemsFound) as found:
        write_redirects(tmp_path, "vi", "", "https://x.org/", redirects, {})
    assert (
        found.value.problems[0].message
        == "provinces/x/ would redirect both to provinces/a/ and to provinces/b/"
    )


def test_page_redirect_from() -> None:
    origin = Path("docs/vi/heritage/dien-bien-phu.md")
    redirects, problems = page_redirects(
        {"redirect_from": ["heritage/di-tich-dien-bien-phu/", "/heritage/old.md", "../x y"]},
        "heritage/dien-bien-phu/",
        origin,
    )
    assert [(r.source, r.target) for r in redirects] == [
        ("heritage/di-tich-dien-bien-phu/", "heritage/dien-bien-phu/"),
        ("heritage/old/", "heritage/dien-bien-phu/"),
    ]
    assert [p.message for p in problems] == ["redirect_from entry '../x y' is not a site path"]


def test_hook_writes_redirects_for_the_current_language(tmp_path: Path, data_dir: Path) -> None:
    import hooks.redirects as hook

    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    site = tmp_path / "site"
    config = SimpleNamespace(
        plugins={"i18n": SimpleNamespace(current_language="fr")},
        theme={},
        site_url="https://nmm.example.org/",
        site_dir=str(site),
        config_file_path=str(tmp_path / "mkdocs.yml"),
    )
    page = SimpleNamespace(
        url="fr/heritage/dien-bien-phu/",
        title="Điện Biên Phủ",
        meta={"redirect_from": ["heritage/dbp/"]},
        file=SimpleNamespace(abs_src_path=str(tmp_path / "docs/fr/heritage/dien-bien-phu.md")),
    )
    hook.on_pre_build(config)
    hook.on_page_markdown("", page, config, None)
    hook.on_post_build(config)
    assert (site / "fr/heritage/dbp/index.html").read_text(encoding="utf-8").count(
        "url=../dien-bien-phu/"
    ) == 1
    assert '<html lang="fr">' in (site / "fr/provinces/bac-can/index.html").read_text(encoding="utf-8")
    assert "Cette page a été déplacée vers" in (site / "fr/provinces/now/cao-bang/index.html").read_text(
        encoding="utf-8"
    )
