"""Smoke-run the image benchmark (`--quick`): it runs and prints its table with a verdict per target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_benchmark_quick_prints_the_table() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "images_benchmark.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "generated 12 photos of 800×600" in out
    for row in (
        "reference: one-process Pillow loop",
        "cold run",
        "warm run (nothing changed)",
        "one changed",
    ):
        assert row in out
    verdicts = [line.split()[-1] for line in out.splitlines() if line.rstrip().endswith(("PASS", "FAIL"))]
    assert len(verdicts) == 4
    assert "one changed" in out and "1 encoded" in out
