"""Problems an editor can act on: the file, the line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nmm_site.site_config import ROOT


@dataclass(frozen=True)
class Problem:
    path: Path  # the file to edit
    line: int | None  # 1-based line in that file, when there is one
    message: str  # what is wrong, in plain words
    fix: str  # the edit or command that fixes it

    def format(self, root: Path = ROOT) -> str:
        try:
            shown = self.path.resolve().relative_to(root)
        except ValueError:
            shown = self.path
        where = f"{shown}:{self.line}" if self.line else f"{shown}"
        return f"{where}: {self.message}\n    fix: {self.fix}"


class ProblemsFound(Exception):
    """Raised with every problem found, so the editor sees all of them at once."""

    def __init__(self, problems: list[Problem]):
        # File by file, then by line (problems without a line first), as an editor reads them.
        self.problems = sorted(problems, key=problem_order)
        super().__init__(self.report())

    def __reduce__(self) -> tuple:
        # Pickled with its problems (a forked build step hands them to its parent), not its message.
        return (type(self), (self.problems,))

    def report(self, root: Path = ROOT) -> str:
        return format_report(self.problems, root)


def problem_order(problem: Problem) -> tuple:
    """File, then line (file-level problems first), then message: Problem's own order fails on None lines."""
    return (str(problem.path), problem.line or 0, problem.message)


def format_report(problems: tuple[Problem, ...] | list[Problem], root: Path) -> str:
    """The problems, one block each, paths relative to `root`."""
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''} found:"
    return "\n".join([head, *(p.format(root) for p in sorted(problems, key=problem_order))])
