"""Command `check-content`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.errors import format_report
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
