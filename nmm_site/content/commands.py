"""Commands `check-content` and `new-page`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nmm_site import site_config
from nmm_site.content.checks import check_content, format_report
from nmm_site.content.config import ContentConfig
from nmm_site.content.newpage import new_page
from nmm_site.content.schema import page_types
from nmm_site.errors import ProblemsFound
from nmm_site.site_config import ROOT


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def run_check_content(args: argparse.Namespace) -> int:
    """Run every content check; without --check, repair what is safe (Unicode NFC) and report it."""
    root = _root(args)
    report = check_content(ContentConfig.from_root(root), fix=not args.check, numbers=not args.skip_numbers)
    for repaired in report.fixed:
        print(f"fixed: {repaired.format(root).splitlines()[0]}")
    if report.problems:
        print(format_report(report.problems, root), file=sys.stderr)
        return 1
    if report.fixed:
        print(
            f"{len(report.fixed)} file(s) repaired in place: review and commit them, then run "
            "`nmm check-content --check` again"
        )
        return 1
    print(f"✅ {report.pages} pages checked: no problems")
    return 0


def run_new_page(args: argparse.Namespace) -> int:
    """Create a page in the three trees from the templates."""
    root = _root(args)
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


def _add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser(
        "check-content", help=run_check_content.__doc__, description=run_check_content.__doc__
    )
    check.add_argument("--check", action="store_true", help="read-only (CI): report, change nothing")
    check.add_argument("--skip-numbers", action="store_true", help=argparse.SUPPRESS)
    _add_root(check)
    check.set_defaults(handler=run_check_content)

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
    _add_root(create)
    create.set_defaults(handler=run_new_page)
