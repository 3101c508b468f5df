"""`nmm build-site`: plain `mkdocs build --strict` into a folder beside the site, swapped in on success."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The folder holding the `nmm_site` package: MkDocs imports our hooks and slugify from it.
CODE_ROOT = Path(__file__).resolve().parent.parent


def register(subparsers: argparse._SubParsersAction) -> None:
    build = subparsers.add_parser(
        "build-site",
        help="Run `mkdocs build --strict` and replace the site only if the build succeeds.",
        description="Build the project with `mkdocs build --strict` into a new folder beside --site-dir, "
        "then swap it in. A failing build leaves the previous site as it was.",
    )
    build.add_argument("--root", type=Path, default=CODE_ROOT, help="the project (default: this checkout)")
    build.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    build.set_defaults(handler=_build_site)


def _build_site(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    site_dir = (args.site_dir or root / "site").resolve()
    start = time.perf_counter()
    code = build_site(root, site_dir)
    if code == 0:
        print(f"✅ built {site_dir} in {time.perf_counter() - start:.1f} s")
    else:
        print(f"❌ the build failed (messages above); {site_dir} was left as it was", file=sys.stderr)
    return code


def build_site(root: Path, site_dir: Path) -> int:
    """`mkdocs build --strict` of the project at `root` into `site_dir`; MkDocs' exit code."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site: the swap is a rename on the same filesystem, never a copy.
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        path = os.environ.get("PYTHONPATH", "")
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONPATH": f"{CODE_ROOT}{os.pathsep}{path}" if path else str(CODE_ROOT),
        }
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(new)]
        code = subprocess.run(
            [*command, "--config-file", str(root / "mkdocs.yml")], cwd=root, env=env
        ).returncode
        if code == 0:
            swap_in(new, site_dir)
        return code
    finally:
        shutil.rmtree(new, ignore_errors=True)


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `new` (same parent); hidden entries of the old site are kept, as MkDocs does.

    Two renames: `site_dir` is missing for an instant between them, but is never half-written.
    """
    if not site_dir.exists():
        new.rename(site_dir)
        return
    for entry in site_dir.iterdir():
        if entry.name.startswith(".") and not (new / entry.name).exists():
            entry.rename(new / entry.name)
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    site_dir.rename(old / site_dir.name)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
