"""Forked helpers: a value or an exception comes back from the child process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.buildtools.forking import Forked, can_fork
from scripts.errors import Problem, ProblemsFound

pytestmark = pytest.mark.skipif(not can_fork(), reason="forking is used on Linux only")


def test_the_value_comes_back_from_another_process() -> None:
    parent = os.getpid()
    assert Forked(lambda: (os.getpid() != parent, "x" * 1_000_000)).result() == (True, "x" * 1_000_000)


def test_the_problems_come_back_as_they_were_raised() -> None:
    def fail() -> None:
        raise ProblemsFound([Problem(Path("docs/vi/index.md"), 3, "broken", "fix it")])

    with pytest.raises(ProblemsFound) as caught:
        Forked(fail).result()
    assert "docs/vi/index.md" in caught.value.report() and "fix it" in caught.value.report()


def test_fork_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NMM_BUILD_FORK", "0")
    assert not can_fork()
