"""The content checks that gate every build: run once per state of the trees, remembered when they pass.

Called by hooks/content.py before each (language) build, so a mistake is reported once, not once per
language. A pass is kept in memory (the per-language builds of one process skip the check) and on disk,
in `.cache/content-checks/`, keyed by the trees, mkdocs.yml and the code of `nmm_site/` (the next build
skips it too). Between two checks of one process, unchanged pages keep their results (run.Memo).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import nmm_site
from nmm_site.content.config import ContentConfig
from nmm_site.content.fingerprint import tree_fingerprint
from nmm_site.errors import Problem
from nmm_site.stamps import PassStamps, code_digest

if TYPE_CHECKING:
    from nmm_site.checks.run import Memo

_passed: set[str] = set()
_memo: Memo | None = None  # a preview re-checks only the pages an edit can change


def problems_before_build(root: Path) -> tuple[Problem, ...]:
    """The problems that must stop a build of the project at `root` (none when the check passed before)."""
    content = ContentConfig.from_root(root)
    fingerprint = tree_fingerprint(content)
    if fingerprint in _passed:
        return ()
    stamps = PassStamps(root / ".cache" / "content-checks")
    key = stamps.key(
        [
            fingerprint,
            repr(content),
            (root / "mkdocs.yml").read_text(encoding="utf-8"),
            code_digest(Path(nmm_site.__file__).parent),
        ]
    )
    if not stamps.passed(key):
        # Read-only, numbers left to hooks/facts.py: the build never edits sources.
        # Imported here: a build whose check passed before (most builds) never loads the checks.
        from nmm_site.checks.run import Memo, check_content

        global _memo
        _memo = _memo or Memo()
        report = check_content(content, fix=False, numbers=False, memo=_memo)
        if report.problems:
            return tuple(report.problems)
        stamps.record(key)
    _passed.add(fingerprint)
    return ()
