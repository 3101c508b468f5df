"""The single command-line entry point: `nmm <command>` (or `python -m nmm_site <command>`)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from nmm_site.errors import ProblemsFound

# Each feature module exposes `register(subparsers)`, adding its kebab-case verb-noun commands;
# each command's handler returns an exit code.
COMMAND_MODULES = (
    "nmm_site.checks.commands",  # check-content
    "nmm_site.translation.commands",  # new-page, translation-status, mark-translated
    "nmm_site.facts.commands",  # show-fact
    "nmm_site.images.commands",  # optimize-images
    "nmm_site.i18n.commands",  # compile-catalogs, extract-messages
    "nmm_site.review.commands",  # review-report, review-pages
    "nmm_site.publications.commands",  # build-publications
    "nmm_site.site_build",  # build-site
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
        code = args.handler(args)
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at exit
        return code
    except ProblemsFound as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped reading (`nmm translation-status | head`): nothing went wrong here.
        # Point stdout at /dev/null so that Python's final flush does not report the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
