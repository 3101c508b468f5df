"""Build every publication into a built site: short links + QR codes, feeds, share cards, PDFs (cached)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import segno

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.files import atomic_write, place
from nmm_site.publications import cards, feeds, golinks, pdf, qr, text
from nmm_site.publications.catalog import Catalog, Page, province_order, scan
from nmm_site.publications.config import PublicationsConfig
from nmm_site.publications.pagemeta import has_pdf
from nmm_site.publications.urls import absolute, card_path, feed_path, go_path, page_path, pdf_path, qr_path
from nmm_site.stamps import code_digest

HeroFinder = Callable[[str], Path | None]  # image name ("ha-giang-karst.jpg") → its derived JPEG


@dataclass
class Report:
    written: list[str] = field(default_factory=list)  # site paths written (new or changed)
    rendered: dict[str, int] = field(default_factory=lambda: {"pdf": 0, "card": 0})
    cached: dict[str, int] = field(default_factory=lambda: {"pdf": 0, "card": 0})
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        pdfs = self.rendered["pdf"] + self.cached["pdf"]
        card_count = self.rendered["card"] + self.cached["card"]
        return (
            f"publications: {pdfs} PDFs ({self.rendered['pdf']} rendered, {self.cached['pdf']} cached), "
            f"{card_count} share cards ({self.rendered['card']} rendered), {len(self.written)} files written "
            f"in {self.seconds.get('total', 0.0):.1f} s"
        )


@dataclass(frozen=True)
class Job:
    kind: str  # "pdf" | "card"
    source: Path  # the Markdown file an error is reported against
    key: str  # content hash: the cache file's name
    target: str  # path in the site
    payload: dict


# Files -------------------------------------------------------------------------------------------


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically, only when the bytes differ (an unchanged site costs no writes)."""
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)
    return True


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:32]


def _fonts_digest(cfg: PublicationsConfig, files: list[Path]) -> str:
    return _digest(*(f.read_bytes() for f in files))


# Workers (module level: they run in other processes) ---------------------------------------------


def _run_job(kind: str, payload: dict, cache_file: str) -> float:
    target = Path(cache_file)
    if kind == "pdf":
        html = _document(payload)
        return pdf.render_pdf(html, Path(payload["site_dir"]), Path(payload["fonts_dir"]), target)
    start = time.perf_counter()
    data = cards.render_card(
        title=payload["title"],
        site_name=payload["site_name"],
        hero=Path(payload["hero"]) if payload["hero"] else None,
        fonts_dir=Path(payload["fonts_dir"]),
        size=payload["size"],
        quality=payload["quality"],
    )
    write_if_changed(target, data)
    return time.perf_counter() - start


# QR codes: the same URL gives the same bytes, so they are kept in the cache (segno is slow: ~7 ms each).


def cached_qr(cfg: PublicationsConfig, kind: str, url: str, title: str | None = None) -> bytes:
    """The QR code of `url` as `kind` ("svg", "png" or "uri", the data: URI), from the cache when there."""
    return cached_qr_file(cfg, kind, url, title).read_bytes()


def cached_qr_file(cfg: PublicationsConfig, kind: str, url: str, title: str | None = None) -> Path:
    """The cache file of `cached_qr`, made first when it is not there."""
    key = _digest("qr", cfg.cache_version, kind, url, title or "", str(cfg.qr_png_scale), segno.__version__)
    path = cfg.cache_dir / "qr" / f"{key}.{kind}"
    if path.is_file():
        return path
    if kind == "svg":
        data = qr.qr_svg(url, title)
    elif kind == "png":
        data = qr.qr_png(url, cfg.qr_png_scale)
    else:
        data = qr.qr_data_uri(url).encode("utf-8")
    write_if_changed(path, data)
    return path


# The parts ---------------------------------------------------------------------------------------


