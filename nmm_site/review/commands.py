"""Commands `review-report` and `review-pages`."""

from __future__ import annotations

import argparse
from pathlib import Path

from nmm_site.i18n.pages import PageIndex
from nmm_site.review import git
from nmm_site.review.config import ReviewConfig
from nmm_site.review.report import build_report, page_changes, review_rels, write_report
from nmm_site.review.sidebyside import write_review_pages
from nmm_site.site_config import ROOT, load


def run_review_report(args: argparse.Namespace) -> int:
    """Write review-report.md (the pull-request comment) and review-report.json, comparing BASE with now."""
    root = Path(args.root).resolve()
    out_dir = Path(args.out_dir).resolve() if args.out_dir else root
    shots = Path(args.screenshots).resolve() if args.screenshots else None
    config = ReviewConfig.for_root(root, args.base, args.preview_url or None, out_dir, shots)
    document = build_report(config)
    print(document["summary"])
    for path in write_report(document, out_dir):
        print(f"wrote {path}")
    return 0


def changed_page_rels(config: ReviewConfig) -> list[str]:
    """Page paths added, changed or renamed since the base, in any language."""
    commit = git.resolve_base(config.root, config.base)
    return review_rels(page_changes(config, git.changes(config.root, commit, ("docs",))))


def run_review_pages(args: argparse.Namespace) -> int:
    """Write side-by-side pages (vi | en | fr by section) of every changed page into SITE_DIR/_review/."""
    root = Path(args.root).resolve()
    site_dir = Path(args.site_dir)
    site_dir = site_dir if site_dir.is_absolute() else Path.cwd() / site_dir
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} holds no built site: run `make build` first")
        return 1
    config = ReviewConfig.for_root(root, args.base)
    rels = changed_page_rels(config)
    present = PageIndex.scan(load(root), root / "docs").present
    written = write_review_pages(site_dir, rels, config.languages, present)
    print(f"wrote {len(written) - 1} side-by-side page(s) and {written[-1].relative_to(site_dir)}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser(
        "review-report", help=run_review_report.__doc__, description=run_review_report.__doc__
    )
    report.add_argument("--base", required=True, help="git ref to compare with, e.g. origin/main")
    report.add_argument("--preview-url", default=None, help="address of the preview build, for links")
    report.add_argument(
        "--out-dir", default=None, help="where to write the two files (default: the checkout)"
    )
    report.add_argument(
        "--screenshots",
        default=None,
        help="the preview's screenshots folder, SITE/_review/screenshots (listed when overrides/ changed)",
    )
    report.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    report.set_defaults(handler=run_review_report)

    pages = subparsers.add_parser(
        "review-pages", help=run_review_pages.__doc__, description=run_review_pages.__doc__
    )
    pages.add_argument("--base", required=True, help="git ref to compare with, e.g. origin/main")
    pages.add_argument("--site-dir", default="site", help="the built site (default: site)")
    pages.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    pages.set_defaults(handler=run_review_pages)
