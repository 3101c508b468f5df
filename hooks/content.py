"""MkDocs hook: validate every page (schema, trees, links…) before the build; stop it with the report."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import scripts
from scripts.buildtools.stamps import PassStamps, code_digest
from scripts.content.checks import check_content, format_report
from scripts.content.config import ContentConfig
from scripts.content.fingerprint import tree_fingerprint

# static-i18n builds each language in the same process: check once per state of the trees, so the
# per-language builds skip it and `mkdocs serve` re-checks after an edit.
_checked: set[str] = set()


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    content = ContentConfig.from_root(root)
    fingerprint = tree_fingerprint(content)
    if fingerprint in _checked:
        return
    # A pass is also kept on disk (trees, mkdocs.yml and the checks' code unchanged): the next build
    # and the other processes of a parallel build skip the check.
    stamps = PassStamps(root / ".cache" / "content-checks")
    key = stamps.key(
        [
            fingerprint,
            repr(content),
            (root / "mkdocs.yml").read_text(encoding="utf-8"),
            code_digest(Path(scripts.__file__).parent),
        ]
    )
    if stamps.passed(key):
        _checked.add(fingerprint)
        return
    # Read-only, numbers left to hooks/facts.py: the build never edits sources.
    report = check_content(content, fix=False, numbers=False)
    if report.problems:
        raise PluginError(format_report(report.problems, root))
    _checked.add(fingerprint)
    stamps.record(key)
