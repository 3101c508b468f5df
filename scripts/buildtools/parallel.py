"""`nmm build-site`: the sequential build in this process, or the languages in parallel processes."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.buildtools.assemble import assemble
from scripts.buildtools.config import DEFAULTS, BuildConfig
from scripts.buildtools.forking import Forked, can_fork
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


def preload(root: Path) -> Any:
    """Import MkDocs, Material, static-i18n and the hooks, load the configuration, check the content,
    warm the data caches.

    A forked worker inherits all of it: it starts building at once instead of paying, each of the
    three on two cores, ~0.7 s of imports and the reading of the data, the translation status and the
    region map. The caches key on the files' state, so a worker never sees stale data.
    """
    from mkdocs.commands import build  # noqa: F401 - imported for the workers
    from mkdocs.config import load_config

    from scripts.buildtools import partial  # noqa: F401 - imported for the workers
    from scripts.content.config import ContentConfig
    from scripts.content.gate import problems_before_build
    from scripts.facts import config as facts_config
    from scripts.facts.loader import load as load_facts
    from scripts.regionmap.render import load_cached as load_region
    from scripts.translation.status import cached_translation_status

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    settings = facts_config.for_project(root)
    with contextlib.suppress(ProblemsFound):  # a worker reports the problems, with the build's words
        problems_before_build(root)  # a pass is inherited: the workers skip the content checks
        load_facts(settings)
        load_region(settings.data_dir)
        cached_translation_status(ContentConfig.from_root(root))
    return config


class _Worker:
    """One language group: a forked child (Linux) or a new interpreter running `nmm build-site --partial`."""

    def __init__(self, root: Path, group: list[str], out: Path, log: Path, verbose: bool, config: Any):
        self.group, self.out, self.log = group, out, log
        self._process: subprocess.Popen | None = None
        self._forked: Forked | None = None
        if config is not None:
            self._forked = Forked(lambda: _partial_in_child(root, group, out, log, verbose, config))
        else:
            command = [sys.executable, "-m", "scripts", "build-site", "--root", str(root)]
            command += ["--languages", ",".join(group), "--partial", str(out)]
            if verbose:
                command.append("--verbose")
            with log.open("w", encoding="utf-8") as stream:
                self._process = subprocess.Popen(
                    command, cwd=root, env=_worker_env(), stdout=stream, stderr=subprocess.STDOUT
                )

    def wait(self) -> int:
        """The worker's exit code; its messages are in its log."""
        if self._process is not None:
            return self._process.wait()
        assert self._forked is not None
        return self._forked.result()


def _partial_in_child(root: Path, group: list[str], out: Path, log: Path, verbose: bool, config: Any) -> int:
    """In the forked child: the partial build with its output in the log, as `nmm build-site --partial`."""
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    os.chdir(root)
    try:
        from scripts.buildtools.commands import run_partial

        return run_partial(root, group, out, verbose, config)
    except Exception:  # noqa: BLE001 - a bug: its traceback goes to the log the parent shows
        import traceback

        traceback.print_exc()
        return 1


def _set_aside(site_dir: Path, work: Path) -> Path:
    """Move the entries of an existing `site_dir` (hidden ones stay, as with MkDocs) into `work/old`."""
    old = work / "old"
    old.mkdir()
    if site_dir.is_dir():
        for entry in site_dir.iterdir():
            if not entry.name.startswith("."):
                entry.rename(old / entry.name)
    return old


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
    sweeper: threading.Thread | None = None
    try:
        config = preload(root) if can_fork() else None
        running = [
            _Worker(root, group, work / f"part-{n}", work / f"part-{n}.log", verbose, config)
            for n, group in enumerate(groups)
        ]
        # The previous site is set aside (renames) and deleted while the workers build, not after.
        sweeper = threading.Thread(target=shutil.rmtree, args=(_set_aside(site_dir, work),), daemon=True)
        sweeper.start()
        failed = []
        shown: dict[str, list[str]] = {}  # log text → the languages that wrote it
        for worker in running:
            code = worker.wait()
            text = worker.log.read_text(encoding="utf-8") if worker.log.exists() else ""
            if (verbose or code != 0) and text:
                shown.setdefault(text, []).extend(worker.group)
            if code != 0:
                failed.append(worker.group)
        # A mistake every worker finds (a content check) is shown once, labelled with their languages.
        for text, langs in shown.items():
            label = ",".join(langs)
            sys.stderr.write("".join(f"[{label}] {line}\n" for line in text.splitlines()))
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
        sweeper.join()  # no thread alive when the assemble step forks
        step = time.perf_counter()
        report = assemble(root, [worker.out for worker in running], site_dir, settings)
        timings.seconds["site-wide"] = time.perf_counter() - step
        timings.seconds["publications"] = report.seconds.get("total", 0.0)
    finally:
        if sweeper is not None:
            sweeper.join()
        shutil.rmtree(work, ignore_errors=True)
    timings.seconds["total"] = time.perf_counter() - start
    return timings
