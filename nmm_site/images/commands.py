"""`nmm optimize-images`: run the image pipeline alone."""

from __future__ import annotations

import argparse
import dataclasses

from nmm_site import site_config
from nmm_site.images.config import ImageConfig
from nmm_site.images.pipeline import run


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "optimize-images",
        help="Write the responsive variants of assets/images/ into .cache/images/ (cached, parallel).",
        description="Write the responsive variants of assets/images/ into .cache/images/ (cached, parallel).",
    )
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.set_defaults(handler=_optimize_images)


def _optimize_images(args: argparse.Namespace) -> int:
    site = site_config.load()
    cfg = dataclasses.replace(ImageConfig.for_root(site.root, site.codes), workers=args.workers)
    print(run(cfg).summary())
    return 0
