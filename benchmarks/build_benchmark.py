"""Build benchmark: `make build`, warm and cold, against plain Material + static-i18n, 1× and 10×."""

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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.baseline import plain_docs  # noqa: E402
from nmm_site.site_config import load  # noqa: E402

PARTS = ("mkdocs.yml", "overrides", "hooks", "locales", "data", "assets", "schemas", "docs")
# Fields whose values become redirect slugs: copies drop them so the 10× site has no colliding redirects.
SLUG_FIELDS = ("former_names", "redirect_from", "slug")
ID_LINE = re.compile(r"^id:\s*(?P<id>\S+)\s*$", re.MULTILINE)


def copy_project(dest: Path, share_image_cache: bool = True) -> Path:
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
    if share_image_cache and cache.is_dir():
        (dest / ".cache" / "images").symlink_to(cache)
    return dest


def multiply(project: Path, factor: int) -> None:
    """Add factor-1 copies of every page (file names and ids suffixed -kN) and of every data entity."""
    if factor <= 1:
        return
    for md in sorted((project / "docs").rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        if md.name == "index.md" or "{{ calendar() }}" in text:
            continue  # section, home and calendar pages stay single, as in a larger real site
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


@dataclass
class Variant:
    name: str  # the column
    cmd: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    failed: bool = False
    cold: bool = False  # every run starts without the project's .cache (images, PDFs, checks, templates)

    def run(self) -> None:
        if self.failed:
            return
        if self.cold:
            shutil.rmtree(self.cwd / ".cache", ignore_errors=True)
        try:
            self.times.append(timed(self.cmd, self.cwd, self.env))
        except BuildFailed as error:
            print(f"FAILED (cell left empty): {error}", file=sys.stderr)
            self.failed = True

    @property
    def best(self) -> float | None:
        return None if self.failed or not self.times else min(self.times)


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


# The image pipeline alone, as the images hook runs it: the "encode the images" part of a cold build.
IMAGES_ALONE = (
    "from pathlib import Path; from nmm_site.images.config import ImageConfig; "
    "from nmm_site.images.pipeline import run; from nmm_site.site_config import load; "
    "run(ImageConfig.for_root(Path.cwd(), load(Path.cwd()).codes))"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="warm rounds per size (the best is kept)")
    parser.add_argument("--cold-runs", type=int, default=1, help="cold rounds per size (each from scratch)")
    parser.add_argument("--factors", default="1,10", help="site sizes, as multiples of today's pages")
    parser.add_argument("--one-language", action="store_true", help="also time BUILD_ONLY_LOCALE=en builds")
    parser.add_argument(
        "--no-pdf", action="store_true", help="NMM_PUBLICATIONS=0 (a cold 10× build renders ~1000 PDFs)"
    )
    args = parser.parse_args(argv)
    python = sys.executable
    plain_build = [python, "-m", "mkdocs", "build", "--strict", "--site-dir", "_site"]
    rows: list[dict] = []
    loads = [load_average()]
    with tempfile.TemporaryDirectory(prefix="nmm-bench-") as tmp:
        for factor in (int(f) for f in args.factors.split(",")):
            ours = copy_project(Path(tmp) / f"ours-{factor}")
            multiply(ours, factor)
            cold = Path(tmp) / f"cold-{factor}"
            shutil.copytree(ours, cold, symlinks=True, ignore=shutil.ignore_patterns(".cache"))
            plain = Path(tmp) / f"plain-{factor}"
            shutil.copytree(ours / "docs", plain / "docs")
            plain_docs(plain)
            plain_config(plain)
            pages = sum(1 for _ in (ours / "docs").rglob("*.md"))
            # A published address, as CI builds: a loopback site_url is refused outside `mkdocs serve`.
            env = {"PYTHONPATH": str(ROOT), "SITE_URL": "https://nmm.example.org/"}
            env.update({"NMM_PUBLICATIONS": "0"} if args.no_pdf else {})
            # Exactly what `make build` runs, for a copy of the project.
            make_build = [python, "-m", "nmm_site", "build-site", "--root", ".", "--site-dir", "_site"]
            warm = [Variant("plain", plain_build, plain), Variant("ours warm", make_build, ours, env)]
            if args.one_language:
                warm += [
                    Variant("plain en", [*plain_build, "-f", "mkdocs-en.yml"], plain),
                    Variant("ours en", make_build, ours, {**env, "BUILD_ONLY_LOCALE": "en"}),
                ]
            colds = [
                Variant("images alone", [python, "-c", IMAGES_ALONE], cold, env, cold=True),
                Variant("ours cold", make_build, cold, env, cold=True),
            ]
            # One warm-up each (PDFs, Jinja and OS caches fill), then rounds that alternate the
            # variants, so that a change in the machine's load hits them all alike.
            for variant in warm:
                variant.run()
                variant.times.clear()
            for _ in range(args.runs):
                for variant in warm:
                    variant.run()
            for _ in range(args.cold_runs):
                for variant in colds:
                    variant.run()
            loads.append(load_average())
            row: dict = {"factor": factor, "pages": pages, **{v.name: v.best for v in warm + colds}}
            plain_s, warm_s, cold_s, images_s = (
                row[k] for k in ("plain", "ours warm", "ours cold", "images alone")
            )
            row["warm/plain"] = warm_s / plain_s if warm_s and plain_s else None
            row["cold/(plain+images)"] = (
                cold_s / (plain_s + images_s) if cold_s and plain_s and images_s else None
            )
            rows.append(row)
            # Progress on stderr: a cold 10× build encodes every image and renders every PDF.
            print(f"{factor}×: {json.dumps(row)}", file=sys.stderr, flush=True)
    columns = [k for k in rows[0] if k not in ("factor", "pages")]

    def cell(value: float | None, unit: str) -> str:
        return "failed" if value is None else f"{value:.2f}{unit}"

    widths = {c: max(len(c), 8) for c in columns}
    print(f"{'size':>5} {'pages':>6} " + " ".join(f"{c:>{widths[c]}}" for c in columns))
    for r in rows:
        cells = " ".join(f"{cell(r[c], '×' if '/' in c else 's'):>{widths[c]}}" for c in columns)
        print(f"{str(r['factor']) + '×':>5} {r['pages']:>6} {cells}")
    print(
        f"cores: {os.cpu_count()}; load average (1, 5, 15 min) before, after each size: {' | '.join(loads)}"
    )
    print("plain = Material + static-i18n, `mkdocs build --strict`; ours = `nmm build-site` (`make build`)")
    print("warm: caches filled by a first build; cold: no .cache (images encoded, PDFs rendered, checks run)")
    print("images alone = the image pipeline from an empty cache (what a cold build must at least add)")
    print(f"PDFs: {'skipped (NMM_PUBLICATIONS=0)' if args.no_pdf else 'made, as `make build` does'}")
    print("targets: warm/plain ≤ 1.00; cold/(plain+images) ≤ 1.00")
    out = ROOT / ".cache" / "reports" / "build-benchmark.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"cores": os.cpu_count(), "load": loads, "rows": rows}, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
