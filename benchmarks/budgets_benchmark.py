"""Budgets: Lighthouse scores (median of N runs) and phone page weight, beside a plain Material baseline.

Run with `make bench-budgets` (or `.venv/bin/python benchmarks/budgets_benchmark.py --quick`).
Prints a table with PASS/FAIL per budget and writes .cache/reports/budgets.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.baseline import plain_docs  # noqa: E402
from nmm_site.site_config import load  # noqa: E402
from nmm_site.sitecheck.browser import NetworkLog, attach, launch, transfer_bytes  # noqa: E402
from nmm_site.sitecheck.config import SiteCheckConfig  # noqa: E402
from nmm_site.sitecheck.server import serve  # noqa: E402

PAGES = {
    "home": "",
    "province": "provinces/ha-giang/",
    "heritage": "heritage/dong-van-karst-plateau/",
    "people": "peoples/mong/",
}
WEIGHT_PAGE = "provinces/ha-giang/"
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
WEIGHT_BUDGET_KB = 200
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
REPORT = ROOT / ".cache" / "reports" / "budgets.json"


def build(project: Path, site_dir: Path) -> None:
    """Build a project (ours or the baseline) without --strict: the benchmark measures, tests judge."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "SITE_URL": "http://127.0.0.1/"}
    env["NMM_ALLOW_LOCAL_LINKS"] = "1"  # served locally for Lighthouse, never printed
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")


def baseline_project(tmp: Path) -> Path:
    """Plain Material + static-i18n over a copy of docs/: no hooks, no overrides, raw original images."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n.pop("build_only_locale", None)
    plain = {
        "site_name": config["site_name"],
        "site_url": "http://127.0.0.1/",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["attr_list", "md_in_html", "tables", "admonition", "toc"],
        "plugins": ["search", {"i18n": i18n}],
    }
    project = tmp / "baseline"
    shutil.copytree(ROOT / "docs", project / "docs")
    plain_docs(project)
    # Editors link images as ../assets/images/… from the language folders: give them the originals.
    shutil.copytree(
        ROOT / "assets" / "images",
        project / "docs" / "assets" / "images",
        ignore=shutil.ignore_patterns("*.yml"),
    )
    (project / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    return project


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def lighthouse(url: str, config: SiteCheckConfig) -> dict[str, float]:
    """One Lighthouse run (mobile profile, the default): category scores out of 100."""
    result = subprocess.run(
        [
            str(config.lighthouse),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": str(config.chromium)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-1500:]}")
    categories = json.loads(result.stdout)["categories"]
    return {key: round((categories[key]["score"] or 0) * 100) for key in BUDGETS}


def page_weight_kb(browser, url: str) -> tuple[float, list[tuple[str, int]]]:
    """KB transferred (headers + bodies as served, gzip where the server compresses) for a first view."""
    context = browser.new_context(**PHONE)
    log = attach(context, NetworkLog())
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    total, rows = transfer_bytes(log.responses)
    context.close()
    return total / 1024, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median reported)")
    parser.add_argument("--quick", action="store_true", help="one language, one run")
    parser.add_argument("--no-lighthouse", action="store_true", help="page weight only")
    parser.add_argument("--site", type=Path, help="an already built site instead of building one")
    parser.add_argument("--json", type=Path, default=REPORT, help="where to write the JSON report")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    site = load()
    langs = site.codes[:1] if args.quick else site.codes
    config = SiteCheckConfig()
    rows: list[dict] = []
    started = time.perf_counter()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="nmm-budgets-") as tmp_name:
        tmp = Path(tmp_name)
        ours = args.site or tmp / "site"
        if not args.site:
            build(ROOT, ours)
        base_project = baseline_project(tmp)
        build(base_project, tmp / "baseline-site")
        with serve(ours) as served, serve(tmp / "baseline-site") as baseline, sync_playwright() as playwright:
            browser = launch(playwright, config)
            kb, detail = page_weight_kb(browser, served.url + WEIGHT_PAGE)
            base_kb, _ = page_weight_kb(browser, baseline.url + WEIGHT_PAGE)
            browser.close()
            rows.append(
                {
                    "budget": f"phone first view /{WEIGHT_PAGE} (KB)",
                    "value": round(kb, 1),
                    "baseline": round(base_kb, 1),
                    "limit": f"≤ {WEIGHT_BUDGET_KB}",
                    "pass": kb <= WEIGHT_BUDGET_KB,
                    "largest": sorted(detail, key=lambda r: -r[1])[:5],
                }
            )
            if not args.no_lighthouse:
                for lang in langs:
                    for name, path in PAGES.items():
                        url = served.url + site.lang_prefix(lang) + path
                        scores = [lighthouse(url, config) for _ in range(runs)]
                        base_scores = [lighthouse(baseline.url + site.lang_prefix(lang) + path, config)]
                        for key, limit in BUDGETS.items():
                            value = statistics.median(s[key] for s in scores)
                            rows.append(
                                {
                                    "budget": f"{key} {lang} {name}",
                                    "value": value,
                                    "baseline": base_scores[0][key],
                                    "limit": f"≥ {limit}",
                                    "pass": value >= limit,
                                    "runs": [s[key] for s in scores],
                                }
                            )
    width = max(len(r["budget"]) for r in rows)
    print(f"{'budget':<{width}}  {'value':>8}  {'baseline':>8}  {'limit':>7}  result")
    for row in rows:
        print(
            f"{row['budget']:<{width}}  {row['value']:>8}  {row['baseline']:>8}  {row['limit']:>7}  "
            f"{'PASS' if row['pass'] else 'FAIL'}"
        )
    report = {
        "runs": runs,
        "languages": list(langs),
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        "pass": all(r["pass"] for r in rows),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(
        f"wrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}"
        f" in {report['seconds']} s"
    )
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
