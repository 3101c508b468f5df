"""Run the pipeline: validate originals and sidecars, encode what changed in parallel, keep a manifest."""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmm_site import trust
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.files import atomic_write
from nmm_site.images.config import ImageConfig
from nmm_site.images.names import (
    IGNORED_NAMES,
    RASTER_SUFFIXES,
    SIDECAR_SUFFIX,
    SVG_SUFFIX,
    check_name,
    content_key,
)
from nmm_site.images.sidecar import Sidecar, load_sidecar
from nmm_site.stamps import PassStamps

# The encoder (Pillow, AVIF/WebP) is imported when an image needs encoding: a warm build has none.
if TYPE_CHECKING:
    from nmm_site.images.encode import Encoded

MANIFEST = "manifest.json"


@dataclass
class RunResult:
    """What a run produced: manifest entries and sidecars by original name, and the counts."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    sidecars: dict[str, Sidecar] = field(default_factory=dict)
    cached: int = 0
    encoded: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    seconds: float = 0.0
    encoded_names: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"images: {len(self.entries)} images, {self.cached} cached, {self.encoded} encoded, "
            f"{_size(self.bytes_in)} in, {_size(self.bytes_out)} out ({self.seconds:.1f} s)"
        )


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def originals(cfg: ImageConfig) -> tuple[list[Path], list[Problem]]:
    """The originals in cfg.source_dir (sorted), and problems with files that cannot be originals."""
    if not cfg.source_dir.is_dir():
        return [], []
    found, problems = [], []
    for path in sorted(cfg.source_dir.iterdir()):
        if path.name in IGNORED_NAMES or path.name.startswith("."):
            continue
        # A link leading outside the project would publish a file from elsewhere: never read through it.
        if link := trust.link_problem(path, cfg.source_dir.parent.parent):
            problems.append(link)
            continue
        if path.is_dir():
            continue
        suffix = path.suffix.lower()
        if suffix == SIDECAR_SUFFIX:
            continue
        if suffix not in (*RASTER_SUFFIXES, SVG_SUFFIX):
            problems.append(
                Problem(
                    path,
                    None,
                    f"unknown image format {suffix or '(no extension)'!r}: only JPEG, PNG, WebP, AVIF, HEIC, "
                    "GIF, TIFF and SVG originals are published",
                    "export it as JPEG (photos) or PNG (graphics), or move it out of assets/images/",
                )
            )
            continue
        if problem := check_name(path):
            problems.append(problem)
            continue
        found.append(path)
    return found, problems


def load_manifest(cfg: ImageConfig) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((cfg.cache_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("images", {}) if isinstance(data, dict) else {}


def _entry(result: Encoded, path: Path, fingerprint: str) -> dict[str, Any]:
    st = path.stat()
    entry = asdict(result)
    entry.update(stat=[st.st_size, st.st_mtime_ns], fingerprint=fingerprint)
    return entry


def _outputs_exist(entry: dict[str, Any], cfg: ImageConfig) -> bool:
    return all((cfg.cache_dir / v["file"]).is_file() for v in entry.get("variants", []))


def run(cfg: ImageConfig, *, languages: tuple[str, ...] | None = None) -> RunResult:
    """Bring cfg.cache_dir up to date with cfg.source_dir; raise ProblemsFound listing every bad file."""
    started = time.perf_counter()
    languages = languages or cfg.languages
    cfg.cache_dir.mkdir(parents=True, exist_ok=True)
    paths, problems = originals(cfg)
    result = RunResult()
    passed = PassStamps(cfg.cache_dir.parent / "sidecar-checks", keep=2000)
    for path in paths:
        sidecar, sidecar_problems = load_sidecar(path, languages, passed)
        problems += sidecar_problems
        if sidecar:
            result.sidecars[path.name] = sidecar

    fingerprint = cfg.fingerprint()
    old = load_manifest(cfg)
    todo: list[tuple[Path, str]] = []
    for path in paths:
        st = path.stat()
        previous = old.get(path.name)
        same_stat = previous and previous.get("stat") == [st.st_size, st.st_mtime_ns]
        # The stat check only skips re-reading the bytes; the key is always the content hash.
        if same_stat and previous.get("fingerprint") == fingerprint:
            key = previous["key"]
        else:
            key = content_key(path.read_bytes(), fingerprint)
        if previous and previous.get("key") == key and _outputs_exist(previous, cfg):
            result.entries[path.name] = {**previous, "stat": [st.st_size, st.st_mtime_ns]}
            result.cached += 1
        else:
            todo.append((path, key))

    for path, outcome in _encode_all(todo, cfg):
        if not isinstance(outcome, Problem):
            result.entries[path.name] = _entry(outcome, path, fingerprint)
            result.encoded += 1
            result.encoded_names.append(path.name)
        else:
            problems.append(outcome)

    _sweep(cfg, result.entries)
    atomic_write(
        cfg.cache_dir / MANIFEST,
        json.dumps({"images": result.entries}, indent=1, sort_keys=True, ensure_ascii=False).encode(),
    )
    result.bytes_in = sum(e["stat"][0] for e in result.entries.values())
    result.bytes_out = sum(v["bytes"] for e in result.entries.values() for v in e["variants"])
    result.seconds = time.perf_counter() - started
    if problems:
        raise ProblemsFound(problems)
    return result


def _problem(path: Path, exc: BaseException) -> Problem:
    from nmm_site.images.encode import BadImage

    if isinstance(exc, BadImage):
        return Problem(path, exc.line, str(exc), exc.fix)
    # Anything unexpected still names the file and stays a one-line report, not a traceback.
    return Problem(
        path,
        None,
        f"could not be processed ({type(exc).__name__}: {exc})",
        "re-export the image as JPEG or PNG; if that does not help, report it with the file attached",
    )


def _encode_all(todo: list[tuple[Path, str]], cfg: ImageConfig) -> list[tuple[Path, Encoded | Problem]]:
    if not todo:
        return []
    from nmm_site.images.encode import encode_file

    workers = min(len(todo), cfg.workers or os.cpu_count() or 1)
    outcomes: list[tuple[Path, Encoded | Problem]] = []
    if workers == 1:
        for path, key in todo:
            try:
                outcomes.append((path, encode_file(path, key, cfg)))
            except Exception as exc:  # noqa: BLE001 - every failure becomes a Problem naming the file
                outcomes.append((path, _problem(path, exc)))
        return outcomes
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # Biggest files first, so one large photo does not finish alone at the end.
        order = sorted(todo, key=lambda item: -item[0].stat().st_size)
        futures: list[tuple[Path, Future[Encoded]]] = [
            (p, pool.submit(encode_file, p, k, cfg)) for p, k in order
        ]
        for path, future in futures:
            try:
                outcomes.append((path, future.result()))
            except Exception as exc:  # noqa: BLE001
                outcomes.append((path, _problem(path, exc)))
    return outcomes


def _sweep(cfg: ImageConfig, entries: dict[str, dict[str, Any]]) -> None:
    """Delete derived files no entry uses: removed or changed originals take their outputs with them."""
    keep = {v["file"] for e in entries.values() for v in e["variants"]} | {MANIFEST}
    for path in cfg.cache_dir.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)
