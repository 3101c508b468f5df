"""The `nmm` command as editors run it in a shell."""

from __future__ import annotations

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
