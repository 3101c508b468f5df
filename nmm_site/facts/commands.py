"""`nmm show-fact PATH`: print a fact as each language renders it, with its source."""

from __future__ import annotations

import argparse
import sys

from nmm_site.facts import config as facts_config
from nmm_site.facts.render import FactPathError, renderer


def show_fact(args: argparse.Namespace) -> int:
    """Print the fact at PATH rendered in each language (or --lang), then its sources."""
    render = renderer()
    languages = [args.lang] if args.lang else list(facts_config.default().languages)
    try:
        results = [(lang, render.render(args.path, lang)) for lang in languages]
    except FactPathError as error:
        print(f"{args.path}: {error.message}\n    fix: {error.fix}", file=sys.stderr)
        return 1
    for lang, rendered in results:
        flag = "  (uncertain)" if rendered.uncertain else ""
        print(f"{lang}: {rendered.text}{flag}")
    for sid in results[0][1].sources:
        source = render.data.sources[sid]
        url = f" <{source['url']}>" if source.get("url") else ""
        print(f"source: {sid}: {source['title']}, {source['publisher']}{url}, accessed {source['accessed']}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show-fact", help=show_fact.__doc__, description=show_fact.__doc__)
    parser.add_argument("path", metavar="PATH", help='a fact path, e.g. "provinces.ha-giang.population"')
    parser.add_argument("--lang", choices=facts_config.default().languages, help="only this language")
    parser.set_defaults(handler=show_fact)
