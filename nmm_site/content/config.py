"""Where the content checks look: one frozen config, built from mkdocs.yml or given by tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nmm_site import site_config
from nmm_site.facts.config import PAGE_TYPE_DATASETS
from nmm_site.site_config import ROOT

# The page schemas shipped with the code (checking them needs jsonschema: nmm_site/content/schema.py).
SCHEMAS_DIR = ROOT / "schemas"


@dataclass(frozen=True)
class ContentConfig:
    # Trees
    root: Path  # the project (or fixture) root holding docs/, data/, assets/
    source_language: str = "vi"  # the language every translation follows
    translations: tuple[str, ...] = ("en", "fr")  # translated from the source language

    # Contracts shipped with the code: the same schemas for every tree checked
    schemas_dir: Path = SCHEMAS_DIR

    # Entities whose ids are page ids, by page type: a page's id must be a key of its data file
    # (the facts' page type → dataset map; the region page describes the whole data file instead).
    entity_files: tuple[tuple[str, str], ...] = tuple(
        (page_type, f"{dataset}.yml")
        for page_type, dataset in PAGE_TYPE_DATASETS.items()
        if page_type != "region"
    )
    # Folders that hold the pages of a type, so file name and id must agree
    type_folders: tuple[tuple[str, str], ...] = (
        ("province", "provinces"),
        ("heritage", "heritage"),
        ("people", "peoples"),
    )

    @classmethod
    def from_root(cls, root: Path) -> ContentConfig:
        """The languages come from mkdocs.yml under `root` (their single definition)."""
        site = site_config.load(root)
        return cls(root=root, source_language=site.default_language, translations=site.translations)

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source_language, *self.translations)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def images_dir(self) -> Path:
        return self.root / "assets" / "images"

    @property
    def reports_dir(self) -> Path:
        return self.root / ".cache" / "reports"

    def tree(self, lang: str) -> Path:
        return self.docs_dir / lang
