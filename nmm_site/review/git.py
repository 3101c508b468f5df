"""The few read-only git queries the review report needs (never changes the working tree or index)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from nmm_site.errors import Problem, ProblemsFound


@dataclass(frozen=True)
class Change:
    status: str  # "A" added, "M" changed, "D" removed, "R" renamed (git's letters)
    path: str  # the path now (for D: the removed path), relative to the repository root
    old_path: str | None = None  # for R: the path at the base


def _git(root: Path, *args: str, binary: bool = False) -> str | bytes:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ProblemsFound(
            [
                Problem(
                    root,
                    None,
                    f"`git {' '.join(args)}` failed: {message[-1] if message else 'no output'}",
                    "give an existing ref with --base (e.g. origin/main; in CI fetch with fetch-depth: 0)",
                )
            ]
        )
    return result.stdout if binary else result.stdout.decode("utf-8")


def resolve_base(root: Path, ref: str) -> str:
    """The commit to compare with: the merge base of `ref` and HEAD (what a pull request adds)."""
    commit = str(_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")).strip()
    try:
        return str(_git(root, "merge-base", commit, "HEAD")).strip()
    except ProblemsFound:
        return commit  # unrelated histories: compare with the ref itself


def changes(root: Path, base: str, paths: tuple[str, ...]) -> list[Change]:
    """Files added, changed, removed or renamed between `base` and the working tree (untracked included)."""
    out = str(_git(root, "diff", "--name-status", "-M", "-z", "--no-color", base, "--", *paths))
    fields = out.split("\0")
    found: list[Change] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            old, new = fields[i + 1], fields[i + 2]
            found.append(Change("R", new, old) if status == "R" else Change("A", new))
            i += 3
        else:
            found.append(Change("M" if status == "T" else status, fields[i + 1]))
            i += 2
    untracked = str(_git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", *paths))
    found += [Change("A", path) for path in untracked.split("\0") if path]
    return sorted(found, key=lambda c: (c.path, c.status))


def files_at(root: Path, commit: str, paths: tuple[str, ...]) -> list[str]:
    """Every file under `paths` at `commit`."""
    out = str(_git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", *paths))
    return sorted(p for p in out.split("\0") if p)


def extract(root: Path, commit: str, paths: tuple[str, ...], dest: Path) -> None:
    """Write the files under `paths` at `commit` into `dest` (git archive; the working tree is untouched)."""
    present = [p for p in paths if files_at(root, commit, (p,))]
    dest.mkdir(parents=True, exist_ok=True)
    if not present:
        return
    data = _git(root, "archive", "--format=tar", commit, "--", *present, binary=True)
    with tarfile.open(fileobj=io.BytesIO(bytes(data))) as tar:
        tar.extractall(dest, filter="data")
