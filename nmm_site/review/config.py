"""Settings of the review report and pages: one frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nmm_site import site_config


@dataclass(frozen=True)
class ReviewConfig:
    # Inputs
    root: Path  # the checkout (a git working tree) holding mkdocs.yml, docs/, data/, assets/
    base: str  # the git ref the pull request is compared with, e.g. origin/main
    languages: tuple[str, ...]  # from mkdocs.yml, source language first
    preview_url: str | None = None  # where the preview is published (ends with "/"); None: no links
    # The built site's screenshots folder (SITE/_review/screenshots/, `make screenshots`), when taken
    screenshots_dir: Path | None = None

    # Outputs
    out_dir: Path = Path(".")  # where review-report.md and review-report.json are written

    # Checks
    content_numbers: bool = True  # run the typed-number check of nmm_site.facts (reads the project's data)

    # Size: the PR comment stays readable; the JSON has everything
    max_problems_listed: int = 20  # content problems shown in the comment (the count is always given)

    @classmethod
    def for_root(
        cls,
        root: Path,
        base: str,
        preview_url: str | None = None,
        out_dir: Path | None = None,
        screenshots_dir: Path | None = None,
    ) -> ReviewConfig:
        site = site_config.load(root)
        url = preview_url.rstrip("/") + "/" if preview_url else None
        languages = (site.default_language, *site.translations)
        return cls(
            root=root,
            base=base,
            languages=languages,
            preview_url=url,
            screenshots_dir=screenshots_dir,
            out_dir=out_dir or root,
        )

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]

    def lang_prefix(self, lang: str) -> str:
        return "" if lang == self.source_language else f"{lang}/"
