"""Commands: `nmm build-publications` (into an already built site)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from nmm_site.publications.build import build_all
from nmm_site.publications.config import PublicationsConfig
from nmm_site.site_config import ROOT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build-publications",
        help="Make the PDFs, short links, QR codes, share cards and feeds of a built site (cached).",
        description="Make the PDFs, short links, QR codes, share cards and feeds of a site built by "
        "`mkdocs build` (the build does this itself; use this to rebuild them or to time them).",
    )
    parser.add_argument(
        "--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)"
    )
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"), help="absolute site URL")
    parser.add_argument("--workers", type=int, default=None, help="processes for PDFs and cards")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs (like NMM_PUBLICATIONS=0)")
    parser.set_defaults(handler=_build)


def _build(args: argparse.Namespace) -> int:
    overrides: dict[str, object] = {}
    if args.workers:
        overrides["workers"] = args.workers
    if args.no_pdf:
        overrides["pdf_enabled"] = False
    cfg = PublicationsConfig.for_root(ROOT, args.site_url, **overrides)
    if not (args.site_dir / "index.html").is_file():
        print(f"❌ {args.site_dir} is not a built site: run `make build` (or `mkdocs build`) first")
        return 1

    def hero(name: str) -> Path | None:
        import nmm_site.images as images

        library = images.current_library()
        if name not in library:
            return None
        built = args.site_dir / library.meta(name, cfg.site.default_language)["og_image"]["url"]
        return built if built.is_file() else None

    report = build_all(cfg, args.site_dir, hero_file=hero)
    print(f"✅ {report.summary()}")
    for key, seconds in report.seconds.items():
        print(f"   {key}: {seconds:.2f} s")
    for skipped in report.skipped:
        print(f"   skipped {skipped}")
    return 0