def built_languages(cfg: PublicationsConfig, site_dir: Path) -> list[str]:
    return [c for c in cfg.site.codes if (site_dir / cfg.site.lang_prefix(c) / "index.html").is_file()]


def write_short_links(cfg: PublicationsConfig, catalog: Catalog, site_dir: Path, report: Report) -> None:
    for page in catalog.pages.values():
        url = absolute(cfg, go_path(cfg, page.id))
        title = page.version(cfg.site.default_language, cfg.site.default_language).title
        rel = go_path(cfg, page.id) + "index.html"
        if write_if_changed(site_dir / rel, golinks.go_page_html(cfg, page).encode("utf-8")):
            report.written.append(rel)
        # The QR codes are linked from the cache, not written again.
        for rel, cached in (
            (qr_path(cfg, page.id, "svg"), cached_qr_file(cfg, "svg", url, title)),
            (qr_path(cfg, page.id, "png"), cached_qr_file(cfg, "png", url)),
        ):
            if place(cached, site_dir / rel):
                report.written.append(rel)


def write_feeds(
    cfg: PublicationsConfig, catalog: Catalog, site_dir: Path, langs: list[str], report: Report
) -> None:
    paths = sorted({v.path for p in catalog.pages.values() for v in p.versions.values()})
    dates = feeds.page_dates(paths, cfg.root, cache_dir=cfg.cache_dir / "dates")
    for lang in langs:
        rel = feed_path(cfg, lang)
        if write_if_changed(site_dir / rel, feeds.feed_xml(cfg, catalog, lang, dates).encode("utf-8")):
            report.written.append(rel)


def card_jobs(
    cfg: PublicationsConfig, catalog: Catalog, langs: list[str], hero_file: HeroFinder, fonts: str
) -> list[Job]:
    jobs = []
    problems = []
    hero_digests: dict[Path, str] = {}  # a few photos serve every page and language
    for page in catalog.pages.values():
        for lang in langs:
            version = page.version(lang, cfg.site.default_language)
            hero = hero_file(version.hero) if version.hero else None
            if hero and hero not in hero_digests:
                hero_digests[hero] = _digest(hero.read_bytes())
            key = _digest(
                "card",
                cfg.cache_version,
                version.title,
                cfg.site_name(lang),
                hero_digests[hero] if hero else "",
                fonts,
                f"{cfg.card_width}x{cfg.card_height}q{cfg.card_quality}",
                cards.CARD_VARIANT,
            )
            # A stored card was drawn from this title with these fonts: its glyphs were checked then.
            stored = (cfg.cache_dir / "card" / f"{key}.jpg").is_file()
            missing = (
                []
                if stored
                else cards.missing_glyphs(
                    version.title + cfg.site_name(lang), cfg.fonts_dir / cards.TITLE_FONT
                )
            )
            if missing:
                problems.append(
                    Problem(
                        version.path,
                        None,
                        "the share card font has no glyph for "
                        f"{', '.join(repr(c) for c in missing)} in the title",
                        "write the title with Vietnamese/Latin letters (NFC), or add the characters to the "
                        "font subset in assets/fonts/ (see assets/fonts/README.md)",
                    )
                )
                continue
            payload = {
                "title": version.title,
                "site_name": cfg.site_name(lang),
                "hero": str(hero) if hero else "",
                "fonts_dir": str(cfg.fonts_dir),
                "size": (cfg.card_width, cfg.card_height),
                "quality": cfg.card_quality,
            }
            jobs.append(Job("card", version.path, key, card_path(cfg, page.id, lang), payload))
    if problems:
        raise ProblemsFound(problems)
    return jobs


