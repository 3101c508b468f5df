"""Build benchmark: our `make build` against plain Material + static-i18n on the same Markdown, 1× and 10×."""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.site_config import load  # noqa: E402

PARTS = ("mkdocs.yml", "overrides", "hooks", "locales", "data", "assets", "schemas", "docs")
# Fields whose values become redirect slugs: copies drop them so the 10× site has no colliding redirects.
SLUG_FIELDS = ("former_names", "redirect_from", "slug")
ID_LINE = re.compile(r"^id:\s*(?P<id>\S+)\s*$", re.MULTILINE)


def copy_project(dest: Path) -> Path:
    """Our project (theme, hooks, data, docs) in `dest`, sharing the warm image cache by symlink."""
    dest.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    (dest / ".cache").mkdir(parents=True, exist_ok=True)
    cache = ROOT / ".cache" / "images"
    if cache.is_dir():
        (dest / ".cache" / "images").symlink_to(cache)
    return dest


def multiply(project: Path, factor: int) -> None:
    """Add factor-1 copies of every page (file names and ids suffixed -kN) and of every data entity."""
    if factor <= 1:
        return
    for md in sorted((project / "docs").rglob("*.md")):
        if md.name == "index.md":
            continue  # section and home pages stay single, as in a larger real site
        text = md.read_text(encoding="utf-8")
        for n in range(2, factor + 1):
            copied = ID_LINE.sub(lambda m, n=n: f"id: {m.group('id')}-k{n}", text, count=1)
            md.with_name(f"{md.stem}-k{n}.md").write_text(copied, encoding="utf-8")
    for data_file in sorted((project / "data").glob("*.yml")):
        data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for entity_id, entity in list(data.items()):
            for n in range(2, factor + 1):
                clone = copy.deepcopy(entity)
                if isinstance(clone, dict):
                    for key in SLUG_FIELDS:
                        clone.pop(key, None)
                data[f"{entity_id}-k{n}"] = clone
        data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plain_config(project: Path) -> None:
    """mkdocs.yml for plain Material + static-i18n: same languages and Markdown, no hooks, no overrides."""
    site = load()
    languages = [
        {"locale": lang.code, "default": lang.default, "name": lang.name, "build": True}
        for lang in site.languages
    ]
    config = {
        "site_name": site.site_name,
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "footnotes",
            "md_in_html",
            "tables",
            {"toc": {"permalink": "#"}},
            "pymdownx.details",
            "pymdownx.superfences",
        ],  # fmt: skip
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "folder", "fallback_to_default": True, "languages": languages}},
        ],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    # static-i18n's build_only_locale, as `make serve LANG_ONLY=en` sets it through !ENV in ours.
    config["plugins"][1]["i18n"]["build_only_locale"] = "en"
    (project / "mkdocs-en.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


class BuildFailed(Exception):
    pass


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        cmd,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(cmd)} {env or ''} failed in {cwd}:\n{result.stderr[-1500:]}")
    return elapsed


def best(runs: int, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float | None:
    """Best of `runs` after one warm-up run (image cache, catalogs, OS file cache); None if it fails."""
    try:
        timed(cmd, cwd, env)
        return min(timed(cmd, cwd, env) for _ in range(runs))
    except BuildFailed as error:
        print(f"FAILED (row left empty): {error}", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2, help="timed runs per row (the best is kept)")
    parser.add_argument("--factors", default="1,10", help="site sizes, as multiples of today's pages")
    args = parser.parse_args(argv)
    python = sys.executable
    mkdocs = [python, "-m", "mkdocs", "build", "--site-dir", "_site"]
    check = [python, "-m", "scripts", "check-content", "--check", "--skip-numbers", "--root", "."]
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="nmm-bench-") as tmp:
        for factor in (int(f) for f in args.factors.split(",")):
            ours = copy_project(Path(tmp) / f"ours-{factor}")
            multiply(ours, factor)
            plain = Path(tmp) / f"plain-{factor}"
            shutil.copytree(ours / "docs", plain / "docs")
            plain_config(plain)
            pages = sum(1 for _ in (ours / "docs").rglob("*.md"))
            env = {"PYTHONPATH": str(ROOT)}
            row = {
                "factor": factor,
                "pages": pages,
                "plain_s": best(args.runs, mkdocs, plain),
                "ours_build_s": best(args.runs, [*mkdocs, "--strict"], ours, env),
                "ours_check_s": best(args.runs, check, ours, env),
                "ours_one_language_s": best(args.runs, mkdocs, ours, {**env, "BUILD_ONLY_LOCALE": "en"}),
                "plain_one_language_s": best(args.runs, [*mkdocs, "-f", "mkdocs-en.yml"], plain),
            }
            ok = None not in (row["ours_build_s"], row["ours_check_s"], row["plain_s"])
            row["ours_total_s"] = row["ours_build_s"] + row["ours_check_s"] if ok else None
            row["ratio"] = row["ours_total_s"] / row["plain_s"] if ok else None
            rows.append(row)
    header = (
        f"{'size':>5} {'pages':>6} {'plain':>8} {'ours':>8} {'(build':>8} {'+check)':>8} {'ratio':>6}"
        f" {'ours en':>8} {'plain en':>9}"
    )
    print(header)

    def cell(value: float | None, width: int, unit: str = "s") -> str:
        return f"{'failed':>{width + 1}}" if value is None else f"{value:>{width}.2f}{unit}"

    for r in rows:
        print(
            f"{str(r['factor']) + '×':>5} {r['pages']:>6} {cell(r['plain_s'], 7)}"
            f" {cell(r['ours_total_s'], 7)}"
            f" {cell(r['ours_build_s'], 7)} {cell(r['ours_check_s'], 7)} {cell(r['ratio'], 5, '×')}"
            f" {cell(r['ours_one_language_s'], 7)} {cell(r['plain_one_language_s'], 8)}"
        )
    print(f"cores: {os.cpu_count()}; target: ratio ≤ 1.00 (ours no slower than plain)")
    out = ROOT / ".cache" / "reports" / "build-benchmark.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"cores": os.cpu_count(), "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
