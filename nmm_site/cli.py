"""The single command-line entry point: `nmm <command>` (or `python -m nmm_site <command>`)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from nmm_site.errors import ProblemsFound

# Each feature module exposes `register(subparsers)`, adding its kebab-case verb-noun commands;
# each command's handler returns an exit code. The table says which module has which commands, so that
# `nmm build-site` (every `make build`) imports its own module only, not every feature's
# (tests/test_cli.py checks the table against what the modules register).
COMMANDS = {
    "check-content": "nmm_site.checks.commands",
    "new-page": "nmm_site.translation.commands",
    "translation-status": "nmm_site.translation.commands",
    "mark-translated": "nmm_site.translation.commands",
    "show-fact": "nmm_site.facts.commands",
    "optimize-images": "nmm_site.images.commands",
    "compile-catalogs": "nmm_site.i18n.commands",
    "extract-messages": "nmm_site.i18n.commands",
    "review-report": "nmm_site.review.commands",
    "review-pages": "nmm_site.review.commands",
    "build-publications": "nmm_site.publications.commands",
    "build-site": "nmm_site.site_build",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command`'s module only when it is a known command."""
    parser = argparse.ArgumentParser(prog="nmm", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv[0] if argv else None).parse_args(argv)
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
