"""Image pipeline benchmark: cold, warm and one-changed runs against a plain one-process Pillow loop."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml
from PIL import Image, ImageChops, ImageDraw, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nmm_site.images.config import ImageConfig  # noqa: E402
from nmm_site.images.encode import widths_for  # noqa: E402
from nmm_site.images.pipeline import run  # noqa: E402

SIDECAR = {
    "alt": {"vi": "Ảnh thử", "en": "Test photo", "fr": "Photo de test"},
    "caption": {"vi": "Ảnh thử", "en": "Test photo", "fr": "Photo de test"},
    "creator": "Benchmark",
    "licence": "CC0-1.0",
    "source": "generated",
    "date": "2026",
    "place": "Hà Giang",
    "people": "none",
}


def _noise(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    # Noise at three scales, so downscaled copies keep texture like foliage or rock does.
    out = np.zeros((h, w), np.float32)
    for step, amp in ((16, 30.0), (4, 14.0), (1, 6.0)):
        small = rng.standard_normal((h // step + 1, w // step + 1), dtype=np.float32) * amp
        out += np.repeat(np.repeat(small, step, 0), step, 1)[:h, :w]
    return out


def generate(folder: Path, count: int, width: int, height: int) -> list[Path]:
    """`count` camera-like JPEGs (gradients, shapes, noise); quick: one texture, shifted per photo."""
    rng = np.random.default_rng(2024)
    noise = np.stack([_noise(rng, height, width) for _ in range(3)], -1)
    x = np.arange(width, dtype=np.float32)[None, :, None]
    y = np.arange(height, dtype=np.float32)[:, None, None]
    base = np.clip(110 + noise + 60 * np.sin(x / width * 5) * (0.5 + y / height), 0, 255).astype(np.uint8)
    gradients = []
    for a, b, c in ((80, 60, 40), (40, 80, 70), (70, 30, 60)):
        g = np.empty((height, width, 3), np.uint8)
        g[..., 0] = (a * x[..., 0] / width).astype(np.uint8)
        g[..., 1] = (b * y[..., 0] / height).astype(np.uint8)
        g[..., 2] = (c * (x[..., 0] + y[..., 0]) / (width + height)).astype(np.uint8)
        gradients.append(Image.fromarray(g, "RGB"))
    paths = []
    for i in range(count):
        # Shift the shared texture, add one of three gradients, draw shapes: different photos, cheaply.
        shifted = Image.fromarray(np.roll(base, ((i * 37) % height, (i * 53) % width), (0, 1)), "RGB")
        im = ImageChops.subtract(ImageChops.add(shifted, gradients[i % 3]), gradients[(i + 1) % 3])
        draw = ImageDraw.Draw(im)
        for _ in range(6):  # sharp edges, like buildings and horizons
            r = int(rng.integers(height // 20, height // 4))
            cy, cx = int(rng.integers(0, height)), int(rng.integers(0, width))
            colour = tuple(int(c) for c in rng.integers(0, 255, 3))
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=max(2, r // 8))
        path = folder / f"anh-{i:03d}.jpg"
        im.save(path, "JPEG", quality=92)
        path.with_suffix(".yml").write_text(yaml.safe_dump(SIDECAR, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


def reference(paths: list[Path], out: Path, cfg: ImageConfig) -> None:
    """The straightforward way: one process, each width resized from the full image, fixed qualities."""
    out.mkdir(exist_ok=True)
    for path in paths:
        with Image.open(path) as original:
            im = ImageOps.exif_transpose(original).convert("RGB")
        for w in widths_for(im.width, cfg):
            small = im.resize((w, round(im.height * w / im.width)), Image.LANCZOS)
            small.save(out / f"{path.stem}-{w}.avif", "AVIF", quality=60, speed=cfg.avif_speed)
            small.save(out / f"{path.stem}-{w}.webp", "WEBP", quality=80, method=cfg.webp_method)
            small.save(out / f"{path.stem}-{w}.jpg", "JPEG", quality=82, optimize=True, progressive=True)


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100, help="photos to generate (default 100)")
    parser.add_argument("--quick", action="store_true", help="12 smaller photos: a smoke run for tests")
    parser.add_argument("--workers", type=int, default=None, help="pipeline processes (default: all cores)")
    args = parser.parse_args(argv)
    count, (width, height) = (12, (800, 600)) if args.quick else (args.count, (4000, 3000))

    with tempfile.TemporaryDirectory(prefix="nmm-images-bench-") as tmp:
        root = Path(tmp)
        source = root / "assets" / "images"
        source.mkdir(parents=True)
        cfg = dataclasses.replace(
            ImageConfig(), source_dir=source, cache_dir=root / ".cache" / "images", workers=args.workers
        )
        started = time.perf_counter()
        paths = generate(source, count, width, height)
        generated = time.perf_counter() - started
        print(f"generated {count} photos of {width}×{height} in {generated:.1f} s", flush=True)

        cold = run(cfg)
        warm = run(cfg)
        changed_path = paths[count // 2]
        with Image.open(changed_path) as im:
            ImageOps.mirror(im).save(changed_path, "JPEG", quality=92)
        changed = run(cfg)

        started = time.perf_counter()
        reference(paths, root / "reference", cfg)
        ref_seconds = time.perf_counter() - started
        ref_bytes = sum(p.stat().st_size for p in (root / "reference").iterdir())

        bytes_in = sum(p.stat().st_size for p in paths)
        # A phone (≈400 CSS px at 2–3×) picks the 960 variant; --quick photos are 3× smaller.
        phone_width = 960 if width >= 3000 else 480
        phone = sum(
            v["bytes"]
            for e in cold.entries.values()
            for v in e["variants"]
            if v["format"] == "avif" and v["width"] == min(phone_width, e["width"])
        )
        phone_saving = 1 - phone / bytes_in
        qualities = [e["qualities"] for e in cold.entries.values()]

    cores = cfg.workers or os.cpu_count()
    rows = [
        ("photos", f"{count} × {width}×{height}", ""),
        ("workers", str(cores), ""),
        ("reference: one-process Pillow loop", f"{ref_seconds:.1f} s", ""),
        ("cold run", f"{cold.seconds:.1f} s", "PASS" if cold.seconds < ref_seconds else "FAIL"),
        ("  target: faster than the reference", f"{ref_seconds / cold.seconds:.2f}× faster", ""),
        ("images per second (cold)", f"{count / cold.seconds:.2f}", ""),
        (
            "warm run (nothing changed)",
            f"{warm.seconds:.2f} s ({warm.seconds / cold.seconds:.1%} of cold)",
            "PASS" if warm.seconds < 0.02 * cold.seconds else "FAIL",
        ),
        ("  target: under 2 % of cold", f"{warm.cached} cached, {warm.encoded} encoded", ""),
        (
            "one changed",
            f"{changed.seconds:.2f} s, {changed.encoded} encoded",
            "PASS" if changed.encoded == 1 else "FAIL",
        ),
        ("bytes in (originals)", _mb(bytes_in), ""),
        ("bytes out (all variants)", f"{_mb(cold.bytes_out)} (reference {_mb(ref_bytes)})", ""),
        (
            f"phone bytes ({phone_width} AVIF)",
            f"{_mb(phone)} ({phone_saving:.1%} below originals)",
            "PASS" if phone_saving >= 0.9 else "FAIL",
        ),
        (
            "chosen quality avif/webp/jpeg (median)",
            "/".join(str(int(np.median([q[f] for q in qualities]))) for f in ("avif", "webp", "jpeg")),
            "",
        ),
    ]
    name_w = max(len(r[0]) for r in rows)
    value_w = max(len(r[1]) for r in rows)
    print(f"{'measure':<{name_w}}  {'value':<{value_w}}  target")
    print(f"{'-' * name_w}  {'-' * value_w}  ------")
    for name, value, verdict in rows:
        print(f"{name:<{name_w}}  {value:<{value_w}}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
