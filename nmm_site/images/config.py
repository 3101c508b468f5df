"""Settings of the image pipeline: one frozen dataclass, grouped by what each field changes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nmm_site import site_config

# Bump when the code changes what a given source and settings produce (new names, re-encode everything).
PIPELINE_VERSION = 1


@dataclass(frozen=True)
class ImageConfig:
    # Paths, by default those of the project being built (site_config.load(): the active project, else
    # this checkout): the originals and sidecars (never modified), the derived files (git-ignored).
    source_dir: Path = field(default_factory=lambda: site_config.load().root / "assets" / "images")
    cache_dir: Path = field(default_factory=lambda: site_config.load().cache_dir / "images")
    url_prefix: str = "assets/img"  # where derived files live in the site, relative to its root

    # Output sizes
    widths: tuple[int, ...] = (480, 960, 1600, 2400)  # content column ≈ 46rem; 2400 covers 2× hero
    min_step: float = 0.9  # drop a width above 90 % of the source width: nearly a duplicate of the top one
    sizes: str = "(min-width: 76.25em) 46rem, 100vw"  # Material's content column at its widest breakpoint

    # Quality, chosen per image by measurement (SSIM on luma against the resized source)
    target_ssim: float = 0.95  # below ≈0.95 blocking and smearing start to show on photos
    probe_width: int = 480  # the search runs on this downscaled copy, so it stays cheap
    quality_range_avif: tuple[int, int] = (35, 85)
    quality_range_webp: tuple[int, int] = (45, 92)
    quality_range_jpeg: tuple[int, int] = (50, 92)

    # Encoder effort
    avif_speed: int = 9  # 0 (slowest) … 10; on noisy photos 9 is ≈3× faster than 8 for ≈5 % more bytes
    webp_method: int = 4  # 0 … 6; 6 costs ≈2× for ≈2 % fewer bytes
    avif_threads: int = 1  # parallelism comes from the process pool; threads would oversubscribe

    # Safety
    max_pixels: int = 50_000_000  # decompression-bomb cap (a 50 MP camera frame is the largest we accept)
    max_aspect: float = 12.0  # long side / short side: a 12:1 panorama passes, a 1×20000 strip does not

    # Work
    workers: int | None = None  # None: os.cpu_count()

    # Sidecar text languages: those of the project being built (mkdocs.yml); for_root() passes its own.
    languages: tuple[str, ...] = field(default_factory=lambda: site_config.load().codes)

    def fingerprint(self) -> str:
        """Hash of only the settings that change the bytes of the outputs (not paths or workers)."""
        keep = {
            k: v
            for k, v in asdict(self).items()
            # max_aspect only refuses files: it never changes an output, so the cache stays valid.
            if k
            not in {"source_dir", "cache_dir", "url_prefix", "sizes", "workers", "languages", "max_aspect"}
        }
        keep["version"] = PIPELINE_VERSION
        return hashlib.sha256(json.dumps(keep, sort_keys=True).encode()).hexdigest()

    @classmethod
    def for_root(cls, root: Path, languages: tuple[str, ...] | None = None) -> ImageConfig:
        """The settings for a project checked out at `root`."""
        extra = {"languages": languages} if languages else {}
        return cls(source_dir=root / "assets" / "images", cache_dir=root / ".cache" / "images", **extra)
