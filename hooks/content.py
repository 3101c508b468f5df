"""MkDocs hook: validate every page (schema, trees, links…) before the build; stop it with the report."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from nmm_site import trust
from nmm_site.checks.gate import problems_before_build
from nmm_site.errors import format_report


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    # Every build, even when the content check passed before: a new link changes no page.
    problems = tuple(trust.outside_links(root)) or problems_before_build(root)
    if problems:
        raise PluginError(format_report(problems, root))
