"""One process builds some languages at their own URL prefix into a partial site, plus a manifest.

static-i18n normally builds the default language and then, from its on_post_build, the others in the
same process. Here we set its `current_language` ourselves and mark the build as nested
(`building = True`): static-i18n then builds only that language (at `/` for vi, `/en/` for en…) and our
hooks skip their site-wide step. What that step needs (404 pages, search entries, keywords, share-card
images) goes into the manifest; `nmm assemble-site` writes the site-wide files from it.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.buildtools.config import DEFAULTS, BuildConfig
from scripts.errors import Problem, ProblemsFound
from scripts.site_config import load


@dataclass
class Manifest:
    """What a partial build hands to the assemble step."""

    languages: list[str]  # built, in this order
    site_url: str
    search_config: dict = field(default_factory=dict)
    search_docs: dict[str, list[dict]] = field(default_factory=dict)  # lang → Material's entries
    dedupe_search: bool = True  # static-i18n's reconfigure_search
    not_found: dict[str, str] = field(default_factory=dict)  # lang → rendered 404 page
    keywords: list[list] = field(default_factory=list)  # [lang, page path, [words]]
    og_images: dict[str, str] = field(default_factory=dict)  # image name → its share JPEG in the site

    def to_json(self, version: int) -> str:
        return json.dumps({"format": version, **self.__dict__}, ensure_ascii=False)

    @classmethod
    def read(cls, path: Path, version: int) -> Manifest:
        if not path.is_file():
            raise ProblemsFound(
                [
                    Problem(
                        path, None, "no manifest: not a partial build", "run `nmm build-site --partial DIR`"
                    )
                ]
            )
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.pop("format", None) != version:
            raise ProblemsFound(
                [
                    Problem(
                        path,
                        None,
                        f"manifest format is not {version}",
                        "build every partial with the same version of the project",
                    )
                ]
            )
        return cls(**data)


def _validate_languages(root: Path, languages: Sequence[str]) -> None:
    codes = load(root).codes
    unknown = [code for code in languages if code not in codes]
    if unknown or not languages or len(set(languages)) != len(languages):
        raise ProblemsFound(
            [
                Problem(
                    root / "mkdocs.yml",
                    None,
                    f"cannot build languages {list(languages)}",
                    f"name each language once, among those of the i18n block: {', '.join(codes)}",
                )
            ]
        )


def configure_logging(verbose: bool) -> None:
    # What `mkdocs build` shows: its warnings (they fail a strict build) and, verbose, its progress.
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_nmm", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        handler._nmm = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def build_partial(
    root: Path,
    languages: Sequence[str],
    out: Path,
    settings: BuildConfig = DEFAULTS,
    verbose: bool = False,
    config: Any = None,
) -> Manifest:
    """Build `languages` (in order) of the project at `root` into `out/site/`; write `out/manifest.json`.

    `config`: a configuration loaded (unbuilt) by the parent of a forked worker, which owns its copy.
    """
    from mkdocs import utils
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _validate_languages(root, languages)
    configure_logging(verbose)
    site_dir = out / settings.partial_site
    if config is None:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    else:
        config["site_dir"] = str(site_dir)
    i18n = config.plugins["i18n"]
    if i18n.config.build_only_locale:
        raise ProblemsFound(
            [
                Problem(
                    root / "mkdocs.yml",
                    None,
                    "BUILD_ONLY_LOCALE is set: static-i18n would move that language to the site root",
                    "unset BUILD_ONLY_LOCALE (it is for `make serve` previews) and run again",
                )
            ]
        )
    manifest = Manifest(
        languages=list(languages),
        site_url=str(config.site_url or ""),
        dedupe_search=bool(i18n.config.reconfigure_search),
    )
    clean_directory = utils.clean_directory
    config.plugins.on_startup(command="build", dirty=False)
    try:
        # Nested, as static-i18n's own builds of the other languages: no site-wide step in the hooks.
        i18n.building = True
        for number, lang in enumerate(languages):
            i18n.current_language = lang
            build(config)
            # Later languages add to the same folder, as static-i18n does.
            if number == 0:
                utils.clean_directory = lambda directory: None
            index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
            manifest.search_config = index["config"]
            manifest.search_docs[lang] = index["docs"]
    finally:
        utils.clean_directory = clean_directory
        i18n.building = False
        config.plugins.on_shutdown()
    state: dict = {}
    for module in config["hooks"].values():
        export = getattr(module, "nmm_partial_state", None)
        if export is not None:
            state.update(export(config))
    manifest.not_found = {
        lang: html for lang, html in state.get("not_found", {}).items() if lang in languages
    }
    manifest.keywords = [k for k in state.get("keywords", []) if k[0] in languages]
    manifest.og_images = state.get("og_images", {})
    out.mkdir(parents=True, exist_ok=True)
    (out / settings.manifest_name).write_text(manifest.to_json(settings.format_version), encoding="utf-8")
    return manifest