def _part(
    cfg: PublicationsConfig, page: Page, lang: str, site_dir: Path, prefix: str, read: dict[Path, str]
) -> dict[str, str] | None:
    """What one article of a PDF is made from: its built article and where it sits (cleaned in the
    worker, `_document`, only for a PDF the cache lacks)."""
    rel = page_path(cfg, page, lang)
    built = site_dir / rel / "index.html"
    if built not in read:  # a province is read once, for its own PDF and for the booklet
        if not built.is_file():
            return None
        read[built] = pdf.extract_article(built.read_text(encoding="utf-8"))
    return {
        "lang": lang if page.has(lang) else cfg.site.default_language,
        "title": page.version(lang, cfg.site.default_language).title,
        "inner": read[built],
        "path": rel,
        "url": absolute(cfg, rel),
        "prefix": prefix,
    }


def _document(payload: dict) -> str:
    """The printable document of a PDF job (in the worker)."""
    parts = [
        pdf.Part(
            lang=p["lang"],
            title=p["title"],
            html=pdf.clean_article(p["inner"], p["path"], p["url"], p["prefix"]),
        )
        for p in payload["parts"]
    ]
    return pdf.document_html(parts=parts, **payload["document"])


def _pdf_code() -> str:
    # The document is keyed by what it is made from, so the code and stylesheet that make it count too.
    return code_digest(Path(pdf.__file__), Path(__file__)) + _digest(pdf.PRINT_CSS_PATH.read_bytes())


def pdf_jobs(
    cfg: PublicationsConfig, catalog: Catalog, site_dir: Path, langs: list[str], fonts: str, report: Report
) -> list[Job]:
    order = {pid: n for n, pid in enumerate(province_order(cfg.site.data_dir))}
    provinces = sorted(
        catalog.of_type(cfg.booklet_part_type), key=lambda p: (order.get(p.id, len(order)), p.id)
    )
    jobs = []
    read: dict[Path, str] = {}
    digests: dict[str, str] = {}  # article HTML → its digest
    made_by = _pdf_code()
    for lang in langs:
        for page in catalog.pages.values():
            if not has_pdf(cfg, page):
                continue
            booklet = page.type == cfg.booklet_type
            if not booklet and not page.has(lang):
                continue  # the page offers the default language's PDF instead
            members = [page, *provinces] if booklet else [page]
            parts = [_part(cfg, m, lang, site_dir, f"p{n}-", read) for n, m in enumerate(members, 1)]
            for part in parts:
                if part is not None and part["inner"] not in digests:
                    digests[part["inner"]] = _digest(part["inner"])
            if parts[0] is None:
                report.skipped.append(f"{lang}:{page.id} (not built)")
                continue
            title = page.version(lang, cfg.site.default_language).title
            short = absolute(cfg, go_path(cfg, page.id))
            for paper in cfg.paper_sizes:
                document = {
                    "lang": lang,
                    "title": title,
                    "site_name": cfg.site_name(lang),
                    "qr_uri": cached_qr(cfg, "uri", short).decode("utf-8"),
                    "qr_alt": text.t(lang, "qr_alt", title=title),
                    "short_url": short,
                    "read_online": text.t(lang, "read_online"),
                    "cover": {
                        "subtitle": text.t(lang, "booklet_subtitle", count=len(provinces)),
                        "contents": text.t(lang, "contents"),
                    }
                    if booklet
                    else None,
                    "paper": paper,
                }
                found = [p for p in parts if p is not None]
                # Each article by its digest (read once per build): the booklet holds every province.
                described = [{**p, "inner": digests[p["inner"]]} for p in found]
                made_from = json.dumps({"document": document, "parts": described}, sort_keys=True)
                key = _digest("pdf", cfg.cache_version, made_from, made_by, fonts, pdf.PDF_VARIANT)
                payload = {
                    "document": document,
                    "parts": found,
                    "site_dir": str(site_dir),
                    "fonts_dir": str(cfg.fonts_dir),
                }
                jobs.append(
                    Job(
                        "pdf",
                        page.version(lang, cfg.site.default_language).path,
                        key,
                        pdf_path(cfg, page.id, lang, paper),
                        payload,
                    )
                )
    return jobs


