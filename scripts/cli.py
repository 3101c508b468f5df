"""The single command-line entry point: `nmm <command>` (or `python -m scripts <command>`)."""

from __future__ import annotations

import argparse
import importlib
import sys

from scripts.errors import ProblemsFound

# Each feature module exposes `register(subparsers)`, adding its kebab-case verb-noun commands;
# each command's handler returns an exit code.
COMMAND_MODULES = (
    "scripts.content.commands",  # check-content, new-page
    "scripts.translation.commands",  # translation-status, mark-translated
    "scripts.facts.commands",  # show-fact
    "scripts.images.commands",  # optimize-images
    "scripts.i18n.commands",  # compile-catalogs, extract-messages
    "scripts.review.commands",  # review-report, review-pages
    "scripts.publications.commands",  # build-publications
    "scripts.site_build",  # build-site
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nmm", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ProblemsFound as problems:
        print(problems.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
