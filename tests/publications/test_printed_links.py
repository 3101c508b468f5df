"""Printed links: the public address is configured once (mkdocs.yml site_url); a loopback address stops the
publications with a Problem that says how to set it, unless a preview or a test opts in. The /go/ pages
carry the site's favicon (the browser's favicon request finds it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html

from nmm_site import site_config
from nmm_site.errors import ProblemsFound
from nmm_site.publications.config import (
    ALLOW_LOCAL_ENV,
    PublicationsConfig,
    is_local_address,
)
from tests.conftest import mkdocs_build
from tests.publications.conftest import ROOT, write_project


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://127.1.2.3/", True),
        ("http://localhost:8000/nmm/", True),
        ("http://LOCALHOST./", True),
        ("http://preview.localhost/", True),
        ("http://[::1]:8000/", True),
        ("http://0.0.0.0:8000/", True),
        ("", True),
        ("https://nmm-vietnam.github.io/nmm-site/", False),
        ("https://nmm.example.org/", False),
        ("http://192.0.2.10/", False),  # a LAN or test address may be a real (intranet) site
    ],
)
def test_local_addresses(url: str, local: bool) -> None:
    assert is_local_address(url) is local


def test_the_projects_default_address_is_public() -> None:
    # What `make build` uses without SITE_URL: printed links carry it.
    assert not is_local_address(site_config.load(ROOT).site_url)


def test_a_loopback_site_url_is_a_problem_with_the_fix(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ALLOW_LOCAL_ENV, raising=False)
    write_project(tmp_path)
    with pytest.raises(ProblemsFound) as caught:
        PublicationsConfig.for_root(tmp_path, "http://127.0.0.1:8000/")
    (problem,) = caught.value.problems
    assert problem.path == tmp_path / "mkdocs.yml" and problem.line == 2  # the site_url line
    assert "local address" in problem.message and "http://127.0.0.1:8000/" in problem.message
    assert "SITE_URL=https://" in problem.fix and "make build" in problem.fix
    assert f"{ALLOW_LOCAL_ENV}=1" in problem.fix


def test_previews_and_tests_opt_in(tmp_path: Path, monkeypatch) -> None:
    write_project(tmp_path)
    monkeypatch.delenv(ALLOW_LOCAL_ENV, raising=False)
    assert PublicationsConfig.for_root(tmp_path, "http://127.0.0.1:8000/", allow_local=True)
    monkeypatch.setenv(ALLOW_LOCAL_ENV, "1")
    cfg = PublicationsConfig.for_root(tmp_path, "http://localhost:8000/")
    assert cfg.site.site_url == "http://localhost:8000/"
    monkeypatch.setenv(ALLOW_LOCAL_ENV, "0")
    with pytest.raises(ProblemsFound):
        PublicationsConfig.for_root(tmp_path, "http://localhost:8000/")


def _hook_project(root: Path) -> Path:
    write_project(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "site_url: https://nmm.example.org/", 'site_url: !ENV [SITE_URL, "https://nmm.example.org/"]'
    )
    assert "!ENV [SITE_URL" in text
    config.write_text(text, encoding="utf-8")
    (root / "hooks").mkdir()
    shutil.copy2(ROOT / "hooks" / "publications.py", root / "hooks" / "publications.py")
    (root / "overrides" / "partials").mkdir(parents=True)
    shutil.copy2(ROOT / "overrides/partials/nmm-publications.html", root / "overrides/partials/")
    return root


def test_a_local_build_stops_before_printing_dead_links(tmp_path: Path) -> None:
    root = _hook_project(tmp_path)
    result = mkdocs_build(
        root,
        root / "site",
        env={"SITE_URL": "http://127.0.0.1:8000/", ALLOW_LOCAL_ENV: "", "NMM_PUBLICATIONS": "0"},
    )
    assert result.returncode != 0
    assert "site_url is a local address" in result.stderr and "SITE_URL=https://" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site" / "go").exists()


def test_an_opted_in_preview_builds_and_go_pages_have_the_favicon(tmp_path: Path) -> None:
    root = _hook_project(tmp_path)
    site = root / "site"
    result = mkdocs_build(
        root, site, env={"SITE_URL": "http://127.0.0.1:8000/", ALLOW_LOCAL_ENV: "1", "NMM_PUBLICATIONS": "0"}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    page = site / "go" / "ha-giang" / "index.html"
    doc = html.document_fromstring(page.read_text(encoding="utf-8"))
    (icon,) = doc.xpath("//link[@rel='icon']")
    # Material's default favicon here (the fixture sets none): the file the browser will request exists.
    assert (page.parent / icon.get("href")).resolve().is_file()
    assert icon.get("type") == "image/png"
    assert doc.xpath("//style") and "font" in doc.xpath("string(//style)")


def test_the_go_page_uses_the_configured_favicon(built) -> None:
    cfg, site, _ = built
    doc = html.document_fromstring((site / "go/ha-giang/index.html").read_text(encoding="utf-8"))
    assert doc.xpath("//link[@rel='icon']/@href") == [f"../../{cfg.favicon}"]
    real = PublicationsConfig.for_root(ROOT, "https://nmm.example.org/")
    assert real.favicon == "assets/favicon.svg" and real.favicon_type == "image/svg+xml"
