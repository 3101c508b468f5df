"""CLI commands for gettext catalogs."""

from __future__ import annotations

import argparse

from nmm_site.i18n import catalogs
from nmm_site.site_config import load


def register(subparsers: argparse._SubParsersAction) -> None:
    compile_cmd = subparsers.add_parser(
        "compile-catalogs", help="Compile locales/*.po into the theme (build output)."
    )
    compile_cmd.set_defaults(handler=_compile)
    extract_cmd = subparsers.add_parser(
        "extract-messages",
        help="Collect template strings into locales/messages.pot and merge them into each .po.",
    )
    extract_cmd.set_defaults(handler=_extract)


def _compile(args: argparse.Namespace) -> int:
    written = catalogs.compile_all(load())
    print(f"✅ compiled {len(written)} catalogs")
    return 0


def _extract(args: argparse.Namespace) -> int:
    for path in catalogs.update_po_files(load()):
        print(f"updated {path.relative_to(load().root)}")
    return 0
