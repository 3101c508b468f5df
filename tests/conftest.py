"""Shared fixtures: the real site built once per test session, and small fixture sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What a fixture site copies from the project so that it builds with the real theme and hooks.
PROJECT_PARTS = ("mkdocs.yml", "overrides", "hooks", "locales", "data", "assets", "schemas")


def mkdocs_build(
    root: Path, site_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for the project at `root`; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=900,
    )


def make_fixture_project(tmp: Path, docs: Path) -> Path:
    """A copy of the project in `tmp` whose docs/ is the fixture tree `docs`."""
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(
                src,
                tmp / part,
                ignore=shutil.ignore_patterns("locales", "__pycache__") if part == "overrides" else None,
            )
        elif src.exists():
            shutil.copy2(src, tmp / part)
    # The visitor essentials link to pages of the real docs tree, which a fixture tree does not have.
    for visits in (tmp / "data").glob("visits-*.yml"):
        visits.unlink()
    shutil.copytree(docs, tmp / "docs")
    return tmp


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for every test that reads it (SITE_URL as in production tests)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir, env={"SITE_URL": "https://nmm.example.org/"})
    assert result.returncode == 0, result.stderr[-4000:]
    return site_dir


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site (tests/fixtures/site), built once: a page that exists only in Vietnamese."""
    project = make_fixture_project(tmp_path_factory.mktemp("fixture-project"), FIXTURES / "site" / "docs")
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir, env={"SITE_URL": "https://nmm.example.org/"})
    assert result.returncode == 0, result.stderr[-4000:]
    return site_dir


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The small trilingual content tree (tests/content/fixtures/tree) copied into tmp_path."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES.parent / "content" / "fixtures" / "tree", root)
    return root


@pytest.fixture
def cli():
    """The `nmm` command line, called in-process: `cli(["check-content", …])` returns the exit code."""
    from nmm_site.cli import main

    return main
