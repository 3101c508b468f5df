"""The site's own pages, data and sources follow the editorial rules (what `make check` enforces)."""

from __future__ import annotations

from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import read_trees
from nmm_site.editorial.check import check_editorial
from nmm_site.errors import ProblemsFound
from nmm_site.site_config import ROOT


def test_real_content_passes_the_editorial_checks() -> None:
    config = ContentConfig.from_root(ROOT)
    found = check_editorial(config, read_trees(config))
    assert not found, ProblemsFound(found).report()
