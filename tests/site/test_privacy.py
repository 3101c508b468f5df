"""No reference to another host that a browser would fetch, in any HTML or CSS file of the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.sitecheck.privacy import ExternalReference, external_references


def test_remote_fonts_scripts_images_and_css_imports_are_found(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(
        '<!doctype html><html lang="en"><head>\n'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n'
        '<link rel="canonical" href="https://nmm.example.org/en/">\n'
        '<script src="https://cdn.example.net/x.js"></script></head><body>\n'
        '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>\n'
        '<img src="/assets/img/a.jpg" srcset="a.jpg 480w, https://img.example.com/b.jpg 960w" alt="">\n'
        '<div style="background: url(//tracker.example.com/p.gif)"></div>\n'
        '<img src="https://nmm.example.org/assets/img/c.jpg" alt=""></body></html>\n',
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text(
        '@import "https://fonts.example.com/f.css";\nbody { color: red }\n', encoding="utf-8"
    )
    assert external_references(tmp_path, "nmm.example.org") == [
        ExternalReference("en/index.html", 2, "https://fonts.googleapis.com/css?family=Roboto"),
        ExternalReference("en/index.html", 4, "https://cdn.example.net/x.js"),
        ExternalReference("en/index.html", 6, "https://img.example.com/b.jpg"),
        ExternalReference("en/index.html", 7, "//tracker.example.com/p.gif"),
        ExternalReference("site.css", 1, "https://fonts.example.com/f.css"),
    ]


@pytest.mark.slow
def test_built_site_loads_nothing_from_another_host(built_site: Path) -> None:
    # The tests build with SITE_URL=https://nmm.example.org/: absolute URLs to it are our own.
    assert external_references(built_site, "nmm.example.org") == []
