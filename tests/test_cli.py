"""The `nmm` command as editors run it in a shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_reader_that_stops_early_gets_no_stack_trace() -> None:
    # `nmm translation-status | head -2`: the pipe closes while the table is still being printed.
    command = f"{sys.executable} -m nmm_site translation-status | head -c 10 >/dev/null"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


def test_the_command_table_is_what_the_modules_register() -> None:
    import argparse
    import importlib

    from nmm_site import cli

    for module in cli.COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(subparsers)
        registered = set(subparsers.choices)
        assert registered == {c for c, m in cli.COMMANDS.items() if m == module}, module


def test_build_site_loads_no_other_command() -> None:
    # `make build` runs `nmm build-site`: its start-up is part of every build.
    script = (
        "import json, sys; from nmm_site import cli; cli.build_parser('build-site'); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('nmm_site'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(result.stdout))
    assert loaded <= {
        "nmm_site",
        "nmm_site.cli",
        "nmm_site.errors",
        "nmm_site.site_config",
        "nmm_site.site_build",
    }
    help_text = subprocess.run(
        [sys.executable, "-m", "nmm_site", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert all(command in help_text for command in ("build-site", "check-content", "review-report"))
