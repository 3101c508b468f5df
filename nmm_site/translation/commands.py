"""Commands `translation-status` and `mark-translated`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nmm_site import site_config
from nmm_site.content.checks import format_report
from nmm_site.content.config import ContentConfig
from nmm_site.site_config import ROOT
from nmm_site.translation.mark import mark_translated, translations_of
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
