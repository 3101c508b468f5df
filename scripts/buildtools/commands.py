"""Commands: `nmm build-site` (sequential, parallel or one partial build) and `nmm assemble-site`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from scripts.buildtools.config import BuildConfig
from scripts.site_config import ROOT, load


def register(subparsers: argparse._SubParsersAction) -> None:
    build = subparsers.add_parser(
        "build-site",
        help="Build the site like `mkdocs build --strict`, the languages in parallel processes (--jobs).",
        description="Build the site into --site-dir. With --jobs N > 1 the languages are built by N "
        "processes and assembled; the result is the same site as the sequential build. With "
        "--languages and --partial, build only those languages into a partial build (a CI job per "
        "language) for `nmm assemble-site`.",
    )
    build.add_argument("--root", type=Path, default=ROOT, help="the project (default: this checkout)")
    build.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    build.add_argument(
        "--jobs",
        default="auto",
        help="processes: a number, or `auto` (one per language, at most the cores); 1 = sequential",
    )
    build.add_argument("--languages", default=None, help="with --partial: comma-separated, e.g. `en`")
    build.add_argument("--partial", type=Path, default=None, help="partial build folder (site/ + manifest)")
    build.add_argument("--verbose", action="store_true", help="show MkDocs' progress messages")
    build.set_defaults(handler=_build_site)

    assemble = subparsers.add_parser(
        "assemble-site",
        help="Assemble partial builds (one per language) into the site and write the site-wide files.",
        description="Move the partial sites made by `nmm build-site --partial` into --site-dir (a clean "
        "folder) and write the sitemaps, 404 pages, search indexes and publications, as the "
        "sequential build does.",
    )
    assemble.add_argument("partials", nargs="+", type=Path, help="partial build folders, any order")
    assemble.add_argument("--root", type=Path, default=ROOT, help="the project (default: this checkout)")
    assemble.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    assemble.set_defaults(handler=_assemble_site)

    languages = subparsers.add_parser(
        "site-languages",
        help="Print the site's language codes as JSON (the CI matrix of per-language builds).",
        description="Print the language codes of mkdocs.yml's i18n block as a JSON list, default first, "
        'e.g. ["vi", "en", "fr"]: CI builds one job per language from it, never retyping the list.',
    )
    languages.add_argument("--root", type=Path, default=ROOT, help="the project (default: this checkout)")
    languages.set_defaults(handler=_site_languages)


def _mkdocs_errors():  # type: ignore[no-untyped-def]
    from mkdocs.exceptions import MkDocsException

    return MkDocsException


def _build_site(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    site_dir = (args.site_dir or root / "site").resolve()
    try:
        if args.partial is not None or args.languages is not None:
            if args.partial is None or args.languages is None:
                print("❌ --languages and --partial go together (e.g. --languages en --partial parts/en)")
                return 2
            return run_partial(root, args.languages.split(","), args.partial.resolve(), args.verbose)
        codes = load(root).codes
        if args.jobs == "auto":
            jobs = BuildConfig.auto_jobs(len(codes))
        elif args.jobs.isdigit() and int(args.jobs) >= 1:
            jobs = int(args.jobs)
        else:
            print(f"❌ --jobs {args.jobs}: write a number ≥ 1 or `auto`")
            return 2
        start = time.perf_counter()
        if jobs == 1:
            from scripts.buildtools.parallel import build_sequential

            build_sequential(root, site_dir)
            print(f"✅ built {site_dir} in {time.perf_counter() - start:.1f} s (sequential)")
            return 0
        from scripts.buildtools.parallel import build_parallel

        timings = build_parallel(root, site_dir, jobs, verbose=args.verbose)
        print(f"✅ built {site_dir} with {jobs} processes: {timings.summary()}")
        return 0
    except _mkdocs_errors() as error:
        print(f"❌ {error}", file=sys.stderr)
        return 1


def run_partial(root: Path, languages: list[str], out: Path, verbose: bool, config: object = None) -> int:
    """One partial build, errors reported as `mkdocs build` reports them: the exit code."""
    from scripts.buildtools.partial import build_partial
    from scripts.errors import ProblemsFound

    try:
        build_partial(root, languages, out, verbose=verbose, config=config)
    except ProblemsFound as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    except _mkdocs_errors() as error:
        print(f"❌ {error}", file=sys.stderr)
        return 1
    return 0


def _assemble_site(args: argparse.Namespace) -> int:
    from scripts.buildtools.assemble import assemble

    root = args.root.resolve()
    site_dir = (args.site_dir or root / "site").resolve()
    start = time.perf_counter()
    report = assemble(root, [p.resolve() for p in args.partials], site_dir)
    print(f"✅ assembled {site_dir} in {time.perf_counter() - start:.1f} s; {report.summary()}")
    return 0


def _site_languages(args: argparse.Namespace) -> int:
    print(json.dumps(list(load(args.root.resolve()).codes)))
    return 0
