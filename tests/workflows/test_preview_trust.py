"""The pull-request preview's trust rules, read from the workflows (and their scripts run with stubs).

- the PR number and head SHA come from the workflow_run event / the API, never from the artifact;
- a fork's preview waits for the `fork-preview` environment (required reviewers); same-repo PRs do not;
- the review comment neutralises @mentions and is capped;
- caches: main writes, pull requests only restore;
- main prunes the previews of pull requests that are no longer open.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
NODE = shutil.which("node")


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, job, step


def writing_jobs(workflow: dict) -> dict[str, dict]:
    return {
        name: job
        for name, job in workflow["jobs"].items()
        if "write" in (job.get("permissions") or {}).values()
    }


# The number and the SHA ---------------------------------------------------------------------------


def test_the_artifact_carries_no_pull_request_number() -> None:
    for name in ("pull-request.yml", "preview.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        assert "pr-number" not in text, f"{name}: the PR number must not travel in the artifact"
    preview = load("preview.yml")
    # The only files read from the artifact: the site archive and the report.
    reads = [
        part
        for _, _, step in steps(preview)
        for part in (step.get("run", "") + step.get("with", {}).get("script", "")).split()
        if "preview/" in part
    ]
    assert reads and all("preview/site.tar.gz" in r or "preview/review-report.md" in r for r in reads), reads


def test_the_number_and_sha_come_from_the_event_and_the_api() -> None:
    preview = load("preview.yml")
    identify = preview["jobs"]["identify"]
    (step,) = [s for s in identify["steps"] if s.get("id") == "pr"]
    env = step["env"]
    assert env["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    assert env["EVENT_NUMBER"] == "${{ github.event.workflow_run.pull_requests[0].number }}"
    # Forks: pull_requests is empty, the API finds the PR by head SHA; every number is checked there.
    assert "commits/${HEAD_SHA}/pulls" in step["run"]
    assert "pulls/${number}" in step["run"] and '"$head" == "$HEAD_SHA"' in step["run"]
    for name, job in writing_jobs(preview).items():
        assert "identify" in job["needs"], name
        for step in job["steps"]:
            for key, value in step.get("env", {}).items():
                if key in ("PR_NUMBER", "HEAD_SHA"):
                    assert value.startswith("${{ needs.identify.outputs."), (name, key, value)


def run_identify(tmp_path: Path, event_number: str, api: dict[str, str]) -> subprocess.CompletedProcess:
    """The identify step's script with `gh` replaced by a stub answering from `api` (path → output)."""
    (step,) = [s for s in load("preview.yml")["jobs"]["identify"]["steps"] if s.get("id") == "pr"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(api), encoding="utf-8")
    gh = bin_dir / "gh"
    gh.write_text(
        "#!/usr/bin/env python3\nimport json, sys\n"
        f"answers = json.load(open({str(answers)!r}))\n"
        "path = next(a for a in sys.argv[2:] if a.startswith('repos/'))\n"
        "print(answers.get(path, ''))\n",
        encoding="utf-8",
    )
    gh.chmod(0o755)
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_REPOSITORY": "owner/site",
        "GITHUB_OUTPUT": str(output),
        "HEAD_SHA": "a" * 40,
        "EVENT_NUMBER": event_number,
    }
    return subprocess.run(["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True)


def test_identify_uses_the_event_number_when_the_pull_request_is_at_that_sha(tmp_path: Path) -> None:
    result = run_identify(tmp_path, "12", {"repos/owner/site/pulls/12": "a" * 40})
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output").read_text() == f"number=12\nhead-sha={'a' * 40}\n"


def test_identify_finds_a_fork_pull_request_by_head_sha(tmp_path: Path) -> None:
    api = {f"repos/owner/site/commits/{'a' * 40}/pulls": "34", "repos/owner/site/pulls/34": "a" * 40}
    result = run_identify(tmp_path, "", api)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "number=34\n" in (tmp_path / "output").read_text()


def test_identify_refuses_a_pull_request_that_moved_on_or_none(tmp_path: Path) -> None:
    assert run_identify(tmp_path, "12", {"repos/owner/site/pulls/12": "b" * 40}).returncode != 0
    assert run_identify(tmp_path, "", {}).returncode != 0


# Forks wait for a maintainer ----------------------------------------------------------------------


FORK = "github.event.workflow_run.head_repository.full_name != github.repository"
SAME = "github.event.workflow_run.head_repository.full_name == github.repository"


def gated_jobs(workflow: dict) -> dict[str, dict]:
    return {name: job for name, job in workflow["jobs"].items() if job.get("environment") == "fork-preview"}


def test_fork_previews_wait_for_the_fork_preview_environment() -> None:
    preview = load("preview.yml")
    (gate_name, gate), *others = gated_jobs(preview).items()
    assert not others
    # Only for a fork (head repository differs from this one): same-repo PRs are not held.
    assert gate["if"] == FORK
    # It writes nothing itself, and refuses an environment without required reviewers.
    assert set(gate["permissions"].values()) == {"read"}
    (guard,) = gate["steps"]
    assert "environments/fork-preview" in guard["run"] and "required_reviewers" in guard["run"]
    # Every job that writes waits for it.
    for name, job in writing_jobs(preview).items():
        assert gate_name in job["needs"], name


def evaluate(condition: str, values: dict[str, str], fork: bool) -> bool:
    """The job condition as GitHub evaluates it, for the few forms the workflow uses."""
    text = condition.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    text = text.replace(FORK, str(fork)).replace(SAME, str(not fork))
    text = re.sub(r"needs\.([\w-]+)\.result", lambda m: repr(values[m.group(1)]), text)
    assert re.fullmatch(r"[\sA-Za-z()'=!-]*", text), text  # nothing left unevaluated
    return bool(eval(text))  # noqa: S307 — our own workflow's condition, reduced to literals


@pytest.mark.parametrize(
    ("fork", "approval", "deploys"),
    [
        (False, "skipped", True),  # a branch of this repository: at once
        (True, "success", True),  # a fork, approved by a required reviewer
        (True, "failure", False),  # a fork, rejected (or the environment has no reviewers)
        (True, "cancelled", False),
        (True, "skipped", False),  # a fork whose approval job did not run
        (False, "failure", False),
    ],
)
def test_deploy_runs_only_for_same_repo_or_approved_forks(fork: bool, approval: str, deploys: bool) -> None:
    preview = load("preview.yml")
    (gate_name,) = gated_jobs(preview)
    for name, job in writing_jobs(preview).items():
        values = {"identify": "success", gate_name: approval}
        assert evaluate(job["if"], values, fork) is deploys, name
        assert evaluate(job["if"], {**values, "identify": "failure"}, fork) is False


def test_only_the_environment_gated_path_writes() -> None:
    preview = load("preview.yml")
    for name, job in preview["jobs"].items():
        if name not in writing_jobs(preview):
            assert set((job.get("permissions") or {}).values()) <= {"read"}, name


# The comment --------------------------------------------------------------------------------------


def comment_script() -> str:
    (script,) = [
        step["with"]["script"]
        for _, _, step in steps(load("preview.yml"))
        if "actions/github-script@" in step.get("uses", "")
    ]
    return script


def post_comment(tmp_path: Path, report: str) -> str:
    """Run the github-script step in node with stubbed `github`/`context`; the body it posted."""
    (tmp_path / "preview").mkdir()
    (tmp_path / "preview" / "review-report.md").write_text(report, encoding="utf-8")
    harness = tmp_path / "harness.js"
    harness.write_text(
        "const posted = [];\n"
        "const github = { paginate: async () => [], rest: { issues: {\n"
        "  listComments: null, updateComment: async (a) => posted.push(a.body),\n"
        "  createComment: async (a) => posted.push(a.body) } } };\n"
        "const context = { repo: { owner: 'owner', repo: 'site' } };\n"
        "(async () => {\n" + comment_script() + "\n})().then(() => {\n"
        "  require('fs').writeFileSync('posted.json', JSON.stringify(posted)); });\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PR_NUMBER": "12", "HEAD_SHA": "c" * 40}
    result = subprocess.run([NODE, str(harness)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (body,) = json.loads((tmp_path / "posted.json").read_text(encoding="utf-8"))
    return body


@pytest.mark.skipif(NODE is None, reason="node is not installed (make system-deps)")
def test_the_comment_neutralises_mentions(tmp_path: Path) -> None:
    body = post_comment(tmp_path, "Ping @maintainer and @org/team, mail a@b.c\n<!-- nmm-review-report -->")
    assert "@maintainer" not in body and "@org/team" not in body
    assert "@\u200dmaintainer" in body and "@\u200dorg/team" in body
    assert body.startswith("<!-- nmm-review-report -->\nPreview of cccccccccccc")
    assert body.count("<!-- nmm-review-report -->") == 1


@pytest.mark.skipif(NODE is None, reason="node is not installed (make system-deps)")
def test_the_comment_is_capped(tmp_path: Path) -> None:
    body = post_comment(tmp_path, "x" * 200_000)
    assert 20_000 < len(body) < 21_000
    assert "report cut at 20000 characters" in body


# Caches -------------------------------------------------------------------------------------------


def test_main_writes_caches_and_pull_requests_only_restore() -> None:
    def caches(name: str) -> list[str]:
        return [
            s["uses"].split("@")[0] for _, _, s in steps(load(name)) if "actions/cache" in s.get("uses", "")
        ]

    assert caches("main.yml") == ["actions/cache"]
    assert caches("pull-request.yml") == ["actions/cache/restore"]
    assert caches("preview.yml") == []
    for name in ("pull-request.yml", "preview.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        assert "actions/cache/save" not in text and "actions/cache@" not in text


# Pruning ------------------------------------------------------------------------------------------


def test_main_prunes_the_previews_of_closed_pull_requests(tmp_path: Path) -> None:
    (step,) = [s for _, _, s in steps(load("main.yml")) if "pr-*" in s.get("run", "")]
    pages = tmp_path / "pages"
    for folder in ("pr-1", "pr-2", "pr-10", "old-page"):
        (pages / folder).mkdir(parents=True)
        (pages / folder / "index.html").write_text(folder, encoding="utf-8")
    (pages / ".git").mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("new", encoding="utf-8")
    with tarfile.open(tmp_path / "site.tar.gz", "w:gz") as archive:
        archive.add(site / "index.html", arcname="index.html")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text("#!/bin/sh\nprintf '1\\n10\\n'\n", encoding="utf-8")  # open: #1, #10
    (bin_dir / "git").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    for stub in bin_dir.iterdir():
        stub.chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_REPOSITORY": "owner/site"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in pages.iterdir()) == [".git", ".nojekyll", "index.html", "pr-1", "pr-10"]


# Documentation ------------------------------------------------------------------------------------


def test_the_readme_states_the_rules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reviewing a pull request", 1)[1].split("\n## ", 1)[0]
    for words in ("fork-preview", "required reviewers", "workflow_run", "mention", "pr-<n>"):
        assert words in section, words
