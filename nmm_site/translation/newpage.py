"""`nmm new-page`: create a page in the three trees from the templates of its type."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from string import Template

import yaml

from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import load_yaml_keys
from nmm_site.content.schema import page_types
from nmm_site.content.slugs import slugify
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.files import atomic_write
from nmm_site.translation.hashing import source_hash
from nmm_site.translation.mark import set_source_hash

# The page templates live with the content model they follow.
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "content" / "templates"
# Pages with a fixed place in every tree; other types live in their folder, plain pages anywhere.
_FIXED_PATHS = {"home": "index.md"}


def page_path(config: ContentConfig, page_type: str, slug: str) -> PurePosixPath:
    """Where a page of `page_type` with `slug` lives inside each tree."""
    if page_type in _FIXED_PATHS:
        return PurePosixPath(_FIXED_PATHS[page_type])
    folder = dict(config.type_folders).get(page_type)
    return PurePosixPath(folder, f"{slug}.md") if folder else PurePosixPath(f"{slug}.md")


def page_id(slug: str) -> str:
    """The id of a page from its slug: `sources` → sources, `provinces/index` → provinces."""
    parts = [part for part in slug.split("/") if part]
    if len(parts) > 1 and parts[-1] == "index":
        parts = parts[:-1]
    return "-".join(parts)


def yaml_text(value: str) -> str:
    """`value` as a YAML scalar: plain when that reads back the same, double-quoted otherwise."""
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok and value == value.strip() else json.dumps(value, ensure_ascii=False)


def render(page_type: str, lang: str, page_id_: str, title: str) -> str:
    template = Template((TEMPLATES_DIR / f"{page_type}.{lang}.md").read_text(encoding="utf-8"))
    return template.substitute(id=page_id_, title=yaml_text(title), type=page_type)


def _validate_slug(config: ContentConfig, page_type: str, slug: str) -> list[Problem]:
    where = Path("<new-page>")
    parts = slug.split("/")
    nested = page_type == "page"
    if (
        not slug
        or (len(parts) > 1 and not nested)
        or any(part != slugify(part) or not part for part in parts)
    ):
        better = "/".join(slugify(part) for part in parts) if nested else slugify(slug.replace("/", "-"))
        return [
            Problem(
                where,
                None,
                f"`{slug}` is not a valid slug",
                f"use lower-case ASCII letters, digits and hyphens, e.g. `{better or 'dien-bien-phu'}`",
            )
        ]
    data_file = dict(config.entity_files).get(page_type)
    if data_file and (config.data_dir / data_file).is_file():
        keys, problems = load_yaml_keys(config.data_dir / data_file)
        if problems:
            return problems
        if slug not in keys:
            return [
                Problem(
                    config.data_dir / data_file,
                    None,
                    f"`{slug}` is not an entry of data/{data_file}",
                    f"use the id of an entry in data/{data_file}, or add the entry there first",
                )
            ]
    return []


def new_page(config: ContentConfig, page_type: str, slug: str, titles: dict[str, str]) -> list[Path]:
    """Create the page in every tree (en/fr marked as translations of the new vi page); never overwrite."""
    if page_type not in page_types(config.schemas_dir):
        raise ProblemsFound(
            [
                Problem(
                    Path("<new-page>"),
                    None,
                    f"`{page_type}` is not a page type",
                    f"use one of: {', '.join(page_types(config.schemas_dir))}",
                )
            ]
        )
    problems = _validate_slug(config, page_type, slug)
    if problems:
        raise ProblemsFound(problems)
    rel = page_path(config, page_type, slug)
    targets = {lang: config.tree(lang) / rel for lang in config.languages}
    existing = [path for path in targets.values() if path.exists()]
    if existing:
        raise ProblemsFound(
            [
                Problem(
                    path,
                    None,
                    "this page already exists; nothing was written",
                    "edit the existing file, or choose another slug",
                )
                for path in existing
            ]
        )
    source_title = titles[config.source_language]
    texts = {config.source_language: render(page_type, config.source_language, page_id(slug), source_title)}
    new_hash = source_hash(texts[config.source_language])
    for lang in config.translations:
        text = render(page_type, lang, page_id(slug), titles.get(lang) or source_title)
        texts[lang] = set_source_hash(text, new_hash)
    for lang, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, texts[lang].encode("utf-8"))
    return list(targets.values())