def _pool(kind: str, workers: int) -> Executor:
    # Cards: Pillow lets go of the GIL while it encodes, so threads of this process share the work
    # without starting an interpreter each (0.3 s). PDFs: WeasyPrint is Python through and through, so
    # processes, spawned: a clean interpreter per worker, safe beside `mkdocs serve`'s threads.
    if kind == "card" or workers <= 1:
        return ThreadPoolExecutor(max_workers=max(1, workers))
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def run_jobs(cfg: PublicationsConfig, jobs: list[Job], site_dir: Path, report: Report) -> None:
    """Render what the cache lacks (PDFs first, the largest first), then place every file in the site."""
    suffix = {"pdf": ".pdf", "card": ".jpg"}
    todo = [j for j in jobs if not (cfg.cache_dir / j.kind / f"{j.key}{suffix[j.kind]}").is_file()]
    problems: list[Problem] = []
    if todo:
        todo.sort(key=lambda j: (j.kind != "pdf", -sum(len(p["inner"]) for p in j.payload.get("parts", ()))))
        futures: list[tuple[Job, Future]] = []
        with contextlib.ExitStack() as pools:
            for kind in ("pdf", "card"):  # both kinds at once: the cards while the PDFs render
                of_kind = [job for job in todo if job.kind == kind]
                if not of_kind:
                    continue
                pool = pools.enter_context(_pool(kind, min(cfg.workers, len(of_kind))))
                futures += [
                    (
                        job,
                        pool.submit(
                            _run_job,
                            kind,
                            job.payload,
                            str(cfg.cache_dir / kind / f"{job.key}{suffix[kind]}"),
                        ),
                    )
                    for job in of_kind
                ]
            for job, future in futures:
                try:
                    future.result()
                except Exception as error:  # noqa: BLE001 — reported with the page's file
                    problems.append(_problem(job, error))
        for job in todo:
            report.rendered[job.kind] += 1
    if problems:
        raise ProblemsFound(problems)
    for job in jobs:
        if job not in todo:
            report.cached[job.kind] += 1
        if place(cfg.cache_dir / job.kind / f"{job.key}{suffix[job.kind]}", site_dir / job.target):
            report.written.append(job.target)


def _problem(job: Job, error: BaseException) -> Problem:
    cause = error.__cause__ or error
    return Problem(
        job.source,
        None,
        f"could not make {job.target}: {type(cause).__name__}: {cause}",
        "check the page's images and links (publications only use files of the built site), "
        "or build without PDFs for now: NMM_PUBLICATIONS=0",
    )


def build_all(
    cfg: PublicationsConfig,
    site_dir: Path,
    *,
    catalog: Catalog | None = None,
    hero_file: HeroFinder | None = None,
) -> Report:
    """Every publication of the site built in `site_dir` (short links, feeds, cards, PDFs)."""
    start = time.perf_counter()
    report = Report()
    catalog = catalog or scan(cfg.site)
    langs = built_languages(cfg, site_dir)
    font_list = sorted(
        {*pdf.font_files(cfg.fonts_dir), cfg.fonts_dir / cards.TITLE_FONT, cfg.fonts_dir / cards.SITE_FONT}
    )
    fonts = _fonts_digest(cfg, font_list)
    step = time.perf_counter()
    write_short_links(cfg, catalog, site_dir, report)
    write_feeds(cfg, catalog, site_dir, langs, report)
    report.seconds["links+feeds"] = time.perf_counter() - step
    step = time.perf_counter()
    jobs = card_jobs(cfg, catalog, langs, hero_file or (lambda name: None), fonts)
    if cfg.pdf_enabled:
        jobs += pdf_jobs(cfg, catalog, site_dir, langs, fonts, report)
    report.seconds["prepare"] = time.perf_counter() - step
    step = time.perf_counter()
    run_jobs(cfg, jobs, site_dir, report)
    report.seconds["render"] = time.perf_counter() - step
    report.seconds["total"] = time.perf_counter() - start
    return report
