"""Commands `new-page`, `translation-status` and `mark-translated`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nmm_site import site_config
from nmm_site.content.config import ContentConfig
from nmm_site.content.schema import page_types
from nmm_site.errors import ProblemsFound, format_report
from nmm_site.site_config import ROOT
from nmm_site.translation.mark import mark_translated, translations_of
from nmm_site.translation.newpage import new_page
from nmm_site.translation.status import to_table, translation_status, write_reports


def run_translation_status(args: argparse.Namespace) -> int:
    """Print the translation status table and write .cache/reports/translation-status.{json,md}."""
    root = Path(args.root).resolve()
    config = ContentConfig.from_root(root)
    statuses = translation_status(config)
    print(to_table(statuses, config))
    for path in write_reports(statuses, config):
        print(f"wrote {path.relative_to(root)}")
    return 0


def run_mark_translated(args: argparse.Namespace) -> int:
    """Record that translations follow the current Vietnamese page (edits only translation.source_hash)."""
    root = Path(args.root).resolve()
    config = ContentConfig.from_root(root)
    paths = [Path(p) if Path(p).is_absolute() else Path.cwd() / p for p in args.paths]
    if args.lang:
        paths += translations_of(config, args.lang)
    if not paths:
        print("give the translated files (e.g. docs/en/provinces/ha-giang.md) or --lang en", file=sys.stderr)
        return 2
    marked, problems = mark_translated(config, paths)
    if problems:
        print(format_report(problems, root) + "\nnothing was written", file=sys.stderr)
        return 1
    for entry in marked:
        state = (
            "already current" if entry.old_hash == entry.new_hash else f"{entry.old_hash} → {entry.new_hash}"
        )
        print(f"{entry.path.resolve().relative_to(root)}: {state}")
    return 0


def run_new_page(args: argparse.Namespace) -> int:
    """Create a page in the three trees from the templates."""
    root = Path(args.root).resolve()
    config = ContentConfig.from_root(root)
    titles = {config.source_language: args.title}
    for lang in config.translations:
        titles[lang] = getattr(args, f"title_{lang}", None) or args.title
    try:
        created = new_page(config, args.type, args.slug, titles)
    except ProblemsFound as problems:
        print(format_report(problems.problems, root), file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path.relative_to(root)}")
    print(
        "Next: write the description and text (replace every TODO), list the sources, then run "
        "`nmm check-content`. After translating, run `nmm mark-translated` on the en/fr files."
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    status = subparsers.add_parser(
        "translation-status", help=run_translation_status.__doc__, description=run_translation_status.__doc__
    )
    status.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    status.set_defaults(handler=run_translation_status)

    mark = subparsers.add_parser(
        "mark-translated", help=run_mark_translated.__doc__, description=run_mark_translated.__doc__
    )
    mark.add_argument(
        "paths", nargs="*", metavar="PATH", help="translated .md files under docs/en or docs/fr"
    )
    mark.add_argument(
        "--lang",
        choices=site_config.load().translations,
        help="mark every page of this language as following its current Vietnamese page",
    )
    mark.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    mark.set_defaults(handler=run_mark_translated)

    create = subparsers.add_parser("new-page", help=run_new_page.__doc__, description=run_new_page.__doc__)
    create.add_argument(
        "type", choices=page_types(), metavar="TYPE", help=f"one of: {', '.join(page_types())}"
    )
    create.add_argument("slug", metavar="SLUG", help="the page id and file name, e.g. ha-giang")
    create.add_argument(
        "--title", required=True, help="the Vietnamese title (also used in en/fr unless given)"
    )
    for lang in site_config.load().translations:
        create.add_argument(f"--title-{lang}", help=f"the title in {lang}, if it differs")
    create.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    create.set_defaults(handler=run_new_page)
