"""`nmm build-site`: the sequential build in this process, or the languages in parallel processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts.buildtools.assemble import assemble
from scripts.buildtools.config import DEFAULTS, BuildConfig
from scripts.errors import Problem, ProblemsFound
from scripts.site_config import load

# The folder holding the `scripts` package: workers import it whatever project they build.
CODE_ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return ", ".join(f"{name} {value:.1f} s" for name, value in self.seconds.items())


def plan(codes: Sequence[str], jobs: int) -> list[list[str]]:
    """Languages split into `jobs` groups in build order; the default language alone when it can be.

    Each group is one process (a fixed start-up cost: imports, checks, image cache), so no more groups
    than languages; the remainder goes to the later groups, keeping the default language's group small
    (its build also writes the editors' page and the redirects of the root).
    """
    jobs = max(1, min(jobs, len(codes)))
    size, extra = divmod(len(codes), jobs)
    groups, start = [], 0
    for n in range(jobs):
        count = size + (1 if n >= jobs - extra else 0)
        groups.append(list(codes[start : start + count]))
        start += count
    return groups


def build_sequential(root: Path, site_dir: Path) -> None:
    """Exactly `mkdocs build --strict --site-dir site_dir`, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from scripts.buildtools.partial import configure_logging

    configure_logging(verbose=False)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _worker_env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH", "")
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": f"{CODE_ROOT}{os.pathsep}{path}" if path else str(CODE_ROOT),
    }


def build_parallel(
    root: Path, site_dir: Path, jobs: int, settings: BuildConfig = DEFAULTS, verbose: bool = False
) -> Timings:
    """Build the language groups in parallel processes, then assemble them into `site_dir`."""
    timings = Timings()
    start = time.perf_counter()
    groups = plan(load(root).codes, jobs)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site: moving the partial sites into it is a rename, not a copy.
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-parts-", dir=site_dir.parent))
    try:
        running = []
        for n, group in enumerate(groups):
            out = work / f"part-{n}"
            log = (work / f"part-{n}.log").open("w", encoding="utf-8")
            command = [sys.executable, "-m", "scripts", "build-site", "--root", str(root)]
            command += ["--languages", ",".join(group), "--partial", str(out)]
            if verbose:
                command.append("--verbose")
            process = subprocess.Popen(
                command, cwd=root, env=_worker_env(), stdout=log, stderr=subprocess.STDOUT
            )
            running.append((group, out, log, process))
        failed = []
        for group, _out, log, process in running:
            process.wait()
            log.close()
            text = Path(log.name).read_text(encoding="utf-8")
            if verbose or process.returncode != 0:
                sys.stderr.write("".join(f"[{','.join(group)}] {line}\n" for line in text.splitlines()))
            if process.returncode != 0:
                failed.append(group)
        timings.seconds["languages"] = time.perf_counter() - start
        if failed:
            raise ProblemsFound(
                [
                    Problem(
                        root / "docs",
                        None,
                        f"the build of {', '.join(','.join(g) for g in failed)} failed (see above)",
                        "fix what the messages name, or run `mkdocs build --strict` for the sequential build",
                    )
                ]
            )
        step = time.perf_counter()
        report = assemble(root, [out for _, out, _, _ in running], site_dir, settings)
        timings.seconds["site-wide"] = time.perf_counter() - step
        timings.seconds["publications"] = report.seconds.get("total", 0.0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    timings.seconds["total"] = time.perf_counter() - start
    return timings
