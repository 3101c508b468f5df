"""Caching: an unchanged site costs no rendering and no writes; a changed article re-renders one PDF."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from nmm_site.publications.build import build_all
from tests.publications.conftest import hero_finder


def _snapshot(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_second_run_writes_nothing(built) -> None:
    cfg, site, first = built
    assert first.rendered == {"pdf": 16, "card": 12} and first.written
    before = _snapshot(site)
    again = build_all(cfg, site, hero_file=hero_finder(site))
    assert again.rendered == {"pdf": 0, "card": 0}
    assert again.cached == {"pdf": 16, "card": 12}
    assert again.written == []
    assert _snapshot(site) == before


def test_fresh_site_dir_reuses_the_cache_and_a_change_renders_what_shows_it(built, tmp_path: Path) -> None:
    cfg, site, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pdf", "cards", "go", "feed.xml"))
    page = copy / "en" / "provinces" / "ha-giang" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("breathtaking", "stunning"), encoding="utf-8")
    report = build_all(replace(cfg, workers=1), copy, hero_file=hero_finder(copy))
    # The English province PDF and the English booklet (which includes the province), nothing else.
    assert report.rendered == {"pdf": 4, "card": 0} and report.cached["pdf"] == 12
    assert (copy / "en/pdf/ha-giang.pdf").is_file() and (copy / "pdf/region.pdf").is_file()


def test_pdfs_can_be_switched_off(built, tmp_path: Path) -> None:
    cfg, site, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pdf"))
    report = build_all(replace(cfg, pdf_enabled=False), copy, hero_file=hero_finder(copy))
    assert report.rendered["pdf"] == report.cached["pdf"] == 0
    assert not list(copy.rglob("*.pdf")) and (copy / "go/ha-giang/qr.png").is_file()


def test_a_pdf_is_keyed_by_what_it_is_made_from_and_the_stylesheet_that_prints_it(
    built, monkeypatch, tmp_path: Path
) -> None:
    from nmm_site.publications import build, pdf
    from nmm_site.publications.build import Report, pdf_jobs
    from nmm_site.publications.catalog import scan

    cfg, site, _ = built
    catalog = scan(cfg.site)

    def keys() -> dict[str, str]:
        return {job.target: job.key for job in pdf_jobs(cfg, catalog, site, ["vi", "en"], "fonts", Report())}

    first = keys()
    assert first == keys() and len(set(first.values())) == len(first)  # stable, one per document
    css = tmp_path / "print.css"
    css.write_text(
        pdf.PRINT_CSS_PATH.read_text(encoding="utf-8") + "\nh1 { color: black; }\n", encoding="utf-8"
    )
    monkeypatch.setattr(pdf, "PRINT_CSS_PATH", css)
    assert all(first[target] != key for target, key in keys().items())  # a print style edit: all again
    # The worker prints the same document as one made in one go from the built page.
    job = next(
        job
        for job in pdf_jobs(cfg, catalog, site, ["en"], "fonts", Report())
        if job.target.endswith("ha-giang.pdf")
    )
    document = build._document(job.payload)
    assert '<html lang="en">' in document and "h1 { color: black; }" in document
    assert 'href="#p1-' in document or 'id="p1-' in document  # ids prefixed by part
