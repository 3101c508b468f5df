"""`python -m tools.artwork`: write the project's illustrations and patterns that are missing."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from tools.artwork.config import ROOT, ArtworkConfig
from tools.artwork.generate import ALL_STEMS, differences, generate


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.artwork", description=__doc__)
    parser.add_argument("--out", type=Path, default=ArtworkConfig().out_dir, help="output folder")
    parser.add_argument("--force", action="store_true", help="overwrite existing originals and sidecars")
    parser.add_argument("--check", action="store_true", help="only report files that differ (exit 1 if any)")
    parser.add_argument(
        "stems", nargs="*", metavar="NAME", help=f"only these pictures: {', '.join(ALL_STEMS)}"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.stems) - set(ALL_STEMS))
    if unknown:
        parser.error(f"unknown picture(s) {', '.join(unknown)}; choose from {', '.join(ALL_STEMS)}")
    config = dataclasses.replace(ArtworkConfig(), out_dir=args.out, force=args.force)
    stems = tuple(args.stems) or ALL_STEMS
    started = time.perf_counter()
    if args.check:
        changed = differences(config, stems)
        for path in changed:
            print(f"differs: {_shown(path)}", file=sys.stderr)
        if changed:
            print(
                "fix: python -m tools.artwork --force (then review and commit the originals)",
                file=sys.stderr,
            )
            return 1
        print(f"✅ {len(stems)} pictures up to date")
        return 0
    outcomes = generate(config, stems)
    for outcome in outcomes:
        print(f"{'wrote' if outcome.written else 'kept '} {_shown(outcome.path)}")
    kept = sum(not o.written for o in outcomes)
    if kept:
        print(f"{kept} existing file(s) kept; use --force to regenerate them")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
