"""`make screenshots`: phone and laptop screenshots of the page types a theme change touches.

Home, a province, a heritage and a people page in every language, into `.cache/screenshots/`
(git-ignored), from a built site (`--site site`) or from a fresh build into a temporary directory.
Debian's Chromium through Playwright (nmm_site/sitecheck/browser.py), never a downloaded browser.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from nmm_site.site_config import load
from nmm_site.sitecheck.browser import launch
from nmm_site.sitecheck.server import serve

ROOT = Path(__file__).resolve().parents[2]
# Page paths under each language's root: one page per template the theme styles.
PAGES = {
    "home": "",
    "province": "provinces/ha-giang/",
    "heritage": "heritage/ba-be/",
    "people": "peoples/mong/",
}
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True},
    "laptop": {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1},
}


def shot_plan(languages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(url path, file name) of every screenshot: languages are (code, url prefix) pairs."""
    plan = []
    for code, prefix in languages:
        for kind, path in PAGES.items():
            for device in DEVICES:
                plan.append((f"{prefix}{path}", f"{code}-{kind}-{device}.png"))
    return plan


def _languages(root: Path) -> list[tuple[str, str]]:
    site = load(root)
    return [(lang.code, "" if lang.default else f"{lang.code}/") for lang in site.languages]


def take(site_dir: Path, out: Path, root: Path = ROOT, full_page: bool = False) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    plan = shot_plan(_languages(root))
    written = []
    with serve(site_dir) as served, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for device, options in DEVICES.items():
                context = browser.new_context(**options)
                page = context.new_page()
                for url_path, name in plan:
                    if not name.endswith(f"-{device}.png"):
                        continue
                    page.goto(served.url + url_path, wait_until="load")
                    target = out / name
                    page.screenshot(path=str(target), full_page=full_page)
                    written.append(target)
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site directory (else: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "screenshots")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first view")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nmm-screens-") as tmp:
        site_dir = args.site
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            mkdocs = Path(sys.executable).with_name("mkdocs")
            done = subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT)
            if done.returncode:
                return done.returncode
        elif not (site_dir / "index.html").is_file():
            print(f"error: {site_dir}: no index.html; build the site first (`make build`)", file=sys.stderr)
            return 2
        written = take(site_dir, args.out, full_page=args.full_page)
    print(f"screenshots: {len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
