"""A small trilingual fixture tree copied into tmp_path, and a CLI runner with this feature's commands."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.content import commands as content_commands
from scripts.translation import commands as translation_commands

FIXTURE_TREE = Path(__file__).parent.parent / "content" / "fixtures" / "tree"


def run_cli(argv: list[str]) -> int:
    # The content and translation commands alone: other features' modules may not exist yet.
    parser = argparse.ArgumentParser(prog="nmm")
    subparsers = parser.add_subparsers(dest="command", required=True)
    content_commands.register(subparsers)
    translation_commands.register(subparsers)
    args = parser.parse_args(argv)
    return args.handler(args)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE_TREE, root)
    return root


@pytest.fixture
def cli() -> Callable[[list[str]], int]:
    return run_cli
