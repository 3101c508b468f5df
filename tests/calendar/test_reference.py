"""The reference date: SOURCE_DATE_EPOCH, else the last commit, never the clock."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from nmm_site.calendar.reference import FALLBACK, reference_date, reference_time


def test_source_date_epoch_wins(tmp_path: Path) -> None:
    moment = reference_time(tmp_path, {"SOURCE_DATE_EPOCH": "1796428800"})
    assert moment == dt.datetime(2026, 12, 5, tzinfo=dt.UTC)


def test_a_bad_source_date_epoch_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='yesterday'"):
        reference_time(tmp_path, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_the_last_commit_date(tmp_path: Path) -> None:
    env = {
        "GIT_AUTHOR_DATE": "2027-03-01T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2027-03-01T10:00:00+00:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    (tmp_path / "f").write_text("x")
    subprocess.run(["git", "-C", str(tmp_path), "add", "f"], check=True, env=env)
    subprocess.run(["git", "-C", str(tmp_path), "commit", "-qm", "x"], check=True, env=env)
    assert reference_time(tmp_path, {}) == dt.datetime(2027, 3, 1, 10, tzinfo=dt.UTC)


def test_without_git_a_fixed_date(tmp_path: Path) -> None:
    assert reference_time(tmp_path / "not-a-repository", {}) == FALLBACK


def test_the_date_is_taken_in_viet_nam() -> None:
    # 20:00 UTC on 31 December is already 1 January in Viet Nam (UTC+7).
    assert reference_date(dt.datetime(2026, 12, 31, 20, tzinfo=dt.UTC)) == dt.date(2027, 1, 1)
